//! Community rules: what a reading does to the group and which mail it causes.
//!
//! Rules never send. Each one changes state and queues its mail in the caller's transaction,
//! so a change and the mail it causes commit together or not at all.

use anyhow::{Context as _, Result};
use chrono::{LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use sqlx::AnyConnection;
use understand::command::{Cmd, Command};
use understand::{Intent, Reading};

use crate::config::CommunityConfig;
use crate::domain::{Address, InboundKind, MailKind, MeetingStatus, OtherMailKind, PersonStatus, Response, Role};
use crate::compose::{self, Envelope, Footer};
use crate::schedule::JobKind;
use crate::store::{InboundRecord, Meeting, OutMail, Person, Store};
use crate::compose::token::{Claims, Purpose, Signer};

pub mod auth_results;
mod commands;
mod contributions;
mod meetings;
mod proof;
mod timeline;
pub use timeline::Fired;

/// Automatic answers one sender can cause per hour; past it we stay silent (loops stop).
pub const ANSWERS_PER_HOUR: i64 = 20;
/// How much of a message the inbound log keeps when it needs a person's eyes.
const KEEP_RAW_MAX: usize = 1 << 20;
/// Hard bounces after which a person gets no more mail (the coordinator is told).
pub const HARD_BOUNCES: i64 = 3;
/// Reply tokens stay valid this long after the meeting they belong to.
const TOKEN_DAYS_AFTER: i64 = 60;

/// A community of the config with its database id.
#[derive(Clone, Debug)]
pub struct Community {
    pub id: i64,
    pub cfg: CommunityConfig,
}

/// What the rules need to act: the store, the token signer, the communities.
pub struct World {
    pub store: Store,
    pub signer: Signer,
    pub communities: Vec<Community>,
    /// The id of our own receiving server's Authentication-Results header.
    pub authserv_id: Option<String>,
}

/// What became of one inbound message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// Effects and answers committed; `outcome` is the log line.
    Done { kind: InboundKind, outcome: String, queued: usize },
    /// Seen before: only acknowledge.
    Duplicate,
    /// Not a mail message: quarantine it.
    Unreadable { reason: String },
}

impl World {
    pub fn community(&self, slug: &str) -> Result<&Community> {
        self.communities.iter().find(|c| c.cfg.slug == slug).ok_or_else(|| {
            let known: Vec<_> = self.communities.iter().map(|c| c.cfg.slug.as_str()).collect();
            anyhow::anyhow!("no community {slug:?} (known: {})", known.join(", "))
        })
    }

    fn own_addresses(&self) -> Vec<String> {
        self.communities.iter().map(|c| c.cfg.address.to_string()).collect()
    }

    /// Reads, applies and records one inbound message in one transaction.
    pub async fn handle_message(&self, raw: &[u8], now: i64) -> Result<Handled> {
        let mut tx = self.store.begin().await?;
        let h = self.handle_in(&mut tx, raw, now).await?;
        tx.commit().await.context("committing the handled message")?;
        Ok(h)
    }

    /// Reads, applies and records one inbound message in the caller's transaction: its effects,
    /// the mail it causes and its "handled" record commit when the caller commits. A batch of
    /// messages can share one transaction (one commit, one fsync), as `App::inbox_step` does.
    pub async fn handle_in(&self, tx: &mut AnyConnection, raw: &[u8], now: i64) -> Result<Handled> {
        let read = self.read(raw, now);
        self.apply_read(tx, raw, read, now).await
    }

    /// The pure half of handling a message: what it says and what it answers, with no state
    /// touched. `App::inbox_step` reads a batch on another thread while it applies the
    /// messages already read, so the two halves use both cores.
    pub fn read(&self, raw: &[u8], now: i64) -> Read {
        let own = self.own_addresses();
        let (mut community, mut tag, mut claims) = (None, None, None);
        // What the token says was asked refines the reading (a bare "yes" to a follow-up is
        // JOIN); the token is in the address the message was sent to.
        let reading = understand::read_asked_by(raw, &own, |recipients| {
            let (c, t) = self.addressed_to(recipients);
            community = c.map(|c| c.id);
            tag = t.map(str::to_string);
            // `list+TOKEN@`, `list+leave-TOKEN@` (List-Unsubscribe), `list+bounce-TOKEN@` (VERP).
            let token = tag.as_deref().map(|t| t.strip_prefix("leave-").or_else(|| t.strip_prefix("bounce-")).unwrap_or(t));
            claims = token.and_then(|t| self.signer.verify(t, now).ok());
            claims.and_then(|c| c.purpose.asked())
        });
        let reading = match reading {
            Err(u) => return Read::Unreadable { reason: u.reason },
            Ok(r) => r,
        };
        let dedup_key = dedup_key(&reading, raw);
        Read::Mail(Box::new(ReadMail { reading, dedup_key, community, tag, claims }))
    }

