//! Operations (issue 18): member lists in and out (`member import`, `member export`) and
//! backup and restore while the daemon runs, on SQLite and PostgreSQL, through the real binary
//! (`CARGO_BIN_EXE_roundtable`) where an operator would use it.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::Row;
use support::{both_backends, Backend, ScriptedSmtp, SmtpEvent, Stack};

const PATIENCE: Duration = Duration::from_secs(90);

/// One community with a Maildir inbox, in a temporary directory.
struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
    db_url: String,
    list: String,
    coordinator: String,
    inbox: PathBuf,
    stack: Stack,
}

fn config_text(
    db_url: &str,
    inbox: &Path,
    outbound: &str,
    list: &str,
    coordinator: &str,
    authserv: &str,
) -> String {
    format!(
        r#"database_url = "{db_url}"
secret = "ops-test-secret-0123456789abcdef"
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
        inbox = inbox.display()
    )
}

impl Setup {
    async fn new(backend: Backend, outbound: &str) -> Setup {
        let stack = Stack::from_env();
        let dir = tempfile::tempdir().unwrap();
        let db_url = stack.database(backend, dir.path()).await;
        let list = stack.address("circle");
        let coordinator = stack.address("coord");
        let inbox = dir.path().join("inbox");
        roundtable::maildir::ensure(&inbox).unwrap();
        let config = dir.path().join("roundtable.toml");
        std::fs::write(
            &config,
            config_text(
                &db_url,
                &inbox,
                outbound,
                &list,
                &coordinator,
                &stack.authserv_id,
            ),
        )
        .unwrap();
        Setup {
            dir,
            config,
            db_url,
            list,
            coordinator,
            inbox,
            stack,
        }
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("running roundtable")
    }

    /// Runs the binary; panics with its output unless it succeeds; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args);
        assert!(
            out.status.success(),
            "roundtable {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    async fn app(&self) -> roundtable::app::App {
        let config = roundtable::config::load(&self.config).unwrap();
        roundtable::app::App::build(config, roundtable::clock::Clock::system())
            .await
            .unwrap()
    }

