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
}

impl Value {
    pub(super) fn from_data(d: &Data) -> Value {
        match d {
            Data::Empty => Value::Empty,
            Data::String(s) => Value::text(s),
            Data::Int(i) => Value::Number(*i as f64),
            Data::Float(f) => Value::Number(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => Value::Date(serial_to_date(dt.as_f64())),
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
            Value::Empty | Value::Error(_) => None,
            Value::Text(s) => Some(crate::taxonomy::tidy(s)),
            Value::Number(n) => Some(format_number(*n)),
            Value::Bool(b) => Some(if *b { "TRUE".into() } else { "FALSE".into() }),
            Value::Date(d) => Some(d.clone()),
        }
    }

    /// The value as a number; numbers stored as text are read too.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(s) => s.trim().replace(',', "").parse::<f64>().ok().filter(|n| n.is_finite()),
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

/// An Excel serial date (1900 system) as YYYY-MM-DD.
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
    fn numbers_stored_as_text_are_numbers() {
        assert_eq!(Value::Text(" 40 ".into()).as_number(), Some(40.0));
        assert_eq!(Value::Text("forty".into()).as_number(), None);
    }
}
