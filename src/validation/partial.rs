//! The record rules on a record that could only be read in part: which of
//! their problems can be trusted, as the [module docs](crate::validation)
//! say, and where each is in the text.

use std::collections::{BTreeMap, BTreeSet};

use crate::json::collect::{Found, Node, Shape};
use crate::validation::pointer::Placed;
use crate::validation::{Checker, Kind, Scratch};
use crate::{Code, Problem, Record};

/// The ids of each kind written in the text, read or not.
pub(crate) struct ReadIds {
    /// The ids that are well formed, with their kind, whether their item
    /// was read or not.
    known: BTreeSet<(usize, String)>,
    /// The kinds of which some item has an id that is missing or broken.
    uncertain: BTreeSet<usize>,
}

impl ReadIds {
    /// The ids in the text of the record `root`.
    fn of(root: &Node<'_>) -> Self {
        let mut ids = ReadIds { known: BTreeSet::new(), uncertain: BTreeSet::new() };
        for kind in Kind::ALL {
            match kind {
                Kind::Event => {
                    if let Some(event) = root.member("event") {
                        ids.add_event(event);
                    }
                }
                _ => match root.member(kind.list()).map(|list| &list.shape) {
                    None => {}
                    Some(Shape::List(items)) => items.iter().for_each(|item| ids.add(kind, item)),
                    Some(_) => {
                        ids.uncertain.insert(kind as usize);
                    }
                },
            }
        }
        ids
    }

    fn add(&mut self, kind: Kind, item: &Node<'_>) {
        let id = item.member("id").and_then(Node::as_string);
        match id {
            Some(id) if crate::scalars::ids::check_id(&id).is_ok() => {
                self.known.insert((kind as usize, id.into_owned()));
            }
            _ => {
                self.uncertain.insert(kind as usize);
            }
        }
    }

    fn add_event(&mut self, event: &Node<'_>) {
        self.add(Kind::Event, event);
        match event.member("parts").map(|parts| &parts.shape) {
            None => {}
            Some(Shape::List(parts)) => parts.iter().for_each(|part| self.add_event(part)),
            Some(_) => {
                self.uncertain.insert(Kind::Event as usize);
            }
        }
    }

    /// Whether the text may have an item of `kind` with `id` that the
    /// record read does not.
    pub(in crate::validation) fn may_have(&self, kind: Kind, id: &str) -> bool {
        self.uncertain.contains(&(kind as usize))
            || self.known.contains(&(kind as usize, id.to_owned()))
    }
}

/// The item a JSON Pointer is in: `/people/3` for `/people/3/name`,
/// `/event/parts/1` for `/event/parts/1/time/start`; empty for the record's
/// own fields and its lists as a whole.
pub(crate) fn item_of(path: &str) -> &str {
    let Some(rest) = path.strip_prefix('/') else { return "" };
    let (first, after) = rest.split_once('/').unwrap_or((rest, ""));
    let index_length = |text: &str| {
        let digits = text.split('/').next().unwrap_or_default();
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits.len())
    };
    if first == "event" {
        let mut end = "/event".len();
        while let Some(tail) = path.get(end..).and_then(|tail| tail.strip_prefix("/parts/")) {
            match index_length(tail) {
                Some(length) => end += "/parts/".len() + length,
                None => break,
            }
        }
        return path.get(..end).unwrap_or_default();
    }
    let is_list = Kind::ALL.iter().any(|kind| kind.list() == first) || first == "relations";
    match index_length(after) {
        Some(length) if is_list => path.get(..1 + first.len() + 1 + length).unwrap_or_default(),
        _ => "",
    }
}

/// The rules that read the time or place of an event other than the item
/// they report on.
const READ_OTHER_EVENTS: [Code; 5] = [
    Code::PartOutsideParent,
    Code::OffsetOutsideTimeZone,
    Code::LocalTimeOutsideEvent,
    Code::CountryNotOnDate,
    Code::SourceBeforeEvent,
];

impl Record {
    /// The record rules' problems on a record read in part from the text
    /// `root`, given the items with problems (see [`item_of`]) and the
    /// lists that lost items (each one's pointer and the index in the text
    /// of each item kept). See the [module docs](self).
    pub(crate) fn validate_partial(
        &self,
        root: &Node<'_>,
        broken_items: &BTreeSet<String>,
        shortened: &BTreeMap<String, Vec<usize>>,
    ) -> Vec<Found> {
        let read_ids = ReadIds::of(root);
        let mut scratch = Scratch::default();
        let mut checker = Checker::<Placed>::new(self, &mut scratch);
        checker.read_ids = Some(&read_ids);
        checker.check();
        let events_broken = broken_items.iter().any(|item| item.starts_with("/event"));
        checker
            .problems
            .into_iter()
            .map(|problem| Problem { path: in_text(&problem.path, shortened), ..problem })
            .filter(|problem| {
                problem.code == Code::UnresolvedReference
                    || !(broken_items.contains(item_of(&problem.path))
                        || events_broken && READ_OTHER_EVENTS.contains(&problem.code))
            })
            .map(|problem| {
                // At the value, or the nearest value around it that the
                // text has (a missing id has its object).
                let mut path = problem.path.as_str();
                let offset = loop {
                    match (root.find(path), path.rsplit_once('/')) {
                        (Some(node), _) => break node.start + 1,
                        (None, Some((parent, _))) => path = parent,
                        (None, None) => break 0,
                    }
                };
                Found { problem, offset }
            })
            .collect()
    }
}

/// The JSON Pointer in the text of `path`, a pointer into a record whose
/// `shortened` lists lost items.
fn in_text(path: &str, shortened: &BTreeMap<String, Vec<usize>>) -> String {
    if shortened.is_empty() {
        return path.to_owned();
    }
    let mut out = String::with_capacity(path.len());
    let mut list: Option<&[usize]> = None;
    for token in path.split('/').skip(1) {
        let index = list.and_then(|kept| kept.get(token.parse::<usize>().ok()?));
        out.push('/');
        match index {
            Some(index) => out.push_str(&index.to_string()),
            None => out.push_str(token),
        }
        list = shortened.get(out.as_str()).map(Vec::as_slice);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{in_text, item_of};

    #[test]
    fn a_pointer_is_in_its_item() {
        assert_eq!(item_of("/people/3/name"), "/people/3");
        assert_eq!(item_of("/people/3"), "/people/3");
        assert_eq!(item_of("/people"), "");
        assert_eq!(item_of("/relations/0/kind"), "/relations/0");
        assert_eq!(item_of("/event"), "/event");
        assert_eq!(item_of("/event/time/start"), "/event");
        assert_eq!(item_of("/event/parts"), "/event");
        assert_eq!(item_of("/event/parts/12/parts/0/time"), "/event/parts/12/parts/0");
        assert_eq!(item_of("/event/parts/x"), "/event");
        assert_eq!(item_of("/extensions/org:a~1b"), "");
        assert_eq!(item_of("/id"), "");
        assert_eq!(item_of(""), "");
    }

    #[test]
    fn a_pointer_into_a_shortened_list_finds_the_item_in_the_text() {
        let shortened = std::collections::BTreeMap::from([
            ("/people".to_owned(), vec![0, 2, 5]),
            ("/people/5/positions".to_owned(), vec![1]),
        ]);
        assert_eq!(
            in_text("/people/2/positions/0/party", &shortened),
            "/people/5/positions/1/party"
        );
        assert_eq!(in_text("/people/1", &shortened), "/people/2");
        assert_eq!(in_text("/parties/1", &shortened), "/parties/1");
        assert_eq!(in_text("", &shortened), "");
    }
}
