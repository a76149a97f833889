//! The real binary as a child process (so that `kill -9` is real), a group of our own for it
//! (config, database, Maildir inbox), and an SMTP server on loopback that can be slow on
//! purpose and tells when each message arrived. Used by tests/takeover.rs; included there
//! with `#[path]` next to `mod support`.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};

use crate::support::{self, Backend};

extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}
const SIGTERM: i32 = 15;

/// Upper bound of every wait here; reaching it fails the test.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// One run of the real binary, its standard error going to a file.
pub struct Daemon {
    child: Child,
    pub stderr: PathBuf,
    pub stdout: PathBuf,
}

impl Daemon {
    /// Starts `roundtable --config CONFIG ARGS…` with `env` set (e.g. `ROUNDTABLE_FAULT`, the
    /// point where the process aborts itself: see src/fault.rs), its output going to
    /// `dir/LABEL.out` and `dir/LABEL.err`.
    pub fn start(
        config: &Path,
        args: &[&str],
        dir: &Path,
        label: &str,
        env: &[(&str, &str)],
    ) -> Daemon {
        let stdout = dir.join(format!("{label}.out"));
        let stderr = dir.join(format!("{label}.err"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_roundtable"));
        command.env_remove("ROUNDTABLE_FAULT");
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command
            .arg("--config")
            .arg(config)
            .args(args)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout).unwrap())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .spawn()
            .expect("starting the roundtable binary");
        Daemon {
            child,
            stderr,
            stdout,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// `kill -9`; it must still have been running.
    pub fn kill9(&mut self) {
        let before = self.child.try_wait().unwrap();
        assert!(
            before.is_none(),
            "the daemon had already exited ({before:?}) before the kill: {}",
            self.log()
        );
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status:?}");
    }

    /// SIGTERM, then waits (bounded) for it to stop; returns its status.
    pub fn terminate(&mut self) -> ExitStatus {
        unsafe { kill(self.child.id() as i32, SIGTERM) };
        self.wait("stop after SIGTERM")
    }

    /// Waits (bounded) for a `run --once` to end: its status and standard output.
    pub fn finish(mut self) -> (ExitStatus, String) {
        let status = self.wait("finish");
        let out = std::fs::read_to_string(&self.stdout).unwrap_or_default();
        (status, out)
    }

    fn wait(&mut self, what: &str) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!(
            "the daemon did not {what} within {PATIENCE:?}: {}",
            self.log()
        )
    }

