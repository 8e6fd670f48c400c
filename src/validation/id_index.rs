//! The record's ids by kind, to resolve references in constant time.

use super::Kind;

/// The ids of a record's items, each with its kind and position in its list.
///
/// An open-addressing hash table keyed by the ids' hashes: a reference is
/// resolved with one hash and one probe, nearly always. Ids of up to 8
/// bytes match by hash alone (see `hash_bytes`); longer ones are confirmed
/// against the id text, which the caller looks up by kind and position.
/// Entries hold no borrowed text, so one index serves record after record
/// on a thread without allocating again.
#[derive(Default)]
pub(super) struct IdIndex {
    /// Linear probing; its length is a power of two, at least twice the
    /// number of ids, so a probe always ends at an empty slot.
    slots: Vec<Option<Entry>>,
    /// How far to shift a hash right to get a slot: the table's size is
    /// `1 << (64 - shift)`, and the high bits of the hash are its best.
    shift: u32,
}

#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    /// The position of the item in its list (events: depth first).
    position: usize,
    /// The id's length in bytes.
    len: usize,
    kind: Kind,
}

impl IdIndex {
    /// Empties the index and makes room for `count` ids, keeping its memory.
    pub(super) fn reset(&mut self, count: usize) {
        let size = count.saturating_mul(2).max(8).next_power_of_two();
        self.slots.clear();
        // Memory kept from an unusually large record is given back.
        if self.slots.capacity() > 4 * size.max(1024) {
            self.slots.shrink_to(size);
        }
        self.slots.resize(size, None);
        self.shift = 64 - size.trailing_zeros();
    }

    /// The slot of `id` of `kind`: where it is, or the empty slot where it
    /// would go. `id_at` gives the id of the item at a position of a kind.
    #[inline]
    fn find<'t>(
        &self,
        hash: u64,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> usize {
        // Ids of up to 8 bytes, of one kind and length, are equal exactly
        // when their hashes are (see `hash_bytes`): no text is compared, so
        // this path, which nearly every id takes, stays short.
        if id.len() <= 8 {
            self.probe(hash, |entry| entry.kind == kind && entry.len == id.len())
        } else {
            self.find_long(hash, kind, id, id_at)
        }
    }

    /// [`IdIndex::find`] for an id longer than 8 bytes, confirmed against
    /// the text of the id it matches by hash.
    #[inline(never)]
    fn find_long<'t>(
        &self,
        hash: u64,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> usize {
        self.probe(hash, |entry| {
            entry.kind == kind && entry.len == id.len() && id_at(kind, entry.position) == id
        })
    }

    /// The first slot from the hash's own that is empty or holds an entry
    /// with this hash that `matches`.
    #[inline(always)]
    fn probe(&self, hash: u64, matches: impl Fn(&Entry) -> bool) -> usize {
        let mask = self.slots.len().saturating_sub(1);
        let mut at = hash.checked_shr(self.shift).unwrap_or(0) as usize & mask;
        // An empty index (no slots) finds nothing: `get` gives `None`.
        while let Some(Some(entry)) = self.slots.get(at) {
            if entry.hash == hash && matches(entry) {
                break;
            }
            at = (at + 1) & mask;
        }
        at
    }

    /// Adds the id of the item at `position` of `kind`. When an earlier item
    /// of the same kind has this id, gives that item's position instead.
    pub(super) fn insert<'t>(
        &mut self,
        kind: Kind,
        id: &str,
        position: usize,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<usize> {
        let hash = hash(kind, id.as_bytes());
        let at = self.find(hash, kind, id, id_at);
        match self.slots.get_mut(at) {
            Some(Some(first)) => Some(first.position),
            Some(slot) => {
                *slot = Some(Entry { hash, position, len: id.len(), kind });
                None
            }
            None => None,
        }
    }

    /// The slot of the item of `kind` that has `id`, if there is one: a
    /// number below [`IdIndex::slot_count`] that no other item has.
    #[inline]
    pub(super) fn slot_of<'t>(
        &self,
        kind: Kind,
        id: &str,
        id_at: impl Fn(Kind, usize) -> &'t str,
    ) -> Option<usize> {
        let at = self.find(hash(kind, id.as_bytes()), kind, id, id_at);
        matches!(self.slots.get(at), Some(Some(_))).then_some(at)
    }

    /// How many slots the index has.
    pub(super) fn slot_count(&self) -> usize {
        self.slots.len()
    }
}

/// The hash of an id of `kind`.
#[inline]
fn hash(kind: Kind, bytes: &[u8]) -> u64 {
    super::hash::hash_bytes((kind as u64) << 56, bytes, |word| word)
}
