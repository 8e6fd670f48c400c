//! Folding people's names, to find the same person written twice.

use unicode_normalization::UnicodeNormalization;

use super::hash::{case_blind, hash_bytes, reset_table};
use crate::{Record, Text};

/// The name of person `person`: the canonical one (`None`) or a variant.
pub(crate) fn name_of(record: &Record, person: usize, slot: Option<usize>) -> &str {
    let person = record.people.get(person);
    match slot {
        None => person.and_then(|p| p.name.as_ref()).map(Text::as_str),
        Some(j) => person.and_then(|p| p.name_variants.get(j)).map(|v| v.name.as_str()),
    }
    .unwrap_or_default()
}

pub(crate) fn name_pointer(person: usize, slot: Option<usize>) -> String {
    match slot {
        None => format!("/people/{person}/name"),
        Some(j) => format!("/people/{person}/name_variants/{j}/name"),
    }
}

/// People's names by their fold (see [`fold_name`]), to find two that
/// fold alike. Kept per thread between records with its memory.
#[derive(Default)]
pub(crate) struct NameIndex {
    /// Each name added and not a repeat: the hash of its fold, and whose
    /// name it is (the person, and which of their names).
    names: Vec<(u64, usize, Option<usize>)>,
    /// Open addressing over `names`: an index into it plus one, 0 for an
    /// empty slot; at most half full.
    slots: Vec<u32>,
    /// How far to shift a hash right to get a slot.
    shift: u32,
    /// Folded names: the last name added, when it had to be folded.
    key: String,
    other_key: String,
}

impl NameIndex {
    /// Empties the index and makes room for `count` names.
    pub(crate) fn reset(&mut self, count: usize) {
        self.names.clear();
        self.shift = reset_table(&mut self.slots, count, 0);
    }

    /// Adds `name`, the name of `owner` (a person and which of their
    /// names). When a name added before folds to the same key, gives its
    /// owner instead, and [`NameIndex::key`] is then that key.
    #[inline(never)]
    pub(crate) fn add(
        &mut self,
        record: &Record,
        owner: (usize, Option<usize>),
        name: &Text,
    ) -> Option<(usize, Option<usize>)> {
        let hash = folded_name_hash(name, &mut self.key);
        let name = name.as_str();
        let mask = self.slots.len().saturating_sub(1);
        let mut at = (hash >> (self.shift & 63)) as usize & mask;
        while let Some(&index) = self.slots.get(at).filter(|&&index| index != 0) {
            let Some(&(h, person, slot)) = self.names.get(index as usize - 1) else { break };
            // A hash seen before is confirmed by folding both names.
            if h == hash && self.fold_alike(name, name_of(record, person, slot)) {
                return Some((person, slot));
            }
            at = (at + 1) & mask;
        }
        self.names.push((hash, owner.0, owner.1));
        if let (Some(free), Ok(index)) = (self.slots.get_mut(at), u32::try_from(self.names.len())) {
            *free = index;
        }
        None
    }

    /// Whether `name` and `other` fold to the same key, left in `key`.
    #[cold]
    #[inline(never)]
    fn fold_alike(&mut self, name: &str, other: &str) -> bool {
        fold_name_into(name, &mut self.key);
        fold_name_into(other, &mut self.other_key);
        self.other_key == self.key
    }

    /// The key that the last name added and the earlier one it repeats
    /// fold to.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }
}

/// The hash of `name` folded (see [`fold_name`]), read [`case_blind`]: so
/// two names that fold alike hash alike. A name of ASCII words separated
/// by single spaces folds to itself in lower case, so it is hashed as it
/// is, without being copied; any other is folded into `scratch` first. (A
/// [`Text`] has no control character, so its ASCII is all printable.)
pub(crate) fn folded_name_hash(name: &Text, scratch: &mut String) -> u64 {
    let name = name.as_str();
    let bytes = name.as_bytes();
    let plain = if bytes.len() >= 8 {
        plain_ascii_hash(bytes)
    } else {
        plain_ascii_words(bytes).then(|| hash_bytes(0, bytes, case_blind))
    };
    match plain {
        Some(hash) => hash,
        None => fold_and_hash(name, scratch),
    }
}

