//! Text, ids, language tags, URLs and Wikidata ids: what each accepts, and
//! every error message.

use diplomatic_events::{LanguageTag, PartyId, Text, Url, WikidataId};

fn text_error(s: &str) -> String {
    Text::parse(s).expect_err("should be rejected").to_string()
}

#[test]
fn text_is_stored_in_nfc() {
    let nfd = Text::parse("Go\u{308}rgu\u{308}n").expect("valid");
    let nfc = Text::parse("Görgün").expect("valid");
    assert_eq!(nfd, nfc);
    assert_eq!(nfd.as_str(), "Görgün");
    assert_eq!(nfd.as_str().chars().count(), 6);
}

#[test]
fn text_keeps_joiners_and_other_scripts() {
    for s in
        ["Xi Jinping 习近平", "सत्यमेव जयते", "می\u{200C}خواهم", "👩\u{200D}💼", "Бағдат", "عبد الله"]
    {
        assert_eq!(Text::parse(s).expect("valid").as_str(), s);
    }
}

#[test]
fn text_error_messages() {
    assert_eq!(text_error(""), "text is blank");
    assert_eq!(text_error(" \u{3000} "), "text is blank");
    assert_eq!(text_error("a\nb"), "text contains control character U+000A at character 1");
    assert_eq!(
        text_error("abc\u{202E}def"),
        "text contains bidirectional formatting character U+202E at character 3"
    );
    assert_eq!(
        text_error("\u{2066}x"),
        "text contains bidirectional formatting character U+2066 at character 0"
    );
    assert_eq!(
        text_error("Gör\u{200B}gün"),
        "text contains zero-width character U+200B at character 3"
    );
    assert_eq!(text_error("\u{FEFF}x"), "text contains zero-width character U+FEFF at character 0");
    assert_eq!(
        text_error(&"a".repeat(Text::MAX_CHARS + 1)),
        "text is 10001 characters long, more than the limit of 10000"
    );
    assert!(Text::parse(&"ü".repeat(Text::MAX_CHARS)).is_ok());
}

/// One length rule that the schema can state: at most 10,000 characters as
/// written (the schema's `maxLength`), and, the Rust-only half, in NFC too,
/// so that what the crate writes can be read back.
#[test]
fn text_length_counts_as_written_and_in_nfc() {
    // NFD text over the limit as written, under it in NFC: refused, as the schema does.
    let nfd = "u\u{308}".repeat(5_001);
    assert_eq!(text_error(&nfd), "text is 10002 characters long, more than the limit of 10000");
    let at_limit = "u\u{308}".repeat(5_000);
    assert_eq!(Text::parse(&at_limit).expect("10,000 as written").as_str().chars().count(), 5_000);
    // Characters that NFC writes as two or three: within the limit as
    // written, over it in NFC.
    for (c, nfc_len) in [('\u{958}', 2), ('\u{344}', 2), ('\u{FB2C}', 3), ('\u{1D15E}', 2)] {
        let text = c.to_string().repeat(Text::MAX_CHARS / nfc_len + 1);
        let chars = text.chars().count() * nfc_len;
        assert_eq!(
            text_error(&text),
            format!("text is {chars} characters long in NFC, more than the limit of 10000"),
            "{c:?}"
        );
        let text = c.to_string().repeat(Text::MAX_CHARS / nfc_len);
        assert!(Text::parse(&text).is_ok(), "{c:?}");
    }
}

#[test]
fn id_rules_and_messages() {
    for ok in ["tr", "tr-delegation", "talks.1", "a:b_c", "A9"] {
        assert_eq!(ok.parse::<PartyId>().expect("valid").as_str(), ok);
    }
    let err = |s: &str| s.parse::<PartyId>().expect_err("invalid").to_string();
    assert_eq!(err(""), "id is empty");
    assert_eq!(
        err("-x"),
        "id \"-x\" has '-' at byte 0; ids use A-Z, a-z, 0-9, '.', '_', ':' and '-', and start with a letter or digit"
    );
    assert_eq!(
        err("görgün"),
        "id \"görgün\" has 'ö' at byte 1; ids use A-Z, a-z, 0-9, '.', '_', ':' and '-', and start with a letter or digit"
    );
    assert_eq!(
        err("a b"),
        "id \"a b\" has ' ' at byte 1; ids use A-Z, a-z, 0-9, '.', '_', ':' and '-', and start with a letter or digit"
    );
    assert_eq!(err(&"x".repeat(129)), "id is 129 characters long, more than the limit of 128");
}

