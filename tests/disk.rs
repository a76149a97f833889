//! A full disk (issue 18 item 4). The database and both Maildirs live on a small tmpfs of
//! their own; the test fills it while the real daemon runs and replies wait in the inbound
//! Maildir. While it is full nothing may be acknowledged that was not stored (a reply leaves
//! the inbox for `.Handled` only once its answer is in the database), no good message may be
//! counted as failing and moved aside, the daemon keeps running and logs the cause rarely (not
//! in a loop). Once space returns it resumes by itself: every reply applied once, every answer
//! written once into the outgoing Maildir.
//!
//! SQLite and Maildir only: those are the files roundtable writes itself. PostgreSQL's disk
//! belongs to its server (a full one answers each write with an error, as any outage does,
//! and the same paths handle it); filling a shared cluster's disk from a test is not ours to do.
//!
//! Mounting needs root, as the whole suite has (scripts/test.sh runs as root).

#[path = "support/daemon.rs"]
mod daemon;
#[allow(unused_macros)]
mod support;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use daemon::{until, Daemon, Db, PATIENCE};
use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};

/// A tmpfs mounted on a fresh directory; unmounted (lazily, should a daemon still hold a
/// file there) when dropped, also when the test fails half-way.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("running mount");
        assert!(
            out.status.success(),
            "mounting a tmpfs for the full-disk test failed ({}): run as root (scripts/test.sh does)",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Writes `path` until the file system says it is full; returns how many bytes went in.
fn fill(path: &Path) -> u64 {
    let mut f = std::fs::File::create(path).unwrap();
    let mut written = 0u64;
    for chunk in [65536usize, 4096, 512, 1] {
        let buf = vec![0u8; chunk];
        loop {
            match f.write_all(&buf) {
                Ok(()) => written += chunk as u64,
                Err(e) if e.raw_os_error() == Some(28) => break,
                Err(e) => panic!("filling {}: {e}", path.display()),
            }
        }
    }
    let _ = f.sync_all();
    written
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// The inbound messages still waiting (`new/` and `cur/`).
fn waiting(inbox: &Path) -> usize {
    files(&inbox.join("new")).len() + files(&inbox.join("cur")).len()
}

/// How often each `RECIPIENT MESSAGE-ID` was written into the outgoing Maildir.
fn written(out: &Path) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for f in files(&out.join("new")) {
        let raw = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&raw);
        let header = |name: &str| {
            text.lines()
                .take_while(|l| !l.is_empty())
                .find_map(|l| {
                    l.split_once(':')
                        .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                        .map(|(_, v)| v.trim().to_string())
                })
                .unwrap_or_default()
        };
        let id = format!(
            "{} {}",
            header("Delivered-To").to_lowercase(),
            header("Message-ID")
        );
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

/// What the outbox says was sent: `RECIPIENT <MESSAGE-ID>`.
async fn sent_ids(db: &Db) -> Vec<String> {
    db.strings("SELECT LOWER(recipient) || ' <' || message_id || '>' FROM outbox WHERE status = 'sent' ORDER BY id")
        .await
}

const MEMBERS: usize = 6;

/// Which file system fills up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Full {
    /// The one holding the database and both Maildirs: nothing can be stored.
    Everything,
    /// Only the outgoing Maildir's (a mount of its own): replies are handled, their answers
    /// cannot be written out.
    Outgoing,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_under_the_database_loses_nothing_and_resumes_by_itself() {
    a_full_disk(Full::Everything).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_outgoing_maildir_sends_nothing_twice_and_resumes_by_itself() {
    a_full_disk(Full::Outgoing).await
}

async fn a_full_disk(full: Full) {
    let fs = Tmpfs::mount("4m");
    let out_fs = Tmpfs::mount("1m");
    let logs = tempfile::tempdir().unwrap(); // the daemon's log, not on the full disk
    let root = fs.path();
    let inbox = root.join("in");
    let outbox = match full {
        Full::Everything => root.join("out"),
        Full::Outgoing => out_fs.path().join("out"),
    };
    // What fills up.
    let filler = match full {
        Full::Everything => root.join("filler"),
        Full::Outgoing => out_fs.path().join("filler"),
    };
    let db_url = format!("sqlite://{}/rt.db", root.display());
    let authserv = "mx.disk.test";
    let list = "circle@disk.test";
    let config = root.join("roundtable.toml");
    std::fs::write(
        &config,
        format!(
            r#"database_url = "{db_url}"
secret = "disk-test-secret-0123456789abcdef"
authserv_id = "{authserv}"
[inbound]
kind = "maildir"
path = "{inbox}"
[outbound]
kind = "maildir"
path = "{outbox}"
[[community]]
slug = "design"
name = "Design Circle"
address = "{list}"
timezone = "Europe/Berlin"
coordinators = ["coord@disk.test"]
"#,
            inbox = inbox.display(),
            outbox = outbox.display(),
        ),
    )
    .unwrap();
    roundtable::maildir::ensure(&inbox).unwrap();

    // Members and a meeting, announced to all of them.
    let now = roundtable::clock::unix_now();
    let app = roundtable::app::App::build(
        roundtable::config::load(&config).expect("test config is valid"),
        Clock::fixed(now),
    )
    .await
    .expect("app builds");
    let c = app.world.community("design").unwrap().clone();
    let members: Vec<String> = (0..MEMBERS).map(|i| format!("m{i}@disk.test")).collect();
    let mut tx = app.store().begin().await.unwrap();
    for a in &members {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(a).unwrap(),
                None,
                Role::Member,
                now,
            )
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    let when = (chrono::DateTime::from_timestamp(now, 0)
        .unwrap()
        .with_timezone(&tz)
        + chrono::Duration::days(10))
    .format("%Y-%m-%d 18:30")
    .to_string();
    let (meeting, queued) = app
        .world
        .schedule_meeting("design", &when, None, now)
        .await
        .unwrap();
    assert!(
        queued > MEMBERS,
        "announced to the members and the coordinator"
    );
    let thread = app
        .store()
        .meetings(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == meeting)
        .unwrap()
        .thread_id;
    app.store().close().await;

    let db = Db::connect(&db_url).await;
    let mut d = Daemon::start(&config, &["run"], logs.path(), "daemon", &[]);
    until(PATIENCE, "the announcements written out", || async {
        (db.count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
            .await
            == 0)
            .then_some(())
    })
    .await;

    // The disk fills up; then the members answer.
    let filled = fill(&filler);
    println!("filled the tmpfs with {filled} bytes");
    let replies: Vec<Vec<u8>> = members
        .iter()
        .map(|from| {
            let mut raw =
                format!("Authentication-Results: {authserv}; dmarc=pass header.from=disk.test\r\n")
                    .into_bytes();
            raw.extend(support::reply(from, list, &thread, "YES, see you there"));
            raw
        })
        .collect();
    // The filesystem has no room for them: they arrive as an MTA with its own disk hands them
    // over, written before the filler took the last bytes (here: room made for each, taken again).
    for raw in &replies {
        if full == Full::Everything {
            std::fs::remove_file(&filler).unwrap();
        }
        roundtable::maildir::deliver(&inbox, raw).unwrap();
        if full == Full::Everything {
            fill(&filler);
        }
    }
    let log_before = d.log().lines().count();
    tokio::time::sleep(Duration::from_secs(12)).await;

    assert!(
        d.alive(),
        "the daemon keeps running on a full disk: {}",
        d.log()
    );
    let during: Vec<String> = d.log().lines().skip(log_before).map(String::from).collect();
    println!("the daemon's log while the disk was full:");
    for l in &during {
        println!("  {l}");
    }
    let rsvps = db
        .count(&format!(
            "SELECT COUNT(*) FROM rsvps WHERE meeting_id = {meeting}"
        ))
        .await;
    let handled = files(&inbox.join(".Handled/cur")).len();
    assert_eq!(
        files(&inbox.join(".Quarantine/cur")).len(),
        0,
        "no good message is moved aside because the disk was full"
    );
    assert_eq!(
        waiting(&inbox) + handled,
        MEMBERS,
        "no reply is lost from the inbox"
    );
    assert!(
        handled as i64 <= rsvps,
        "nothing acknowledged that was not stored: {handled} acknowledged, {rsvps} answers stored"
    );
    let confirmations = db
        .count("SELECT COUNT(*) FROM outbox WHERE kind = 'confirmation'")
        .await;
    println!("while full: {handled} replies acknowledged, {rsvps} stored, {confirmations} confirmations queued, {} written out", written(&outbox).len());
    if full == Full::Outgoing {
        assert_eq!(
            rsvps, MEMBERS as i64,
            "the database has room: the replies are handled"
        );
        assert_eq!(
            db.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'")
                .await,
            0,
            "no mail given up on because our disk was full"
        );
    }
    let full_lines = during
        .iter()
        .filter(|l| l.contains("disk is full") || l.contains("No space left"))
        .count();
    assert!(
        full_lines >= 1,
        "the cause is logged: {}",
        during.join("\n")
    );
    assert!(
        full_lines <= 6,
        "the cause is logged rarely, not in a loop ({full_lines} lines in 12 s): {}",
        during.join("\n")
    );

    // Space returns: the daemon resumes by itself.
    std::fs::remove_file(&filler).unwrap();
    let start = std::time::Instant::now();
    loop {
        let rsvps = db
            .count(&format!(
                "SELECT COUNT(*) FROM rsvps WHERE meeting_id = {meeting}"
            ))
            .await;
        let pending = db
            .count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
            .await;
        if rsvps == MEMBERS as i64 && pending == 0 && waiting(&inbox) == 0 {
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "space returned {PATIENCE:?} ago and still {rsvps} of {MEMBERS} replies applied, {pending} mails queued, {} replies waiting: {}",
            waiting(&inbox),
            d.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        files(&outbox.join("tmp")).is_empty(),
        "no half-written mail left in the outgoing Maildir's tmp/"
    );
    println!(
        "resumed: all done {:?} after space returned",
        start.elapsed()
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM outbox WHERE kind = 'confirmation'")
            .await,
        MEMBERS as i64,
        "each reply confirmed once"
    );
    assert!(d.alive(), "{}", d.log());
    assert_eq!(files(&inbox.join(".Handled/cur")).len(), MEMBERS);
    assert_eq!(files(&inbox.join(".Quarantine/cur")).len(), 0);
    assert_eq!(
        db.count("SELECT COUNT(*) FROM inbound WHERE kind = 'unreadable'")
            .await,
        0
    );
    let yes = db
        .count(&format!(
            "SELECT COUNT(*) FROM rsvps WHERE meeting_id = {meeting} AND response = 'yes'"
        ))
        .await;
    assert_eq!(yes, MEMBERS as i64, "each reply applied");
    let outbox_ids = sent_ids(&db).await;
    let on_disk = written(&outbox);
    for id in &outbox_ids {
        assert_eq!(
            on_disk.get(id),
            Some(&1),
            "{id} is written exactly once: {on_disk:?}"
        );
    }
    assert_eq!(
        on_disk.len(),
        outbox_ids.len(),
        "nothing written that the outbox does not know: {on_disk:?}"
    );
    let status = d.terminate();
    assert!(status.success(), "{status:?}: {}", d.log());
    db.close().await;
}
