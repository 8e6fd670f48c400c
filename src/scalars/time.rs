//! Dates of explicit precision and periods with open ends.
//!
//! A [`Date`] is a year, a month, a day, or a day with a time of day; a time of
//! day always carries its UTC offset, since "10:00" means nothing without it.
//! The forms are those of RFC 3339 and ISO 8601, parsed strictly by this crate
//! (not by chrono's lenient parser) and written back exactly as read:
//!
//! | precision | example |
//! | --- | --- |
//! | year | `2024` |
//! | month | `2024-04` |
//! | day | `2024-04-02` |
//! | time | `2024-04-03T10:00:00+03:00`, `2024-04-02T08:15:30.5Z`, `1999-12-31T23:00:00-00:00` |
//!
//! The offset is kept as written: `Z`, `+00:00` and `-00:00` (RFC 3339's
//! "UTC time, local offset unknown") stay distinct, and `+05:45` stays
//! `+05:45`. Fractions of a second keep their digits (`.50` stays `.50`).
//! Leap seconds (`:60`) are rejected: chrono cannot place them and real
//! diplomatic records never need one.
//!
//! A date of day precision or coarser is a local calendar date. A
//! [`Period`] may say in which IANA time zone its dates are local
//! (`time_zone`), as may the event's place; dates local to different zones
//! are compared as the stretches of time they cover
//! ([`Date::compare_zoned`]). Lengths of time are
//! [`IsoDuration`](crate::IsoDuration)s.

use crate::json::declare::record_struct;
use crate::scalars::newtype::{string_newtype, string_schema};

/// How precisely a [`Date`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
    /// A day and a time of day with its UTC offset.
    Time,
}

/// A UTC offset as written in RFC 3339.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UtcOffset {
    /// `Z`: UTC.
    Z,
    /// `-00:00`: the time is in UTC and the local offset is unknown (RFC 3339 §4.3).
    UnknownLocal,
    /// `+hh:mm` or `-hh:mm`, in minutes east of UTC (`+00:00` is `Minutes(0)`).
    Minutes(i16),
}

impl UtcOffset {
    /// Minutes east of UTC (0 for `Z` and `-00:00`).
    pub fn minutes(self) -> i16 {
        match self {
            UtcOffset::Z | UtcOffset::UnknownLocal => 0,
            UtcOffset::Minutes(minutes) => minutes,
        }
    }
}

/// A time of day with seconds, an optional fraction and its UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    /// Number of fraction digits as written (0 when there is no fraction).
    fraction_digits: u8,
    offset: UtcOffset,
}

impl TimeOfDay {
    /// Parses an RFC 3339 `full-time`: `hh:mm:ss`, an optional fraction of up
    /// to nine digits, and a mandatory offset (`Z`, `+hh:mm`, `-hh:mm`), under
    /// the same rules as the time part of a [`Date`].
    ///
    /// # Errors
    /// [`DateError`] naming the text and what is wrong with it.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::TimeOfDay;
    /// let t = TimeOfDay::parse("10:00:00.50+05:45")?;
    /// assert_eq!(t.to_string(), "10:00:00.50+05:45");
    /// assert!(TimeOfDay::parse("10:00:00").is_err());
    /// # Ok::<(), diplomatic_events::DateError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateError> {
        parse_time(text, 0)
    }

    /// Hour, 0–23.
    pub fn hour(&self) -> u8 {
        self.hour
    }
    /// Minute, 0–59.
    pub fn minute(&self) -> u8 {
        self.minute
    }
    /// Second, 0–59.
    pub fn second(&self) -> u8 {
        self.second
    }
    /// Nanoseconds within the second.
    pub fn nanosecond(&self) -> u32 {
        self.nanosecond
    }
    /// The UTC offset as written.
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }
}

impl std::fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UtcOffset::Z => f.write_str("Z"),
            UtcOffset::UnknownLocal => f.write_str("-00:00"),
            UtcOffset::Minutes(minutes) => {
                let sign = if *minutes < 0 { '-' } else { '+' };
                let abs = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
            }
        }
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        if self.fraction_digits > 0 {
            let digits = format!("{:09}", self.nanosecond);
            f.write_str(".")?;
            f.write_str(digits.get(..usize::from(self.fraction_digits)).unwrap_or_default())?;
        }
        write!(f, "{}", self.offset)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Repr {
    Year(u16),
    Month(u16, u8),
    Day(chrono::NaiveDate),
    Time(chrono::NaiveDate, TimeOfDay),
}

