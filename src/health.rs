//! Health (issue 18 item 6): what an operator asks of a service that runs unattended. Who
//! reads the mailbox, the last message handled, what mail waits, retries, failed or was set
//! aside, and what goes out next — per community. `roundtable status` prints it; a daemon with
//! `metrics_listen` set serves the same figures to Prometheus on a loopback port.
//!
//! Both read the database only (nothing is planned or claimed), so `status` may run beside
//! any number of daemons, and a scrape never changes what they do.

use std::net::SocketAddr;

use anyhow::{Context as _, Result};
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

use crate::rules::{local_time, World};
use crate::schedule::JobKind;
use crate::shutdown::Shutdown;
use crate::store::{LastInbound, MailCounts, MailboxLease};

/// How many of the next sends each community shows.
const NEXT_SENDS: usize = 3;

#[derive(Debug)]
pub struct Health {
    pub now: i64,
    pub mailboxes: Vec<MailboxLease>,
    pub communities: Vec<CommunityHealth>,
    /// Counts of mail that names no community (an answer to a stranger, an unreadable message).
    pub unassigned: MailCounts,
}

#[derive(Debug)]
pub struct CommunityHealth {
    pub slug: String,
    pub name: String,
    pub timezone: chrono_tz::Tz,
    pub last_inbound: Option<LastInbound>,
    pub counts: MailCounts,
    /// What the schedule sends next, soonest first: planned jobs, then what `meeting_cron`
    /// will plan.
    pub next_sends: Vec<(JobKind, i64)>,
}

/// Reads the health of every community.
pub async fn gather(world: &World, now: i64) -> Result<Health> {
    let store = &world.store;
    let mailboxes = store.mailbox_leases().await?;
    let mut last = store.last_inbound().await?;
    let mut counts = store.mail_counts().await?;
    let mut communities = Vec::new();
    for c in &world.communities {
        let mut next_sends: Vec<(JobKind, i64)> = store
            .jobs(c.id, false)
            .await?
            .into_iter()
            .map(|j| (j.kind, j.due_at))
            .collect();
        if next_sends.len() < NEXT_SENDS {
            let mut conn = store.begin().await?;
            for (_, jobs) in world.coming_occurrences(&mut conn, c, now, 1).await? {
                next_sends.extend(jobs);
            }
        }
        next_sends.sort_by_key(|(_, due)| *due);
        next_sends.truncate(NEXT_SENDS);
        communities.push(CommunityHealth {
            slug: c.cfg.slug.clone(),
            name: c.cfg.name.clone(),
            timezone: c.cfg.timezone,
            last_inbound: last.remove(&Some(c.id)),
            counts: counts.remove(&Some(c.id)).unwrap_or_default(),
            next_sends,
        });
    }
    Ok(Health {
        now,
        mailboxes,
        communities,
        unassigned: counts.remove(&None).unwrap_or_default(),
    })
}

fn utc(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_default()
}

impl Health {
    /// What `roundtable status` prints.
    pub fn to_text(&self) -> String {
        let mut out = format!("roundtable status at {}\n", utc(self.now));
        if self.mailboxes.is_empty() {
            out += "mailbox: no daemon is reading it (none is running: start one with `roundtable run`)\n";
        }
        for m in &self.mailboxes {
            if m.until >= self.now {
                out += &format!(
                    "mailbox {}: read by {} (lease renewed until {})\n",
                    m.mailbox,
                    m.owner,
                    utc(m.until)
                );
            } else {
                out += &format!(
                    "mailbox {}: NOT READ — the lease of {} ran out at {}; is the daemon running?\n",
                    m.mailbox,
                    m.owner,
                    utc(m.until)
                );
            }
        }
        for c in &self.communities {
            out += &format!("\n{} ({}, times in {})\n", c.name, c.slug, c.timezone);
            match &c.last_inbound {
                Some(l) => {
                    out += &format!(
                        "  last handled   {}  from {}  read as {}: {}\n",
                        local_time(c.timezone, l.received_at),
                        l.from_address.as_deref().unwrap_or("-"),
                        l.kind,
                        l.outcome
                    )
                }
                None => out += "  last handled   nothing yet\n",
            }
            out += &counts_line(&c.counts);
            if c.next_sends.is_empty() {
                out += &format!(
                    "  next sends     nothing planned: roundtable meeting schedule {} \"YYYY-MM-DD HH:MM\"\n",
                    c.slug
                );
            }
            for (i, (kind, due)) in c.next_sends.iter().enumerate() {
                out += &format!(
                    "  {:<14} {:<17} {}\n",
                    if i == 0 { "next sends" } else { "" },
                    kind.as_str(),
                    local_time(c.timezone, *due)
                );
            }
        }
        let u = &self.unassigned;
        if *u != MailCounts::default() {
            out += "\nMail of no community (answers to strangers, unreadable messages)\n";
            out += &counts_line(u);
        }
        out
    }

