//! Folding people's names, to find the same person written twice.

use unicode_normalization::UnicodeNormalization;

use crate::{Record, Text};

/// The name of person `person`: the canonical one (`None`) or a variant.
pub(super) fn name_of(record: &Record, person: usize, slot: Option<usize>) -> &str {
    let person = record.people.get(person);
    match slot {
        None => person.and_then(|p| p.name.as_ref()).map(Text::as_str),
        Some(j) => person.and_then(|p| p.name_variants.get(j)).map(|v| v.name.as_str()),
    }
    .unwrap_or_default()
}

pub(super) fn name_pointer(person: usize, slot: Option<usize>) -> String {
    match slot {
        None => format!("/people/{person}/name"),
        Some(j) => format!("/people/{person}/name_variants/{j}/name"),
    }
}

/// A fast 64-bit hash of `bytes`, started from `seed`: multiply and rotate
/// over 8-byte words, as rustc's FxHash, with a final mix so that every bit
/// of the result depends on the input. For comparing names and ids within
/// one record, where a match is always confirmed by comparing the strings.
pub(super) fn word_hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let step = |hash: u64, word: u64| (hash.rotate_left(26) ^ word).wrapping_mul(K);
    let mut hash = step(seed, bytes.len() as u64);
    let mut rest = bytes;
    while let (Some(word), Some(tail)) = (rest.first_chunk::<8>(), rest.get(8..)) {
        if tail.is_empty() {
            break;
        }
        hash = step(hash, u64::from_le_bytes(*word));
        rest = tail;
    }
    // 0 to 8 bytes are left, read with whole loads (never a short copy, which
    // stalls the load that follows it): the length is already in the hash, so
    // overlapping reads still tell different strings apart.
    let len = rest.len();
    let word = if let Some(word) = rest.first_chunk::<8>() {
        u64::from_le_bytes(*word)
    } else if let (Some(head), Some(tail)) = (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*head)) | (u64::from(u32::from_le_bytes(*tail)) << 32)
    } else if let (Some(&first), Some(&last)) = (rest.first(), rest.last()) {
        let middle = rest.get(len / 2).copied().unwrap_or_default();
        (u64::from(first) << 16) | (u64::from(middle) << 8) | u64::from(last)
    } else {
        0
    };
    hash = step(hash, word);
    hash ^= hash >> 29;
    hash = hash.wrapping_mul(K);
    hash ^ (hash >> 32)
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
pub(super) fn fold_name_into(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    // The common case: printable ASCII words separated by single spaces,
    // which only need lower-casing.
    let mut previous = b' ';
    let simple = name.bytes().all(|b| {
        let ok = b.is_ascii_graphic() || (b == b' ' && previous != b' ');
        previous = b;
        ok
    }) && previous != b' ';
    if simple {
        out.push_str(name);
        out.make_ascii_lowercase();
        return;
    }
    if name.is_ascii() {
        for b in name.bytes() {
            if b.is_ascii_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return;
    }
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
