//! The record's ids by kind, to resolve references in constant time.

use super::Kind;

/// The ids of a record's items, each with its kind and position in its list.
///
/// An open-addressing hash table over the ids as written: a reference is
/// resolved with one hash and, nearly always, one string comparison. Ids
/// are kept as borrowed from the record; nothing is copied.
#[derive(Default)]
pub(super) struct IdIndex<'a> {
    /// Linear probing; its length is a power of two, at least twice the
    /// number of ids, so a probe always ends at an empty slot.
    slots: Vec<Option<Entry<'a>>>,
    /// How far to shift a hash right to get a slot: the table's size is
    /// `1 << (64 - shift)`, and the high bits of the hash are its best.
    shift: u32,
}

#[derive(Clone, Copy)]
struct Entry<'a> {
    hash: u64,
    id: &'a str,
    kind: Kind,
    position: usize,
}

impl<'a> IdIndex<'a> {
    /// An index for up to `count` ids.
    pub(super) fn with_capacity(count: usize) -> Self {
        let size = count.saturating_mul(2).max(8).next_power_of_two();
        IdIndex { slots: vec![None; size], shift: 64 - size.trailing_zeros() }
    }

    /// The slot of `id` of `kind`: where it is, or the empty slot where it
    /// would go.
    fn find(&self, hash: u64, kind: Kind, id: &str) -> usize {
        let mask = self.slots.len().saturating_sub(1);
        let mut at = hash.checked_shr(self.shift).unwrap_or(0) as usize & mask;
        // An empty index (no slots) finds nothing: `get` gives `None`.
        while let Some(Some(entry)) = self.slots.get(at) {
            // Ids of up to 8 bytes, of one kind and length, are equal
            // exactly when their hashes are (see `hash_bytes`).
            if entry.hash == hash
                && entry.kind == kind
                && entry.id.len() == id.len()
                && (id.len() <= 8 || entry.id == id)
            {
                break;
            }
            at = (at + 1) & mask;
        }
        at
    }

    /// Adds the id of the item at `position` of `kind`. When an earlier item
    /// of the same kind has this id, gives that item's position instead.
    pub(super) fn insert(&mut self, kind: Kind, id: &'a str, position: usize) -> Option<usize> {
        let hash = hash(kind, id.as_bytes());
        let at = self.find(hash, kind, id);
        match self.slots.get_mut(at) {
            Some(Some(first)) => Some(first.position),
            Some(slot) => {
                *slot = Some(Entry { hash, id, kind, position });
                None
            }
            None => None,
        }
    }

    /// Whether an item of `kind` has `id`.
    pub(super) fn contains(&self, kind: Kind, id: &str) -> bool {
        let at = self.find(hash(kind, id.as_bytes()), kind, id);
        matches!(self.slots.get(at), Some(Some(_)))
    }
}

/// The hash of an id of `kind`.
#[inline]
fn hash(kind: Kind, bytes: &[u8]) -> u64 {
    super::hash::hash_bytes((kind as u64) << 56, bytes, |word| word)
}
