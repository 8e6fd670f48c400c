//! The fast path of [`Record::from_json`](crate::Record::from_json): a strict
//! JSON reader that knows the record's shape and builds it in one pass.
//!
//! serde's derived code is general: it asks the JSON reader for each value
//! through several layers of visitors. This reader walks the text itself for
//! the structures that make up most of a record (objects, lists, strings,
//! the record's own structs, counts, external ids, whole numbers, extension
//! values), checks each value with its type's own check (the one serde runs
//! too), and hands the rest (a listed code-list value, coordinates) to the
//! same serde code the slow path runs (`values.rs` says which type goes
//! which way).
//!
//! It decides nothing about errors. At the first thing it does not accept
//! itself, it gives up ([`Bail`]) and the caller reads the text again with
//! serde, which builds the record or names the precise problem. So it may
//! be stricter than serde, never looser: whatever it accepts, serde accepts
//! as the same record. `tests/it/fast_reader.rs` holds that on every fixture
//! and on generated records and their mutations, and the fuzz harness checks
//! it on every input.

mod records;
mod values;

use serde::de::DeserializeOwned;

use crate::json::strict::{MAX_ITEMS, Strict};

/// Reads a whole JSON text as one record, or gives up.
#[inline]
pub(crate) fn read_record(json: &str) -> Read<crate::Record> {
    let mut reader = Reader::new(json);
    let record = crate::Record::read(&mut reader)?;
    reader.end()?;
    Ok(record)
}

/// The reader gave up; serde reads the text instead.
#[derive(Debug)]
pub(crate) struct Bail;

/// What a read gives: the value, or [`Bail`].
pub(crate) type Read<T> = Result<T, Bail>;

/// How deep objects and lists may nest before the reader gives up, well
/// under serde_json's limit of 128, so that the reader never accepts what
/// serde's recursion limit refuses.
const MAX_DEPTH: usize = 100;