    /// Its whole log.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Daemon {
    /// A test that failed half-way leaves no daemon behind.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Polls `f` every 20 ms until it returns `Some`, at most `within`; panics with `what`.
pub async fn until<T, F, Fut>(within: Duration, what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(start.elapsed() < within, "waited {within:?} for: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// ---- a group of our own ------------------------------------------------------------------------

/// One community, its database, Maildir inbox and config in a temporary directory; several
/// daemons started with this config share all of it.
pub struct Group {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub db_url: String,
    pub list: String,
    pub coordinator: String,
    pub inbox: PathBuf,
    pub stack: support::Stack,
}

impl Group {
    /// `outbound`: the body of the `[outbound]` table. `dir`: where the files go (a fresh
    /// temporary directory when `None`).
    pub async fn new(backend: Backend, outbound: &str, dir: Option<tempfile::TempDir>) -> Group {
        let stack = support::Stack::from_env();
        let dir = dir.unwrap_or_else(|| tempfile::tempdir().unwrap());
        let db_url = stack.database(backend, dir.path()).await;
        let list = stack.address("circle");
        let coordinator = stack.address("coord");
        let inbox = dir.path().join("inbox");
        let config = format!(
            r#"database_url = "{db_url}"
secret = "takeover-test-secret-0123456789abcdef"
authserv_id = "{authserv}"
[inbound]
kind = "maildir"
path = "{inbox}"
[outbound]
{outbound}
[[community]]
slug = "design"
name = "Design Circle"
address = "{list}"
timezone = "Europe/Berlin"
coordinators = ["{coordinator}"]
description = "Practising designers trading what books can't teach."
"#,
            authserv = stack.authserv_id,
            inbox = inbox.display(),
        );
        let path = dir.path().join("roundtable.toml");
        std::fs::write(&path, config).unwrap();
        roundtable::maildir::ensure(&inbox).unwrap();
        Group {
            dir,
            config: path,
            db_url,
            list,
            coordinator,
            inbox,
            stack,
        }
    }

    pub async fn app(&self, now: i64) -> roundtable::app::App {
        let config = roundtable::config::load(&self.config).expect("test config is valid");
        roundtable::app::App::build(config, Clock::fixed(now))
            .await
            .expect("app builds")
    }

    /// `n` members, added in one transaction; returns their addresses.
    pub async fn members(&self, n: usize, now: i64) -> Vec<String> {
        let app = self.app(now).await;
        let c = app.world.community("design").unwrap().clone();
        let mut tx = app.store().begin().await.unwrap();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let a = format!("m{i:03}-{}", self.stack.address("x"));
            app.store()
                .upsert_person(
                    &mut tx,
                    c.id,
                    &Address::parse(&a).unwrap(),
                    None,
                    Role::Member,
                    now,
                )
                .await
                .unwrap();
            out.push(a);
        }
        tx.commit().await.unwrap();
        app.store().close().await;
        out
    }

    /// Schedules a meeting 10 days after `now`, announced at once to everyone; returns its
    /// id, its thread's Message-ID and how many announcements were queued.
    pub async fn meeting(&self, now: i64) -> (i64, String, usize) {
        let app = self.app(now).await;
        let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let when = (chrono::DateTime::from_timestamp(now, 0)
            .unwrap()
            .with_timezone(&tz)
            + chrono::Duration::days(10))
        .format("%Y-%m-%d 18:30")
        .to_string();
        let (id, queued) = app
            .world
            .schedule_meeting("design", &when, None, now)
            .await
            .unwrap();
        let c = app.world.community("design").unwrap().id;
        let thread = app
            .store()
            .meetings(c)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.id == id)
            .unwrap()
            .thread_id;
        app.store().close().await;
        (id, thread, queued)
    }

    /// Starts a daemon (`run`) on this group.
    pub fn daemon(&self, label: &str) -> Daemon {
        Daemon::start(&self.config, &["run"], self.dir.path(), label, &[])
    }

    /// Drops a message into the inbound Maildir as an MTA would.
    pub fn drop_in(&self, raw: &[u8]) {
        roundtable::maildir::deliver(&self.inbox, raw).unwrap();
    }

    /// A member's reply as our receiving server hands it on: with a DMARC pass on top (who
    /// sent it is tests/trust.rs's part; here it is about who handles it).
    pub fn reply(&self, from: &str, thread: &str, body: &str) -> Vec<u8> {
        let domain = from.rsplit_once('@').map(|(_, d)| d).unwrap_or(from);
        let mut raw = format!(
            "Authentication-Results: {}; dmarc=pass header.from={domain}\r\n",
            self.stack.authserv_id
        )
        .into_bytes();
        raw.extend(support::reply(from, &self.list, thread, body));
        raw
    }

    pub async fn db(&self) -> Db {
        Db::connect(&self.db_url).await
    }
}

/// Questions to the database the daemons write, from outside them.
pub struct Db {
    pub pool: sqlx::AnyPool,
}

impl Db {
    pub async fn connect(url: &str) -> Db {
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(2)
            .connect(url)
            .await
            .expect("connecting to the test database");
        Db { pool }
    }