/// The hash of `name` folded into `scratch`: the general case of
/// [`folded_name_hash`], out of line.
#[inline(never)]
pub(crate) fn fold_and_hash(name: &str, scratch: &mut String) -> u64 {
    fold_name_into(name, scratch);
    hash_bytes(0, scratch.as_bytes(), case_blind)
}

/// For the bytes of a [`Text`] of at least 8 bytes: when they are plain
/// ASCII words (see [`plain_ascii_words`]), their hash read [`case_blind`],
/// as `hash_bytes` gives it, found in the same pass over their words as the
/// test. `None` when they are not plain, or rarely when they are (as
/// `plain_ascii_words`).
pub(crate) fn plain_ascii_hash(bytes: &[u8]) -> Option<u64> {
    use super::hash::{finish, mix};
    use crate::json::swar::{HIGH, bytes_equal, word};
    let (first, last) = (bytes.first()?, bytes.last_chunk::<8>()?);
    if *first == b' ' || bytes.last() == Some(&b' ') {
        return None;
    }
    // Bytes out of ASCII; spaces next to spaces; the space flag of the top
    // byte of the word before, moved to the bottom byte.
    let (mut not_ascii, mut doubled, mut previous_top) = (0u64, 0u64, 0u64);
    let mut check = |w: u64, previous: u64| {
        not_ascii |= w & HIGH;
        let spaces = bytes_equal(w, b' ');
        doubled |= spaces & ((spaces << 8) | previous);
        spaces >> 56
    };
    let mut hash = 0u64;
    let mut rest = bytes;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        if tail.is_empty() {
            break;
        }
        let w = word(chunk);
        previous_top = check(w, previous_top);
        hash = mix(hash, case_blind(w));
        rest = tail;
    }
    // The last word overlaps the one before unless the length is a multiple
    // of 8; then the two bytes on either side of the join are both in it.
    let w = word(last);
    check(w, if bytes.len() % 8 == 0 { previous_top } else { 0 });
    let plain = not_ascii == 0 && doubled == 0;
    plain.then(|| finish(0, hash ^ case_blind(w), bytes.len()))
}

/// Whether the bytes of a [`Text`] are ASCII words separated by single
/// spaces, with no space at either end: text whose fold is its lower case
/// (a text's ASCII is all printable). Tested eight bytes at a time; a rare
/// false "two spaces" (a `!` right after a space can look like one) only
/// sends the name down the general fold.
pub(crate) fn plain_ascii_words(bytes: &[u8]) -> bool {
    use crate::json::swar::{bytes_equal, word};
    if bytes.is_empty() || bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    if !bytes.is_ascii() {
        return false;
    }
    let mut words = bytes.chunks_exact(8);
    let mut previous_top = 0u64;
    for chunk in (&mut words).filter_map(|chunk| chunk.first_chunk::<8>()) {
        // The spaces (see `crate::json::swar`: a byte right above a space may be
        // flagged too, which only sends the name to the general fold).
        let flags = bytes_equal(word(chunk), b' ');
        // Two spaces side by side in the word, or across from the last one.
        if flags & (flags >> 8) != 0 || (previous_top != 0 && flags & 0x80 != 0) {
            return false;
        }
        previous_top = flags >> 56;
    }
    let mut previous_space = previous_top != 0;
    for &byte in words.remainder() {
        let space = byte == b' ';
        if space && previous_space {
            return false;
        }
        previous_space = space;
    }
    true
}

/// The key under which two spellings of a name count as the same: NFD,
/// combining marks dropped, letters without a decomposition mapped to their
/// base (ı, ø, ß, đ, ł...), lower case, white space collapsed.
pub fn fold_name(name: &str) -> String {
    let mut out = String::new();
    fold_name_into(name, &mut out);
    out
}