/// A date known to the year, month or day, or a moment with time of day and
/// UTC offset. See the [module documentation](crate::time) for the forms.
///
/// # Example
/// ```
/// use diplomatic_events::{Date, Precision};
/// let published: Date = "2024-04-03T10:00:00+03:00".parse()?;
/// assert_eq!(published.precision(), Precision::Time);
/// assert_eq!(published.to_string(), "2024-04-03T10:00:00+03:00");
/// assert_eq!("2024-04".parse::<Date>()?.precision(), Precision::Month);
/// assert!("2024-02-30".parse::<Date>().is_err());
/// assert!("2024-04-02T10:00:00".parse::<Date>().is_err()); // no offset
/// # Ok::<(), diplomatic_events::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    repr: Repr,
    text: DateText,
}

/// A date's text as written, inline: at most 35 ASCII bytes, the longest
/// form being `YYYY-MM-DDThh:mm:ss.fffffffff+hh:mm`. (A date-time with an
/// offset, 25 bytes, was one byte too long for an inline `CompactString`:
/// every such date cost an allocation and a free.)
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct DateText {
    len: u8,
    bytes: [u8; 35],
}

impl DateText {
    /// `text`, if it fits.
    fn new(text: &str) -> Option<Self> {
        let mut bytes = [0; 35];
        bytes.get_mut(..text.len())?.copy_from_slice(text.as_bytes());
        Some(DateText { len: u8::try_from(text.len()).ok()?, bytes })
    }

    fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

impl std::fmt::Debug for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Why a string is not an accepted [`Date`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text does not have one of the accepted shapes.
    #[error(
        "{text:?} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)"
    )]
    Syntax {
        /// The offending text.
        text: String,
    },
    /// A time of day without a UTC offset.
    #[error("{text:?} has a time of day but no UTC offset: add Z, +hh:mm or -hh:mm")]
    MissingOffset {
        /// The offending text.
        text: String,
    },
    /// A field out of its range (month 13, 30 February, hour 24, offset +24:00...).
    #[error("{text:?} is not a real date or time: {field} {value} is out of range")]
    OutOfRange {
        /// The offending text.
        text: String,
        /// Which field.
        field: &'static str,
        /// The value found.
        value: u32,
    },
    /// A leap second.
    #[error("{text:?} is a leap second (second 60), which is not supported")]
    LeapSecond {
        /// The offending text.
        text: String,
    },
}

impl DateError {
    /// The problem code of this error: `InvalidDate`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidDate
    }
}

/// Reads exactly `n` ASCII digits at `*at`.
fn digits(bytes: &[u8], at: &mut usize, n: usize) -> Option<u32> {
    let slice = bytes.get(*at..*at + n)?;
    let mut value = 0u32;
    for b in slice {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
    }
    *at += n;
    Some(value)
}

fn expect(bytes: &[u8], at: &mut usize, byte: u8) -> Option<()> {
    if bytes.get(*at) == Some(&byte) {
        *at += 1;
        Some(())
    } else {
        None
    }
}

/// `text` does not have the shape of a date or time.
fn syntax_error(text: &str) -> DateError {
    DateError::Syntax { text: text.to_owned() }
}

/// A field of `text` is out of its range.
fn range_error(text: &str, field: &'static str, value: u32) -> DateError {
    DateError::OutOfRange { text: text.to_owned(), field, value }
}

