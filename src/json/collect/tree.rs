//! A well-formed JSON text as a tree of positions: each object's members
//! with their keys, each list's items, and where every value stands in the
//! text. Only the text of a value is kept, not its meaning: the collector
//! hands each leaf's text to the type that reads it.

use std::borrow::Cow;

use crate::json::grammar::{MAX_DEPTH, skip_space, string, value_end};

/// One JSON value of the document.
pub(crate) struct Node<'a> {
    /// The value's text, without the white space around it.
    pub(crate) text: &'a str,
    /// Where the text starts in the document, in bytes.
    pub(crate) start: usize,
    /// What the value is made of.
    pub(crate) shape: Shape<'a>,
}

/// What a [`Node`] is made of.
pub(crate) enum Shape<'a> {
    /// An object's members, in the order written, repeated keys kept.
    Object(Vec<Member<'a>>),
    /// A list's items, in order.
    List(Vec<Node<'a>>),
    /// A string, a number, `true`, `false` or `null`.
    Scalar,
}

/// One key of an object and its value.
pub(crate) struct Member<'a> {
    /// The key, its escapes decoded.
    pub(crate) key: Cow<'a, str>,
    /// Where the key ends in the document, after its closing quote.
    pub(crate) key_end: usize,
    /// The value.
    pub(crate) value: Node<'a>,
}

impl<'a> Node<'a> {
    /// Where the value ends in the document, in bytes.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The value of the member `key` of an object, the first if repeated.
    pub(crate) fn member(&self, key: &str) -> Option<&Node<'a>> {
        match &self.shape {
            Shape::Object(members) => {
                members.iter().find(|member| member.key == key).map(|member| &member.value)
            }
            _ => None,
        }
    }

    /// The value at the JSON Pointer `pointer` below this one, if any.
    pub(crate) fn find(&self, pointer: &str) -> Option<&Node<'a>> {
        let mut node = self;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match &node.shape {
                Shape::Object(members) => {
                    &members.iter().find(|member| member.key == token.as_str())?.value
                }
                Shape::List(items) => items.get(token.parse::<usize>().ok()?)?,
                Shape::Scalar => return None,
            };
        }
        Some(node)
    }

    /// The string a scalar node holds, its escapes decoded; `None` for
    /// anything else.
    pub(crate) fn as_string(&self) -> Option<Cow<'a, str>> {
        decode(self.text)
    }
}

/// The tree of `document`, which must be one well-formed JSON value (white
/// space around it allowed) nesting no deeper than serde_json allows;
/// `None` when it is not.
pub(crate) fn parse(document: &str) -> Option<Node<'_>> {
    let bytes = document.as_bytes();
    let start = skip_space(bytes, 0);
    let (node, end) = node(document, start, 0)?;
    (skip_space(bytes, end) == bytes.len()).then_some(node)
}

/// The node that starts at `at`, `depth` objects and lists deep, and where
/// it ends.
fn node(document: &str, at: usize, depth: usize) -> Option<(Node<'_>, usize)> {
    let bytes = document.as_bytes();
    if depth >= MAX_DEPTH && matches!(bytes.get(at), Some(b'{' | b'[')) {
        return None;
    }
    let depth = depth + 1;
    let (shape, end) = match bytes.get(at)? {
        b'{' => {
            let mut members = Vec::new();
            let mut next = skip_space(bytes, at + 1);
            if bytes.get(next) == Some(&b'}') {
                next += 1;
            } else {
                loop {
                    if bytes.get(next) != Some(&b'"') {
                        return None;
                    }
                    let key_end = string(bytes, next + 1)?;
                    let key = decode(document.get(next..key_end)?)?;
                    next = skip_space(bytes, key_end);
                    if bytes.get(next) != Some(&b':') {
                        return None;
                    }
                    let (value, value_end) = node(document, skip_space(bytes, next + 1), depth)?;
                    members.push(Member { key, key_end, value });
                    next = skip_space(bytes, value_end);
                    match bytes.get(next)? {
                        b',' => next = skip_space(bytes, next + 1),
                        b'}' => {
                            next += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            (Shape::Object(members), next)
        }
        b'[' => {
            let mut items = Vec::new();
            let mut next = skip_space(bytes, at + 1);
            if bytes.get(next) == Some(&b']') {
                next += 1;
            } else {
                loop {
                    let (item, item_end) = node(document, next, depth)?;
                    items.push(item);
                    next = skip_space(bytes, item_end);
                    match bytes.get(next)? {
                        b',' => next = skip_space(bytes, next + 1),
                        b']' => {
                            next += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            (Shape::List(items), next)
        }
        _ => (Shape::Scalar, value_end(bytes, at)?),
    };
    Some((Node { text: document.get(at..end)?, start: at, shape }, end))
}

/// The string of a JSON string literal (quotes included), escapes decoded.
fn decode(literal: &str) -> Option<Cow<'_, str>> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(literal).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "tests of fixed texts")]
mod tests {
    use super::{Shape, parse};

    #[test]
    fn every_value_knows_its_place_in_the_text() {
        let text = " {\"a\" : [1, {\"b\\u0063\": \"x\"}], \"a\": null }\n";
        let Some(root) = parse(text) else { panic!("well-formed") };
        assert_eq!(root.start, 1);
        assert_eq!(root.end(), text.len() - 1);
        let Shape::Object(members) = &root.shape else { panic!("an object") };
        assert_eq!(members.len(), 2, "a repeated key is kept");
        assert_eq!(members[0].key, "a");
        assert_eq!(&text[..members[0].key_end], " {\"a\"");
        let Shape::List(items) = &members[0].value.shape else { panic!("a list") };
        assert_eq!(items[0].text, "1");
        let Shape::Object(inner) = &items[1].shape else { panic!("an object") };
        assert_eq!(inner[0].key, "bc");
        assert_eq!(inner[0].value.as_string().as_deref(), Some("x"));
        assert_eq!(&text[inner[0].value.start..inner[0].value.end()], "\"x\"");
        assert_eq!(members[1].value.text, "null");
        assert!(members[1].value.as_string().is_none());
        assert_eq!(root.find("/a/1/bc").map(|node| node.text), Some("\"x\""));
        assert_eq!(root.find("").map(|node| node.start), Some(1));
        assert!(root.find("/a/2").is_none() && root.find("/b").is_none());
    }

    #[test]
    fn what_is_not_one_value_has_no_tree() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "1 2", "{\"a\":1,}", "\"a"] {
            assert!(parse(text).is_none(), "{text:?}");
        }
        // Nor what nests deeper than serde_json reads, whose tree would
        // be as deep as the stack.
        let deep = |levels| "[".repeat(levels) + &"]".repeat(levels);
        assert!(parse(&deep(127)).is_some());
        assert!(parse(&deep(129)).is_none());
        assert!(parse(&deep(100_000)).is_none());
    }
}
