//! What members send besides RSVPs: topics, +1 votes, takeaways — and a guest's answer to
//! the follow-up (JOIN or no thanks). Each is recorded with its author and answered once.

use anyhow::Result;
use understand::{Reading, Topic};

use super::{Act, Answer, Community, Draft, Outcome};
use crate::compose;
use crate::compose::token::{Claims, Purpose};
use crate::domain::{MeetingStatus, OtherMailKind, PersonStatus, Role, SearchKind};
use crate::store::Person;
use crate::texts::Msg;

/// Titles longer than this are cut (the rest goes to the details).
const TITLE_MAX: usize = 120;

/// Answers to non-members, in all, per hour: a flood of forged senders gets at most this many.
pub(super) const STRANGER_ANSWERS_PER_HOUR: i64 = 10;

impl Act<'_, '_> {
    pub(super) async fn topics(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        topics: &[Topic],
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        let meeting =
            match claims.filter(|cl| matches!(cl.purpose, Purpose::Topics | Purpose::Rsvp)) {
                Some(cl) => store
                    .meeting(self.conn, cl.reference)
                    .await?
                    .filter(|m| m.community_id == c.id && m.status == MeetingStatus::Scheduled),
                None => None,
            };
        let meeting = match meeting {
            Some(m) => Some(m),
            None => store.next_meeting(self.conn, c.id, self.now).await?,
        };
        let mut added = Vec::new();
        for t in topics.iter().take(20) {
            let (title, details) = clean_topic(t);
            if title.is_empty() {
                continue;
            }
            let n = store
                .add_topic(
                    self.conn,
                    c.id,
                    &title,
                    details.as_deref(),
                    p.id,
                    meeting.as_ref().map(|m| m.id),
                    self.now,
                )
                .await?;
            let body = match &details {
                Some(d) => format!("#{n} {title} — {d}"),
                None => format!("#{n} {title}"),
            };
            store
                .index_text(
                    self.conn,
                    c.id,
                    SearchKind::Topic,
                    p.display_name(),
                    self.now,
                    &body,
                )
                .await?;
            added.push(format!("#{n} {title}"));
        }
        if added.is_empty() {
            return Ok(Outcome::kept(
                "topics without a title: nothing added",
                Some(p.id),
            ));
        }
        let tr = c.tr_for(p);
        let what = tr.t1("topics-added", "topics", added.join("; "));
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::Confirmation,
            &tr.t2(
                "subject-topics-added",
                "count",
                added.len(),
                "topics",
                added.join("; "),
            ),
            Answer::Confirmation {
                what: &what,
                note: None,
            },
        )
        .await?;
        Ok(Outcome::done(
            format!("{} topic(s) added: {}", added.len(), added.join("; ")),
            Some(p.id),
        ))
    }

    pub(super) async fn votes(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        votes: &[u32],
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        let (mut counted, mut unknown) = (Vec::new(), Vec::new());
        for &n in votes.iter().take(super::VOTES_PER_MESSAGE) {
            match store
                .vote(self.conn, c.id, n as i64, p.id, self.now)
                .await?
            {
                Some(title) => counted.push((format!("#{n}"), title)),
                None => unknown.push(format!("#{n}")),
            }
        }
        let tr = c.tr_for(p);
        let mut what = String::new();
        if !counted.is_empty() {
            // Named by title as well as number: a confirmation says what it confirms.
            let named: Vec<String> = counted
                .iter()
                .map(|(n, title)| format!("{n} \u{201c}{title}\u{201d}"))
                .collect();
            what.push_str(&tr.t1("votes-counted", "topics", named.join(", ")));
        }
        if !unknown.is_empty() {
            what.push(' ');
            what.push_str(&tr.t2(
                "votes-unknown",
                "count",
                unknown.len(),
                "topics",
                unknown.join(", "),
            ));
        }
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::Confirmation,
            &tr.t("subject-votes"),
            Answer::Confirmation {
                what: what.trim(),
                note: None,
            },
        )
        .await?;
        Ok(Outcome {
            line: format!(
                "votes counted: [{}], unknown: [{}]",
                counted
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                unknown.join(" ")
            ),
            person_id: Some(p.id),
            keep_raw: !unknown.is_empty(),
        })
    }

    pub(super) async fn takeaways(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        items: &[String],
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        let meeting = match claims.filter(|cl| cl.purpose == Purpose::Takeaways) {
            Some(cl) => store
                .meeting(self.conn, cl.reference)
                .await?
                .filter(|m| m.community_id == c.id),
            None => store.last_meeting_before(self.conn, c.id, self.now).await?,
        };
        let Some(m) = meeting else {
            let tr = c.tr_for(p);
            let q = tr.t("takeaways-no-meeting");
            self.answer(
                c,
                p,
                reading,
                OtherMailKind::Question,
                &tr.t("subject-takeaways-no-meeting"),
                Answer::Question(&q),
            )
            .await?;
            return Ok(Outcome::kept(
                "takeaways with no past meeting: told so",
                Some(p.id),
            ));
        };
        let mut n = 0;
        for t in items.iter().take(30) {
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            let t: String = t.chars().take(2000).collect();
            store
                .add_takeaway(self.conn, m.id, p.id, &t, self.now)
                .await?;
            store
                .index_text(
                    self.conn,
                    c.id,
                    SearchKind::Takeaway,
                    p.display_name(),
                    m.starts_at,
                    &t,
                )
                .await?;
            n += 1;
        }
        let tr = c.tr_for(p);
        let what = tr.t1("takeaways-saved", "count", n);
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::Confirmation,
            &tr.t("subject-takeaways-saved"),
            Answer::Confirmation {
                what: &what,
                note: None,
            },
        )
        .await?;
        Ok(Outcome::done(
            format!("{n} takeaway(s) for meeting {}", m.id),
            Some(p.id),
        ))
    }

    /// A guest says yes to the follow-up: a member from now on, welcomed, coordinators told.
    pub(super) async fn join(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
    ) -> Result<Outcome> {
        if p.role != Role::Guest {
            let tr = c.tr_for(p);
            let what = tr.t1("join-already", "community", &c.cfg.name);
            self.answer(
                c,
                p,
                reading,
                OtherMailKind::Confirmation,
                &tr.t1("subject-join-already", "community", &c.cfg.name),
                Answer::Confirmation {
                    what: &what,
                    note: None,
                },
            )
            .await?;
            return Ok(Outcome::done("join from a member: told so", Some(p.id)));
        }
        self.join_guest(c, p).await?;
        self.notify_coordinators(
            c,
            &Msg::new("subject-notice-joined")
                .arg("name", p.display_name())
                .arg("community", &c.cfg.name),
            &Msg::new("notice-joined")
                .arg("name", p.display_name())
                .arg("address", &p.address),
        )
        .await?;
        Ok(Outcome::done(
            format!("{} joined as a member", p.address),
            Some(p.id),
        ))
    }

    /// Makes a guest a member: welcome, and a notice to the coordinators.
    pub(super) async fn join_guest(&mut self, c: &Community, p: &Person) -> Result<String> {
        let store = self.world.store.clone();
        if p.role != Role::Guest {
            return Ok(c.tr_for(p).t2(
                "join-guest-already",
                "address",
                &p.address,
                "role",
                p.role.as_str(),
            ));
        }
        store
            .upsert_person(self.conn, c.id, &p.address, None, Role::Member, self.now)
            .await?;
        self.welcome(c, p).await?;
        Ok(c.tr_for(p).t2(
            "joined-as-member",
            "address",
            &p.address,
            "community",
            &c.cfg.name,
        ))
    }

    /// A guest says no thanks: respected, never mailed again unless invited again.
    pub(super) async fn decline(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        if p.role != Role::Guest {
            return Ok(Outcome::kept(
                "decline from a member: kept for the coordinator",
                Some(p.id),
            ));
        }
        store
            .set_status(self.conn, p.id, PersonStatus::Declined, self.now)
            .await?;
        let tr = c.tr_for(p);
        let what = tr.t1("declined", "community", &c.cfg.name);
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::Confirmation,
            &tr.t("subject-declined"),
            Answer::Confirmation {
                what: &what,
                note: None,
            },
        )
        .await?;
        Ok(Outcome::done(
            format!("{} declined to join", p.address),
            Some(p.id),
        ))
    }

    /// A short notice to every coordinator (a guest joined, a reply nobody could read).
    pub(super) async fn notify_coordinators(
        &mut self,
        c: &Community,
        subject: &Msg,
        what: &Msg,
    ) -> Result<()> {
        let key = uuid::Uuid::new_v4().simple().to_string();
        self.notify_coordinators_in(c, subject, what, false, &key)
            .await
            .map(|_| ())
    }

    /// A notice of a kind that can come in floods (unclear replies from one sender): one per
    /// `about` and clock hour at most, so 1,000 unreadable mails from one autoresponder tell
    /// the coordinator once, not 1,000 times; the rest are kept (`roundtable log`). Whether
    /// this one was queued.
    pub(super) async fn notify_coordinators_hourly(
        &mut self,
        c: &Community,
        subject: &Msg,
        what: &Msg,
        about: &str,
    ) -> Result<bool> {
        let key = format!("{about}:{}", self.now.div_euclid(3600));
        self.notify_coordinators_in(c, subject, what, true, &key)
            .await
    }

    /// Queues the notice to each coordinator under `key` (a notice already queued under the
    /// same key is not queued again), in that coordinator's language; `hourly` adds that more
    /// are kept, not sent. Whether any was queued.
    async fn notify_coordinators_in(
        &mut self,
        c: &Community,
        subject: &Msg,
        what: &Msg,
        hourly: bool,
        key: &str,
    ) -> Result<bool> {
        let store = self.world.store.clone();
        let people = store.coordinators(self.conn, c.id).await?;
        let before = self.queued;
        for k in &people {
            let footer = super::footer_for(c, k);
            let tr = c.tr_for(k);
            let mut what = tr.msg(what);
            if hourly {
                what.push_str("\n\n");
                what.push_str(&tr.t("notice-hourly"));
            }
            let what = what.as_str();
            let text = compose::ConfirmationTxt {
                name: k.display_name(),
                what,
                note: None,
                change_hint: "",
                f: &footer,
            }
            .to_string();
            let html = compose::ConfirmationHtml {
                name: k.display_name(),
                what,
                note: None,
                change_hint: "",
                f: &footer,
            }
            .to_string();
            let token = self.token(Purpose::Reply, k.id, 0, self.now);
            let d = Draft {
                kind: OtherMailKind::Notice.into(),
                subject: tr.msg(subject),
                token,
                in_reply_to: None,
                references: Vec::new(),
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("notice:{key}:{}", k.id),
                calendar: None,
                message_id: None,
                images: Vec::new(),
            };
            let mail = self.mail(c, k, None, d)?;
            self.enqueue(mail).await?;
        }
        Ok(self.queued > before)
    }
}

