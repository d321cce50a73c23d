//! Calendar dates, due dates from a plan's `Timescale`, and the update dates of progress returns (SPEC §10.1).

use crate::read::Value;
use std::fmt;

/// A calendar date (proleptic Gregorian), shown as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, when it exists (and the year is between 1900 and 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1900..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The last day of a month.
    pub fn end_of_month(year: i32, month: u32) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then(|| Date::new(year, month, days_in_month(year, month)))
            .flatten()
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by a number of days.
    pub fn plus_days(&self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Today's date (UTC), from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days(secs.div_euclid(86_400))
    }

    /// A date written as text: ISO (`2019-03-31`), or day/month/year as written in the UK (`31/03/2019`,
    /// `31-03-2019`, `31.3.19`), or with the month in words (`31 March 2019`, `31 Mar 2019`).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let parts: Vec<&str> = t.split(['-', '/', '.', ' ']).filter(|p| !p.is_empty()).collect();
        if parts.len() != 3 {
            return None;
        }
        if parts[0].len() == 4 {
            let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
            return Date::new(y, m, d);
        }
        let day: u32 = parts[0].trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
        let month = parts[1].parse::<u32>().ok().or_else(|| month_from_name(parts[1]))?;
        let year = full_year(parts[2])?;
        Date::new(year, month, day)
    }
}

pub use crate::read::cell::month_from_name;

