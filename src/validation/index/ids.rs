//! The record's ids by kind, to resolve references in constant time.

use super::hash::{hash_bytes, reset_table, short_word};
use crate::json::swar::HIGH;
use crate::validation::{IdText, Kind};

/// The ids of a record's items, each with its kind and position in its list.
///
/// An open-addressing hash table keyed by the ids' hashes: a reference is
/// resolved with one hash and one probe, nearly always. An id of up to 8
/// bytes has a hash that no other id of up to 8 bytes has (see
/// [`short_hash`]), so it matches by hash alone; longer ids are confirmed
/// against the id text, which the caller looks up by kind and position.
///
/// The hashes are keyed by a random odd number drawn for each index, so
/// ids cannot be crafted in advance to share slots: with a fixed
/// multiplier, ids picked to land on one slot made resolving n of them
/// take n² probes. Short ids are multiplied by the key (multiply-shift
/// hashing, universal over random odd keys); long ids start the word mix
/// from it.
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
    /// The random odd key of the hashes; 0 until the first reset.
    key: u64,
}

/// A random odd number, from the standard library's per-process random
/// keys (the ones that seed `HashMap`), different for each call.
fn random_odd_key() -> u64 {
    use std::hash::BuildHasher;
    std::hash::RandomState::new().hash_one(0x1d_u8) | 1
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
        if self.key == 0 {
            self.key = random_odd_key();
        }
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
        match short_hash(kind, id.as_bytes(), self.key) {
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
        let hash = hash_bytes(self.key ^ (kind as u64) << 56, id.as_bytes(), |word| word).max(1);
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
            #[cfg(test)]
            PROBES.with(|count| count.set(count.get() + 1));
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

    /// The position in its list of the item of `kind` that has `id`, if
    /// there is one.
    #[inline]
    pub(crate) fn position_of<'t>(
        &self,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<usize> {
        let at = self.slot_of(kind, id, id_at)?;
        self.slots.get(at).map(|entry| entry.position)
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

#[cfg(test)]
thread_local! {
    /// Slots looked at by [`IdIndex::probe`] on this thread, for the tests
    /// that count work.
    pub(crate) static PROBES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The hash of an id of `kind` of at most 8 ASCII bytes under the odd
/// `key`; `None` for any other id.
///
/// The id's bytes in one word (see `short_word`) leave the top bit of
/// every byte clear, so the kind and length are written there, seven bits
/// in seven bytes; multiplying by an odd key is a bijection. So no two
/// such ids of any kinds share a hash, and none has hash 0.
#[inline]
pub(crate) fn short_hash(kind: Kind, bytes: &[u8], key: u64) -> Option<u64> {
    if bytes.len() > 8 {
        return None;
    }
    let word = short_word(bytes);
    if word & HIGH != 0 {
        return None;
    }
    // An id has 1 to 8 bytes here: its length less one takes three bits.
    let code = ((kind as usize + 1) << 3) | bytes.len().checked_sub(1)?;
    // Never out of range (see `KINDS_FIT`); were it, the long path is safe.
    let tag = SPREAD.get(code).copied()?;
    Some((word | tag).wrapping_mul(key | 1))
}

/// The kind (plus one) and the length less one (0 to 7) of a short id
/// take seven bits, four and three, in the top bits of its word: up to 15
/// kinds of id fit.
const KINDS_FIT: () = assert!(
    (Kind::ALL.len() << 3) | 7 < SPREAD.len(),
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
    use super::super::hash::K;
    use super::*;

    /// `n` short person ids that all land on one slot of a table for `n`
    /// ids when hashed under `key`: what an attacker who knows the key
    /// (as anyone knew the fixed multiplier) can build by trying ids.
    fn ids_sharing_a_slot(n: usize, key: u64) -> Vec<IdText> {
        let mut index = IdIndex { key, ..IdIndex::default() };
        index.reset(n);
        let slot_of = |id: &str| {
            let hash = short_hash(Kind::Person, id.as_bytes(), key).unwrap_or_default();
            (hash >> (index.shift & 63)) as usize & index.mask
        };
        let mut found = Vec::new();
        let mut i = 0u64;
        while found.len() < n {
            let id = format!("p{i:07x}");
            if slot_of(&id) == 0 {
                found.push(IdText::from(id));
            }
            i += 1;
        }
        found
    }

    /// The slots looked at to insert `ids` into an index hashing under `key`.
    fn probes_to_insert(ids: &[IdText], key: u64) -> u64 {
        let mut index = IdIndex { key, ..IdIndex::default() };
        index.reset(ids.len());
        PROBES.with(|count| count.set(0));
        for (position, id) in ids.iter().enumerate() {
            let text = |_: Kind, at: usize| ids.get(at).map_or("", |id| id.as_str());
            assert_eq!(index.insert(Kind::Person, id, position, text), None, "{id}");
        }
        PROBES.with(std::cell::Cell::get)
    }

    /// Ids built to share one slot under a known multiplier take n²/2
    /// probes there; under the index's own random key, about one each.
    #[test]
    fn ids_crafted_to_collide_do_not_collide_under_a_random_key() {
        let n = 1_000;
        let crafted = ids_sharing_a_slot(n, K);
        let known = probes_to_insert(&crafted, K);
        assert!(known >= (n * n / 2) as u64, "the attack works on a known key: {known} probes");
        for _ in 0..3 {
            let key = random_odd_key();
            let probes = probes_to_insert(&crafted, key);
            assert!(probes < 4 * n as u64, "{probes} probes for {n} ids under a random key");
        }
        assert_ne!(random_odd_key(), random_odd_key(), "each index draws its own key");
    }

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
                let hash = short_hash(kind, id.as_bytes(), K);
                let hash = hash.unwrap_or_else(|| panic!("{id} is short"));
                assert_ne!(hash, 0);
                if let Some(other) = seen.insert(hash, (kind as u8, id)) {
                    panic!("{id} and {other:?} share a hash");
                }
            }
        }
        assert_eq!(short_hash(Kind::Person, b"abcdefghi", K), None);
        assert_eq!(short_hash(Kind::Person, "é".as_bytes(), K), None);
    }
}
