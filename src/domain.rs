//! Domain types, valid by construction: a value of these types has been checked once, at the
//! edge, and the rest of the code never checks it again.

use std::fmt;
use std::time::Duration;

pub use understand::Response;

/// An email address: trimmed, lower-cased, one `@`, no whitespace or control characters, no
/// characters that could break a header. The only way in is [`Address::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not an email address")]
pub struct BadAddress(pub String);

impl Address {
    pub fn parse(s: &str) -> Result<Self, BadAddress> {
        let t = s.trim().trim_start_matches('<').trim_end_matches('>').trim();
        let bad = || BadAddress(s.to_string());
        let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
        let ok_char = |c: char| !c.is_whitespace() && !c.is_control() && !"<>()[]\\,;:\"@".contains(c);
        if local.is_empty()
            || domain.is_empty()
            || local.len() > 64
            || t.len() > 254
            || !local.chars().all(ok_char)
            || !domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
        {
            return Err(bad());
        }
        Ok(Address(t.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn local(&self) -> &str {
        self.0.rsplit_once('@').map(|(l, _)| l).unwrap_or(&self.0)
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
    }

    /// `local+tag@domain`: the sub-address carrying a reply token or the VERP return path.
    pub fn with_tag(&self, tag: &str) -> Address {
        Address(format!("{}+{}@{}", self.local(), tag, self.domain()))
    }

    /// For `local+tag@domain`, the base address and the tag.
    pub fn split_tag(&self) -> (Address, Option<&str>) {
        match self.local().split_once('+') {
            Some((base, tag)) => (Address(format!("{base}@{}", self.domain())), Some(tag)),
            None => (self.clone(), None),
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a person is in a community.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Member,
    Guest,
    Coordinator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Guest => "guest",
            Role::Coordinator => "coordinator",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "guest" => Some(Role::Guest),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }
}

pub fn response_str(r: Response) -> &'static str {
    match r {
        Response::Yes => "yes",
        Response::No => "no",
        Response::Maybe => "maybe",
    }
}

pub fn parse_response(s: &str) -> Option<Response> {
    match s {
        "yes" => Some(Response::Yes),
        "no" => Some(Response::No),
        "maybe" => Some(Response::Maybe),
        _ => None,
    }
}

/// Durations as written in the config: `30s`, `15m`, `2h`, `14d`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).ok_or("has no unit")?;
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().map_err(|_| "has no number".to_string())?;
    let secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => return Err(format!("unknown unit {unit:?}")),
    };
    Ok(Duration::from_secs(n * secs))
}

/// A person's display name made safe for a header: one line, no control characters.
pub fn clean_name(s: &str) -> String {
    one_line(s, 100)
}

/// A subject made safe for a header: one line, no control characters.
pub fn clean_name_long(s: &str) -> String {
    one_line(s, 250)
}

fn one_line(s: &str, max: usize) -> String {
    let spaced: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_lower_cased() {
        assert_eq!(Address::parse(" <Ana@Example.ORG> ").unwrap().as_str(), "ana@example.org");
        for bad in ["", "ana", "@x.org", "ana@", "a b@x.org", "ana@x..org", "a\r\nBcc: x@y.org@z.org", "ana@x.org\nBcc: y@z.org"] {
            assert!(Address::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn tags_round_trip() {
        let a = Address::parse("circle@example.org").unwrap();
        let t = a.with_tag("abc123");
        assert_eq!(t.as_str(), "circle+abc123@example.org");
        assert_eq!(t.split_tag(), (a.clone(), Some("abc123")));
        assert_eq!(a.split_tag(), (a.clone(), None));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("14d"), Ok(Duration::from_secs(14 * 86400)));
        assert!(parse_duration("14").is_err());
        assert!(parse_duration("d").is_err());
        assert!(parse_duration("3w").is_err());
    }

    #[test]
    fn names_cannot_carry_headers() {
        assert_eq!(clean_name("Ana\r\nBcc: evil@x.org"), "Ana Bcc: evil@x.org");
    }
}
