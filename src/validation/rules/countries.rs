//! `country-not-on-date`.

use crate::scalars::country_history;
use crate::validation::{At, Checker, Mode};
use crate::{Code, CodeOnDate, CountryCode, Date, Period};

/// The days a period covers, from the first day of its start to the last of
/// its end (either alone when the other is absent), as days from the
/// Common Era; `None` for a period with neither.
pub(in crate::validation) fn days_of_period(period: &Period) -> Option<(i32, i32)> {
    let start = period.start.as_ref().map(Date::days_from_ce);
    let end = period.end.as_ref().map(Date::days_from_ce);
    match (start, end) {
        (Some((first, _)), Some((_, last))) => Some((first, last.max(first))),
        (Some(days), None) | (None, Some(days)) => Some(days),
        (None, None) => None,
    }
}

/// A period as written: its start, and its end when it differs.
fn period_text(period: &Period) -> String {
    match (&period.start, &period.end) {
        (Some(start), Some(end)) if start != end => format!("{start} to {end}"),
        (Some(date), _) | (None, Some(date)) => date.to_string(),
        (None, None) => String::new(),
    }
}

impl<M: Mode> Checker<'_, M> {
    /// `country-not-on-date`: a code (at `at`) that named no state or
    /// territory at any time in `period`, the time of the event it belongs
    /// to. Dates are compared at their precision: a code valid on any day
    /// of the period passes.
    pub(in crate::validation) fn country_not_on_date(
        &mut self,
        at: &At<'_, M>,
        code: CountryCode,
        period: &Period,
    ) {
        if let Some(days) = days_of_period(period) {
            self.country_not_on_days(at, code, days, Some(period));
        }
    }

    /// `country-not-on-date` over days known already (`days`, those of
    /// `period`, which the message writes).
    pub(in crate::validation) fn country_not_on_days(
        &mut self,
        at: &At<'_, M>,
        code: CountryCode,
        (first, last): (i32, i32),
        period: Option<&Period>,
    ) {
        if country_history::valid_on(code, first, last) {
            return;
        }
        self.report(at, Code::CountryNotOnDate, || {
            let found = country_history::as_of(code, first, last);
            let when = period.map(period_text).unwrap_or_default();
            not_on_date_message(code, &when, &found)
        });
    }

    /// `country-not-on-date` for a single date (an agreement's step).
    pub(in crate::validation) fn country_not_on(
        &mut self,
        at: &At<'_, M>,
        code: CountryCode,
        date: &Date,
    ) {
        self.country_not_on_date(at, code, &Period::on(date.clone()));
    }
}

/// `"RS" on 1997-03-10 names no state or territory: Serbia is coded RS
/// from 2006-06-05; on that date it was YUCS (Yugoslavia)`.
fn not_on_date_message(code: CountryCode, when: &str, found: &CodeOnDate) -> String {
    let spans: Vec<String> = code
        .lifetimes()
        .map(|l| match (l.from, l.until) {
            (Some(from), Some(until)) => format!("from {from} to {until}"),
            (Some(from), None) => format!("from {from}"),
            (None, Some(until)) => format!("until {until}"),
            (None, None) => "always".to_owned(),
        })
        .collect();
    let named = |c: &CountryCode| format!("{c} ({})", c.name());
    let then = match found {
        CodeOnDate::Predecessor(other) => {
            format!("then it was part of, or coded as, {}", named(other))
        }
        CodeOnDate::Successor(other) => format!("by then it was succeeded by {}", named(other)),
        CodeOnDate::Several(codes) => {
            let shown: Vec<String> = codes.iter().take(8).map(|c| c.to_string()).collect();
            let more = codes.len().saturating_sub(shown.len());
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            format!("by then it was divided among {}{more}", shown.join(", "))
        }
        _ => "no code names it then: give it as a polity, by name".to_owned(),
    };
    format!(
        "{:?} on {when} names no state or territory: {} is coded {code} {}; {then}",
        code.as_str(),
        code.name(),
        spans.join(" and "),
    )
}
