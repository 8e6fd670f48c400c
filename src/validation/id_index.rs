//! The record's ids by kind, to resolve references in constant time.

use super::Kind;

/// The ids of a record's items, each with its kind and position in its list.
///
/// An open-addressing hash table over the ids as written: a reference is
/// resolved with one hash and, nearly always, one string comparison. Ids
/// are kept as borrowed from the record; nothing is copied.
pub(super) struct IdIndex<'a> {
    /// Each id added: its hash, the id, its kind and its position.
    entries: Vec<(u64, &'a str, Kind, usize)>,
    /// One more than an index into `entries`, or 0 for an empty slot. Its
    /// length is a power of two, at least twice the number of ids.
    slots: Vec<u32>,
}

impl<'a> IdIndex<'a> {
    /// An index for up to `count` ids.
    pub(super) fn with_capacity(count: usize) -> Self {
        let size = count.saturating_mul(2).max(8).next_power_of_two();
        IdIndex { entries: Vec::with_capacity(count), slots: vec![0; size] }
    }

    /// Adds the id of the item at `position` of `kind`. When an earlier item
    /// of the same kind has this id, gives that item's position instead.
    pub(super) fn insert(&mut self, kind: Kind, id: &'a str, position: usize) -> Option<usize> {
        let hash = hash(kind, id.as_bytes());
        let mask = self.slots.len() - 1;
        // The table is never more than half full, so a free slot is found.
        let mut at = hash_slot(hash, mask);
        loop {
            match self.slots.get(at).copied() {
                Some(0) | None => break,
                Some(slot) => {
                    if let Some(&(h, other, k, first)) = self.entries.get(slot as usize - 1) {
                        if h == hash && k == kind && same(other, id) {
                            return Some(first);
                        }
                    }
                }
            }
            at = (at + 1) & mask;
        }
        self.entries.push((hash, id, kind, position));
        if let (Some(slot), Ok(entry)) = (self.slots.get_mut(at), u32::try_from(self.entries.len()))
        {
            *slot = entry;
        }
        None
    }

    /// Whether an item of `kind` has `id`.
    pub(super) fn contains(&self, kind: Kind, id: &str) -> bool {
        let hash = hash(kind, id.as_bytes());
        let mask = self.slots.len() - 1;
        let mut at = hash_slot(hash, mask);
        loop {
            match self.slots.get(at).copied() {
                Some(0) | None => return false,
                Some(slot) => {
                    if let Some(&(h, other, k, _)) = self.entries.get(slot as usize - 1) {
                        if h == hash && k == kind && same(other, id) {
                            return true;
                        }
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// Whether two ids are equal: ids are short, and a byte loop beats a call
/// to `memcmp` for them.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

fn hash_slot(hash: u64, mask: usize) -> usize {
    // The high bits are the best mixed.
    (hash >> 32) as usize & mask
}

/// A fast hash of `kind` and `bytes` (multiply and rotate over 8-byte words,
/// as in rustc's FxHash). Not for untrusted keys in long-lived tables; here
/// a table lives for one record of at most a few thousand ids.
fn hash(kind: Kind, bytes: &[u8]) -> u64 {
    super::names::word_hash(kind as u64, bytes)
}
