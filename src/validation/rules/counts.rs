//! `count-below-listed` and `count-contradicts-list`: a count against the
//! items listed beside it.

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
        let listed = u64::try_from(listed).unwrap_or(u64::MAX);
        let (value, bound) = match count {
            Some(Count::Exact { value, .. }) => (*value, Bound::Exactly),
            Some(Count::AtLeast { value, .. }) => (*value, Bound::AtLeast),
            Some(Count::AtMost { value, .. }) => (*value, Bound::AtMost),
            _ => return,
        };
        let value_at = count_at.key("value");
        let count = CountOf { field, value, bound, listed, items };
        // A complete list within a maximum agrees with it.
        if !self.count_below_listed(&value_at, &count)
            && complete == Some(true)
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
        self.report(at, Code::CountBelowListed, || {
            format!("{field} is {kind} {value}, but {listed} {items} are listed")
        });
        true
    }

    /// `count-contradicts-list`: a list said to be complete whose length
    /// the count contradicts.
    fn count_contradicts_list(&mut self, at: &At<'_, M>, count: &CountOf<'_>) {
        let CountOf { field, value, listed, items, .. } = *count;
        if value != listed {
            let kind = count.kind();
            self.report(at, Code::CountContradictsList, || format!(
                "{field} is {kind} {value}, but the list of {items}, said to be complete, has {listed}"
            ));
        }
    }
}

/// A count and the list it counts, for the messages.
#[derive(Clone, Copy)]
struct CountOf<'a> {
    field: &'static str,
    value: u64,
    bound: Bound,
    listed: u64,
    items: &'a str,
}

/// What a count says of its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exactly,
    AtLeast,
    AtMost,
}

impl CountOf<'_> {
    fn kind(&self) -> &'static str {
        match self.bound {
            Bound::Exactly => "exactly",
            Bound::AtLeast => "at least",
            Bound::AtMost => "at most",
        }
    }
}
