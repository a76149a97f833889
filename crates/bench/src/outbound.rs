//! Outbound (step 2 of scripts/bench.sh): a personalised digest to N members queued by the
//! rules (the digest job), then `Delivery::drain` timed over SMTP to a sink.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use roundtable::app::App;
use roundtable::schedule::JobKind;

use crate::results::{loadavg, rate, self_cpu, self_written, start_phase, Results};
use crate::setup::{add_members, build_app, fresh_db, group_history, scalar, write_config, Setup};
use crate::{DAY, SLUG};

/// Queues a personalised digest to N members through the rules (the digest job). Returns
/// (mails queued, the moment they are due, queueing time).
pub(crate) async fn queue_digest(
    app: &App,
    n: usize,
    domain: &str,
) -> Result<(usize, i64, Duration)> {
    // A week back, so that the digest falls due before now and a daemon on the system clock
    // sends it at once.
    let t0 = roundtable::clock::unix_now() - 8 * DAY;
    let members = add_members(app, n, "r", domain, t0).await?;
    group_history(app, &members, t0).await?;
    app.world.plan(t0).await?;
    let c = app.world.community(SLUG)?;
    let jobs = app.store().jobs(c.id, false).await?;
    let due = jobs
        .iter()
        .find(|j| j.kind == JobKind::Digest)
        .context("plan() made no digest job")?
        .due_at;
    let t = Instant::now();
    let fired = app.world.fire_due("bench", due).await?;
    Ok((fired.mails, due, t.elapsed()))
}

pub(crate) fn smtp_outbound(port: u16, connections: u32) -> String {
    format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nmax_connections = {connections}\nrate_per_second = 0\nretry = [\"1m\", \"5m\"]\nmax_age = \"30d\"")
}

pub(crate) async fn outbound(
    kind: &str,
    work: &Path,
    n: usize,
    port: u16,
    connections: u32,
    label: &str,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("{label}-{kind}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db(kind, &dir, "rt_bench_outbound").await?;
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
    let app = build_app(&cfg).await?;
    let (queued, _, queue_time) = queue_digest(&app, n, "sink.test").await?;
    let size = scalar(
        &db,
        "SELECT CAST(SUM(LENGTH(body)) / COUNT(*) AS BIGINT) FROM outbox_bodies",
    )
    .await?;
    println!("outbound on {kind}: {queued} digests queued in {:.2}s, {size} bytes each on average; delivering over {connections} connection(s) to 127.0.0.1:{port}", queue_time.as_secs_f64());

    let delivery = app.delivery()?;
    let written = self_written();
    let phase = start_phase();
    let cpu = self_cpu();
    let t = Instant::now();
    let now = roundtable::clock::unix_now();
    // As the daemon and `run --once` deliver: on a thread and runtime of its own.
    let b = delivery
        .on_own_thread(move |d| async move { d.drain(now).await })
        .await??;
    let send_time = t.elapsed();
    let cpu = self_cpu() - cpu;
    let written = self_written() - written;
    let p = format!("{label}.{kind}");
    out.put(&format!("{p}.messages"), queued);
    out.put(&format!("{p}.size"), size);
    out.put(&format!("{p}.connections"), connections);
    out.put(
        &format!("{p}.queue_rate"),
        format!("{:.0}", rate(queued, queue_time)),
    );
    out.put(&format!("{p}.sent"), b.sent);
    out.put(&format!("{p}.retried"), b.retried);
    out.put(&format!("{p}.failed"), b.failed);
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(b.sent, send_time)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", send_time.as_secs_f64()),
    );
    out.put(&format!("{p}.cpu_seconds"), format!("{cpu:.2}"));
    out.put(
        &format!("{p}.written_kb_per_message"),
        format!("{:.1}", written as f64 / 1024.0 / b.sent.max(1) as f64),
    );
    out.put_peaks(&p, phase);
    out.put(&format!("{p}.load"), loadavg());
    app.store().close().await;
    Ok(())
}
