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

/// 64-bit FNV-1a, to compare folded names without keeping them.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