    /// The other half: applies what [`World::read`] found, in the caller's transaction.
    pub async fn apply_read(&self, tx: &mut AnyConnection, raw: &[u8], read: Read, now: i64) -> Result<Handled> {
        self.apply_read_known(tx, raw, read, now, None).await
    }

    /// [`World::apply_read`] where the caller already knows, in this transaction, whether the
    /// message was handled before (`Some`: a batch asks for all its messages at once, see
    /// `App::handle_batch`); `None` asks here.
    pub async fn apply_read_known(&self, tx: &mut AnyConnection, raw: &[u8], read: Read, now: i64, seen: Option<bool>) -> Result<Handled> {
        let ReadMail { reading, dedup_key, community, tag, claims } = match read {
            Read::Unreadable { reason } => return self.record_unreadable(tx, raw, &reason, now).await,
            Read::Mail(m) => *m,
        };
        let community = community.and_then(|id| self.communities.iter().find(|c| c.id == id));
        let tag = tag.as_deref();
        let seen = match seen {
            Some(s) => s,
            None => self.store.inbound_seen(tx, &dedup_key).await?,
        };
        if seen {
            return Ok(Handled::Duplicate);
        }
        let from = reading.from.as_ref().map(|m| &m.address);
        let mut act = Act { world: self, conn: tx, now, queued: 0 };
        let Outcome { line: outcome, person_id, keep_raw } = match community {
            None => Outcome::kept("not addressed to any community: kept, nothing changed", None),
            Some(c) => act.apply(c, &reading, from, tag, claims).await?,
        };
        let queued = act.queued;
        let kind = InboundKind::of(&reading.intent);
        self.store
            .record_inbound(
                tx,
                &InboundRecord {
                    dedup_key: &dedup_key,
                    message_id: reading.message_id.as_deref(),
                    from_address: from.map(|a| a.as_str()),
                    community_id: community.map(|c| c.id),
                    person_id,
                    received_at: now,
                    kind,
                    outcome: &outcome,
                    // Kept for the coordinator, up to 1 MB (the mailbox keeps the whole message).
                    raw: keep_raw.then_some(&raw[..raw.len().min(KEEP_RAW_MAX)]),
                },
            )
            .await?;
        Ok(Handled::Done { kind, outcome, queued })
    }

    async fn record_unreadable(&self, tx: &mut AnyConnection, raw: &[u8], reason: &str, now: i64) -> Result<Handled> {
        let key = format!("sha256:{}", sha256_hex(raw));
        if self.store.inbound_seen(tx, &key).await? {
            return Ok(Handled::Unreadable { reason: reason.to_string() });
        }
        let outcome = format!("unreadable ({reason}): moved aside");
        self.store
            .record_inbound(
                tx,
                &InboundRecord {
                    dedup_key: &key,
                    message_id: None,
                    from_address: None,
                    community_id: None,
                    person_id: None,
                    received_at: now,
                    kind: InboundKind::Unreadable,
                    outcome: &outcome,
                    raw: Some(&raw[..raw.len().min(KEEP_RAW_MAX)]),
                },
            )
            .await?;
        Ok(Handled::Unreadable { reason: reason.to_string() })
    }

    /// A message that failed to be handled `attempts` times: recorded with the reason (so
    /// `roundtable log` shows it and a copy coming back is only acknowledged), the coordinators
    /// of its community told once, and [`Handled::Unreadable`] returned so the mailbox moves
    /// it aside. Nothing of what the message says is applied.
    pub async fn give_up(&self, raw: &[u8], error: &str, attempts: i64, now: i64) -> Result<Handled> {
        let read = self.read(raw, now);
        let (key, kind, from, subject, community) = match &read {
            Read::Mail(m) => (
                m.dedup_key.clone(),
                InboundKind::of(&m.reading.intent),
                m.reading.from.as_ref().map(|f| f.address.to_string()),
                m.reading.subject.clone(),
                m.community.and_then(|id| self.communities.iter().find(|c| c.id == id)),
            ),
            Read::Unreadable { .. } => (format!("sha256:{}", sha256_hex(raw)), InboundKind::Unreadable, None, String::new(), None),
        };
        let outcome = format!("could not be handled after {attempts} attempts ({error}): moved aside");
        let mut tx = self.store.begin().await?;
        if self.store.inbound_seen(&mut tx, &key).await? {
            return Ok(Handled::Duplicate);
        }
        self.store
            .record_inbound(
                &mut tx,
                &InboundRecord {
                    dedup_key: &key,
                    message_id: None,
                    from_address: from.as_deref(),
                    community_id: community.map(|c| c.id),
                    person_id: None,
                    received_at: now,
                    kind,
                    outcome: &outcome,
                    raw: Some(&raw[..raw.len().min(KEEP_RAW_MAX)]),
                },
            )
            .await?;
        if let Some(c) = community {
            let mut act = Act { world: self, conn: &mut tx, now, queued: 0 };
            let what = format!(
                "A message from {} (Subject: {}) could not be handled: {error}. It was tried {attempts} times and is kept in the mailbox's Quarantine folder; nothing it asked for was done. `roundtable log` shows it.",
                from.as_deref().unwrap_or("an unknown sender"),
                if subject.is_empty() { "none" } else { &subject },
            );
            act.notify_coordinators(c, "A message could not be handled", &what).await?;
        }
        tx.commit().await.context("recording a message that could not be handled")?;
        Ok(Handled::Unreadable { reason: outcome })
    }

