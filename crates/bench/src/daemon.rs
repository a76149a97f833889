//! The daemon (steps 4 + 5 of scripts/bench.sh): `roundtable run` on IMAP IDLE against the
//! stack: start-up time, idle footprint (RSS, CPU, threads, binary size), then reply →
//! confirmation latency through Postfix and Dovecot.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use roundtable::compose::token::{Claims, Purpose, Signer};

use crate::results::{proc_stat, Results};
use crate::scaleout::stop;
use crate::setup::{add_members, build_app, env, fresh_db, group_history, write_config, Setup};
use crate::{DAY, SECRET};

pub(crate) async fn daemon(
    work: &Path,
    idle_secs: u64,
    replies: usize,
    bin: &Path,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join("daemon");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let domain = env("RT_MAIL_DOMAIN")?;
    let smtp_port: u16 = env("RT_SMTP_PORT")?.parse()?;
    let tag = &uuid::Uuid::new_v4().simple().to_string()[..6];
    let list = format!("bench-{tag}@{domain}");
    let setup = Setup {
        list: list.clone(),
        coordinator: format!("bench-coord-{tag}@{domain}"),
        inbound: format!(
            "kind = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nusername = \"{list}\"\npassword = \"{}\"\nfolder = \"INBOX\"\nidle = true\npoll_interval = \"60s\"",
            env("RT_IMAP_PORT")?,
            env("RT_IMAP_PASSWORD")?
        ),
        outbound: format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {smtp_port}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\"]"),
    };
    let db = fresh_db("sqlite", &dir, "daemon").await?;
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let (members, meeting) = {
        let app = build_app(&cfg).await?;
        let now = app.clock.now();
        let members =
            add_members(&app, replies.max(1), &format!("lat{tag}-"), &domain, now).await?;
        let (_, next, _) = group_history(&app, &members, now).await?;
        app.store().close().await;
        (members, next)
    };

    // Start-up: exec → "roundtable running" (config, database, IMAP login).
    let t = Instant::now();
    let mut child = Command::new(bin)
        .args(["--config", &cfg.to_string_lossy(), "run"])
        .env("RUST_LOG", "info,roundtable::outbox=debug,sqlx=warn")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let lines = log_lines(
        child.stderr.take().context("daemon stderr")?,
        dir.join("daemon.log"),
    );
    let started = wait_line(&lines, Duration::from_secs(30), |l| {
        l.contains("roundtable running")
    });
    let Some(started) = started else {
        stop(&mut child, Duration::from_secs(5));
        bail!(
            "the daemon did not say \"roundtable running\" within 30 s; see {}",
            dir.join("daemon.log").display()
        );
    };
    let startup = started.duration_since(t);
    let pid = child.id();

    // Footprint: let the first round settle, then watch an idle daemon.
    std::thread::sleep(Duration::from_secs(2));
    let (ticks0, _) = proc_stat(pid)?;
    let t = Instant::now();
    let mut rss_max = 0u64;
    let mut rss_sum = 0u64;
    let mut samples = 0u64;
    while t.elapsed() < Duration::from_secs(idle_secs) {
        let rss = proc_rss_kb(pid)?;
        rss_max = rss_max.max(rss);
        rss_sum += rss;
        samples += 1;
        std::thread::sleep(Duration::from_millis(500));
    }
    let idle = t.elapsed();
    let (ticks1, threads) = proc_stat(pid)?;
    let clk = 100.0; // USER_HZ on Linux
    let cpu = (ticks1 - ticks0) as f64 / clk / idle.as_secs_f64() * 100.0;
    out.put(
        "daemon.startup_ms",
        format!("{:.0}", startup.as_secs_f64() * 1000.0),
    );
    out.put("daemon.idle_seconds", format!("{:.0}", idle.as_secs_f64()));
    out.put("daemon.rss_max_kb", rss_max);
    out.put("daemon.rss_avg_kb", rss_sum / samples.max(1));
    out.put("daemon.cpu_ticks", ticks1 - ticks0);
    out.put("daemon.cpu_percent", format!("{cpu:.3}"));
    out.put("daemon.threads", threads);
    let size = std::fs::metadata(bin)?.len();
    out.put("binary.bytes", size);
    let stripped = dir.join("roundtable.stripped");
    if Command::new("strip")
        .arg("-o")
        .arg(&stripped)
        .arg(bin)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
    {
        out.put("binary.stripped_bytes", std::fs::metadata(&stripped)?.len());
    }

    // Latency: one reply at a time through Postfix → Dovecot → IDLE → the daemon → its
    // confirmation accepted by Postfix (the daemon logs "sent" once Postfix said 250).
    let signer = Signer::new(SECRET.as_bytes());
    let mut lat = Vec::with_capacity(replies);
    let mut lost = 0;
    for (i, (pid, addr)) in members.iter().take(replies).enumerate() {
        let token = signer.sign(&Claims {
            purpose: Purpose::Rsvp,
            person_id: *pid,
            reference: meeting,
            expires_at: roundtable::clock::unix_now() + 90 * DAY,
        });
        let (local, dom) = list.split_once('@').context("list address")?;
        let to = format!("{local}+{token}@{dom}");
        let answers = [
            "Yes, see you there!",
            "No, sorry — travelling that week.",
            "Maybe, depends on a client call.",
            "yes 15 min late",
        ];
        let msg = format!(
            "From: Member {i} <{addr}>\r\nTo: <{to}>\r\nSubject: Re: Bench Circle: will you come?\r\nMessage-ID: <lat-{i}-{}@client.example>\r\nDate: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n\r\n-- \r\nMember {i}\r\n",
            uuid::Uuid::new_v4().simple(),
            chrono::Utc::now().to_rfc2822(),
            answers[i % answers.len()]
        );
        while lines.try_recv().is_ok() {}
        smtp_send(smtp_port, addr, &to, msg.as_bytes())
            .with_context(|| format!("sending reply {i} to Postfix"))?;
        let t0 = Instant::now();
        let needle = format!("to={addr}");
        match wait_line(&lines, Duration::from_secs(15), |l| {
            l.contains(" sent") && l.contains(&needle)
        }) {
            Some(at) => lat.push(at.duration_since(t0)),
            None => lost += 1,
        }
    }
    let shutdown = stop(&mut child, Duration::from_secs(20));
    lat.sort();
    let pct = |q: f64| {
        lat.get(
            ((lat.len() as f64 * q).ceil() as usize)
                .saturating_sub(1)
                .min(lat.len().saturating_sub(1)),
        )
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(f64::NAN)
    };
    out.put("latency.replies", replies);
    out.put("latency.answered", lat.len());
    out.put("latency.lost", lost);
    out.put("latency.p50_ms", format!("{:.0}", pct(0.50)));
    out.put("latency.p99_ms", format!("{:.0}", pct(0.99)));
    out.put(
        "latency.min_ms",
        format!(
            "{:.0}",
            lat.first()
                .map(|d| d.as_secs_f64() * 1000.0)
                .unwrap_or(f64::NAN)
        ),
    );
    out.put(
        "latency.max_ms",
        format!(
            "{:.0}",
            lat.last()
                .map(|d| d.as_secs_f64() * 1000.0)
                .unwrap_or(f64::NAN)
        ),
    );
    out.put(
        "daemon.shutdown_ms",
        shutdown
            .map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0))
            .unwrap_or_else(|| "killed".into()),
    );
    Ok(())
}