#[test]
fn language_tags_are_well_formed_bcp47() {
    for ok in [
        "en",
        "tr",
        "az-Latn",
        "az-Latn-AZ",
        "zh-Hant-TW",
        "sr-Cyrl",
        "es-419",
        "de-CH-1901",
        "en-US-x-twain",
        "x-whatever",
        "zh-yue-HK",
        "sl-rozaj-biske",
        "en-a-bbb-x-a-ccc",
        "i-klingon",
        "hy-Latn-IT-arevela",
        "ar-afb",
    ] {
        assert!(ok.parse::<LanguageTag>().is_ok(), "{ok} should be accepted");
    }
    let err = |s: &str| s.parse::<LanguageTag>().expect_err("invalid").to_string();
    // More subtags than the checker keeps on its stack (16), valid and not.
    let many: Vec<String> = (0..20).map(|i| format!("p{i}")).collect();
    let long = format!("en-a-{}-x-end", many.join("-"));
    assert!(long.parse::<LanguageTag>().is_ok(), "{long}");
    let repeated = format!("en-a-{}-a-bb", many.join("-"));
    assert!(err(&repeated).ends_with("an extension singleton repeats"), "{repeated}");
    assert_eq!(err(""), "\"\" is not a well-formed BCP 47 language tag: it is empty");
    assert_eq!(
        err("1en"),
        "\"1en\" is not a well-formed BCP 47 language tag: the primary language subtag must be 2 to 8 letters"
    );
    assert_eq!(
        err("en_US"),
        "\"en_US\" is not a well-formed BCP 47 language tag: subtags are 1 to 8 ASCII letters or digits separated by single hyphens"
    );
    assert_eq!(
        err("en--US"),
        "\"en--US\" is not a well-formed BCP 47 language tag: subtags are 1 to 8 ASCII letters or digits separated by single hyphens"
    );
    assert_eq!(
        err("e"),
        "\"e\" is not a well-formed BCP 47 language tag: the primary language subtag must be 2 to 8 letters"
    );
    assert_eq!(
        err("de-DE-1901-1901"),
        "\"de-DE-1901-1901\" is not a well-formed BCP 47 language tag: a variant subtag repeats"
    );
    assert_eq!(
        err("en-a-bbb-a-ccc"),
        "\"en-a-bbb-a-ccc\" is not a well-formed BCP 47 language tag: an extension singleton repeats"
    );
    assert_eq!(
        err("en-a"),
        "\"en-a\" is not a well-formed BCP 47 language tag: an extension needs subtags of 2 to 8 characters"
    );
    assert_eq!(
        err("en-x"),
        "\"en-x\" is not a well-formed BCP 47 language tag: private use needs at least one subtag"
    );
    assert_eq!(
        err("en-US-GB"),
        "\"en-US-GB\" is not a well-formed BCP 47 language tag: a subtag is out of place"
    );
}

