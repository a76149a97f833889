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

pub mod english;

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

/// The stack's TLS side: a throwaway CA and the servers whose certificates it signed (for
/// localhost, 127.0.0.1 and ::1). See the top of scripts/stack.sh.
#[derive(Clone, Debug)]
pub struct TlsStack {
    /// The CA's certificate (PEM): what `tls_ca_file` names.
    pub ca_file: PathBuf,
    /// Postfix smtpd with implicit TLS.
    pub smtps_port: u16,
    /// Postfix smtpd that requires STARTTLS before MAIL FROM.
    pub smtp_starttls_port: u16,
    /// Dovecot with implicit TLS.
    pub imaps_port: u16,
    /// Dovecot's plain port, which offers STARTTLS.
    pub imap_starttls_port: u16,
}

fn tls_var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: the test stack in use has no TLS listeners (it was brought up by \
             a scripts/stack.sh from before they were added, or its env file was not sourced). \
             Bring it up again with this tree's script: `scripts/stack.sh down DIR && \
             scripts/stack.sh up DIR && source DIR/env`, or run ./scripts/test.sh, which does that."
        )
    })
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
            smtp_trusted_port: var("RT_SMTP_TRUSTED_PORT")
                .parse()
                .expect("RT_SMTP_TRUSTED_PORT is a port"),
            authserv_id: var("RT_AUTHSERV_ID"),
            imap_port: var("RT_IMAP_PORT").parse().expect("RT_IMAP_PORT is a port"),
            imap_password: var("RT_IMAP_PASSWORD"),
            maildir_base: PathBuf::from(var("RT_MAILDIR_BASE")),
            pg_url: var("RT_PG_URL"),
        }
    }

    /// The TLS listeners and their CA; panics with the fix when the stack has none.
    pub fn tls(&self) -> TlsStack {
        let port = |name: &str| {
            tls_var(name)
                .parse::<u16>()
                .unwrap_or_else(|_| panic!("{name} is not a port"))
        };
        let ca_file = PathBuf::from(tls_var("RT_TLS_CA_FILE"));
        assert!(
            ca_file.is_file(),
            "RT_TLS_CA_FILE={} does not exist: is the stack of this env file still up?",
            ca_file.display()
        );
        TlsStack {
            ca_file,
            smtps_port: port("RT_SMTPS_PORT"),
            smtp_starttls_port: port("RT_SMTP_STARTTLS_PORT"),
            imaps_port: port("RT_IMAPS_PORT"),
            imap_starttls_port: self.imap_port,
        }
    }

    /// A fresh address on the test domain, e.g. `ana-1a2b3c4d@rt.test`.
    pub fn address(&self, who: &str) -> String {
        format!(
            "{who}-{}@{}",
            &uuid::Uuid::new_v4().simple().to_string()[..10],
            self.domain
        )
    }

    /// Logs in to Dovecot as `user` (the static passdb takes any user with the password).
    pub async fn imap(&self, user: &str) -> async_imap::Session<tokio::net::TcpStream> {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.imap_port))
            .await
            .expect("connecting to Dovecot");
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.expect("IMAP greeting");
        client
            .login(user, &self.imap_password)
            .await
            .map_err(|(e, _)| e)
            .expect("IMAP login")
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
            let fetches: Vec<_> = s
                .fetch("1:*", "(UID BODY.PEEK[])")
                .await
                .expect("IMAP fetch")
                .try_collect()
                .await
                .expect("IMAP fetch");
            let mut v: Vec<(u32, Vec<u8>)> = fetches
                .iter()
                .filter_map(|f| Some((f.uid?, f.body()?.to_vec())))
                .collect();
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
                let shown: Vec<String> = m
                    .iter()
                    .map(|b| String::from_utf8_lossy(&b[..b.len().min(600)]).to_string())
                    .collect();
                panic!(
                    "{user} has {} message(s) after {within:?}, expected {n}:\n{}",
                    m.len(),
                    shown.join("\n-----\n")
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits (bounded) until `user` has at least `n` messages of `kind` (X-Roundtable-Kind).
    pub async fn wait_for_kind(
        &self,
        user: &str,
        kind: &str,
        n: usize,
        within: Duration,
    ) -> Vec<Vec<u8>> {
        let start = Instant::now();
        loop {
            let all = self.messages(user, "INBOX").await;
            let m = of_kind(&all, kind);
            if m.len() >= n {
                return m;
            }
            if start.elapsed() > within {
                let kinds: Vec<String> = all
                    .iter()
                    .map(|b| {
                        format!(
                            "{:?}: {}",
                            header(b, "X-Roundtable-Kind"),
                            text(b).lines().take(4).collect::<Vec<_>>().join(" | ")
                        )
                    })
                    .collect();
                panic!(
                    "{user} has {} {kind} message(s) after {within:?}, expected {n}; all:\n{}",
                    m.len(),
                    kinds.join("\n")
                );
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
        let t =
            lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous("127.0.0.1")
                .port(port)
                .build();
        let env =
            lettre::address::Envelope::new(Some(from.parse().unwrap()), vec![to.parse().unwrap()])
                .unwrap();
        t.send_raw(&env, raw)
            .await
            .expect("Postfix accepts the member's mail");
    }

    /// A new, empty database of the given backend; returns its URL.
    pub async fn database(&self, backend: Backend, dir: &std::path::Path) -> String {
        match backend {
            Backend::Sqlite => format!("sqlite://{}/rt.db", dir.display()),
            Backend::Postgres => {
                use sqlx::Connection;
                let name = format!("rt_{}", uuid::Uuid::new_v4().simple());
                let mut c = sqlx::PgConnection::connect(&self.pg_url)
                    .await
                    .expect("connecting to the test PostgreSQL (RT_PG_URL)");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut c)
                    .await
                    .expect("creating a test database");
                let base = self
                    .pg_url
                    .rsplit_once('/')
                    .expect("RT_PG_URL ends in /DBNAME")
                    .0;
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
    pub async fn with_auth(
        backend: Backend,
        outbound: Option<String>,
        coordinator_auth: &str,
    ) -> World {
        Self::build(backend, None, outbound, coordinator_auth).await
    }

    /// `inbound` is the `[inbound]` table body, given this world's list address (its IMAP
    /// login); by default plain IMAP to Dovecot.
    pub async fn with_inbound(
        backend: Backend,
        inbound: impl Fn(&str) -> String,
        outbound: Option<String>,
    ) -> World {
        Self::build(backend, Some(&inbound), outbound, "dmarc-or-confirm").await
    }

    async fn build(
        backend: Backend,
        inbound: Option<&dyn Fn(&str) -> String>,
        outbound: Option<String>,
        coordinator_auth: &str,
    ) -> World {
        let stack = Stack::from_env();
        let dir = tempfile::tempdir().unwrap();
        let list = stack.address("circle");
        let coordinator = stack.address("coord");
        let db = stack.database(backend, dir.path()).await;
        let outbound = outbound.unwrap_or_else(|| {
            format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\", \"5m\"]", stack.smtp_port)
        });
        let inbound = match inbound {
            Some(f) => f(&list),
            None => format!(
                "kind = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nusername = \"{list}\"\npassword = \"{}\"\nidle = true\npoll_interval = \"30s\"",
                stack.imap_port, stack.imap_password
            ),
        };
        let config = format!(
            r#"database_url = "{db}"
secret = "test-secret-0123456789abcdef"
authserv_id = "{authserv}"
[inbound]
{inbound}
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
        );
        let config_path = dir.path().join("roundtable.toml");
        std::fs::write(&config_path, config).unwrap();
        World {
            stack,
            dir,
            list,
            coordinator,
            config_path,
        }
    }

    /// Edits the config file in place: `from` (which must occur in it) becomes `to`.
    pub fn rewrite_config(&self, from: &str, to: &str) {
        let text = std::fs::read_to_string(&self.config_path).unwrap();
        assert!(
            text.contains(from),
            "{from:?} is not in the config:\n{text}"
        );
        std::fs::write(&self.config_path, text.replacen(from, to, 1)).unwrap();
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
    (chrono::Utc::now().with_timezone(&tz) + chrono::Duration::days(days))
        .format("%Y-%m-%d 18:30")
        .to_string()
}

/// A header's value (first occurrence, unfolded) from raw message bytes.
pub fn header(raw: &[u8], name: &str) -> Option<String> {
    let m = mail_parser::MessageParser::default().parse(raw)?;
    m.header_raw(name)
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The personal address of a mail's `List-Unsubscribe: <mailto:…>`, as a mail client's
/// "unsubscribe" button writes to it.
pub fn unsubscribe_address(raw: &[u8]) -> String {
    header(raw, "List-Unsubscribe")
        .expect("a List-Unsubscribe header")
        .trim_start_matches("<mailto:")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

/// The address in the Reply-To header.
pub fn reply_to(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parsable mail");
    m.reply_to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .expect("a Reply-To")
        .to_string()
}

pub fn message_id(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parsable mail");
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
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parsable mail");
    m.body_text(0).map(|t| t.to_string()).unwrap_or_default()
}

/// The messages of `kind` among `msgs`.
pub fn of_kind(msgs: &[Vec<u8>], kind: &str) -> Vec<Vec<u8>> {
    msgs.iter()
        .filter(|m| header(m, "X-Roundtable-Kind").as_deref() == Some(kind))
        .cloned()
        .collect()
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
        let child = Command::new(bin)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting smtp-sink");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "smtp-sink did not listen on {port}"
            );
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
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "port {} still open after stopping smtp-sink",
                self.port
            );
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
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A directory the sink (running as user postfix when the tests run as root) can write its
/// dumps into.
pub fn dump_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(
        d.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o777),
    )
    .unwrap();
    d
}

// ---- a scripted SMTP server ------------------------------------------------------------------

/// What a [`ScriptedSmtp`] saw, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SmtpEvent {
    /// A MAIL FROM; `pipelined`: RCPT TO and DATA had arrived with it, before its answer.
    /// `early`: more commands had arrived before its answer although PIPELINING was not
    /// offered (a client that pipelines without being allowed to).
    Mail { pipelined: bool, early: bool },
    /// A recipient refused with this reply.
    Refused { rcpt: String, reply: String },
    /// A message accepted for these recipients.
    Delivered { rcpts: Vec<String>, body: String },
    /// A line that is no command in that state (e.g. a body sent after a refused DATA).
    Unexpected(String),
}

/// Decides the answer to RCPT TO: given the address and how often it was seen (1 = first
/// time, over all connections); `None` accepts it.
pub type RcptRule = Box<dyn Fn(&str, usize) -> Option<String> + Send + Sync>;

/// A small SMTP server on a loopback port, thread per connection, that answers RCPT TO as a
/// rule says and records what it saw. Unlike smtp-sink, which stops announcing PIPELINING as
/// soon as it refuses anything (`-r` and `-f` imply `-p`), it refuses recipients while
/// announcing PIPELINING, and it tells whether the client really pipelined.
pub struct ScriptedSmtp {
    pub port: u16,
    events: std::sync::Arc<std::sync::Mutex<Vec<SmtpEvent>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

struct LineConn {
    sock: std::net::TcpStream,
    buf: Vec<u8>,
}

impl LineConn {
    /// The next line without its CRLF; `None` at end of stream.
    fn line(&mut self) -> Option<String> {
        use std::io::Read;
        loop {
            if let Some(i) = self.buf.windows(2).position(|w| w == b"\r\n") {
                let line: Vec<u8> = self.buf.drain(..i + 2).take(i).collect();
                return Some(String::from_utf8_lossy(&line).into_owned());
            }
            let mut chunk = [0u8; 8192];
            match self.sock.read(&mut chunk) {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Whether `pat` arrives (or is here) within `within`, without consuming anything.
    fn has_within(&mut self, pat: &[u8], within: Duration) -> bool {
        use std::io::Read;
        let deadline = Instant::now() + within;
        while !self.buf.windows(pat.len()).any(|w| w == pat) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            self.sock.set_read_timeout(Some(left)).ok();
            let mut chunk = [0u8; 8192];
            let r = self.sock.read(&mut chunk);
            self.sock.set_read_timeout(None).ok();
            match r {
                Ok(n) if n > 0 => self.buf.extend_from_slice(&chunk[..n]),
                _ => return false,
            }
        }
        true
    }

    fn reply(&mut self, text: &str) -> bool {
        use std::io::Write;
        self.sock
            .write_all(format!("{text}\r\n").as_bytes())
            .is_ok()
    }
}

impl ScriptedSmtp {
    /// Starts it on a free port; `pipelining` says whether EHLO announces PIPELINING.
    pub fn start(pipelining: bool, rule: RcptRule) -> ScriptedSmtp {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let events = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let seen: Arc<Mutex<std::collections::HashMap<String, usize>>> = Arc::default();
        let rule = Arc::new(rule);
        let (ev, st) = (events.clone(), stop.clone());
        std::thread::spawn(move || {
            for sock in listener.incoming() {
                if st.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(sock) = sock else { continue };
                let (ev, seen, rule) = (ev.clone(), seen.clone(), rule.clone());
                std::thread::spawn(move || {
                    serve(
                        LineConn {
                            sock,
                            buf: Vec::new(),
                        },
                        pipelining,
                        &ev,
                        &seen,
                        &rule,
                    )
                });
            }
        });
        ScriptedSmtp { port, events, stop }
    }

    pub fn events(&self) -> Vec<SmtpEvent> {
        self.events.lock().unwrap().clone()
    }

    /// Every message delivered to `rcpt`.
    pub fn delivered_to(&self, rcpt: &str) -> Vec<String> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                SmtpEvent::Delivered { rcpts, body } if rcpts.iter().any(|r| r == rcpt) => {
                    Some(body)
                }
                _ => None,
            })
            .collect()
    }
}

impl Drop for ScriptedSmtp {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port)); // wakes the accept loop
    }
}

