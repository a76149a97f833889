//! A large post to many members (issue 15, items 9 and 10): a 10 MB post to N members on
//! SQLite, delivered by `roundtable run` (the daemon binary, its own process) over SMTP to a
//! loopback sink. Prints the daemon's peak RSS (VmHWM) and how much the database grew beside
//! the post's size. Budget: peak RSS < 100 MB, growth < 2 × the post.
//!
//! The post's body is stored once (`posts.raw`); each member's outbox row holds only their
//! own part, and a claimed batch puts each copy together only when it is sent.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use roundtable::domain::OutboxStatus;
use sqlx::Row;

use crate::outbound::smtp_outbound;
use crate::results::Results;
use crate::scaleout::stop;
use crate::setup::{add_members, build_app, fresh_db, write_config, Setup};

/// The daemon's peak and current resident set in kB (VmHWM, VmRSS), from /proc.
fn rss_kb(pid: u32) -> Option<(u64, u64)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        s.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

/// The database's bytes on disk: the SQLite file and its write-ahead log.
fn db_bytes(file: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|ext| std::fs::metadata(format!("{}{ext}", file.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// A post of about `size` bytes from `from`: a few words and an attachment of that size.
fn big_post(from: &str, to: &str, size: usize) -> Vec<u8> {
    let mut out = format!(
        "From: Ana Okafor <{from}>\r\nTo: {to}\r\nSubject: The recording of last week's session\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <big-{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHere is the recording of last week's session, for those who could not come.\r\n--outer\r\nContent-Type: application/octet-stream; name=\"session.bin\"\r\nContent-Disposition: attachment; filename=\"session.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes();
    // Base64-looking lines of 76 characters (varied, so nothing compresses them away).
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u32 = 2_463_534_242;
    while out.len() + 90 < size {
        for _ in 0..76 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            out.push(ALPHABET[(x % 64) as usize]);
        }
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"--outer--\r\n");
    out
}

pub(crate) async fn post_memory(
    work: &Path,
    n: usize,
    size: usize,
    port: u16,
    connections: u32,
    bin: &Path,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join("post-memory");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db("sqlite", &dir, "rt_bench_post_memory").await?;
    let file = dir.join("rt_bench_post_memory.db");
    let inbox = dir.join("inbox");
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!("kind = \"maildir\"\npath = \"{}\"", inbox.display()),
        outbound: smtp_outbound(port, connections),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let author = {
        let app = build_app(&cfg).await?;
        let members = add_members(&app, n, "r", "sink.test", roundtable::clock::unix_now()).await?;
        app.store().close().await;
        members[0].1.clone()
    };
    if !file.exists() {
        bail!("expected the SQLite database at {}", file.display());
    }
    let before = db_bytes(&file);
    let post = big_post(&author, "circle@bench.test", size);
    roundtable::maildir::ensure(&inbox)?;
    roundtable::maildir::deliver(&inbox, &post)?;
    println!(
        "post-memory: a {:.1} MB post to {n} members, `roundtable run` delivering over {connections} connection(s) to 127.0.0.1:{port}",
        post.len() as f64 / 1e6
    );

    let pool = sqlx::AnyPool::connect(&db).await?;
    let t = Instant::now();
    let mut daemon: Child = Command::new(bin)
        .args(["--config", &cfg.to_string_lossy(), "run"])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("daemon.log")).context("daemon log")?)
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let pid = daemon.id();
    let deadline = Instant::now() + Duration::from_secs(3600);
    let mut peak_db = before;
    let (sent, hwm) = loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        peak_db = peak_db.max(db_bytes(&file));
        let hwm = rss_kb(pid).map(|(h, _)| h).unwrap_or(0);
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM posts) AS posts,
                    (SELECT COUNT(*) FROM outbox WHERE post_id IS NOT NULL AND status = $1) AS sent,
                    (SELECT COUNT(*) FROM outbox WHERE post_id IS NOT NULL AND status <> $1) AS left",
        )
        .bind(OutboxStatus::Sent.as_str())
        .fetch_one(&pool)
        .await?;
        let (posts, sent, left): (i64, i64, i64) =
            (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        if posts > 0 && sent > 0 && left == 0 {
            break (sent, hwm);
        }
        if let Ok(Some(status)) = daemon.try_wait() {
            bail!("the daemon stopped ({status}); see {}", dir.display());
        }
        if Instant::now() > deadline {
            stop(&mut daemon, Duration::from_secs(20));
            bail!(
                "{left} copies still unsent after an hour; see {}",
                dir.display()
            );
        }
    };
    let elapsed = t.elapsed();
    pool.close().await;
    let hwm = rss_kb(pid).map(|(h, _)| h).unwrap_or(hwm);
    stop(&mut daemon, Duration::from_secs(20));
    let after = db_bytes(&file);
    peak_db = peak_db.max(after);
    let growth = after.saturating_sub(before);
    let p = "post_memory.sqlite";
    out.put(&format!("{p}.members"), n);
    out.put(&format!("{p}.post_bytes"), post.len());
    out.put(&format!("{p}.sent"), sent);
    out.put(
        &format!("{p}.seconds"),
        format!("{:.1}", elapsed.as_secs_f64()),
    );
    out.put(
        &format!("{p}.peak_rss_mb"),
        format!("{:.1}", hwm as f64 / 1024.0),
    );
    out.put(&format!("{p}.db_growth_bytes"), growth);
    out.put(
        &format!("{p}.db_growth_vs_post"),
        format!("{:.2}", growth as f64 / post.len() as f64),
    );
    out.put(
        &format!("{p}.db_peak_growth_vs_post"),
        format!(
            "{:.2}",
            peak_db.saturating_sub(before) as f64 / post.len() as f64
        ),
    );
    println!(
        "post-memory: {sent} copies in {:.1}s; daemon peak RSS {:.1} MB (budget 100); database grew {:.1} MB = {:.2} × the post (budget 2), {:.2} × at its largest",
        elapsed.as_secs_f64(),
        hwm as f64 / 1024.0,
        growth as f64 / 1e6,
        growth as f64 / post.len() as f64,
        peak_db.saturating_sub(before) as f64 / post.len() as f64
    );
    Ok(())
}
