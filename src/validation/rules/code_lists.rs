//! `other-is-listed`.

use crate::json::wire_name::OpenCodeList;
use crate::validation::{At, Checker, Mode, Step};
use crate::{Code, Text};

impl<M: Mode> Checker<'_, M> {
    /// `other-is-listed`: an `{"other": ...}` value that spells one of the
    /// listed values of its code list, which should be written instead.
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
        let spelled: String = text
            .as_str()
            .trim()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() })
            .collect();
        if spelled != "other" && T::listed_value(&spelled) {
            self.report(
                &at.key("other"),
                Code::OtherIsListed,
                || format!("\"{text}\" is a listed value: write \"{spelled}\" instead of {{\"other\": \"{text}\"}}"),
            );
        }
    }
}
