//! Eight bytes at a time: the bit tricks the readers and checks share
//! ("Bit Twiddling Hacks": a zero byte in a word). Each test sets the high
//! bit of the bytes it finds. A borrow can set it also in a byte right
//! above a found one, never below, so the lowest set bit is always exact
//! and "none found" always true.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = u64::from_le_bytes([0x01; 8]);
/// `0x80` in every byte.
pub(crate) const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Eight bytes as a little-endian word: the first byte is the lowest.
#[inline]
pub(crate) fn word(bytes: &[u8; 8]) -> u64 {
    u64::from_le_bytes(*bytes)
}

/// The bytes of `word` below `bound` (at most 0x80).
#[inline]
pub(crate) fn bytes_below(word: u64, bound: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH
}

/// The bytes of `word` equal to `byte`.
#[inline]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    bytes_below(word ^ (ONES * u64::from(byte)), 1)
}

/// The bytes of `word` outside printable ASCII (0x20 to 0x7E): below 0x20,
/// 0x7F (which carries into its high bit) and 0x80 and up (which have it).
/// A carry into the next byte comes only from a byte flagged already.
#[inline]
pub(crate) fn bytes_not_printable_ascii(word: u64) -> u64 {
    bytes_below(word, 0x20) | ((word | word.wrapping_add(ONES)) & HIGH)
}
