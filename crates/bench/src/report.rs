//! The report: the table of a results file, each figure beside its peer or budget, printed
//! and written into BENCHMARKS.md between the `bench:begin` / `bench:end` markers.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result};

pub(crate) fn report(results: &Path, file: &Path, command: &str) -> Result<()> {
    let text = std::fs::read_to_string(results)
        .with_context(|| format!("reading {}", results.display()))?;
    // A key measured several times (BENCH_RUNS) has one line per run: the figure is the
    // median run's, and the spread (lowest–highest) is shown beside the rates.
    let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(' ') {
            all.entry(k.to_string()).or_default().push(v.to_string());
        }
    }
    let r: BTreeMap<String, String> = all.iter().map(|(k, vs)| (k.clone(), median(vs))).collect();
    let get = |k: &str| r.get(k).cloned().unwrap_or_else(|| "—".into());
    let num = |k: &str| r.get(k).and_then(|v| v.parse::<f64>().ok());
    let fmt_int = |v: f64| {
        let s = format!("{:.0}", v);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let n = |k: &str| num(k).map(fmt_int).unwrap_or_else(|| "—".into());
    // A rate with its spread over the runs.
    let nr = |k: &str| format!("{}{}", n(k), spread_of(&all, k, fmt_int));
    let ratio = |a: &str, b: &str| match (num(a), num(b)) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.0} %", a / b * 100.0),
        _ => "—".into(),
    };
    let verdict = |ok: Option<bool>| match ok {
        Some(true) => "**met**",
        Some(false) => "**missed**",
        None => "not measured",
    };

    let mut rows: Vec<[String; 4]> = Vec::new();
    for kind in ["sqlite", "postgres"] {
        let p = format!("inbound.{kind}");
        let budget = if kind == "sqlite" {
            format!(
                "budget ≥ 5,000/s: {}",
                verdict(num(&format!("{p}.rate")).map(|v| v >= 5000.0))
            )
        } else {
            format!(
                "budget ≥ 3,000/s (issue 14): {}",
                verdict(num(&format!("{p}.rate")).map(|v| v >= 3000.0))
            )
        };
        rows.push([
            format!(
                "Inbound, {} ({} replies, drain_inbox end to end)",
                if kind == "sqlite" {
                    "SQLite"
                } else {
                    "PostgreSQL"
                },
                n(&format!("{p}.messages"))
            ),
            format!("{} replies/s", nr(&format!("{p}.rate"))),
            format!(
                "mail-parser raw parse of the same files: {} msg/s (understand::read alone: {}/s)",
                n(&format!("{p}.parse_rate")),
                n(&format!("{p}.understand_rate"))
            ),
            format!(
                "{} of the raw parse rate; {budget}",
                ratio(&format!("{p}.rate"), &format!("{p}.parse_rate"))
            ),
        ]);
    }
    rows.push([
        "Inbound, SQLite, the same run confined to one CPU (`taskset -c 0`): a diagnosis, not a configuration".into(),
        format!("{} replies/s", n("inbound.sqlite-1cpu.rate")),
        format!("{} s of CPU, against {} s on both CPUs", get("inbound.sqlite-1cpu.cpu_seconds"), get("inbound.sqlite.cpu_seconds")),
        format!("{} of the two-CPU rate: waking a thread on the other, idle vCPU is what costs (see below)", ratio("inbound.sqlite-1cpu.rate", "inbound.sqlite.rate")),
    ]);
    rows.push([
        format!(
            "Outbound, SQLite (digest to {} over SMTP, {} connections, {} B/msg)",
            n("outbound.sqlite.messages"),
            get("outbound.sqlite.connections"),
            n("outbound.sqlite.size")
        ),
        format!("{} msg/s", nr("outbound.sqlite.rate")),
        format!(
            "smtp-source, same size, {} sessions reusing connections, same sink: {} msg/s",
            get("smtp_source.sessions"),
            nr("smtp_source.rate")
        ),
        format!(
            "**{}**; budget ≥ 90 %: {}",
            ratio("outbound.sqlite.rate", "smtp_source.rate"),
            verdict(
                match (num("outbound.sqlite.rate"), num("smtp_source.rate")) {
                    (Some(a), Some(b)) if b > 0.0 => Some(a / b >= 0.9),
                    _ => None,
                }
            )
        ),
    ]);
    rows.push([
        "Outbound, PostgreSQL (same run)".to_string(),
        format!("{} msg/s", nr("outbound.postgres.rate")),
        format!("smtp-source as above: {} msg/s", n("smtp_source.rate")),
        format!(
            "{}; budget ≥ 75 %: {}",
            ratio("outbound.postgres.rate", "smtp_source.rate"),
            verdict(
                match (num("outbound.postgres.rate"), num("smtp_source.rate")) {
                    (Some(a), Some(b)) if b > 0.0 => Some(a / b >= 0.75),
                    _ => None,
                }
            )
        ),
    ]);
    for (kind, name, budget) in [("sqlite", "SQLite", 0.9), ("postgres", "PostgreSQL", 0.75)] {
        let p = format!("post.{kind}");
        let rate = num(&format!("{p}.rate"));
        let source = num("smtp_source_post.rate");
        let mlmmj = num("mlmmj.nodelay.rate");
        rows.push([
            format!(
                "List post, {name} (one {} B post to {} members, personal copies of {} B, {} connections)",
                n(&format!("{p}.post_bytes")),
                n(&format!("{p}.messages")),
                n(&format!("{p}.size")),
                get(&format!("{p}.connections"))
            ),
            format!("{} msg/s", nr(&format!("{p}.rate"))),
            format!(
                "smtp-source, same size, {} sessions, same sink: {} msg/s; mlmmj with TCP_NODELAY: {} msg/s",
                get("smtp_source_post.sessions"),
                nr("smtp_source_post.rate"),
                n("mlmmj.nodelay.rate")
            ),
            format!(
                "**{}** of smtp-source; budget ≥ {:.0} %: {}; {} mlmmj",
                ratio(&format!("{p}.rate"), "smtp_source_post.rate"),
                budget * 100.0,
                verdict(match (rate, source) {
                    (Some(a), Some(b)) if b > 0.0 => Some(a / b >= budget),
                    _ => None,
                }),
                match (rate, mlmmj) {
                    (Some(a), Some(b)) if b > 0.0 => format!("{:.2} ×", a / b),
                    _ => "— ×".into(),
                }
            ),
        ]);
    }
    rows.push([
        format!(
            "Peer: mlmmj {} as packaged, the same post to a list of {} addresses (one connection)",
            get("mlmmj.version"),
            n("mlmmj.packaged.recipients")
        ),
        format!("{} msg/s", n("mlmmj.packaged.rate")),
        format!(
            "roundtable list post (SQLite), same post: {} msg/s",
            n("post.sqlite.rate")
        ),
        format!(
            "roundtable = {} × mlmmj",
            match (num("post.sqlite.rate"), num("mlmmj.packaged.rate")) {
                (Some(a), Some(b)) if b > 0.0 => format!("{:.0}", a / b),
                _ => "—".into(),
            }
        ),
    ]);
    rows.push([
        format!(
            "Peer: mlmmj with TCP_NODELAY forced (LD_PRELOAD), the list post's {} B post to {} addresses",
            n("smtp_source_1.size"),
            n("mlmmj.nodelay.recipients")
        ),
        format!("{} msg/s", nr("mlmmj.nodelay.rate")),
        format!("smtp-source, 1 session: {} msg/s", n("smtp_source_1.rate")),
        format!(
            "{} of smtp-source (1 session)",
            ratio("mlmmj.nodelay.rate", "smtp_source_1.rate")
        ),
    ]);
    rows.push([
        "Peer: Mailman 3".into(),
        "not run".into(),
        get("mailman.note"),
        "—".into(),
    ]);
    rows.push([
        format!("Latency: reply into Postfix → confirmation accepted by Postfix ({} replies, IMAP IDLE, SQLite)", get("latency.replies")),
        format!("p50 {} ms, p99 {} ms", get("latency.p50_ms"), get("latency.p99_ms")),
        format!("min {} ms, max {} ms; {} lost", get("latency.min_ms"), get("latency.max_ms"), get("latency.lost")),
        format!("budget < 1 s: {}", verdict(num("latency.p99_ms").map(|v| v < 1000.0))),
    ]);
    rows.push([
        format!(
            "Footprint: after draining a backlog of {} replies, idle 12 s (SQLite)",
            fmt_int(num("inbound.idle.messages").unwrap_or(f64::NAN))
        ),
        format!(
            "RSS {:.1} MB",
            num("inbound.idle.idle_rss_kb").unwrap_or(f64::NAN) / 1024.0
        ),
        format!(
            "peak RSS during the drain {:.1} MB; the writer gives its page cache back after 10 s without a batch",
            num("inbound.idle.peak_rss_kb").unwrap_or(f64::NAN) / 1024.0
        ),
        format!(
            "budget < 30 MB idle: {}",
            verdict(num("inbound.idle.idle_rss_kb").map(|v| v < 30.0 * 1024.0))
        ),
    ]);
    rows.push([
        format!(
            "Footprint: idle daemon over {} s (IMAP IDLE, SQLite)",
            get("daemon.idle_seconds")
        ),
        format!(
            "RSS max {:.1} MB, CPU {} %",
            num("daemon.rss_max_kb").unwrap_or(f64::NAN) / 1024.0,
            get("daemon.cpu_percent")
        ),
        format!(
            "{} CPU ticks in the window; {} threads",
            get("daemon.cpu_ticks"),
            get("daemon.threads")
        ),
        format!(
            "budget < 30 MB, ~0 % CPU: {}",
            verdict(
                num("daemon.rss_max_kb")
                    .zip(num("daemon.cpu_percent"))
                    .map(|(r, c)| r < 30.0 * 1024.0 && c < 0.5)
            )
        ),
    ]);
    rows.push([
        "Binary size (release)".into(),
        format!(
            "{:.1} MB",
            num("binary.bytes").unwrap_or(f64::NAN) / 1048576.0
        ),
        format!(
            "stripped: {:.1} MB",
            num("binary.stripped_bytes").unwrap_or(f64::NAN) / 1048576.0
        ),
        "—".into(),
    ]);
    rows.push([
        "Start-up to \"roundtable running\"".into(),
        format!("{} ms", get("daemon.startup_ms")),
        format!("shutdown on SIGTERM: {} ms", get("daemon.shutdown_ms")),
        "—".into(),
    ]);
    rows.push([
        format!(
            "Scale-out: 1 daemon on PostgreSQL ({} connections)",
            get("scaleout.1.connections_each")
        ),
        format!("{} msg/s", n("scaleout.1.rate")),
        format!(
            "received {} for {} recipients; double sends {}, missing {}",
            n("scaleout.1.received"),
            n("scaleout.1.recipients"),
            get("scaleout.1.double_sends"),
            get("scaleout.1.missing")
        ),
        "—".into(),
    ]);
    rows.push([
        format!(
            "Scale-out: 2 daemons on one PostgreSQL ({} connections each)",
            get("scaleout.2.connections_each")
        ),
        format!("{} msg/s", n("scaleout.2.rate")),
        format!(
            "received {} for {} recipients; **double sends {}**, missing {}; shares {}",
            n("scaleout.2.received"),
            n("scaleout.2.recipients"),
            get("scaleout.2.double_sends"),
            get("scaleout.2.missing"),
            get("scaleout.2.shares")
        ),
        format!(
            "{} of 1 daemon; double sends must be 0: {}",
            ratio("scaleout.2.rate", "scaleout.1.rate"),
            verdict(num("scaleout.2.double_sends").map(|d| d == 0.0))
        ),
    ]);

    // Growth (SQLite): the same runs at 1,000, 10,000 (the rows above) and 100,000.
    type Growth<'a> = (&'a str, &'a str, fn(&str) -> String);
    let growth: [Growth; 2] = [
        (
            "Growth, inbound SQLite, backlog of",
            "replies/s",
            |size: &str| {
                if size == "10000" {
                    "inbound.sqlite".to_string()
                } else {
                    format!("inbound.growth-{size}")
                }
            },
        ),
        (
            "Growth, outbound SQLite (digest), members:",
            "msg/s",
            |size: &str| {
                if size == "10000" {
                    "outbound.sqlite".to_string()
                } else {
                    format!("outbound-growth-{size}.sqlite")
                }
            },
        ),
    ];
    for (what, unit, key) in growth {
        for size in ["1000", "10000", "100000"] {
            let p = key(size);
            let base = key("10000");
            let ran = num(&format!("{p}.rate")).is_some();
            rows.push([
                format!("{what} {}", fmt_int(size.parse().unwrap_or(0.0))),
                if ran {
                    format!("{} {unit}", nr(&format!("{p}.rate")))
                } else {
                    "not run".into()
                },
                if ran {
                    let mb = |k: &str| num(&format!("{p}.{k}")).unwrap_or(f64::NAN) / 1024.0;
                    let mut s = format!("peak RSS of the bench process {:.1} MB", mb("peak_rss_kb"));
                    if num(&format!("{p}.drain_peak_rss_kb")).is_some() {
                        s.push_str(&format!(
                            "; during the drain alone {:.1} MB, from {:.1} MB resident after the set-up",
                            mb("drain_peak_rss_kb"),
                            mb("drain_rss_before_kb")
                        ));
                    }
                    s
                } else {
                    "opt-in: BENCH_GROWTH_100K=1 (adds ~10 minutes)".into()
                },
                if ran && size != "10000" {
                    format!(
                        "{} of the 10,000 rate",
                        ratio(&format!("{p}.rate"), &format!("{base}.rate"))
                    )
                } else {
                    "—".into()
                },
            ]);
        }
    }

    let mut table = String::from("| what | figure | measured beside it, same run | ratio / budget |\n| --- | --- | --- | --- |\n");
    for row in &rows {
        table.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    let machine = machine();
    let mut block = String::new();
    block.push_str(&format!(
        "Run on {} (UTC).\n\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M")
    ));
    block.push_str(&format!("Machine: {machine}\n\n"));
    block.push_str(&format!("Command: `{command}`\n\n"));
    block.push_str(&format!(
        "Load average (1/5/15 min) before the run: {}, after: {}. The machine is shared: other work running at the same time slows every figure; the peers ran in the same minutes under the same load.\n\n",
        get("run.load_before"),
        get("run.load_after")
    ));
    block.push_str(&table);
    block.push_str("\nDetails of this run:\n\n");
    block.push_str(&format!(
        "- Inbound mix (generated from tests/fixtures, re-addressed to this group's members): {}\n",
        get("inbound.sqlite.mix")
    ));
    block.push_str(&format!(
        "- What the daemon read them as (SQLite run): {}\n",
        get("inbound.sqlite.read_as")
    ));
    block.push_str(&format!(
        "- Inbound answers queued: SQLite {}, PostgreSQL {}; acknowledged (moved to .Handled): {} / {}; quarantined {} / {}\n",
        get("inbound.sqlite.answers_queued"), get("inbound.postgres.answers_queued"), get("inbound.sqlite.acknowledged"), get("inbound.postgres.acknowledged"), get("inbound.sqlite.quarantined"), get("inbound.postgres.quarantined")
    ));
    block.push_str(&format!(
        "- Durability: SQLite {}; PostgreSQL {}\n",
        get("inbound.sqlite.server"),
        get("inbound.postgres.server")
    ));
    for (label, p) in [
        ("Inbound, SQLite", "inbound.sqlite"),
        ("Inbound, PostgreSQL", "inbound.postgres"),
        ("Outbound, SQLite", "outbound.sqlite"),
        ("Outbound, PostgreSQL", "outbound.postgres"),
    ] {
        block.push_str(&format!(
            "- {label}: {} s wall, {} s of CPU in the bench process (all its threads; a PostgreSQL server's own CPU is not in it), {} KB written per message by the process, 1-minute load {}\n",
            get(&format!("{p}.seconds")),
            get(&format!("{p}.cpu_seconds")),
            get(&format!("{p}.written_kb_per_message")),
            get(&format!("{p}.load"))
        ));
    }
    block.push_str(&format!(
        "- Outbound: queueing the digest through the rules (render + sign + insert) ran at {} rows/s (SQLite) and {} rows/s (PostgreSQL); delivery sent {} / failed {} / retried {}\n",
        n("outbound.sqlite.queue_rate"), n("outbound.postgres.queue_rate"), get("outbound.sqlite.sent"), get("outbound.sqlite.failed"), get("outbound.sqlite.retried")
    ));
    block.push_str(&format!(
        "- List post: queueing the copies through the rules (App::handle: read, store the post once, one outbox row per member) ran at {} rows/s (SQLite) and {} rows/s (PostgreSQL); delivery sent {} / failed {}; peak RSS {:.1} MB\n",
        n("post.sqlite.queue_rate"), n("post.postgres.queue_rate"), get("post.sqlite.sent"), get("post.sqlite.failed"),
        num("post.sqlite.peak_rss_kb").unwrap_or(f64::NAN) / 1024.0
    ));
    block.push_str(&format!(
        "- smtp-source: `{}`\n",
        get("smtp_source.command")
    ));
    block.push_str(&format!(
        "- mlmmj as packaged: {} recipients in {} s; with TCP_NODELAY: {} in {} s\n",
        get("mlmmj.packaged.recipients"),
        get("mlmmj.packaged.seconds"),
        get("mlmmj.nodelay.recipients"),
        get("mlmmj.nodelay.seconds")
    ));
    block.push_str(&format!("- Scale-out: 1 daemon {} s, 2 daemons {} s for {} mails each run (time from exec to the last row recorded as sent)\n", get("scaleout.1.seconds"), get("scaleout.2.seconds"), get("scaleout.1.messages")));

    println!("\n{table}");
    let begin =
        "<!-- bench:begin (written by `bench report`; everything outside the markers is kept) -->";
    let end = "<!-- bench:end -->";
    let generated = format!("{begin}\n{block}{end}");
    let old = std::fs::read_to_string(file).unwrap_or_default();
    let new = match (old.find("<!-- bench:begin"), old.find(end)) {
        (Some(a), Some(b)) if b > a => format!("{}{generated}{}", &old[..a], &old[b + end.len()..]),
        _ => format!("# Benchmarks\n\n{generated}\n"),
    };
    std::fs::write(file, new).with_context(|| format!("writing {}", file.display()))?;
    println!("written to {}", file.display());
    Ok(())
}