/// The daemon's stderr, line by line with the moment each arrived; also copied to `log`.
fn log_lines(
    stderr: std::process::ChildStderr,
    log: PathBuf,
) -> std::sync::mpsc::Receiver<(Instant, String)> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut file = std::fs::File::create(log).ok();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let at = Instant::now();
            let line = strip_ansi(&line);
            if let Some(f) = file.as_mut() {
                let _ = writeln!(f, "{line}");
            }
            if tx.send((at, line)).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_line(
    rx: &std::sync::mpsc::Receiver<(Instant, String)>,
    within: Duration,
    want: impl Fn(&str) -> bool,
) -> Option<Instant> {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left) {
            Ok((at, line)) if want(&line) => return Some(at),
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

fn proc_rss_kb(pid: u32) -> Result<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .context("VmRSS in /proc status")?;
    Ok(line
        .split_whitespace()
        .nth(1)
        .context("VmRSS value")?
        .parse()?)
}

/// One message to Postfix the way a member's client sends it (with TCP_NODELAY, so the bench's
/// own client adds no Nagle delay).
fn smtp_send(port: u16, from: &str, to: &str, msg: &[u8]) -> Result<()> {
    let s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut r = BufReader::new(s.try_clone()?);
    let mut w = s;
    let mut expect = |code: &str| -> Result<()> {
        loop {
            let mut line = String::new();
            if r.read_line(&mut line)? == 0 {
                bail!("connection closed, expected {code}");
            }
            if !line.starts_with(code) {
                bail!("expected {code}, got {}", line.trim_end());
            }
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(());
            }
        }
    };
    expect("220")?;
    w.write_all(b"EHLO client.example\r\n")?;
    expect("250")?;
    w.write_all(format!("MAIL FROM:<{from}>\r\n").as_bytes())?;
    expect("250")?;
    w.write_all(format!("RCPT TO:<{to}>\r\n").as_bytes())?;
    expect("250")?;
    w.write_all(b"DATA\r\n")?;
    expect("354")?;
    let mut data = Vec::with_capacity(msg.len() + 8);
    for line in msg.split_inclusive(|&b| b == b'\n') {
        if line.first() == Some(&b'.') {
            data.push(b'.');
        }
        data.extend_from_slice(line);
    }
    data.extend_from_slice(b".\r\n");
    w.write_all(&data)?;
    expect("250")?;
    w.write_all(b"QUIT\r\n")?;
    Ok(())
}
