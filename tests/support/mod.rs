//! Shared test world: the real mail stack and databases started by `scripts/test.sh`
//! (Postfix on loopback delivering into Maildirs, Dovecot serving them over IMAP, a
//! PostgreSQL cluster), fresh addresses and a fresh database per test, and helpers that talk
//! to the servers as members' mail clients would (SMTP in, IMAP out).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use roundtable::app::App;
use roundtable::clock::Clock;

/// `both_backends!(name)` after `async fn name(backend: Backend)`: two tests, `name::sqlite`
/// and `name::postgres`, each on a multi-threaded runtime of two worker threads.
macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::support::Backend::Postgres).await
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use both_backends;

/// The stack's coordinates, from the variables `scripts/stack.sh up` writes.
#[derive(Clone, Debug)]
pub struct Stack {
    pub domain: String,
    pub smtp_port: u16,
    /// Mail through this port is DMARC-verified for the test domain by our "receiving server".
    pub smtp_trusted_port: u16,
    pub authserv_id: String,
    pub imap_port: u16,
    pub imap_password: String,
    pub maildir_base: PathBuf,
    pub pg_url: String,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: these tests need the real mail stack and PostgreSQL. \
             Run them with ./scripts/test.sh (as root it installs and starts Postfix, Dovecot and \
             PostgreSQL on loopback), or start a stack with `scripts/stack.sh up /tmp/rt-stack` \
             and `source /tmp/rt-stack/env` first."
        )
    })
}

impl Stack {
    pub fn from_env() -> Stack {
        Stack {
            domain: var("RT_MAIL_DOMAIN"),
            smtp_port: var("RT_SMTP_PORT").parse().expect("RT_SMTP_PORT is a port"),
            smtp_trusted_port: var("RT_SMTP_TRUSTED_PORT").parse().expect("RT_SMTP_TRUSTED_PORT is a port"),
            authserv_id: var("RT_AUTHSERV_ID"),
            imap_port: var("RT_IMAP_PORT").parse().expect("RT_IMAP_PORT is a port"),
            imap_password: var("RT_IMAP_PASSWORD"),
            maildir_base: PathBuf::from(var("RT_MAILDIR_BASE")),
            pg_url: var("RT_PG_URL"),
        }
    }

    /// A fresh address on the test domain, e.g. `ana-1a2b3c4d@rt.test`.
    pub fn address(&self, who: &str) -> String {
        format!("{who}-{}@{}", &uuid::Uuid::new_v4().simple().to_string()[..10], self.domain)
    }

