//! URLs: absolute http(s) addresses, checked against RFC 3986.

use super::newtype::{string_newtype, string_schema};

/// An absolute `http` or `https` URL (RFC 3986), kept exactly as written.
///
/// Checked by the grammar of RFC 3986, part by part: the scheme is
/// `http://` or `https://` in lower case; a host follows, a name or a
/// bracketed IP literal (an IPv6 address or an `IPvFuture`), with optional
/// user information and a numeric port; then a path, a query after `?` and
/// a fragment after `#`, each of the characters RFC 3986 allows there
/// unescaped, or a `%` with two hex digits. So `[` and `]` appear only
/// around an IP literal, and `#` only once. Non-ASCII characters must be
/// percent-encoded: `https://ru.wikipedia.org/wiki/%D0%91%D0%B0%D0%BA%D1%83`,
/// not `.../wiki/Баку`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Url(String);

impl UrlError {
    /// The problem code of this error: `InvalidUrl`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidUrl
    }
}

/// Why a string is not an accepted [`Url`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{url:?} is not an absolute http(s) URL: {reason}")]
pub struct UrlError {
    url: String,
    reason: &'static str,
}

/// The longest URL accepted, in bytes.
pub const MAX_URL_LEN: usize = 4096;

/// RFC 3986 unreserved characters and sub-delimiters: allowed in a host name.
fn host_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=".contains(&b)
}

/// RFC 3986 `pchar` without `%`: what a path segment may hold unescaped.
fn path_char(b: u8) -> bool {
    host_char(b) || b == b':' || b == b'@'
}

/// Characters allowed anywhere after the authority, in one part or another
/// (`/` in paths, `?` from the query on, `#` once, before the fragment).
fn rest_char(b: u8) -> bool {
    path_char(b) || b"/?#".contains(&b)
}

/// The bytes a URL may have outside an IP literal: [`rest_char`] and `%`.
#[allow(clippy::indexing_slicing, reason = "b < 256, the table's length")]
const URL_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'?'
                    | b'#'
                    | b'%'
            );
        b += 1;
    }
    table
};

fn check_url(url: &str) -> Result<(), &'static str> {
    match plain_url(url) {
        Some(authority) => check_authority(authority),
        None => check_url_slowly(url),
    }
}

/// The authority of a URL that passes every check but its authority's, in
/// one pass over its bytes: the scheme, the length, each byte by the table,
/// each `%` with its two hex digits, at most one `#`. `None` for any other
/// URL (an IP literal host among them), which [`check_url_slowly`] then
/// checks in full to name the first problem.
/// (Measured: the separate passes below cost 1,500 instructions a URL.)
fn plain_url(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    if url.len() > MAX_URL_LEN {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut authority_end = bytes.len();
    let mut fragment = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if URL_BYTE.get(usize::from(byte)) != Some(&true) {
            return None;
        }
        match byte {
            b'%' => {
                let hex = bytes.get(at + 1..at + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
            }
            b'#' if fragment => return None,
            b'#' => fragment = true,
            _ => {}
        }
        if authority_end == bytes.len() && matches!(byte, b'/' | b'?' | b'#') {
            authority_end = at;
        }
        at += 1;
    }
    rest.get(..authority_end)
}

/// Every check of [`check_url`], one at a time, naming the first problem.
fn check_url_slowly(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("it must start with http:// or https://")?;
    if url.len() > MAX_URL_LEN {
        return Err("it is longer than 4096 bytes");
    }
    let bad = url.chars().find(|&c| !c.is_ascii() || !rest_char(c as u8) && !"%[]".contains(c));
    if let Some(bad) = bad {
        return Err(if bad.is_whitespace() {
            "it contains white space"
        } else if bad.is_control() {
            "it contains a control character"
        } else {
            "it contains a character that must be percent-encoded"
        });
    }
    let bytes = url.as_bytes();
    for (i, _) in url.match_indices('%') {
        let hex = bytes.get(i + 1..i + 3);
        if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
            return Err("a '%' is not followed by two hex digits");
        }
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(authority_end);
    check_authority(authority)?;
    if after.contains(['[', ']']) {
        return Err(
            "it has '[' or ']' outside an IP literal host, where they must be percent-encoded",
        );
    }
    if after.matches('#').count() > 1 {
        return Err("it has a second '#', which a fragment holds only percent-encoded");
    }
    Ok(())
}

/// The checks of a URL's authority: user information, host and port.
fn check_authority(authority: &str) -> Result<(), &'static str> {
    // Positions found by a byte loop: `split_once` with a char pattern cost
    // more than the rest of the check on short authorities.
    let at_sign = authority.bytes().position(|b| b == b'@');
    let (userinfo, host_port) = match at_sign {
        Some(at) => (authority.get(..at), authority.get(at + 1..).unwrap_or_default()),
        None => (None, authority),
    };
    if userinfo.is_some_and(|u| u.bytes().any(|b| !(host_char(b) || b == b':' || b == b'%'))) {
        return Err("its user information has a character that must be percent-encoded");
    }
    let port = if let Some(literal) = host_port.strip_prefix('[') {
        let (inside, after) = literal.split_once(']').ok_or("its IP literal has no closing ']'")?;
        if !ip_literal(inside) {
            return Err("its IP literal is neither an IPv6 address nor a 'v' future form");
        }
        if !after.is_empty() && !after.starts_with(':') {
            return Err("its port is not a number");
        }
        after.strip_prefix(':')
    } else {
        let (host, port) = match host_port.bytes().position(|b| b == b':') {
            Some(at) => (host_port.get(..at).unwrap_or_default(), host_port.get(at + 1..)),
            None => (host_port, None),
        };
        if host.is_empty() {
            return Err("it has no host");
        }
        if !host.bytes().all(|b| host_char(b) || b == b'%') {
            return Err("its host has a character that must be percent-encoded");
        }
        port
    };
    if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err("its port is not a number");
    }
    Ok(())
}