/// A position in one JSON text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Reused for strings with escapes, the only ones that need a copy.
    scratch: String,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Reader { text, pos: 0, depth: 0, scratch: String::new() }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not JSON white space, left unread.
    #[inline(always)]
    fn peek(&mut self) -> Option<u8> {
        // Every byte above the space is not white space: one comparison
        // where the loop below makes four (records mostly come on one line).
        let byte = *self.bytes().get(self.pos)?;
        if byte > b' ' {
            return Some(byte);
        }
        self.peek_past_space()
    }

    /// [`Reader::peek`] from a byte that may be white space.
    #[inline(never)]
    fn peek_past_space(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Reads `byte`, after any white space.
    #[inline]
    fn eat(&mut self, byte: u8) -> Read<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Checks that only white space is left.
    pub(crate) fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Bail),
        }
    }

    fn enter(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH { Err(Bail) } else { Ok(()) }
    }

    /// Reads an object, calling `member` to read each key and its value.
    #[inline]
    fn members(&mut self, mut member: impl FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.eat(b'{')?;
        self.enter()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            member(self)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ => return Err(Bail),
            }
        }
    }

    /// Reads an object, calling `field` with each key (as written, without
    /// escapes) to read its value.
    #[inline]
    pub(crate) fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &'a str) -> Read<()>,
    ) -> Read<()> {
        self.members(|reader| {
            let key = reader.key()?;
            reader.eat(b':')?;
            field(reader, key)
        })
    }

    /// Reads an object whose keys are among `names`, calling `field` with
    /// each key's index in `names` to read its value. Gives up at any other
    /// key, and at a key with an escape.
    ///
    /// Each key is matched where it stands in the text, with no scan for
    /// its end, starting with the name after the last one read: writers
    /// mostly keep one order of fields, so the first guess is mostly right.
    #[inline]
    pub(crate) fn fields(
        &mut self,
        names: &[FieldName],
        mut field: impl FnMut(&mut Self, usize) -> Read<()>,
    ) -> Read<()> {
        let mut next = 0;
        self.members(|reader| {
            reader.eat(b'"')?;
            let index = reader.field_name(names, next)?;
            reader.eat(b':')?;
            field(reader, index)?;
            next = index + 1;
            Ok(())
        })
    }

    /// Matches the key that starts here (after its opening quote) against
    /// `names`, trying `first` first, and reads it with its closing quote.
    #[inline]
    fn field_name(&mut self, names: &[FieldName], first: usize) -> Read<usize> {
        let rest = self.bytes().get(self.pos..).unwrap_or_default();
        for k in 0..names.len() {
            let mut index = first + k;
            if index >= names.len() {
                index -= names.len();
            }
            let Some(name) = names.get(index) else { continue };
            if name.starts(rest) {
                self.pos += name.name.len() + 1;
                return Ok(index);
            }
        }
        Err(Bail)
    }

    /// Reads a list of at most [`MAX_ITEMS`] items, each with `item`.
    #[inline(never)]
    pub(crate) fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        self.eat(b'[')?;
        self.enter()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Vec::new());
        }
        let mut items = Vec::with_capacity(first_capacity::<T>());
        loop {
            if items.len() == MAX_ITEMS {
                return Err(Bail);
            }
            items.push(item(self)?);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(items);
                }
                _ => return Err(Bail),
            }
        }
    }

    /// Reads `true` or `false`.
    pub(crate) fn bool(&mut self) -> Read<bool> {
        self.peek();
        let rest = self.bytes().get(self.pos..).unwrap_or_default();
        if rest.starts_with(b"true") {
            self.pos += 4;
            Ok(true)
        } else if rest.starts_with(b"false") {
            self.pos += 5;
            Ok(false)
        } else {
            Err(Bail)
        }
    }

    /// Reads an object key. Keys with escapes are left to serde.
    #[inline]
    fn key(&mut self) -> Read<&'a str> {
        self.eat(b'"')?;
        let bytes = self.bytes();
        let start = self.pos;
        // Keys are short: a byte loop beats the word-at-a-time scan.
        let mut at = start;
        loop {
            match *bytes.get(at).ok_or(Bail)? {
                b'"' => break,
                b'\\' | 0..=0x1F => return Err(Bail),
                _ => at += 1,
            }
        }
        self.pos = at + 1;
        // Both ends are at ASCII bytes, so the slice is on char boundaries.
        self.text.get(start..at).ok_or(Bail)
    }

    /// Reads a string and hands it to `parse`: borrowed from the text when it
    /// has no escapes, unescaped into a reused buffer when it has.
    #[inline]
    pub(crate) fn string<T, E>(&mut self, parse: impl FnOnce(&str) -> Result<T, E>) -> Read<T> {
        match self.plain_string()? {
            Ok(text) => parse(text).map_err(|_| Bail),
            Err(start) => self.escaped_string(start, parse),
        }
    }

    /// Reads a string without escapes: its text, or, at its first escape,
    /// the start of its content (the reader left at the escape). Out of
    /// line, so that every string of every type shares one copy of the
    /// scan: measured, the copies inlined at each field cost more in
    /// instruction-cache misses than the call.
    #[inline(never)]
    fn plain_string(&mut self) -> Read<Result<&'a str, usize>> {
        self.eat(b'"')?;
        let start = self.pos;
        let at = special_byte(self.bytes(), start);
        match self.bytes().get(at) {
            Some(b'"') => {
                self.pos = at + 1;
                self.text.get(start..at).map(Ok).ok_or(Bail)
            }
            Some(b'\\') => {
                self.pos = at;
                Ok(Err(start))
            }
            // serde_json refuses raw control characters in strings.
            _ => Err(Bail),
        }
    }

    /// The rest of [`Reader::string`] for a string with an escape, whose
    /// content starts at `start`; the reader is at the first escape.
    fn escaped_string<T, E>(
        &mut self,
        start: usize,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Read<T> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        scratch.push_str(self.text.get(start..self.pos).ok_or(Bail)?);
        let result = self.unescape(&mut scratch).and_then(|()| parse(&scratch).map_err(|_| Bail));
        self.scratch = scratch;
        result
    }

    /// Reads the rest of a string from an escape on, up to and including
    /// its closing quote, appending the characters to `out`.
    fn unescape(&mut self, out: &mut String) -> Read<()> {
        let bytes = self.bytes();
        loop {
            match *bytes.get(self.pos).ok_or(Bail)? {
                b'"' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'\\' => {
                    let escape = *bytes.get(self.pos + 1).ok_or(Bail)?;
                    self.pos += 2;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(Bail),
                    });
                }
                0..=0x1F => return Err(Bail),
                _ => {
                    let start = self.pos;
                    let at = special_byte(bytes, start);
                    out.push_str(self.text.get(start..at).ok_or(Bail)?);
                    self.pos = at;
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining a
    /// surrogate pair. A lone surrogate is left to serde, which refuses it.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            let bytes = self.bytes();
            if bytes.get(self.pos) != Some(&b'\\') || bytes.get(self.pos + 1) != Some(&b'u') {
                return Err(Bail);
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(Bail);
            }
            return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                .ok_or(Bail);
        }
        // A lone low surrogate is not a char.
        char::from_u32(first).ok_or(Bail)
    }

    fn hex4(&mut self) -> Read<u32> {
        let digits = self.bytes().get(self.pos..self.pos + 4).ok_or(Bail)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + char::from(digit).to_digit(16).ok_or(Bail)?;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Reads one JSON value, checked against the grammar, and gives its
    /// text as written (from its first byte to its last).
    pub(crate) fn raw_value(&mut self) -> Read<&'a str> {
        self.peek();
        let start = self.pos;
        let max_depth = MAX_DEPTH.saturating_sub(self.depth);
        let end =
            crate::json::grammar::value_end_within(self.bytes(), start, max_depth).ok_or(Bail)?;
        self.pos = end;
        self.text.get(start..end).ok_or(Bail)
    }

    /// Reads a value with its type's own serde code: a string through a
    /// string deserializer (no JSON involved), anything else by running
    /// serde_json on the text from here, through the same [`Strict`]
    /// adapter as the slow path.
    #[inline]
    pub(crate) fn serde<T: DeserializeOwned>(&mut self) -> Read<T> {
        if self.peek() == Some(b'"') {
            return self.string(|text| {
                T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(
                    text,
                ))
            });
        }
        self.serde_json()
    }

    /// Reads one value by running serde_json on the text from here.
    pub(crate) fn serde_json<T: DeserializeOwned>(&mut self) -> Read<T> {
        let rest = self.text.get(self.pos..).ok_or(Bail)?;
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<StrictValue<T>>();
        match values.next() {
            Some(Ok(StrictValue(value))) => {
                self.pos += values.byte_offset();
                Ok(value)
            }
            _ => Err(Bail),
        }
    }
}

