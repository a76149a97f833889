//! Scale-out (step 6 of scripts/bench.sh): D daemons (`roundtable run`) on one PostgreSQL
//! deliver a queued digest to the sink; its dumps count the sends per recipient (double sends,
//! missing ones).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use roundtable::domain::OutboxStatus;
use sqlx::Row;

use crate::outbound::{queue_digest, smtp_outbound};
use crate::results::{rate, Results};
use crate::setup::{build_app, fresh_db, write_config, Setup};

#[allow(clippy::too_many_arguments)]
pub(crate) async fn scaleout(
    work: &Path,
    n: usize,
    port: u16,
    connections: u32,
    daemons: usize,
    dump: &Path,
    bin: &Path,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("scaleout-{daemons}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db("postgres", &dir, "rt_bench_scale").await?;
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!(
            "kind = \"maildir\"\npath = \"{}\"",
            dir.join("inbox").display()
        ),
        outbound: smtp_outbound(port, connections),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    // Each run has its own recipient domain, so the sink's dumps tell the runs apart.
    let domain = format!(
        "scale{daemons}-{}.test",
        &uuid::Uuid::new_v4().simple().to_string()[..6]
    );
    let (queued, _, _) = {
        let app = build_app(&cfg).await?;
        let r = queue_digest(&app, n, &domain).await?;
        app.store().close().await;
        r
    };
    let pool = sqlx::AnyPool::connect(&db).await?;
    let t = Instant::now();
    let mut children: Vec<Child> = (0..daemons)
        .map(|i| {
            Command::new(bin)
                .args(["--config", &cfg.to_string_lossy(), "run"])
                .env("RUST_LOG", "warn")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(
                    std::fs::File::create(dir.join(format!("daemon-{i}.log"))).expect("daemon log"),
                )
                .spawn()
                .with_context(|| format!("starting {}", bin.display()))
        })
        .collect::<Result<_>>()?;
    let deadline = Instant::now() + Duration::from_secs(600);
    let elapsed = loop {
        let left: i64 = sqlx::query("SELECT COUNT(*) FROM outbox WHERE status <> $1")
            .bind(OutboxStatus::Sent.as_str())
            .fetch_one(&pool)
            .await?
            .try_get(0)?;
        if left == 0 {
            break t.elapsed();
        }
        if Instant::now() > deadline {
            bail!(
                "{left} mails still unsent after 10 minutes; see {}",
                dir.display()
            );
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let per_daemon = sqlx::query("SELECT lease_owner AS k, COUNT(*) AS n FROM outbox GROUP BY lease_owner ORDER BY lease_owner").fetch_all(&pool).await?;
    let shares: Vec<String> = per_daemon
        .iter()
        .map(|r| r.try_get::<i64, _>("n").map(|n| n.to_string()))
        .collect::<Result<_, _>>()?;
    pool.close().await;
    for c in &mut children {
        stop(c, Duration::from_secs(20));
    }
    // Let the sink finish writing its last dumps.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let counts = dumped_recipients(dump, &format!("@{domain}"))?;
    let doubles: usize = counts.values().map(|c| c.saturating_sub(1)).sum();
    let p = format!("scaleout.{daemons}");
    out.put(&format!("{p}.messages"), queued);
    out.put(&format!("{p}.connections_each"), connections);
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(queued, elapsed)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", elapsed.as_secs_f64()),
    );
    out.put(&format!("{p}.received"), counts.values().sum::<usize>());
    out.put(&format!("{p}.recipients"), counts.len());
    out.put(&format!("{p}.double_sends"), doubles);
    // Every member of the run's domain once (the coordinator's copy goes to another domain).
    out.put(&format!("{p}.missing"), n.saturating_sub(counts.len()));
    out.put(&format!("{p}.shares"), shares.join("+"));
    Ok(())
}

/// How many transactions smtp-sink dumped per recipient (its `X-Rcpt-Args: <address>` lines,
/// in the block of `X-` lines it writes above the message) whose address ends with `suffix`.
fn dumped_recipients(dump: &Path, suffix: &str) -> Result<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    let mut stack = vec![dump.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let f = std::fs::File::open(&p)?;
            for line in BufReader::new(f).split(b'\n') {
                let line = line?;
                if !line.starts_with(b"X-") {
                    break; // the message itself begins
                }
                if let Some(rest) = line.strip_prefix(b"X-Rcpt-Args: ") {
                    let addr = String::from_utf8_lossy(rest)
                        .trim()
                        .trim_matches(['<', '>'])
                        .to_ascii_lowercase();
                    if addr.ends_with(suffix) {
                        *counts.entry(addr).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    Ok(counts)
}

pub(crate) fn stop(c: &mut Child, within: Duration) -> Option<Duration> {
    let t = Instant::now();
    let _ = Command::new("kill")
        .args(["-TERM", &c.id().to_string()])
        .status();
    while t.elapsed() < within {
        if let Ok(Some(_)) = c.try_wait() {
            return Some(t.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = c.kill();
    let _ = c.wait();
    None
}
