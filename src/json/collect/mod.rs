//! Reading a broken record for every problem at once.
//!
//! [`Record::from_json`](crate::Record::from_json) reads a valid record in
//! one pass (the fast reader, else serde). Only when that fails is the text
//! read again here, to list every problem rather than the first:
//!
//! 1. The text must be well-formed JSON: a syntax error is the one problem
//!    reported, since what follows it cannot be read.
//! 2. The text becomes a tree of positions ([`tree`]), and the record is
//!    collected from it ([`Collect`]): each struct reports its unknown,
//!    repeated and missing fields and goes on; each list goes on past a
//!    broken item; each leaf value is read by its own type's serde code, the
//!    code the one-pass read runs, so the problem is the same one.
//! 3. What could be read (broken items left out, broken optional values
//!    absent, a broken required id or event kind replaced by a stand-in)
//!    is checked by the record rules that can be trusted on it
//!    ([`crate::validation`] says which).
//!
//! Problems are kept up to a cap, then counted; the list ends with one
//! problem saying how many were left out.

mod tree;

use std::collections::{BTreeMap, BTreeSet};

use serde::de::{DeserializeOwned, Error as _};

pub(crate) use tree::{Member, Node, Shape};

use crate::json::errors::{clear_code, push_pointer_token};
use crate::json::strict::{MAX_ITEMS, Strict};
use crate::{Code, Error, Location, Problem};

/// The most problems reported for one record by default; see
/// [`Record::from_json_with_max_problems`](crate::Record::from_json_with_max_problems).
pub const DEFAULT_MAX_PROBLEMS: usize = 100;

/// Every problem of a text that [`Record::from_json`](crate::Record::from_json)
/// could not read, `first` being the one the one-pass read found. The
/// result is the syntax error alone when the text is not well-formed JSON,
/// and `first` alone when it nests deeper than serde_json reads (128
/// levels) or when the collector finds nothing (that would be a bug:
/// `first` is then still true).
pub(crate) fn every_problem(json: &str, first: Error, max_problems: usize) -> Error {
    if first.code() == Code::JsonSyntax {
        return first;
    }
    if let Err(syntax) = serde_json::from_str::<serde::de::IgnoredAny>(json) {
        return Error::from_json_error(String::new(), &syntax);
    }
    // Nesting deeper than serde_json reads is the one problem left that
    // has no tree: the first problem is all there is.
    let Some(root) = tree::parse(json) else { return first };
    let mut collector = Collector::new(max_problems);
    let record = crate::Record::collect(&root, &mut collector);
    if collector.total == 0 {
        return first;
    }
    let mut found = std::mem::take(&mut collector.problems);
    let mut total = collector.total;
    if let Some(record) = record {
        let rules = record.validate_partial(&root, &collector.broken_items, &collector.shortened);
        total += rules.len();
        found.extend(rules);
    }
    // Stable: at one place, the problems stay in the order found.
    found.sort_by_key(|found| found.offset);
    found.truncate(max_problems);
    let mut problems = locate(json, found);
    if total > problems.len() {
        let left_out = total - problems.len();
        problems.push(Problem::new(
            "",
            Code::TooManyProblems,
            format!(
                "{left_out} more problem{} left out: at most {max_problems} are reported",
                if left_out == 1 { " is" } else { "s are" }
            ),
        ));
    }
    Error::Invalid { problems }
}

/// A problem, and where in the text it was found.
pub(crate) struct Found {
    pub(crate) problem: Problem,
    /// The byte offset of the place, as serde_json counts it: just after
    /// the last byte read when the problem was seen.
    pub(crate) offset: usize,
}

/// The problems with their lines and columns, in one pass over the text.
fn locate(text: &str, found: Vec<Found>) -> Vec<Problem> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found.get(i).map(|f| f.offset));
    let mut locations = vec![Location::default(); found.len()];
    let (mut line, mut line_start, mut scanned) = (1, 0, 0);
    let bytes = text.as_bytes();
    for i in order {
        let Some(offset) = found.get(i).map(|f| f.offset.min(bytes.len())) else { continue };
        for (at, byte) in bytes.iter().enumerate().take(offset).skip(scanned) {
            if *byte == b'\n' {
                line += 1;
                line_start = at + 1;
            }
        }
        scanned = scanned.max(offset);
        if let Some(location) = locations.get_mut(i) {
            // serde_json puts a problem seen on peeking at a line's first
            // byte at column 0; columns count from 1.
            *location = Location { line, column: (offset - line_start).max(1) };
        }
    }
    found
        .into_iter()
        .zip(locations)
        .map(|(found, location)| Problem { location, ..found.problem })
        .collect()
}

