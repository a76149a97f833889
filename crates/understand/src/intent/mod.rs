//! What the sender's own words mean, in the context of what they answer.
//!
//! English first, and the common words of German, French, Spanish, Dutch and Portuguese.
//! Words are compared lower-cased with accents folded ("peut-être" = "peut etre").
//! Whenever a person could not tell, the answer is `Unclear` with a reason: never a guess.
//!
//! `from_text` picks the readers by what was asked; each kind of reply has its own file
//! (`rsvp`, `followup`, `votes`, `topics`, `takeaways`), `conversation` tells a person talking
//! (a question, a remark) from an answer, and `words` holds the text helpers more than one of
//! them uses.

pub mod confirm;
mod conversation;
mod followup;
mod rsvp;
mod signals;
mod takeaways;
mod topics;
mod votes;
mod words;

use crate::text::fold;
use crate::{Asked, Intent, Response};
use conversation::{
    asks_instead_of_answering, asks_instead_of_topics, question_in, talks_instead_of_rsvp,
};
use followup::join_or_decline;
use rsvp::{bare_rsvp, rsvp, subject_answer, Rsvp};
pub(crate) use signals::speaks_of_attending;
use takeaways::takeaways_in;
use topics::explicit_topics;
pub(crate) use topics::topics_in;
pub(crate) use votes::agenda_votes;
use votes::votes;
use Response::Yes;

/// Reads the words for `asked`. `subject` helps only where calendar apps put the answer there.
pub(crate) fn from_text(
    text: &str,
    subject: &str,
    asked: Option<Asked>,
    _is_reply: bool,
) -> Intent {
    let text = text.trim();
    match asked {
        Some(Asked::Rsvp) => {
            if text.is_empty() {
                if let Some(r) =
                    crate::itip::answer_in_subject(subject).or_else(|| subject_answer(subject))
                {
                    return Intent::Rsvp {
                        response: r,
                        note: None,
                        question: None,
                    };
                }
                return Intent::unclear(crate::UnclearReason::EmptyReply);
            }
            // "+1" under an announcement is a yes.
            if matches!(text, "+1" | "+1!" | "+ 1") {
                return Intent::Rsvp {
                    response: Yes,
                    note: None,
                    question: None,
                };
            }
            match rsvp(text) {
                Rsvp::Answer(response, note) => rsvp_asking(response, note, text),
                Rsvp::Mixed => Intent::unclear(crate::UnclearReason::YesAndNo),
                Rsvp::Nothing => {
                    if let Some(v) = votes(text) {
                        return Intent::Votes { votes: v };
                    }
                    if let Some(t) = explicit_topics(text) {
                        return Intent::Topics { topics: t };
                    }
                    if let Some(r) = crate::itip::answer_in_subject(subject) {
                        return Intent::Rsvp {
                            response: r,
                            note: None,
                            question: None,
                        };
                    }
                    if talks_instead_of_rsvp(text) {
                        return Intent::Conversation;
                    }
                    Intent::unclear(crate::UnclearReason::NoYesNoMaybe)
                }
            }
        }
        Some(Asked::Topics) => {
            if text.is_empty() {
                return Intent::unclear(crate::UnclearReason::EmptyReply);
            }
            if let Some(v) = votes(text) {
                return Intent::Votes { votes: v };
            }
            if let Some(t) = explicit_topics(text) {
                return Intent::Topics { topics: t };
            }
            // "Great question! Here are mine:\n1) …\n2) …": a reply to the call that holds a
            // list answers it with the list; a word of assent before it ("Great", "Sure") is
            // no RSVP.
            let listed = words::list_items(&words::strip_greeting_and_closing(text)).len() >= 2;
            if !listed {
                if let Rsvp::Answer(response, note) = bare_rsvp(text) {
                    return rsvp_asking(response, note, text);
                }
            }
            if asks_instead_of_topics(text) {
                return Intent::Conversation;
            }
            if is_non_answer(text) {
                return Intent::unclear(crate::UnclearReason::NoTopic);
            }
            let topics = topics_in(text);
            if topics.is_empty() {
                Intent::unclear(crate::UnclearReason::NoTopic)
            } else {
                Intent::Topics { topics }
            }
        }
        Some(Asked::Takeaways) => {
            if text.is_empty() {
                return Intent::unclear(crate::UnclearReason::EmptyReply);
            }
            if asks_instead_of_answering(text) {
                return Intent::Conversation;
            }
            if is_non_answer(text) {
                return Intent::unclear(crate::UnclearReason::NoTakeaway);
            }
            let t = takeaways_in(text);
            if t.is_empty() {
                Intent::unclear(crate::UnclearReason::NoTakeaway)
            } else {
                Intent::Takeaways { takeaways: t }
            }
        }
        Some(Asked::Followup) => {
            if text.is_empty() {
                return Intent::unclear(crate::UnclearReason::EmptyReply);
            }
            match join_or_decline(text) {
                Intent::Unclear { .. } if asks_instead_of_answering(text) => Intent::Conversation,
                other => other,
            }
        }
        None => {
            if text.is_empty() {
                if let Some(r) =
                    crate::itip::answer_in_subject(subject).or_else(|| subject_answer(subject))
                {
                    return Intent::Rsvp {
                        response: r,
                        note: None,
                        question: None,
                    };
                }
                return Intent::unclear(crate::UnclearReason::EmptyMessage);
            }
            if let Some(v) = votes(text) {
                return Intent::Votes { votes: v };
            }
            if let Some(t) = explicit_topics(text) {
                return Intent::Topics { topics: t };
            }
            if let Rsvp::Answer(response, note) = bare_rsvp(text) {
                return rsvp_asking(response, note, text);
            }
            let f = fold(text);
            let w = crate::text::words(&f);
            if w.len() <= 3 && w.first().is_some_and(|x| x == "join") {
                return Intent::Join;
            }
            Intent::unclear(crate::UnclearReason::NotAnAnswer)
        }
    }
}

/// An RSVP, with the question it also asks ("Yes! Is there parking?"): the one in the note
/// after the answer, else one anywhere in the reply.
fn rsvp_asking(response: Response, note: Option<String>, text: &str) -> Intent {
    let question = note
        .as_deref()
        .and_then(question_in)
        .or_else(|| question_in(text));
    Intent::Rsvp {
        response,
        note,
        question,
    }
}

/// Replies that say there is nothing to add ("nothing from me", "no topics this time") or
/// only thank ("Thanks for organising!"). Questions are not among them: a question is put to
/// people or proposes a topic (see `conversation`).
fn is_non_answer(text: &str) -> bool {
    let f = fold(text);
    let w = crate::text::words(&f);
    if w.len() > 12 {
        return false;
    }
    let s = w.join(" ");
    let thanks_only = w.len() <= 6
        && [
            "thanks", "thank", "thx", "cheers", "great", "danke", "merci", "gracias", "bedankt",
            "obrigado", "obrigada", "dank",
        ]
        .contains(&w.first().map(String::as_str).unwrap_or(""))
        && !s.contains(':');
    if thanks_only {
        return true;
    }
    [
        "nothing",
        "no topic",
        "no topics",
        "none",
        "nothing from me",
        "not this time",
        "nichts",
        "keine",
        "rien",
        "nada",
        "niets",
        "geen",
        "no idea",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}
