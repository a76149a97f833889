//! List post (step 2 of scripts/bench.sh, issue 14): one ~4 KB post from a member to the list's
//! bare address, to N members who take posts one by one (personal copies), through the real
//! path: `App::handle` reads it and the rules' post path (src/rules/posts.rs) stores it once and
//! queues one outbox row per member; then `Delivery::drain` sends every copy over SMTP to a
//! sink. Only the drain is timed (the queueing rate is recorded beside it).

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Result};
use roundtable::rules::Handled;

use crate::outbound::smtp_outbound;
use crate::results::{loadavg, peak_rss_kb, rate, self_cpu, self_written, Results};
use crate::setup::{add_members, build_app, fresh_db, scalar, write_config, Setup};

/// The post: plain text of about `size` bytes, as a mail client writes it.
fn post(from: &str, to: &str, size: usize) -> Vec<u8> {
    let head = format!(
        "From: Member Zero <{from}>\r\nTo: {to}\r\nSubject: Estimating the migration work\r\nDate: Sun, 29 Nov 2026 09:00:00 +0000\r\nMessage-ID: <bench-post-{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        uuid::Uuid::new_v4().simple()
    );
    let sentence = "How do you estimate a migration when the client cannot say what the old system does? We split it into slices and time the first one. ";
    let mut body = String::from("Hello all,\r\n\r\n");
    let mut line = String::new();
    while head.len() + body.len() + line.len() < size {
        for w in sentence.split(' ').filter(|w| !w.is_empty()) {
            if line.len() + w.len() + 1 > 72 {
                body.push_str(line.trim_end());
                body.push_str("\r\n");
                line.clear();
            }
            line.push_str(w);
            line.push(' ');
        }
    }
    body.push_str(line.trim_end());
    body.push_str("\r\n\r\nMember Zero\r\n");
    format!("{head}{body}").into_bytes()
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn list_post(
    kind: &str,
    work: &Path,
    n: usize,
    size: usize,
    port: u16,
    connections: u32,
    label: &str,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("{label}-{kind}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db(kind, &dir, "rt_bench_post").await?;
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
    let now = app.clock.now();
    let members = add_members(&app, n, "p", "sink.test", now).await?;
    let raw = post(&members[0].1, &setup.list, size);

    let t = Instant::now();
    let h = app.handle(&raw).await?;
    let queue_time = t.elapsed();
    let queued = match h {
        Handled::Done {
            ref outcome,
            queued,
            ..
        } if queued > 0 => {
            println!("list post on {kind}: {outcome}");
            queued
        }
        other => bail!("the post was not queued: {other:?}"),
    };
    // The wire size of a copy: the post's bytes and its shared headers, plus a member's part.
    let wire = scalar(
        &db,
        "SELECT CAST((SELECT SUM(LENGTH(raw) + LENGTH(headers)) FROM posts)
                + (SELECT SUM(LENGTH(b.body)) FROM outbox_bodies b JOIN outbox o ON o.id = b.outbox_id
                   WHERE o.post_id IS NOT NULL) / (SELECT COUNT(*) FROM outbox WHERE post_id IS NOT NULL)
                AS BIGINT)",
    )
    .await?;

    let delivery = app.delivery()?;
    let written = self_written();
    let cpu = self_cpu();
    let t = Instant::now();
    let now = roundtable::clock::unix_now();
    let b = delivery
        .on_own_thread(move |d| async move { d.drain(now).await })
        .await??;
    let send_time = t.elapsed();
    let cpu = self_cpu() - cpu;
    let written = self_written() - written;
    let p = format!("{label}.{kind}");
    out.put(&format!("{p}.post_bytes"), raw.len());
    out.put(&format!("{p}.messages"), queued);
    out.put(&format!("{p}.size"), wire);
    out.put(&format!("{p}.connections"), connections);
    out.put(
        &format!("{p}.queue_rate"),
        format!("{:.0}", rate(queued, queue_time)),
    );
    out.put(&format!("{p}.sent"), b.sent);
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
    out.put(&format!("{p}.peak_rss_kb"), peak_rss_kb());
    out.put(&format!("{p}.load"), loadavg());
    app.store().close().await;
    Ok(())
}