    /// The community a message was sent to, and the tag of `list+TAG@domain` if any.
    fn addressed_to<'r>(&self, recipients: &'r [String]) -> (Option<&Community>, Option<&'r str>) {
        for r in recipients {
            let Ok(addr) = Address::parse(r) else { continue };
            let (base, _) = addr.split_tag();
            if let Some(c) = self.communities.iter().find(|c| c.cfg.address == base) {
                let tag = r.rsplit_once('@').and_then(|(local, _)| local.split_once('+')).map(|(_, t)| t);
                return (Some(c), tag);
            }
        }
        // Mail forwarded from an alias: with one community there is no doubt where it belongs.
        match self.communities.as_slice() {
            [only] => (Some(only), None),
            _ => (None, None),
        }
    }

}

/// What a message says, before it is applied: see [`World::read`].
pub enum Read {
    /// Not a mail message: it is recorded and quarantined.
    Unreadable { reason: String },
    Mail(Box<ReadMail>),
}

impl Read {
    /// The key its "handled" record is kept under (none for what is not a mail message).
    pub fn dedup_key(&self) -> Option<&str> {
        match self {
            Read::Mail(m) => Some(&m.dedup_key),
            Read::Unreadable { .. } => None,
        }
    }
}

pub struct ReadMail {
    reading: Reading,
    dedup_key: String,
    /// The id of the community it was sent to.
    community: Option<i64>,
    /// The tag of `list+TAG@domain`.
    tag: Option<String>,
    claims: Option<Claims>,
}

/// What applying a message did, for the inbound log.
#[derive(Debug)]
struct Outcome {
    /// One line: `inbound.outcome`.
    line: String,
    /// The person it concerned, if any: `inbound.person_id`.
    person_id: Option<i64>,
    /// Whether the log keeps the raw message (`inbound.raw`): it needs a person's eyes.
    keep_raw: bool,
}

impl Outcome {
    /// Done: nothing for a person to look at.
    fn done(line: impl Into<String>, person_id: Option<i64>) -> Outcome {
        Outcome { line: line.into(), person_id, keep_raw: false }
    }

    /// Kept for a person to look at: the log keeps the raw message.
    fn kept(line: impl Into<String>, person_id: Option<i64>) -> Outcome {
        Outcome { line: line.into(), person_id, keep_raw: true }
    }
}

/// One transaction's worth of rule application.
struct Act<'w, 'c> {
    world: &'w World,
    conn: &'c mut AnyConnection,
    now: i64,
    queued: usize,
}