/// The capacity of a list when its first item is read: four items, as a
/// first push gives, but no more than fit in 1,024 bytes, and at least one.
/// glibc's malloc keeps freed blocks of up to 1,032 bytes in per-thread
/// caches and takes larger ones through its general path; lists mostly hold
/// one to three items, and a longer one grows as usual. Measured with
/// callgrind: 0.7 to 1.8 % fewer instructions a record on the small real
/// records (their parties and sources are 264 and 272 bytes each).
const fn first_capacity<T>() -> usize {
    let size = std::mem::size_of::<T>();
    if size <= 256 {
        4
    } else if size <= 1024 {
        1024 / size
    } else {
        1
    }
}

/// The position of the first byte at or after `at` that ends a run of
/// plain string content: a quote, a backslash or a control character
/// (below 0x20); the length of `bytes` if there is none. Eight bytes at a
/// time (see [`crate::json::swar`]).
#[inline]
pub(crate) fn special_byte(bytes: &[u8], mut at: usize) -> usize {
    use crate::json::swar::{bytes_below, bytes_equal, word};
    while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = word(chunk);
        let found = bytes_equal(word, b'"') | bytes_equal(word, b'\\') | bytes_below(word, 0x20);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            return at;
        }
        at += 1;
    }
    at
}

/// A field's name as the fast reader matches it: the name with its closing
/// quote, packed into little-endian words with a mask of the bytes that
/// count, so that a key is compared a word at a time rather than a byte at
/// a time. Measured with callgrind, the byte loop it replaces was about 5 %
/// of the instructions a small real record takes.
#[derive(Clone, Copy)]
pub(crate) struct FieldName {
    name: &'static str,
    words: [u64; FieldName::WORDS],
    masks: [u64; FieldName::WORDS],
}

