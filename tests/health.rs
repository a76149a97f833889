//! Health (issue 18 item 6): `roundtable status` and the daemon's Prometheus endpoint, on
//! SQLite and PostgreSQL, with the real binary reading the list's mailbox on Dovecot.
//!
//! Outgoing mail goes to a loopback port where nothing listens, so the announcement stays
//! queued and is retried: the figures a health check is for (mail that does not leave) are
//! then real, not zeros.

#[path = "support/daemon.rs"]
mod daemon;
mod support;

use std::io::{Read as _, Write as _};
use std::time::Duration;

use daemon::{until, Daemon, PATIENCE};
use support::{both_backends, free_port, in_days, mail, Backend, World};

/// `GET path` on the metrics port: the status line and the body.
fn get(port: u16, path: &str) -> Option<(String, String)> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let (head, body) = out.split_once("\r\n\r\n")?;
    Some((head.lines().next()?.to_string(), body.to_string()))
}

/// The value of the sample whose name and labels are `series`, e.g.
/// `roundtable_outbox_mails{community="design",state="retrying"}`.
fn sample(metrics: &str, series: &str) -> Option<i64> {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

fn status(w: &World) -> String {
    let out = w.command(&["status"]).output().unwrap();
    assert!(
        out.status.success(),
        "roundtable status failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

async fn health_of_a_running_daemon(backend: Backend) {
    let dead_smtp = free_port();
    let w = World::new(
        backend,
        Some(format!(
            "kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {dead_smtp}\ntls = \"none\"\nretry = [\"1m\", \"5m\"]"
        )),
    )
    .await;
    let port = free_port();
    w.rewrite_config(
        "authserv_id =",
        &format!("metrics_listen = \"127.0.0.1:{port}\"\nauthserv_id ="),
    );
    let ben = w.stack.address("ben");
    for args in [
        vec!["member", "add", "design", &ben, "--name", "Ben Okafor"],
        vec![
            "meeting",
            "schedule",
            "design",
            &in_days(5),
            "--place",
            "Room 4",
        ],
    ] {
        let out = w.command(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    let before = status(&w);
    assert!(
        before.contains("mailbox: no daemon is reading it"),
        "{before}"
    );
    assert!(before.contains("last handled   nothing yet"), "{before}");

    // Ben asks for HELP by mail; the daemon reads it from Dovecot.
    w.stack
        .send(&ben, &w.list, &mail(&ben, &w.list, "HELP", ""))
        .await;
    let mut d = Daemon::start(&w.config_path, &["run"], w.dir.path(), "daemon", &[]);
    let metrics = until(
        PATIENCE,
        "the metrics to show Ben's HELP handled and mail retrying",
        || {
            let got = get(port, "/metrics");
            async move {
                let (line, body) = got?;
                assert!(line.contains("200"), "{line}\n{body}");
                let retrying = sample(
                    &body,
                    "roundtable_outbox_mails{community=\"design\",state=\"retrying\"}",
                )?;
                let handled = sample(
                    &body,
                    "roundtable_last_inbound_seconds{community=\"design\"}",
                );
                (retrying >= 2 && handled.is_some()).then_some(body)
            }
        },
    )
    .await;
    assert!(d.alive(), "{}", d.log());

    // What the endpoint says.
    let read = metrics
        .lines()
        .find(|l| l.starts_with("roundtable_mailbox_read{mailbox=\"IMAP "))
        .unwrap_or_else(|| panic!("no mailbox lease in\n{metrics}"));
    assert!(read.ends_with(" 1"), "{read}");
    let retrying = sample(
        &metrics,
        "roundtable_outbox_mails{community=\"design\",state=\"retrying\"}",
    )
    .unwrap();
    assert_eq!(
        sample(
            &metrics,
            "roundtable_outbox_mails{community=\"design\",state=\"failed\"}"
        ),
        Some(0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            "roundtable_inbound_quarantined{community=\"design\"}"
        ),
        Some(0),
        "{metrics}"
    );
    let next = sample(
        &metrics,
        "roundtable_next_send_seconds{community=\"design\"}",
    )
    .unwrap_or_else(|| panic!("no next send in\n{metrics}"));
    let now = chrono::Utc::now().timestamp();
    assert!(
        next > now - 60,
        "the next send is in the past: {next} vs {now}"
    );
    assert!(metrics.trim_end().ends_with("# EOF"), "{metrics}");
    let (line, _) = get(port, "/").unwrap();
    assert!(line.contains("404"), "{line}");

    // What `roundtable status` says beside the running daemon: the same figures.
    let text = status(&w);
    assert!(text.contains(": read by "), "{text}");
    assert!(
        text.contains(&format!("from {ben}  read as command")),
        "{text}"
    );
    // The daemon goes on meanwhile (the answer to HELP may join the retrying ones).
    let mail_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("mail "))
        .unwrap_or_else(|| panic!("no mail line in\n{text}"));
    let shown: i64 = mail_line
        .split(" retrying")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no retrying count in {mail_line:?}"));
    assert!(
        shown >= retrying,
        "status {shown} < metrics {retrying}: {text}"
    );
    assert!(
        mail_line.ends_with("0 failed; 0 inbound set aside; 0 posts held"),
        "{mail_line}"
    );
    assert!(text.contains("next sends     "), "{text}");

    // Stopped: the lease is given back, and status says nobody reads the mailbox.
    let exit = d.terminate();
    assert!(exit.success(), "{exit:?}: {}", d.log());
    let after = status(&w);
    assert!(
        after.contains("mailbox: no daemon is reading it"),
        "{after}"
    );
    assert!(
        get(port, "/metrics").is_none(),
        "the endpoint outlived the daemon"
    );
}
both_backends!(health_of_a_running_daemon);

/// A port already taken stops the daemon at start, naming the key and the cause.
async fn metrics_port_in_use(backend: Backend) {
    let w = World::new(backend, None).await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    w.rewrite_config(
        "authserv_id =",
        &format!("metrics_listen = \"127.0.0.1:{port}\"\nauthserv_id ="),
    );
    let out = w.command(&["run"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("metrics_listen = \"127.0.0.1:{port}\"")) && err.contains("in use"),
        "{err}"
    );
}
both_backends!(metrics_port_in_use);