fn serve(
    mut c: LineConn,
    pipelining: bool,
    events: &std::sync::Mutex<Vec<SmtpEvent>>,
    seen: &std::sync::Mutex<std::collections::HashMap<String, usize>>,
    rule: &RcptRule,
) {
    let log = |e: SmtpEvent| events.lock().unwrap().push(e);
    c.sock.set_nodelay(true).ok();
    if !c.reply("220 scripted ESMTP") {
        return;
    }
    let mut rcpts: Vec<String> = Vec::new();
    let mut in_transaction = false;
    while let Some(line) = c.line() {
        let upper = line.to_ascii_uppercase();
        let ok = if upper.starts_with("EHLO ") {
            let pipe = if pipelining { "250-PIPELINING\r\n" } else { "" };
            c.reply(&format!(
                "250-scripted\r\n{pipe}250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8"
            ))
        } else if upper.starts_with("HELO ") || upper == "NOOP" {
            c.reply("250 2.0.0 Ok")
        } else if upper.starts_with("MAIL FROM:") {
            // A pipelining client sent RCPT TO and DATA in the same write: they are here, or
            // arrive without waiting for this answer. A lock-step client sent nothing more yet.
            let (pipelined, early) = if pipelining {
                (c.has_within(b"DATA\r\n", Duration::from_secs(1)), false)
            } else {
                (false, !c.buf.is_empty())
            };
            log(SmtpEvent::Mail { pipelined, early });
            rcpts.clear();
            in_transaction = true;
            c.reply("250 2.1.0 Ok")
        } else if upper.starts_with("RCPT TO:") && in_transaction {
            let rcpt = line[8..]
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string();
            let n = {
                let mut seen = seen.lock().unwrap();
                let n = seen.entry(rcpt.clone()).or_insert(0);
                *n += 1;
                *n
            };
            match rule(&rcpt, n) {
                Some(reply) => {
                    log(SmtpEvent::Refused {
                        rcpt,
                        reply: reply.clone(),
                    });
                    c.reply(&reply)
                }
                None => {
                    rcpts.push(rcpt);
                    c.reply("250 2.1.5 Ok")
                }
            }
        } else if upper == "DATA" && in_transaction {
            if rcpts.is_empty() {
                in_transaction = false;
                c.reply("554 5.5.1 Error: no valid recipients")
            } else if c.reply("354 End data with <CR><LF>.<CR><LF>") {
                let mut body = String::new();
                let mut complete = false;
                while let Some(l) = c.line() {
                    if l == "." {
                        complete = true;
                        break;
                    }
                    body.push_str(l.strip_prefix('.').unwrap_or(&l));
                    body.push('\n');
                }
                if !complete {
                    return;
                }
                log(SmtpEvent::Delivered {
                    rcpts: std::mem::take(&mut rcpts),
                    body,
                });
                in_transaction = false;
                c.reply("250 2.0.0 Ok: queued")
            } else {
                false
            }
        } else if upper == "RSET" {
            rcpts.clear();
            in_transaction = false;
            c.reply("250 2.0.0 Ok")
        } else if upper == "QUIT" {
            c.reply("221 2.0.0 Bye");
            return;
        } else {
            log(SmtpEvent::Unexpected(line));
            c.reply("502 5.5.2 Error: command not recognized")
        };
        if !ok {
            return;
        }
    }
}

