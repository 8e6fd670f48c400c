//! The order of dates: `end-before-start`, `part-outside-parent`,
//! `source-before-event` and `steps-out-of-order`.
//!
//! Dates are compared at the precision both have
//! ([`Date::compare`](crate::Date::compare)): `2024-04` and `2024-04-02`
//! are neither before nor after each other.

use std::cmp::Ordering;

use crate::validation::{At, Checker, Mode};
use crate::{Agreement, Code, Date, Event, Period, Source, StepKind};

impl<M: Mode> Checker<'_, M> {
    /// `end-before-start`: something that ends (`end`, at `at`) before it
    /// starts: a period, or a source retrieved before it was published.
    pub(in crate::validation) fn end_before_start(
        &mut self,
        at: &At<'_, M>,
        start: &Date,
        end: &Date,
        message: impl FnOnce() -> String,
    ) {
        if end.compare(start) == Ordering::Less {
            self.report(at, Code::EndBeforeStart, message);
        }
    }

    /// `part-outside-parent`: a part of `event` (at `at`) that starts
    /// before the event or ends after it. A part with one date known is
    /// taken to start and end on it.
    pub(in crate::validation) fn part_outside_parent(
        &mut self,
        at: &At<'_, M>,
        event: &Event,
        time: &Period,
        part: &Event,
    ) {
        let Some(part_time) = &part.time else { return };
        let part_start = part_time.start.as_ref().or(part_time.end.as_ref());
        let part_end = part_time.end.as_ref().or(part_time.start.as_ref());
        let before = match (part_start, &time.start) {
            (Some(p), Some(s)) if p.compare(s) == Ordering::Less => Some((p, "starts", s)),
            _ => None,
        };
        let after = match (part_end, &time.end) {
            (Some(p), Some(e)) if p.compare(e) == Ordering::Greater => Some((p, "ends", e)),
            _ => None,
        };
        if let Some((date, verb, bound)) = before.or(after) {
            let relation = if verb == "starts" { "before" } else { "after" };
            let which = if verb == "starts" { "start" } else { "end" };
            self.report(&at.key("time"), Code::PartOutsideParent, || {
                format!(
                    "part \"{}\" {verb} {date}, {relation} the {which} of event \"{}\" ({bound})",
                    part.id, event.id
                )
            });
        }
    }

    /// `source-before-event`: a source (at `at`) published before the
    /// event began at `event_start`.
    pub(in crate::validation) fn source_before_event(
        &mut self,
        at: &At<'_, M>,
        source: &Source,
        event_start: Option<&Date>,
    ) {
        if let (Some(published), Some(start)) = (&source.published_at, event_start) {
            if published.compare(start) == Ordering::Less {
                self.report(&at.key("published_at"), Code::SourceBeforeEvent, || {
                    format!(
                        "source \"{}\" was published {published}, before the event starts {start}",
                        source.id
                    )
                });
            }
        }
    }

    /// `steps-out-of-order`: dated steps by the same party (or by none)
    /// that do not follow the usual order (ratified before signed).
    pub(in crate::validation) fn steps_out_of_order(
        &mut self,
        steps: &At<'_, M>,
        agreement: &Agreement,
    ) {
        fn rank(step: StepKind) -> u8 {
            match step {
                StepKind::Initialled => 0,
                StepKind::Signed | StepKind::Adopted => 1,
                StepKind::Ratified
                | StepKind::Accepted
                | StepKind::Approved
                | StepKind::Acceded
                | StepKind::Succeeded => 2,
                StepKind::EnteredIntoForce => 3,
                StepKind::Terminated => 4,
            }
        }
        for (j, later) in agreement.steps.iter().enumerate() {
            let Some(later_date) = &later.date else { continue };
            let earlier = agreement.steps.iter().find(|earlier| {
                (earlier.party.is_none() || earlier.party == later.party)
                    && rank(earlier.step) < rank(later.step)
                    && earlier
                        .date
                        .as_ref()
                        .is_some_and(|d| later_date.compare(d) == Ordering::Less)
            });
            if let Some(earlier) = earlier {
                let earlier_date = earlier.date.as_ref().map(Date::as_str).unwrap_or_default();
                let step_at = steps.index(j);
                self.report(&step_at.key("date"), Code::StepsOutOfOrder, || {
                    format!(
                        "{} on {later_date} comes before {} on {earlier_date}",
                        later.step, earlier.step
                    )
                });
            }
        }
    }
}
