//! Configuration: one TOML file, secrets also from `ROUNDTABLE_…` environment variables.
//!
//! Two layers, as ripgrep does with flags: [`RawConfig`] is what serde reads (everything
//! optional, strings as written), [`Config`] is the checked, typed result. [`load`] reports
//! every problem of a file at once, each naming the key and the fix, so an admin fixes a
//! config in one round instead of one error per start.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::{parse_duration, Address};
use crate::tls::CaFile;

mod check;
mod raw;

use check::Checker;
use raw::{RawCommunity, RawConfig, RawInbound, RawOutbound};

/// Environment variables that override (or supply) secrets and the database.
pub const ENV_SECRET: &str = "ROUNDTABLE_SECRET";
pub const ENV_DATABASE_URL: &str = "ROUNDTABLE_DATABASE_URL";
pub const ENV_IMAP_PASSWORD: &str = "ROUNDTABLE_IMAP_PASSWORD";
pub const ENV_SMTP_PASSWORD: &str = "ROUNDTABLE_SMTP_PASSWORD";

/// The checked configuration. Paths are absolute (relative ones are taken from the config
/// file's directory).
#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    /// HMAC key of reply tokens; `None` means "generate one and keep it in the database".
    pub secret: Option<Secret>,
    pub authserv_id: Option<String>,
    /// Where the daemon serves Prometheus metrics (`GET /metrics`); loopback only.
    pub metrics_listen: Option<std::net::SocketAddr>,
    pub inbound: Inbound,
    pub outbound: Outbound,
    pub communities: Vec<CommunityConfig>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field(
                "database_url",
                &crate::store::redact_url(&self.database_url),
            )
            .field("secret", &self.secret)
            .field("authserv_id", &self.authserv_id)
            .field("metrics_listen", &self.metrics_listen)
            .field("inbound", &self.inbound)
            .field("outbound", &self.outbound)
            .field("communities", &self.communities)
            .finish()
    }
}

/// A secret that never prints itself.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Self {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Clone, Debug)]
pub enum Inbound {
    Maildir { path: PathBuf },
    Imap(ImapConfig),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    None,
    StartTls,
    Implicit,
}

#[derive(Clone, Debug)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    /// CA certificates trusted besides the web PKI roots (see [`crate::tls`]).
    pub tls_ca_file: Option<CaFile>,
    pub username: String,
    pub password: Secret,
    pub folder: String,
    pub handled_folder: String,
    pub quarantine_folder: String,
    pub idle: bool,
    pub poll_interval: Duration,
}

#[derive(Clone, Debug)]
pub enum Outbound {
    Smtp(SmtpConfig),
    Maildir { path: PathBuf },
}

#[derive(Clone, Debug)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    /// CA certificates trusted besides the web PKI roots (see [`crate::tls`]).
    pub tls_ca_file: Option<CaFile>,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub max_connections: u32,
    /// 0 means unlimited.
    pub rate_per_second: f64,
    pub retry: RetryPolicy,
}

/// Retry schedule as data (Stalwart's habit): the delays in order, the last one repeated,
/// and an age after which a temporary failure becomes permanent.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    pub delays: Vec<Duration>,
    pub max_age: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            delays: [60, 300, 900, 3600, 4 * 3600]
                .map(Duration::from_secs)
                .to_vec(),
            max_age: Duration::from_secs(3 * 86400),
        }
    }
}

impl RetryPolicy {
    /// Delay before attempt number `attempts + 1`, after `attempts` failed ones (≥ 1).
    pub fn delay_after(&self, attempts: u32) -> Duration {
        let i = (attempts.max(1) - 1) as usize;
        self.delays
            .get(i)
            .or(self.delays.last())
            .copied()
            .unwrap_or(Duration::from_secs(300))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoordinatorAuth {
    Dmarc,
    Confirm,
    DmarcOrConfirm,
}

#[derive(Clone, Debug)]
pub struct CommunityConfig {
    pub slug: String,
    pub name: String,
    pub address: Address,
    pub timezone: chrono_tz::Tz,
    pub coordinators: Vec<Address>,
    pub meeting_cron: Option<String>,
    /// Where the meetings usually are (a room, an address, a link): the place of every
    /// meeting planned from `meeting_cron`, and of one scheduled without a place.
    pub meeting_place: Option<String>,
    /// The language the community's mail is written in (members may choose their own).
    pub language: crate::domain::Lang,
    /// A coordinator's edited catalogs (`roundtable texts export`), checked at load.
    pub texts_dir: Option<std::path::PathBuf>,
    pub coordinator_auth: CoordinatorAuth,
    pub description: String,
    pub signature: String,
    pub timeline: Timeline,
    /// How posts to the list are handled (issue 15).
    pub posts: PostsConfig,
    /// DKIM signing of everything the community sends, when it has a key (issue 15).
    pub dkim: Option<DkimConfig>,
}

/// A community's DKIM key: `dkim_key` (a PEM file), `dkim_selector`, `dkim_domain`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DkimConfig {
    pub key: std::path::PathBuf,
    pub selector: String,
    /// The `d=` domain; by default the community address's domain.
    pub domain: String,
}

/// Where a post's `Reply-To` points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyTo {
    /// The list: a reply is a post to everyone.
    Group,
    /// The author: a reply goes to them alone.
    Author,
}