impl Act<'_, '_> {
    /// Applies a reading: what it did, for the inbound log.
    async fn apply(
        &mut self,
        c: &Community,
        reading: &Reading,
        from: Option<&Address>,
        tag: Option<&str>,
        claims: Option<Claims>,
    ) -> Result<Outcome> {
        match &reading.intent {
            Intent::AutoReply { reason } => {
                // Automatic mail answering a confirmation request confirms nothing, and the
                // request is used up: only its holder's explicit yes could have run it.
                if let Some(cl) = claims.filter(|cl| cl.purpose == Purpose::Confirm) {
                    let used = self.world.store.take_confirmation(self.conn, cl.reference, cl.person_id, self.now).await?;
                    if used.is_ok() {
                        return Ok(Outcome::kept(format!("automatic mail ({reason}) answered confirmation {}: cancelled, not answered", cl.reference), Some(cl.person_id)));
                    }
                }
                return Ok(Outcome::done(format!("automatic mail ({reason}): not answered"), None));
            }
            Intent::Bounce { recipients, permanent } => return self.bounce(c, claims, recipients, *permanent).await,
            _ => {}
        }
        let Some(from) = from else {
            return Ok(Outcome::kept("no usable From address: kept, nothing changed", None));
        };
        let store = self.world.store.clone();
        let person = match store.person_by_address(self.conn, c.id, from).await? {
            Some(p) if p.status == PersonStatus::Active || p.status == PersonStatus::Paused => p,
            _ => return self.stranger(c, from, reading).await,
        };
        // A token only says what a reply answers, and only for its holder.
        let claims = match claims {
            Some(cl) if cl.person_id == person.id => Some(cl),
            Some(cl) => {
                tracing::warn!(sender = %from, holder = cl.person_id, "reply token of another person: acting as the sender");
                None
            }
            None => None,
        };
        match claims.map(|cl| cl.purpose) {
            // The personal List-Unsubscribe address: works by itself.
            Some(Purpose::Leave) => return self.leave(c, &person, reading).await,
            Some(Purpose::Confirm) => return self.confirmed(c, &person, reading, claims.map(|cl| cl.reference).unwrap_or(0)).await,
            _ => {}
        }
        if tag == Some("leave") {
            // The list's plain unsubscribe address carries no proof of who sent it.
            return self.command(c, &person, reading, None, &Command::implied(Cmd::Leave)).await;
        }
        // Commands prove their sender their own way (see `commands`); everything else needs
        // the token, our server's word, or to answer our own mail to this person.
        if !matches!(reading.intent, Intent::Command { .. }) {
            match self.proof(&person, reading, claims.as_ref()).await? {
                proof::Proof::Shown(how) => tracing::debug!(sender = %person.address, how, "a reply taken as its sender's"),
                proof::Proof::Failed(reason) => {
                    return Ok(Outcome::kept(format!("not applied: our mail server says it is not from {} ({reason})", person.address), None));
                }
                proof::Proof::Missing(reason) => {
                    let q = "We couldn't tell that this mail came from you, so nothing was changed. Please answer by replying to one of our mails (its reply address is personal to you), and it will count.";
                    let sent = self.answer(c, &person, reading, OtherMailKind::Question, "Please reply to one of our mails", Answer::Question(q)).await?;
                    let asked = if sent { "asked to reply to our mail" } else { "throttled, not asked" };
                    return Ok(Outcome::kept(format!("not applied: nothing shows it is from {} ({reason}); {asked}", person.address), Some(person.id)));
                }
            }
        }
        match &reading.intent {
            Intent::Rsvp { response, note } => self.rsvp(c, &person, reading, claims, *response, note.as_deref()).await,
            Intent::Command(cmd) => self.command(c, &person, reading, claims, cmd).await,
            Intent::Unclear { reason } => {
                // Unclear again in answer to our own question: asking once more is how a loop
                // with an autoresponder runs (until the throttle). Kept; the coordinator sees it.
                if self.replies_to_our_question(reading).await? {
                    let review = format!("{} answered our question with something nobody could read ({reason}); not asked again.\n\nSubject: {}\n\n{}", person.display_name(), reading.subject, reading.text);
                    let told = self.notify_coordinators_hourly(c, &format!("Unclear reply from {}", person.display_name()), &review, &format!("unclear:{}", person.id)).await?;
                    return Ok(Outcome::kept(format!("unclear ({reason}) in reply to our question: not asked again, {}", told_str(told)), Some(person.id)));
                }
                // Ask about what was asked; never guess. The coordinator sees it too.
                let (subject, q) = match claims.map(|cl| cl.purpose) {
                    Some(Purpose::Topics) => ("Which topic?", "Did you mean to propose a topic? Write each on its own line (\"Topic: …\" with details below), or \"+1 #3\" to support one."),
                    Some(Purpose::Takeaways) => ("Your takeaways?", "Did you mean to send takeaways? Write one per paragraph or list item and they'll go into the digest with your name."),
                    Some(Purpose::Followup) => ("Would you like to join?", "Would you like to join? Reply JOIN, or \"no thanks\"."),
                    _ => ("Did you mean YES, NO or MAYBE?", "Did you mean YES, NO or MAYBE? Reply with one of those words (and a note if you like: \"yes, 15 min late\")."),
                };
                let sent = self.answer(c, &person, reading, OtherMailKind::Question, subject, Answer::Question(q)).await?;
                let review = format!(
                    "{} wrote something nobody could read as an answer ({reason}); {}.\n\nSubject: {}\n\n{}",
                    person.display_name(),
                    if sent { "they were asked back" } else { "not asked back (too many automatic answers to them this hour)" },
                    reading.subject,
                    reading.text
                );
                let told = self.notify_coordinators_hourly(c, &format!("Unclear reply from {}", person.display_name()), &review, &format!("unclear:{}", person.id)).await?;
                Ok(Outcome::kept(format!("unclear ({reason}): {}, {}", if sent { "asked back" } else { "throttled, not asked" }, told_str(told)), Some(person.id)))
            }
            Intent::Topics { topics } => self.topics(c, &person, reading, claims, topics).await,
            Intent::Votes { votes } => self.votes(c, &person, reading, votes).await,
            Intent::Takeaways { takeaways } => self.takeaways(c, &person, reading, claims, takeaways).await,
            Intent::Join => self.join(c, &person, reading).await,
            Intent::Decline => self.decline(c, &person, reading).await,
            Intent::AutoReply { .. } | Intent::Bounce { .. } => unreachable!("handled before the sender is looked up"),
        }
    }

