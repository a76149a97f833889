//! Calendar replies (iTIP, RFC 5546): a text/calendar part with METHOD:REPLY and an ATTENDEE
//! PARTSTAT of ACCEPTED / DECLINED / TENTATIVE is an RSVP. REQUEST, CANCEL, PUBLISH and
//! anything else is not. Outlook's REPLYs without ORGANIZER are accepted; a REPLY without any
//! PARTSTAT falls back to the Subject ("Accepted: …").
//!
//! The parser is small on purpose: line unfolding (RFC 5545 §3.1), property name, parameters
//! (quoted values may hold `:` and `;`) and value; only METHOD, ATTENDEE and COMMENT matter.

use crate::message::Facts;
use crate::{Intent, Response};

/// One content line: `NAME;PARAM=V:VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Unfolds and splits iCalendar text into properties (BEGIN/END included).
pub fn parse(ics: &str) -> Vec<Property> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if (line.starts_with(' ') || line.starts_with('\t')) && !lines.is_empty() {
            if let Some(last) = lines.last_mut() {
                last.push_str(&line[1..]);
            }
        } else if !line.trim().is_empty() {
            lines.push(line.to_string());
        }
    }
    lines.iter().filter_map(|l| parse_line(l)).collect()
}

fn parse_line(line: &str) -> Option<Property> {
    // Find the name end and the value start, honouring quoted parameter values.
    let mut in_quotes = false;
    let mut value_start = None;
    let mut segments: Vec<&str> = Vec::new();
    let mut seg_start = 0;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => {
                segments.push(&line[seg_start..i]);
                seg_start = i + 1;
            }
            ':' if !in_quotes => {
                segments.push(&line[seg_start..i]);
                value_start = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let value_start = value_start?;
    let mut it = segments.into_iter();
    let name = it.next()?.trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let params = it
        .filter_map(|p| {
            let (n, v) = p.split_once('=')?;
            Some((
                n.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_string(),
            ))
        })
        .collect();
    Some(Property {
        name,
        params,
        value: line[value_start..].to_string(),
    })
}

/// Undoes TEXT escaping: `\n`, `\,`, `\;`, `\\`.
pub fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A calendar reply found in the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarReply {
    /// None when the REPLY said nothing we can use (NEEDS-ACTION, DELEGATED, no PARTSTAT and a
    /// Subject that does not tell).
    pub response: Option<Response>,
    pub attendee: Option<String>,
    pub comment: Option<String>,
    /// The event's UID: which invitation this answers.
    pub uid: Option<String>,
}

impl CalendarReply {
    pub(crate) fn into_intent(self, text: &str) -> Intent {
        match self.response {
            Some(response) => {
                let note = self
                    .comment
                    .map(|c| crate::text::squash(&c))
                    .filter(|c| !c.is_empty())
                    .or_else(|| {
                        let t = crate::text::squash(text);
                        (!t.is_empty() && t.len() <= 500 && !is_boilerplate(&t)).then_some(t)
                    });
                Intent::Rsvp {
                    response,
                    note,
                    question: None,
                }
            }
            None => Intent::unclear(crate::UnclearReason::NoPartstat),
        }
    }
}

/// The text calendar apps put in the body of their replies ("X has accepted this invitation").
fn is_boilerplate(t: &str) -> bool {
    let l = t.to_lowercase();
    [
        "has accepted",
        "has declined",
        "has tentatively",
        "invitation",
        "einladung",
        "invitación",
        "uitnodiging",
        "convite",
        "when:",
        "wann:",
        "quand",
        "google calendar",
        "calendar",
        "kalender",
        "calendrier",
    ]
    .iter()
    .any(|p| l.contains(p))
}

/// Subject prefixes (lower-case) calendar apps put on their replies.
const SUBJECT_ANSWERS: &[(&str, Response)] = &[
    ("accepted:", Response::Yes),
    ("event accepted:", Response::Yes),
    ("invitation accepted:", Response::Yes),
    ("akzeptiert:", Response::Yes),
    ("angenommen:", Response::Yes),
    ("zugesagt:", Response::Yes),
    ("accepté :", Response::Yes),
    ("accepté:", Response::Yes),
    ("accepté(e) :", Response::Yes),
    ("aceptado:", Response::Yes),
    ("aceptada:", Response::Yes),
    ("geaccepteerd:", Response::Yes),
    ("aceito:", Response::Yes),
    ("aceite:", Response::Yes),
    ("accettato:", Response::Yes),
    ("declined:", Response::No),
    ("event declined:", Response::No),
    ("invitation declined:", Response::No),
    ("abgelehnt:", Response::No),
    ("abgesagt von", Response::No),
    ("refusé :", Response::No),
    ("refusé:", Response::No),
    ("décliné :", Response::No),
    ("rechazado:", Response::No),
    ("rechazada:", Response::No),
    ("geweigerd:", Response::No),
    ("afgewezen:", Response::No),
    ("recusado:", Response::No),
    ("recusada:", Response::No),
    ("rifiutato:", Response::No),
    ("tentative:", Response::Maybe),
    ("tentatively accepted:", Response::Maybe),
    ("event tentatively accepted:", Response::Maybe),
    ("mit vorbehalt:", Response::Maybe),
    ("vorläufig:", Response::Maybe),
    ("vorläufig zugesagt:", Response::Maybe),
    ("provisoire :", Response::Maybe),
    ("provisoire:", Response::Maybe),
    ("accepté provisoirement :", Response::Maybe),
    ("provisional:", Response::Maybe),
    ("provisionalmente aceptado:", Response::Maybe),
    ("voorlopig:", Response::Maybe),
    ("voorlopig geaccepteerd:", Response::Maybe),
    ("provisório:", Response::Maybe),
    ("provisoriamente aceito:", Response::Maybe),
    ("tentativo:", Response::Maybe),
];

/// The answer a calendar app wrote into the Subject of its reply, if any.
pub fn answer_in_subject(subject: &str) -> Option<Response> {
    let s = crate::text::squash(&subject.to_lowercase());
    SUBJECT_ANSWERS
        .iter()
        .find(|(p, _)| s.starts_with(p))
        .map(|&(_, r)| r)
}

fn partstat(v: &str) -> Option<Response> {
    match v.trim().to_ascii_uppercase().as_str() {
        "ACCEPTED" => Some(Response::Yes),
        "DECLINED" => Some(Response::No),
        "TENTATIVE" => Some(Response::Maybe),
        _ => None,
    }
}

/// Reads one calendar object: `Some` only for METHOD:REPLY.
pub fn reply_in(ics: &str, from: Option<&str>, subject: &str) -> Option<CalendarReply> {
    reply_with_method(ics, None, from, subject)
}

/// Like [`reply_in`], with the `method` parameter of the part's Content-Type as a fallback
/// for calendars that carry no METHOD property.
fn reply_with_method(
    ics: &str,
    content_type_method: Option<&str>,
    from: Option<&str>,
    subject: &str,
) -> Option<CalendarReply> {
    let props = parse(ics);
    let method = props
        .iter()
        .find(|p| p.name == "METHOD")
        .map(|p| p.value.trim().to_ascii_uppercase())
        .or_else(|| content_type_method.map(str::to_ascii_uppercase))?;
    if method != "REPLY" {
        return None;
    }
    let attendees: Vec<&Property> = props.iter().filter(|p| p.name == "ATTENDEE").collect();
    let address_of = |p: &Property| {
        let v = p.value.trim();
        let v = v
            .strip_prefix("mailto:")
            .or_else(|| v.strip_prefix("MAILTO:"))
            .unwrap_or(v);
        v.trim().to_lowercase()
    };
    // Prefer the attendee who sent the mail; else the first with an answer.
    let chosen = from
        .and_then(|f| {
            attendees
                .iter()
                .find(|p| address_of(p) == f && p.param("PARTSTAT").and_then(partstat).is_some())
        })
        .or_else(|| {
            attendees
                .iter()
                .find(|p| p.param("PARTSTAT").and_then(partstat).is_some())
        });
    let comment = props
        .iter()
        .find(|p| p.name == "COMMENT")
        .map(|p| unescape(&p.value))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    let uid = props
        .iter()
        .find(|p| p.name == "UID")
        .map(|p| unescape(&p.value).trim().to_string())
        .filter(|u| !u.is_empty());
    match chosen {
        Some(p) => Some(CalendarReply {
            response: p.param("PARTSTAT").and_then(partstat),
            attendee: Some(address_of(p)),
            comment,
            uid,
        }),
        None => Some(CalendarReply {
            response: answer_in_subject(subject),
            attendee: attendees.first().map(|p| address_of(p)),
            comment,
            uid,
        }),
    }
}

/// The calendar reply carried by the message (not by a message it returns), if any.
pub(crate) fn find_reply(f: &Facts) -> Option<CalendarReply> {
    let from = f.from.as_ref().map(|m| m.address.as_str());
    let mut first_unusable = None;
    for cal in &f.calendars {
        if let Some(r) = reply_with_method(&cal.text, cal.method.as_deref(), from, &f.subject) {
            if r.response.is_some() {
                return Some(r);
            }
            first_unusable.get_or_insert(r);
        }
    }
    first_unusable
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTLOOK: &str = "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=DECLINED;CN=\"Doe, Ann\":mailto:ann\r\n @example.org\r\nCOMMENT;LANGUAGE=de-DE:no\\, sorry\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn reads_outlook_reply_without_organizer() {
        let r = reply_in(OUTLOOK, None, "Declined: x").unwrap();
        assert_eq!(r.response, Some(Response::No));
        assert_eq!(r.attendee.as_deref(), Some("ann@example.org"));
        assert_eq!(r.comment.as_deref(), Some("no, sorry"));
    }

    #[test]
    fn request_is_not_a_reply() {
        let ics = OUTLOOK.replace("METHOD:REPLY", "METHOD:REQUEST");
        assert!(reply_in(&ics, None, "").is_none());
    }

    #[test]
    fn quoted_params_hold_colons() {
        let p = parse("ATTENDEE;DELEGATED-FROM=\"mailto:a@b\";PARTSTAT=TENTATIVE:mailto:c@d\n");
        assert_eq!(p[0].param("PARTSTAT"), Some("TENTATIVE"));
        assert_eq!(p[0].value, "mailto:c@d");
    }
}