    /// The figures in Prometheus' text format.
    pub fn to_metrics(&self) -> Result<String> {
        type ByCommunity = Family<Vec<(String, String)>, Gauge>;
        let mut r = Registry::with_prefix("roundtable");
        let lease_held = ByCommunity::default();
        let lease_until = ByCommunity::default();
        r.register(
            "mailbox_read",
            "1 while a daemon holds the mailbox's lease, 0 when it ran out",
            lease_held.clone(),
        );
        r.register(
            "mailbox_lease_until_seconds",
            "When the mailbox's lease runs out unless renewed (Unix time)",
            lease_until.clone(),
        );
        for m in &self.mailboxes {
            let l = vec![("mailbox".to_string(), m.mailbox.clone())];
            lease_held
                .get_or_create(&l)
                .set((m.until >= self.now) as i64);
            lease_until.get_or_create(&l).set(m.until);
        }
        let last = ByCommunity::default();
        let outbox = ByCommunity::default();
        let quarantined = ByCommunity::default();
        let held = ByCommunity::default();
        let next = ByCommunity::default();
        r.register(
            "last_inbound_seconds",
            "When the community's last inbound message was handled (Unix time)",
            last.clone(),
        );
        r.register(
            "outbox_mails",
            "Outgoing mail by state: waiting (not tried yet), retrying, failed (given up)",
            outbox.clone(),
        );
        r.register(
            "inbound_quarantined",
            "Inbound messages that could not be handled and were moved aside",
            quarantined.clone(),
        );
        r.register(
            "posts_held",
            "Posts waiting for a coordinator's APPROVE or REJECT",
            held.clone(),
        );
        r.register(
            "next_send_seconds",
            "When the schedule sends its next mail (Unix time)",
            next.clone(),
        );
        let community = |slug: &str| vec![("community".to_string(), slug.to_string())];
        let put = |slug: &str, n: &MailCounts| {
            for (state, v) in [
                ("waiting", n.waiting),
                ("retrying", n.retrying),
                ("failed", n.failed),
            ] {
                let mut l = community(slug);
                l.push(("state".into(), state.into()));
                outbox.get_or_create(&l).set(v);
            }
            quarantined
                .get_or_create(&community(slug))
                .set(n.quarantined);
            held.get_or_create(&community(slug)).set(n.held_posts);
        };
        for c in &self.communities {
            put(&c.slug, &c.counts);
            if let Some(l) = &c.last_inbound {
                last.get_or_create(&community(&c.slug)).set(l.received_at);
            }
            if let Some((_, due)) = c.next_sends.first() {
                next.get_or_create(&community(&c.slug)).set(*due);
            }
        }
        put("-", &self.unassigned);
        let mut out = String::new();
        encode(&mut out, &r).context("writing the metrics")?;
        Ok(out)
    }
}

fn counts_line(n: &MailCounts) -> String {
    format!(
        "  mail           {} waiting, {} retrying, {} failed; {} inbound set aside; {} post{} held\n",
        n.waiting,
        n.retrying,
        n.failed,
        n.quarantined,
        n.held_posts,
        if n.held_posts == 1 { "" } else { "s" }
    )
}