impl FieldName {
    /// Words a name and its quote may take: names of up to 23 bytes.
    const WORDS: usize = 3;

    /// The packed form of `name`; a name too long for it, or one that would
    /// need an escape, fails to compile where it is declared.
    #[expect(
        clippy::indexing_slicing,
        reason = "only used in constants, so out of bounds fails the build"
    )]
    pub(crate) const fn new(name: &'static str) -> Self {
        let bytes = name.as_bytes();
        assert!(bytes.len() < 8 * Self::WORDS, "field name too long for FieldName");
        let (mut words, mut masks) = ([0; Self::WORDS], [0; Self::WORDS]);
        let mut at = 0;
        while at <= bytes.len() {
            let byte = if at < bytes.len() { bytes[at] } else { b'"' };
            assert!(at == bytes.len() || (byte != b'"' && byte != b'\\' && byte >= 0x20));
            let shift = 8 * (at % 8);
            words[at / 8] |= (byte as u64) << shift;
            masks[at / 8] |= 0xFF << shift;
            at += 1;
        }
        FieldName { name, words, masks }
    }

    /// Every name of `names`, packed.
    #[expect(
        clippy::indexing_slicing,
        reason = "only used in constants, so out of bounds fails the build"
    )]
    pub(crate) const fn all<const N: usize>(names: [&'static str; N]) -> [FieldName; N] {
        let mut all = [FieldName::new(""); N];
        let mut at = 0;
        while at < N {
            all[at] = FieldName::new(names[at]);
            at += 1;
        }
        all
    }

    /// Whether `rest` starts with the name and its closing quote.
    #[inline]
    fn starts(&self, rest: &[u8]) -> bool {
        use crate::json::swar::word;
        let Some(chunks) = rest.first_chunk::<{ 8 * FieldName::WORDS }>() else {
            // Near the end of the text: byte by byte.
            let name = self.name.as_bytes();
            return rest.get(..name.len()) == Some(name) && rest.get(name.len()) == Some(&b'"');
        };
        // Each word is at a fixed place in the chunks: the compiler drops
        // the checks of `get`.
        let word_at = |k: usize| chunks.get(8 * k..).and_then(<[u8]>::first_chunk).map_or(0, word);
        // Most names take one word, and a wrong guess mostly differs in
        // its first: the `&&` stops there.
        word_at(0) & self.masks[0] == self.words[0]
            && word_at(1) & self.masks[1] == self.words[1]
            && word_at(2) & self.masks[2] == self.words[2]
    }
}

/// A value read through the [`Strict`] adapter.
struct StrictValue<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for StrictValue<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(Strict(deserializer)).map(StrictValue)
    }
}

/// A type the reader can read.
pub(crate) trait ReadValue: Sized {
    /// Reads a value of the type at the reader's position.
    fn read(reader: &mut Reader<'_>) -> Read<Self>;
}

/// Stores the value of a field, giving up if the field came before.
#[inline]
pub(crate) fn once<T>(slot: &mut Option<T>, value: Read<T>) -> Read<()> {
    if slot.is_some() {
        return Err(Bail);
    }
    *slot = Some(value?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::FieldName;

    /// The word compare agrees with comparing bytes, for names of every
    /// length up to the longest, with the key at every distance from the
    /// end of the text (where the compare falls back to bytes).
    #[test]
    fn field_names_match_as_bytes_do() {
        let keys = [
            "",
            "i",
            "id",
            "ids",
            "name",
            "name_variants",
            "parties_complete",
            "a23456789_123456789_123",
        ];
        let after =
            ["\"", "\":1}", "\"x", "x\"", "_\":", "\":{\"id\":\"a\"}, \"more\": [1, 2, 3]}"];
        for name in keys {
            let field = FieldName::new(name);
            for key in keys {
                for tail in after {
                    let rest = format!("{key}{tail}");
                    let expected = rest.as_bytes().get(..name.len()) == Some(name.as_bytes())
                        && rest.as_bytes().get(name.len()) == Some(&b'"');
                    assert_eq!(field.starts(rest.as_bytes()), expected, "{name:?} in {rest:?}");
                }
            }
        }
    }
}