/// The offset within `text` of serde_json's line and column in it.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        line => text.match_indices('\n').nth(line - 2).map_or(text.len(), |(at, _)| at + 1),
    };
    (line_start + column).min(text.len())
}

/// A value that can be collected from a tree, reporting every problem in it.
pub(crate) trait Collect: Sized {
    /// The value of `node`, or `None` once every problem in it is reported.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self>;

    /// What stands in for this value when it is a required field that is
    /// missing or broken, so that the struct around it can still be
    /// checked by the record rules; `None` when nothing can (the struct is
    /// then broken too).
    fn stand_in() -> Option<Self> {
        None
    }
}

/// Collects a leaf value with its type's own serde code, with a stand-in
/// after `=>` if it has one; or each of a list of types.
macro_rules! collect_with_serde {
    ($type:ty $(=> $stand_in:expr)?) => {
        impl $crate::json::collect::Collect for $type {
            fn collect(
                node: &$crate::json::collect::Node<'_>,
                cx: &mut $crate::json::collect::Collector,
            ) -> Option<Self> {
                cx.serde(node)
            }

            $(
                fn stand_in() -> Option<Self> {
                    Some($stand_in)
                }
            )?
        }
    };
    ($($type:ty),* $(,)?) => {
        $($crate::json::collect::collect_with_serde!($type);)*
    };
}
pub(crate) use collect_with_serde;

// The leaf values of the record structs that are not string newtypes (those
// are collected by `string_newtype!`): each is read whole by serde, so a leaf
// reports at most one problem. A field of a new type fails to compile until
// its type is here or collected otherwise.
collect_with_serde!(
    bool,
    f64,
    u64,
    crate::Actor,
    crate::AgreementKind,
    crate::AgreementRelation,
    crate::AgreementStatus,
    crate::AreaKind,
    crate::DiplomaticStatus,
    crate::ExtensionValue,
    crate::Member,
    crate::MembershipChange,
    crate::Modality,
    crate::NameVariantKind,
    crate::RecognisedAs,
    crate::RecognitionChangeKind,
    crate::RelationsChangeKind,
    crate::ReportingVerb,
    crate::Role,
    crate::Sector,
    crate::StatementMode,
    crate::StepKind,
    crate::Subject,
    crate::ThirdPartyRole,
    crate::Topic,
);
// A broken event kind has a stand-in, so that the record's own event, which
// holds most of the record, is still checked by the rules; a problem the
// stand-in could cause is in the broken event, so it is not reported.
collect_with_serde!(crate::EventKind => crate::EventKind::Meeting);

/// Collects an enum written as a one-key object naming its variant, whose
/// variants hold record structs: the struct is collected at its key, so
/// that every problem in it is found. Anything else (an unknown key, a
/// second key) is serde's problem to name.
macro_rules! collect_one_key {
    ($type:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl $crate::json::collect::Collect for $type {
            fn collect(
                node: &$crate::json::collect::Node<'_>,
                cx: &mut $crate::json::collect::Collector,
            ) -> Option<Self> {
                if let $crate::json::collect::Shape::Object(members) = &node.shape {
                    if let [member] = members.as_slice() {
                        $(
                            if member.key == $name {
                                return cx
                                    .within($name, |cx| {
                                        $crate::json::collect::Collect::collect(&member.value, cx)
                                    })
                                    .map($type::$variant);
                            }
                        )*
                    }
                }
                cx.serde(node)
            }
        }
    };
}
pub(crate) use collect_one_key;

/// Collects the members of a struct's object, in a function that returns
/// `Option<Self>`: binds one [`Slot`] per field, named as given, reporting
/// every unknown or repeated key; returns serde's problem when `node` is not
/// an object. The names, in the order of the struct's fields, are those
/// serde's message of an unknown field lists.
macro_rules! collect_members {
    ($node:ident, $cx:ident, [$($name:expr => $field:ident: $type:ty),* $(,)?]) => {
        let $crate::json::collect::Shape::Object(members) = &$node.shape else {
            return $cx.serde($node);
        };
        $(let mut $field = $crate::json::collect::Slot::<$type>::Absent;)*
        for member in members {
            let key: &str = member.key.as_ref();
            $(
                if key == $name {
                    $cx.field(member, &mut $field);
                    continue;
                }
            )*
            const NAMES: &[&str] = &[$($name),*];
            $cx.unknown_field(member, NAMES);
        }
    };
}
pub(crate) use collect_members;

