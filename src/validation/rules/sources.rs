//! Which source says what: every source cited exists
//! (`unresolved-reference`), and `sources-disagree` where one value is
//! expected but the sources give several that cannot all be true.

use crate::validation::{At, Checker, Mode};
use crate::{Agreement, Code, Count, Duration, StepKind};

/// The code and the opening words of a problem found in a value: `code`
/// itself, or, when the value is one source's report of a disputed count
/// or duration, `sources-disagree` (a warning: the record keeps the
/// report on purpose) opened by "one source's report: ".
pub(in crate::validation) fn as_report(code: Code, in_dispute: bool) -> (Code, &'static str) {
    if in_dispute { (Code::SourcesDisagree, "one source's report: ") } else { (code, "") }
}

/// What a report says of a value: the least and the most it allows, or
/// nothing for an approximate or unknown one (which contradicts nothing).
type Range = Option<(u64, u64)>;

fn count_range(count: &Count) -> Range {
    match count {
        Count::Exact { value, .. } => Some((*value, *value)),
        Count::AtLeast { value, .. } => Some((*value, u64::MAX)),
        Count::AtMost { value, .. } => Some((0, *value)),
        _ => None,
    }
}

fn duration_range(duration: &Duration) -> Range {
    let seconds = |value: &crate::IsoDuration| value.seconds();
    match duration {
        Duration::Exact { value, .. } => seconds(value).map(|s| (s, s)),
        Duration::AtLeast { value, .. } => seconds(value).map(|s| (s, u64::MAX)),
        Duration::AtMost { value, .. } => seconds(value).map(|s| (0, s)),
        _ => None,
    }
}

/// Whether no single value lies in every range: the greatest least is
/// above the smallest most.
fn contradict(ranges: impl Iterator<Item = Range>) -> bool {
    let (mut least, mut most) = (0, u64::MAX);
    for (low, high) in ranges.flatten() {
        least = least.max(low);
        most = most.min(high);
    }
    least > most
}

impl<M: Mode> Checker<'_, M> {
    /// A count (at `at`, the field `field`): the sources its reports cite,
    /// and `sources-disagree` when the reports of a disputed count
    /// contradict each other.
    pub(in crate::validation) fn count(&mut self, at: &At<'_, M>, field: &str, count: &Count) {
        match count {
            Count::Disputed { reports } => {
                let reports_at = at.key("reports");
                for (i, report) in reports.iter().enumerate() {
                    self.count(&reports_at.index(i), field, report);
                }
                if contradict(reports.iter().map(count_range)) {
                    self.report(at, Code::SourcesDisagree, || {
                        format!(
                            "sources disagree on the {field}: {}",
                            Count::describe_reports(reports)
                        )
                    });
                }
            }
            _ => self.sources(&at.key("sources"), count.sources()),
        }
    }

    /// A duration (at `at`): as [`Checker::count`].
    pub(in crate::validation) fn duration(&mut self, at: &At<'_, M>, duration: &Duration) {
        match duration {
            Duration::Disputed { reports } => {
                let reports_at = at.key("reports");
                for (i, report) in reports.iter().enumerate() {
                    self.duration(&reports_at.index(i), report);
                }
                if contradict(reports.iter().map(duration_range)) {
                    self.report(at, Code::SourcesDisagree, || {
                        format!(
                            "sources disagree on the duration: {}",
                            Duration::describe_reports(reports)
                        )
                    });
                }
            }
            _ => self.sources(&at.key("sources"), duration.sources()),
        }
    }

    /// `sources-disagree`: a step that an agreement takes once (signed,
    /// adopted, entered into force...), listed for all parties on two
    /// dates that are not the same day, month or year. Reported at the
    /// second date; a step by one party may well be taken twice (a party
    /// that accepts again after withdrawing).
    pub(in crate::validation) fn steps_disagree(
        &mut self,
        steps: &At<'_, M>,
        agreement: &Agreement,
    ) {
        fn once(step: &StepKind) -> Option<usize> {
            Some(match step {
                StepKind::Negotiated => 0,
                StepKind::Initialled => 1,
                StepKind::Concluded => 2,
                StepKind::Signed => 3,
                StepKind::Adopted => 4,
                StepKind::EnteredIntoForce => 5,
                StepKind::Terminated => 6,
                _ => return None,
            })
        }
        let mut first: [Option<usize>; 7] = [None; 7];
        for (j, step) in agreement.steps.iter().enumerate() {
            let (None, Some(kind), Some(date)) = (&step.party, once(&step.step), &step.date) else {
                continue;
            };
            let Some(slot) = first.get_mut(kind) else { continue };
            let Some(earlier) = slot.and_then(|i| agreement.steps.get(i)) else {
                *slot = Some(j);
                continue;
            };
            let Some(earlier_date) = &earlier.date else { continue };
            if date.compare(earlier_date) != std::cmp::Ordering::Equal {
                let step_at = steps.index(j);
                self.report(&step_at.key("date"), Code::SourcesDisagree, || {
                    format!(
                        "sources disagree on when agreement \"{}\" was {}: {earlier_date} and {date}",
                        agreement.id, step.step
                    )
                });
            }
        }
    }
}