impl Act<'_, '_> {
    /// Someone who is not a member wrote: one polite answer a day at most, their mail passed
    /// to the coordinators for review, and nothing changes.
    pub(super) async fn stranger(
        &mut self,
        c: &Community,
        from: &crate::domain::Address,
        reading: &Reading,
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        // Mail our own server marked as failing SPF or DMARC is likely forged: answering it
        // would send our mail to whoever was impersonated (backscatter).
        let failing = self.world.authserv_id.as_deref().and_then(|id| {
            super::auth_results::marked_failing(&reading.auth_results, id, from.domain())
        });
        let why_not = match failing {
            Some(why) => Some(format!("not answered: our mail server marked it as failing ({why})")),
            None if store.strangers_answered_since(self.conn, self.now - 3600).await? >= STRANGER_ANSWERS_PER_HOUR => {
                Some(format!("not answered: {STRANGER_ANSWERS_PER_HOUR} non-members were answered this hour already"))
            }
            None if !store.answer_stranger(self.conn, c.id, from, self.now - 86400, self.now).await? => Some("already answered today".to_string()),
            None => None,
        };
        // The coordinators hear of non-members' mail once an hour at most, however many come.
        let review = Msg::new("notice-stranger")
            .arg("from", from)
            .arg("subject", &reading.subject)
            .arg("text", &reading.text);
        let told = self
            .notify_coordinators_hourly(
                c,
                &Msg::new("subject-notice-stranger"),
                &review,
                "strangers",
            )
            .await?;
        if let Some(why) = why_not {
            return Ok(Outcome::kept(
                format!(
                    "{from} is not a member of {}: {why}; kept, {}",
                    c.cfg.slug,
                    super::told_str(told)
                ),
                None,
            ));
        }
        let stranger = super::posts::stranger(c, from);
        let what = c.tr().t1("stranger-answer", "community", &c.cfg.name);
        let footer = super::footer(c);
        let text = compose::ConfirmationTxt {
            name: stranger.display_name(),
            what: &what,
            note: None,
            change_hint: "",
            f: &footer,
        }
        .to_string();
        let html = compose::ConfirmationHtml {
            name: stranger.display_name(),
            what: &what,
            note: None,
            change_hint: "",
            f: &footer,
        }
        .to_string();
        let d = Draft {
            kind: OtherMailKind::Notice.into(),
            subject: c.tr().t1("subject-your-mail", "community", &c.cfg.name),
            token: self.token(Purpose::Reply, 0, 0, self.now),
            in_reply_to: reading.message_id.clone(),
            references: reading.message_id.iter().cloned().collect(),
            auto_submitted: "auto-replied",
            text,
            html,
            dedup_key: format!("stranger:{}:{}:{}", c.id, from, self.now),
            calendar: None,
            message_id: None,
            images: Vec::new(),
        };
        let mail = self.mail(c, &stranger, None, d)?;
        self.enqueue(mail).await?;
        Ok(Outcome::kept(
            format!(
                "{from} is not a member of {}: answered once, {}",
                c.cfg.slug,
                super::told_str(told)
            ),
            None,
        ))
    }
}

/// A topic's title on one line (cut at a word), the rest and any details below it.
fn clean_topic(t: &Topic) -> (String, Option<String>) {
    let title = crate::domain::clean_name_long(&t.title);
    let (title, overflow) = if title.chars().count() > TITLE_MAX {
        let cut: String = title.chars().take(TITLE_MAX).collect();
        let at = cut.rfind(' ').unwrap_or(cut.len());
        (cut[..at].to_string(), Some(title[at..].trim().to_string()))
    } else {
        (title, None)
    };
    let details = match (
        overflow,
        t.details
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty()),
    ) {
        (None, None) => None,
        (Some(o), None) => Some(o),
        (None, Some(d)) => Some(d.chars().take(1000).collect()),
        (Some(o), Some(d)) => Some(format!("{o} {d}").chars().take(1000).collect()),
    };
    (title, details)
}
