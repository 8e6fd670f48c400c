//! Language tags (BCP 47).

use crate::scalars::newtype::string_newtype;

/// A well-formed BCP 47 language tag (RFC 5646): `"en"`, `"tr"`, `"az-Latn"`,
/// `"zh-Hant-TW"`, `"sr-Cyrl"`, `"x-private"`.
///
/// The tag is kept as written; its syntax is checked (language, extended
/// language, script, region, variants, extensions, private use, and the
/// grandfathered tags), and a variant or extension singleton may not repeat.
/// Whether each subtag is registered with IANA is not checked.
///
/// # Example
/// ```
/// use diplomatic_events::LanguageTag;
/// assert!("az-Latn-AZ".parse::<LanguageTag>().is_ok());
/// assert!("en_US".parse::<LanguageTag>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(compact_str::CompactString);

/// Why a string is not a well-formed [`LanguageTag`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{tag:?} is not a well-formed BCP 47 language tag: {reason}")]
pub struct LanguageTagError {
    tag: String,
    reason: &'static str,
}

impl LanguageTagError {
    /// The problem code of this error: `InvalidLanguageTag`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidLanguageTag
    }
}

const GRANDFATHERED: &[&str] = &[
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

fn all(s: &str, f: fn(&u8) -> bool) -> bool {
    s.as_bytes().iter().all(f)
}
fn alpha(s: &str) -> bool {
    all(s, u8::is_ascii_alphabetic)
}
fn digit(s: &str) -> bool {
    all(s, u8::is_ascii_digit)
}
fn alnum(s: &str) -> bool {
    all(s, u8::is_ascii_alphanumeric)
}

/// Whether `tag` is a 2- or 3-letter language, then optionally a 4-letter
/// script, then optionally a 2-letter or 3-digit region: always well formed.
fn common_shape(tag: &str) -> bool {
    // The subtags' lengths and kinds, by one pass over the bytes (splitting
    // on '-' cost more than the rest of the check).
    let mut subtags = [(0usize, true, true); 3]; // (length, all letters, all digits)
    let mut count = 0;
    let mut current = (0usize, true, true);
    for &byte in tag.as_bytes() {
        if byte == b'-' {
            let Some(slot) = subtags.get_mut(count) else { return false };
            *slot = current;
            count += 1;
            current = (0, true, true);
        } else {
            current = (
                current.0 + 1,
                current.1 && byte.is_ascii_alphabetic(),
                current.2 && byte.is_ascii_digit(),
            );
        }
    }
    let Some(slot) = subtags.get_mut(count) else { return false };
    *slot = current;
    count += 1;
    let letters = |(len, alpha, _): (usize, bool, bool), n: usize| len == n && alpha;
    let region = |s: (usize, bool, bool)| letters(s, 2) || (s.0 == 3 && s.2);
    match subtags.get(..count).unwrap_or_default() {
        [language] => (2..=3).contains(&language.0) && language.1,
        [language, second] => {
            (2..=3).contains(&language.0) && language.1 && (letters(*second, 4) || region(*second))
        }
        [language, script, third] => {
            (2..=3).contains(&language.0) && language.1 && letters(*script, 4) && region(*third)
        }
        _ => false,
    }
}

fn check(tag: &str) -> Result<(), &'static str> {
    // Most tags are a language with at most a script and a region ("en",
    // "az-Latn", "zh-Hans-CN", "pt-BR", "es-419"): well formed at a glance.
    // (Measured: the general check below cost 2,200 instructions a record
    // of three tags.)
    if common_shape(tag) {
        return Ok(());
    }
    check_general(tag)
}