/// Parses an RFC 3339 `full-time` (`hh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)`)
/// that starts at byte `at` of `text` and runs to its end. Errors name the
/// whole `text`.
fn parse_time(text: &str, mut at: usize) -> Result<TimeOfDay, DateError> {
    let (syntax, range) = (|| syntax_error(text), |field, value| range_error(text, field, value));
    let bytes = text.as_bytes();
    let hour = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
    expect(bytes, &mut at, b':').ok_or_else(syntax)?;
    let minute = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
    expect(bytes, &mut at, b':').ok_or_else(syntax)?;
    let second = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
    let mut nanosecond = 0u32;
    let mut fraction_digits = 0u8;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        while let Some(b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            if fraction_digits == 9 {
                return Err(syntax());
            }
            nanosecond = nanosecond * 10 + u32::from(b - b'0');
            fraction_digits += 1;
            at += 1;
        }
        if fraction_digits == 0 {
            return Err(syntax());
        }
        nanosecond *= 10u32.pow(9 - u32::from(fraction_digits));
    }
    let offset = match bytes.get(at) {
        None => return Err(DateError::MissingOffset { text: text.to_owned() }),
        Some(b'Z') => {
            at += 1;
            UtcOffset::Z
        }
        Some(&sign @ (b'+' | b'-')) => {
            at += 1;
            let hours = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
            expect(bytes, &mut at, b':').ok_or_else(syntax)?;
            let minutes = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
            if hours > 23 {
                return Err(range("offset hour", hours));
            }
            if minutes > 59 {
                return Err(range("offset minute", minutes));
            }
            let total = i16::try_from(hours * 60 + minutes).map_err(|_| syntax())?;
            match (sign, total) {
                (b'-', 0) => UtcOffset::UnknownLocal,
                (b'-', _) => UtcOffset::Minutes(-total),
                _ => UtcOffset::Minutes(total),
            }
        }
        Some(_) => return Err(syntax()),
    };
    if at != bytes.len() {
        return Err(syntax());
    }
    if hour > 23 {
        return Err(range("hour", hour));
    }
    if minute > 59 {
        return Err(range("minute", minute));
    }
    if second == 60 {
        return Err(DateError::LeapSecond { text: text.to_owned() });
    }
    if second > 59 {
        return Err(range("second", second));
    }
    let narrow = |v: u32| u8::try_from(v).map_err(|_| syntax());
    let time = TimeOfDay {
        hour: narrow(hour)?,
        minute: narrow(minute)?,
        second: narrow(second)?,
        nanosecond,
        fraction_digits,
        offset,
    };
    Ok(time)
}

impl Date {
    /// Parses one of the accepted forms.
    ///
    /// # Errors
    /// [`DateError`] naming the text and what is wrong with it.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Date, Precision};
    /// assert_eq!(Date::parse("1955-11")?.precision(), Precision::Month);
    /// assert_eq!(Date::parse("2024-04-02T10:30:00+04:00")?.precision(), Precision::Time);
    /// assert!(Date::parse("2024-02-30").is_err());
    /// # Ok::<(), diplomatic_events::DateError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let (syntax, range) =
            (|| syntax_error(text), |field, value| range_error(text, field, value));
        let bytes = text.as_bytes();
        let mut at = 0;
        let year = digits(bytes, &mut at, 4).ok_or_else(syntax)?;
        let year16 = u16::try_from(year).map_err(|_| syntax())?;
        let text_of = || DateText::new(text).ok_or_else(syntax);
        if at == bytes.len() {
            return Ok(Date { repr: Repr::Year(year16), text: text_of()? });
        }
        expect(bytes, &mut at, b'-').ok_or_else(syntax)?;
        let month = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
        if !(1..=12).contains(&month) {
            return Err(range("month", month));
        }
        let month8 = u8::try_from(month).map_err(|_| syntax())?;
        if at == bytes.len() {
            return Ok(Date { repr: Repr::Month(year16, month8), text: text_of()? });
        }
        expect(bytes, &mut at, b'-').ok_or_else(syntax)?;
        let day = digits(bytes, &mut at, 2).ok_or_else(syntax)?;
        let date = chrono::NaiveDate::from_ymd_opt(year as i32, month, day)
            .ok_or_else(|| range("day", day))?;
        if at == bytes.len() {
            return Ok(Date { repr: Repr::Day(date), text: text_of()? });
        }
        expect(bytes, &mut at, b'T').ok_or_else(syntax)?;
        let time = parse_time(text, at)?;
        Ok(Date { repr: Repr::Time(date, time), text: text_of()? })
    }

    /// A date known to the year only.
    ///
    /// # Errors
    /// [`DateError`] for a year outside 0–9999.
    pub fn year(year: u16) -> Result<Self, DateError> {
        Self::parse(&format!("{year:04}"))
    }

    /// A date known to the month.
    ///
    /// # Errors
    /// [`DateError`] for a year outside 0–9999 or a month outside 1–12.
    pub fn month(year: u16, month: u8) -> Result<Self, DateError> {
        Self::parse(&format!("{year:04}-{month:02}"))
    }

    /// A date known to the day.
    ///
    /// # Errors
    /// [`DateError`] when the day does not exist (`2024-02-30`).
    pub fn day(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        Self::parse(&format!("{year:04}-{month:02}-{day:02}"))
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match self.repr {
            Repr::Year(_) => Precision::Year,
            Repr::Month(..) => Precision::Month,
            Repr::Day(_) => Precision::Day,
            Repr::Time(..) => Precision::Time,
        }
    }

    /// The year.
    pub fn year_number(&self) -> u16 {
        match self.repr {
            Repr::Year(year) | Repr::Month(year, _) => year,
            Repr::Day(date) | Repr::Time(date, _) => date_year(date),
        }
    }

    /// The calendar day, when the date is known to the day or better.
    pub fn calendar_day(&self) -> Option<chrono::NaiveDate> {
        match self.repr {
            Repr::Day(date) | Repr::Time(date, _) => Some(date),
            Repr::Year(_) | Repr::Month(..) => None,
        }
    }

    /// The time of day with its offset, when given.
    pub fn time_of_day(&self) -> Option<TimeOfDay> {
        match self.repr {
            Repr::Time(_, time) => Some(time),
            _ => None,
        }
    }

    /// The date exactly as written (and as it will be written back).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The date as written, as ASCII bytes: for writers of bytes, which
    /// need not check them again as `as_str` does (120 instructions a
    /// date, a tenth of what writing a PLOVER event's dates cost).
    #[cfg(feature = "event-data")]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.text.bytes.get(..usize::from(self.text.len)).unwrap_or_default()
    }
}

