//! Folding people's names, to find the same person written twice.

use unicode_normalization::UnicodeNormalization;

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

/// Whose name it is: a person, and which of their names (`None` for the
/// canonical one, else the index of the variant).
pub(crate) type Owner = (usize, Option<usize>);

/// People's names by their fold (see [`fold_name`]), to find two that fold
/// alike. Kept per thread between records with its memory.
///
/// The folds are sorted, not hashed: a sort costs O(L log n) byte
/// comparisons for n names of L bytes in all, whatever the names are,
/// where a hash table of a fixed hash function can be fed names that all
/// collide and cost O(n²) (a record of 10,000 such people took seconds).
/// It costs more than the table did on records with many people (a few
/// points of validation time, in BENCHMARKS.md): the price of the bound.
#[derive(Default)]
pub(crate) struct NameIndex {
    /// The folds of the names added, one after another.
    folds: String,
    /// Each name added, in order: where its fold is in `folds`, and whose
    /// name it is.
    names: Vec<(std::ops::Range<usize>, Owner)>,
    /// Each name's sort key: the first eight bytes of its fold (as a
    /// big-endian number, so that numbers compare as the bytes do), and its
    /// index in `names`. Most comparisons end at the number.
    keys: Vec<(u64, u32)>,
    /// The fold of a name that is not plain ASCII words.
    scratch: String,
}

impl NameIndex {
    /// Empties the index, keeping its memory (unless an unusually large
    /// record made it large).
    pub(crate) fn reset(&mut self) {
        if self.folds.capacity() > 1 << 20 {
            *self = NameIndex::default();
        }
        self.folds.clear();
        self.names.clear();
        self.keys.clear();
    }

    /// Adds `name`, the name of `owner`.
    pub(crate) fn add(&mut self, owner: Owner, name: &Text) {
        let start = self.folds.len();
        let text = name.as_str();
        if plain_ascii_words(text.as_bytes()) {
            // Its fold is its lower case.
            self.folds.push_str(text);
            if let Some(added) = self.folds.get_mut(start..) {
                added.make_ascii_lowercase();
            }
        } else {
            fold_name_into(text, &mut self.scratch);
            self.folds.push_str(&self.scratch);
        }
        let fold = self.folds.as_bytes().get(start..).unwrap_or_default();
        let mut prefix = [0u8; 8];
        for (to, from) in prefix.iter_mut().zip(fold) {
            *to = *from;
        }
        // No record holds 4 billion names in memory.
        let index = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.keys.push((u64::from_be_bytes(prefix), index));
        self.names.push((start..self.folds.len(), owner));
    }

    /// Each name added that folds like a name added before it, in the
    /// order added, with the owner of the first name of that fold, and that
    /// fold: calls `repeat(name's owner, first owner, fold)`.
    pub(crate) fn repeats(&mut self, mut repeat: impl FnMut(Owner, Owner, &str)) {
        let (folds, names) = (&self.folds, &self.names);
        let fold = |i: u32| {
            names.get(i as usize).and_then(|(range, _)| folds.get(range.clone())).unwrap_or("")
        };
        // A fold has no NUL byte (a text has no control character), so the
        // zero-padded prefixes order as the folds do; equal folds are
        // ordered as added, so the first of a run of equal folds is the
        // first name of its fold. (An unstable sort: it needs no buffer,
        // which a stable sort allocates for more than a few names.)
        self.keys.sort_unstable_by(|a, b| {
            count_comparison();
            a.0.cmp(&b.0).then_with(|| fold(a.1).cmp(fold(b.1))).then(a.1.cmp(&b.1))
        });
        let same = |a: &(u64, u32), b: &(u64, u32)| a.0 == b.0 && fold(a.1) == fold(b.1);
        // Empty, with nothing allocated, when no two names fold alike.
        let mut found: Vec<(u32, u32)> = Vec::new();
        for run in self.keys.chunk_by(same) {
            if let Some((first, rest)) = run.split_first() {
                found.extend(rest.iter().map(|key| (key.1, first.1)));
            }
        }
        found.sort_unstable();
        let owner = |i: u32| names.get(i as usize).map_or((0, None), |(_, owner)| *owner);
        for (name, first) in found {
            repeat(owner(name), owner(first), fold(first));
        }
    }
}

#[cfg(test)]
thread_local! {
    /// How many comparisons of two folds the sorts of this thread have
    /// made: what the complexity tests count. Not in a build that is not a
    /// test.
    pub(crate) static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[inline(always)]
fn count_comparison() {
    #[cfg(test)]
    COMPARISONS.with(|count| count.set(count.get() + 1));
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

    fn text(name: &str) -> Text {
        Text::parse(name).unwrap_or_else(|e| panic!("{name:?}: {e}"))
    }

    /// Names that fold alike are found as repeats of the first of them,
    /// whichever way each is folded (plain ASCII words or the general fold).
    #[test]
    fn names_that_fold_alike_are_repeats() {
        let groups: [&[&str]; 6] = [
            &["Li", "LI", "Lí", " li"],
            &["Jean_Luc Picard", "JEAN_LUC PICARD", "Jean_Luc Picárd"],
            &["Haluk Gorgun", "HALUK GÖRGÜN", "haluk  görgün", " Haluk Görgün"],
            &["Bola", "BOLA", "bolá", "Bola "],
            &["Kassym-Jomart Tokayev", "KASSYM-JOMART TOKAYEV", "Kassym-Jomart\u{a0}Tokayev"],
            &["el-Sisi", "El-Sisi", "EL-SİSİ", "el-sisi"],
        ];
        let mut index = NameIndex::default();
        for (g, group) in groups.iter().enumerate() {
            for (k, name) in group.iter().enumerate() {
                index
                    .add((g, Some(k)), &Text::parse_collapsed(name).unwrap_or_else(|_| text(name)));
            }
        }
        // Names that do not fold alike, though equal case-blind bytewise.
        index.add((9, None), &text("[{[{"));
        index.add((9, Some(0)), &text("{[{["));
        let mut found = Vec::new();
        index.repeats(|name, first, fold| found.push((name, first, fold.to_owned())));
        let expected: Vec<_> = groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                let fold = fold_name(group.first().copied().unwrap_or_default());
                (1..group.len()).map(move |k| ((g, Some(k)), (g, Some(0)), fold.clone()))
            })
            .collect();
        assert_eq!(found, expected);
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
