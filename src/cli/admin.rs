//! What each command-line command does. Output is for people: short tables, one line each.

use anyhow::{bail, Context as _, Result};

use crate::app::App;
use crate::cli::table::Table;
use crate::cli::{
    Cli, Command, InspectArgs, MeetingCommand, MemberCommand, OutboxCommand, RunArgs,
};
use crate::clock::Clock;
use crate::config::{self, Config};
use crate::domain::{Address, OutboxStatus, Response};
use crate::rules::local_time;

pub async fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Inspect(a) => inspect(&cli.config, a),
        Command::Demo(a) => crate::cli::demo::run(&a.dir).await,
        Command::Init(a) => crate::cli::init::run(&cli.config, a),
        Command::Texts(crate::cli::TextsCommand::Export { language, dir }) => {
            let path = crate::texts::export(language, &dir).with_context(|| {
                format!("writing the {language} catalog into {}", dir.display())
            })?;
            println!(
                "Wrote {}: edit the messages you want to change (keep their {{ $placeholders }}), then set texts_dir = \"{}\" in the community and run check-config.",
                path.display(),
                dir.display()
            );
            Ok(())
        }
        Command::CheckConfig => {
            let c = config::load(&cli.config)?;
            println!(
                "{}: OK — database {}, {} communit{}",
                cli.config.display(),
                crate::store::redact_url(&c.database_url),
                c.communities.len(),
                if c.communities.len() == 1 { "y" } else { "ies" }
            );
            for cm in &c.communities {
                println!(
                    "  {} <{}> {} coordinators: {}",
                    cm.slug,
                    cm.address,
                    cm.timezone,
                    cm.coordinators
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            Ok(())
        }
        Command::Run(a) => run(config::load(&cli.config)?, a).await,
        Command::Deliver => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            let mut raw = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut raw)
                .context("reading the message on stdin")?;
            app.handle(&raw).await?;
            Ok(())
        }
        Command::Member(m) => member(config::load(&cli.config)?, m).await,
        Command::Backup { file } => {
            crate::cli::backup::run(&config::load(&cli.config)?, &file).await
        }
        Command::Meeting(m) => meeting(config::load(&cli.config)?, m).await,
        Command::Outbox(o) => outbox(config::load(&cli.config)?, o).await,
        Command::Held(h) => held(config::load(&cli.config)?, h).await,
        Command::Do {
            community,
            command,
            as_address,
        } => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            let text = app
                .world
                .run_cli_command(
                    &community,
                    &command.join(" "),
                    as_address.as_deref(),
                    app.clock.now(),
                )
                .await?;
            println!("{text}");
            Ok(())
        }
        Command::Audit { limit } => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            let mut t = Table::new();
            for e in app.store().audit_log(limit).await? {
                t.row([
                    utc(e.at),
                    e.actor,
                    e.command,
                    format!("[{}]", e.auth),
                    e.outcome,
                ]);
            }
            t.print();
            Ok(())
        }
        Command::Timeline { community, all } => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            app.world.plan(app.clock.now()).await?;
            timeline(&app, community.as_deref(), all).await
        }
        Command::Status => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            let h = crate::health::gather(&app.world, app.clock.now()).await?;
            print!("{}", h.to_text());
            Ok(())
        }
        Command::Log { limit } => {
            let app = App::build(config::load(&cli.config)?, Clock::system()).await?;
            let mut t = Table::new().right(0);
            for e in app.store().inbound_log(limit).await? {
                t.row([
                    e.id.to_string(),
                    utc(e.received_at),
                    e.from_address.unwrap_or_else(|| "-".into()),
                    e.kind.to_string(),
                    e.outcome,
                ]);
            }
            t.print();
            Ok(())
        }
    }
}

