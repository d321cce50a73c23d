//! One cell's value as the readers need it, numbers and dates as a person writes them, and A1 references.

use calamine::{Data, DataRef};

/// The A1 reference of a zero-based row and column: `a1(0, 0)` is `"A1"`, `a1(9, 27)` is `"AB10"`.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(b'A' + rem);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap_or_default(), row as u64 + 1)
}

/// One cell's value, as the readers need it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date, shown as YYYY-MM-DD.
    Date(String),
    /// A formula error such as `#REF!`.
    Error(String),
    /// A formula saved without its value (as openpyxl and some exporters write them).
    Uncached,
}

/// The largest magnitude a number may have (SPEC §4): anything bigger is an error, not a value.
pub const MAX_MAGNITUDE: f64 = 1e12;

impl Value {
    pub(super) fn from_data(d: &Data) -> Value {
        match d {
            Data::Empty => Value::Empty,
            Data::String(s) => Value::text(s),
            Data::Int(i) => Value::Number(*i as f64),
            Data::Float(f) => Value::Number(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => Value::Date(excel_date(dt)),
            Data::DateTimeIso(s) => Value::Date(s.chars().take(10).collect()),
            Data::DurationIso(s) => Value::Text(s.clone()),
            Data::Error(e) => Value::Error(e.to_string()),
        }
    }

    pub(super) fn from_ref(d: &DataRef<'_>) -> Value {
        Value::from_data(&Data::from(d.clone()))
    }

    fn text(s: &str) -> Value {
        if s.trim().is_empty() {
            Value::Empty
        } else {
            Value::Text(s.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The value as text, tidied; numbers as they would print. `None` for empty cells and formula errors.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Empty | Value::Error(_) | Value::Uncached => None,
            Value::Text(s) => Some(crate::taxonomy::tidy(s)),
            Value::Number(n) => Some(format_number(*n)),
            Value::Bool(b) => Some(if *b { "TRUE".into() } else { "FALSE".into() }),
            Value::Date(d) => Some(d.clone()),
        }
    }

    /// The value as a number; numbers stored as text are read too (SPEC §4). `None` for anything that is
    /// not a usable number, including malformed ones ("183,33") and those beyond [`MAX_MAGNITUDE`]: use
    /// [`Value::number`] where the reason should be told.
    pub fn as_number(&self) -> Option<f64> {
        self.number().ok().flatten()
    }

    /// The value as a number: `Ok(None)` when it is not a number at all (empty, words, a date), an error
    /// sentence when it looks like a number but is not one the tool may read: commas not between groups
    /// of three digits ("183,33", "1,2,3"), not finite, or larger than [`MAX_MAGNITUDE`].
    ///
    /// ```
    /// use csa_review::read::Value;
    /// assert_eq!(Value::Text("12,345.5".into()).number(), Ok(Some(12345.5)));
    /// assert!(Value::Text("183,33".into()).number().is_err());
    /// assert_eq!(Value::Text("High".into()).number(), Ok(None));
    /// ```
    pub fn number(&self) -> Result<Option<f64>, String> {
        let n = match self {
            Value::Number(n) => *n,
            Value::Text(s) => {
                let t = s.trim();
                let numeric_looking = !t.is_empty()
                    && t.chars().any(|c| c.is_ascii_digit())
                    && t.chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-' | ' '));
                if !numeric_looking {
                    return Ok(None);
                }
                parse_number_text(t).ok_or_else(|| {
                    format!(
                        "\"{t}\" is not a number the tool can read: write digits with an optional decimal point, and commas only between groups of three digits (as in 12,345.5)"
                    )
                })?
            }
            _ => return Ok(None),
        };
        if !n.is_finite() || n.abs() > MAX_MAGNITUDE {
            return Err(format!(
                "the number {} is beyond the largest the tool accepts (1,000,000,000,000 either way)",
                format_number(n)
            ));
        }
        Ok(Some(n))
    }

    /// Why a cell the tool needs cannot be used: a formula error or a formula without its stored value.
    pub fn unusable(&self) -> Option<String> {
        match self {
            Value::Error(e) => Some(format!(
                "the cell holds the formula error {e}: correct the formula or type the value, save and send it again"
            )),
            Value::Uncached => Some(
                "the cell holds a formula whose value is not stored in the file: open and save the file in Excel or LibreOffice so that its values are stored".into(),
            ),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a date", "the error #REF!").
    pub fn describe(&self) -> String {
        match self {
            Value::Empty => "an empty cell".into(),
            Value::Text(s) => format!("\"{}\"", crate::taxonomy::tidy(s).chars().take(60).collect::<String>()),
            Value::Number(n) => format!("the number {}", format_number(*n)),
            Value::Bool(b) => format!("the true/false value {}", if *b { "TRUE" } else { "FALSE" }),
            Value::Date(d) => format!("the date {d}"),
            Value::Error(e) => format!("the formula error {e}"),
            Value::Uncached => "a formula whose value is not stored".into(),
        }
    }
}

/// A number as a person would write it: no trailing ".0".
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Text that is a number by SPEC §4: an optional sign, digits, an optional decimal point; commas only as
/// thousands separators between groups of three digits.
fn parse_number_text(t: &str) -> Option<f64> {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if fraction.is_some_and(|f| f.is_empty() && whole.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let whole_ok = if groups.len() == 1 {
        whole.chars().all(|c| c.is_ascii_digit()) && (!whole.is_empty() || fraction.is_some_and(|f| !f.is_empty()))
    } else {
        (1..=3).contains(&groups[0].len())
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3)
    };
    if !whole_ok {
        return None;
    }
    t.replace(',', "").parse::<f64>().ok()
}

/// A date cell as YYYY-MM-DD, in the workbook's own date system (1900 or 1904).
fn excel_date(dt: &calamine::ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return format_number(serial);
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{d:02}")
}

/// A month from its English name or any abbreviation of three letters or more ("March", "Mar", "Sept").
///
/// ```
/// use csa_review::read::cell::month_from_name;
/// assert_eq!(month_from_name("Sept."), Some(9));
/// assert_eq!(month_from_name("ma"), None);
/// ```
pub fn month_from_name(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim().trim_end_matches('.').to_lowercase();
    (w.len() >= 3)
        .then(|| MONTHS.iter().position(|m| m.starts_with(&w)))
        .flatten()
        .map(|i| i as u32 + 1)
}

/// A date typed as text, as YYYY-MM-DD when it can be read only one way: "2026-01-30", "30/01/2026"
/// (the day is over 12), "30 January 2026", "Jan 30, 2026". `None` for anything ambiguous ("01/02/2026")
/// or not a real date.
///
/// ```
/// use csa_review::read::cell::date_text_to_iso;
/// assert_eq!(date_text_to_iso("30/01/2026").as_deref(), Some("2026-01-30"));
/// assert_eq!(date_text_to_iso("1 February 2026").as_deref(), Some("2026-02-01"));
/// assert_eq!(date_text_to_iso("01/02/2026"), None);
/// ```
pub fn date_text_to_iso(text: &str) -> Option<String> {
    let month_of = month_from_name;
    let valid = |y: i64, m: u32, d: u32| -> Option<String> {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        ((1900..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize])
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let t = text.trim();
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() != 3 {
            return None;
        }
        if parts[0].len() == 4 {
            return valid(n[0], n[1] as u32, n[2] as u32);
        }
        if parts[2].len() != 4 {
            return None;
        }
        // Day first (as written in the UK) or month first: only when the two readings agree or one is impossible.
        let day_first = valid(n[2], n[1] as u32, n[0] as u32);
        let month_first = valid(n[2], n[0] as u32, n[1] as u32);
        return match (day_first, month_first) {
            (Some(a), Some(b)) if a == b => Some(a),
            (Some(a), None) | (None, Some(a)) => Some(a),
            _ => None,
        };
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 {
        let num = |w: &str| -> Option<i64> {
            w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse()
                .ok()
                .filter(|_| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        };
        let year: i64 = words[2].parse().ok()?;
        if let (Some(d), Some(m)) = (num(words[0]), month_of(words[1])) {
            return valid(year, m, u32::try_from(d).ok()?);
        }
        if let (Some(m), Some(d)) = (month_of(words[0]), num(words[1])) {
            return valid(year, m, u32::try_from(d).ok()?);
        }
    }
    None
}

/// An Excel serial date (1900 system) as YYYY-MM-DD.
#[cfg(test)]
fn serial_to_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days from 1970-01-01; Excel's day 25569 is 1970-01-01.
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(13, 0), "A14");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_to_date(43101.0), "2018-01-01");
        assert_eq!(serial_to_date(25569.0), "1970-01-01");
    }

    #[test]
    fn numbers_stored_as_text_follow_the_spec() {
        for (text, want) in [
            ("1,000", 1000.0),
            ("12,345.5", 12345.5),
            ("-7", -7.0),
            ("+0.25", 0.25),
            (".5", 0.5),
            ("1234567", 1_234_567.0),
        ] {
            assert_eq!(Value::Text(text.into()).number(), Ok(Some(want)), "{text}");
        }
        for bad in ["183,33", "1,2,3", "1,0000", ",100", "1.2.3", "12,34.5", "- 5", "1e308"] {
            let v = Value::Text(bad.into());
            assert!(v.number().is_err() || v.number() == Ok(None), "{bad}");
            assert_eq!(v.as_number(), None, "{bad}");
        }
        assert!(Value::Text("183,33".into()).number().is_err());
        assert!(Value::Number(1e13).number().is_err());
        assert!(Value::Number(f64::INFINITY).number().is_err());
        assert_eq!(Value::Number(1e12).number(), Ok(Some(1e12)));
    }

    #[test]
    fn dates_typed_as_text() {
        assert_eq!(date_text_to_iso("2026-01-30").as_deref(), Some("2026-01-30"));
        assert_eq!(date_text_to_iso("30/01/2026").as_deref(), Some("2026-01-30"));
        assert_eq!(date_text_to_iso("01/30/2026").as_deref(), Some("2026-01-30"));
        assert_eq!(date_text_to_iso("05/05/2026").as_deref(), Some("2026-05-05"));
        assert_eq!(date_text_to_iso("Jan 30, 2026").as_deref(), Some("2026-01-30"));
        assert_eq!(date_text_to_iso("30th January 2026").as_deref(), Some("2026-01-30"));
        assert_eq!(date_text_to_iso("01/02/2026"), None);
        assert_eq!(date_text_to_iso("31/02/2026"), None);
        assert_eq!(date_text_to_iso("soon"), None);
    }

    #[test]
    fn dates_of_the_1904_system_are_not_four_years_out() {
        let d1900 = calamine::ExcelDateTime::new(43101.0, calamine::ExcelDateTimeType::DateTime, false);
        let d1904 = calamine::ExcelDateTime::new(43101.0 - 1462.0, calamine::ExcelDateTimeType::DateTime, true);
        assert_eq!(excel_date(&d1900), "2018-01-01");
        assert_eq!(excel_date(&d1904), "2018-01-01");
    }

    #[test]
    fn numbers_stored_as_text_are_numbers() {
        assert_eq!(Value::Text(" 40 ".into()).as_number(), Some(40.0));
        assert_eq!(Value::Text("forty".into()).as_number(), None);
    }
}
