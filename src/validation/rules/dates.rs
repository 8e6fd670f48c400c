//! The order of dates: `end-before-start`, `part-outside-parent`,
//! `local-time-outside-event`, `source-before-event` and
//! `steps-out-of-order`.
//!
//! Dates are compared at the precision both have
//! ([`Date::compare`](crate::Date::compare)): `2024-04` and `2024-04-02`
//! are neither before nor after each other. Dates local to different known
//! time zones are compared as the stretches of time they cover
//! ([`Date::compare_zoned`](crate::Date::compare_zoned)), so the evening of
//! the 15th in Washington is not before the morning of the 16th in Beijing.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::validation::{At, Checker, Mode};
use crate::{Agreement, AgreementStep, Code, Date, Event, Period, Source, StepKind, TimeZone};

/// A period and the time zone its local dates are in.
#[derive(Clone, Copy)]
pub(in crate::validation) struct Zoned<'a> {
    pub(in crate::validation) period: &'a Period,
    pub(in crate::validation) zone: Option<TimeZone>,
}

impl<'a> Zoned<'a> {
    /// The period's start, or its end when only that is known.
    fn first(&self) -> Option<&'a Date> {
        self.period.start.as_ref().or(self.period.end.as_ref())
    }

    /// The period's end, or its start when only that is known.
    fn last(&self) -> Option<&'a Date> {
        self.period.end.as_ref().or(self.period.start.as_ref())
    }
}

