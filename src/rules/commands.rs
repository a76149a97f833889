//! Commands in the Subject: who may do what, how we know it is them, and what each does.
//!
//! A command that only reads (HELP, STATUS, TOPICS, SEARCH) is answered to the sender's
//! address: a forger learns nothing. A command that changes state needs proof:
//! - coordinator commands follow `coordinator_auth`: `dmarc` (the top-most
//!   Authentication-Results header of our own server says dmarc=pass for the From domain),
//!   `confirm` (a single-use, expiring confirmation token mailed to the coordinator's real
//!   address must come back), or `dmarc-or-confirm`;
//! - a member's own commands (LEAVE, PAUSE, RSVP, …) pass with DMARC or with their own reply
//!   token in the address (it was only ever mailed to them), else they are confirmed too.
//!
//! Every command and its outcome goes to the audit log.

use anyhow::Result;
use understand::command::{self as grammar, Cmd, Command};
use understand::Reading;

use super::{local_instant, local_time, Act, Answer, Community, Draft, Outcome};
use crate::rules::auth_results as auth;
use crate::config::CoordinatorAuth;
use crate::domain::{Address, OtherMailKind, PersonStatus, Response, Role, TopicStatus};
use crate::compose;
use crate::schedule::JobKind;
use crate::store::{GuestMark, Person};
use crate::compose::token::{Claims, Purpose};

/// How long a confirmation token may be sent back.
const CONFIRM_TTL: i64 = 24 * 3600;

enum Auth {
    Pass(&'static str),
    Confirm(String),
    Refuse(String),
}

impl super::World {
    /// A command given on the command line, as the coordinator (or `as_address`) would send
    /// it by mail: the same grammar, the same effects, audited as coming from the command line.
    pub async fn run_cli_command(&self, slug: &str, line: &str, as_address: Option<&str>, now: i64) -> Result<String> {
        let c = self.community(slug)?;
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        let Some((command, args)) = words.split_first() else { anyhow::bail!("no command given: try HELP") };
        let mut tx = self.store.begin().await?;
        let actor = match as_address {
            Some(a) => self.store.person_by_address(&mut tx, c.id, &Address::parse(a)?).await?.ok_or_else(|| anyhow::anyhow!("{a} is not in {}", c.cfg.slug))?,
            None => {
                let first = c.cfg.coordinators.first().ok_or_else(|| anyhow::anyhow!("{} has no coordinator", c.cfg.slug))?;
                self.store.person_by_address(&mut tx, c.id, first).await?.ok_or_else(|| anyhow::anyhow!("coordinator {first} is missing"))?
            }
        };
        let cmd = grammar::parse(&command.to_uppercase(), args, &[]).map_err(|u| anyhow::anyhow!("{u}"))?;
        let mut act = Act { world: self, conn: &mut tx, now, queued: 0 };
        let text = act.execute(c, &actor, &cmd).await?;
        self.store.audit(act.conn, Some(c.id), actor.address.as_str(), line, "command line", text.lines().next().unwrap_or(""), now).await?;
        tx.commit().await?;
        self.fire_due(&format!("cli-{}", std::process::id()), now).await?;
        Ok(text)
    }

