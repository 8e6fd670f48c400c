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

/// Whether `bytes` hold a quote, a backslash or a control character (below
/// 0x20): what a JSON string must escape. The last word overlaps the one
/// before it, and four to seven bytes are read as two overlapping halves,
/// rather than ending with a byte loop: on the short strings of event data
/// (names, titles, places), the PLOVER writer's strings took 1,190
/// instructions a visit with it, 1,564 with the scan and byte loop of the
/// reader (callgrind).
#[cfg_attr(not(feature = "event-data"), allow(dead_code, reason = "the event-data writers use it"))]
pub(crate) fn has_json_special(bytes: &[u8]) -> bool {
    let special = |w: u64| bytes_equal(w, b'"') | bytes_equal(w, b'\\') | bytes_below(w, 0x20);
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        if bytes.len() < 8 {
            let halves =
                u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32;
            return special(halves) != 0;
        }
    } else {
        return bytes.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20);
    }
    let mut found = 0;
    let mut rest = bytes;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        found |= special(word(chunk));
        rest = after;
    }
    if !rest.is_empty() {
        if let Some(last) = bytes.last_chunk::<8>() {
            found |= special(word(last));
        }
    }
    found != 0
}

/// The bytes of `word` outside printable ASCII (0x20 to 0x7E): below 0x20,
/// 0x7F (which carries into its high bit) and 0x80 and up (which have it).
/// A carry into the next byte comes only from a byte flagged already.
#[inline]
pub(crate) fn bytes_not_printable_ascii(word: u64) -> u64 {
    bytes_below(word, 0x20) | ((word | word.wrapping_add(ONES)) & HIGH)
}

#[cfg(test)]
mod tests {
    use super::has_json_special;

    /// The word check finds what a byte loop finds, for every length up to
    /// 20 and every byte at every place.
    #[test]
    fn has_json_special_agrees_with_a_byte_loop() {
        for len in 0..20 {
            for at in 0..len {
                for byte in 0u8..=255 {
                    let mut bytes = vec![b'a'; len];
                    if let Some(slot) = bytes.get_mut(at) {
                        *slot = byte;
                    }
                    let expected = bytes.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20);
                    assert_eq!(has_json_special(&bytes), expected, "{bytes:?}");
                }
            }
        }
        assert!(!has_json_special(b""));
    }
}