/// The keys of a community about posts to the list.
#[derive(Clone, Debug, PartialEq)]
pub struct PostsConfig {
    /// Put before the Subject of every post, never twice; `None` in the config: `[Name]`.
    pub subject_prefix: String,
    pub reply_to: ReplyTo,
    /// Bytes; a bigger post is refused with the limit named.
    pub max_post_size: u64,
    /// Posts one author may send in an hour; past it they are held.
    pub posts_per_hour: i64,
    pub guests_may_post: bool,
    /// Days a held post waits for a decision before it expires.
    pub hold_days: i64,
}

impl PostsConfig {
    pub fn defaults(name: &str) -> PostsConfig {
        PostsConfig {
            subject_prefix: format!("[{name}]"),
            reply_to: ReplyTo::Group,
            max_post_size: 10 * 1024 * 1024,
            posts_per_hour: 20,
            guests_may_post: false,
            hold_days: 14,
        }
    }
}

/// "10MB", "512KB", "2048" (bytes) → bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let (digits, unit) = match upper.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&upper[..i], upper[i..].trim()),
        None => (upper.as_str(), ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| "not a number of bytes".to_string())?;
    let mult: u64 = match unit {
        "" | "B" => 1,
        "KB" | "K" => 1024,
        "MB" | "M" => 1024 * 1024,
        "GB" | "G" => 1024 * 1024 * 1024,
        other => return Err(format!("unknown unit {other:?}")),
    };
    n.checked_mul(mult).ok_or_else(|| "too large".to_string())
}

/// Offsets of the meeting timeline (DESIGN.md "The meeting timeline").
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub announce: Duration,
    pub call_for_topics: Duration,
    pub agenda: Duration,
    pub reminder: Duration,
    pub takeaway_request: Duration,
    pub guest_followup: Duration,
    /// After the follow-up, one gentle reminder to a guest who stayed silent.
    pub guest_reminder: Duration,
    pub digest_cron: String,
    /// When members whose delivery is DIGEST get the day's posts (nothing on a day without).
    pub post_digest_cron: String,
}

impl Default for Timeline {
    fn default() -> Self {
        let d = |s: &str| parse_duration(s).expect("valid default duration");
        Timeline {
            announce: d("14d"),
            call_for_topics: d("7d"),
            agenda: d("2d"),
            reminder: d("1d"),
            takeaway_request: d("2h"),
            guest_followup: d("1d"),
            guest_reminder: d("7d"),
            digest_cron: "0 0 9 * * Mon".into(),
            post_digest_cron: "0 0 18 * * *".into(),
        }
    }
}

/// One problem with the configuration: the key, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub problem: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (fix: {})", self.key, self.problem, self.fix)
    }
}

/// Every problem found in one configuration.
#[derive(Debug)]
pub struct ConfigError {
    pub file: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(
            f,
            "{} has {} problem{}:",
            self.file.display(),
            n,
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            writeln!(f, "  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// Reads and checks a config file; environment variables come from `env`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let err = |problem: String, fix: &str| ConfigError {
        file: path.to_path_buf(),
        problems: vec![Problem {
            key: "(file)".into(),
            problem,
            fix: fix.into(),
        }],
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        err(
            format!("cannot read {}: {e}", path.display()),
            "pass --config FILE, or create roundtable.toml (see README.md for an example)",
        )
    })?;
    let base = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let base = std::fs::canonicalize(&base).unwrap_or(base);
    parse(&text, &base, &|k| std::env::var(k).ok()).map_err(|problems| ConfigError {
        file: path.to_path_buf(),
        problems,
    })
}

/// Parses config text. `base` resolves relative paths; `env` looks up variables (injected so
/// that tests don't touch the process environment).
pub fn parse(
    text: &str,
    base: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Config, Vec<Problem>> {
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let key = e
                .span()
                .map(|s| {
                    let line = text[..s.start.min(text.len())].lines().count().max(1);
                    format!("line {line}")
                })
                .unwrap_or_else(|| "(file)".into());
            return Err(vec![Problem {
                key,
                problem: e.message().to_string(),
                fix: "correct the TOML at that place (keys and sections are listed in README.md)"
                    .into(),
            }]);
        }
    };
    let mut c = Checker {
        problems: Vec::new(),
    };
    let config = c.check(raw, base, env);
    if c.problems.is_empty() {
        Ok(config.expect("a config without problems is complete"))
    } else {
        Err(c.problems)
    }
}

impl Config {
    pub fn community(&self, slug: &str) -> anyhow::Result<&CommunityConfig> {
        self.communities
            .iter()
            .find(|c| c.slug == slug)
            .ok_or_else(|| {
                let known: Vec<_> = self.communities.iter().map(|c| c.slug.as_str()).collect();
                anyhow::anyhow!(
                    "no community {slug:?} in the config (known: {})",
                    known.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests;