    /// `roundtable member remove`: what a coordinator's REMOVE does. Whether they were an
    /// active member.
    pub async fn remove_member(&self, slug: &str, address: &Address, now: i64) -> Result<bool> {
        let c = self.community(slug)?;
        let mut tx = self.store.begin().await?;
        let removed = Act { world: self, conn: &mut tx, now, queued: 0 }.remove(c, address).await?;
        tx.commit().await?;
        Ok(removed)
    }
}

impl Act<'_, '_> {
    /// A command as the reading gives it: read once, in `understand` (from the Subject and the
    /// sender's own words); never parsed again here.
    pub(super) async fn command(&mut self, c: &Community, p: &Person, reading: &Reading, claims: Option<Claims>, given: &Command) -> Result<Outcome> {
        let (command, args) = (given.word.as_str(), &given.args);
        let line = given.line();
        let cmd = match &given.parsed {
            Ok(cmd) => cmd,
            Err(usage) => {
                let text = format!("{usage}\n\n{}", grammar::help(p.role == Role::Coordinator));
                self.result(c, p, reading, &format!("{command}: not understood"), &text).await?;
                self.audit(c, p, &line, "-", &format!("refused: {}", usage.problem)).await?;
                return Ok(Outcome::done(format!("command {command} not understood: usage sent"), Some(p.id)));
            }
        };
        if grammar::coordinator_only(cmd) && p.role != Role::Coordinator {
            let text = format!("Only the coordinator of {} can use {command}.\n\n{}", c.cfg.name, grammar::help(false));
            self.result(c, p, reading, &format!("{command}: for the coordinator"), &text).await?;
            self.audit(c, p, &line, "-", "refused: not a coordinator").await?;
            return Ok(Outcome::done(format!("command {command} from a non-coordinator: refused"), Some(p.id)));
        }
        if grammar::changes_state(cmd) {
            match self.authenticate(c, p, reading, claims, grammar::coordinator_only(cmd)) {
                Auth::Pass(how) => return self.run_command(c, p, reading, cmd, &line, how).await,
                Auth::Refuse(why) => {
                    tracing::warn!(community = %c.cfg.slug, sender = %p.address, command = %line, "command refused: {why}");
                    let text = format!("A command in your name was refused: {why}.\nIf it was you, send it from your usual account (its mail server must sign it), or ask the administrator to allow confirmations (coordinator_auth = \"dmarc-or-confirm\").");
                    self.result(c, p, reading, &format!("{command}: refused"), &text).await?;
                    self.audit(c, p, &line, &why, "refused").await?;
                    return Ok(Outcome::kept(format!("command {command} refused: {why}"), Some(p.id)));
                }
                Auth::Confirm(why) => {
                    let store = self.world.store.clone();
                    let id = store.add_confirmation(self.conn, c.id, p.id, command, args, &reading.text, self.now, CONFIRM_TTL).await?;
                    let text = format!(
                        "Please confirm: {line}\n\nReply CONFIRM (or YES / OK) to this mail within 24 hours and it will be done. Any other answer cancels it. If you didn't send it, ignore this mail or answer NO: nothing happens."
                    );
                    self.answer(c, p, reading, OtherMailKind::ConfirmationRequest, &format!("Confirm: {line}"), Answer::Confirm { text: &text, id }).await?;
                    self.audit(c, p, &line, &format!("confirmation requested ({why})"), "waiting").await?;
                    return Ok(Outcome::done(format!("command {command}: confirmation requested ({why})"), Some(p.id)));
                }
            }
        }
        self.run_command(c, p, reading, cmd, &line, "read-only").await
    }

    /// A reply to a confirmation request: runs the stored command once.
    pub(super) async fn confirmed(&mut self, c: &Community, p: &Person, reading: &Reading, id: i64) -> Result<Outcome> {
        let store = self.world.store.clone();
        match store.take_confirmation(self.conn, id, p.id, self.now).await? {
            Ok(conf) => {
                // Stored as written (word, arguments, own words): read again with the same grammar.
                let given = Command::read(conf.command, conf.args, &conf.body);
                let line = given.line();
                // Only an explicit yes runs it; any other answer ("NO!! I did not send this", an
                // autoresponder without its headers) cancels it: it was taken, it can't be reused.
                if !understand::intent::confirm::confirms(&reading.text) {
                    tracing::warn!(community = %c.cfg.slug, sender = %p.address, confirmation = id, "confirmation answered without a yes: cancelled");
                    self.audit(c, p, &line, "confirmation answered without CONFIRM / YES / OK", "cancelled").await?;
                    let text = format!(
                        "Not done: {line}\n\nYour answer did not say CONFIRM (or YES / OK), so the command was cancelled and this confirmation can't be used any more. If you did send it, send the command again and answer CONFIRM."
                    );
                    self.result(c, p, reading, "Not confirmed: cancelled", &text).await?;
                    return Ok(Outcome::kept(format!("confirmation {id} answered without a yes: {line} cancelled"), Some(p.id)));
                }
                match &given.parsed {
                    Ok(cmd) => self.run_command(c, p, reading, cmd, &line, "confirmed by reply").await,
                    Err(u) => Ok(Outcome::kept(format!("confirmed command no longer parses: {}", u.problem), Some(p.id))),
                }
            }
            Err(why) => {
                tracing::warn!(community = %c.cfg.slug, sender = %p.address, confirmation = id, "confirmation refused: {why}");
                self.audit(c, p, &format!("confirmation {id}"), why, "refused").await?;
                self.result(c, p, reading, "Confirmation refused", &format!("That confirmation can't be used: {why}. Send the command again for a new one.")).await?;
                Ok(Outcome::kept(format!("confirmation {id} refused: {why}"), Some(p.id)))
            }
        }
    }

