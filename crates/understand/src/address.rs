//! The one email address type, parsed once where mail or a command comes in.
//!
//! An [`Address`] is a `lettre::Address` — the very type the SMTP client sends to — lower-cased,
//! so whatever the daemon stores it can also send to: an address lettre would refuse
//! (`a..b@example.org`, a domain without a dot, a space, a line break that would smuggle a
//! header) never gets past [`Address::parse`]. The checks before lettre's only put a name to
//! the common problems, so that a coordinator's typo is answered with what is wrong.

use std::fmt;
use std::str::FromStr;

/// An email address that lettre accepts, lower-cased. The only way in is [`Address::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address(lettre::Address);

/// Why a text is not an [`Address`]; shown to the person who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BadAddress {
    /// The text as written (trimmed).
    pub input: String,
    /// The problem, e.g. "it has no @" (for the command line and logs).
    pub why: String,
    /// The problem as a message of the catalogs (`address-…`), with its one detail (a
    /// character, the domain, a length): what a mail back says, in its reader's language.
    #[serde(skip)]
    pub fault: &'static str,
    #[serde(skip)]
    pub detail: String,
}

impl BadAddress {
    /// The problem, for a command's answer: `address-…` with `$address` and `$detail`.
    pub fn problem(&self) -> crate::command::Problem {
        crate::command::Problem::new(self.fault)
            .arg("address", show(&self.input))
            .arg("detail", &self.detail)
    }
}

impl fmt::Display for BadAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not an email address: {}.",
            show(&self.input),
            self.why
        )
    }
}

impl std::error::Error for BadAddress {}

impl Address {
    /// Parses `ana@example.org`, also written `<Ana@Example.ORG>`, `mailto:ana@example.org`
    /// or with a trailing `,` / `;` as in a list; lower-cases it.
    pub fn parse(raw: &str) -> Result<Address, BadAddress> {
        let bad = |fault: &'static str, detail: String, why: String| {
            Err(BadAddress {
                input: raw.trim().to_string(),
                why,
                fault,
                detail,
            })
        };
        let none = String::new;
        let t = raw.trim().trim_end_matches([',', ';']);
        let t = t
            .strip_prefix('<')
            .and_then(|x| x.strip_suffix('>'))
            .unwrap_or(t);
        let t = match (t.get(..7), t.get(7..)) {
            (Some(scheme), Some(rest)) if scheme.eq_ignore_ascii_case("mailto:") => rest,
            _ => t,
        };
        if t.chars().any(|c| c.is_whitespace() || forbidden(c)) {
            return bad(
                "address-space",
                none(),
                "it contains a space or a control character".into(),
            );
        }
        if t.len() > 254 {
            return bad(
                "address-too-long",
                t.len().to_string(),
                format!("it is {} characters long (at most 254)", t.len()),
            );
        }
        let ats = t.matches('@').count();
        if ats == 0 {
            return bad("address-no-at", none(), "it has no @".into());
        }
        if ats > 1 {
            return bad("address-two-at", none(), "it has more than one @".into());
        }
        let (local, domain) = t.split_once('@').unwrap_or((t, ""));
        if local.is_empty() {
            return bad(
                "address-nothing-before",
                none(),
                "nothing before the @".into(),
            );
        }
        if domain.is_empty() {
            return bad(
                "address-nothing-after",
                none(),
                "nothing after the @".into(),
            );
        }
        if local.len() > 64 {
            return bad(
                "address-local-too-long",
                none(),
                "the part before the @ is longer than 64 characters".into(),
            );
        }
        if let Some(c) = local.chars().find(|c| "<>()[]\\,;:\"".contains(*c)) {
            return bad(
                "address-contains",
                c.to_string(),
                format!("it contains {c}"),
            );
        }
        if let Some(c) = domain
            .chars()
            .find(|c| !(c.is_alphanumeric() || *c == '.' || *c == '-'))
        {
            return bad(
                "address-domain-contains",
                c.to_string(),
                format!("the domain contains {c}"),
            );
        }
        if !domain.contains('.') {
            return bad(
                "address-domain-no-dot",
                domain.to_string(),
                format!("the domain {domain} has no dot (as in example.org)"),
            );
        }
        if domain
            .split('.')
            .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
        {
            return bad(
                "address-domain-malformed",
                domain.to_string(),
                format!("the domain {domain} is malformed"),
            );
        }
        match lettre::Address::from_str(&t.to_lowercase()) {
            Ok(a) => Ok(Address(a)),
            Err(_) if local.starts_with('.') || local.ends_with('.') || local.contains("..") => {
                bad(
                    "address-dots",
                    none(),
                    "the part before the @ has a dot at its start or end, or two in a row".into(),
                )
            }
            Err(e) => bad(
                "address-refused",
                e.to_string(),
                format!("mail servers would refuse it ({e})"),
            ),
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_ref()
    }