    /// A delivery failure report. It counts against a person only with proof: it came back to
    /// the VERP return path (`list+bounce-TOKEN@…`) of mail we sent that very person, so the
    /// signed token names them. A report without one — anyone can write "Final-Recipient: ben@…"
    /// — is recorded and counts against nobody. Coordinators are never suspended by bounces
    /// (their own commands would be refused): the coordinators are told instead. After
    /// [`HARD_BOUNCES`] hard bounces a member gets no more mail and the coordinators are told;
    /// a spam rejection or a full mailbox (soft) only counts.
    async fn bounce(&mut self, c: &Community, claims: Option<Claims>, recipients: &[String], permanent: bool) -> Result<Outcome> {
        let store = self.world.store.clone();
        let kind = if permanent { "hard" } else { "soft" };
        let verp = claims.filter(|cl| cl.purpose == Purpose::Bounce);
        let person = match verp {
            Some(cl) => store.person_by_id(self.conn, cl.person_id).await?.filter(|p| p.community_id == c.id),
            None => None,
        };
        let Some(p) = person else {
            let named = if recipients.is_empty() { "nobody".to_string() } else { recipients.join(", ") };
            return Ok(Outcome::kept(format!("{kind} bounce report naming {named}, not sent to a VERP return path of ours: recorded, counted against nobody"), None));
        };
        let hard = store.record_bounce(self.conn, p.id, permanent, self.now).await?;
        if !(permanent && hard >= HARD_BOUNCES && p.status == PersonStatus::Active) {
            return Ok(Outcome::kept(format!("{}: {kind} bounce counted ({hard} hard)", p.address), Some(p.id)));
        }
        if p.role == Role::Coordinator {
            let what = format!(
                "Mail to {} ({}), a coordinator, has bounced {hard} times. Coordinators are never stopped by bounces; check the address, or change the coordinators in the config.",
                p.display_name(), p.address
            );
            self.notify_coordinators_hourly(c, &format!("Mail to {} bounces", p.address), &what, &format!("bouncing-coordinator:{}", p.id)).await?;
            return Ok(Outcome::kept(format!("{}: {hard} hard bounces, a coordinator: not stopped, coordinators told", p.address), Some(p.id)));
        }
        store.set_status(self.conn, p.id, PersonStatus::Bouncing, self.now).await?;
        let what = format!(
            "Mail to {} ({}) has bounced {hard} times, so roundtable stopped writing to them. If the address works again, add them again: roundtable member add {} {}",
            p.display_name(), p.address, c.cfg.slug, p.address
        );
        self.notify_coordinators(c, &format!("{} stopped: mail bounces", p.address), &what).await?;
        Ok(Outcome::kept(format!("{kind} bounce: {}: {hard} hard bounces, no more mail", p.address), Some(p.id)))
    }

    async fn rsvp(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        response: Response,
        note: Option<&str>,
    ) -> Result<Outcome> {
        let Some(meeting) = self.meeting_for(c, reading, claims).await? else {
            let q = "There is no upcoming meeting to answer yet. You'll get an invitation when the next one is scheduled.";
            self.answer(c, person, reading, OtherMailKind::Question, "No meeting to answer yet", Answer::Question(q)).await?;
            return Ok(Outcome::kept("rsvp with no upcoming meeting: told so", Some(person.id)));
        };
        if meeting.status != MeetingStatus::Scheduled {
            let q = "That meeting was cancelled, so there is nothing to answer.";
            self.answer(c, person, reading, OtherMailKind::Question, "That meeting was cancelled", Answer::Question(q)).await?;
            return Ok(Outcome::kept(format!("rsvp for cancelled meeting {}: told so", meeting.id), Some(person.id)));
        }
        let store = self.world.store.clone();
        store.set_rsvp(self.conn, meeting.id, person.id, response, note, self.now).await?;
        let when = local_time(c.cfg.timezone, meeting.starts_at);
        let (subject, what) = match response {
            Response::Yes => (format!("You're coming: {} on {when}", c.cfg.name), format!("Thanks! You're coming to {} on {when}. See you there.", c.cfg.name)),
            Response::No => (format!("You're not coming: {} on {when}", c.cfg.name), format!("Thanks for letting us know: you won't be at {} on {when}.", c.cfg.name)),
            Response::Maybe => (format!("Maybe: {} on {when}", c.cfg.name), format!("Noted: you might come to {} on {when}. We'll remind you the day before.", c.cfg.name)),
        };
        let sent = self
            .answer_in_thread(c, person, reading, Some(&meeting), OtherMailKind::Confirmation, &subject, Answer::Confirmation { what: &what, note })
            .await?;
        let r = crate::domain::response_str(response);
        Ok(Outcome::done(
            format!("rsvp {r} for meeting {}{}: recorded, {}", meeting.id, note.map(|n| format!(" ({n:?})")).unwrap_or_default(), if sent { "confirmed" } else { "confirmation throttled" }),
            Some(person.id),
        ))
    }