#[test]
fn urls_are_absolute_http() {
    for ok in [
        "https://report.az/en/military/",
        "http://example.org",
        "https://example.org:8443/a?b=c&d=e#f",
        "https://[2001:db8::1]/x",
        "https://example.org/%C3%BC",
        "https://ru.wikipedia.org/wiki/%D0%91%D0%B0%D0%BA%D1%83",
        "https://user:pw@example.org/",
    ] {
        assert_eq!(Url::parse(ok).expect(ok).as_str(), ok);
    }
    let err = |s: &str| Url::parse(s).expect_err("invalid").to_string();
    assert_eq!(
        err("report.az/en"),
        "\"report.az/en\" is not an absolute http(s) URL: it must start with http:// or https://"
    );
    assert_eq!(
        err("ftp://example.org"),
        "\"ftp://example.org\" is not an absolute http(s) URL: it must start with http:// or https://"
    );
    assert_eq!(
        err("HTTPS://example.org"),
        "\"HTTPS://example.org\" is not an absolute http(s) URL: it must start with http:// or https://"
    );
    assert_eq!(
        err("https:///path"),
        "\"https:///path\" is not an absolute http(s) URL: it has no host"
    );
    assert_eq!(
        err("https://example.org/a b"),
        "\"https://example.org/a b\" is not an absolute http(s) URL: it contains white space"
    );
    assert_eq!(
        err("https://example.org/\u{7}"),
        "\"https://example.org/\\u{7}\" is not an absolute http(s) URL: it contains a control character"
    );
    assert_eq!(
        err("https://example.org/a\\b"),
        "\"https://example.org/a\\\\b\" is not an absolute http(s) URL: it contains a character that must be percent-encoded"
    );
    assert_eq!(
        err("https://example.org/%zz"),
        "\"https://example.org/%zz\" is not an absolute http(s) URL: a '%' is not followed by two hex digits"
    );
    assert_eq!(
        err("https://ru.wikipedia.org/wiki/Баку"),
        "\"https://ru.wikipedia.org/wiki/Баку\" is not an absolute http(s) URL: it contains a character that must be percent-encoded"
    );
    assert_eq!(
        err("https://a@b@c/"),
        "\"https://a@b@c/\" is not an absolute http(s) URL: its host has a character that must be percent-encoded"
    );
    assert_eq!(
        err("https://a[b@c/"),
        "\"https://a[b@c/\" is not an absolute http(s) URL: its user information has a character that must be percent-encoded"
    );
    assert_eq!(
        err("https://[::1/"),
        "\"https://[::1/\" is not an absolute http(s) URL: its IP literal has no closing ']'"
    );
    assert_eq!(
        err("https://[]/"),
        "\"https://[]/\" is not an absolute http(s) URL: its IP literal is neither an IPv6 address nor a 'v' future form"
    );
    // RFC 3986 part by part: brackets only around an IP literal, one '#',
    // an IP literal that is an IPv6 address or a future form.
    for (url, reason) in [
        (
            "https://example.com/a[1]",
            "it has '[' or ']' outside an IP literal host, where they must be percent-encoded",
        ),
        (
            "https://example.com/?q=[x]",
            "it has '[' or ']' outside an IP literal host, where they must be percent-encoded",
        ),
        (
            "https://example.com/#a]",
            "it has '[' or ']' outside an IP literal host, where they must be percent-encoded",
        ),
        (
            "https://example.com/#a#b",
            "it has a second '#', which a fragment holds only percent-encoded",
        ),
        ("https://[1.2.3.4]/", "its IP literal is neither an IPv6 address nor a 'v' future form"),
        ("https://[abc]/", "its IP literal is neither an IPv6 address nor a 'v' future form"),
        ("https://[1::2::3]/", "its IP literal is neither an IPv6 address nor a 'v' future form"),
        (
            "https://[fe80::1%25eth0]/",
            "its IP literal is neither an IPv6 address nor a 'v' future form",
        ),
        ("https://[v1.]/", "its IP literal is neither an IPv6 address nor a 'v' future form"),
        ("https://ex[a]mple.org/", "its host has a character that must be percent-encoded"),
    ] {
        assert_eq!(err(url), format!("{url:?} is not an absolute http(s) URL: {reason}"));
    }
    for ok in [
        "https://[::ffff:1.2.3.4]:8080/a?b#c/d?e",
        "https://[v1.fe:x]/",
        "https://example.org/a%5B1%5D#a%23b",
        "https://example.org/a:b@c/d?e/f?g#h/i?j",
    ] {
        assert!(Url::parse(ok).is_ok(), "{ok}");
    }
    assert_eq!(
        err("https://[::1]x/"),
        "\"https://[::1]x/\" is not an absolute http(s) URL: its port is not a number"
    );
    assert_eq!(
        err("https://example.org:80a/"),
        "\"https://example.org:80a/\" is not an absolute http(s) URL: its port is not a number"
    );
}

#[test]
fn wikidata_ids() {
    assert_eq!("Q43".parse::<WikidataId>().expect("valid").as_str(), "Q43");
    for bad in ["q43", "Q", "Q043", "P31", "Q43a", "Q1234567890123456789"] {
        assert_eq!(
            bad.parse::<WikidataId>().expect_err(bad).to_string(),
            format!(
                "{bad:?} is not a Wikidata item id: expected Q followed by a number, such as \"Q42\""
            )
        );
    }
}