/// Serves `GET /metrics` on `listener` until shutdown. One tiny endpoint on a loopback port
/// (config refuses any other address), so a plain reader of the request line does: an HTTP
/// server crate would bring its own runtime pieces for a single fixed answer.
pub async fn serve(
    listener: TcpListener,
    world: std::sync::Arc<World>,
    clock: crate::clock::Clock,
    mut shutdown: Shutdown,
) {
    loop {
        let conn = tokio::select! {
            _ = shutdown.recv() => return,
            c = listener.accept() => c,
        };
        match conn {
            Ok((stream, peer)) => {
                let world = world.clone();
                tokio::spawn(async move {
                    if let Err(e) = answer(stream, &world, clock.now()).await {
                        tracing::warn!(%peer, "metrics: {e:#}");
                    }
                });
            }
            Err(e) => {
                tracing::warn!("metrics: accepting a connection: {e}");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// Binds the metrics port (at start, so a port in use stops the daemon with the reason).
pub async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.with_context(|| {
        format!("metrics_listen = \"{addr}\": cannot listen there (is the port in use?)")
    })
}

async fn answer(mut stream: TcpStream, world: &World, now: i64) -> Result<()> {
    let mut buf = Vec::with_capacity(1024);
    let read = async {
        let mut chunk = [0u8; 1024];
        while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 8192 {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        Ok::<_, std::io::Error>(())
    };
    tokio::time::timeout(std::time::Duration::from_secs(5), read)
        .await
        .context("reading the request: timed out")?
        .context("reading the request")?;
    let line = String::from_utf8_lossy(buf.split(|b| *b == b'\n').next().unwrap_or_default());
    let mut parts = line.split_whitespace();
    let (status, kind, body) = match (parts.next(), parts.next()) {
        (Some("GET"), Some("/metrics")) => {
            match gather(world, now).await.and_then(|h| h.to_metrics()) {
                Ok(m) => (
                    "200 OK",
                    "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    m,
                ),
                Err(e) => {
                    tracing::warn!("metrics: {e:#}");
                    (
                        "503 Service Unavailable",
                        "text/plain; charset=utf-8",
                        "the database could not be read; see the daemon's log\n".to_string(),
                    )
                }
            }
        }
        (Some("GET"), _) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "roundtable serves /metrics only\n".to_string(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            "GET /metrics\n".to_string(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::InboundKind;

    fn health(until: i64) -> Health {
        Health {
            now: 1_800_000_000,
            mailboxes: vec![MailboxLease {
                mailbox: "Maildir /srv/in".into(),
                owner: "host-42-ab12cd34".into(),
                until,
            }],
            communities: vec![CommunityHealth {
                slug: "design".into(),
                name: "Design Circle".into(),
                timezone: chrono_tz::Europe::Berlin,
                last_inbound: Some(LastInbound {
                    received_at: 1_799_999_000,
                    from_address: Some("ana@example.org".into()),
                    kind: InboundKind::Rsvp,
                    outcome: "recorded".into(),
                }),
                counts: MailCounts {
                    waiting: 3,
                    retrying: 2,
                    failed: 1,
                    quarantined: 4,
                    held_posts: 1,
                },
                next_sends: vec![(JobKind::Agenda, 1_800_100_000)],
            }],
            unassigned: MailCounts::default(),
        }
    }

    #[test]
    fn status_says_who_reads_and_when_nobody_does() {
        let live = health(1_800_000_010).to_text();
        assert!(live.contains("read by host-42-ab12cd34"), "{live}");
        assert!(
            live.contains("3 waiting, 2 retrying, 1 failed; 4 inbound set aside; 1 post held"),
            "{live}"
        );
        assert!(
            live.contains("from ana@example.org  read as rsvp"),
            "{live}"
        );
        assert!(live.contains("next sends     agenda"), "{live}");
        assert!(!live.contains("Mail of no community"), "{live}");
        let stale = health(1_799_999_990).to_text();
        assert!(stale.contains("NOT READ"), "{stale}");
    }

    #[test]
    fn metrics_carry_the_same_figures() {
        let m = health(1_800_000_010).to_metrics().unwrap();
        for line in [
            "roundtable_mailbox_read{mailbox=\"Maildir /srv/in\"} 1",
            "roundtable_outbox_mails{community=\"design\",state=\"retrying\"} 2",
            "roundtable_inbound_quarantined{community=\"design\"} 4",
            "roundtable_posts_held{community=\"design\"} 1",
            "roundtable_last_inbound_seconds{community=\"design\"} 1799999000",
            "roundtable_next_send_seconds{community=\"design\"} 1800100000",
        ] {
            assert!(m.lines().any(|l| l == line), "{line} missing from\n{m}");
        }
        let m = health(1_799_999_990).to_metrics().unwrap();
        assert!(
            m.contains("roundtable_mailbox_read{mailbox=\"Maildir /srv/in\"} 0"),
            "{m}"
        );
    }
}