impl Date {
    /// Compares two dates at the precision both have, so that dates of
    /// different precision compare sensibly: `2024-04` equals `2024-04-02`
    /// (neither is before the other), `2024-03` is before `2024-04-02`.
    ///
    /// Two date-times are compared as instants in UTC. A date-time and a
    /// date of day precision or coarser are compared by the date-time's local
    /// calendar date, as written.
    ///
    /// # Example
    /// ```
    /// use std::cmp::Ordering;
    /// use diplomatic_events::Date;
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// assert_eq!(d("2024-04").compare(&d("2024-04-02")), Ordering::Equal);
    /// assert_eq!(d("2024-03").compare(&d("2024-04-02")), Ordering::Less);
    /// assert_eq!(
    ///     d("2021-11-15T19:45:00-05:00").compare(&d("2021-11-16T08:00:00+08:00")),
    ///     Ordering::Greater, // 00:45Z against 00:00Z
    /// );
    /// ```
    pub fn compare(&self, other: &Date) -> std::cmp::Ordering {
        use chrono::Datelike;
        match (&self.repr, &other.repr) {
            (Repr::Time(a, at), Repr::Time(b, bt)) => return instant(*a, at).cmp(&instant(*b, bt)),
            // At day precision, by the local calendar date.
            (Repr::Day(a) | Repr::Time(a, _), Repr::Day(b) | Repr::Time(b, _)) => return a.cmp(b),
            _ => {}
        }
        let fields = |date: &Date| -> (u16, u8, u8) {
            match date.repr {
                Repr::Year(year) => (year, 0, 0),
                Repr::Month(year, month) => (year, month, 0),
                Repr::Day(day) | Repr::Time(day, _) => (
                    date_year(day),
                    u8::try_from(day.month()).unwrap_or(0),
                    u8::try_from(day.day()).unwrap_or(0),
                ),
            }
        };
        let precision = self.precision().min(other.precision());
        let truncate = |(year, month, day): (u16, u8, u8)| match precision {
            Precision::Year => (year, 0, 0),
            Precision::Month => (year, month, 0),
            Precision::Day | Precision::Time => (year, month, day),
        };
        truncate(fields(self)).cmp(&truncate(fields(other)))
    }
}

