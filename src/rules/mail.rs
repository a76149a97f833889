//! How the rules write mail: the announcement, throttled answers, reply tokens, and a draft
//! rendered into an outbox row.

use anyhow::Result;
use understand::Reading;

use super::{Act, Community, ANSWERS_PER_HOUR, TOKEN_DAYS_AFTER};
use crate::compose::token::{Claims, Purpose};
use crate::compose::{self, Envelope, Footer};
use crate::domain::{MailKind, OtherMailKind};
use crate::schedule::JobKind;
use crate::store::{Meeting, OutMail, Person};

impl Act<'_, '_> {
    /// The announcement of `meeting` to one person, with the calendar invitation.
    pub(super) async fn announce(
        &mut self,
        c: &Community,
        meeting: &Meeting,
        p: &Person,
        job_id: i64,
    ) -> Result<()> {
        let tr = c.tr_for(p);
        let when = tr.when(meeting.starts_at);
        let footer = footer_for(c, p);
        let name = p.display_name();
        let text = compose::AnnouncementTxt {
            name,
            when: &when,
            place: meeting.place.as_deref(),
            description: &c.cfg.description,
            f: &footer,
        }
        .to_string();
        let html = compose::AnnouncementHtml {
            name,
            when: &when,
            place: meeting.place.as_deref(),
            description: &c.cfg.description,
            f: &footer,
        }
        .to_string();
        let subject = tr.t2(
            "subject-announcement",
            "community",
            &c.cfg.name,
            "when",
            &when,
        );
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
                images: Vec::new(),
            },
        )?;
        self.enqueue(mail).await
    }

    /// An automatic answer to `reading` (not tied to a meeting's thread).
    pub(super) async fn answer(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        kind: OtherMailKind,
        subject: &str,
        a: Answer<'_>,
    ) -> Result<bool> {
        self.answer_in_thread(c, p, reading, None, kind, subject, a)
            .await
    }

    /// An automatic answer, throttled per sender so that no loop can form.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn answer_in_thread(
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
        if super::batch::answers_since(
            &store,
            self.conn,
            p.address.as_str(),
            super::batch::answers_window(self.now),
        )
        .await?
            >= ANSWERS_PER_HOUR
        {
            tracing::warn!(to = %p.address, "answer throttled: {ANSWERS_PER_HOUR} automatic answers in the last hour");
            return Ok(false);
        }
        let footer = footer_for(c, p);
        let name = p.display_name();
        let images = match &a {
            Answer::Status { charts, .. } => charts.clone(),
            _ => Vec::new(),
        };
        let (text, html) = match &a {
            Answer::Confirmation { what, note } => {
                let (what, note) = (*what, *note);
                let hint = if kind == OtherMailKind::Confirmation && meeting.is_some() {
                    footer.tr.t("change-hint")
                } else {
                    String::new()
                };
                let hint = hint.as_str();
                (
                    compose::ConfirmationTxt {
                        name,
                        what,
                        note,
                        change_hint: hint,
                        f: &footer,
                    }
                    .to_string(),
                    compose::ConfirmationHtml {
                        name,
                        what,
                        note,
                        change_hint: hint,
                        f: &footer,
                    }
                    .to_string(),
                )
            }
            Answer::Question(q) => (
                compose::QuestionTxt {
                    name,
                    question: q,
                    quoted: &reading.text,
                    f: &footer,
                }
                .to_string(),
                compose::QuestionHtml {
                    name,
                    question: q,
                    quoted: &reading.text,
                    f: &footer,
                }
                .to_string(),
            ),
            Answer::Result(text) | Answer::Confirm { text, .. } => compose::CommandResult {
                name,
                text,
                everyone: &[],
                coordinators: &[],
                charts: &[],
            }
            .render(&footer)?,
            Answer::Status { text, charts } => compose::CommandResult {
                name,
                text,
                everyone: &[],
                coordinators: &[],
                charts,
            }
            .render(&footer)?,
            Answer::Help { text, coordinator } => {
                let (everyone, coordinators) = super::commands::help_rows(&footer.tr, *coordinator);
                compose::CommandResult {
                    name,
                    text,
                    everyone: &everyone,
                    coordinators: &coordinators,
                    charts: &[],
                }
                .render(&footer)?
            }
        };
        let (purpose, reference, until) = match (&a, meeting) {
            (Answer::Confirm { id, .. }, _) => (Purpose::Confirm, *id, self.now),
            (_, Some(m)) => (Purpose::Rsvp, m.id, m.starts_at),
            (_, None) => (Purpose::Reply, 0, self.now),
        };
        let token = self.token(purpose, p.id, reference, until);
        let mut refs: Vec<String> = meeting
            .map(|m| vec![m.thread_id.clone()])
            .unwrap_or_default();
        refs.extend(
            reading
                .references
                .iter()
                .filter(|r| !refs.contains(r))
                .cloned()
                .collect::<Vec<_>>(),
        );
        if let Some(id) = &reading.message_id {
            refs.push(id.clone());
        }
        // Unique by its UUID, time-ordered (v7) so that the outbox's unique index of keys grows
        // at one end (see `compose::new_message_id`); the message answered follows it.
        let dedup = format!(
            "answer:{}:{}",
            uuid::Uuid::now_v7().simple(),
            reading.message_id.as_deref().unwrap_or("-")
        );
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
                images,
            },
        )?;
        // Its dedup key holds a fresh UUID: new by construction, so a batch keeps it whole.
        super::batch::count_answer(mail.kind, &mail.recipient);
        let store = self.world.store.clone();
        if store.enqueue_new(self.conn, mail, self.now).await? {
            self.queued += 1;
        }
        Ok(true)
    }

    pub(super) fn token(
        &self,
        purpose: Purpose,
        person_id: i64,
        reference: i64,
        until: i64,
    ) -> String {
        self.world.signer.sign(&Claims {
            purpose,
            person_id,
            reference,
            expires_at: until.max(self.now) + TOKEN_DAYS_AFTER * 86400,
        })
    }

    /// Renders a draft for one person into an outbox row: Reply-To with the token, the VERP
    /// envelope sender, a fresh Message-ID.
    pub(super) fn mail(
        &self,
        c: &Community,
        p: &Person,
        meeting: Option<&Meeting>,
        d: Draft,
    ) -> Result<OutMail> {
        self.mail_replying_to(c, p, meeting, d, None)
    }

    /// [`Act::mail`] whose replies go to `reply_to` (an address and its name) instead of the
    /// list's tokened address: a member's words passed on to a coordinator.
    pub(super) fn mail_replying_to(
        &self,
        c: &Community,
        p: &Person,
        meeting: Option<&Meeting>,
        d: Draft,
        reply_to: Option<(&crate::domain::Address, &str)>,
    ) -> Result<OutMail> {
        let list = &c.cfg.address;
        let tokened = list.with_tag(&d.token)?;
        let (reply_to, reply_to_name) = match reply_to {
            Some((a, name)) => (a, Some(name)),
            None => (&tokened, None),
        };
        let bounce = self.world.signer.sign(&Claims {
            purpose: Purpose::Bounce,
            person_id: p.id,
            reference: meeting.map(|m| m.id).unwrap_or(0),
            expires_at: self.now + 90 * 86400,
        });
        let envelope_from = list.with_tag(&format!("bounce-{bounce}"))?;
        let leave = self.world.signer.sign(&Claims {
            purpose: Purpose::Leave,
            person_id: p.id,
            reference: 0,
            expires_at: self.now + 400 * 86400,
        });
        let unsubscribe = list.with_tag(&format!("leave-{leave}"))?;
        let message_id = d
            .message_id
            .clone()
            .unwrap_or_else(|| compose::new_message_id(list));
        let body = compose::build(
            &Envelope {
                community_name: &c.cfg.name,
                community_slug: &c.cfg.slug,
                list,
                to_name: p.name.as_deref(),
                to: &p.address,
                reply_to,
                reply_to_name,
                unsubscribe: &unsubscribe,
                subject: &d.subject,
                kind: d.kind,
                message_id: &message_id,
                in_reply_to: d.in_reply_to.as_deref(),
                references: &d.references,
                auto_submitted: d.auto_submitted,
                date: self.now,
                calendar: d
                    .calendar
                    .as_ref()
                    .map(|(m, ics)| (m.as_str(), ics.as_str())),
                images: &d.images,
            },
            d.text,
            compose::fill_slots(d.html, &tokened, &unsubscribe),
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
            post_id: None,
        })
    }

    pub(super) async fn enqueue(&mut self, mut mail: OutMail) -> Result<()> {
        let store = self.world.store.clone();
        if super::batch::active() {
            // In a batch the row goes in now (its id, and whether it was new, are needed) and
            // its body with the batch's others (see `batch`).
            if let Some(id) = store.enqueue_row(self.conn, &mail, self.now).await? {
                self.queued += 1;
                let body = std::mem::take(&mut mail.body);
                if super::batch::keep_body(id, body, mail.kind, &mail.recipient)
                    >= super::batch::bodies_at_once()
                {
                    super::batch::flush(&store, self.conn).await?;
                }
            }
            return Ok(());
        }
        if store.enqueue(self.conn, &mail, self.now).await? {
            self.queued += 1;
        }
        Ok(())
    }
}