    /// Logs in to Dovecot as `user` (the static passdb takes any user with the password).
    pub async fn imap(&self, user: &str) -> async_imap::Session<tokio::net::TcpStream> {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.imap_port)).await.expect("connecting to Dovecot");
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.expect("IMAP greeting");
        client.login(user, &self.imap_password).await.map_err(|(e, _)| e).expect("IMAP login")
    }

    /// Every message in `user`'s `folder`, oldest first.
    pub async fn messages(&self, user: &str, folder: &str) -> Vec<Vec<u8>> {
        let mut s = self.imap(user).await;
        let mbox = match s.select(folder).await {
            Ok(m) => m,
            Err(_) => return Vec::new(),
        };
        let out = if mbox.exists == 0 {
            Vec::new()
        } else {
            let fetches: Vec<_> = s.fetch("1:*", "(UID BODY.PEEK[])").await.expect("IMAP fetch").try_collect().await.expect("IMAP fetch");
            let mut v: Vec<(u32, Vec<u8>)> = fetches.iter().filter_map(|f| Some((f.uid?, f.body()?.to_vec()))).collect();
            v.sort_by_key(|(u, _)| *u);
            v.into_iter().map(|(_, b)| b).collect()
        };
        let _ = s.logout().await;
        out
    }

    /// Waits (bounded) until `user`'s INBOX holds at least `n` messages; panics with what it
    /// has if they don't come.
    pub async fn wait_for_messages(&self, user: &str, n: usize, within: Duration) -> Vec<Vec<u8>> {
        let start = Instant::now();
        loop {
            let m = self.messages(user, "INBOX").await;
            if m.len() >= n {
                return m;
            }
            if start.elapsed() > within {
                let shown: Vec<String> = m.iter().map(|b| String::from_utf8_lossy(&b[..b.len().min(600)]).to_string()).collect();
                panic!("{user} has {} message(s) after {within:?}, expected {n}:\n{}", m.len(), shown.join("\n-----\n"));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits (bounded) until `user` has at least `n` messages of `kind` (X-Roundtable-Kind).
    pub async fn wait_for_kind(&self, user: &str, kind: &str, n: usize, within: Duration) -> Vec<Vec<u8>> {
        let start = Instant::now();
        loop {
            let all = self.messages(user, "INBOX").await;
            let m = of_kind(&all, kind);
            if m.len() >= n {
                return m;
            }
            if start.elapsed() > within {
                let kinds: Vec<String> = all.iter().map(|b| format!("{:?}: {}", header(b, "X-Roundtable-Kind"), text(b).lines().take(4).collect::<Vec<_>>().join(" | "))).collect();
                panic!("{user} has {} {kind} message(s) after {within:?}, expected {n}; all:\n{}", m.len(), kinds.join("\n"));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Sends raw bytes through Postfix, as a member's mail client would (no DMARC verdict).
    pub async fn send(&self, from: &str, to: &str, raw: &[u8]) {
        self.send_via(self.smtp_port, from, to, raw).await
    }

    /// Sends through the port where our receiving server vouches dmarc=pass for the domain.
    pub async fn send_trusted(&self, from: &str, to: &str, raw: &[u8]) {
        self.send_via(self.smtp_trusted_port, from, to, raw).await
    }

    async fn send_via(&self, port: u16, from: &str, to: &str, raw: &[u8]) {
        use lettre::AsyncTransport;
        let t = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous("127.0.0.1")
            .port(port)
            .build();
        let env = lettre::address::Envelope::new(Some(from.parse().unwrap()), vec![to.parse().unwrap()]).unwrap();
        t.send_raw(&env, raw).await.expect("Postfix accepts the member's mail");
    }

    /// A new, empty database of the given backend; returns its URL.
    pub async fn database(&self, backend: Backend, dir: &std::path::Path) -> String {
        match backend {
            Backend::Sqlite => format!("sqlite://{}/rt.db", dir.display()),
            Backend::Postgres => {
                use sqlx::Connection;
                let name = format!("rt_{}", uuid::Uuid::new_v4().simple());
                let mut c = sqlx::PgConnection::connect(&self.pg_url).await.expect("connecting to the test PostgreSQL (RT_PG_URL)");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut c).await.expect("creating a test database");
                let base = self.pg_url.rsplit_once('/').expect("RT_PG_URL ends in /DBNAME").0;
                format!("{base}/{name}")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One community on the real stack: its list mailbox on Dovecot, its database, its config.
pub struct World {
    pub stack: Stack,
    pub dir: tempfile::TempDir,
    pub list: String,
    pub coordinator: String,
    pub config_path: PathBuf,
}

impl World {
    /// `outbound` is the `[outbound]` table body; by default SMTP to Postfix.
    pub async fn new(backend: Backend, outbound: Option<String>) -> World {
        Self::with_auth(backend, outbound, "dmarc-or-confirm").await
    }

    /// A world whose community uses this `coordinator_auth`.
    pub async fn with_auth(backend: Backend, outbound: Option<String>, coordinator_auth: &str) -> World {
        let stack = Stack::from_env();
        let dir = tempfile::tempdir().unwrap();
        let list = stack.address("circle");
        let coordinator = stack.address("coord");
        let db = stack.database(backend, dir.path()).await;
        let outbound = outbound.unwrap_or_else(|| {
            format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\", \"5m\"]", stack.smtp_port)
        });
        let config = format!(
            r#"database_url = "{db}"
secret = "test-secret-0123456789abcdef"
authserv_id = "{authserv}"
[inbound]
kind = "imap"
host = "127.0.0.1"
port = {imap}
tls = "none"
username = "{list}"
password = "{pw}"
idle = true
poll_interval = "30s"
[outbound]
{outbound}
[[community]]
slug = "design"
name = "Design Circle"
address = "{list}"
timezone = "Europe/Berlin"
coordinators = ["{coordinator}"]
coordinator_auth = "{coordinator_auth}"
description = "Practising designers trading what books can't teach."
"#,
            authserv = stack.authserv_id,
            imap = stack.imap_port,
            pw = stack.imap_password,
        );
        let config_path = dir.path().join("roundtable.toml");
        std::fs::write(&config_path, config).unwrap();
        World { stack, dir, list, coordinator, config_path }
    }

    pub async fn app(&self) -> App {
        self.app_at(Clock::system()).await
    }

    pub async fn app_at(&self, clock: Clock) -> App {
        let config = roundtable::config::load(&self.config_path).expect("test config is valid");
        App::build(config, clock).await.expect("app builds")
    }

    /// Runs the binary with this world's config.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"));
        c.arg("--config").arg(&self.config_path).args(args);
        c
    }
}

/// "YYYY-MM-DD 18:30" `days` from today in Europe/Berlin (the test community's zone): a
/// meeting that close is announced at once (its announcement offset, 14 days, has passed).
pub fn in_days(days: i64) -> String {
    let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    (chrono::Utc::now().with_timezone(&tz) + chrono::Duration::days(days)).format("%Y-%m-%d 18:30").to_string()
}

/// A header's value (first occurrence, unfolded) from raw message bytes.
pub fn header(raw: &[u8], name: &str) -> Option<String> {
    let m = mail_parser::MessageParser::default().parse(raw)?;
    m.header_raw(name).map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The address in the Reply-To header.
pub fn reply_to(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(raw).expect("parsable mail");
    m.reply_to().and_then(|a| a.first()).and_then(|a| a.address()).expect("a Reply-To").to_string()
}

pub fn message_id(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(raw).expect("parsable mail");
    m.message_id().expect("a Message-ID").to_string()
}

/// A new mail (not a reply) with this subject and body.
pub fn mail(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    mail_with(from, to, subject, body, "")
}

/// A new mail with extra header lines (each ending in CRLF) placed before the others.
pub fn mail_with(from: &str, to: &str, subject: &str, body: &str, extra_headers: &str) -> Vec<u8> {
    format!(
        "{extra_headers}From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

/// The plain-text body of a message.
pub fn text(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(raw).expect("parsable mail");
    m.body_text(0).map(|t| t.to_string()).unwrap_or_default()
}

/// The messages of `kind` among `msgs`.
pub fn of_kind(msgs: &[Vec<u8>], kind: &str) -> Vec<Vec<u8>> {
    msgs.iter().filter(|m| header(m, "X-Roundtable-Kind").as_deref() == Some(kind)).cloned().collect()
}

/// A plain-text reply as a simple mail client writes it.
pub fn reply(from: &str, to: &str, in_reply_to: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Re: Design Circle\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{}@client.example>\r\nIn-Reply-To: <{in_reply_to}>\r\nReferences: <{in_reply_to}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\r\nOn Sun, 29 Nov 2026, Design Circle wrote:\r\n> Will you come? Reply YES, NO or MAYBE\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

// ---- smtp-sink ---------------------------------------------------------------------------------

extern "C" {
    fn geteuid() -> u32;
}

/// Postfix's `smtp-sink` on a loopback port, dumping every transaction it accepts to a file of
/// its own in a dump directory (`-d`; see [`dump_dir`]), so that what arrived can be counted per
/// recipient.
pub struct Sink {
    child: Child,
    port: u16,
}

impl Sink {
    /// Starts smtp-sink on `port` dumping accepted mail into `dump`; `extra` are its options,
    /// e.g. `["-r", "RCPT"]` to refuse recipients with 4xx or `["-f", "RCPT"]` with 5xx.
    pub fn start(port: u16, dump: &Path, extra: &[&str]) -> Sink {
        let bin = ["/usr/sbin/smtp-sink", "/usr/lib/postfix/sbin/smtp-sink"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("smtp-sink is missing: it ships with Debian's postfix package; run ./scripts/test.sh as root to install it");
        // Each file is named by the time and a random number (the sink opens it exclusively and
        // draws again on a clash), so a dump sorts by time.
        let mut args: Vec<String> = vec!["-d".into(), format!("{}/%H%M%S.", dump.display())];
        if unsafe { geteuid() } == 0 {
            args.extend(["-u".into(), "postfix".into()]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("127.0.0.1:{port}"));
        args.push("64".into());
        let child = Command::new(bin).args(&args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("starting smtp-sink");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(10), "smtp-sink did not listen on {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Sink { child, port }
    }

    /// Stops it hard (connections in progress are cut) and waits until the port is closed, so
    /// that the next sink can take it.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(start.elapsed() < Duration::from_secs(10), "port {} still open after stopping smtp-sink", self.port);
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Sink {
    /// A test that failed half-way leaves no sink behind.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port free at the moment of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A directory the sink (running as user postfix when the tests run as root) can write its
/// dumps into.
pub fn dump_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    d
}
