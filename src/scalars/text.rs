//! Human-readable text: names, titles, descriptions, statements.

use unicode_normalization::UnicodeNormalization;

use crate::scalars::newtype::{string_newtype, string_schema};

/// Text written for people: a name, a title, a description or what someone said.
///
/// On input the text is put in Unicode Normalization Form C (NFC), so that
/// "Görgün" typed with a precomposed "ö" and with "o" plus a combining
/// diaeresis is stored, compared and written out the same way. Nothing else is
/// changed. The text must not be blank, must be at most
/// [`Text::MAX_CHARS`] characters (Unicode scalar values) long both as
/// written and in NFC, and must not contain control
/// characters, bidirectional formatting characters (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C) or zero-width characters other than
/// the joiners ZWJ (U+200D) and ZWNJ (U+200C) that some scripts need.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(compact_str::CompactString);

/// Why a string is not acceptable [`Text`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The text is empty or only white space.
    #[error("text is blank")]
    Blank,
    /// The text as written is longer than [`Text::MAX_CHARS`], the rule
    /// that the schema's `maxLength` states too.
    #[error("text is {chars} characters long, more than the limit of {limit}")]
    TooLong {
        /// Length of the offending text as written, in Unicode scalar values.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// The text as written is within [`Text::MAX_CHARS`], but NFC, which
    /// writes a few characters as two or three (U+0958 as U+0915 U+093C),
    /// makes it longer: what the crate would write could not be read back.
    /// A JSON Schema validator cannot normalize, so this is a Rust-only rule.
    #[error("text is {chars} characters long in NFC, more than the limit of {limit}")]
    TooLongInNfc {
        /// Length of the offending text in NFC, in Unicode scalar values.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// The text contains a character that is not allowed.
    #[error("text contains {kind} U+{code:04X} at character {position}")]
    ForbiddenCharacter {
        /// What kind of character it is.
        kind: ForbiddenKind,
        /// Its code point.
        code: u32,
        /// Its 0-based position, in characters, in the normalised text.
        position: usize,
    },
}

/// Kinds of characters that [`Text`] rejects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ForbiddenKind {
    /// A C0 or C1 control character, including tab and line feed.
    Control,
    /// A bidirectional override, embedding, isolate or mark.
    Bidi,
    /// A zero-width character other than ZWJ and ZWNJ.
    ZeroWidth,
}

impl std::fmt::Display for ForbiddenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ForbiddenKind::Control => "control character",
            ForbiddenKind::Bidi => "bidirectional formatting character",
            ForbiddenKind::ZeroWidth => "zero-width character",
        })
    }
}

fn forbidden_kind(c: char) -> Option<ForbiddenKind> {
    match c {
        c if c.is_control() => Some(ForbiddenKind::Control),
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Some(ForbiddenKind::Bidi),
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Some(ForbiddenKind::ZeroWidth),
        _ => None,
    }
}

impl TextError {
    /// The problem code of this error.
    pub fn code(&self) -> crate::Code {
        match self {
            TextError::Blank => crate::Code::BlankText,
            TextError::TooLong { .. } | TextError::TooLongInNfc { .. } => crate::Code::TextTooLong,
            TextError::ForbiddenCharacter { .. } => crate::Code::ForbiddenCharacter,
        }
    }
}

impl Text {
    /// The longest text accepted, in Unicode scalar values, as written and
    /// in NFC alike.
    pub const MAX_CHARS: usize = 10_000;

