//! `no-speaker`.

use crate::validation::{At, Checker, Mode};
use crate::{Code, Statement};

impl<M: Mode> Checker<'_, M> {
    /// `no-speaker`: a statement needs someone who made it.
    pub(in crate::validation) fn no_speaker(&mut self, at: &At<'_, M>, statement: &Statement) {
        if statement.speakers.is_empty() {
            self.report(&at.key("speakers"), Code::NoSpeaker, || {
                format!("statement \"{}\" has no speaker", statement.id)
            });
        }
    }
}