/// A year written with four digits, or two ("19" is 2019).
fn full_year(text: &str) -> Option<i32> {
    let t = text.trim();
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match t.len() {
        4 => t.parse().ok(),
        2 => t.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// What an action's `Timescale` cell says about when it is due.
#[derive(Debug, Clone, PartialEq)]
pub enum Timescale {
    /// Blank: no due date.
    None,
    Ongoing,
    ToBeConfirmed,
    /// A month, quarter or date: due on this day (the last day of a month or quarter).
    Due(Date),
    /// Text the tool could not read as a timescale (a warning names the cell; no due date).
    Unreadable,
}

impl Timescale {
    pub fn due(&self) -> Option<Date> {
        match self {
            Timescale::Due(d) => Some(*d),
            _ => None,
        }
    }
}

/// Read a `Timescale` cell: "Ongoing", "To be confirmed"/"TBC", blank, a month and year ("March 2019",
/// "Mar 2019", "03/2019": the last day of that month), a quarter of a financial year ("Q3 2018-19": the
/// last day of December 2018; Q1 is April to June) or a date.
pub fn timescale(value: &Value) -> Timescale {
    match value {
        Value::Empty => Timescale::None,
        Value::Date(iso) => Date::parse(iso).map_or(Timescale::Unreadable, Timescale::Due),
        Value::Text(t) => timescale_text(t),
        _ => Timescale::Unreadable,
    }
}

fn timescale_text(text: &str) -> Timescale {
    let t = crate::taxonomy::tidy(text);
    let k = crate::taxonomy::key(&t);
    if k.is_empty() {
        return Timescale::None;
    }
    if ["ongoing", "continuous", "throughout"].contains(&k.as_str()) {
        return Timescale::Ongoing;
    }
    if ["tbc", "tobeconfirmed", "tbd", "tobedecided", "tobeagreed"].contains(&k.as_str()) {
        return Timescale::ToBeConfirmed;
    }
    if let Some(d) = quarter(&t).or_else(|| month_year(&t)).or_else(|| Date::parse(&t)) {
        return Timescale::Due(d);
    }
    Timescale::Unreadable
}

/// "March 2019", "Mar 2019", "Mar-19", "03/2019", "3/2019", "2019-03": the last day of that month.
fn month_year(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['-', '/', ' ', '.']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 2 {
        return None;
    }
    let (a, b) = (parts[0], parts[1]);
    if a.len() == 4 && a.chars().all(|c| c.is_ascii_digit()) {
        return Date::end_of_month(a.parse().ok()?, b.parse().ok()?);
    }
    let month = if a.chars().all(|c| c.is_ascii_digit()) && a.len() <= 2 {
        a.parse().ok()?
    } else {
        month_from_name(a)?
    };
    Date::end_of_month(full_year(b)?, month)
}

/// "Q3 2018-19", "Q3 2018/19", "Q3 2018/2019", "2018-19 Q3": the last day of the quarter of that UK
/// financial year (Q1 April to June, Q2 July to September, Q3 October to December, Q4 January to March).
pub fn quarter(text: &str) -> Option<Date> {
    let parts: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if parts.len() != 2 {
        return None;
    }
    let (q, year) = if parts[0].starts_with('q') {
        (&parts[0], &parts[1])
    } else {
        (&parts[1], &parts[0])
    };
    let n: u32 = q.strip_prefix('q')?.parse().ok()?;
    if !(1..=4).contains(&n) {
        return None;
    }
    let first = financial_year_start(year)?;
    match n {
        1 => Date::end_of_month(first, 6),
        2 => Date::end_of_month(first, 9),
        3 => Date::end_of_month(first, 12),
        _ => Date::end_of_month(first + 1, 3),
    }
}

/// The first calendar year of a financial year written "2018-19", "2018/19" or "2018/2019".
pub fn financial_year_start(text: &str) -> Option<i32> {
    let (a, b) = text.split_once(['-', '/'])?;
    let first: i32 = a.trim().parse().ok().filter(|_| a.trim().len() == 4)?;
    let second = full_year(b)?;
    (second == first + 1).then_some(first)
}

/// An update's `Date` cell: a date, or a date written as text.
pub fn update_date(value: &Value) -> Option<Date> {
    match value {
        Value::Date(iso) => Date::parse(iso),
        Value::Text(t) => Date::parse(t),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(text: &str) -> Option<String> {
        timescale(&Value::Text(text.into())).due().map(|d| d.to_string())
    }

    #[test]
    fn a_month_and_year_is_due_on_its_last_day() {
        assert_eq!(due("March 2019").as_deref(), Some("2019-03-31"));
        assert_eq!(due("Mar 2019").as_deref(), Some("2019-03-31"));
        assert_eq!(due("03/2019").as_deref(), Some("2019-03-31"));
        assert_eq!(due("Sept 2018").as_deref(), Some("2018-09-30"));
        assert_eq!(due("February 2020").as_deref(), Some("2020-02-29"));
    }

    #[test]
    fn a_quarter_is_due_at_the_end_of_the_quarter_of_the_financial_year() {
        assert_eq!(due("Q1 2018-19").as_deref(), Some("2018-06-30"));
        assert_eq!(due("Q3 2018-19").as_deref(), Some("2018-12-31"));
        assert_eq!(due("Q4 2018/19").as_deref(), Some("2019-03-31"));
        assert_eq!(due("Q5 2018-19"), None);
        assert_eq!(due("Q2 2018-20"), None);
    }

    #[test]
    fn words_and_dates() {
        assert_eq!(timescale(&Value::Text("Ongoing".into())), Timescale::Ongoing);
        assert_eq!(
            timescale(&Value::Text("To be confirmed".into())),
            Timescale::ToBeConfirmed
        );
        assert_eq!(timescale(&Value::Text("TBC".into())), Timescale::ToBeConfirmed);
        assert_eq!(timescale(&Value::Empty), Timescale::None);
        assert_eq!(due("31/10/2018").as_deref(), Some("2018-10-31"));
        assert_eq!(
            timescale(&Value::Date("2018-11-30".into())),
            Timescale::Due(Date::new(2018, 11, 30).unwrap())
        );
        assert_eq!(
            timescale(&Value::Text("when funding allows".into())),
            Timescale::Unreadable
        );
        assert_eq!(timescale(&Value::Text("31/02/2019".into())), Timescale::Unreadable);
    }

    #[test]
    fn days_round_trip() {
        let d = Date::new(2019, 3, 31).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.plus_days(1).to_string(), "2019-04-01");
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(d.days() - Date::new(2018, 12, 1).unwrap().days(), 120);
    }
}
