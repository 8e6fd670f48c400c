//! The record's ids by kind, to resolve references in constant time.

use super::hash::{K, hash_bytes, reset_table, short_word};
use crate::json::swar::HIGH;
use crate::validation::{IdText, Kind};

/// The ids of a record's items, each with its kind and position in its list.
///
/// An open-addressing hash table keyed by the ids' hashes: a reference is
/// resolved with one hash and one probe, nearly always. An id of up to 8
/// bytes has a hash that no other id of up to 8 bytes has (see
/// [`short_hash`]), so it matches by hash alone; longer ids are confirmed
/// against the id text, which the caller looks up by kind and position.
/// Entries hold no borrowed text, so one index serves record after record
/// on a thread without allocating again.
#[derive(Default)]
pub(crate) struct IdIndex {
    /// Linear probing; its length is a power of two, at least twice the
    /// number of ids, so a probe always ends at an empty slot.
    slots: Vec<Entry>,
    /// The table's size less one.
    mask: usize,
    /// How far to shift a hash right to get a slot (below 64): the table's
    /// size is `1 << (64 - shift)`, and the high bits of the hash are its
    /// best.
    shift: u32,
}

/// An id in the table; an empty slot has hash 0, which no id has.
#[derive(Clone, Copy, Default)]
pub(crate) struct Entry {
    hash: u64,
    /// The position of the item in its list (events: depth first).
    position: usize,
    /// The last delegation (counted from 1) found to have this item as a
    /// member: repeated members are found in one pass.
    member_mark: u32,
    /// For an id longer than 8 bytes, its kind plus one; 0 for a short id.
    long_kind: u8,
}

impl IdIndex {
    /// Empties the index and makes room for `count` ids, keeping its memory.
    pub(crate) fn reset(&mut self, count: usize) {
        self.shift = reset_table(&mut self.slots, count, Entry::default());
        self.mask = self.slots.len().saturating_sub(1);
    }

    /// The entry `id` of `kind` would have, and its slot: where it is, or
    /// the empty slot where it would go, with whether it is there. `id_at`
    /// gives the id of the item at a position of a kind. `None` when the
    /// index has no slots.
    #[inline]
    fn find<'t>(
        &self,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<(Entry, usize, bool)> {
        // Nearly every id takes the short path: no text is compared.
        match short_hash(kind, id.as_bytes()) {
            Some(hash) => {
                let (at, found) = self.probe(hash, |entry| entry.long_kind == 0)?;
                Some((Entry { hash, long_kind: 0, ..Entry::default() }, at, found))
            }
            None => self.find_long(kind, id, id_at),
        }
    }

    /// [`IdIndex::find`] for an id longer than 8 bytes (or, were an id
    /// ever not ASCII, for that one): an entry with its hash is confirmed
    /// against the text of the id.
    #[inline(never)]
    fn find_long<'t>(
        &self,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<(Entry, usize, bool)> {
        let hash = hash_bytes((kind as u64) << 56, id.as_bytes(), |word| word).max(1);
        let long_kind = kind as u8 + 1;
        let (at, found) = self.probe(hash, |entry| {
            entry.long_kind == long_kind && id_at(kind, entry.position) == id
        })?;
        Some((Entry { hash, long_kind, ..Entry::default() }, at, found))
    }

