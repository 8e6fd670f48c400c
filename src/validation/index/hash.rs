//! A small, fast hash for the ids of one record.

/// An odd constant (2^64 divided by the golden ratio): multiplying by it is
/// a bijection on `u64` that spreads every input bit into the high bits.
pub(crate) const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hashes `bytes` under `seed`, with `map` applied to every 8-byte word as
/// it is read (so that a transformation of the bytes, such as lower-casing,
/// needs no copy).
///
/// A string of at most 8 bytes is read as one word that holds all of its
/// bytes, with whole loads (never a short copy, which stalls the load after
/// it); the hash is then a bijection of that word for a given seed. So two
/// strings of the same length, at most 8 bytes, hashed with the same seed
/// and an injective `map` are equal exactly when their hashes are.
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let word = match bytes.len() {
        0..=8 => map(short_word(bytes)),
        _ => {
            // The chain starts from the seed, so that a keyed seed keys
            // every word's mixing, not only the end.
            let mut hash = seed;
            let mut rest = bytes;
            while let Some((word, tail)) = rest.split_first_chunk::<8>() {
                if tail.is_empty() {
                    break;
                }
                hash = mix(hash, map(u64::from_le_bytes(*word)));
                rest = tail;
            }
            // The last eight bytes, overlapping the words before when the
            // length is not a multiple of eight.
            let last = bytes.last_chunk::<8>().map_or(0, |w| map(u64::from_le_bytes(*w)));
            hash ^ last
        }
    };
    finish(seed, word, bytes.len())
}

/// Empties `slots` and refills it with `empty` as an open-addressing
/// table for `count` entries: a power of two, at least 8 slots and twice
/// `count`, so that a probe always ends at an empty slot. Memory kept from
/// an unusually large record is given back. Gives how far to shift a hash
/// right to get a slot (below 64): a hash's high bits are its best.
/// Inlined, so that a constant `empty` fills the table with `memset`.
#[inline(always)]
pub(crate) fn reset_table<T: Clone>(slots: &mut Vec<T>, count: usize, empty: T) -> u32 {
    let size = count.saturating_mul(2).max(8).next_power_of_two();
    slots.clear();
    if slots.capacity() > 4 * size.max(1024) {
        slots.shrink_to(size);
    }
    slots.resize(size, empty);
    64 - size.trailing_zeros()
}

/// One word, not the last, of a string longer than 8 bytes, into its hash.
#[inline]
pub(crate) fn mix(hash: u64, word: u64) -> u64 {
    (hash ^ word).wrapping_mul(K).rotate_left(29)
}

/// The hash of a string of `len` bytes from its words: all of it for a
/// short string, else the words mixed with the last (overlapping) one
/// xored in.
#[inline]
pub(crate) fn finish(seed: u64, word: u64, len: usize) -> u64 {
    (word ^ seed ^ ((len as u64) << 40).rotate_left(13)).wrapping_mul(K)
}

/// All of a string of at most 8 bytes in one word: the first and last four
/// bytes when there are four or more (they overlap below eight), else the
/// first, middle and last byte. Given the length, no two strings share a word.
#[inline]
pub(crate) fn short_word(bytes: &[u8]) -> u64 {
    if let Some(word) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*word);
    }
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*head)) | (u64::from(u32::from_le_bytes(*tail)) << 32);
    }
    match (bytes.first(), bytes.get(bytes.len() / 2), bytes.last()) {
        (Some(&first), Some(&middle), Some(&last)) => {
            u64::from(first) | (u64::from(middle) << 8) | (u64::from(last) << 16)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_strings_of_one_length_hash_apart() {
        let words: Vec<String> = (0u32..20_000).map(|i| format!("{i:x}")).collect();
        let mut hashes = std::collections::BTreeMap::new();
        for word in &words {
            let hash = hash_bytes(7, word.as_bytes(), |w| w);
            if let Some(other) = hashes.insert((word.len(), hash), word) {
                panic!("{word} and {other} share a hash");
            }
        }
    }
}