/// A field of a struct being collected.
pub(crate) enum Slot<T> {
    /// Not in the object.
    Absent,
    /// In the object, with a problem reported.
    Broken,
    /// Read.
    Read(T),
}

impl<T> Slot<T> {
    /// What was read, if anything.
    pub(crate) fn read(self) -> Option<T> {
        match self {
            Slot::Read(value) => Some(value),
            Slot::Absent | Slot::Broken => None,
        }
    }

    /// Whether the field is there with a problem.
    pub(crate) fn is_broken(&self) -> bool {
        matches!(self, Slot::Broken)
    }
}

/// Where the problems go while a record is collected.
pub(crate) struct Collector {
    /// The JSON Pointer of the value being collected.
    path: String,
    /// The first problems, up to the cap.
    problems: Vec<Found>,
    /// Every problem found, kept or not.
    total: usize,
    max_problems: usize,
    /// The lists that lost broken items: each one's JSON Pointer and the
    /// index in the text of each item kept.
    shortened: BTreeMap<String, Vec<usize>>,
    /// The items with a problem, kept or not (see
    /// [`item_of`](crate::validation::partial::item_of)).
    broken_items: BTreeSet<String>,
}

impl Collector {
    fn new(max_problems: usize) -> Self {
        Collector {
            path: String::new(),
            problems: Vec::new(),
            total: 0,
            max_problems,
            shortened: BTreeMap::new(),
            broken_items: BTreeSet::new(),
        }
    }

    /// Runs `collect` one step below the current value.
    pub(crate) fn within<T>(&mut self, token: &str, collect: impl FnOnce(&mut Self) -> T) -> T {
        let length = self.path.len();
        push_pointer_token(&mut self.path, token);
        let value = collect(self);
        self.path.truncate(length);
        value
    }

    /// Reports a problem at `below` under the current value (a JSON Pointer
    /// suffix, empty for the value itself), found at `offset`.
    fn report(&mut self, below: &str, offset: usize, code: Code, message: impl FnOnce() -> String) {
        self.total += 1;
        let path = format!("{}{below}", self.path);
        let item = crate::validation::partial::item_of(&path);
        if !self.broken_items.contains(item) {
            self.broken_items.insert(item.to_owned());
        }
        if self.problems.len() < self.max_problems {
            self.problems.push(Found { problem: Problem::new(path, code, message()), offset });
        }
    }

    /// Reads `node` with serde, as the one-pass read does, reporting its
    /// problem if it has one.
    pub(crate) fn serde<T: DeserializeOwned>(&mut self, node: &Node<'_>) -> Option<T> {
        clear_code();
        let mut deserializer = serde_json::Deserializer::from_str(node.text);
        match serde_path_to_error::deserialize(Strict(&mut deserializer)) {
            Ok(value) => Some(value),
            Err(error) => {
                // An error raised once the value was read (a struct's check
                // across its fields) has no position of its own: serde_json
                // gives it the place after the value, as in the whole text.
                let at = match error.inner().line() {
                    0 => node.text.len(),
                    line => offset_of(node.text, line, error.inner().column()),
                };
                if let Error::Json { path, code, message, .. } = Error::from_path_error(error) {
                    self.report(&path, node.start + at, code, || message);
                }
                None
            }
        }
    }