/// [`fold_name`] into a buffer that is cleared first.
pub(crate) fn fold_name_into(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in name.chars() {
        if c.is_ascii() {
            // The table's own entry, without looking it up. White space as
            // `char::is_whitespace`, which also counts the vertical tab.
            if c.is_ascii_whitespace() || c == '\u{b}' {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // A character past the Basic Multilingual Plane (rare in names)
        // sends the whole name to the general fold.
        let Some(folded) = folded_char(c) else {
            fold_decomposed(name, out);
            return;
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if folded.is_empty() {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push_str(folded);
    }
}

/// The fold of one character of the Basic Multilingual Plane, from a table
/// computed by the general fold one block of 256 characters at a time, the
/// first time a name uses the block: looking a character up is much
/// cheaper than decomposing it and lower-casing the result (measured in
/// BENCHMARKS.md: names in Cyrillic, Greek or Arabic made the validation of
/// a record up to 60 % of its parse). Folding a precomposed text character
/// by character gives the same as folding it whole, since NFD reorders only
/// combining marks, and they are all dropped. White space is handled by the
/// caller. `None` past the plane.
pub(crate) fn folded_char(c: char) -> Option<&'static str> {
    /// The blocks of the plane, each built on first use.
    static BLOCKS: [std::sync::OnceLock<Box<[compact_str::CompactString]>>; 256] =
        [const { std::sync::OnceLock::new() }; 256];
    let code = c as u32;
    let block = BLOCKS.get(usize::try_from(code >> 8).ok()?)?;
    let folds = block.get_or_init(|| {
        (0..256)
            .map(|low| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32((code & !0xFF) | low).filter(|c| !c.is_whitespace())
                {
                    fold_decomposed(c.encode_utf8(&mut [0; 4]), &mut folded);
                }
                compact_str::CompactString::from(folded)
            })
            .collect()
    });
    folds.get((code & 0xFF) as usize).map(compact_str::CompactString::as_str)
}

/// The general fold: NFD, then each character kept, mapped or dropped.
pub(crate) fn fold_decomposed(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'ı' => out.push('i'),
            'ø' | 'Ø' => out.push('o'),
            'ß' => out.push_str("ss"),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ħ' | 'Ħ' => out.push('h'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives what the general fold gives, for every character of
    /// the Basic Multilingual Plane alone and in words with spaces around.
    #[test]
    fn the_table_folds_as_the_general_fold() {
        let chars: Vec<char> = (0..0x1_0000).filter_map(char::from_u32).collect();
        let (mut fast, mut general) = (String::new(), String::new());
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get((i * 7 + 3) % chars.len()).copied().unwrap_or('a');
            for text in [c.to_string(), format!(" {c}{next} Ab{c} "), format!("{next}  {c}\u{e9}")]
            {
                fold_name_into(&text, &mut fast);
                fold_decomposed(&text, &mut general);
                assert_eq!(fast, general, "{text:?}");
            }
        }
    }

    /// `seeds` strings of each length in `lens`, of bytes picked from
    /// `alphabet` by a fixed formula of the seed and the offset.
    fn generated_names(
        alphabet: &[u8],
        lens: std::ops::Range<usize>,
        seeds: usize,
    ) -> impl Iterator<Item = Vec<u8>> + '_ {
        lens.flat_map(move |len| {
            (0..seeds).map(move |seed| {
                (0..len)
                    .filter_map(|i| {
                        alphabet
                            .get((seed * 7 + i * i * 3 + seed / (i + 1)) % alphabet.len())
                            .copied()
                    })
                    .collect()
            })
        })
    }

    #[test]
    fn plain_ascii_words_are_found_exactly_or_sent_to_the_general_fold() {
        let naive = |name: &str| {
            let mut previous = b' ';
            name.bytes().all(|b| {
                let ok = b.is_ascii_graphic() || (b == b' ' && previous != b' ');
                previous = b;
                ok
            }) && previous != b' '
        };
        // Bytes of texts: printable ASCII, and bytes of `é`.
        let alphabet = [b'a', b' ', b'!', b'Z', 0xC3, 0xA9];
        for bytes in generated_names(&alphabet, 0..19, 400) {
            let name = String::from_utf8(bytes).unwrap_or_default();
            let fast = plain_ascii_words(name.as_bytes());
            // Never plain when it is not; plain when it is, but for the
            // rare false two spaces.
            assert!(!fast || naive(&name), "{name:?}");
            if naive(&name) && !fast {
                assert!(name.contains(" !"), "{name:?}");
            }
        }
        assert!(plain_ascii_words(b"Zakir Lula 0 and Kassym-Jomart Tokayev"));
        assert!(!plain_ascii_words(b"Zakir Lula 0 and Kassym  Tokayev"));
        assert!(!plain_ascii_words(b"Zakir L "));
        assert!(!plain_ascii_words("Zakir Lé".as_bytes()));
    }

    /// The one-pass hash of plain names agrees with the test and the hash
    /// done apart, on every length from 8 to 40 and spaces anywhere.
    #[test]
    fn plain_names_hash_in_one_pass_as_in_two() {
        let alphabet = [b'a', b' ', b'!', b'Z', 0xC3, 0xA9, b'q', b'M'];
        for bytes in generated_names(&alphabet, 8..41, 600) {
            let one_pass = plain_ascii_hash(&bytes);
            let two_passes = plain_ascii_words(&bytes)
                .then(|| hash_bytes(0, &bytes.to_ascii_lowercase(), case_blind));
            let name = String::from_utf8_lossy(&bytes);
            // Equal, but for the rare false two spaces either may see.
            if one_pass.is_some() && two_passes.is_some() || !name.contains(" !") {
                assert_eq!(one_pass, two_passes, "{name:?}");
            }
            assert!(one_pass.is_none() || two_passes.is_some(), "{name:?}");
        }
        let name = "Kassym-Jomart Tokayev";
        let mut key = String::new();
        fold_name_into(name, &mut key);
        assert_eq!(
            plain_ascii_hash(name.as_bytes()),
            Some(hash_bytes(0, key.as_bytes(), case_blind))
        );
        assert_eq!(plain_ascii_hash(b"Kassym-Jomart  Tokayev"), None);
        assert_eq!(plain_ascii_hash(b"Kassym-J Tokayev"), plain_ascii_hash(b"KASSYM-J TOKAYEV"));
        assert_eq!(plain_ascii_hash(b"Kassym-J  okayev"), None);
        assert_eq!(plain_ascii_hash(b"Kassym-  Tokayev"), None);
    }

    fn text(name: &str) -> Text {
        Text::parse(name).unwrap_or_else(|e| panic!("{name:?}: {e}"))
    }

    /// Whichever way a name is hashed (plain in one pass, short and plain,
    /// or folded first), names that fold alike hash alike.
    #[test]
    fn names_that_fold_alike_hash_alike() {
        let groups: [&[&str]; 6] = [
            &["Li", "LI", "Lí", " li"],
            &["Jean_Luc Picard", "JEAN_LUC PICARD", "Jean_Luc Picárd"],
            &["Haluk Gorgun", "HALUK GÖRGÜN", "haluk  görgün", " Haluk Görgün"],
            &["Bola", "BOLA", "bolá", "Bola "],
            &["Kassym-Jomart Tokayev", "KASSYM-JOMART TOKAYEV", "Kassym-Jomart\u{a0}Tokayev"],
            &["el-Sisi", "El-Sisi", "EL-SİSİ", "el-sisi"],
        ];
        let mut scratch = String::new();
        for group in groups {
            let hashes: Vec<u64> =
                group.iter().map(|name| folded_name_hash(&text(name), &mut scratch)).collect();
            assert!(hashes.windows(2).all(|w| w.first() == w.last()), "{group:?}: {hashes:x?}");
        }
    }

    #[test]
    fn folds() {
        assert_eq!(fold_name("  Mevlüt   ÇAVUŞOĞLU "), "mevlut cavusoglu");
        assert_eq!(fold_name("Łukasz Ørsted-Straße"), "lukasz orsted-strasse");
        assert_eq!(fold_name("Əliyev İlham"), "əliyev ilham");
        assert_eq!(fold_name("Görgün  ΆΝΝΑ"), "gorgun αννα");
        assert_eq!(fold_name("Никита Хрущёв"), "никита хрущев");
        // A character past the plane, after some that are in it.
        assert_eq!(fold_name("Görgün 𝐀"), "gorgun 𝐀");
    }
}