impl Date {
    /// Compares two dates, each local to the time zone given with it, as
    /// the stretches of time they cover: a day local to Asia/Shanghai and
    /// the day before local to America/New_York overlap for twelve hours,
    /// so neither is before the other. One is before the other only when
    /// all of it is.
    ///
    /// Where a zone is not known, or both dates are local to the same zone,
    /// this is [`Date::compare`]: a date without a zone is taken to be
    /// local wherever the other is. A date-time is an instant whatever its
    /// zone.
    ///
    /// # Example
    /// ```
    /// use std::cmp::Ordering;
    /// use diplomatic_events::{Date, TimeZone};
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// let z = |s: &str| Some(s.parse::<TimeZone>().unwrap());
    /// let (washington, beijing) = (z("America/New_York"), z("Asia/Shanghai"));
    /// // The evening of the 15th in Washington is the morning of the 16th in Beijing.
    /// assert_eq!(d("2021-11-16").compare_zoned(beijing, &d("2021-11-15"), washington), Ordering::Equal);
    /// assert_eq!(d("2021-11-16").compare(&d("2021-11-15")), Ordering::Greater);
    /// // 23:00 UTC on the 2nd is already the 3rd in Baku.
    /// let late = d("2024-04-02T23:00:00Z");
    /// assert_eq!(late.compare_zoned(None, &d("2024-04-02"), z("Asia/Baku")), Ordering::Greater);
    /// ```
    #[inline]
    pub fn compare_zoned(
        &self,
        zone: Option<crate::TimeZone>,
        other: &Date,
        other_zone: Option<crate::TimeZone>,
    ) -> std::cmp::Ordering {
        // Most records name no time zone: keep their comparison as cheap as
        // `compare`, and the zoned one out of line.
        if zone.is_none() && other_zone.is_none() {
            return self.compare(other);
        }
        self.compare_in_zones(zone, other, other_zone)
    }