    /// The one integer `sql` selects; a busy SQLite writer may hold us off for a moment.
    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Row;
        for _ in 0..100 {
            match sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_one(&self.pool)
                .await
            {
                Ok(r) => return r.try_get::<i64, _>(0).unwrap(),
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
        panic!("query kept failing: {sql}")
    }

    /// Every text row of `sql`'s first column.
    pub async fn strings(&self, sql: &str) -> Vec<String> {
        use sqlx::Row;
        for _ in 0..100 {
            match sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_all(&self.pool)
                .await
            {
                Ok(rows) => return rows.iter().map(|r| r.get::<String, _>(0)).collect(),
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
        panic!("query kept failing: {sql}")
    }

    /// Who holds the lease on the mailbox, if anyone.
    pub async fn mailbox_holder(&self) -> Option<String> {
        self.strings("SELECT owner FROM leases WHERE name LIKE 'mailbox:%'")
            .await
            .into_iter()
            .next()
    }

    /// (recipient, status, attempts, last_error) of every outbox row of `kind`.
    pub async fn outbox(&self, kind: &str) -> Vec<(String, String, i64, Option<String>)> {
        use sqlx::Row;
        let rows = sqlx::query("SELECT recipient, status, attempts, last_error FROM outbox WHERE kind = $1 ORDER BY id")
            .bind(kind)
            .fetch_all(&self.pool)
            .await
            .unwrap();
        rows.iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect()
    }

    /// The ids and recipients of the outbox rows of `kind`.
    pub async fn outbox_ids(&self, kind: &str) -> Vec<(i64, String)> {
        use sqlx::Row;
        let rows = sqlx::query("SELECT id, recipient FROM outbox WHERE kind = $1 ORDER BY id")
            .bind(kind)
            .fetch_all(&self.pool)
            .await
            .unwrap();
        rows.iter().map(|r| (r.get(0), r.get(1))).collect()
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// Whether the lease owner `owner` (`host-PID-…`) is the process `pid`.
pub fn held_by(owner: &str, pid: u32) -> bool {
    owner.contains(&format!("-{pid}-"))
}

// ---- an SMTP server that can be slow ----------------------------------------------------------

/// What a [`SlowSmtp`] saw, each with when.
#[derive(Clone, Debug)]
pub enum Seen {
    /// A MAIL FROM.
    Mail(Instant),
    /// A DATA command, answered only after `data_delay`.
    Data(Instant),
    /// A whole message (its final dot arrived): `RECIPIENT MESSAGE-ID` (an announcement
    /// shares its Message-ID, the thread's, among its recipients).
    Message(Instant, String),
}

/// An SMTP server on a loopback port, a thread per connection, that accepts everything and
/// is slow where told: `data_delay` before it answers DATA (nothing of the body has come yet:
/// a client killed then has sent nothing), `dot_delay` after the final dot before it says the
/// message was accepted (it has the message: a client that gives up and sends it again sends
/// it twice). It counts a message as soon as its final dot arrives.
pub struct SlowSmtp {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl SlowSmtp {
    pub fn start(data_delay: Duration, dot_delay: Duration) -> SlowSmtp {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let s = seen.clone();
        std::thread::spawn(move || {
            for sock in listener.incoming() {
                let Ok(sock) = sock else { continue };
                let s = s.clone();
                std::thread::spawn(move || serve_slowly(sock, &s, data_delay, dot_delay));
            }
        });
        SlowSmtp { port, seen }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// The messages received (`RECIPIENT MESSAGE-ID`), in order, with when.
    pub fn messages(&self) -> Vec<(Instant, String)> {
        self.seen()
            .into_iter()
            .filter_map(|s| match s {
                Seen::Message(at, id) => Some((at, id)),
                _ => None,
            })
            .collect()
    }

    /// The first MAIL FROM after `t`.
    pub fn first_mail_after(&self, t: Instant) -> Option<Instant> {
        self.seen().into_iter().find_map(|s| match s {
            Seen::Mail(at) if at > t => Some(at),
            _ => None,
        })
    }

    /// The last DATA command, if no message arrived after it (a transaction waiting for its
    /// answer to DATA: its body has not been sent yet).
    pub fn data_waiting(&self) -> Option<Instant> {
        match self.seen().last() {
            Some(Seen::Data(at)) => Some(*at),
            _ => None,
        }
    }

    /// The `[outbound]` table for this server.
    pub fn outbound(&self, connections: usize) -> String {
        format!(
            "kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nmax_connections = {connections}\nretry = [\"1m\"]",
            self.port
        )
    }
}

fn serve_slowly(
    mut sock: std::net::TcpStream,
    seen: &Mutex<Vec<Seen>>,
    data_delay: Duration,
    dot_delay: Duration,
) {
    let log = |s: Seen| seen.lock().unwrap().push(s);
    let mut buf: Vec<u8> = Vec::new();
    let mut rcpt = String::new();
    let mut line = |sock: &mut std::net::TcpStream| -> Option<String> {
        loop {
            if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                let l: Vec<u8> = buf.drain(..i + 2).take(i).collect();
                return Some(String::from_utf8_lossy(&l).into_owned());
            }
            let mut chunk = [0u8; 8192];
            match sock.read(&mut chunk) {
                Ok(0) | Err(_) => return None,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
    };
    let reply = |sock: &mut std::net::TcpStream, text: &str| {
        sock.write_all(format!("{text}\r\n").as_bytes()).is_ok()
    };
    sock.set_nodelay(true).ok();
    if !reply(&mut sock, "220 slow ESMTP") {
        return;
    }
    while let Some(l) = line(&mut sock) {
        let upper = l.to_ascii_uppercase();
        let ok = if upper.starts_with("EHLO ") {
            reply(&mut sock, "250-slow\r\n250-8BITMIME\r\n250 SMTPUTF8")
        } else if upper.starts_with("MAIL FROM:") {
            log(Seen::Mail(Instant::now()));
            reply(&mut sock, "250 2.1.0 Ok")
        } else if upper.starts_with("RCPT TO:") {
            rcpt = l[8..]
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_lowercase();
            reply(&mut sock, "250 2.1.5 Ok")
        } else if upper.starts_with("HELO ") || upper == "NOOP" || upper == "RSET" {
            reply(&mut sock, "250 2.0.0 Ok")
        } else if upper == "DATA" {
            log(Seen::Data(Instant::now()));
            std::thread::sleep(data_delay);
            if !reply(&mut sock, "354 End data with <CR><LF>.<CR><LF>") {
                return;
            }
            let mut id = String::new();
            let mut in_headers = true;
            loop {
                let Some(l) = line(&mut sock) else { return };
                if l == "." {
                    break;
                }
                if l.is_empty() {
                    in_headers = false;
                }
                if in_headers && l.to_ascii_lowercase().starts_with("message-id:") {
                    id = l["message-id:".len()..].trim().to_string();
                }
            }
            log(Seen::Message(Instant::now(), format!("{rcpt} {id}")));
            std::thread::sleep(dot_delay);
            reply(&mut sock, "250 2.0.0 Ok: queued")
        } else if upper == "QUIT" {
            reply(&mut sock, "221 2.0.0 Bye");
            return;
        } else {
            reply(&mut sock, "502 5.5.2 Error: command not recognized")
        };
        if !ok {
            return;
        }
    }
}
