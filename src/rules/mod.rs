//! Community rules: what a reading does to the group and which mail it causes.
//!
//! Rules never send. Each one changes state and queues its mail in the caller's transaction,
//! so a change and the mail it causes commit together or not at all.
//!
//! Its files, one job each:
//! - `mod.rs`: the world and its communities; reading a message, then applying it (`Act::apply`).
//! - `inbound_log`: recording what became of a message, also one we give up on.
//! - `replies`: what a member's reply does besides contributions: RSVPs, leaving, bounces.
//! - `contributions`: topics, +1 votes, takeaways, a guest's answer; telling the coordinators.
//! - `conversation`: a member's words (a question, a remark) passed on to the coordinators.
//! - `proof`: whose words a reply is; `auth_results`: our own server's verdict on a sender.
//! - `commands/`: commands by mail and on the command line: who sent them, what each does.
//! - `meetings`: scheduling, moving and cancelling meetings.
//! - `timeline`: the jobs that fire at their due time, each queueing mail.
//! - `mail`: how the rules write mail: announcements, answers, tokens, the outbox row.
//! - `local_time`: times in a community's zone, read and written.

use anyhow::{Context as _, Result};
use sqlx::AnyConnection;
use understand::command::{Cmd, Command};
use understand::{Intent, Reading};

use crate::compose::token::{Claims, Purpose, Signer};
use crate::config::CommunityConfig;
use crate::domain::{Address, InboundKind, OtherMailKind, PersonStatus};
use crate::store::{InboundRecord, Store};

pub mod auth_results;
pub mod batch;
mod commands;
mod contributions;
mod conversation;
mod inbound_log;
mod local_time;
mod mail;
mod meetings;
mod posts;
mod proof;
mod replies;
mod timeline;
use inbound_log::dedup_key;
pub(crate) use inbound_log::sha256_hex;
pub use local_time::{local_instant, local_time, parse_local_time};
use mail::{footer, footer_for, Answer, Draft};
pub use timeline::Fired;

/// Automatic answers one sender can cause per hour; past it we stay silent (loops stop).
pub const ANSWERS_PER_HOUR: i64 = 20;
/// How much of a message the inbound log keeps when it needs a person's eyes.
const KEEP_RAW_MAX: usize = 1 << 20;
/// Hard bounces after which a person gets no more mail (the coordinator is told).
pub const HARD_BOUNCES: i64 = 3;
/// The +1s one message can give; numbers beyond are not read.
pub const VOTES_PER_MESSAGE: usize = 20;
/// Reply tokens stay valid this long after the meeting they belong to.
const TOKEN_DAYS_AFTER: i64 = 60;

/// A community of the config with its database id.
#[derive(Clone, Debug)]
pub struct Community {
    pub id: i64,
    pub cfg: CommunityConfig,
    /// Its words: the built-in catalogs, with its `texts_dir` overrides if it has them.
    pub texts: std::sync::Arc<crate::texts::Texts>,
}

impl Community {
    /// A community of the config; its `texts_dir` is read and checked here (as at start).
    pub fn new(id: i64, cfg: CommunityConfig) -> Result<Community> {
        let texts = match &cfg.texts_dir {
            None => crate::texts::builtin().clone(),
            Some(dir) => {
                std::sync::Arc::new(crate::texts::Texts::load(Some(dir)).map_err(|p| {
                    anyhow::anyhow!(
                        "community {}: texts_dir: {}",
                        cfg.slug,
                        p.iter()
                            .map(|p| p.to_string())
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                })?)
            }
        };
        Ok(Community { id, cfg, texts })
    }

    /// Words for `p`: in their own language if they chose one, else the community's.
    pub fn tr_for(&self, p: &crate::store::Person) -> crate::texts::Tr<'_> {
        self.tr().in_lang(p.language.unwrap_or(self.cfg.language))
    }

    /// Words in the community's language and time zone.
    pub fn tr(&self) -> crate::texts::Tr<'_> {
        crate::texts::Tr::new(&self.texts, self.cfg.language, self.cfg.timezone)
    }
}

/// What the rules need to act: the store, the token signer, the communities.
pub struct World {
    pub store: Store,
    pub signer: Signer,
    pub communities: Vec<Community>,
    /// The id of our own receiving server's Authentication-Results header.
    pub authserv_id: Option<String>,
}

impl World {
    /// The same rules on another store (connections of another runtime: `Store::reconnect`).
    pub fn with_store(&self, store: Store) -> World {
        World {
            store,
            signer: self.signer.clone(),
            communities: self.communities.clone(),
            authserv_id: self.authserv_id.clone(),
        }
    }
}