impl<M: Mode> Checker<'_, M> {
    /// `end-before-start`: something that ends (`end`, at `at`) before it
    /// starts: a period (whose local dates are in `zone`), or a source
    /// retrieved before it was published.
    pub(in crate::validation) fn end_before_start(
        &mut self,
        at: &At<'_, M>,
        start: &Date,
        end: &Date,
        zone: Option<TimeZone>,
        message: impl FnOnce() -> String,
    ) {
        if end.precedes_zoned(zone, start, zone) {
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
        time: Zoned<'_>,
        part: &Event,
        part_time: Zoned<'_>,
    ) {
        let (zone, part_zone) = (time.zone, part_time.zone);
        let before = match (part_time.first(), &time.period.start) {
            (Some(p), Some(s)) if p.precedes_zoned(part_zone, s, zone) => Some((p, "starts", s)),
            _ => None,
        };
        let after = match (part_time.last(), &time.period.end) {
            (Some(p), Some(e)) if e.precedes_zoned(zone, p, part_zone) => Some((p, "ends", e)),
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

    /// `local-time-outside-event`: a participant's local time (at `at`)
    /// that does not overlap the event's time: it ends before the event
    /// starts, or starts after it ends.
    pub(in crate::validation) fn local_time_outside_event(
        &mut self,
        at: &At<'_, M>,
        time: Zoned<'_>,
        local: Zoned<'_>,
    ) {
        let (zone, local_zone) = (time.zone, local.zone);
        let before = match (local.last(), time.first()) {
            (Some(l), Some(s)) if l.precedes_zoned(local_zone, s, zone) => {
                Some((l, "ends", "before the event starts", s))
            }
            _ => None,
        };
        let after = match (local.first(), time.last()) {
            (Some(l), Some(e)) if e.precedes_zoned(zone, l, local_zone) => {
                Some((l, "starts", "after the event ends", e))
            }
            _ => None,
        };
        if let Some((date, verb, relation, bound)) = before.or(after) {
            let in_zone = |zone: Option<TimeZone>| match zone {
                Some(zone) => format!(" ({zone})"),
                None => String::new(),
            };
            self.report(at, Code::LocalTimeOutsideEvent, || {
                format!(
                    "the local time {verb} {date}{}, {relation} {bound}{}",
                    in_zone(local_zone),
                    in_zone(zone)
                )
            });
        }
    }

    /// `source-before-event`: a source (at `at`) published before the
    /// event began at `event_start`, local to `zone`.
    pub(in crate::validation) fn source_before_event(
        &mut self,
        at: &At<'_, M>,
        source: &Source,
        event_start: Option<&Date>,
        zone: Option<TimeZone>,
    ) {
        if let (Some(published), Some(start)) = (&source.published_at, event_start) {
            if published.precedes_zoned(None, start, zone) {
                self.report(&at.key("published_at"), Code::SourceBeforeEvent, || {
                    format!(
                        "source \"{}\" was published {published}, before the event starts {start}",
                        source.id
                    )
                });
            }
        }
    }

    /// `steps-out-of-order`: a dated step that comes before every dated
    /// step of an earlier stage, by the same party or by all (ratified
    /// before any signature). A stage reached again later (a party that
    /// withdraws and joins again) is in order as long as one step of each
    /// earlier stage precedes it. Linear in the steps: each stage keeps
    /// only its earliest date, per party and for all.
    pub(in crate::validation) fn steps_out_of_order(
        &mut self,
        steps: &At<'_, M>,
        agreement: &Agreement,
    ) {
        /// The stages of a life, in order; a step in words has none.
        fn stage(step: &StepKind) -> Option<usize> {
            Some(match step {
                StepKind::Negotiated => 0,
                StepKind::Initialled => 1,
                StepKind::Concluded | StepKind::Signed | StepKind::Adopted => 2,
                StepKind::Ratified
                | StepKind::Accepted
                | StepKind::Approved
                | StepKind::Acceded
                | StepKind::Succeeded
                | StepKind::ProvisionallyApplied => 3,
                StepKind::EnteredIntoForce | StepKind::Suspended => 4,
                StepKind::Terminated | StepKind::WithdrawnFrom => 5,
                StepKind::Other(_) => return None,
            })
        }
        const STAGES: usize = 6;
        type Earliest<'a> = [Option<&'a AgreementStep>; STAGES];
        /// The step that starts first of `a` and `b`: of two that overlap
        /// (a month and a day in it), the wider one.
        fn first<'a>(a: Option<&'a AgreementStep>, b: &'a AgreementStep) -> &'a AgreementStep {
            let (Some(a), Some(a_date), Some(b_date)) =
                (a, a.and_then(|a| a.date.as_ref()), &b.date)
            else {
                return b;
            };
            match a_date.compare(b_date) {
                Ordering::Less => a,
                Ordering::Greater => b,
                Ordering::Equal if b_date.precision() < a_date.precision() => b,
                Ordering::Equal => a,
            }
        }
        let mut whole: Earliest<'_> = [None; STAGES];
        let mut by_party: BTreeMap<&str, Earliest<'_>> = BTreeMap::new();
        for step in &agreement.steps {
            let (Some(stage), Some(_)) = (stage(&step.step), &step.date) else { continue };
            let earliest = match &step.party {
                None => &mut whole,
                Some(party) => by_party.entry(party.as_str()).or_insert([None; STAGES]),
            };
            if let Some(slot) = earliest.get_mut(stage) {
                *slot = Some(first(*slot, step));
            }
        }
        for (j, later) in agreement.steps.iter().enumerate() {
            let (Some(stage), Some(later_date)) = (stage(&later.step), &later.date) else {
                continue;
            };
            let own = later.party.as_ref().and_then(|party| by_party.get(party.as_str()));
            let before = (0..stage).find_map(|earlier_stage| {
                let all = whole.get(earlier_stage).copied().flatten();
                let mine = own.and_then(|e| e.get(earlier_stage).copied().flatten());
                let earliest = match (all, mine) {
                    (Some(all), Some(mine)) => first(Some(all), mine),
                    (one, other) => one.or(other)?,
                };
                let date = earliest.date.as_ref()?;
                (later_date.compare(date) == Ordering::Less).then_some((earliest, date))
            });
            if let Some((earlier, earlier_date)) = before {
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