/// One mail to one person, before it is rendered into bytes.
pub(super) struct Draft {
    pub(super) kind: MailKind,
    pub(super) subject: String,
    pub(super) token: String,
    pub(super) in_reply_to: Option<String>,
    pub(super) references: Vec<String>,
    /// "auto-generated" for scheduled mail, "auto-replied" for answers.
    pub(super) auto_submitted: &'static str,
    pub(super) text: String,
    pub(super) html: String,
    pub(super) dedup_key: String,
    /// (METHOD, iCalendar text)
    pub(super) calendar: Option<(String, String)>,
    /// A fixed Message-ID: the announcement's is the meeting's thread root, the one every
    /// later mail of the meeting refers to (as a list post, each copy carries the same id).
    pub(super) message_id: Option<String>,
    /// Charts the HTML shows inline (`cid:`), each with its words in the text part.
    pub(super) images: Vec<compose::chart::Chart>,
}

pub(super) enum Answer<'a> {
    Confirmation {
        what: &'a str,
        note: Option<&'a str>,
    },
    Question(&'a str),
    /// A command's result (multi-line text).
    Result(&'a str),
    /// STATUS: its text, and charts (attendance, +1s) the HTML shows inline.
    Status {
        text: &'a str,
        charts: Vec<compose::chart::Chart>,
    },
    /// HELP: its text, and a table of the commands (a coordinator's own too) in the HTML.
    Help {
        text: &'a str,
        coordinator: bool,
    },
    /// A request to confirm a command: the reply address carries the confirmation token.
    Confirm {
        text: &'a str,
        id: i64,
    },
}

/// The footer (and words) of a mail to `p`, in their own language.
pub(super) fn footer_for<'a>(c: &'a Community, p: &Person) -> Footer<'a> {
    Footer {
        tr: c.tr_for(p),
        ..footer(c)
    }
}

pub(super) fn footer(c: &Community) -> Footer<'_> {
    Footer {
        tr: c.tr(),
        community: &c.cfg.name,
        list_address: c.cfg.address.as_str(),
        signature: &c.cfg.signature,
    }
}