    /// The part before the `@`.
    pub fn local(&self) -> &str {
        self.0.user()
    }

    pub fn domain(&self) -> &str {
        self.0.domain()
    }

    /// The address as lettre sends to it.
    pub fn as_lettre(&self) -> &lettre::Address {
        &self.0
    }

    /// `local+tag@domain`: the sub-address carrying a reply token or the VERP return path.
    /// `tag` is one of our own tokens (letters, digits, `-`); anything that would not make an
    /// address is refused.
    pub fn with_tag(&self, tag: &str) -> Result<Address, BadAddress> {
        let local = format!("{}+{}", self.local(), tag);
        lettre::Address::new(&local, self.domain())
            .map(Address)
            .map_err(|e| BadAddress {
                input: format!("{local}@{}", self.domain()),
                why: format!("mail servers would refuse it ({e})"),
                fault: "address-refused",
                detail: e.to_string(),
            })
    }

    /// For `local+tag@domain`, the base address and the tag.
    pub fn split_tag(&self) -> (Address, Option<&str>) {
        match self.local().split_once('+') {
            Some((base, tag)) if !base.is_empty() => {
                match lettre::Address::new(base, self.domain()) {
                    Ok(a) => (Address(a), Some(tag)),
                    Err(_) => (self.clone(), None),
                }
            }
            _ => (self.clone(), None),
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Address {
    type Err = BadAddress;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Address::parse(s)
    }
}

impl AsRef<str> for Address {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Address {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Address {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Address {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A character that must never reach a header or a reply: controls and the invisible
/// formatting characters that can make text read differently than it is.
pub fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// What a person wrote, for quoting it back to them in a reply: between backticks, at most 60
/// characters, with anything that could break a line or a header shown as `?`.
pub fn show(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if forbidden(c) { '?' } else { c })
        .collect();
    let mut out: String = clean.chars().take(60).collect();
    if clean.chars().count() > 60 {
        out.push('…');
    }
    format!("`{out}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_lower_cased() {
        assert_eq!(
            Address::parse(" <Ana@Example.ORG> ").unwrap().as_str(),
            "ana@example.org"
        );
        assert_eq!(
            Address::parse("mailto:ana@example.org,").unwrap().as_str(),
            "ana@example.org"
        );
        for bad in [
            "",
            "ana",
            "@x.org",
            "ana@",
            "a b@x.org",
            "ana@x..org",
            "a\r\nBcc: x@y.org@z.org",
            "ana@x.org\nBcc: y@z.org",
            "ana@localhost",
        ] {
            assert!(Address::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    /// What lettre refuses, we refuse: the address that once stalled the inbox among them.
    #[test]
    fn what_lettre_refuses_never_parses() {
        for bad in ["a..b@example.org", ".ab@example.org", "ab.@example.org"] {
            assert!(lettre::Address::from_str(bad).is_err(), "lettre took {bad}");
            let e = Address::parse(bad).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("`{bad}` is not an email address: the part before the @ has a dot at its start or end, or two in a row.")
            );
        }
        // And everything we accept, lettre accepts (it is lettre's own value inside).
        for good in [
            "ana@example.org",
            "o'brien@example.ie",
            "x+tag@example.org",
            "jörg@例え.jp",
        ] {
            let a = Address::parse(good).unwrap();
            assert!(lettre::Address::from_str(a.as_str()).is_ok(), "{good}");
        }
    }

    #[test]
    fn tags_round_trip() {
        let a = Address::parse("circle@example.org").unwrap();
        let t = a.with_tag("abc123").unwrap();
        assert_eq!(t.as_str(), "circle+abc123@example.org");
        assert_eq!(t.split_tag(), (a.clone(), Some("abc123")));
        assert_eq!(a.split_tag(), (a.clone(), None));
        assert!(a.with_tag("a b").is_err());
    }
}