    /// [`Date::compare_zoned`] when a zone is known.
    #[inline(never)]
    fn compare_in_zones(
        &self,
        zone: Option<crate::TimeZone>,
        other: &Date,
        other_zone: Option<crate::TimeZone>,
    ) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        if self.precedes_in_zones(zone, other, other_zone) {
            Ordering::Less
        } else if other.precedes_in_zones(other_zone, self, zone) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }

    /// Whether this date, local to `zone`, is wholly before `other`, local
    /// to `other_zone`: `compare_zoned(..) == Ordering::Less`, computing only
    /// the two ends it needs (this date's end and the other's start).
    #[inline]
    pub(crate) fn precedes_zoned(
        &self,
        zone: Option<crate::TimeZone>,
        other: &Date,
        other_zone: Option<crate::TimeZone>,
    ) -> bool {
        if zone.is_none() && other_zone.is_none() {
            return self.compare(other) == std::cmp::Ordering::Less;
        }
        self.precedes_in_zones(zone, other, other_zone)
    }

    #[inline(never)]
    fn precedes_in_zones(
        &self,
        zone: Option<crate::TimeZone>,
        other: &Date,
        other_zone: Option<crate::TimeZone>,
    ) -> bool {
        use std::cmp::Ordering;
        // A local date's zone (`None` inside when unknown); `None` for an instant.
        let local = |date: &Date, zone| match date.repr {
            Repr::Time(..) => None,
            _ => Some(zone),
        };
        // Calendars decide unless a local date of a known zone meets an
        // instant, or a local date of another known zone.
        let zoned = match (local(self, zone), local(other, other_zone)) {
            (Some(Some(a)), Some(Some(b))) => a != b,
            (Some(Some(_)), None) | (None, Some(Some(_))) => true,
            _ => false,
        };
        if !zoned {
            return self.compare(other) == Ordering::Less;
        }
        // Every offset of the tz database is within 16 hours of UTC, so
        // dates more than 32 hours apart as written are in order whatever
        // their zones: most parts of a multi-day event are, and need no
        // look-up in the zones' tables (a few hundred instructions each).
        if let (Some(end), Some(start)) =
            (self.bound(None, Bound::End), other.bound(None, Bound::Start))
        {
            let slack = |date: &Date| if date.time_of_day().is_some() { 0 } else { MAX_OFFSET };
            if end + slack(self) <= start - slack(other) {
                return true;
            }
            if end - slack(self) > start + slack(other) {
                return false;
            }
        }
        match (self.bound(zone, Bound::End), other.bound(other_zone, Bound::Start)) {
            (Some(end), Some(start)) => end <= start,
            _ => self.compare(other) == Ordering::Less,
        }
    }

    /// The first and last calendar days the date covers, as days from the
    /// Common Era (chrono's `num_days_from_ce`), read from the parsed form:
    /// the country table's question, asked of every code in a record.
    pub(crate) fn days_from_ce(&self) -> (i32, i32) {
        use crate::scalars::country_history::ymd;
        use chrono::Datelike;
        match self.repr {
            Repr::Day(day) | Repr::Time(day, _) => {
                let n = day.num_days_from_ce();
                (n, n)
            }
            Repr::Month(year, month) => {
                let (year, month) = (i32::from(year), u32::from(month));
                let next = if month == 12 { ymd(year + 1, 1, 1) } else { ymd(year, month + 1, 1) };
                (ymd(year, month, 1), next - 1)
            }
            Repr::Year(year) => (ymd(i32::from(year), 1, 1), ymd(i32::from(year), 12, 31)),
        }
    }

    /// The stretch of time the date covers, in seconds since 1970-01-01
    /// UTC, start included and end excluded (a date-time's is the second it
    /// falls in): local to `zone`, or, without one, the local time read as
    /// UTC.
    pub(crate) fn span(&self, zone: Option<crate::TimeZone>) -> Option<(i64, i64)> {
        Some((self.bound(zone, Bound::Start)?, self.bound(zone, Bound::End)?))
    }

    /// One end of [`Date::span`].
    fn bound(&self, zone: Option<crate::TimeZone>, bound: Bound) -> Option<i64> {
        let first_day = |year: u16, month: u8| {
            chrono::NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), 1)
        };
        let day = match (self.repr, bound) {
            (Repr::Time(day, time), _) => {
                let at = instant(day, &time).0 - UNIX_EPOCH_DAYS_FROM_CE * 86_400;
                return Some(if bound == Bound::Start { at } else { at + 1 });
            }
            (Repr::Day(day), Bound::Start) => day,
            (Repr::Day(day), Bound::End) => day.succ_opt()?,
            (Repr::Month(year, month), Bound::Start) => first_day(year, month)?,
            (Repr::Month(year, 12), Bound::End) => first_day(year + 1, 1)?,
            (Repr::Month(year, month), Bound::End) => first_day(year, month + 1)?,
            (Repr::Year(year), Bound::Start) => first_day(year, 1)?,
            (Repr::Year(year), Bound::End) => first_day(year + 1, 1)?,
        };
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        Some(match zone {
            Some(zone) => zone.instant_of_local(midnight),
            // Without a zone: the local time read as UTC.
            None => midnight.and_utc().timestamp(),
        })
    }

    /// The UTC offset a date-time was written with, in seconds east, when it
    /// claims one (`Z` and `-00:00` write the time in UTC and claim none).
    pub(crate) fn claimed_offset_seconds(&self) -> Option<i32> {
        match self.repr {
            Repr::Time(_, TimeOfDay { offset: UtcOffset::Minutes(minutes), .. }) => {
                Some(i32::from(minutes) * 60)
            }
            _ => None,
        }
    }
}

/// The largest distance of a time zone's offset from UTC in the tz
/// database, in seconds, rounded up: Asia/Manila's local mean time before
/// 1845 was -15:56:08; today's extremes are -12:00 and +14:00.
pub(crate) const MAX_OFFSET: i64 = 16 * 3_600;

/// Which end of the stretch of time a date covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Start,
    End,
}

/// Days from 0001-01-01 (day 1) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// A date-time as seconds since the start of 0001-01-01 UTC and its
/// nanoseconds: ordered as the instants are.
fn instant(day: chrono::NaiveDate, time: &TimeOfDay) -> (i64, u32) {
    use chrono::Datelike;
    let seconds = i64::from(day.num_days_from_ce()) * 86_400
        + i64::from(time.hour) * 3_600
        + i64::from(time.minute) * 60
        + i64::from(time.second)
        - i64::from(time.offset.minutes()) * 60;
    (seconds, time.nanosecond)
}

