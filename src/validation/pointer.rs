//! JSON Pointers built only when a problem is reported.

/// A place in the record's JSON, kept as a chain of borrowed steps and only
/// written out as a JSON Pointer when a problem is reported: a valid record
/// is checked without building a single path.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    pub(super) parent: Option<&'a At<'a>>,
    pub(super) step: Step<'a>,
}

#[derive(Clone, Copy)]
pub(super) enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

pub(super) const ROOT: At<'static> = At { parent: None, step: Step::Root };

impl<'a> At<'a> {
    pub(super) fn child(&'a self, step: Step<'a>) -> At<'a> {
        At { parent: Some(self), step }
    }

    pub(super) fn key(&'a self, key: &'a str) -> At<'a> {
        self.child(Step::Key(key))
    }

    pub(super) fn index(&'a self, index: usize) -> At<'a> {
        self.child(Step::Index(index))
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.step {
            Step::Root => {}
            Step::Key(key) => crate::error::push_pointer_token(out, key),
            Step::Index(index) => crate::error::push_pointer_token(out, &index.to_string()),
        }
    }

    pub(super) fn pointer(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}