    fn authenticate(&self, c: &Community, p: &Person, reading: &Reading, claims: Option<Claims>, coordinator: bool) -> Auth {
        let from = reading.from.as_ref();
        if let Some(f) = from {
            if auth::display_name_mismatch(f.name.as_deref(), f.address.as_str()) {
                return Auth::Refuse(format!("the sender's name {:?} shows another address than {}", f.name.as_deref().unwrap_or(""), f.address));
            }
        }
        let dmarc = match &self.world.authserv_id {
            Some(id) => {
                let check = auth::check(&reading.auth_results, id, p.address.domain());
                for ig in &check.ignored {
                    tracing::warn!(sender = %p.address, authserv_id = ?ig.authserv_id, "ignored an Authentication-Results header: {}", ig.why);
                }
                check.verdict
            }
            None => auth::Verdict::Missing { reason: "no authserv_id configured".into() },
        };
        let why = match &dmarc {
            auth::Verdict::Pass { method } => return Auth::Pass(method),
            auth::Verdict::Fail { reason } => format!("authentication failed: {reason}"),
            auth::Verdict::Missing { reason } => format!("no authentication from our mail server: {reason}"),
        };
        if !coordinator {
            // Their own reply token: only ever mailed to them.
            return match claims {
                Some(_) => Auth::Pass("reply token"),
                None => Auth::Confirm(why),
            };
        }
        match c.cfg.coordinator_auth {
            CoordinatorAuth::Dmarc => Auth::Refuse(why),
            CoordinatorAuth::Confirm | CoordinatorAuth::DmarcOrConfirm => Auth::Confirm(why),
        }
    }

    async fn run_command(&mut self, c: &Community, p: &Person, reading: &Reading, cmd: &Cmd, line: &str, how: &str) -> Result<Outcome> {
        // By mail these answer as a plain reply would, in the thread (an RSVP for the meeting
        // the mail answers, LEAVE with its goodbye); `execute` does them for the command line.
        match cmd {
            Cmd::Leave => return self.leave(c, p, reading).await,
            Cmd::Rsvp(r) => return self.rsvp(c, p, reading, None, *r, None).await,
            Cmd::Join => return self.join(c, p, reading).await,
            _ => {}
        }
        let text = match self.execute(c, p, cmd).await {
            Ok(t) => t,
            Err(e) if e.chain().any(|x| x.is::<sqlx::Error>()) => return Err(e),
            Err(e) => format!("That didn't work: {e:#}"),
        };
        let word = line.split_whitespace().next().unwrap_or("").to_uppercase();
        self.result(c, p, reading, &format!("{word}: done"), &text).await?;
        self.audit(c, p, line, how, text.lines().next().unwrap_or("")).await?;
        Ok(Outcome::done(format!("command {word} ({how}): {}", text.lines().next().unwrap_or("")), Some(p.id)))
    }