/// The EHLO keywords a server on a loopback port announces (upper case).
pub fn ehlo_keywords(port: u16) -> Vec<String> {
    let sock = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connecting for EHLO");
    sock.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut c = LineConn {
        sock,
        buf: Vec::new(),
    };
    let greeting = c.line().expect("a greeting");
    assert!(greeting.starts_with("220"), "{greeting}");
    assert!(c.reply("EHLO client.example"));
    let mut keywords = Vec::new();
    while let Some(l) = c.line() {
        let last = l.as_bytes().get(3) != Some(&b'-');
        if let Some(k) = l.get(4..).and_then(|t| t.split_whitespace().next()) {
            keywords.push(k.to_ascii_uppercase());
        }
        if last {
            break;
        }
    }
    c.reply("QUIT");
    keywords.into_iter().skip(1).collect() // the first line is the server's name
}

/// Adds `address` to the test community `design` as `name` with `role`.
pub async fn add_person(app: &App, address: &str, name: &str, role: roundtable::domain::Role) {
    let c = app.world.community("design").unwrap();
    let mut tx = app.store().begin().await.unwrap();
    app.store()
        .upsert_person(
            &mut tx,
            c.id,
            &roundtable::domain::Address::parse(address).unwrap(),
            Some(name),
            role,
            app.clock.now(),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Adds `address` to the test community `design` as a member called `name`.
pub async fn add_member(app: &App, address: &str, name: &str) {
    add_person(app, address, name, roundtable::domain::Role::Member).await
}
