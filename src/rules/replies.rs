//! What a member's reply does besides contributions: an RSVP, leaving, and a delivery
//! failure report (a bounce) coming back to us.

use anyhow::Result;
use understand::Reading;

use super::{Act, Answer, Community, Outcome, HARD_BOUNCES};
use crate::compose::token::{Claims, Purpose};
use crate::domain::{MailKind, MeetingStatus, OtherMailKind, PersonStatus, Response, Role};
use crate::store::{Meeting, Person};
use crate::texts::Msg;

impl Act<'_, '_> {
    /// A delivery failure report. It counts against a person only with proof: it came back to
    /// the VERP return path (`list+bounce-TOKEN@…`) of mail we sent that very person, so the
    /// signed token names them. A report without one — anyone can write "Final-Recipient: ben@…"
    /// — is recorded and counts against nobody. Coordinators are never suspended by bounces
    /// (their own commands would be refused): the coordinators are told instead. After
    /// [`HARD_BOUNCES`] hard bounces a member gets no more mail and the coordinators are told;
    /// a spam rejection or a full mailbox (soft) only counts.
    pub(super) async fn bounce(
        &mut self,
        c: &Community,
        claims: Option<Claims>,
        recipients: &[String],
        permanent: bool,
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        let kind = if permanent { "hard" } else { "soft" };
        let verp = claims.filter(|cl| cl.purpose == Purpose::Bounce);
        let person = match verp {
            Some(cl) => store
                .person_by_id(self.conn, cl.person_id)
                .await?
                .filter(|p| p.community_id == c.id),
            None => None,
        };
        let Some(p) = person else {
            let named = if recipients.is_empty() {
                "nobody".to_string()
            } else {
                recipients.join(", ")
            };
            return Ok(Outcome::kept(format!("{kind} bounce report naming {named}, not sent to a VERP return path of ours: recorded, counted against nobody"), None));
        };
        let hard = store
            .record_bounce(self.conn, p.id, permanent, self.now)
            .await?;
        if !(permanent && hard >= HARD_BOUNCES && p.status == PersonStatus::Active) {
            return Ok(Outcome::kept(
                format!("{}: {kind} bounce counted ({hard} hard)", p.address),
                Some(p.id),
            ));
        }
        if p.role == Role::Coordinator {
            let what = Msg::new("notice-coordinator-bounces")
                .arg("name", p.display_name())
                .arg("address", &p.address)
                .arg("count", hard);
            self.notify_coordinators_hourly(
                c,
                &Msg::new("subject-notice-coordinator-bounces").arg("address", &p.address),
                &what,
                &format!("bouncing-coordinator:{}", p.id),
            )
            .await?;
            return Ok(Outcome::kept(
                format!(
                    "{}: {hard} hard bounces, a coordinator: not stopped, coordinators told",
                    p.address
                ),
                Some(p.id),
            ));
        }
        store
            .set_status(self.conn, p.id, PersonStatus::Bouncing, self.now)
            .await?;
        let what = Msg::new("notice-bouncing")
            .arg("name", p.display_name())
            .arg("address", &p.address)
            .arg("count", hard)
            .arg("slug", &c.cfg.slug);
        self.notify_coordinators(
            c,
            &Msg::new("subject-notice-bouncing").arg("address", &p.address),
            &what,
        )
        .await?;
        Ok(Outcome::kept(
            format!(
                "{kind} bounce: {}: {hard} hard bounces, no more mail",
                p.address
            ),
            Some(p.id),
        ))
    }

    pub(super) async fn rsvp(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        response: Response,
        note: Option<&str>,
    ) -> Result<Outcome> {
        self.rsvp_telling(c, person, reading, claims, response, note, None)
            .await
    }