/// The middle value of a key's runs (numerically when they are numbers; the lower middle of an
/// even count), or the last one for text.
fn median(values: &[String]) -> String {
    let mut nums: Vec<(f64, &String)> = values
        .iter()
        .filter_map(|v| v.parse::<f64>().ok().map(|f| (f, v)))
        .collect();
    if nums.len() != values.len() || nums.is_empty() {
        return values.last().cloned().unwrap_or_default();
    }
    nums.sort_by(|a, b| a.0.total_cmp(&b.0));
    nums[(nums.len() - 1) / 2].1.clone()
}

/// `, spread LOW–HIGH over N runs` for a key measured more than once, else nothing.
fn spread_of(
    all: &BTreeMap<String, Vec<String>>,
    key: &str,
    fmt: impl Fn(f64) -> String,
) -> String {
    let nums: Vec<f64> = all
        .get(key)
        .map(|vs| vs.iter().filter_map(|v| v.parse().ok()).collect())
        .unwrap_or_default();
    if nums.len() < 2 {
        return String::new();
    }
    let lo = nums.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = nums.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    format!(" (median of {}; {}–{})", nums.len(), fmt(lo), fmt(hi))
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.1} GB RAM", kb / 1048576.0))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("PRETTY_NAME=")).map(|l| {
                l.trim_start_matches("PRETTY_NAME=")
                    .trim_matches('"')
                    .to_string()
            })
        })
        .unwrap_or_default();
    format!(
        "{cpus} CPUs ({model}), {mem}, {os}, Linux {kernel}, {}",
        rustc_version()
    )
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
