//! `count-below-listed` and `count-contradicts-list`: a count against the
//! items listed beside it (for one source's report of a disputed count,
//! `sources-disagree`).

use crate::validation::{At, Checker, Mode};
use crate::{Code, Count};

impl<M: Mode> Checker<'_, M> {
    /// Checks `count` (at `count_at`, the field `field`) against the
    /// `listed` items beside it, whose list may be said to be `complete`.
    pub(in crate::validation) fn count_against_list(
        &mut self,
        count_at: &At<'_, M>,
        field: &'static str,
        count: Option<&Count>,
        listed: usize,
        complete: Option<bool>,
        items: &str,
    ) {
        let Some(count) = count else { return };
        let list = List { listed: u64::try_from(listed).unwrap_or(u64::MAX), complete, items };
        self.held_to_list(count_at, field, count, &list, false);
    }

    /// [`Checker::count_against_list`] for one count, which is one
    /// source's report when `in_dispute`.
    fn held_to_list(
        &mut self,
        count_at: &At<'_, M>,
        field: &'static str,
        count: &Count,
        list: &List<'_>,
        in_dispute: bool,
    ) {
        let (value, bound) = match count {
            Count::Exact { value, .. } => (*value, Bound::Exactly),
            Count::AtLeast { value, .. } => (*value, Bound::AtLeast),
            Count::AtMost { value, .. } => (*value, Bound::AtMost),
            Count::Disputed { reports } => {
                // Each report is held to the list on its own, and one that
                // the list contradicts is a disagreement between sources
                // (a warning), kept on purpose.
                let reports_at = count_at.key("reports");
                for (i, report) in reports.iter().enumerate() {
                    self.held_to_list(&reports_at.index(i), field, report, list, true);
                }
                return;
            }
            _ => return,
        };
        let value_at = count_at.key("value");
        let count =
            CountOf { field, value, bound, listed: list.listed, items: list.items, in_dispute };
        // A complete list within a maximum agrees with it.
        if !self.count_below_listed(&value_at, &count)
            && list.complete == Some(true)
            && bound != Bound::AtMost
        {
            self.count_contradicts_list(&value_at, &count);
        }
    }

    /// `count-below-listed`: an exact, minimum or maximum count smaller
    /// than the number of items listed. Returns whether it was reported.
    fn count_below_listed(&mut self, at: &At<'_, M>, count: &CountOf<'_>) -> bool {
        let CountOf { field, value, listed, items, .. } = *count;
        if value >= listed {
            return false;
        }
        let kind = count.kind();
        let (code, report) = count.code(Code::CountBelowListed);
        self.report(at, code, || {
            format!("{report}{field} is {kind} {value}, but {listed} {items} are listed")
        });
        true
    }

    /// `count-contradicts-list`: a list said to be complete whose length
    /// the count contradicts.
    fn count_contradicts_list(&mut self, at: &At<'_, M>, count: &CountOf<'_>) {
        let CountOf { field, value, listed, items, .. } = *count;
        if value != listed {
            let kind = count.kind();
            let (code, report) = count.code(Code::CountContradictsList);
            self.report(at, code, || format!(
                "{report}{field} is {kind} {value}, but the list of {items}, said to be complete, has {listed}"
            ));
        }
    }
}

/// The list a count is held to.
struct List<'a> {
    listed: u64,
    complete: Option<bool>,
    items: &'a str,
}

/// A count and the list it counts, for the messages.
#[derive(Clone, Copy)]
struct CountOf<'a> {
    field: &'static str,
    value: u64,
    bound: Bound,
    listed: u64,
    items: &'a str,
    /// Whether the count is one source's report of a disputed count.
    in_dispute: bool,
}

/// What a count says of its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exactly,
    AtLeast,
    AtMost,
}

impl CountOf<'_> {
    /// The code to report under, and the words that begin the message: a
    /// report of a disputed count that the list contradicts is a
    /// `sources-disagree` warning.
    fn code(&self, code: Code) -> (Code, &'static str) {
        super::sources::as_report(code, self.in_dispute)
    }

    fn kind(&self) -> &'static str {
        match self.bound {
            Bound::Exactly => "exactly",
            Bound::AtLeast => "at least",
            Bound::AtMost => "at most",
        }
    }
}
