//! Configuration: one TOML file, secrets also from `ROUNDTABLE_…` environment variables.
//!
//! Two layers, as ripgrep does with flags: [`RawConfig`] is what serde reads (everything
//! optional, strings as written), [`Config`] is the checked, typed result. [`load`] reports
//! every problem of a file at once, each naming the key and the fix, so an admin fixes a
//! config in one round instead of one error per start.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::domain::{parse_duration, Address};
use crate::tls::CaFile;

/// Environment variables that override (or supply) secrets and the database.
pub const ENV_SECRET: &str = "ROUNDTABLE_SECRET";
pub const ENV_DATABASE_URL: &str = "ROUNDTABLE_DATABASE_URL";
pub const ENV_IMAP_PASSWORD: &str = "ROUNDTABLE_IMAP_PASSWORD";
pub const ENV_SMTP_PASSWORD: &str = "ROUNDTABLE_SMTP_PASSWORD";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    database_url: Option<String>,
    secret: Option<String>,
    authserv_id: Option<String>,
    inbound: Option<RawInbound>,
    outbound: Option<RawOutbound>,
    #[serde(default)]
    community: Vec<RawCommunity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInbound {
    kind: Option<String>,
    path: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    tls: Option<String>,
    tls_ca_file: Option<String>,
    username: Option<String>,
    password: Option<String>,
    folder: Option<String>,
    handled_folder: Option<String>,
    quarantine_folder: Option<String>,
    idle: Option<bool>,
    poll_interval: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutbound {
    kind: Option<String>,
    path: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    tls: Option<String>,
    tls_ca_file: Option<String>,
    username: Option<String>,
    password: Option<String>,
    max_connections: Option<u32>,
    rate_per_second: Option<f64>,
    retry: Option<Vec<String>>,
    max_age: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommunity {
    slug: Option<String>,
    name: Option<String>,
    address: Option<String>,
    timezone: Option<String>,
    #[serde(default)]
    coordinators: Vec<String>,
    meeting_cron: Option<String>,
    coordinator_auth: Option<String>,
    description: Option<String>,
    signature: Option<String>,
    timeline: Option<BTreeMap<String, String>>,
}

/// The checked configuration. Paths are absolute (relative ones are taken from the config
/// file's directory).
#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    /// HMAC key of reply tokens; `None` means "generate one and keep it in the database".
    pub secret: Option<Secret>,
    pub authserv_id: Option<String>,
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
    pub coordinator_auth: CoordinatorAuth,
    pub description: String,
    pub signature: String,
    pub timeline: Timeline,
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

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(
        &mut self,
        key: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(Problem {
            key: key.into(),
            problem: problem.into(),
            fix: fix.into(),
        });
    }

    fn required<T>(&mut self, v: Option<T>, key: &str, fix: &str) -> Option<T> {
        if v.is_none() {
            self.problem(key, "is missing", fix);
        }
        v
    }

    fn duration(&mut self, key: &str, v: Option<&str>, default: &str) -> Duration {
        let s = v.unwrap_or(default);
        match parse_duration(s) {
            Ok(d) => d,
            Err(e) => {
                self.problem(
                    key,
                    format!("{s:?}: {e}"),
                    "write a number and a unit: 30s, 15m, 2h or 14d",
                );
                Duration::from_secs(60)
            }
        }
    }

    fn tls(&mut self, key: &str, v: Option<&str>, default: Tls) -> Tls {
        match v {
            None => default,
            Some("none") => Tls::None,
            Some("starttls") => Tls::StartTls,
            Some("implicit") => Tls::Implicit,
            Some(other) => {
                self.problem(
                    key,
                    format!("unknown value {other:?}"),
                    "use none, starttls or implicit",
                );
                default
            }
        }
    }

    /// `section.tls_ca_file`: read and checked now, so that check-config reports a bad file.
    fn ca_file(
        &mut self,
        section: &str,
        v: Option<String>,
        base: &Path,
        tls: Tls,
    ) -> Option<CaFile> {
        let key = format!("{section}.tls_ca_file");
        let p = PathBuf::from(v?);
        let p = if p.is_absolute() { p } else { base.join(p) };
        if tls == Tls::None {
            self.problem(
                &key,
                format!(
                    "is set, but {section}.tls = \"none\": no certificate would ever be checked"
                ),
                format!("set {section}.tls = \"starttls\" or \"implicit\", or remove {key}"),
            );
        }
        match CaFile::read(&p) {
            Ok(ca) => Some(ca),
            Err(e) => {
                self.problem(key, e.problem, e.fix);
                None
            }
        }
    }

    fn path(&mut self, key: &str, v: Option<String>, base: &Path) -> Option<PathBuf> {
        let p = self.required(v, key, "give the directory, e.g. path = \"mail/inbox\"")?;
        let p = PathBuf::from(p);
        Some(if p.is_absolute() { p } else { base.join(p) })
    }

    fn check(
        &mut self,
        raw: RawConfig,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Config> {
        let database_url = env(ENV_DATABASE_URL)
            .or(raw.database_url)
            .unwrap_or_else(|| "sqlite://roundtable.db".into());
        let database_url = self.database_url(&database_url, base);

        let secret = env(ENV_SECRET).or(raw.secret).map(Secret);
        if let Some(s) = &secret {
            if s.0.len() < 16 {
                self.problem(
                    "secret",
                    "is shorter than 16 characters",
                    format!("use a long random value (e.g. `openssl rand -hex 32`), or unset it and {ENV_SECRET} to have one generated and kept in the database"),
                );
            }
        }

        let inbound = self.inbound(raw.inbound, base, env);
        let outbound = self.outbound(raw.outbound, base, env);

        if raw.community.is_empty() {
            self.problem(
                "community",
                "no [[community]] is configured",
                "add a [[community]] table with slug, name, address, timezone and coordinators",
            );
        }
        let mut communities = Vec::new();
        let mut slugs = std::collections::HashSet::new();
        let mut addresses = std::collections::HashSet::new();
        for (i, rc) in raw.community.into_iter().enumerate() {
            if let Some(c) = self.community(i, rc) {
                if !slugs.insert(c.slug.clone()) {
                    self.problem(
                        format!("community[{i}].slug"),
                        format!("{:?} is used twice", c.slug),
                        "give each community its own slug",
                    );
                }
                if !addresses.insert(c.address.clone()) {
                    self.problem(
                        format!("community[{i}].address"),
                        format!("{} is used twice", c.address),
                        "give each community its own list address",
                    );
                }
                communities.push(c);
            }
        }
        Some(Config {
            database_url: database_url?,
            secret,
            authserv_id: raw.authserv_id,
            inbound: inbound?,
            outbound: outbound?,
            communities,
        })
    }

    fn database_url(&mut self, url: &str, base: &Path) -> Option<String> {
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let (file, query) = rest.split_once('?').unwrap_or((rest, ""));
            if file.is_empty() {
                self.problem(
                    "database_url",
                    "names no SQLite file",
                    "write sqlite://roundtable.db or sqlite:///var/lib/roundtable/db.sqlite",
                );
                return None;
            }
            if file == ":memory:" {
                return Some(url.to_string());
            }
            let p = PathBuf::from(file);
            let p = if p.is_absolute() { p } else { base.join(p) };
            let q = if query.is_empty() {
                "mode=rwc".to_string()
            } else {
                query.to_string()
            };
            Some(format!("sqlite://{}?{q}", p.display()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(url.to_string())
        } else {
            self.problem(
                "database_url",
                "is neither sqlite:// nor postgres://",
                "write sqlite://roundtable.db (embedded) or postgres://user:password@127.0.0.1/roundtable",
            );
            None
        }
    }

    fn inbound(
        &mut self,
        raw: Option<RawInbound>,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Inbound> {
        let Some(r) = raw else {
            self.problem("inbound", "is missing", "add [inbound] with kind = \"maildir\" and path, or kind = \"imap\" with host, username, password");
            return None;
        };
        match r.kind.as_deref() {
            Some("maildir") => Some(Inbound::Maildir {
                path: self.path("inbound.path", r.path, base)?,
            }),
            Some("imap") => {
                let tls = self.tls("inbound.tls", r.tls.as_deref(), Tls::Implicit);
                let tls_ca_file = self.ca_file("inbound", r.tls_ca_file, base, tls);
                let port = r.port.unwrap_or(match tls {
                    Tls::Implicit => 993,
                    _ => 143,
                });
                let password = env(ENV_IMAP_PASSWORD).or(r.password);
                let host = self.required(
                    r.host,
                    "inbound.host",
                    "give the IMAP server, e.g. host = \"imap.example.org\"",
                );
                let username = self.required(
                    r.username,
                    "inbound.username",
                    "give the IMAP login, e.g. username = \"circle@example.org\"",
                );
                let password = self.required(
                    password,
                    "inbound.password",
                    &format!("set inbound.password, or {ENV_IMAP_PASSWORD} in the environment"),
                );
                let poll_interval =
                    self.duration("inbound.poll_interval", r.poll_interval.as_deref(), "60s");
                Some(Inbound::Imap(ImapConfig {
                    host: host?,
                    port,
                    tls,
                    tls_ca_file,
                    username: username?,
                    password: Secret(password?),
                    folder: r.folder.unwrap_or_else(|| "INBOX".into()),
                    handled_folder: r.handled_folder.unwrap_or_else(|| "Handled".into()),
                    quarantine_folder: r.quarantine_folder.unwrap_or_else(|| "Quarantine".into()),
                    idle: r.idle.unwrap_or(true),
                    poll_interval,
                }))
            }
            Some(other) => {
                self.problem(
                    "inbound.kind",
                    format!("unknown kind {other:?}"),
                    "use kind = \"maildir\" or kind = \"imap\"",
                );
                None
            }
            None => {
                self.problem(
                    "inbound.kind",
                    "is missing",
                    "use kind = \"maildir\" or kind = \"imap\"",
                );
                None
            }
        }
    }

    fn outbound(
        &mut self,
        raw: Option<RawOutbound>,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Outbound> {
        let Some(r) = raw else {
            self.problem(
                "outbound",
                "is missing",
                "add [outbound] with kind = \"smtp\" and host, or kind = \"maildir\" and path",
            );
            return None;
        };
        match r.kind.as_deref() {
            Some("maildir") => Some(Outbound::Maildir {
                path: self.path("outbound.path", r.path, base)?,
            }),
            Some("smtp") => {
                let tls = self.tls("outbound.tls", r.tls.as_deref(), Tls::StartTls);
                let tls_ca_file = self.ca_file("outbound", r.tls_ca_file, base, tls);
                let port = r.port.unwrap_or(match tls {
                    Tls::Implicit => 465,
                    Tls::StartTls => 587,
                    Tls::None => 25,
                });
                let host = self.required(
                    r.host,
                    "outbound.host",
                    "give the SMTP relay, e.g. host = \"smtp.example.org\"",
                );
                let password = env(ENV_SMTP_PASSWORD).or(r.password).map(Secret);
                if r.username.is_some() != password.is_some() {
                    self.problem(
                        "outbound.username",
                        "username and password must be given together",
                        format!("set both outbound.username and outbound.password (or {ENV_SMTP_PASSWORD}), or neither"),
                    );
                }
                let max_connections = r.max_connections.unwrap_or(4);
                if max_connections == 0 || max_connections > 256 {
                    self.problem(
                        "outbound.max_connections",
                        format!("{max_connections} is out of range"),
                        "use a number from 1 to 256",
                    );
                }
                let rate = r.rate_per_second.unwrap_or(0.0);
                if !(rate >= 0.0 && rate.is_finite()) {
                    self.problem(
                        "outbound.rate_per_second",
                        format!("{rate} is not a rate"),
                        "use 0 (unlimited) or a positive number such as 10",
                    );
                }
                let mut retry = RetryPolicy::default();
                if let Some(list) = r.retry {
                    if list.is_empty() {
                        self.problem(
                            "outbound.retry",
                            "is an empty list",
                            "list at least one delay, e.g. retry = [\"1m\", \"5m\", \"1h\"]",
                        );
                    }
                    retry.delays = list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| self.duration(&format!("outbound.retry[{i}]"), Some(s), "1m"))
                        .collect();
                }
                if let Some(a) = r.max_age {
                    retry.max_age = self.duration("outbound.max_age", Some(&a), "3d");
                }
                Some(Outbound::Smtp(SmtpConfig {
                    host: host?,
                    port,
                    tls,
                    tls_ca_file,
                    username: r.username,
                    password,
                    max_connections: max_connections.clamp(1, 256),
                    rate_per_second: rate.max(0.0),
                    retry,
                }))
            }
            Some(other) => {
                self.problem(
                    "outbound.kind",
                    format!("unknown kind {other:?}"),
                    "use kind = \"smtp\" or kind = \"maildir\"",
                );
                None
            }
            None => {
                self.problem(
                    "outbound.kind",
                    "is missing",
                    "use kind = \"smtp\" or kind = \"maildir\"",
                );
                None
            }
        }
    }

    fn community(&mut self, i: usize, r: RawCommunity) -> Option<CommunityConfig> {
        let k = |f: &str| format!("community[{i}].{f}");
        let slug = self.required(
            r.slug,
            &k("slug"),
            "give a short name used on the command line, e.g. slug = \"design\"",
        );
        if let Some(s) = &slug {
            if s.is_empty()
                || !s
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.problem(
                    k("slug"),
                    format!("{s:?} is not a slug"),
                    "use lower-case letters, digits and '-', e.g. \"design-circle\"",
                );
            }
        }
        let name = self.required(
            r.name,
            &k("name"),
            "give the group's name, e.g. name = \"Design Circle\"",
        );
        let address = self.required(
            r.address,
            &k("address"),
            "give the list address that receives replies, e.g. address = \"circle@example.org\"",
        );
        let address = address.and_then(|a| match Address::parse(&a) {
            Ok(a) if a.local().contains('+') => {
                self.problem(
                    k("address"),
                    format!("{a} contains '+'"),
                    "use the plain list address; '+' is where reply tokens go",
                );
                None
            }
            Ok(a) => Some(a),
            Err(e) => {
                self.problem(
                    k("address"),
                    e.to_string(),
                    "write a plain address, e.g. circle@example.org",
                );
                None
            }
        });
        let timezone = self.required(
            r.timezone,
            &k("timezone"),
            "give an IANA zone, e.g. timezone = \"Europe/Berlin\"",
        );
        let timezone = timezone.and_then(|t| match t.parse::<chrono_tz::Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.problem(
                    k("timezone"),
                    format!("{t:?} is not an IANA time zone"),
                    "use a name such as \"Europe/Berlin\" or \"America/New_York\"",
                );
                None
            }
        });
        if r.coordinators.is_empty() {
            self.problem(
                k("coordinators"),
                "no coordinator is listed",
                "list at least one address, e.g. coordinators = [\"ana@example.org\"]",
            );
        }
        let mut coordinators = Vec::new();
        for (j, a) in r.coordinators.iter().enumerate() {
            match Address::parse(a) {
                Ok(a) => coordinators.push(a),
                Err(e) => self.problem(
                    format!("{}[{j}]", k("coordinators")),
                    e.to_string(),
                    "write a plain address, e.g. ana@example.org",
                ),
            }
        }
        if let Some(expr) = &r.meeting_cron {
            if let Err(e) = expr.parse::<cron::Schedule>() {
                self.problem(k("meeting_cron"), format!("{expr:?}: {e}"), "write 6 fields, seconds first, e.g. \"0 30 18 1-7 * Tue\" (first Tuesday, 18:30)");
            }
        }
        let coordinator_auth = match r.coordinator_auth.as_deref() {
            None | Some("dmarc-or-confirm") => CoordinatorAuth::DmarcOrConfirm,
            Some("dmarc") => CoordinatorAuth::Dmarc,
            Some("confirm") => CoordinatorAuth::Confirm,
            Some(other) => {
                self.problem(
                    k("coordinator_auth"),
                    format!("unknown value {other:?}"),
                    "use dmarc, confirm or dmarc-or-confirm",
                );
                CoordinatorAuth::DmarcOrConfirm
            }
        };
        let mut timeline = Timeline::default();
        for (key, value) in r.timeline.unwrap_or_default() {
            let tk = format!("community[{i}].timeline.{key}");
            let slot = match key.as_str() {
                "announce" => &mut timeline.announce,
                "call_for_topics" => &mut timeline.call_for_topics,
                "agenda" => &mut timeline.agenda,
                "reminder" => &mut timeline.reminder,
                "takeaway_request" => &mut timeline.takeaway_request,
                "guest_followup" => &mut timeline.guest_followup,
                "guest_reminder" => &mut timeline.guest_reminder,
                "digest_cron" => {
                    if let Err(e) = value.parse::<cron::Schedule>() {
                        self.problem(
                            tk,
                            format!("{value:?}: {e}"),
                            "write 6 fields, seconds first, e.g. \"0 0 9 * * Mon\"",
                        );
                    }
                    timeline.digest_cron = value;
                    continue;
                }
                _ => {
                    self.problem(tk, "is not a timeline key", "use announce, call_for_topics, agenda, reminder, takeaway_request, guest_followup, guest_reminder or digest_cron");
                    continue;
                }
            };
            *slot = self.duration(&tk, Some(&value), "1d");
        }
        Some(CommunityConfig {
            slug: slug?,
            name: name?,
            address: address?,
            timezone: timezone?,
            coordinators,
            meeting_cron: r.meeting_cron,
            coordinator_auth,
            description: r.description.unwrap_or_default(),
            signature: r.signature.unwrap_or_default(),
            timeline,
        })
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
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    const GOOD: &str = r#"
        database_url = "sqlite://rt.db"
        [inbound]
        kind = "maildir"
        path = "in"
        [outbound]
        kind = "smtp"
        host = "127.0.0.1"
        port = 2525
        tls = "none"
        retry = ["1m", "10m"]
        [[community]]
        slug = "design"
        name = "Design Circle"
        address = "circle@example.org"
        timezone = "Europe/Berlin"
        coordinators = ["ana@example.org"]
        [community.timeline]
        announce = "10d"
    "#;

    #[test]
    fn good_config_resolves_paths_and_defaults() {
        let c = parse(GOOD, Path::new("/srv/rt"), &no_env).unwrap();
        assert_eq!(c.database_url, "sqlite:///srv/rt/rt.db?mode=rwc");
        assert!(matches!(&c.inbound, Inbound::Maildir { path } if path == Path::new("/srv/rt/in")));
        let Outbound::Smtp(s) = &c.outbound else {
            panic!("smtp expected")
        };
        assert_eq!(
            s.retry.delays,
            vec![Duration::from_secs(60), Duration::from_secs(600)]
        );
        assert_eq!(s.retry.delay_after(5), Duration::from_secs(600));
        let t = &c.communities[0].timeline;
        assert_eq!(t.announce, Duration::from_secs(10 * 86400));
        assert_eq!(t.call_for_topics, Duration::from_secs(7 * 86400));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = r#"
            [inbound]
            kind = "imap"
            [outbound]
            kind = "carrier-pigeon"
            [[community]]
            slug = "Bad Slug"
            name = "x"
            address = "not-an-address"
            timezone = "Mars/Olympus"
            coordinators = []
            meeting_cron = "every tuesday"
        "#;
        let problems = parse(text, Path::new("/"), &no_env).unwrap_err();
        let keys: Vec<_> = problems.iter().map(|p| p.key.as_str()).collect();
        for k in [
            "inbound.host",
            "inbound.username",
            "inbound.password",
            "outbound.kind",
            "community[0].slug",
            "community[0].address",
            "community[0].timezone",
            "community[0].coordinators",
            "community[0].meeting_cron",
        ] {
            assert!(keys.contains(&k), "missing problem for {k}: {keys:?}");
        }
        assert!(problems.iter().all(|p| !p.fix.is_empty()));
    }

    #[test]
    fn secrets_come_from_the_environment_and_never_print() {
        let text = GOOD.replace(
            "kind = \"maildir\"\n        path = \"in\"",
            "kind = \"imap\"\n        host = \"127.0.0.1\"\n        username = \"u\"",
        );
        let env = |k: &str| match k {
            ENV_IMAP_PASSWORD => Some("hunter2-imap".to_string()),
            ENV_SECRET => Some("0123456789abcdef0123".to_string()),
            _ => None,
        };
        let c = parse(&text, Path::new("/"), &env).unwrap();
        let Inbound::Imap(i) = &c.inbound else {
            panic!("imap expected")
        };
        assert_eq!(i.password.expose(), "hunter2-imap");
        let dbg = format!("{:?} {:?}", i, c.secret);
        assert!(
            !dbg.contains("hunter2") && !dbg.contains("0123456789"),
            "{dbg}"
        );
    }

    #[test]
    fn tls_ca_file_is_read_at_load_and_every_problem_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ca.pem"), crate::tls::TEST_CA_PEM).unwrap();
        std::fs::write(dir.path().join("empty.pem"), "").unwrap();
        let imap = "kind = \"imap\"\n        host = \"127.0.0.1\"\n        username = \"u\"\n        password = \"p\"\n        tls = \"starttls\"\n        tls_ca_file = \"ca.pem\"";
        let text = GOOD
            .replace("kind = \"maildir\"\n        path = \"in\"", imap)
            .replace(
                "tls = \"none\"",
                "tls = \"implicit\"\n        tls_ca_file = \"ca.pem\"",
            );
        let c = parse(&text, dir.path(), &no_env).unwrap();
        let Inbound::Imap(i) = &c.inbound else {
            panic!("imap expected")
        };
        assert_eq!(
            i.tls_ca_file.as_ref().unwrap().path,
            dir.path().join("ca.pem"),
            "relative to the config's directory"
        );
        assert_eq!(i.tls_ca_file.as_ref().unwrap().certificates().len(), 1);
        let Outbound::Smtp(s) = &c.outbound else {
            panic!("smtp expected")
        };
        assert!(s.tls_ca_file.is_some());

        // A missing file, a file without a certificate, and a CA file on a connection without TLS.
        let bad = text
            .replacen(
                "tls_ca_file = \"ca.pem\"",
                "tls_ca_file = \"missing.pem\"",
                1,
            )
            .replace(
                "tls = \"implicit\"\n        tls_ca_file = \"ca.pem\"",
                "tls = \"none\"\n        tls_ca_file = \"empty.pem\"",
            );
        let problems = parse(&bad, dir.path(), &no_env).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 3, "{shown:#?}");
        assert!(
            shown[0].starts_with("inbound.tls_ca_file: cannot read")
                && shown[0].contains("missing.pem"),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with("outbound.tls_ca_file: is set, but outbound.tls = \"none\""),
            "{shown:#?}"
        );
        assert!(
            shown[2].starts_with("outbound.tls_ca_file:")
                && shown[2].contains("holds no PEM certificate"),
            "{shown:#?}"
        );
        assert!(problems.iter().all(|p| !p.fix.is_empty()));
    }

    #[test]
    fn unknown_keys_and_bad_toml_name_the_place() {
        let p = parse("database_url = 3\n", Path::new("/"), &no_env).unwrap_err();
        assert_eq!(p[0].key, "line 1");
        let p = parse("colour = \"blue\"\n", Path::new("/"), &no_env).unwrap_err();
        assert!(p[0].problem.contains("colour"), "{:?}", p);
    }
}
