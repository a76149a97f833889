//! Domain types, valid by construction: a value of these types has been checked once, at the
//! edge, and the rest of the code never checks it again.

use std::time::Duration;

pub use understand::Response;

/// The one address type: lettre's, lower-cased, parsed once where mail or a command comes in
/// (see `understand::address`).
pub use understand::{Address, BadAddress};

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