/// What became of one inbound message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// Effects and answers committed; `outcome` is the log line.
    Done {
        kind: InboundKind,
        outcome: String,
        queued: usize,
    },
    /// Seen before: only acknowledge.
    Duplicate,
    /// Not a mail message: quarantine it.
    Unreadable { reason: String },
}

impl World {
    pub fn community(&self, slug: &str) -> Result<&Community> {
        self.communities
            .iter()
            .find(|c| c.cfg.slug == slug)
            .ok_or_else(|| {
                let known: Vec<_> = self
                    .communities
                    .iter()
                    .map(|c| c.cfg.slug.as_str())
                    .collect();
                anyhow::anyhow!("no community {slug:?} (known: {})", known.join(", "))
            })
    }

    fn own_addresses(&self) -> Vec<String> {
        self.communities
            .iter()
            .map(|c| c.cfg.address.to_string())
            .collect()
    }

    /// Reads, applies and records one inbound message in one transaction.
    pub async fn handle_message(&self, raw: &[u8], now: i64) -> Result<Handled> {
        let mut tx = self.store.begin().await?;
        let h = self.handle_in(&mut tx, raw, now).await?;
        tx.commit()
            .await
            .context("committing the handled message")?;
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
            let token = tag.as_deref().map(|t| {
                t.strip_prefix("leave-")
                    .or_else(|| t.strip_prefix("bounce-"))
                    .unwrap_or(t)
            });
            claims = token.and_then(|t| self.signer.verify(t, now).ok());
            claims.and_then(|c| c.purpose.asked())
        });
        let reading = match reading {
            Err(u) => return Read::Unreadable { reason: u.reason },
            Ok(r) => r,
        };
        let dedup_key = dedup_key(&reading, raw);
        Read::Mail(Box::new(ReadMail {
            reading,
            dedup_key,
            community,
            tag,
            claims,
        }))
    }

    /// The other half: applies what [`World::read`] found, in the caller's transaction.
    pub async fn apply_read(
        &self,
        tx: &mut AnyConnection,
        raw: &[u8],
        read: Read,
        now: i64,
    ) -> Result<Handled> {
        self.apply_read_known(tx, raw, read, now, None).await
    }

    /// [`World::apply_read`] where the caller already knows, in this transaction, whether the
    /// message was handled before (`Some`: a batch asks for all its messages at once, see
    /// `App::handle_batch`); `None` asks here.
    pub async fn apply_read_known(
        &self,
        tx: &mut AnyConnection,
        raw: &[u8],
        read: Read,
        now: i64,
        seen: Option<bool>,
    ) -> Result<Handled> {
        let ReadMail {
            reading,
            dedup_key,
            community,
            tag,
            claims,
        } = match read {
            Read::Unreadable { reason } => {
                return self.record_unreadable(tx, raw, &reason, now).await
            }
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
        let mut act = Act {
            world: self,
            conn: tx,
            now,
            queued: 0,
        };
        // Read again in the context of the mail it names, if that tells a person talking.
        let reading = match community {
            Some(_) => act.in_context(raw, reading, claims).await?,
            None => reading,
        };
        let from = reading.from.as_ref().map(|m| &m.address);
        let Outcome {
            line: outcome,
            person_id,
            keep_raw,
        } = match community {
            None => Outcome::kept(
                "not addressed to any community: kept, nothing changed",
                None,
            ),
            Some(c) => {
                // Mail to the bare address (no token) may be a post to the list.
                let post = if tag.is_none() && claims.is_none() {
                    act.post_or_not(c, raw, &reading).await?
                } else {
                    None
                };
                match post {
                    Some(o) => o,
                    None => act.apply(c, &reading, from, tag, claims).await?,
                }
            }
        };
        let queued = act.queued;
        let kind = InboundKind::of(&reading.intent);
        // Kept for the coordinator, up to 1 MB (the mailbox keeps the whole message).
        let kept_raw = keep_raw.then_some(&raw[..raw.len().min(KEEP_RAW_MAX)]);
        let record = InboundRecord {
            dedup_key: &dedup_key,
            message_id: reading.message_id.as_deref(),
            from_address: from.map(|a| a.as_str()),
            community_id: community.map(|c| c.id),
            person_id,
            received_at: now,
            kind,
            outcome: &outcome,
            raw: kept_raw,
        };
        if batch::active() {
            // Written with the batch's other records before it commits (see `batch`).
            batch::keep_inbound(crate::store::InboundRow::from(&record));
        } else {
            self.store.record_inbound(tx, &record).await?;
        }
        Ok(Handled::Done {
            kind,
            outcome,
            queued,
        })
    }

    /// The community a message was sent to, and the tag of `list+TAG@domain` if any.
    fn addressed_to<'r>(&self, recipients: &'r [String]) -> (Option<&Community>, Option<&'r str>) {
        for r in recipients {
            let Ok(addr) = Address::parse(r) else {
                continue;
            };
            let (base, _) = addr.split_tag();
            if let Some(c) = self.communities.iter().find(|c| c.cfg.address == base) {
                let tag = r
                    .rsplit_once('@')
                    .and_then(|(local, _)| local.split_once('+'))
                    .map(|(_, t)| t);
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
    Unreadable {
        reason: String,
    },
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

    /// The community it was sent to and its sender's address, if it has both.
    pub fn sender(&self) -> Option<(i64, &Address)> {
        match self {
            Read::Mail(m) => Some((m.community?, &m.reading.from.as_ref()?.address)),
            Read::Unreadable { .. } => None,
        }
    }

    /// The person a bounce names through its VERP return path's token, if it is one.
    pub fn bounced(&self) -> Option<i64> {
        match self {
            Read::Mail(m) if matches!(m.reading.intent, Intent::Bounce { .. }) => m
                .claims
                .as_ref()
                .filter(|cl| cl.purpose == Purpose::Bounce)
                .map(|cl| cl.person_id),
            _ => None,
        }
    }

    /// The community and the topic numbers a +1 names, if it is one.
    pub fn votes(&self) -> Option<(i64, &[u32])> {
        match self {
            Read::Mail(m) => match &m.reading.intent {
                Intent::Votes { votes } => {
                    Some((m.community?, &votes[..votes.len().min(VOTES_PER_MESSAGE)]))
                }
                _ => None,
            },
            Read::Unreadable { .. } => None,
        }
    }

    /// The sender's address, if it has a usable one.
    pub fn from_address(&self) -> Option<&str> {
        match self {
            Read::Mail(m) => m.reading.from.as_ref().map(|f| f.address.as_str()),
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

impl ReadMail {
    /// What the message says.
    pub fn reading(&self) -> &Reading {
        &self.reading
    }

    /// What its `list+TOKEN@` address's token says (whose answer, to what), when it verifies.
    pub fn claims(&self) -> Option<&Claims> {
        self.claims.as_ref()
    }
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
        Outcome {
            line: line.into(),
            person_id,
            keep_raw: false,
        }
    }

    /// Kept for a person to look at: the log keeps the raw message.
    fn kept(line: impl Into<String>, person_id: Option<i64>) -> Outcome {
        Outcome {
            line: line.into(),
            person_id,
            keep_raw: true,
        }
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
                    let used = self
                        .world
                        .store
                        .take_confirmation(self.conn, cl.reference, cl.person_id, self.now)
                        .await?;
                    if used.is_ok() {
                        return Ok(Outcome::kept(format!("automatic mail ({reason}) answered confirmation {}: cancelled, not answered", cl.reference), Some(cl.person_id)));
                    }
                }
                return Ok(Outcome::done(
                    format!("automatic mail ({reason}): not answered"),
                    None,
                ));
            }
            Intent::Bounce {
                recipients,
                permanent,
            } => return self.bounce(c, claims, recipients, *permanent).await,
            _ => {}
        }
        let Some(from) = from else {
            return Ok(Outcome::kept(
                "no usable From address: kept, nothing changed",
                None,
            ));
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
            Some(Purpose::Moderate) => {
                if let Some(cl) = claims {
                    return self.moderation_reply(c, &person, reading, cl).await;
                }
            }
            Some(Purpose::Confirm) => {
                return self
                    .confirmed(
                        c,
                        &person,
                        reading,
                        claims.map(|cl| cl.reference).unwrap_or(0),
                    )
                    .await
            }
            _ => {}
        }
        if tag == Some("leave") {
            // The list's plain unsubscribe address carries no proof of who sent it.
            return self
                .command(c, &person, reading, None, &Command::implied(Cmd::Leave))
                .await;
        }
        // Commands prove their sender their own way (see `commands`); everything else needs
        // the token, our server's word, or to answer our own mail to this person.
        if !matches!(reading.intent, Intent::Command { .. }) {
            match self.proof(&person, reading, claims.as_ref()).await? {
                proof::Proof::Shown(how) => {
                    tracing::debug!(sender = %person.address, how, "a reply taken as its sender's")
                }
                proof::Proof::Failed(reason) => {
                    return Ok(Outcome::kept(
                        format!(
                            "not applied: our mail server says it is not from {} ({reason})",
                            person.address
                        ),
                        None,
                    ));
                }
                proof::Proof::Missing(reason) => {
                    let tr = c.tr_for(&person);
                    let q = tr.t("unproven");
                    // Asked once a day at most: a robot writing again is not asked again.
                    let sent = !self.replies_to_our_question(&person, reading).await?
                        && self
                            .answer(
                                c,
                                &person,
                                reading,
                                OtherMailKind::Question,
                                &tr.t("subject-unproven"),
                                Answer::Question(&q),
                            )
                            .await?;
                    let asked = if sent {
                        "asked to reply to our mail"
                    } else {
                        "throttled, not asked"
                    };
                    return Ok(Outcome::kept(
                        format!(
                            "not applied: nothing shows it is from {} ({reason}); {asked}",
                            person.address
                        ),
                        Some(person.id),
                    ));
                }
            }
        }
        match &reading.intent {
            Intent::Rsvp {
                response,
                note,
                question,
            } => {
                let (told, logged) = match question {
                    Some(_) => {
                        self.forward_question(c, &person, reading, *response)
                            .await?
                    }
                    None => (None, String::new()),
                };
                let mut o = self
                    .rsvp_telling(
                        c,
                        &person,
                        reading,
                        claims,
                        *response,
                        note.as_deref(),
                        told.as_deref(),
                    )
                    .await?;
                o.line.push_str(&logged);
                Ok(o)
            }
            Intent::Conversation => self.conversation(c, &person, reading).await,
            Intent::Command(cmd) => self.command(c, &person, reading, claims, cmd).await,
            Intent::Unclear { reason } => {
                // Unclear again in answer to our own question (or within a day of one): asking once
                // more is how a loop with an autoresponder runs. Kept; the coordinator sees it.
                if self.replies_to_our_question(&person, reading).await? {
                    let review = crate::texts::Msg::new("notice-unclear-again")
                        .arg("name", person.display_name())
                        .arg_msg("reason", crate::texts::Msg::new(reason.id()))
                        .arg("subject", &reading.subject)
                        .arg("text", &reading.text);
                    let told = self
                        .notify_coordinators_hourly(
                            c,
                            &crate::texts::Msg::new("subject-notice-unclear")
                                .arg("name", person.display_name()),
                            &review,
                            &format!("unclear:{}", person.id),
                        )
                        .await?;
                    return Ok(Outcome::kept(
                        format!(
                            "unclear ({reason}) in reply to our question: not asked again, {}",
                            told_str(told)
                        ),
                        Some(person.id),
                    ));
                }
                // Ask about what was asked; never guess. The coordinator sees it too.
                let (subject, q) = match claims.map(|cl| cl.purpose) {
                    Some(Purpose::Topics) => ("subject-ask-topic", "ask-topic"),
                    Some(Purpose::Takeaways) => ("subject-ask-takeaways", "ask-takeaways"),
                    Some(Purpose::Followup) => ("subject-ask-join", "ask-join"),
                    _ => ("subject-ask-rsvp", "ask-rsvp"),
                };
                let tr = c.tr_for(&person);
                let sent = self
                    .answer(
                        c,
                        &person,
                        reading,
                        OtherMailKind::Question,
                        &tr.t(subject),
                        Answer::Question(&tr.t(q)),
                    )
                    .await?;
                let review = crate::texts::Msg::new("notice-unclear")
                    .arg("name", person.display_name())
                    .arg_msg("reason", crate::texts::Msg::new(reason.id()))
                    .arg("asked", if sent { "yes" } else { "no" })
                    .arg("subject", &reading.subject)
                    .arg("text", &reading.text);
                let told = self
                    .notify_coordinators_hourly(
                        c,
                        &crate::texts::Msg::new("subject-notice-unclear")
                            .arg("name", person.display_name()),
                        &review,
                        &format!("unclear:{}", person.id),
                    )
                    .await?;
                Ok(Outcome::kept(
                    format!(
                        "unclear ({reason}): {}, {}",
                        if sent {
                            "asked back"
                        } else {
                            "throttled, not asked"
                        },
                        told_str(told)
                    ),
                    Some(person.id),
                ))
            }
            Intent::Topics { topics } => self.topics(c, &person, reading, claims, topics).await,
            Intent::Votes { votes } => self.votes(c, &person, reading, votes).await,
            Intent::Takeaways { takeaways } => {
                self.takeaways(c, &person, reading, claims, takeaways).await
            }
            Intent::Join => self.join(c, &person, reading).await,
            Intent::Decline => self.decline(c, &person, reading).await,
            Intent::AutoReply { .. } | Intent::Bounce { .. } => {
                unreachable!("handled before the sender is looked up")
            }
        }
    }
}

fn told_str(told: bool) -> &'static str {
    if told {
        "coordinator told"
    } else {
        "coordinator already told this hour"
    }
}