    async fn leave(&mut self, c: &Community, person: &Person, reading: &Reading) -> Result<Outcome> {
        self.remove(c, &person.address).await?;
        let what = format!("You have left {}. You won't get its mail any more. To come back, ask the coordinator.", c.cfg.name);
        self.answer(c, person, reading, OtherMailKind::Confirmation, &format!("You have left {}", c.cfg.name), Answer::Confirmation { what: &what, note: None })
            .await?;
        Ok(Outcome::done(format!("{} left {}", person.address, c.cfg.slug), Some(person.id)))
    }

    /// Whether the message replies (In-Reply-To, References) to a question we sent.
    async fn replies_to_our_question(&mut self, reading: &Reading) -> Result<bool> {
        let store = self.world.store.clone();
        for mid in reading.in_reply_to.iter().chain(reading.references.iter()) {
            if store.sent_message(self.conn, mid).await?.is_some_and(|m| m.kind == MailKind::Other(OtherMailKind::Question)) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The meeting an RSVP answers: the token's, else the one whose mail it replies to, else
    /// the next one.
    async fn meeting_for(&mut self, c: &Community, reading: &Reading, claims: Option<Claims>) -> Result<Option<Meeting>> {
        let store = self.world.store.clone();
        if let Some(cl) = claims.filter(|cl| cl.purpose == Purpose::Rsvp) {
            if let Some(m) = store.meeting(self.conn, cl.reference).await?.filter(|m| m.community_id == c.id) {
                return Ok(Some(m));
            }
        }
        for mid in reading.in_reply_to.iter().chain(reading.references.iter().rev()) {
            if let Some(sent) = store.sent_message(self.conn, mid).await? {
                if let Some(mid) = sent.meeting_id {
                    if let Some(m) = store.meeting(self.conn, mid).await?.filter(|m| m.community_id == c.id) {
                        return Ok(Some(m));
                    }
                }
            }
        }
        store.next_meeting(self.conn, c.id, self.now).await
    }

    /// The announcement of `meeting` to one person, with the calendar invitation.
    async fn announce(&mut self, c: &Community, meeting: &Meeting, p: &Person, job_id: i64) -> Result<()> {
        let when = local_time(c.cfg.timezone, meeting.starts_at);
        let footer = footer(c);
        let name = p.display_name();
        let text = compose::AnnouncementTxt { name, when: &when, place: meeting.place.as_deref(), description: &c.cfg.description, f: &footer }.to_string();
        let html = compose::AnnouncementHtml { name, when: &when, place: meeting.place.as_deref(), description: &c.cfg.description, f: &footer }.to_string();
        let subject = format!("{}: {when} — will you come?", c.cfg.name);
        let token = self.token(Purpose::Rsvp, p.id, meeting.id, meeting.starts_at);
        let calendar = Some(self.calendar(c, meeting, p, false));
        let mail = self.mail(
            c,
            p,
            Some(meeting),
            Draft {
                kind: JobKind::Announcement.into(),
                subject,
                token,
                in_reply_to: None,
                references: Vec::new(),
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("job:{job_id}:{}", p.id),
                calendar,
                message_id: Some(meeting.thread_id.clone()),
            },
        )?;
        self.enqueue(mail).await
    }

    /// An automatic answer to `reading` (not tied to a meeting's thread).
    async fn answer(&mut self, c: &Community, p: &Person, reading: &Reading, kind: OtherMailKind, subject: &str, a: Answer<'_>) -> Result<bool> {
        self.answer_in_thread(c, p, reading, None, kind, subject, a).await
    }

    /// An automatic answer, throttled per sender so that no loop can form.
    #[allow(clippy::too_many_arguments)]
    async fn answer_in_thread(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        meeting: Option<&Meeting>,
        kind: OtherMailKind,
        subject: &str,
        a: Answer<'_>,
    ) -> Result<bool> {
        let store = self.world.store.clone();
        if store.answers_since(self.conn, p.address.as_str(), self.now - 3600).await? >= ANSWERS_PER_HOUR {
            tracing::warn!(to = %p.address, "answer throttled: {ANSWERS_PER_HOUR} automatic answers in the last hour");
            return Ok(false);
        }
        let footer = footer(c);
        let name = p.display_name();
        let (text, html) = match &a {
            Answer::Confirmation { what, note } => {
                let (what, note) = (*what, *note);
                let hint = "Changed your mind? Reply YES, NO or MAYBE to this mail at any time; your latest answer counts.";
                let hint = if kind == OtherMailKind::Confirmation && meeting.is_some() { hint } else { "" };
                (
                    compose::ConfirmationTxt { name, what, note, change_hint: hint, f: &footer }.to_string(),
                    compose::ConfirmationHtml { name, what, note, change_hint: hint, f: &footer }.to_string(),
                )
            }
            Answer::Question(q) => (
                compose::QuestionTxt { name, question: q, quoted: &reading.text, f: &footer }.to_string(),
                compose::QuestionHtml { name, question: q, quoted: &reading.text, f: &footer }.to_string(),
            ),
            Answer::Result(text) | Answer::Confirm { text, .. } => compose::CommandResult { name, text }.render(&footer)?,
        };
        let (purpose, reference, until) = match (&a, meeting) {
            (Answer::Confirm { id, .. }, _) => (Purpose::Confirm, *id, self.now),
            (_, Some(m)) => (Purpose::Rsvp, m.id, m.starts_at),
            (_, None) => (Purpose::Reply, 0, self.now),
        };
        let token = self.token(purpose, p.id, reference, until);
        let mut refs: Vec<String> = meeting.map(|m| vec![m.thread_id.clone()]).unwrap_or_default();
        refs.extend(reading.references.iter().filter(|r| !refs.contains(r)).cloned().collect::<Vec<_>>());
        if let Some(id) = &reading.message_id {
            refs.push(id.clone());
        }
        let dedup = format!("answer:{}:{}", reading.message_id.as_deref().unwrap_or("-"), uuid::Uuid::new_v4().simple());
        let mail = self.mail(
            c,
            p,
            meeting,
            Draft {
                kind: kind.into(),
                subject: subject.into(),
                token,
                in_reply_to: reading.message_id.clone(),
                references: refs,
                auto_submitted: "auto-replied",
                text,
                html,
                dedup_key: dedup,
                calendar: None,
                message_id: None,
            },
        )?;
        self.enqueue(mail).await?;
        Ok(true)
    }

    fn token(&self, purpose: Purpose, person_id: i64, reference: i64, until: i64) -> String {
        self.world.signer.sign(&Claims {
            purpose,
            person_id,
            reference,
            expires_at: until.max(self.now) + TOKEN_DAYS_AFTER * 86400,
        })
    }

    /// Renders a draft for one person into an outbox row: Reply-To with the token, the VERP
    /// envelope sender, a fresh Message-ID.
    fn mail(&self, c: &Community, p: &Person, meeting: Option<&Meeting>, d: Draft) -> Result<OutMail> {
        let list = &c.cfg.address;
        let reply_to = list.with_tag(&d.token)?;
        let bounce = self.world.signer.sign(&Claims {
            purpose: Purpose::Bounce,
            person_id: p.id,
            reference: meeting.map(|m| m.id).unwrap_or(0),
            expires_at: self.now + 90 * 86400,
        });
        let envelope_from = list.with_tag(&format!("bounce-{bounce}"))?;
        let leave = self.world.signer.sign(&Claims { purpose: Purpose::Leave, person_id: p.id, reference: 0, expires_at: self.now + 400 * 86400 });
        let unsubscribe = list.with_tag(&format!("leave-{leave}"))?;
        let message_id = d.message_id.clone().unwrap_or_else(|| compose::new_message_id(list));
        let body = compose::build(
            &Envelope {
                community_name: &c.cfg.name,
                community_slug: &c.cfg.slug,
                list,
                to_name: p.name.as_deref(),
                to: &p.address,
                reply_to: &reply_to,
                unsubscribe: &unsubscribe,
                subject: &d.subject,
                kind: d.kind,
                message_id: &message_id,
                in_reply_to: d.in_reply_to.as_deref(),
                references: &d.references,
                auto_submitted: d.auto_submitted,
                date: self.now,
                calendar: d.calendar.as_ref().map(|(m, ics)| (m.as_str(), ics.as_str())),
            },
            d.text,
            d.html,
        )?;
        Ok(OutMail {
            dedup_key: d.dedup_key,
            community_id: Some(c.id),
            meeting_id: meeting.map(|m| m.id),
            person_id: Some(p.id),
            kind: d.kind,
            recipient: p.address.to_string(),
            envelope_from: envelope_from.to_string(),
            message_id,
            subject: d.subject,
            body,
        })
    }

    async fn enqueue(&mut self, mail: OutMail) -> Result<()> {
        let store = self.world.store.clone();
        if store.enqueue(self.conn, &mail, self.now).await? {
            self.queued += 1;
        }
        Ok(())
    }
}

/// One mail to one person, before it is rendered into bytes.
struct Draft {
    kind: MailKind,
    subject: String,
    token: String,
    in_reply_to: Option<String>,
    references: Vec<String>,
    /// "auto-generated" for scheduled mail, "auto-replied" for answers.
    auto_submitted: &'static str,
    text: String,
    html: String,
    dedup_key: String,
    /// (METHOD, iCalendar text)
    calendar: Option<(String, String)>,
    /// A fixed Message-ID: the announcement's is the meeting's thread root, the one every
    /// later mail of the meeting refers to (as a list post, each copy carries the same id).
    message_id: Option<String>,
}

enum Answer<'a> {
    Confirmation { what: &'a str, note: Option<&'a str> },
    Question(&'a str),
    /// A command's result (multi-line text).
    Result(&'a str),
    /// A request to confirm a command: the reply address carries the confirmation token.
    Confirm { text: &'a str, id: i64 },
}

fn footer(c: &Community) -> Footer<'_> {
    Footer { community: &c.cfg.name, list_address: c.cfg.address.as_str(), signature: &c.cfg.signature }
}

/// Message-ID and sender when there is a Message-ID (a resent copy with new Received lines is
/// still the same message); else the bytes.
fn dedup_key(reading: &Reading, raw: &[u8]) -> String {
    match (&reading.message_id, &reading.from) {
        (Some(mid), Some(from)) => format!("mid:{}:{}", from.address, mid),
        (Some(mid), None) => format!("mid::{mid}"),
        _ => format!("sha256:{}", sha256_hex(raw)),
    }
}

fn told_str(told: bool) -> &'static str {
    if told {
        "coordinator told"
    } else {
        "coordinator already told this hour"
    }
}

pub(crate) fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    data_encoding::HEXLOWER.encode(&sha2::Sha256::digest(b))
}

/// "2026-12-08 18:30" in `tz` → Unix seconds (see [`local_instant`]).
pub fn parse_local_time(s: &str, tz: chrono_tz::Tz) -> Result<i64> {
    let naive = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M")
        .with_context(|| format!("{s:?} is not a date and time: write \"YYYY-MM-DD HH:MM\", e.g. \"2026-12-08 18:30\""))?;
    local_instant(naive, tz)
}

/// A local time in `tz`, to the minute (seconds are dropped), → Unix seconds. A time that
/// doesn't exist (clocks jump forward) is refused; one that exists twice (clocks go back) is
/// the first of the two.
pub fn local_instant(naive: NaiveDateTime, tz: chrono_tz::Tz) -> Result<i64> {
    let naive = naive.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(naive);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.timestamp()),
        LocalResult::Ambiguous(first, _) => Ok(first.timestamp()),
        LocalResult::None => anyhow::bail!("{} does not exist in {tz} (the clocks jump forward then): pick another time", naive.format("%Y-%m-%d %H:%M")),
    }
}