    /// The first slot from the hash's own that is empty or holds an entry
    /// with this hash that `matches`, and whether it is that entry.
    #[inline(always)]
    fn probe(&self, hash: u64, matches: impl Fn(&Entry) -> bool) -> Option<(usize, bool)> {
        let mut at = (hash >> (self.shift & 63)) as usize & self.mask;
        loop {
            let entry = self.slots.get(at)?;
            if entry.hash == hash && matches(entry) {
                return Some((at, true));
            }
            if entry.hash == 0 {
                return Some((at, false));
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Adds the id of the item at `position` of `kind`. When an earlier item
    /// of the same kind has this id, gives that item's position instead.
    pub(crate) fn insert<'t>(
        &mut self,
        kind: Kind,
        id: &IdText,
        position: usize,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<usize> {
        let (entry, at, found) = self.find(kind, id.as_str(), id_at)?;
        let slot = self.slots.get_mut(at)?;
        if found {
            return Some(slot.position);
        }
        *slot = Entry { position, ..entry };
        None
    }

    /// The slot of the item of `kind` that has `id`, if there is one: a
    /// number that no other item has (see [`IdIndex::mark_member`]).
    #[inline]
    pub(crate) fn slot_of<'t>(
        &self,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<usize> {
        match self.find(kind, id, id_at)? {
            (_, at, true) => Some(at),
            (_, _, false) => None,
        }
    }

    /// Marks the item in `slot` (see [`IdIndex::slot_of`]) as a member of
    /// the delegation `stamp`, counted from 1, and tells whether it was
    /// marked so already: listed twice in that delegation.
    pub(crate) fn mark_member(&mut self, slot: usize, stamp: u32) -> bool {
        self.slots
            .get_mut(slot)
            .is_some_and(|entry| std::mem::replace(&mut entry.member_mark, stamp) == stamp)
    }
}

/// The hash of an id of `kind` of at most 8 ASCII bytes; `None` for any
/// other id.
///
/// The id's bytes in one word (see `short_word`) leave the top bit of
/// every byte clear, so the kind and length are written there, seven bits
/// in seven bytes; multiplying by an odd constant is a bijection. So no two
/// such ids of any kinds share a hash, and none has hash 0.
#[inline]
pub(crate) fn short_hash(kind: Kind, bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 8 {
        return None;
    }
    let word = short_word(bytes);
    if word & HIGH != 0 {
        return None;
    }
    let code = ((kind as usize + 1) << 4) | bytes.len();
    // Never out of range (see `KINDS_FIT`); were it, the long path is safe.
    let tag = SPREAD.get(code).copied()?;
    Some((word | tag).wrapping_mul(K))
}

/// The kind (plus one) and the length (0 to 8) of a short id take seven
/// bits, three and four, in the top bits of its word: an eighth kind of id
/// would not fit, and ids of it would be told apart by text only. Adding
/// one means a wider code (or fewer lengths) here first.
const KINDS_FIT: () = assert!(
    (Kind::ALL.len() << 4) | 8 < SPREAD.len(),
    "the kinds of id and their lengths must fit in seven bits"
);
const _: () = KINDS_FIT;

/// For each 7-bit number, its bits written to the top bits of the first
/// seven bytes of a word.
#[allow(clippy::indexing_slicing, reason = "code < 128, the table's length")]
const SPREAD: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut code = 0;
    while code < 128 {
        let mut bit = 0;
        while bit < 7 {
            if code & (1 << bit) != 0 {
                table[code] |= 0x80 << (8 * bit);
            }
            bit += 1;
        }
        code += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_of_any_kind_hash_apart() {
        let mut ids: std::collections::BTreeSet<String> =
            (0u32..5_000).map(|i| format!("{i:x}")).collect();
        ids.extend(
            ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"].map(String::from),
        );
        ids.extend(
            ["ba", "bca", "cdab", "bcdea", "h0", "h00", "h0h0", "0h", "part0", "part00"]
                .map(String::from),
        );
        let mut seen = std::collections::BTreeMap::new();
        for kind in Kind::ALL {
            for id in &ids {
                let hash = short_hash(kind, id.as_bytes());
                let hash = hash.unwrap_or_else(|| panic!("{id} is short"));
                assert_ne!(hash, 0);
                if let Some(other) = seen.insert(hash, (kind as u8, id)) {
                    panic!("{id} and {other:?} share a hash");
                }
            }
        }
        assert_eq!(short_hash(Kind::Person, b"abcdefghi"), None);
        assert_eq!(short_hash(Kind::Person, "é".as_bytes()), None);
    }
}
