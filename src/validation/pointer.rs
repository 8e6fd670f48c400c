//! Places in the record's JSON, kept only by a check that reports them.
//!
//! A record is checked first without keeping places ([`Unplaced`]): most
//! records have no problem, and that check only tells whether there is
//! one. A record with a problem is checked again keeping them ([`Placed`]),
//! and each problem gets its JSON Pointer. Both checks are the same code,
//! compiled once for each mode.

/// How a check keeps the places it passes through.
pub(super) trait Mode {
    /// Whether places are kept, so that problems can be reported.
    const PLACED: bool;
    /// What a place holds.
    type Node<'a>: Copy;
    /// The record's root.
    const ROOT: Self::Node<'static>;
    /// The place one step below `parent`.
    fn child<'a>(parent: &'a Self::Node<'_>, step: Step<'a>) -> Self::Node<'a>;
    /// The JSON Pointer of a place, when places are kept.
    fn pointer(node: &Self::Node<'_>) -> Option<String>;
}

/// Places kept as a chain of borrowed steps, written out as a JSON Pointer
/// only when a problem is reported.
pub(super) enum Placed {}

/// No place kept: the check only tells whether there is a problem.
pub(super) enum Unplaced {}

impl Mode for Placed {
    const PLACED: bool = true;
    type Node<'a> = Link<'a>;
    const ROOT: Link<'static> = Link { parent: None, step: Step::Root };

    fn child<'a>(parent: &'a Link<'_>, step: Step<'a>) -> Link<'a> {
        Link { parent: Some(parent), step }
    }

    fn pointer(node: &Link<'_>) -> Option<String> {
        let mut out = String::new();
        node.write(&mut out);
        Some(out)
    }
}

impl Mode for Unplaced {
    const PLACED: bool = false;
    type Node<'a> = ();
    const ROOT: () = ();

    fn child<'a>((): &'a (), _: Step<'a>) {}

    fn pointer((): &()) -> Option<String> {
        None
    }
}

/// A place in the record's JSON, as the check's mode keeps it.
pub(super) struct At<'a, M: Mode> {
    node: M::Node<'a>,
}

impl<M: Mode> Clone for At<'_, M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M: Mode> Copy for At<'_, M> {}

impl<'a, M: Mode> At<'a, M> {
    pub(super) const ROOT: At<'static, M> = At { node: M::ROOT };

    pub(super) fn child<'b>(&'b self, step: Step<'b>) -> At<'b, M> {
        At { node: M::child(&self.node, step) }
    }

    pub(super) fn key<'b>(&'b self, key: &'b str) -> At<'b, M> {
        self.child(Step::Key(key))
    }

    pub(super) fn index(&self, index: usize) -> At<'_, M> {
        self.child(Step::Index(index))
    }

    /// The place's JSON Pointer; `None` when places are not kept.
    pub(super) fn pointer(&self) -> Option<String> {
        M::pointer(&self.node)
    }
}

/// One step of a kept place, with the place above it.
#[derive(Clone, Copy)]
pub(super) struct Link<'a> {
    parent: Option<&'a Link<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
pub(super) enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl Link<'_> {
    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.step {
            Step::Root => {}
            Step::Key(key) => crate::json::errors::push_pointer_token(out, key),
            Step::Index(index) => crate::json::errors::push_pointer_token(out, &index.to_string()),
        }
    }
}