/// Whether `inside` (the text between `[` and `]`) is an RFC 3986
/// `IP-literal`: an IPv6 address, or `v`, hex digits, `.` and at least one
/// unreserved, sub-delimiter or `:` character (`IPvFuture`).
fn ip_literal(inside: &str) -> bool {
    if let Some(future) = inside.strip_prefix(['v', 'V']) {
        let Some((version, address)) = future.split_once('.') else { return false };
        return !version.is_empty()
            && version.bytes().all(|b| b.is_ascii_hexdigit())
            && !address.is_empty()
            && address.bytes().all(|b| host_char(b) || b == b':');
    }
    // The standard library reads exactly RFC 4291's text forms, which RFC
    // 3986's `IPv6address` spells out (an IPv4 tail included, no zone).
    inside.parse::<std::net::Ipv6Addr>().is_ok()
}

impl Url {
    /// Checks `url`.
    ///
    /// # Errors
    /// [`UrlError`] naming the URL and the first problem found.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Url;
    /// assert!(Url::parse("https://report.az/en/military/").is_ok());
    /// assert!(Url::parse("report.az/en/").is_err());
    /// assert!(Url::parse("javascript:alert(1)").is_err());
    /// ```
    pub fn parse(url: &str) -> Result<Self, UrlError> {
        check_url(url)
            .map(|()| Url(url.to_owned()))
            .map_err(|reason| UrlError { url: url.to_owned(), reason })
    }

    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_newtype!(Url, UrlError);
string_schema!(Url, {
    "description": "An absolute http or https URL (RFC 3986), as written; non-ASCII characters percent-encoded.",
    "type": "string",
    "format": "uri",
    "maxLength": 4096,
    "pattern": r#"^https?://(([A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*@)?(\[((([0-9A-Fa-f]{1,4}:){6}([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|::([0-9A-Fa-f]{1,4}:){5}([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|([0-9A-Fa-f]{1,4})?::([0-9A-Fa-f]{1,4}:){4}([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|(([0-9A-Fa-f]{1,4}:){0,1}[0-9A-Fa-f]{1,4})?::([0-9A-Fa-f]{1,4}:){3}([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|(([0-9A-Fa-f]{1,4}:){0,2}[0-9A-Fa-f]{1,4})?::([0-9A-Fa-f]{1,4}:){2}([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|(([0-9A-Fa-f]{1,4}:){0,3}[0-9A-Fa-f]{1,4})?::[0-9A-Fa-f]{1,4}:([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|(([0-9A-Fa-f]{1,4}:){0,4}[0-9A-Fa-f]{1,4})?::([0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|(([0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})?::[0-9A-Fa-f]{1,4}|(([0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4})?::)|[vV][0-9A-Fa-f]+\.[A-Za-z0-9._~!$&'()*+,;=:-]+)\]|([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+)(:[0-9]*)?(/([A-Za-z0-9._~!$&'()*+,;=:@-]|/|%[0-9A-Fa-f]{2})*)?(\?([A-Za-z0-9._~!$&'()*+,;=:@-]|[/?]|%[0-9A-Fa-f]{2})*)?(#([A-Za-z0-9._~!$&'()*+,;=:@-]|[/?]|%[0-9A-Fa-f]{2})*)?$"#
});

#[cfg(test)]
mod tests {
    use super::{URL_BYTE, check_url, check_url_slowly, rest_char};

    /// The one-pass check gives what the checks one at a time give, on
    /// URLs with every kind of problem, and on every cut of them.
    #[test]
    fn the_one_pass_check_agrees_with_the_full_one() {
        let urls = [
            "https://example.org/2024/04/02/call?lang=en&ref=a%20b",
            "http://user:pw@[::1]:8080/a#b",
            "https://history.state.gov/departmenthistory/visits",
            "https://ex ample.org/",
            "https://example.org/%zz",
            "https://example.org/%4",
            "https://exa%41mple.org:80x/",
            "https://[1.2.3.4/",
            "https://@/",
            "https://é.org/",
            "ftp://example.org/",
            "https://example.org/\u{7f}",
            "https://example.org/a[1]#x#y",
            "https://[v1.a:b]:8/?q=[x]",
            "https://[::ffff:1.2.3.4]/#f",
        ];
        for url in urls {
            for end in (0..=url.len()).filter(|&end| url.is_char_boundary(end)) {
                let url = url.get(..end).unwrap_or_default();
                assert_eq!(check_url(url), check_url_slowly(url), "{url:?}");
            }
        }
    }

    #[test]
    fn the_byte_table_is_rest_char_and_percent() {
        for b in 0u8..=255 {
            let expected = b.is_ascii() && (rest_char(b) || b == b'%');
            assert_eq!(URL_BYTE.get(usize::from(b)), Some(&expected), "{b:#04x}");
        }
    }
}