    /// Checks and normalises `text`.
    ///
    /// # Errors
    /// [`TextError`] when the text is blank, too long or has a forbidden character.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Text;
    /// let nfd = Text::parse("Go\u{0308}rgu\u{0308}n")?;
    /// assert_eq!(nfd.as_str(), "Görgün");
    /// assert!(Text::parse("  ").is_err());
    /// # Ok::<(), diplomatic_events::TextError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, TextError> {
        // Text in the common scripts needs no normalisation: one pass.
        if stable_chars(text).is_some_and(|(chars, blank)| chars <= Self::MAX_CHARS && !blank) {
            return Ok(Text(compact_str::CompactString::new(text)));
        }
        Self::parse_general(text)
    }

    /// Checks and normalises `text` after collapsing its white space: every
    /// run of spaces, tabs, line breaks or other Unicode white space becomes
    /// one space, and none is left at either end. For importers, whose text
    /// comes from XML, HTML or PDF with the line breaks of its layout.
    ///
    /// # Errors
    /// As [`Text::parse`] (a text of white space only is blank).
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Text;
    /// let text = Text::parse_collapsed("  Talks with the\n\t Minister\u{00A0} of Defense ")?;
    /// assert_eq!(text.as_str(), "Talks with the Minister of Defense");
    /// assert!(Text::parse("Talks\nwith").is_err(), "a line break is a control character");
    /// # Ok::<(), diplomatic_events::TextError>(())
    /// ```
    pub fn parse_collapsed(text: &str) -> Result<Self, TextError> {
        let mut last_space = true;
        let tidy = text.chars().all(|c| {
            let ok = if c == ' ' { !last_space } else { !c.is_whitespace() };
            last_space = c == ' ';
            ok
        }) && !last_space;
        if tidy {
            return Self::parse(text);
        }
        let mut collapsed = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
        Self::parse(&collapsed)
    }

    /// The general case of [`Text::parse`]: a text that may need
    /// normalising, or is refused.
    fn parse_general(text: &str) -> Result<Self, TextError> {
        // The length as written is the schema's `maxLength`; it is checked
        // before any copy is made.
        let input_chars = text.chars().count();
        if input_chars > Self::MAX_CHARS {
            return Err(TextError::TooLong { chars: input_chars, limit: Self::MAX_CHARS });
        }
        let normalised: String = if unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            text.to_owned()
        } else {
            text.nfc().collect()
        };
        let mut chars = 0;
        for (position, c) in normalised.chars().enumerate() {
            if let Some(kind) = forbidden_kind(c) {
                return Err(TextError::ForbiddenCharacter { kind, code: c as u32, position });
            }
            chars = position + 1;
        }
        if normalised.trim().is_empty() {
            return Err(TextError::Blank);
        }
        if chars > Self::MAX_CHARS {
            return Err(TextError::TooLongInNfc { chars, limit: Self::MAX_CHARS });
        }
        Ok(Text(compact_str::CompactString::from(normalised)))
    }

    /// The text, in NFC.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// The number of characters of `text`, and whether it is blank, when each
/// is one that no normalisation changes and none is forbidden: a character
/// of the Basic Multilingual Plane of canonical combining class 0 and NFC
/// quick-check Yes (by the Unicode tables the crate normalises with), so
/// that any string of them is in NFC. `None` at the first other character.
/// (Measured: names and titles in Cyrillic, Devanagari or Chinese cost the
/// general check over a thousand instructions each.)
///
/// Printable ASCII, most of most texts, is taken eight bytes at a time
/// (the last word may overlap the one before it, and a text of four to
/// seven bytes is read as two overlapping halves); other characters one at
/// a time, up to the next ASCII one. Measured on the Office of the
/// Historian's visits, whose descriptions of some 200 characters mostly
/// have one dash outside ASCII: decoding every character had cost 2.2 % of
/// a visit's instructions and 6 % of its time (BENCHMARKS.md, seventh
/// session).
fn stable_chars(text: &str) -> Option<(usize, bool)> {
    use crate::json::swar::{bytes_not_printable_ascii, word};
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let bytes = text.as_bytes();
    if let (4..8, Some(first), Some(last)) =
        (bytes.len(), bytes.first_chunk::<4>(), bytes.last_chunk::<4>())
    {
        let halves =
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32;
        if bytes_not_printable_ascii(halves) == 0 {
            return Some((bytes.len(), halves == SPACES));
        }
    }
    let (mut count, mut blank, mut at) = (0, true, 0);
    loop {
        while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            let word = word(chunk);
            if bytes_not_printable_ascii(word) != 0 {
                break;
            }
            blank &= word == SPACES;
            (count, at) = (count + 8, at + 8);
        }
        let left = bytes.len().saturating_sub(at);
        if let (0..8, Some(last)) = (left, bytes.last_chunk::<8>()) {
            // Its first bytes, already counted, are printable ASCII too
            // when the word is; then they are spaces if the text so far is
            // blank.
            let word = word(last);
            if bytes_not_printable_ascii(word) == 0 {
                return Some((count + left, blank && word == SPACES));
            }
        }
        loop {
            let c = text.get(at..).and_then(|rest| rest.chars().next());
            let Some(c) = c else { return Some((count, blank)) };
            if !stable(c) {
                return None;
            }
            blank &= c.is_whitespace();
            (count, at) = (count + 1, at + c.len_utf8());
            if c.is_ascii() {
                break;
            }
        }
    }
}

/// Whether `c` is a stable character (see [`stable_chars`]).
#[inline]
fn stable(c: char) -> bool {
    // The common scripts by their ranges, the rest by the table.
    matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{2FF}'
        | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{5D0}'..='\u{5EA}'
        | '\u{621}'..='\u{64A}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
        || stable_char(c)
}

