//! `other-is-listed`.

use crate::json::wire_name::OpenCodeList;
use crate::validation::{At, Checker, Mode, Step};
use crate::{Code, Text};

impl<M: Mode> Checker<'_, M> {
    /// `other-is-listed`: an `{"other": ...}` value that spells one of the
    /// listed values of its code list, which should be written instead.
    /// Words that also mean something else are never advised: a conference's
    /// `{"other": "member"}` (a member state) is not a delegation `member`.
    #[inline]
    pub(in crate::validation) fn other_is_listed<T: OpenCodeList>(
        &mut self,
        parent: &At<'_, M>,
        step: Step<'_>,
        value: &T,
    ) {
        if let Some(text) = value.other_text() {
            self.other_spells_listed::<T>(&parent.child(step), text);
        }
    }

    #[cold]
    #[inline(never)]
    fn other_spells_listed<T: OpenCodeList>(&mut self, at: &At<'_, M>, text: &Text) {
        // A listed value's name is short ASCII: anything else is off the
        // list without spelling it out.
        let trimmed = text.as_str().trim();
        let mut spelled = [0u8; 48];
        if trimmed.len() > spelled.len() || !trimmed.is_ascii() {
            return;
        }
        for (out, byte) in spelled.iter_mut().zip(trimmed.bytes()) {
            *out = if byte == b' ' || byte == b'-' { b'_' } else { byte.to_ascii_lowercase() };
        }
        let spelled = spelled.get(..trimmed.len()).and_then(|s| std::str::from_utf8(s).ok());
        let Some(spelled) = spelled else { return };
        if T::advised_value(spelled) {
            self.report(
                &at.key("other"),
                Code::OtherIsListed,
                || format!("\"{text}\" is a listed value: write \"{spelled}\" instead of {{\"other\": \"{text}\"}}"),
            );
        }
    }
}
