//! People's words reach people (issue 15; DESIGN.md, "The group talks: posts", last bullet).
//!
//! A member who answers our mail with a question or a remark rather than an answer
//! (`Intent::Conversation`: "Is this the same room as last time?") is talking to people, not
//! to the robot: their words go to the coordinators in one mail each, `Reply-To` the member, so
//! that a coordinator answers them with one click, and the member is told in one line where
//! they went. An RSVP that also asks ("Yes! Is there parking?") is recorded as usual and its
//! question goes the same way. No "Did you mean YES, NO or MAYBE?", and no unclear-reply notice
//! besides: one mail, not two. Who may be forwarded is decided before (proof, members only);
//! mail to the list that answers none of ours is not handled here.

use anyhow::Result;
use understand::{Asked, Context, Intent, Reading, Response};

use super::{Act, Answer, Community, Draft, Outcome, ANSWERS_PER_HOUR};
use crate::compose::{self, token::Claims, token::Purpose};
use crate::domain::{MailKind, OtherMailKind};
use crate::schedule::JobKind;
use crate::store::Person;

/// What the inbound log says of a message whose words were forwarded; counted per sender for
/// the hourly cap ([`ANSWERS_PER_HOUR`]).
const FORWARDED: &str = "forwarded to";

/// What became of words to forward.
pub(super) enum Forward {
    /// Queued to these coordinators (their names, for the member and the log).
    Sent(String),
    /// Nobody to forward to: the sender is the only coordinator.
    NoOne,
    /// The sender had [`ANSWERS_PER_HOUR`] messages forwarded this hour already.
    Throttled,
}

impl Act<'_, '_> {
    /// A member's words in reply to our mail: forwarded to the coordinators; the member told.
    pub(super) async fn conversation(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
    ) -> Result<Outcome> {
        match self.forward(c, person, reading, None).await? {
            Forward::Sent(names) => {
                let tr = c.tr_for(person);
                let what = tr.t1("passed-on", "names", &names);
                let told = self
                    .answer(
                        c,
                        person,
                        reading,
                        OtherMailKind::Confirmation,
                        &tr.t1("subject-passed-on", "names", &names),
                        Answer::Confirmation {
                            what: &what,
                            note: None,
                        },
                    )
                    .await?;
                Ok(Outcome::done(
                    format!(
                        "conversation: {FORWARDED} {names}, {}",
                        if told {
                            "sender told"
                        } else {
                            "sender not told (too many automatic answers this hour)"
                        }
                    ),
                    Some(person.id),
                ))
            }
            other => Ok(Outcome::kept(
                format!("conversation: {}; kept", not_forwarded(&other)),
                Some(person.id),
            )),
        }
    }

    /// The question an RSVP also asked, forwarded; what to add to the RSVP's confirmation
    /// and to its log line.
    pub(super) async fn forward_question(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
        response: Response,
    ) -> Result<(Option<String>, String)> {
        let answered = crate::domain::response_str(response).to_uppercase();
        Ok(
            match self.forward(c, person, reading, Some(&answered)).await? {
                Forward::Sent(names) => (
                    Some(c.tr_for(person).t1("question-passed-on", "names", &names)),
                    format!("; question {FORWARDED} {names}"),
                ),
                other => (None, format!("; question {}", not_forwarded(&other))),
            },
        )
    }