fn utc(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

async fn run(config: Config, a: RunArgs) -> Result<()> {
    let clock = match &a.now {
        Some(s) => Clock::fixed(
            chrono::DateTime::parse_from_rfc3339(s)
                .with_context(|| {
                    format!("--now {s:?} is not an RFC 3339 time, e.g. 2026-12-01T09:00:00Z")
                })?
                .timestamp(),
        ),
        None => Clock::system(),
    };
    let app = App::build(config, clock).await?;
    if a.once {
        let (inbox, fired, sent) = app.run_once().await?;
        println!(
            "handled {} message(s) ({} seen before, {} moved aside), queued {} answer(s); fired {} job(s) ({} skipped as too late) queueing {} mail(s); delivered {}, {} to retry, {} failed",
            inbox.handled, inbox.duplicates, inbox.quarantined, inbox.queued, fired.jobs, fired.skipped, fired.mails, sent.sent, sent.retried, sent.failed
        );
        return Ok(());
    }
    let (trigger, shutdown) = crate::shutdown::channel();
    tokio::spawn(crate::shutdown::on_signals(trigger));
    app.run(shutdown).await
}

fn inspect(config_path: &std::path::Path, a: InspectArgs) -> Result<()> {
    let asked =
        match a.asked.as_deref() {
            None => None,
            Some(s) => Some(s.parse::<understand::Asked>().map_err(|_| {
                anyhow::anyhow!("--as {s:?}: use rsvp, topics, takeaways or followup")
            })?),
        };
    // Our own addresses, if a config is at hand: mail from them is our own coming back.
    let own: Vec<String> = config::load(config_path)
        .map(|c| {
            c.communities
                .iter()
                .map(|c| c.address.to_string())
                .collect()
        })
        .unwrap_or_default();
    for f in &a.files {
        let name = f.display().to_string();
        let raw = match std::fs::read(f) {
            Ok(r) => r,
            Err(e) => {
                if a.json {
                    println!(
                        "{}",
                        serde_json::json!({"file": name, "from": null, "kind": "unclear", "text": "", "reason": format!("cannot read the file: {e}")})
                    );
                } else {
                    println!("{name}: cannot read the file: {e}");
                }
                continue;
            }
        };
        if a.json {
            println!("{}", understand::inspect_json(&name, &raw, asked, &own));
        } else {
            let v: serde_json::Value =
                serde_json::from_str(&understand::inspect_json(&name, &raw, asked, &own))?;
            println!("{name}");
            if let Some(obj) = v.as_object() {
                for (k, val) in obj {
                    if k != "file" {
                        println!(
                            "  {k}: {}",
                            if let Some(s) = val.as_str() {
                                s.replace('\n', "\n    ")
                            } else {
                                val.to_string()
                            }
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// What will be sent when, per community and meeting, in each community's time zone.
async fn timeline(app: &App, only: Option<&str>, all: bool) -> Result<()> {
    for c in &app.world.communities {
        if only.is_some_and(|s| s != c.cfg.slug) {
            continue;
        }
        println!(
            "{} ({}, times in {})",
            c.cfg.name, c.cfg.slug, c.cfg.timezone
        );
        let meetings = app.store().meetings(c.id).await?;
        let jobs = app.store().jobs(c.id, all).await?;
        let mut tx = app.store().begin().await?;
        let coming = app
            .world
            .coming_occurrences(&mut tx, c, app.clock.now(), COMING)
            .await?;
        drop(tx);
        if jobs.is_empty() && coming.is_empty() {
            println!(
                "  nothing planned: roundtable meeting schedule {} \"YYYY-MM-DD HH:MM\"",
                c.cfg.slug
            );
        }
        // Each meeting once, in the order they take place, with its mail in the order it goes
        // out; then what belongs to the community (the digest).
        let mut groups: Vec<(Option<&crate::store::Meeting>, Vec<&crate::store::Job>)> = Vec::new();
        for m in &meetings {
            let mine: Vec<_> = jobs.iter().filter(|j| j.meeting_id == Some(m.id)).collect();
            if !mine.is_empty() {
                groups.push((Some(m), mine));
            }
        }
        let rest: Vec<_> = jobs
            .iter()
            .filter(|j| {
                j.meeting_id
                    .is_none_or(|id| !meetings.iter().any(|m| m.id == id))
            })
            .collect();
        if !rest.is_empty() {
            groups.push((None, rest));
        }
        for (meeting, jobs) in groups {
            match meeting {
                Some(m) => println!(
                    "  meeting {} — {}{}{}",
                    m.id,
                    local_time(c.cfg.timezone, m.starts_at),
                    m.place
                        .as_deref()
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default(),
                    if m.status == crate::domain::MeetingStatus::Scheduled {
                        String::new()
                    } else {
                        format!(" ({})", m.status)
                    }
                ),
                None => println!("  community"),
            }
            for j in jobs {
                println!(
                    "    {:<17} {:<40} {}",
                    j.kind.as_str(),
                    local_time(c.cfg.timezone, j.due_at),
                    j.status
                );
            }
        }
        if let (Some(expr), false) = (&c.cfg.meeting_cron, coming.is_empty()) {
            println!("  next meetings of meeting_cron \"{expr}\" (planned as their announcement comes near)");
            for (starts_at, jobs) in &coming {
                println!("  recurring — {}", local_time(c.cfg.timezone, *starts_at));
                for (kind, due) in jobs {
                    println!(
                        "    {:<17} {:<40} to come",
                        kind.as_str(),
                        local_time(c.cfg.timezone, *due),
                    );
                }
            }
        }
    }
    Ok(())
}

/// How many occurrences of a `meeting_cron` ahead of the planned ones `timeline` and
/// `meeting list` show.
const COMING: usize = 3;

async fn member(config: Config, m: MemberCommand) -> Result<()> {
    let app = App::build(config, Clock::system()).await?;
    let now = app.clock.now();
    match m {
        MemberCommand::Add {
            community,
            address,
            name,
            role,
            language,
        } => {
            let c = app.world.community(&community)?;
            let a = Address::parse(&address)?;
            let name = name.map(|n| crate::domain::clean_name(&n));
            let mut tx = app.store().begin().await?;
            let id = app
                .store()
                .upsert_person(&mut tx, c.id, &a, name.as_deref(), role, now)
                .await?;
            if let Some(l) = language {
                app.store().set_language(&mut tx, id, Some(l), now).await?;
            }
            tx.commit().await?;
            println!(
                "{a} is a {} of {}{}",
                role.as_str(),
                c.cfg.slug,
                language
                    .map(|l| format!(", writing to them in {l}"))
                    .unwrap_or_default()
            );
        }
        MemberCommand::Import {
            community,
            file,
            dry_run,
            welcome,
        } => {
            let input =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let report = crate::cli::members::import(
                &app,
                &community,
                &input,
                crate::cli::members::ImportOptions { dry_run, welcome },
            )
            .await?;
            print!("{report}");
        }
        MemberCommand::Export { community, file } => match file {
            Some(path) => {
                let f = std::fs::File::create(&path)
                    .with_context(|| format!("creating {}", path.display()))?;
                let n = crate::cli::members::export(&app, &community, f).await?;
                eprintln!("wrote {n} people to {}", path.display());
            }
            None => {
                crate::cli::members::export(&app, &community, std::io::stdout().lock()).await?;
            }
        },
        MemberCommand::List { community } => {
            let c = app.world.community(&community)?;
            let people = app.store().people(c.id).await?;
            if people.is_empty() {
                println!(
                    "{} has nobody yet: roundtable member add {} ADDRESS --name NAME",
                    c.cfg.slug, c.cfg.slug
                );
            }
            let mut t = Table::new();
            for p in people {
                t.row([
                    p.address.to_string(),
                    p.name.unwrap_or_else(|| "-".into()),
                    p.role.as_str().to_string(),
                    p.status.to_string(),
                ]);
            }
            t.print();
        }
        MemberCommand::Set {
            community,
            address,
            delivery,
            moderated,
        } => {
            let c = app.world.community(&community)?;
            let a = Address::parse(&address)?;
            let mut tx = app.store().begin().await?;
            let p = app
                .store()
                .person_by_address(&mut tx, c.id, &a)
                .await?
                .ok_or_else(|| anyhow::anyhow!("{a} is not in {}", c.cfg.slug))?;
            if let Some(d) = delivery {
                let d = match d.to_ascii_lowercase().as_str() {
                    "each" => crate::domain::Delivery::Each,
                    "digest" => crate::domain::Delivery::Digest,
                    "none" => crate::domain::Delivery::None,
                    other => bail!("unknown delivery {other:?}: use each, digest or none"),
                };
                app.store().set_delivery(&mut tx, p.id, d, now).await?;
                println!("{a}: delivery {d}");
            }
            if let Some(m) = moderated {
                app.store().set_moderated(&mut tx, p.id, m, now).await?;
                println!(
                    "{a}: posts {}",
                    if m {
                        "held for review"
                    } else {
                        "sent as they come"
                    }
                );
            }
            tx.commit().await?;
        }
        MemberCommand::Remove { community, address } => {
            let c = app.world.community(&community)?;
            let a = Address::parse(&address)?;
            let removed = app.world.remove_member(&community, &a, now).await?;
            if !removed {
                bail!("{a} is not an active member of {}", c.cfg.slug);
            }
            println!("{a} was removed from {} and gets no more mail", c.cfg.slug);
        }
    }
    Ok(())
}

async fn meeting(config: Config, m: MeetingCommand) -> Result<()> {
    let app = App::build(config, Clock::system()).await?;
    let now = app.clock.now();
    match m {
        MeetingCommand::Schedule {
            community,
            when,
            place,
        } => {
            let (id, queued) = app
                .world
                .schedule_meeting(&community, &when, place.as_deref(), now)
                .await?;
            let c = app.world.community(&community)?;
            let mut tx = app.store().begin().await?;
            let mt = app
                .store()
                .meeting(&mut tx, id)
                .await?
                .context("the new meeting")?;
            tx.commit().await?;
            if queued > 0 {
                println!(
                    "meeting {id} of {} on {}: announcement queued for {queued} people",
                    c.cfg.slug,
                    local_time(c.cfg.timezone, mt.starts_at)
                );
            } else {
                println!("meeting {id} of {} on {}: its mail goes out on schedule (see: roundtable timeline)", c.cfg.slug, local_time(c.cfg.timezone, mt.starts_at));
            }
        }
        MeetingCommand::List { community } => {
            let c = app.world.community(&community)?;
            let mut t = Table::new().right(0);
            for mt in app.store().meetings(c.id).await? {
                let rsvps = app.store().rsvps(mt.id).await?;
                let count = |r: Response| rsvps.iter().filter(|x| x.response == r).count();
                t.row([
                    mt.id.to_string(),
                    local_time(c.cfg.timezone, mt.starts_at),
                    mt.status.to_string(),
                    format!(
                        "yes {} / maybe {} / no {}",
                        count(Response::Yes),
                        count(Response::Maybe),
                        count(Response::No)
                    ),
                    mt.place.unwrap_or_default(),
                ]);
            }
            let mut tx = app.store().begin().await?;
            let coming = app
                .world
                .coming_occurrences(&mut tx, c, app.clock.now(), COMING)
                .await?;
            drop(tx);
            for (starts_at, jobs) in coming {
                let announced = jobs
                    .first()
                    .map(|(kind, due)| format!("{kind} {}", local_time(c.cfg.timezone, *due)))
                    .unwrap_or_default();
                t.row([
                    "-".to_string(),
                    local_time(c.cfg.timezone, starts_at),
                    "recurring".to_string(),
                    format!("from meeting_cron; {announced}"),
                    c.cfg.meeting_place.clone().unwrap_or_default(),
                ]);
            }
            if t.is_empty() {
                println!(
                    "{} has no meetings: roundtable meeting schedule {} \"YYYY-MM-DD HH:MM\", or set meeting_cron",
                    c.cfg.slug, c.cfg.slug
                );
            }
            t.print();
        }
        MeetingCommand::Cancel {
            community,
            id,
            reason,
        } => {
            let told = app
                .world
                .cancel_meeting(&community, id, reason.as_deref(), now)
                .await?;
            println!("meeting {id} of {community} is cancelled; a cancellation is queued for {told} people");
        }
        MeetingCommand::Reschedule {
            community,
            id,
            when,
            place,
        } => {
            let told = app
                .world
                .reschedule_meeting(&community, id, &when, place.as_deref(), now)
                .await?;
            println!("meeting {id} of {community} moved to {when}; an update is queued for {told} people");
        }
    }
    Ok(())
}

async fn outbox(config: Config, o: OutboxCommand) -> Result<()> {
    let app = App::build(config, Clock::system()).await?;
    match o {
        OutboxCommand::List { status, limit } => {
            let rows = app.store().outbox(status, limit).await?;
            if rows.is_empty() {
                println!(
                    "no mail{}",
                    status
                        .map(|s| format!(" with status {s}"))
                        .unwrap_or_default()
                );
            }
            let mut t = Table::new().right(0);
            for r in rows {
                let when = match r.status {
                    OutboxStatus::Sent => {
                        format!("sent {}", r.sent_at.map(utc).unwrap_or_default())
                    }
                    OutboxStatus::Pending => format!("due {}", utc(r.next_attempt_at)),
                    OutboxStatus::Failed => format!("after {} attempt(s)", r.attempts),
                };
                t.row([
                    r.id.to_string(),
                    r.status.to_string(),
                    r.kind.to_string(),
                    r.recipient,
                    when,
                    r.subject,
                ]);
                if let Some(e) = r.last_error.filter(|_| r.status != OutboxStatus::Sent) {
                    // Under the subject, in the row's last column.
                    let blank = String::new;
                    t.row([
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        format!("last error: {e}"),
                    ]);
                }
            }
            t.print();
        }
        OutboxCommand::Retry { id, all } => {
            let n = app
                .store()
                .retry_outbox(if all { None } else { id }, app.clock.now())
                .await?;
            if n == 0 {
                bail!(
                    "nothing to retry: no failed mail{}",
                    id.map(|i| format!(" with id {i}")).unwrap_or_default()
                );
            }
            println!("{n} mail(s) queued again; the daemon (or run --once) sends them");
        }
    }
    Ok(())
}

async fn held(config: Config, h: crate::cli::HeldCommand) -> Result<()> {
    use crate::cli::HeldCommand;
    let app = App::build(config, Clock::system()).await?;
    let now = app.clock.now();
    match h {
        HeldCommand::List => {
            let mut conn = app.store().begin().await?;
            let posts = app
                .store()
                .posts_with_status(&mut conn, None, crate::domain::PostStatus::Held)
                .await?;
            if posts.is_empty() {
                println!("no post is held");
            }
            let mut t = Table::new().right(0);
            for p in posts {
                let slug = app
                    .world
                    .communities
                    .iter()
                    .find(|c| c.id == p.community_id)
                    .map(|c| c.cfg.slug.clone())
                    .unwrap_or_default();
                t.row([
                    p.id.to_string(),
                    slug,
                    p.author_address,
                    p.subject,
                    p.hold_reason.unwrap_or_default(),
                ]);
            }
            t.print();
        }
        HeldCommand::Approve { community, id } => {
            println!(
                "{}",
                app.world
                    .decide_held(&community, id, true, None, now)
                    .await?
            );
        }
        HeldCommand::Reject {
            community,
            id,
            reason,
        } => {
            let reason = reason.join(" ");
            let reason = Some(reason.as_str()).filter(|r| !r.trim().is_empty());
            println!(
                "{}",
                app.world
                    .decide_held(&community, id, false, reason, now)
                    .await?
            );
        }
    }
    Ok(())
}
