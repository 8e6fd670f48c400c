//! Lengths of time as ISO 8601 durations.

use crate::scalars::newtype::{string_newtype, string_schema};

/// A length of time written as an ISO 8601 duration: `PT40M` (40 minutes),
/// `PT1H30M`, `P3D` (three days), `P2W` (two weeks), `P1Y6M`.
///
/// The form is `P`, then years, months, days (`nY`, `nM`, `nD`, each at
/// most once, in that order), then `T` and hours, minutes, seconds (`nH`,
/// `nM`, `nS`); or weeks alone (`nW`). At least one part; whole numbers of
/// at most 9 digits; upper-case letters; no fractions and no sign. It is
/// kept as written (`PT90M` stays `PT90M`).
///
/// # Example
/// ```
/// use diplomatic_events::IsoDuration;
/// let call: IsoDuration = "PT1H30M".parse()?;
/// assert_eq!(call.seconds(), Some(5_400));
/// assert_eq!("P1M".parse::<IsoDuration>()?.seconds(), None); // a month has no fixed length
/// assert!("PT".parse::<IsoDuration>().is_err());
/// assert!("1h30m".parse::<IsoDuration>().is_err());
/// # Ok::<(), diplomatic_events::IsoDurationError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IsoDuration {
    text: compact_str::CompactString,
    /// Years and months, which have no fixed length.
    calendar_months: u64,
    /// Weeks, days, hours, minutes and seconds, in seconds (days of 24 hours).
    seconds: u64,
}

/// Why a string is not an [`IsoDuration`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is not an ISO 8601 duration: expected P[nY][nM][nD][T[nH][nM][nS]] with at least one part, or PnW (whole numbers of at most 9 digits, e.g. PT1H30M)"
)]
pub struct IsoDurationError {
    text: String,
}

impl IsoDurationError {
    /// The problem code of this error: `InvalidDuration`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidDuration
    }
}

impl IsoDuration {
    /// Checks and keeps an ISO 8601 duration.
    ///
    /// # Errors
    /// [`IsoDurationError`] when the text is not of the accepted form.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::IsoDuration;
    /// assert!(IsoDuration::parse("P2W").is_ok());
    /// assert!(IsoDuration::parse("P1W2D").is_err()); // weeks stand alone
    /// assert!(IsoDuration::parse("PT1.5H").is_err()); // no fractions
    /// ```
    pub fn parse(text: &str) -> Result<Self, IsoDurationError> {
        read(text).ok_or_else(|| IsoDurationError { text: text.to_owned() })
    }

    /// The duration as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its length in seconds, counting a day as 24 hours; `None` when it
    /// has years or months, whose length depends on the calendar.
    pub fn seconds(&self) -> Option<u64> {
        (self.calendar_months == 0).then_some(self.seconds)
    }
}

/// The designators in the order they may appear, each with its length in
/// seconds (or, for years and months, in months, flagged `true`).
const DATE_PARTS: [(u8, u64, bool); 3] = [(b'Y', 12, true), (b'M', 1, true), (b'D', 86_400, false)];
const TIME_PARTS: [(u8, u64); 3] = [(b'H', 3_600), (b'M', 60), (b'S', 1)];

fn read(text: &str) -> Option<IsoDuration> {
    let rest = text.strip_prefix('P')?;
    let (mut calendar_months, mut seconds, mut parts) = (0u64, 0u64, 0);
    let number = |s: &str| -> Option<(u64, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        Some((s.get(..digits)?.parse().ok()?, digits))
    };
    // Weeks stand alone.
    if let Some(weeks) = rest.strip_suffix('W') {
        let (value, digits) = number(weeks)?;
        return (digits == weeks.len()).then(|| IsoDuration {
            text: text.into(),
            calendar_months: 0,
            seconds: value * 7 * 86_400,
        });
    }
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut date = date;
    let mut next = 0;
    while !date.is_empty() {
        let (value, digits) = number(date)?;
        let designator = *date.as_bytes().get(digits)?;
        let at = DATE_PARTS.iter().skip(next).position(|(d, ..)| *d == designator)? + next;
        let (_, unit, calendar) = DATE_PARTS.get(at)?;
        if *calendar {
            calendar_months += value * unit;
        } else {
            seconds += value * unit;
        }
        next = at + 1;
        parts += 1;
        date = date.get(digits + 1..)?;
    }
    let mut time = time.unwrap_or_default();
    next = 0;
    while !time.is_empty() {
        let (value, digits) = number(time)?;
        let designator = *time.as_bytes().get(digits)?;
        let at = TIME_PARTS.iter().skip(next).position(|(d, _)| *d == designator)? + next;
        seconds += value * TIME_PARTS.get(at)?.1;
        next = at + 1;
        parts += 1;
        time = time.get(digits + 1..)?;
    }
    (parts > 0).then(|| IsoDuration { text: text.into(), calendar_months, seconds })
}

string_newtype!(IsoDuration, IsoDurationError);
string_schema!(IsoDuration, {
    "description": "A length of time as an ISO 8601 duration: P[nY][nM][nD][T[nH][nM][nS]] with at least one part, or PnW; whole numbers of at most 9 digits, upper-case letters (PT40M, PT1H30M, P3D, P2W).",
    "type": "string",
    "pattern": "^P([0-9]{1,9}W|([0-9]{1,9}Y([0-9]{1,9}M)?([0-9]{1,9}D)?|[0-9]{1,9}M([0-9]{1,9}D)?|[0-9]{1,9}D)(T([0-9]{1,9}H([0-9]{1,9}M)?([0-9]{1,9}S)?|[0-9]{1,9}M([0-9]{1,9}S)?|[0-9]{1,9}S))?|T([0-9]{1,9}H([0-9]{1,9}M)?([0-9]{1,9}S)?|[0-9]{1,9}M([0-9]{1,9}S)?|[0-9]{1,9}S))$"
});

#[cfg(test)]
mod tests {
    use super::IsoDuration;

    #[test]
    fn durations_of_every_form() {
        let seconds = |text: &str| IsoDuration::parse(text).map(|d| d.seconds());
        assert_eq!(seconds("PT40M"), Ok(Some(2_400)));
        assert_eq!(seconds("PT1H30M"), Ok(Some(5_400)));
        assert_eq!(seconds("PT90M"), Ok(Some(5_400)));
        assert_eq!(seconds("P1DT2H"), Ok(Some(93_600)));
        assert_eq!(seconds("PT1H5S"), Ok(Some(3_605)));
        assert_eq!(seconds("P2W"), Ok(Some(1_209_600)));
        assert_eq!(seconds("P0D"), Ok(Some(0)));
        assert_eq!(seconds("P1Y"), Ok(None));
        assert_eq!(
            seconds("P999999999Y999999999M999999999DT999999999H999999999M999999999S")
                .map(|s| s.is_none()),
            Ok(true)
        );
        for bad in [
            "",
            "P",
            "PT",
            "P1",
            "P1DT",
            "T1H",
            "PT1D",
            "P1H",
            "P1M1Y",
            "PT1M1H",
            "P1D1D",
            "P1W1D",
            "P1WT1H",
            "PW",
            "PT1.5H",
            "PT1,5H",
            "P-1D",
            "p1d",
            "P1d",
            "PT1h",
            " P1D",
            "P1D ",
            "P1234567890D",
            "P1DT1H1M1S1S",
        ] {
            assert!(IsoDuration::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