    /// What a command does, by mail or on the command line; the text answers the sender.
    async fn execute(&mut self, c: &Community, p: &Person, cmd: &Cmd) -> Result<String> {
        let store = self.world.store.clone();
        let tz = c.cfg.timezone;
        Ok(match cmd {
            Cmd::Schedule { when, place } => {
                let starts = local_instant(*when, tz)?;
                let m = self.schedule(c, starts, place.as_deref()).await?;
                format!("Scheduled meeting {} on {}{}. Its mail follows the timeline (roundtable timeline shows it).", m.id, local_time(tz, m.starts_at), place.as_deref().map(|p| format!(" at {p}")).unwrap_or_default())
            }
            Cmd::Reschedule { meeting, when, place } => {
                let starts = local_instant(*when, tz)?;
                let before = self.queued;
                let m = self.reschedule(c, *meeting, starts, place.as_deref()).await?;
                format!("Meeting {} moved to {}; {} people invited so far were told.", m.id, local_time(tz, m.starts_at), self.queued - before)
            }
            Cmd::Cancel { meeting, reason } => {
                let before = self.queued;
                let m = self.cancel(c, *meeting, reason.as_deref()).await?;
                format!("Meeting {} on {} is cancelled; {} people were told.", m.id, local_time(tz, m.starts_at), self.queued - before)
            }
            Cmd::Invite { address, name } => self.invite(c, p, address, name.as_deref()).await?,
            Cmd::Add { address: a, name } => {
                if let Some(existing) = store.person_by_address(self.conn, c.id, &a).await? {
                    if existing.status == PersonStatus::Active && existing.role != Role::Guest {
                        return Ok(format!("{a} is already a {} of {}.", existing.role.as_str(), c.cfg.name));
                    }
                }
                let id = store.upsert_person(self.conn, c.id, &a, name.as_deref(), Role::Member, self.now).await?;
                let person = store.person_by_id(self.conn, id).await?.ok_or_else(|| anyhow::anyhow!("the person just added"))?;
                self.welcome(c, &person).await?;
                format!("Added {a} as a member; they got a welcome.")
            }
            Cmd::Remove { address: a } => {
                if self.remove(c, a).await? {
                    format!("Removed {a}: no more mail for them.")
                } else {
                    format!("{a} is not an active member of {}.", c.cfg.name)
                }
            }
            Cmd::Promote { address: a } => {
                match store.person_by_address(self.conn, c.id, &a).await? {
                    Some(g) if g.role == Role::Guest => {
                        store.upsert_person(self.conn, c.id, &a, None, Role::Member, self.now).await?;
                        self.welcome(c, &g).await?;
                        format!("{a} is now a member; they got a welcome.")
                    }
                    Some(m) => format!("{a} is a {} already, not a guest.", m.role.as_str()),
                    None => format!("{a} is not a guest of {}: INVITE them first.", c.cfg.name),
                }
            }
            Cmd::Attended { people } => {
                let Some(m) = store.last_meeting_before(self.conn, c.id, self.now).await? else {
                    return Ok("No meeting has taken place yet.".into());
                };
                let everyone = store.people_in(self.conn, c.id).await?;
                let (mut found, mut unknown) = (Vec::new(), Vec::new());
                for who in people {
                    match match_person(&everyone, who) {
                        Some(x) => found.push(x),
                        None => unknown.push(who.clone()),
                    }
                }
                let ids: Vec<i64> = found.iter().map(|x| x.id).collect();
                store.set_attended(self.conn, m.id, &ids).await?;
                let mut t = format!("Attendance of {}: {}.", local_time(tz, m.starts_at), found.iter().map(|x| x.display_name()).collect::<Vec<_>>().join(", "));
                if !unknown.is_empty() {
                    t.push_str(&format!("\nNot found (check the spelling or use the address): {}.", unknown.join(", ")));
                }
                t
            }
            Cmd::Agenda => {
                let m = self.scheduled_meeting(c, None).await?;
                let key = format!("manual:agenda:{}:{}", m.id, self.now);
                store.add_job(self.conn, &key, c.id, Some(m.id), JobKind::Agenda, self.now).await?;
                format!("The agenda for {} goes out now.", local_time(tz, m.starts_at))
            }
            Cmd::Digest => {
                let key = format!("manual:digest:{}:{}", c.id, self.now);
                store.add_job(self.conn, &key, c.id, None, JobKind::Digest, self.now).await?;
                "The digest goes out now.".into()
            }
            Cmd::TopicClose(n) | Cmd::TopicDefer(n) => {
                let status = if matches!(cmd, Cmd::TopicClose(_)) { TopicStatus::Closed } else { TopicStatus::Deferred };
                if store.set_topic_status(self.conn, c.id, *n as i64, status).await? {
                    format!("Topic #{n} is {status}.")
                } else {
                    format!("There is no open topic #{n}.")
                }
            }
            Cmd::Status => self.status(c).await?,
            Cmd::Help => grammar::help(p.role == Role::Coordinator),
            Cmd::Leave => {
                self.remove(c, &p.address).await?;
                format!("{} left {}.", p.address, c.cfg.name)
            }
            Cmd::Rsvp(r) => {
                let m = self.scheduled_meeting(c, None).await?;
                store.set_rsvp(self.conn, m.id, p.id, *r, None, self.now).await?;
                format!("{} answered {} for {}.", p.address, crate::domain::response_str(*r), local_time(tz, m.starts_at))
            }
            Cmd::Join => self.join_guest(c, p).await?,
            Cmd::Pause => {
                store.set_status(self.conn, p.id, PersonStatus::Paused, self.now).await?;
                format!("Paused: you get no mail from {} until you send RESUME.", c.cfg.name)
            }
            Cmd::Resume => {
                store.set_status(self.conn, p.id, PersonStatus::Active, self.now).await?;
                format!("Welcome back: you get {}'s mail again.", c.cfg.name)
            }
            Cmd::Topics => {
                let topics = store.open_topics(self.conn, c.id).await?;
                if topics.is_empty() {
                    "No open topics. Reply to a call for topics, or send a mail with \"TOPIC: your topic\" in the subject.".into()
                } else {
                    let mut t = String::from("Open topics, most supported first (reply \"+1 #n\" to support one):\n");
                    for x in topics {
                        t.push_str(&format!("\n#{} {} (+{}) — {}", x.number, x.title, x.votes, x.proposer.unwrap_or_default()));
                    }
                    t
                }
            }
            Cmd::Search(words) => {
                let hits = store.search(self.conn, c.id, words, 10).await?;
                if hits.is_empty() {
                    format!("Nothing found for \"{words}\".")
                } else {
                    let mut t = format!("{} match{} for \"{words}\":\n", hits.len(), if hits.len() == 1 { "" } else { "es" });
                    for h in hits {
                        let day = chrono::DateTime::from_timestamp(h.at, 0).map(|d| d.with_timezone(&tz).format("%-d %b %Y").to_string()).unwrap_or_default();
                        t.push_str(&format!("\n- {} by {}, {day}: {}", h.kind, h.author, h.body));
                    }
                    t
                }
            }
        })
    }