fn date_year(date: chrono::NaiveDate) -> u16 {
    use chrono::Datelike;
    // Dates are only built from four-digit years, so this always fits.
    u16::try_from(date.year()).unwrap_or(0)
}

string_newtype!(Date, DateError);
string_schema!(Date, {
    "description": "A date of explicit precision: YYYY (year), YYYY-MM (month), YYYY-MM-DD (day), or an RFC 3339 date-time with seconds and a mandatory UTC offset (YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)). Upper-case T and Z; no leap seconds; at most 9 fraction digits.",
    "type": "string",
    "anyOf": [
        {"title": "Year", "pattern": "^[0-9]{4}$"},
        {"title": "Month", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
        {"title": "Day", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"},
        {
            "title": "Date and time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$",
            "format": "date-time"
        }
    ]
});

record_struct! {
    /// A stretch of time whose ends may be unknown (open).
    ///
    /// An event on one day has the same `start` and `end`. A missing `start` or
    /// `end` means that end is not known or not reported.
    ///
    /// Dates of day precision or coarser are local calendar dates: local to
    /// `time_zone` when given, else to the time zone of the event's place,
    /// else to its parent event's. Dates local to known time zones are
    /// compared as the stretches of time they cover.
    #[derive(Clone, Debug, PartialEq, Eq, Default)]
    pub struct Period {
        /// When it began, to the precision known. Absent when unknown.
        pub start: Option<Date> => with_start,
        /// When it ended, to the precision known. Absent when unknown or still going on.
        pub end: Option<Date> => with_end,
        /// The IANA time zone in which the dates are local, when it is not
        /// the event's place's (a call has no place; each side of it has its
        /// own local date). A date-time's offset must be this zone's at
        /// that moment.
        pub time_zone: Option<crate::TimeZone> => with_time_zone,
    }
}

impl Period {
    /// A period from `start` to `end`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Period;
    /// let open_ended = Period::new(Some("2023-11-30".parse()?), None);
    /// assert!(open_ended.end.is_none());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(start: Option<Date>, end: Option<Date>) -> Self {
        Period { start, end, time_zone: None }
    }

    /// A period that starts and ends on `date` (one day, or one month, ...).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Period;
    /// let day = Period::on("2024-04-02".parse()?);
    /// assert_eq!(day.start, day.end);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn on(date: Date) -> Self {
        Period { start: Some(date.clone()), end: Some(date), time_zone: None }
    }
}

#[cfg(test)]
#[expect(clippy::expect_used, reason = "tests of fixed, valid dates and zones")]
mod tests {
    use super::Date;
    use std::cmp::Ordering;

    /// The rules ask only "wholly before?", computing two ends instead of
    /// four; it must agree with the full comparison on every pair.
    #[test]
    fn precedes_is_compare_less_for_every_pair() {
        let dates: Vec<Date> = [
            "2021",
            "2021-11",
            "2021-11-14",
            "2021-11-15",
            "2021-11-16",
            "2021-11-17",
            "2021-11-15T19:45:00-05:00",
            "2021-11-16T00:44:59Z",
            "2021-11-16T04:00:00+08:00",
            "2021-12",
            "2022-01-01",
            "2024-03-10",
            "2024-03-10T06:30:00Z",
            "2024-11-03",
        ]
        .iter()
        .map(|text| text.parse().expect("date"))
        .collect();
        let zones = [
            None,
            Some("America/New_York".parse().expect("zone")),
            Some("Asia/Shanghai".parse().expect("zone")),
            Some("Asia/Kathmandu".parse().expect("zone")),
            Some("Pacific/Kiritimati".parse().expect("zone")),
        ];
        let mut less = 0;
        for a in &dates {
            for b in &dates {
                for za in zones {
                    for zb in zones {
                        let ordering = a.compare_zoned(za, b, zb);
                        assert_eq!(
                            a.precedes_zoned(za, b, zb),
                            ordering == Ordering::Less,
                            "{a} {za:?} against {b} {zb:?}"
                        );
                        assert_eq!(b.compare_zoned(zb, a, za), ordering.reverse());
                        less += usize::from(ordering == Ordering::Less);
                    }
                }
            }
        }
        assert!(less > 1_000, "only {less} pairs in order");
    }
}