    /// [`Act::rsvp`] whose confirmation also says `also` (where the question it asked went).
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn rsvp_telling(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        response: Response,
        note: Option<&str>,
        also: Option<&str>,
    ) -> Result<Outcome> {
        let Some(meeting) = self.meeting_for(c, reading, claims).await? else {
            let (subject, q, line) = match &reading.calendar_uid {
                Some(_) => (
                    "subject-calendar-unknown",
                    "calendar-unknown",
                    "calendar answer for an event that is none of our meetings: told so",
                ),
                None => (
                    "subject-no-meeting-yet",
                    "no-meeting-yet",
                    "rsvp with no upcoming meeting: told so",
                ),
            };
            let tr = c.tr_for(person);
            self.answer(
                c,
                person,
                reading,
                OtherMailKind::Question,
                &tr.t(subject),
                Answer::Question(&tr.t(q)),
            )
            .await?;
            return Ok(Outcome::kept(line, Some(person.id)));
        };
        if meeting.status != MeetingStatus::Scheduled {
            let (subject, q) = match meeting.status {
                MeetingStatus::Held => ("subject-meeting-held", "meeting-held"),
                _ => ("subject-meeting-was-cancelled", "meeting-was-cancelled"),
            };
            let tr = c.tr_for(person);
            self.answer(
                c,
                person,
                reading,
                OtherMailKind::Question,
                &tr.t(subject),
                Answer::Question(&tr.t(q)),
            )
            .await?;
            return Ok(Outcome::kept(
                format!(
                    "rsvp for {} meeting {}: told so",
                    meeting.status, meeting.id
                ),
                Some(person.id),
            ));
        }
        let store = self.world.store.clone();
        store
            .set_rsvp(self.conn, meeting.id, person.id, response, note, self.now)
            .await?;
        let tr = c.tr_for(person);
        let when = tr.when(meeting.starts_at);
        let (subject, what) = match response {
            Response::Yes => ("subject-rsvp-yes", "rsvp-yes"),
            Response::No => ("subject-rsvp-no", "rsvp-no"),
            Response::Maybe => ("subject-rsvp-maybe", "rsvp-maybe"),
        };
        let subject = tr.t2(subject, "community", &c.cfg.name, "when", &when);
        let what = tr.t2(what, "community", &c.cfg.name, "when", &when);
        // A line about the question the reply also asked ("Your question went to …").
        let what = match also {
            Some(also) => format!("{what} {also}"),
            None => what,
        };
        let sent = self
            .answer_in_thread(
                c,
                person,
                reading,
                Some(&meeting),
                OtherMailKind::Confirmation,
                &subject,
                Answer::Confirmation { what: &what, note },
            )
            .await?;
        let r = crate::domain::response_str(response);
        Ok(Outcome::done(
            format!(
                "rsvp {r} for meeting {}{}: recorded, {}",
                meeting.id,
                note.map(|n| format!(" ({n:?})")).unwrap_or_default(),
                if sent {
                    "confirmed"
                } else {
                    "confirmation throttled"
                }
            ),
            Some(person.id),
        ))
    }

    pub(super) async fn leave(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
    ) -> Result<Outcome> {
        self.remove(c, &person.address).await?;
        let tr = c.tr_for(person);
        let what = tr.t1("left", "community", &c.cfg.name);
        self.answer(
            c,
            person,
            reading,
            OtherMailKind::Confirmation,
            &tr.t1("subject-left", "community", &c.cfg.name),
            Answer::Confirmation {
                what: &what,
                note: None,
            },
        )
        .await?;
        Ok(Outcome::done(
            format!("{} left {}", person.address, c.cfg.slug),
            Some(person.id),
        ))
    }

    /// Whether the message replies (In-Reply-To, References) to a question we sent, or its
    /// sender was asked one in the last day: an autoresponder that drops In-Reply-To would
    /// otherwise be asked again every time it answers (issue 17: every ~10 minutes for hours).
    pub(super) async fn replies_to_our_question(
        &mut self,
        person: &Person,
        reading: &Reading,
    ) -> Result<bool> {
        let store = self.world.store.clone();
        let since = super::batch::questions_window(self.now);
        if super::batch::questions_since(&store, self.conn, person.address.as_str(), since).await?
            > 0
        {
            return Ok(true);
        }
        for mid in reading.in_reply_to.iter().chain(reading.references.iter()) {
            if store
                .sent_message(self.conn, mid)
                .await?
                .is_some_and(|m| m.kind == MailKind::Other(OtherMailKind::Question))
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The meeting an RSVP answers: a calendar answer's event (its UID is the meeting's
    /// thread id; an event that is none of ours answers nothing), else the token's, else the
    /// one whose mail it replies to, else the next one.
    async fn meeting_for(
        &mut self,
        c: &Community,
        reading: &Reading,
        claims: Option<Claims>,
    ) -> Result<Option<Meeting>> {
        let store = self.world.store.clone();
        if let Some(uid) = &reading.calendar_uid {
            return store.meeting_by_thread(self.conn, c.id, uid).await;
        }
        if let Some(cl) = claims.filter(|cl| cl.purpose == Purpose::Rsvp) {
            if let Some(m) = store
                .meeting(self.conn, cl.reference)
                .await?
                .filter(|m| m.community_id == c.id)
            {
                return Ok(Some(m));
            }
        }
        for mid in reading
            .in_reply_to
            .iter()
            .chain(reading.references.iter().rev())
        {
            if let Some(sent) = store.sent_message(self.conn, mid).await? {
                if let Some(mid) = sent.meeting_id {
                    if let Some(m) = store
                        .meeting(self.conn, mid)
                        .await?
                        .filter(|m| m.community_id == c.id)
                    {
                        return Ok(Some(m));
                    }
                }
            }
        }
        store.next_meeting(self.conn, c.id, self.now).await
    }
}