    /// REMOVE and LEAVE (by mail, on the command line, `roundtable member remove`): no more
    /// mail for them. Whether they were an active member.
    pub(super) async fn remove(&mut self, c: &Community, a: &Address) -> Result<bool> {
        let store = self.world.store.clone();
        store.remove_person(self.conn, c.id, a, self.now).await
    }

    async fn invite(&mut self, c: &Community, inviter: &Person, a: &Address, name: Option<&str>) -> Result<String> {
        let store = self.world.store.clone();
        if let Some(existing) = store.person_by_address(self.conn, c.id, &a).await? {
            if existing.status == PersonStatus::Active && existing.role != Role::Guest {
                return Ok(format!("{a} is already a {} of {}.", existing.role.as_str(), c.cfg.name));
            }
        }
        let m = self.scheduled_meeting(c, None).await.map_err(|_| anyhow::anyhow!("there is no upcoming meeting to invite {a} to: SCHEDULE one first"))?;
        let id = store.upsert_person(self.conn, c.id, &a, name, Role::Guest, self.now).await?;
        store.set_guest_mark(self.conn, id, GuestMark::Invited, Some(self.now)).await?;
        let guest = store.person_by_id(self.conn, id).await?.ok_or_else(|| anyhow::anyhow!("the guest just added"))?;
        let when = local_time(c.cfg.timezone, m.starts_at);
        let footer = super::footer(c);
        let (text, html) = compose::Invitation {
            name: guest.display_name(),
            inviter: inviter.display_name(),
            community: &c.cfg.name,
            description: &c.cfg.description,
            when: &when,
            place: m.place.as_deref(),
        }
        .render(&footer)?;
        let d = Draft {
            kind: OtherMailKind::Invitation.into(),
            subject: format!("An invitation to {}, {when}", c.cfg.name),
            token: self.token(Purpose::Rsvp, guest.id, m.id, m.starts_at),
            in_reply_to: None,
            references: vec![m.thread_id.clone()],
            auto_submitted: "auto-generated",
            text,
            html,
            dedup_key: format!("invite:{}:{}:{}", m.id, guest.id, self.now),
            calendar: Some(self.calendar(c, &m, &guest, false)),
            message_id: None,
        };
        let mail = self.mail(c, &guest, Some(&m), d)?;
        self.enqueue(mail).await?;
        Ok(format!("Invited {a} to {when}. They can answer YES, NO or MAYBE; after the meeting they get a follow-up asking whether they'd like to join."))
    }

    pub(super) async fn welcome(&mut self, c: &Community, p: &Person) -> Result<()> {
        let footer = super::footer(c);
        let (text, html) = compose::Welcome { name: p.display_name(), community: &c.cfg.name, description: &c.cfg.description }.render(&footer)?;
        let d = Draft {
            kind: OtherMailKind::Welcome.into(),
            subject: format!("Welcome to {}", c.cfg.name),
            token: self.token(Purpose::Reply, p.id, 0, self.now),
            in_reply_to: None,
            references: Vec::new(),
            auto_submitted: "auto-generated",
            text,
            html,
            dedup_key: format!("welcome:{}:{}:{}", c.id, p.id, self.now),
            calendar: None,
            message_id: None,
        };
        let mail = self.mail(c, p, None, d)?;
        self.enqueue(mail).await
    }