    /// Queues the member's words to every other active coordinator, Reply-To the member.
    async fn forward(
        &mut self,
        c: &Community,
        person: &Person,
        reading: &Reading,
        answered: Option<&str>,
    ) -> Result<Forward> {
        let store = self.world.store.clone();
        // The log's count, and the batch's records not written yet (no statement of their own).
        let since = self.now - 3600;
        let forwarded = store
            .forwarded_since(self.conn, person.id, since, FORWARDED)
            .await?
            + super::batch::kept_inbound(person.id, since, FORWARDED);
        if forwarded >= ANSWERS_PER_HOUR {
            tracing::warn!(from = %person.address, "not forwarded: {ANSWERS_PER_HOUR} forwarded from them in the last hour");
            return Ok(Forward::Throttled);
        }
        let coordinators: Vec<Person> = store
            .coordinators(self.conn, c.id)
            .await?
            .into_iter()
            .filter(|k| k.id != person.id)
            .collect();
        if coordinators.is_empty() {
            return Ok(Forward::NoOne);
        }
        let member = person.display_name();
        let replied_to = without_reply_prefixes(&reading.subject);
        let subject = match answered {
            None => "subject-forwarded-words",
            Some(_) => "subject-forwarded-asked",
        };
        let mut refs = reading.references.clone();
        refs.extend(reading.message_id.iter().cloned());
        let about = reading
            .message_id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
        for k in &coordinators {
            // In that coordinator's own language.
            let footer = super::footer_for(c, k);
            let subject = footer
                .tr
                .t2(subject, "member", member, "subject", replied_to);
            let (text, html) = compose::Forwarded {
                name: k.display_name(),
                member,
                address: person.address.as_str(),
                subject: replied_to,
                answered,
                words: &reading.text,
            }
            .render(&footer)?;
            let d = Draft {
                kind: OtherMailKind::Forwarded.into(),
                subject,
                token: self.token(Purpose::Reply, k.id, 0, self.now),
                in_reply_to: reading.message_id.clone(),
                references: refs.clone(),
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("forward:{about}:{}", k.id),
                calendar: None,
                message_id: None,
                images: Vec::new(),
            };
            let mail = self.mail_replying_to(c, k, None, d, Some((&person.address, member)))?;
            self.enqueue(mail).await?;
        }
        let names: Vec<&str> = coordinators.iter().map(|k| k.display_name()).collect();
        Ok(Forward::Sent(names.join(", ")))
    }

    /// A reply without a reply token that names our mail in In-Reply-To was read without
    /// knowing what it answers; read again in that context, it may be a person talking
    /// ("Is this the same room as last time?" to the agenda) rather than unclear, or than a
    /// command read from the Subject it kept ("Re: Agenda: …"). Only that change is taken:
    /// every other reading stays as it was.
    pub(super) async fn in_context(
        &mut self,
        raw: &[u8],
        reading: Reading,
        claims: Option<Claims>,
    ) -> Result<Reading> {
        if !matches!(
            reading.intent,
            Intent::Unclear { .. } | Intent::Command { .. }
        ) || claims.and_then(|cl| cl.purpose.asked()).is_some()
        {
            return Ok(reading);
        }
        let store = self.world.store.clone();
        let mut asked = None;
        for id in &reading.in_reply_to {
            if let Some(sent) = store.sent_message(self.conn, id).await? {
                asked = asked_by(sent.kind);
                break;
            }
        }
        let Some(asked) = asked else {
            return Ok(reading);
        };
        let own = self.world.own_addresses();
        let ctx = Context {
            asked: Some(asked),
            own_addresses: &own,
        };
        Ok(match understand::read(raw, &ctx) {
            Ok(r) if r.intent == Intent::Conversation => r,
            _ => reading,
        })
    }
}

/// What a mail of ours asked, by its kind.
fn asked_by(kind: MailKind) -> Option<Asked> {
    match kind {
        MailKind::Job(JobKind::Announcement | JobKind::Agenda | JobKind::Reminder) => {
            Some(Asked::Rsvp)
        }
        MailKind::Job(JobKind::CallForTopics) => Some(Asked::Topics),
        MailKind::Job(JobKind::TakeawayRequest) => Some(Asked::Takeaways),
        MailKind::Job(JobKind::GuestFollowup) => Some(Asked::Followup),
        _ => None,
    }
}

fn not_forwarded(f: &Forward) -> String {
    match f {
        Forward::Sent(names) => format!("{FORWARDED} {names}"),
        Forward::NoOne => "not forwarded (no other coordinator)".into(),
        Forward::Throttled => {
            format!("not forwarded ({ANSWERS_PER_HOUR} forwarded from the sender this hour)")
        }
    }
}

/// "Re: AW: Agenda: …" → "Agenda: …": what the member replied to.
fn without_reply_prefixes(subject: &str) -> &str {
    const PREFIXES: &[&str] = &[
        "re", "aw", "sv", "antw", "wg", "fwd", "fw", "tr", "rv", "res", "r", "ref", "enc",
    ];
    let mut s = subject.trim();
    loop {
        let Some((head, rest)) = s.split_once(':') else {
            return s;
        };
        if !PREFIXES.contains(&head.trim().to_ascii_lowercase().as_str()) {
            return s;
        }
        s = rest.trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_reply_answered() {
        assert_eq!(
            without_reply_prefixes("Re: AW: Agenda: Circle, Tuesday"),
            "Agenda: Circle, Tuesday"
        );
        assert_eq!(without_reply_prefixes("Agenda: Circle"), "Agenda: Circle");
        assert_eq!(without_reply_prefixes("Re:"), "");
    }
}