    /// Collects the entries of a map under checked keys (extensions, other
    /// ids), `node` being an object: each key is read by its type's serde
    /// code, and a key that repeats another is a problem, as is a map of
    /// more than [`MAX_ITEMS`] entries.
    pub(crate) fn map<K, V>(&mut self, node: &Node<'_>) -> Option<BTreeMap<K, V>>
    where
        K: DeserializeOwned + Ord + std::fmt::Display,
        V: Collect,
    {
        let Shape::Object(members) = &node.shape else { return None };
        if let Some(first_over) = members.get(MAX_ITEMS) {
            self.report("", first_over.key_end, Code::TooManyItems, || {
                format!("more than {MAX_ITEMS} items in one list or map")
            });
            return None;
        }
        let mut map = BTreeMap::new();
        let mut complete = true;
        for member in members {
            let key = self.within(&member.key, |cx| {
                clear_code();
                let literal = serde_json::to_string(&member.key).unwrap_or_default();
                let mut deserializer = serde_json::Deserializer::from_str(&literal);
                match K::deserialize(Strict(&mut deserializer)) {
                    Ok(key) => Some(key),
                    Err(error) => {
                        let error = Error::from_json_error(String::new(), &error);
                        cx.report("", member.key_end, error.code(), || error.to_problem().message);
                        None
                    }
                }
            });
            let Some(key) = key else {
                complete = false;
                continue;
            };
            if map.contains_key(&key) {
                self.within(&member.key, |cx| {
                    cx.report("", member.key_end, Code::DuplicateKey, || {
                        format!("duplicate key \"{key}\"")
                    });
                });
                complete = false;
                continue;
            }
            match self.within(&member.key, |cx| V::collect(&member.value, cx)) {
                Some(value) => {
                    map.insert(key, value);
                }
                None => complete = false,
            }
        }
        complete.then_some(map)
    }

    /// Collects the value of `member` into `slot`, unless the key was there
    /// already: a repeated key is a problem, and its value is not read.
    pub(crate) fn field<T: Collect>(&mut self, member: &Member<'_>, slot: &mut Slot<T>) {
        if !matches!(slot, Slot::Absent) {
            let key = &member.key;
            self.within(key, |cx| {
                cx.report("", member.key_end, Code::DuplicateKey, || {
                    format!("duplicate field `{key}`")
                });
            });
            return;
        }
        *slot = match self.within(&member.key, |cx| T::collect(&member.value, cx)) {
            Some(value) => Slot::Read(value),
            None => Slot::Broken,
        };
    }

    /// Reports a member whose key the struct does not have.
    pub(crate) fn unknown_field(&mut self, member: &Member<'_>, names: &'static [&'static str]) {
        let key = &member.key;
        self.within(key, |cx| {
            cx.report("", member.key_end, Code::UnknownField, || {
                serde_json::Error::unknown_field(key, names).to_string()
            });
        });
    }

    /// How many problems were found so far: a value whose check across its
    /// fields needs all of them read compares this before and after.
    pub(crate) fn found(&self) -> usize {
        self.total
    }

    /// Reports, at the value being collected, a problem that its type's
    /// check across its fields found once they were read.
    pub(crate) fn invalid(&mut self, node: &Node<'_>, code: Code, message: String) {
        self.report("", node.end(), code, || message);
    }

    /// The value of a required field: what was read, else a stand-in after
    /// reporting it missing, if it was.
    pub(crate) fn required<T: Collect>(
        &mut self,
        object: &Node<'_>,
        name: &'static str,
        slot: Slot<T>,
    ) -> Option<T> {
        match slot {
            Slot::Read(value) => Some(value),
            Slot::Broken => T::stand_in(),
            Slot::Absent => {
                self.report("", object.end(), Code::MissingField, || {
                    serde_json::Error::missing_field(name).to_string()
                });
                T::stand_in()
            }
        }
    }
}

impl<T: Collect + DeserializeOwned> Collect for Vec<T> {
    /// Every item is collected; the broken ones are left out of the list,
    /// which remembers where the others were.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        let Shape::List(items) = &node.shape else { return cx.serde(node) };
        if let Some(first_over) = items.get(MAX_ITEMS) {
            cx.report("", first_over.start, Code::TooManyItems, || {
                format!("more than {MAX_ITEMS} items in one list or map")
            });
            return None;
        }
        let mut list = Vec::with_capacity(items.len());
        let mut kept = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            if let Some(value) = cx.within(&index.to_string(), |cx| T::collect(item, cx)) {
                list.push(value);
                kept.push(index);
            }
        }
        if kept.len() < items.len() {
            cx.shortened.insert(cx.path.clone(), kept);
        }
        Some(list)
    }
}

impl<T: Collect, const N: usize> Collect for [T; N]
where
    [T; N]: DeserializeOwned,
{
    /// Each of the `N` items is collected; any other number is serde's
    /// problem to name.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        let Shape::List(items) = &node.shape else { return cx.serde(node) };
        if items.len() != N {
            return cx.serde(node);
        }
        let values: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(index, item)| cx.within(&index.to_string(), |cx| T::collect(item, cx)))
            .collect();
        values.into_iter().collect::<Option<Vec<T>>>()?.try_into().ok()
    }
}

impl<T: Collect + DeserializeOwned> Collect for Option<T> {
    /// A value that is there; `null` is refused, as serde refuses it.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        if node.text == "null" {
            return cx.serde(node);
        }
        T::collect(node, cx).map(Some)
    }
}

impl<T: Collect> Collect for Box<T> {
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        T::collect(node, cx).map(Box::new)
    }
}