/// The check of the whole RFC 5646 grammar.
fn check_general(tag: &str) -> Result<(), &'static str> {
    if tag.is_empty() {
        return Err("it is empty");
    }
    // The grandfathered tags are 5 to 11 characters long, with a hyphen.
    if (5..=11).contains(&tag.len()) && GRANDFATHERED.iter().any(|g| g.eq_ignore_ascii_case(tag)) {
        return Ok(());
    }
    // Tags rarely have more than a few subtags: they are kept on the stack,
    // in a vector only past 16.
    let mut inline = [""; 16];
    let mut spilled: Vec<&str> = Vec::new();
    let mut count = 0;
    for subtag in tag.split('-') {
        match inline.get_mut(count) {
            Some(slot) if spilled.is_empty() => *slot = subtag,
            _ => {
                if spilled.is_empty() {
                    spilled.extend_from_slice(&inline);
                }
                spilled.push(subtag);
            }
        }
        count += 1;
    }
    let subtags: &[&str] =
        if spilled.is_empty() { inline.get(..count).unwrap_or_default() } else { &spilled };
    if subtags.iter().any(|s| s.is_empty() || s.len() > 8 || !alnum(s)) {
        return Err("subtags are 1 to 8 ASCII letters or digits separated by single hyphens");
    }
    let mut rest = subtags;
    let Some((&first, tail)) = rest.split_first() else {
        return Err("it is empty");
    };
    if first.eq_ignore_ascii_case("x") {
        return if tail.is_empty() { Err("private use needs at least one subtag") } else { Ok(()) };
    }
    if !alpha(first) || first.len() == 1 {
        return Err("the primary language subtag must be 2 to 8 letters");
    }
    rest = tail;
    // Up to three extended-language subtags after a 2-3 letter language.
    if first.len() <= 3 {
        let mut extlangs = 0;
        while let Some((&s, tail)) = rest.split_first() {
            if s.len() == 3 && alpha(s) && extlangs < 3 {
                extlangs += 1;
                rest = tail;
            } else {
                break;
            }
        }
    }
    if let Some((&s, tail)) = rest.split_first() {
        if s.len() == 4 && alpha(s) {
            rest = tail;
        }
    }
    if let Some((&s, tail)) = rest.split_first() {
        if (s.len() == 2 && alpha(s)) || (s.len() == 3 && digit(s)) {
            rest = tail;
        }
    }
    let mut variants: Vec<String> = Vec::new();
    while let Some((&s, tail)) = rest.split_first() {
        let is_variant = (5..=8).contains(&s.len())
            || (s.len() == 4 && s.as_bytes().first().is_some_and(u8::is_ascii_digit));
        if !is_variant {
            break;
        }
        let lower = s.to_ascii_lowercase();
        if variants.contains(&lower) {
            return Err("a variant subtag repeats");
        }
        variants.push(lower);
        rest = tail;
    }
    let mut singletons: Vec<u8> = Vec::new();
    while let Some((&s, tail)) = rest.split_first() {
        if s.len() != 1 {
            return Err("a subtag is out of place");
        }
        let singleton = s.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if singleton == b'x' {
            return if tail.is_empty() {
                Err("private use needs at least one subtag")
            } else {
                Ok(())
            };
        }
        if singletons.contains(&singleton) {
            return Err("an extension singleton repeats");
        }
        singletons.push(singleton);
        let count = tail.iter().take_while(|s| s.len() >= 2).count();
        if count == 0 {
            return Err("an extension needs subtags of 2 to 8 characters");
        }
        rest = tail.get(count..).unwrap_or_default();
    }
    Ok(())
}

impl LanguageTag {
    /// Checks that `tag` is a well-formed BCP 47 tag.
    ///
    /// # Errors
    /// [`LanguageTagError`] naming the tag and the first problem found.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::LanguageTag;
    /// assert!(LanguageTag::parse("az-Latn").is_ok());
    /// assert!(LanguageTag::parse("english").is_ok()); // 5 to 8 letters: well formed
    /// assert!(LanguageTag::parse("en_GB").is_err());
    /// # Ok::<(), diplomatic_events::LanguageTagError>(())
    /// ```
    pub fn parse(tag: &str) -> Result<Self, LanguageTagError> {
        check(tag)
            .map(|()| LanguageTag(compact_str::CompactString::new(tag)))
            .map_err(|reason| LanguageTagError { tag: tag.to_owned(), reason })
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

string_newtype!(LanguageTag, LanguageTagError);

/// The RFC 5646 grammar as a regular expression, for the JSON Schema. It
/// cannot say that a variant or extension singleton must not repeat; the
/// Rust type checks that too.
#[cfg(feature = "schema")]
fn language_tag_pattern() -> String {
    // Grandfathered tags match in any letter case.
    let any_case = |tag: &str| -> String {
        tag.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let grandfathered: Vec<String> = GRANDFATHERED.iter().map(|t| any_case(t)).collect();
    let language = "([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})";
    let script = "(-[A-Za-z]{4})?";
    let region = "(-([A-Za-z]{2}|[0-9]{3}))?";
    let variants = "(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*";
    let extensions = "(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*";
    let private_use = "[xX](-[A-Za-z0-9]{1,8})+";
    format!(
        "^({}|{language}{script}{region}{variants}{extensions}(-{private_use})?|{private_use})$",
        grandfathered.join("|")
    )
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LanguageTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageTag".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A well-formed BCP 47 language tag (RFC 5646), such as \"en\", \"tr\", \"az-Latn\" or \"zh-Hant-TW\". A variant or extension singleton may not repeat.",
            "type": "string",
            "pattern": language_tag_pattern(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::common_shape;

    /// Every tag of the common shape passes the general check, and the
    /// shape is taken only as the grammar allows.
    #[test]
    fn the_common_shape_is_well_formed() {
        let parts: [&[&str]; 3] = [
            &["en", "ast", "e", "engl", "EN", "e1"],
            &["", "-Latn", "-Hans", "-Lat", "-Latn1", "-abc"],
            &["", "-CN", "-419", "-C", "-41", "-4190", "-Latn", "-CN-x"],
        ];
        let mut common = 0;
        for language in parts[0] {
            for script in parts[1] {
                for region in parts[2] {
                    let tag = format!("{language}{script}{region}");
                    let general = super::check_general(&tag).is_ok();
                    if common_shape(&tag) {
                        common += 1;
                        assert!(general, "{tag}");
                    }
                }
            }
        }
        assert!(common >= 20, "{common}");
        assert!(common_shape("zh-Hans-CN") && common_shape("es-419") && common_shape("az-Latn"));
        assert!(!common_shape("sgn-be-fr") && !common_shape("en-Latn-") && !common_shape("x-foo"));
    }
}