    fn fixture(&self, name: &str) -> String {
        format!(
            "{}/tests/fixtures/members/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    }
}

async fn count(db_url: &str, sql: &str) -> i64 {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut c = sqlx::AnyConnection::connect(db_url).await.unwrap();
    let n: i64 = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&mut c)
        .await
        .unwrap()
        .get(0);
    let _ = c.close().await;
    n
}

// ---- member import and export -------------------------------------------------------------------

both_backends!(import_reports_changes_nothing_on_dry_run_and_round_trips);

/// Our own format with every reason to skip: the dry run reports and changes nothing; the
/// import adds the good rows and names each skipped one; export then import again changes
/// nothing; the export holds what was imported; `member add --language` shows in the export.
async fn import_reports_changes_nothing_on_dry_run_and_round_trips(backend: Backend) {
    let s = Setup::new(backend, "kind = \"maildir\"\npath = \"sent\"").await;
    let file = s.fixture("roundtable.csv");
    let people = "SELECT COUNT(*) FROM people";
    s.ok(&["check-config"]);
    s.ok(&["member", "list", "design"]); // creates the database, adds the coordinator
    let before = count(&s.db_url, people).await;

    let dry = s.ok(&["member", "import", "design", &file, "--dry-run"]);
    assert!(
        dry.contains("roundtable CSV: 5 added, 0 updated, 0 unchanged, 5 skipped"),
        "{dry}"
    );
    assert!(dry.contains("dry run: nothing was changed"), "{dry}");
    assert_eq!(
        count(&s.db_url, people).await,
        before,
        "a dry run adds nobody"
    );

    let out = s.ok(&["member", "import", "design", &file]);
    assert!(
        out.contains("5 added, 0 updated, 0 unchanged, 5 skipped"),
        "{out}"
    );
    for reason in [
        "claire..martin@example.fr: bad address",
        "JONAS.WEBER@example.de: duplicate: jonas.weber@example.de is already on line 3",
        "sam@example.org: unknown role \"admin\"",
        "worf@example.org: unknown language \"klingon\"",
        "eva@example.nl: unknown delivery \"weekly\"",
    ] {
        assert!(out.contains(reason), "{reason:?} missing:\n{out}");
    }
    assert!(
        out.contains("added    line 2     ana.lima@example.org (coordinator, language pt)"),
        "{out}"
    );
    assert_eq!(count(&s.db_url, people).await, before + 5);
    if backend == Backend::Postgres {
        // The planner is told how many people there are now (`Store::people_counted`); a
        // table never analysed says -1.
        let planned = "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'people'";
        assert_eq!(count(&s.db_url, planned).await, before + 5);
    }
    assert_eq!(
        count(&s.db_url, "SELECT COUNT(*) FROM outbox").await,
        0,
        "no welcome unless --welcome"
    );

    s.ok(&[
        "member",
        "add",
        "design",
        "zoe@example.org",
        "--name",
        "Zoë",
        "--language",
        "fr",
    ]);
    let exported = s.dir.path().join("export.csv");
    s.ok(&["member", "export", "design", exported.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&exported).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "address,name,role,delivery,language");
    for expected in [
        "ana.lima@example.org,Ana Lima,coordinator,each,pt",
        "jonas.weber@example.de,Jonas Weber,member,digest,de",
        "sofia.rossi@example.it,\"Rossi, Sofia\",member,each,",
        "carmen@example.es,Carmen Ruiz,member,none,es",
        "noah@example.org,,member,each,",
        "zoe@example.org,Zoë,member,each,fr",
    ] {
        assert!(lines.contains(&expected), "{expected:?} not in:\n{csv}");
    }
    // The configured coordinator too; nobody else.
    assert_eq!(lines.len(), 1 + 7, "{csv}");
    // Stdout gives the same.
    assert_eq!(s.ok(&["member", "export", "design"]), csv);

    // Round trip: importing the export changes nothing, and exports the same again.
    let again = s.ok(&["member", "import", "design", exported.to_str().unwrap()]);
    assert!(
        again.contains("0 added, 0 updated, 7 unchanged, 0 skipped"),
        "{again}"
    );
    assert_eq!(s.ok(&["member", "export", "design"]), csv);

    // A Google Groups export updates who is there and adds the rest.
    let g = s.ok(&[
        "member",
        "import",
        "design",
        &s.fixture("google-groups.csv"),
    ]);
    assert!(
        g.contains("Google Groups export: 4 added, 0 updated, 0 unchanged, 1 skipped"),
        "{g}"
    );
    assert!(
        g.contains("2 row(s) get the posts once a day in a digest"),
        "{g}"
    );
    let exported = s.ok(&["member", "export", "design"]);
    assert!(
        exported.contains("tom.baker@example.org,,member,none,"),
        "No email is delivery none:\n{exported}"
    );
    assert!(
        exported.contains("pieter@example.nl,Pieter Jansen,member,digest,"),
        "Digest is delivery digest:\n{exported}"
    );
    let m = s.ok(&[
        "member",
        "import",
        "design",
        &s.fixture("mailman3-members.txt"),
    ]);
    assert!(m.contains("Mailman 3 export: 3 added"), "{m}");
}

both_backends!(welcome_only_when_asked);

/// `--welcome` queues one welcome per new member (not for guests, not for those already
/// there), through the outbox; without it nobody is mailed.
async fn welcome_only_when_asked(backend: Backend) {
    let s = Setup::new(backend, "kind = \"maildir\"\npath = \"sent\"").await;
    let welcomes = "SELECT COUNT(*) FROM outbox WHERE kind = 'welcome'";
    s.ok(&[
        "member",
        "import",
        "design",
        &s.fixture("mailman3-subscribers.csv"),
    ]);
    assert_eq!(count(&s.db_url, welcomes).await, 0);
    let file = s.dir.path().join("new.csv");
    std::fs::write(
        &file,
        "address,name,role\nanne@example.com,Anne,\nnew.one@example.org,New One,member\nlead@example.org,Lead,coordinator\nguest@example.org,Guest,guest\n",
    )
    .unwrap();
    let out = s.ok(&[
        "member",
        "import",
        "design",
        file.to_str().unwrap(),
        "--welcome",
    ]);
    assert!(out.contains("3 added, 1 updated"), "{out}");
    assert!(out.contains("2 welcome mail(s) queued"), "{out}");
    assert_eq!(count(&s.db_url, welcomes).await, 2);
    for (who, n) in [
        ("new.one@example.org", 1),
        ("lead@example.org", 1),
        ("guest@example.org", 0),
        ("anne@example.com", 0),
    ] {
        assert_eq!(
            count(
                &s.db_url,
                &format!(
                    "SELECT COUNT(*) FROM outbox WHERE kind = 'welcome' AND recipient = '{who}'"
                )
            )
            .await,
            n,
            "{who}"
        );
    }
    assert_eq!(
        count(&s.db_url, "SELECT COUNT(*) FROM people WHERE address = 'lead@example.org' AND role = 'coordinator'").await,
        1,
        "the row's role wins over ADD's member"
    );
}

both_backends!(import_of_a_thousand_members);

/// 1,000 members in one import: all added, one transaction; prints the time (never asserted).
async fn import_of_a_thousand_members(backend: Backend) {
    let s = Setup::new(backend, "kind = \"maildir\"\npath = \"sent\"").await;
    let mut csv = String::from("address,name,role,delivery,language\n");
    let langs = ["en", "de", "fr", "es", "nl", "pt"];
    for i in 0..1000 {
        csv.push_str(&format!(
            "member{i:04}@example.org,Member {i},member,each,{}\n",
            langs[i % langs.len()]
        ));
    }
    let file = s.dir.path().join("thousand.csv");
    std::fs::write(&file, &csv).unwrap();
    let app = s.app().await;
    let start = Instant::now();
    let report = roundtable::cli::members::import(
        &app,
        "design",
        csv.as_bytes(),
        roundtable::cli::members::ImportOptions::default(),
    )
    .await
    .unwrap();
    let in_process = start.elapsed();
    assert_eq!((report.added, report.skipped.len()), (1000, 0), "{report}");
    app.store().close().await;
    // Again through the binary: all there already.
    let start = Instant::now();
    let out = s.ok(&["member", "import", "design", file.to_str().unwrap()]);
    let binary = start.elapsed();
    assert!(out.contains("0 added, 0 updated, 1000 unchanged"), "{out}");
    eprintln!(
        "import of 1,000 members on {backend:?}: {:.0} ms to add them (in process); {:.0} ms to re-import them unchanged (the binary, start-up included)",
        in_process.as_secs_f64() * 1000.0,
        binary.as_secs_f64() * 1000.0
    );
}

// ---- backup and restore ---------------------------------------------------------------------

/// The daemon as a child process, its output in files.
struct Daemon {
    child: Child,
    log: PathBuf,
}

impl Daemon {
    fn start(config: &Path, dir: &Path) -> Daemon {
        let log = dir.join("daemon.log");
        let child = Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .arg("--config")
            .arg(config)
            .arg("run")
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .env_remove("ROUNDTABLE_FAULT")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(dir.join("daemon.out")).unwrap())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("starting the roundtable binary");
        Daemon { child, log }
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn until<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !f().await {
        assert!(
            start.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for: {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn pg_bin(name: &str) -> PathBuf {
    let mut dirs: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's binaries are missing: run ./scripts/test.sh (it installs them)")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin").join(name))
        .filter(|p| p.exists())
        .collect();
    dirs.sort();
    dirs.pop()
        .unwrap_or_else(|| panic!("{name} is missing under /usr/lib/postgresql/*/bin"))
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn announcements(server: &ScriptedSmtp, to: &str) -> usize {
    server
        .events()
        .into_iter()
        .filter(|e| matches!(e, SmtpEvent::Delivered { rcpts, body } if rcpts.iter().any(|r| r == to) && body.contains("X-Roundtable-Kind: announcement")))
        .count()
}

both_backends!(backup_and_restore_while_the_daemon_runs);

/// A backup taken while the daemon runs, with mail sent, mail queued (its server refuses it
/// for now) and a reply handled; restored into a new database and config, one run of the
/// daemon sends the queued mail once, sends nothing already sent again, and does not apply the
/// handled reply a second time when it comes again. SQLite: `roundtable backup`; PostgreSQL:
/// the README's pg_dump and pg_restore (and `roundtable backup` refuses, naming them).
async fn backup_and_restore_while_the_daemon_runs(backend: Backend) {
    // The original server accepts the "now" members and defers the "later" ones.
    let first = ScriptedSmtp::start(
        true,
        Box::new(|rcpt: &str, _| {
            rcpt.starts_with("later")
                .then(|| format!("450 4.2.1 <{rcpt}>: mailbox busy, try again later"))
        }),
    );
    let outbound = |port: u16| {
        format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\", \"5m\"]")
    };
    let s = Setup::new(backend, &outbound(first.port)).await;
    let now_members: Vec<String> = (0..3).map(|i| format!("now{i}@example.org")).collect();
    let later_members: Vec<String> = (0..3).map(|i| format!("later{i}@example.org")).collect();
    let mut csv = String::from("address,name\n");
    for a in now_members.iter().chain(&later_members) {
        csv.push_str(&format!("{a},{a}\n"));
    }
    let file = s.dir.path().join("members.csv");
    std::fs::write(&file, csv).unwrap();
    s.ok(&["member", "import", "design", file.to_str().unwrap()]);
    let mut daemon = Daemon::start(&s.config, s.dir.path());
    s.ok(&[
        "meeting",
        "schedule",
        "design",
        &support::in_days(3),
        "--place",
        "Room 4",
    ]);

    // Sent to the "now" members; refused for now (pending) for the "later" ones.
    until("announcements to the now members", || async {
        now_members.iter().all(|a| announcements(&first, a) == 1)
    })
    .await;
    let pending_later = "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts > 0 AND recipient LIKE 'later%' AND kind = 'announcement'";
    until("the later members' mail tried and queued again", || async {
        count(&s.db_url, pending_later).await == 3
    })
    .await;

    // A reply, handled.
    let body = first
        .delivered_to(&now_members[0])
        .into_iter()
        .find(|b| b.contains("X-Roundtable-Kind: announcement"))
        .unwrap();
    let reply = support::reply(
        &now_members[0],
        &support::reply_to(body.as_bytes()),
        &support::message_id(body.as_bytes()),
        "Yes, I'll be there.",
    );
    roundtable::maildir::deliver(&s.inbox, &reply).unwrap();
    until("the reply handled", || async {
        count(&s.db_url, "SELECT COUNT(*) FROM rsvps").await == 1
    })
    .await;
    // Its answer (a confirmation) sent too, so that the copy is taken with nothing of the
    // "now" members in flight: a row sent after the copy would be sent again from it.
    let unsent_now = format!(
        "SELECT COUNT(*) FROM outbox WHERE recipient = '{}' AND status <> 'sent'",
        now_members[0]
    );
    until("the answer to the reply sent", || async {
        count(&s.db_url, &unsent_now).await == 0
    })
    .await;
    let sent_before = count(
        &s.db_url,
        "SELECT COUNT(*) FROM outbox WHERE status = 'sent'",
    )
    .await;

    // The backup, while the daemon runs.
    let restored_dir = tempfile::tempdir().unwrap();
    let restored_url = match backend {
        Backend::Sqlite => {
            let copy = s.dir.path().join("backup.db");
            let out = s.ok(&["backup", copy.to_str().unwrap()]);
            // At least the three deferred announcements (an answer to the reply may wait too).
            let waiting: i64 = out
                .split(" mail(s) waiting")
                .next()
                .and_then(|s| s.rsplit(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no count of waiting mail in: {out}"));
            assert!(waiting >= 3, "{out}");
            assert!(out.contains("1 inbound message(s) handled"), "{out}");
            let again = s.cmd(&["backup", copy.to_str().unwrap()]);
            assert!(!again.status.success(), "a backup never overwrites a file");
            let target = restored_dir.path().join("restored.db");
            std::fs::copy(&copy, &target).unwrap();
            format!("sqlite://{}", target.display())
        }
        Backend::Postgres => {
            let refused = s.cmd(&["backup", s.dir.path().join("x.db").to_str().unwrap()]);
            assert!(!refused.status.success());
            let err = String::from_utf8_lossy(&refused.stderr);
            assert!(
                err.contains("pg_dump --format=custom") && err.contains("pg_restore"),
                "{err}"
            );
            let dump = s.dir.path().join("roundtable.dump");
            run(Command::new(pg_bin("pg_dump"))
                .arg("--format=custom")
                .arg(format!("--file={}", dump.display()))
                .arg(&s.db_url));
            let url = s
                .stack
                .database(Backend::Postgres, restored_dir.path())
                .await;
            run(Command::new(pg_bin("pg_restore"))
                .arg("--no-owner")
                .arg(format!("--dbname={url}"))
                .arg(&dump));
            url
        }
    };
    let sent_after = count(
        &s.db_url,
        "SELECT COUNT(*) FROM outbox WHERE status = 'sent'",
    )
    .await;
    assert!(
        daemon.alive(),
        "the daemon ran through the backup: {}",
        daemon.log()
    );
    drop(daemon);

    // The restored instance: a new config on the copy, a server accepting everyone.
    let second = ScriptedSmtp::start(true, Box::new(|_, _| None));
    let inbox = restored_dir.path().join("inbox");
    roundtable::maildir::ensure(&inbox).unwrap();
    let config = restored_dir.path().join("roundtable.toml");
    std::fs::write(
        &config,
        config_text(
            &restored_url,
            &inbox,
            &outbound(second.port),
            &s.list,
            &s.coordinator,
            &s.stack.authserv_id,
        ),
    )
    .unwrap();
    let restored = |args: &[&str]| {
        run(Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .arg("--config")
            .arg(&config)
            .args(args)
            .stdin(Stdio::null()))
    };
    restored(&["check-config"]);
    let list = restored(&["member", "list", "design"]);
    assert!(
        later_members.iter().all(|a| list.contains(a.as_str())),
        "{list}"
    );
    // The daemon may send the answer to the reply while the copy is taken: the copy holds
    // what was sent at its moment, between the counts before and after it.
    let copy_sent = count(
        &restored_url,
        "SELECT COUNT(*) FROM outbox WHERE status = 'sent'",
    )
    .await;
    assert!(
        (sent_before..=sent_after).contains(&copy_sent),
        "the copy knows what was sent: {copy_sent}, not within {sent_before}..={sent_after}"
    );

    // The same reply again (as a mailbox restored from its own backup would hold it).
    roundtable::maildir::deliver(&inbox, &reply).unwrap();
    let later = chrono::Utc::now() + chrono::Duration::minutes(10);
    let out = restored(&["run", "--once", "--now", &later.to_rfc3339()]);
    assert!(
        out.contains("(1 seen before"),
        "the handled reply is recognised: {out}"
    );
    for a in &later_members {
        assert_eq!(
            announcements(&second, a),
            1,
            "{a}: queued mail sent once: {out}"
        );
    }
    for a in &now_members {
        assert_eq!(
            announcements(&second, a),
            0,
            "{a}: sent mail not sent again"
        );
    }
    assert!(
        second.delivered_to(&now_members[0]).is_empty(),
        "no second answer to the reply"
    );
    assert_eq!(count(&restored_url, "SELECT COUNT(*) FROM rsvps").await, 1);
}