/// "Tuesday 8 December 2026, 18:30 CET".
pub fn local_time(tz: chrono_tz::Tz, unix: i64) -> String {
    Utc.timestamp_opt(unix, 0).single().map(|t| t.with_timezone(&tz).format("%A %-d %B %Y, %H:%M %Z").to_string()).unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_across_daylight_saving() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let summer = parse_local_time("2026-10-24 18:30", berlin).unwrap();
        let winter = parse_local_time("2026-10-31 18:30", berlin).unwrap();
        // One week and one extra hour apart: the clocks went back on 25 October.
        assert_eq!(winter - summer, 7 * 86400 + 3600);
        assert_eq!(local_time(berlin, winter), "Saturday 31 October 2026, 18:30 CET");
        assert_eq!(local_time(berlin, summer), "Saturday 24 October 2026, 18:30 CEST");
        assert!(parse_local_time("2026-03-29 02:30", berlin).is_err(), "a time that doesn't exist");
        assert!(parse_local_time("next tuesday", berlin).is_err());
    }

    #[test]
    fn a_typed_local_time_is_the_same_instant_to_the_minute() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        let typed = local_instant(at("2026-12-08 18:30:45"), berlin).unwrap();
        assert_eq!(typed, parse_local_time("2026-12-08 18:30", berlin).unwrap());
        let gap = local_instant(at("2026-03-29 02:30:00"), berlin).unwrap_err().to_string();
        assert!(gap.starts_with("2026-03-29 02:30 does not exist in Europe/Berlin"), "{gap}");
    }
}
