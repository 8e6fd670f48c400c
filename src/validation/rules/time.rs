//! Time against time zones and durations: `offset-outside-time-zone` and
//! `duration-contradicts-time`.

use super::dates::Zoned;
use crate::scalars::time::MAX_OFFSET;
use crate::validation::{At, Checker, Mode};
use crate::{Code, Date, Duration, TimeZone};

impl<M: Mode> Checker<'_, M> {
    /// `offset-outside-time-zone`: a date-time (at `at`) whose UTC offset
    /// is not the one `zone` had at that moment: `10:00:00+03:00` in
    /// Asia/Baku, which has been +04:00 since 1992. `Z` and `-00:00` write
    /// the time in UTC and claim no local offset, so they always agree.
    pub(in crate::validation) fn offset_outside_time_zone(
        &mut self,
        at: &At<'_, M>,
        date: &Date,
        zone: Option<TimeZone>,
    ) {
        let (Some(zone), Some(claimed)) = (zone, date.claimed_offset_seconds()) else { return };
        let Some((instant, _)) = date.span(None) else { return };
        let actual = zone.offset_at(instant);
        if actual != claimed {
            self.report(at, Code::OffsetOutsideTimeZone, || {
                format!(
                    "{date} has the offset {}, but {zone} was at {} at that moment",
                    offset_text(claimed),
                    offset_text(actual)
                )
            });
        }
    }

    /// `duration-contradicts-time`: an exact duration, or a bound, that the
    /// event's start and end (at `at`) cannot allow: a meeting on one day
    /// that lasted "exactly three days", or a call from 10:00 to 10:30 that
    /// lasted "more than an hour". Approximate durations, and those in
    /// years or months, are not checked.
    pub(in crate::validation) fn duration_contradicts_time(
        &mut self,
        at: &At<'_, M>,
        duration: &Duration,
        time: Zoned<'_>,
    ) {
        self.duration_held_to_time(at, duration, time, false);
    }

    /// [`Checker::duration_contradicts_time`] for one duration, which is one
    /// source's report when `in_dispute`: then a contradiction is a
    /// disagreement between sources (`sources-disagree`, a warning).
    fn duration_held_to_time(
        &mut self,
        at: &At<'_, M>,
        duration: &Duration,
        time: Zoned<'_>,
        in_dispute: bool,
    ) {
        if let Duration::Disputed { reports } = duration {
            let reports_at = at.key("reports");
            for (i, report) in reports.iter().enumerate() {
                self.duration_held_to_time(&reports_at.index(i), report, time, true);
            }
            return;
        }
        let (Some(start), Some(end)) = (&time.period.start, &time.period.end) else { return };
        let (shortest, longest) = match elapsed(start, end, time.zone) {
            Some(range) => range,
            None => return,
        };
        let seconds =
            |value: &crate::IsoDuration| value.seconds().and_then(|s| i64::try_from(s).ok());
        let contradiction = match duration {
            Duration::Exact { value, .. } => {
                seconds(value).filter(|&d| d < shortest || d > longest).map(|_| ("exactly", value))
            }
            Duration::AtLeast { value, .. } => {
                seconds(value).filter(|&d| d > longest).map(|_| ("at least", value))
            }
            Duration::AtMost { value, .. } => {
                seconds(value).filter(|&d| d < shortest).map(|_| ("at most", value))
            }
            _ => None,
        };
        if let Some((kind, value)) = contradiction {
            let (code, report) =
                super::sources::as_report(Code::DurationContradictsTime, in_dispute);
            self.report(&at.key("value"), code, || {
                format!(
                    "{report}the duration is {kind} {value}, but from {start} to {end} is {}",
                    between(shortest, longest)
                )
            });
        }
    }
}

/// The shortest and the longest time, in seconds, from `start` to `end`:
/// equal when both are date-times; a range when either is a date, which
/// covers a stretch of time. A date whose time zone is not known may be
/// local anywhere within 16 hours of UTC against a date-time (the tz
/// database's widest offsets); two such dates are local to the same zone,
/// whichever it is.
fn elapsed(start: &Date, end: &Date, zone: Option<TimeZone>) -> Option<(i64, i64)> {
    let zone_known = zone.is_some();
    let both_local = start.time_of_day().is_none() && end.time_of_day().is_none();
    // Each date as the closed range of instants it may be: a date-time its
    // instant, a date from its first moment to the first of the next.
    let span = |date: &Date| -> Option<(i64, i64)> {
        if date.time_of_day().is_some() {
            return date.span(None).map(|(at, _)| (at, at));
        }
        if zone_known {
            return date.span(zone);
        }
        let (first, after) = date.span(None)?;
        let slack = if both_local { 0 } else { MAX_OFFSET };
        Some((first - slack, after + slack))
    };
    let (start, end) = (span(start)?, span(end)?);
    let shortest = (end.0 - start.1).max(0);
    let longest = (end.1 - start.0).max(0);
    Some((shortest, longest))
}

/// "between 1 h and 3 h", "at most 24 h", or "2 h 30 min" when exact.
fn between(shortest: i64, longest: i64) -> String {
    let length = |seconds: i64| {
        let (hours, minutes) = (seconds / 3_600, seconds % 3_600 / 60);
        match (hours, minutes) {
            (0, m) => format!("{m} min"),
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        }
    };
    if shortest == longest {
        length(shortest)
    } else if shortest == 0 {
        format!("at most {}", length(longest))
    } else {
        format!("between {} and {}", length(shortest), length(longest))
    }
}

/// `+04:00` for 14,400 seconds.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3_600, abs % 3_600 / 60)
}
