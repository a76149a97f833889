//! Inbound (step 1 of scripts/bench.sh): a Maildir backlog of N replies drained by
//! `App::drain_inbox`, beside mail-parser's raw parse rate and `understand::read` alone on the
//! same files.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use roundtable::compose::token::Signer;

use crate::results::{loadavg, rate, rss_kb, self_cpu, self_written, start_phase, Results};
use crate::setup::{
    add_members, build_app, fresh_db, group_count, group_history, pg_durability, write_config,
    Setup,
};
use crate::SECRET;

pub(crate) async fn inbound(
    kind: &str,
    work: &Path,
    n: usize,
    drain_only: bool,
    idle_after: Option<std::time::Duration>,
    label: &str,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("inbound-{label}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db(kind, &dir, "rt_bench_inbound").await?;
    let inbox = dir.join("inbox");
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!("kind = \"maildir\"\npath = \"{}\"", inbox.display()),
        outbound: format!(
            "kind = \"maildir\"\npath = \"{}\"",
            dir.join("outbox").display()
        ),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let app = build_app(&cfg).await?;
    let now = app.clock.now();
    let members = add_members(&app, n, "m", "bench.test", now).await?;
    let (past, next, thread) = group_history(&app, &members, now).await?;

    let mix = gen::backlog(
        &inbox,
        n,
        &members,
        &Signer::new(SECRET.as_bytes()),
        past,
        next,
        &thread,
        now,
    )?;
    let files = roundtable::maildir::list(&inbox)?;
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "inbound on {kind}: {} replies in {} ({} KB), mix: {}",
        files.len(),
        inbox.display(),
        bytes / 1024,
        mix.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // mail-parser's raw parse rate of the same files, read from disk the same way.
    let parser = mail_parser::MessageParser::default();
    let t = Instant::now();
    let mut parsed = 0usize;
    for f in files.iter().filter(|_| !drain_only) {
        let raw = std::fs::read(f)?;
        if let Some(m) = parser.parse(&raw) {
            parsed += std::hint::black_box(m.parts.len()).min(1);
        }
    }
    let parse_time = t.elapsed();
    // The pure reading (guard, trim, intent) alone, for the profile: no database, no files moved.
    let own = vec![setup.list.clone()];
    let t = Instant::now();
    for f in files.iter().filter(|_| !drain_only) {
        let raw = std::fs::read(f)?;
        let _ = std::hint::black_box(understand::read(
            &raw,
            &understand::Context {
                asked: None,
                own_addresses: &own,
            },
        ));
    }
    let understand_time = t.elapsed();
    // What the harness itself holds (the names of up to 100,000 files, the members) is let go
    // before the drain: the drain's peak is then the daemon's path and the harness's floor.
    let messages = files.len();
    drop(files);
    drop(members);

    // The real path: read, understand, commit, acknowledge (move to .Handled), enqueue answers.
    let mut mailbox = app.open_mailbox().await?;
    let phase = start_phase();
    let written = self_written();
    let cpu = self_cpu();
    let t = Instant::now();
    let stats = app.drain_inbox(&mut mailbox).await?;
    let drain_time = t.elapsed();
    let cpu = self_cpu() - cpu;
    let written = self_written() - written;
    let handled_files = std::fs::read_dir(inbox.join(".Handled/cur"))
        .map(|d| d.count())
        .unwrap_or(0);
    let left = roundtable::maildir::list(&inbox)?.len();

    let p = format!("inbound.{label}");
    out.put(&format!("{p}.messages"), messages);
    out.put(&format!("{p}.bytes"), bytes);
    out.put(
        &format!("{p}.mix"),
        mix.iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.put(
        &format!("{p}.parse_rate"),
        format!("{:.0}", rate(parsed, parse_time)),
    );
    out.put(
        &format!("{p}.understand_rate"),
        format!("{:.0}", rate(messages, understand_time)),
    );
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(messages, drain_time)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", drain_time.as_secs_f64()),
    );
    out.put(&format!("{p}.cpu_seconds"), format!("{cpu:.2}"));
    out.put(
        &format!("{p}.written_kb_per_message"),
        format!("{:.1}", written as f64 / 1024.0 / messages.max(1) as f64),
    );
    out.put_peaks(&p, phase);
    if let Some(idle) = idle_after {
        // What a daemon holds once the backlog is done and it idles (the writer gives its
        // cache back after 10 s without a batch).
        tokio::time::sleep(idle).await;
        out.put(&format!("{p}.idle_rss_kb"), rss_kb());
    }
    out.put(&format!("{p}.load"), loadavg());
    out.put(&format!("{p}.handled"), stats.handled);
    out.put(&format!("{p}.duplicates"), stats.duplicates);
    out.put(&format!("{p}.quarantined"), stats.quarantined);
    out.put(&format!("{p}.answers_queued"), stats.queued);
    out.put(&format!("{p}.acknowledged"), handled_files);
    out.put(&format!("{p}.left_in_inbox"), left);
    let kinds = group_count(
        &db,
        "SELECT kind AS k, COUNT(*) AS n FROM inbound GROUP BY kind ORDER BY kind",
    )
    .await?;
    out.put(
        &format!("{p}.read_as"),
        kinds
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join(","),
    );
    if kind == "postgres" {
        out.put(&format!("{p}.server"), pg_durability(&db).await?);
    } else {
        out.put(
            &format!("{p}.server"),
            "journal_mode=WAL,synchronous=NORMAL on the batch writer with its WAL fsynced before each acknowledgement (FULL elsewhere)",
        );
    }
    app.store().close().await;
    Ok(())
}

/// The inbound backlog: real-format messages from tests/fixtures, re-addressed as replies of
/// this community's members.
mod gen {
    use std::path::{Path, PathBuf};

    use anyhow::{bail, Context as _, Result};
    use roundtable::compose::token::{Claims, Purpose, Signer};

    use crate::DAY;

    /// (category, share of the backlog in percent, fixture folder, filter)
    const MIX: &[(&str, usize, &str)] = &[
        ("rsvp", 45, "rsvp"),
        ("calendar-reply", 8, "calendar"),
        ("topics", 10, "topics"),
        ("votes", 5, "votes"),
        ("takeaways", 10, "takeaways"),
        ("bounce", 10, "bounces"),
        ("auto-reply", 12, "auto"),
    ];

    fn fixtures(folder: &str) -> Result<Vec<Vec<u8>>> {
        // The repository's reading fixtures (this crate lives in crates/bench).
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(folder);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            let raw = std::fs::read(&f)?;
            let text = String::from_utf8_lossy(&raw).to_ascii_lowercase();
            // Calendar: only the answers (iTIP REPLY), not invitations or cancellations.
            if folder == "calendar"
                && !(text.contains("method:reply") || text.contains("method=reply"))
            {
                continue;
            }
            out.push(raw);
        }
        if out.is_empty() {
            bail!("no fixtures in {}", dir.display());
        }
        Ok(out)
    }

    /// Writes N messages into `inbox/new` (oldest first by name) and returns the mix.
    #[allow(clippy::too_many_arguments)]
    pub fn backlog(
        inbox: &Path,
        n: usize,
        members: &[(i64, String)],
        signer: &Signer,
        past: i64,
        next: i64,
        thread: &str,
        now: i64,
    ) -> Result<Vec<(String, usize)>> {
        roundtable::maildir::ensure(inbox)?;
        let pools: Vec<(&str, usize, Vec<Vec<u8>>)> = MIX
            .iter()
            .map(|(k, share, folder)| Ok((*k, *share, fixtures(folder)?)))
            .collect::<Result<_>>()?;
        // Deterministic interleaving: message i gets the category whose running share is
        // furthest behind, so every stretch of the backlog has the same mix.
        let mut counts = vec![0usize; pools.len()];
        let expires = now + 120 * DAY;
        for i in 0..n {
            let k = (0..pools.len())
                .max_by(|&a, &b| {
                    let due =
                        |j: usize| (pools[j].1 as f64) * (i + 1) as f64 / 100.0 - counts[j] as f64;
                    due(a)
                        .partial_cmp(&due(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(b.cmp(&a))
                })
                .unwrap_or(0);
            let (cat, _, files) = &pools[k];
            let raw = &files[counts[k] % files.len()];
            counts[k] += 1;
            let (pid, addr) = &members[i % members.len()];
            let token = |purpose: Purpose, reference: i64| {
                signer.sign(&Claims {
                    purpose,
                    person_id: *pid,
                    reference,
                    expires_at: expires,
                })
            };
            let name = format!("Member {i}");
            let (from, to, in_reply_to) = match *cat {
                "rsvp" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Rsvp, next)),
                    Some(thread.to_string()),
                ),
                // Calendar apps answer the ORGANIZER, the plain list address.
                "calendar-reply" => (
                    Some(format!("{name} <{addr}>")),
                    "circle@bench.test".to_string(),
                    None,
                ),
                "topics" | "votes" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Topics, next)),
                    Some(thread.to_string()),
                ),
                "takeaways" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Takeaways, past)),
                    None,
                ),
                // A receiving server's report to our VERP return path; its own From is kept.
                "bounce" => (
                    None,
                    format!("circle+bounce-{}@bench.test", token(Purpose::Bounce, next)),
                    None,
                ),
                _ => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Rsvp, next)),
                    Some(thread.to_string()),
                ),
            };
            let msg = rewrite(
                raw,
                from.as_deref(),
                &to,
                &format!(
                    "<bench-{i}-{}@client.example>",
                    &uuid::Uuid::new_v4().simple().to_string()[..12]
                ),
                in_reply_to.as_deref(),
            );
            let name = format!("{}.M{:06}P1Q{i}.bench", now, i);
            let tmp = inbox.join("tmp").join(&name);
            std::fs::write(&tmp, &msg)?;
            std::fs::rename(&tmp, inbox.join("new").join(&name))?;
        }
        Ok(pools
            .iter()
            .zip(counts)
            .map(|((k, _, _), c)| (k.to_string(), c))
            .collect())
    }

    /// The fixture with new From (unless None), To, Message-ID, Date and In-Reply-To; every
    /// other header and the body as they were.
    pub fn rewrite(
        raw: &[u8],
        from: Option<&str>,
        to: &str,
        message_id: &str,
        in_reply_to: Option<&str>,
    ) -> Vec<u8> {
        let (head_end, body_start) = match find(raw, b"\r\n\r\n") {
            Some(p) => (p, p + 4),
            None => match find(raw, b"\n\n") {
                Some(p) => (p, p + 2),
                None => (raw.len(), raw.len()),
            },
        };
        let head = &raw[..head_end];
        let nl: &[u8] = if find(head, b"\r\n").is_some() {
            b"\r\n"
        } else {
            b"\n"
        };
        let mut drop = vec![
            "to",
            "cc",
            "message-id",
            "date",
            "delivered-to",
            "x-original-to",
            "in-reply-to",
            "references",
        ];
        if from.is_some() {
            drop.push("from");
        }
        let mut out: Vec<u8> = Vec::with_capacity(raw.len() + 256);
        let mut add = |line: String| {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(nl);
        };
        if let Some(f) = from {
            add(format!("From: {f}"));
        }
        add(format!("To: {to}"));
        add(format!("Message-ID: {message_id}"));
        add(format!("Date: {}", chrono::Utc::now().to_rfc2822()));
        if let Some(r) = in_reply_to {
            add(format!("In-Reply-To: <{r}>"));
            add(format!("References: <{r}>"));
        }
        let mut keep = true;
        for line in head.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
                if keep {
                    out.extend_from_slice(line);
                    out.extend_from_slice(nl);
                }
                continue;
            }
            let name = line
                .split(|&b| b == b':')
                .next()
                .map(|n| String::from_utf8_lossy(n).trim().to_ascii_lowercase())
                .unwrap_or_default();
            keep = !drop.contains(&name.as_str());
            if keep {
                out.extend_from_slice(line);
                out.extend_from_slice(nl);
            }
        }
        out.extend_from_slice(nl);
        out.extend_from_slice(&raw[body_start.min(raw.len())..]);
        out
    }

    fn find(h: &[u8], needle: &[u8]) -> Option<usize> {
        h.windows(needle.len()).position(|w| w == needle)
    }
}