/// Whether `c` is a stable character (see [`stable_chars`]), from a table
/// of the plane built a block of 256 characters at a time on first use.
/// The common scripts' ranges are tested before it, being cheaper; the test
/// holds every character either takes to the Unicode tables.
fn stable_char(c: char) -> bool {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    static BLOCKS: [std::sync::OnceLock<[u64; 4]>; 256] =
        [const { std::sync::OnceLock::new() }; 256];
    let code = c as u32;
    let Some(block) = usize::try_from(code >> 8).ok().and_then(|b| BLOCKS.get(b)) else {
        return false;
    };
    let bits = block.get_or_init(|| {
        let mut bits = [0u64; 4];
        for low in 0..256u32 {
            let stable = char::from_u32((code & !0xFF) | low).is_some_and(|c| {
                forbidden_kind(c).is_none()
                    && canonical_combining_class(c) == 0
                    && is_nfc_quick([c].into_iter()) == IsNormalized::Yes
            });
            if let Some(word) = bits.get_mut((low / 64) as usize) {
                *word |= u64::from(stable) << (low % 64);
            }
        }
        bits
    });
    let low = code & 0xFF;
    bits.get((low / 64) as usize).is_some_and(|word| word >> (low % 64) & 1 == 1)
}

string_newtype!(Text, TextError);
// The pattern: blank characters, one that is not blank, then any allowed
// ones. Each character has one place to go, so a backtracking engine
// (Python's `re`, JavaScript's) takes linear time on any text; the form
// "allowed*, not blank, allowed*" took quadratic time on a long text with
// a forbidden character at its end.
string_schema!(Text, {
    "description": "Text for people, in Unicode NFC, not blank, without control, bidirectional-formatting or zero-width characters (ZWJ and ZWNJ are allowed); at most 10,000 characters as written and, checked by the crate only, in NFC.",
    "type": "string",
    "minLength": 1,
    "maxLength": 10000,
    "pattern": "^[\\u0020\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]*[^\\u0000-\\u0020\\u007F-\\u00A0\\u061C\\u1680\\u180E\\u2000-\\u200B\\u200E\\u200F\\u2028-\\u202F\\u205F\\u2060\\u2066-\\u2069\\u3000\\uFEFF][^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]*$"
});

#[cfg(test)]
mod tests {
    use super::{forbidden_kind, stable, stable_chars};

    /// Every character [`stable_chars`] takes is allowed, of combining class
    /// 0 and NFC quick-check Yes, so text of them needs no normalisation;
    /// and the common scripts are among them.
    #[test]
    fn stable_characters_are_nfc_whatever_surrounds_them() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let mut stable = 0;
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if stable_chars(c.encode_utf8(&mut [0; 4])).is_none() {
                continue;
            }
            stable += 1;
            assert_eq!(forbidden_kind(c), None, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
        assert!(stable > 50_000, "{stable}");
        assert_eq!(stable_chars("Görgün Хрущёв 习近平"), Some((17, false)));
        assert_eq!(stable_chars("जवाहरलाल नेहरू").map(|(n, _)| n), Some(14));
        assert_eq!(stable_chars(" \u{A0}\u{3000} "), Some((4, true)));
        assert_eq!(stable_chars("Go\u{308}rgu\u{308}n"), None);
        assert_eq!(stable_chars("a\u{200B}b"), None);
        assert_eq!(stable_chars("a\tb"), None);
    }

    /// The word-at-a-time scan finds what a loop over the characters
    /// finds: for texts of every length up to 20 of letters, of spaces, and
    /// of letters after a character outside ASCII, with every ASCII byte and
    /// some other characters at every place.
    #[test]
    fn stable_chars_agrees_with_a_character_loop() {
        let by_char = |text: &str| {
            text.chars().try_fold((0, true), |(n, blank), c| {
                stable(c).then_some((n + 1, blank && c.is_whitespace()))
            })
        };
        let others = ['é', '\u{A0}', '\u{3000}', '–', '习', '\u{308}', '\u{200B}', '\u{1F600}'];
        let chars = (0u8..0x80).map(char::from).chain(others);
        for c in chars {
            for base in ["a", " ", "é"] {
                for len in 0..20 {
                    for at in 0..len {
                        let text: String = (0..len)
                            .map(|i| if i == at { c.to_string() } else { base.to_owned() })
                            .collect();
                        assert_eq!(stable_chars(&text), by_char(&text), "{text:?}");
                    }
                }
            }
        }
    }
}