    async fn status(&mut self, c: &Community) -> Result<String> {
        let store = self.world.store.clone();
        let tz = c.cfg.timezone;
        let mut t = String::new();
        match store.next_meeting(self.conn, c.id, self.now).await? {
            Some(m) => {
                t.push_str(&format!("Next meeting: {} (meeting {}){}\n", local_time(tz, m.starts_at), m.id, m.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default()));
                let answers = store.responses(self.conn, m.id).await?;
                let n = |r: Response| answers.iter().filter(|(_, x)| *x == r).count();
                let members = store.active_people(self.conn, c.id).await?.len();
                t.push_str(&format!("Answers: {} yes, {} maybe, {} no, {} not yet\n", n(Response::Yes), n(Response::Maybe), n(Response::No), members.saturating_sub(answers.len())));
            }
            None => t.push_str("No meeting scheduled: SCHEDULE YYYY-MM-DD HH:MM [place]\n"),
        }
        let topics = store.open_topics(self.conn, c.id).await?;
        t.push_str(&format!("Open topics: {}{}\n", topics.len(), if topics.is_empty() { String::new() } else { format!(" — {}", topics.iter().take(5).map(|x| format!("#{} {} (+{})", x.number, x.title, x.votes)).collect::<Vec<_>>().join("; ")) }));
        let guests = store.guests(self.conn, c.id).await?;
        if guests.is_empty() {
            t.push_str("Guests: none in the pipeline\n");
        } else {
            t.push_str("Guests:\n");
            for (g, invited, followed, nudged) in guests.iter().take(20) {
                let day = |x: &Option<i64>| x.and_then(|s| chrono::DateTime::from_timestamp(s, 0)).map(|d| d.with_timezone(&tz).format("%-d %b").to_string());
                let stage = match (g.status, invited, followed, nudged) {
                    (PersonStatus::Declined, ..) => PersonStatus::Declined.to_string(),
                    (_, _, Some(_), Some(_)) => format!("followed up {}, reminded {}, no answer", day(followed).unwrap_or_default(), day(nudged).unwrap_or_default()),
                    (_, _, Some(_), None) => format!("followed up {}, waiting", day(followed).unwrap_or_default()),
                    (_, Some(_), None, _) => format!("invited {}", day(invited).unwrap_or_default()),
                    _ => g.status.to_string(),
                };
                t.push_str(&format!("  {} — {stage}\n", g.address));
            }
        }
        let (pending, failed) = store.outbox_counts(self.conn, c.id).await?;
        t.push_str(&format!("Mail: {pending} waiting, {failed} failed{}\n", if failed > 0 { " (roundtable outbox list --status failed)" } else { "" }));
        let unclear = store.unclear_since(self.conn, c.id, self.now - 7 * 86400).await?;
        if unclear > 0 {
            t.push_str(&format!("Replies nobody could read this week: {unclear} (roundtable log)\n"));
        }
        Ok(t)
    }

    /// A command's answer to its sender.
    async fn result(&mut self, c: &Community, p: &Person, reading: &Reading, subject: &str, text: &str) -> Result<bool> {
        self.answer(c, p, reading, OtherMailKind::CommandResult, subject, Answer::Result(text)).await
    }

    async fn audit(&mut self, c: &Community, p: &Person, command: &str, how: &str, outcome: &str) -> Result<()> {
        let store = self.world.store.clone();
        store.audit(self.conn, Some(c.id), p.address.as_str(), command, how, outcome, self.now).await
    }
}

/// A person named in ATTENDED: an address, a full name, a first name, or an address's local part.
fn match_person<'p>(people: &'p [Person], who: &str) -> Option<&'p Person> {
    let w = who.trim().trim_matches(|c| c == '<' || c == '>').to_lowercase();
    if w.contains('@') {
        let a = Address::parse(&w).ok()?;
        return people.iter().find(|p| p.address == a);
    }
    let by = |f: &dyn Fn(&Person) -> bool| {
        let v: Vec<&Person> = people.iter().filter(|p| p.status == PersonStatus::Active && f(p)).collect();
        if v.len() == 1 { Some(v[0]) } else { None }
    };
    by(&|p| p.name.as_deref().map(|n| n.to_lowercase() == w).unwrap_or(false))
        .or_else(|| by(&|p| p.name.as_deref().and_then(|n| n.split_whitespace().next()).map(|n| n.to_lowercase() == w).unwrap_or(false)))
        .or_else(|| by(&|p| p.address.local() == w))
}
