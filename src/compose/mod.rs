//! Rendering: askama templates (text + HTML side by side in `templates/`) → message bytes.
//!
//! A mail is rendered once, when it is queued, and stored as bytes: a retry resends the very
//! same message with the same Message-ID. Headers are built by lettre, which encodes every
//! value (RFC 2047) and folds it, so nothing a person typed — a name, a subject, a topic —
//! can inject a header.

pub mod chart;
pub mod contrast;
pub mod ics;
pub mod post;
pub mod rich;
pub mod token;

use std::borrow::Cow;
use std::time::{Duration, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use askama::Template;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::Message;

use crate::domain::Address;

/// Where the one-click links of an HTML mail point (`templates/_buttons.html`): the reader's
/// own reply address and their leave address, known only when the mail is addressed to them,
/// so the rendered HTML carries these slots and [`fill_slots`] fills them. A slot is written
/// with `<` and `>`, which HTML escaping turns into `&lt;`/`&gt;` in anything a person typed:
/// only a template can hold one.
pub const REPLY_SLOT: &str = "<reply-to>";
pub const LEAVE_SLOT: &str = "<leave-to>";

/// The HTML with its link slots pointing at `reply` and `leave`.
pub fn fill_slots(html: String, reply: &Address, leave: &Address) -> String {
    if !html.contains(REPLY_SLOT) && !html.contains(LEAVE_SLOT) {
        return html;
    }
    html.replace(REPLY_SLOT, reply.as_str())
        .replace(LEAVE_SLOT, leave.as_str())
}

/// The parts common to every mail's footer.
pub struct Footer<'a> {
    /// The words of the mail, in the reader's language and the community's zone.
    pub tr: crate::texts::Tr<'a>,
    pub community: &'a str,
    pub list_address: &'a str,
    pub signature: &'a str,
}

#[derive(Template)]
#[template(path = "announcement.txt")]
pub struct AnnouncementTxt<'a> {
    pub name: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
    pub description: &'a str,
    pub f: &'a Footer<'a>,
}

#[derive(Template)]
#[template(path = "announcement.html")]
pub struct AnnouncementHtml<'a> {
    pub name: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
    pub description: &'a str,
    pub f: &'a Footer<'a>,
}

#[derive(Template)]
#[template(path = "confirmation.txt")]
pub struct ConfirmationTxt<'a> {
    pub name: &'a str,
    pub what: &'a str,
    pub note: Option<&'a str>,
    pub change_hint: &'a str,
    pub f: &'a Footer<'a>,
}

#[derive(Template)]
#[template(path = "confirmation.html")]
pub struct ConfirmationHtml<'a> {
    pub name: &'a str,
    pub what: &'a str,
    pub note: Option<&'a str>,
    pub change_hint: &'a str,
    pub f: &'a Footer<'a>,
}

#[derive(Template)]
#[template(path = "question.txt")]
pub struct QuestionTxt<'a> {
    pub name: &'a str,
    pub question: &'a str,
    pub quoted: &'a str,
    pub f: &'a Footer<'a>,
}

#[derive(Template)]
#[template(path = "question.html")]
pub struct QuestionHtml<'a> {
    pub name: &'a str,
    pub question: &'a str,
    pub quoted: &'a str,
    pub f: &'a Footer<'a>,
}

/// Most characters of someone's own words that a mail quotes back (the question to an unclear
/// reply, the coordinators' notice): enough to recognise the message, never an echo of a huge
/// one to its sender or a flood to the coordinators. The whole message stays in the inbound log.
pub const MAX_QUOTED_CHARS: usize = 4_000;

/// `text` cut to at most [`MAX_QUOTED_CHARS`] characters, at the end of a line where there is
/// one, with a last line saying how much was left out.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    let Some((cut, _)) = text.char_indices().nth(MAX_QUOTED_CHARS) else {
        return Cow::Borrowed(text);
    };
    let head = &text[..cut];
    let head = match head.rfind('\n') {
        Some(nl) if nl >= cut / 2 => &head[..nl],
        _ => head,
    };
    let left = text[head.len()..].chars().count();
    Cow::Owned(format!(
        "{}\n[… {left} more characters not shown]",
        head.trim_end()
    ))
}

impl QuestionTxt<'_> {
    fn quoted_excerpt(&self) -> Cow<'_, str> {
        excerpt(self.quoted)
    }
}

impl QuestionHtml<'_> {
    fn quoted_excerpt(&self) -> Cow<'_, str> {
        excerpt(self.quoted)
    }
}

impl ConfirmationTxt<'_> {
    fn what_excerpt(&self) -> Cow<'_, str> {
        excerpt(self.what)
    }
}

impl ConfirmationHtml<'_> {
    fn what_excerpt(&self) -> Cow<'_, str> {
        excerpt(self.what)
    }
}

/// Declares the text and HTML template structs of one timeline mail; both render the same
/// data `d` (see `templates/NAME.txt` and `templates/NAME.html`).
macro_rules! mail_pair {
    ($data:ident, $txt:ident = $tf:literal, $html:ident = $hf:literal) => {
        #[derive(Template)]
        #[template(path = $tf)]
        pub struct $txt<'a> {
            pub d: &'a $data<'a>,
            pub f: &'a Footer<'a>,
        }
        #[derive(Template)]
        #[template(path = $hf)]
        pub struct $html<'a> {
            pub d: &'a $data<'a>,
            pub f: &'a Footer<'a>,
        }
        impl<'a> $data<'a> {
            /// (text, HTML)
            pub fn render(&'a self, f: &'a Footer<'a>) -> Result<(String, String)> {
                Ok((
                    $txt { d: self, f }.render()?,
                    $html { d: self, f }.render()?,
                ))
            }
        }
    };
}

/// A topic as the timeline mails list it.
#[derive(Clone, Debug)]
pub struct TopicLine {
    pub number: i64,
    pub title: String,
    pub details: Option<String>,
    pub proposer: String,
    pub votes: i64,
    pub carried_over: bool,
}

pub struct CallForTopics<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub when: &'a str,
    pub topics: &'a [TopicLine],
}
mail_pair!(
    CallForTopics,
    CallForTopicsTxt = "call-for-topics.txt",
    CallForTopicsHtml = "call-for-topics.html"
);

pub struct Agenda<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
    pub topics: &'a [TopicLine],
    pub coming: &'a [String],
    pub maybe: &'a [String],
}
mail_pair!(Agenda, AgendaTxt = "agenda.txt", AgendaHtml = "agenda.html");

pub struct Reminder<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
    /// "yes", "maybe", or "" when they haven't answered.
    pub answer: &'a str,
}
mail_pair!(
    Reminder,
    ReminderTxt = "reminder.txt",
    ReminderHtml = "reminder.html"
);

pub struct TakeawayRequest<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub when: &'a str,
}
mail_pair!(
    TakeawayRequest,
    TakeawayRequestTxt = "takeaway-request.txt",
    TakeawayRequestHtml = "takeaway-request.html"
);

pub struct GuestFollowup<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub when: &'a str,
    pub description: &'a str,
}
mail_pair!(
    GuestFollowup,
    GuestFollowupTxt = "guest-followup.txt",
    GuestFollowupHtml = "guest-followup.html"
);

#[derive(Clone, Debug)]
pub struct DigestTakeaway {
    pub author: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct DigestMeeting {
    pub when: String,
    pub attendees: Vec<String>,
    pub takeaways: Vec<DigestTakeaway>,
}

pub struct Digest<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub meetings: &'a [DigestMeeting],
    pub topics: &'a [TopicLine],
    pub next: Option<String>,
    /// The conversations (threads of posts) since the last digest.
    pub conversations: &'a [DigestConversation],
    /// Attendance over the last meetings and the topics' +1s, as inline images.
    pub charts: &'a [chart::Chart],
}
mail_pair!(Digest, DigestTxt = "digest.txt", DigestHtml = "digest.html");

pub struct MeetingChanged<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub cancelled: bool,
    pub when: &'a str,
    pub old_when: &'a str,
    pub place: Option<&'a str>,
    pub reason: Option<&'a str>,
}
mail_pair!(
    MeetingChanged,
    MeetingChangedTxt = "meeting-changed.txt",
    MeetingChangedHtml = "meeting-changed.html"
);

pub struct Welcome<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub description: &'a str,
}
mail_pair!(
    Welcome,
    WelcomeTxt = "welcome.txt",
    WelcomeHtml = "welcome.html"
);

/// One post in a member's post digest (issue 15).
#[derive(Clone, Debug)]
pub struct DigestPost {
    /// The post's Subject, without reply prefixes or the community's prefix.
    pub subject: String,
    pub author: String,
    pub when: String,
    /// The author's own words.
    pub words: String,
    /// `mailto:` the list with the post's Subject and In-Reply-To: a reply in its thread.
    pub reply: String,
}

/// The posts of a day to a member whose delivery is DIGEST (issue 15).
pub struct PostDigest<'a> {
    pub name: &'a str,
    pub community: &'a str,
    pub list: &'a str,
    pub posts: &'a [DigestPost],
}
mail_pair!(
    PostDigest,
    PostDigestTxt = "post-digest.txt",
    PostDigestHtml = "post-digest.html"
);

/// A conversation (thread of posts) as the weekly digest lists it (issue 15).
#[derive(Clone, Debug)]
pub struct DigestConversation {
    pub number: i64,
    pub subject: String,
    pub author: String,
    pub replies: i64,
    /// The first lines of its first post.
    pub first_lines: String,
}

/// A member's words passed on to a coordinator (issue 15): who wrote, to which of our mails,
/// and what; the mail's Reply-To is the member.
pub struct Forwarded<'a> {
    /// The coordinator's name.
    pub name: &'a str,
    pub member: &'a str,
    pub address: &'a str,
    /// The Subject of the member's reply (what they replied to).
    pub subject: &'a str,
    /// What was recorded from the same reply ("YES"), when it also answered.
    pub answered: Option<&'a str>,
    pub words: &'a str,
}
mail_pair!(
    Forwarded,
    ForwardedTxt = "forwarded.txt",
    ForwardedHtml = "forwarded.html"
);

pub struct CommandResult<'a> {
    pub name: &'a str,
    pub text: &'a str,
    /// For HELP: the commands as a table in the HTML part (the text part is `text`).
    pub everyone: &'a [understand::command::HelpRow],
    pub coordinators: &'a [understand::command::HelpRow],
    /// For STATUS: attendance and +1s as inline images (their words are in `text`).
    pub charts: &'a [chart::Chart],
}
mail_pair!(
    CommandResult,
    CommandResultTxt = "command-result.txt",
    CommandResultHtml = "command-result.html"
);

pub struct Invitation<'a> {
    pub name: &'a str,
    pub inviter: &'a str,
    pub community: &'a str,
    pub description: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
}
mail_pair!(
    Invitation,
    InvitationTxt = "invitation.txt",
    InvitationHtml = "invitation.html"
);

/// Everything about one outgoing mail except its body.
pub struct Envelope<'a> {
    pub community_name: &'a str,
    pub community_slug: &'a str,
    pub list: &'a Address,
    pub to_name: Option<&'a str>,
    pub to: &'a Address,
    /// `list+TOKEN@domain`: where replies go (a member's own address on their words passed on
    /// to the coordinators, so that the coordinator answers them with one click).
    pub reply_to: &'a Address,
    /// The Reply-To's display name; `None`: the community's name.
    pub reply_to_name: Option<&'a str>,
    /// `list+leave-TOKEN@domain`: the personal unsubscribe address (List-Unsubscribe).
    pub unsubscribe: &'a Address,
    pub subject: &'a str,
    /// X-Roundtable-Kind.
    pub kind: crate::domain::MailKind,
    pub message_id: &'a str,
    pub in_reply_to: Option<&'a str>,
    pub references: &'a [String],
    /// `auto-generated` (scheduled mail) or `auto-replied` (an answer to a message).
    pub auto_submitted: &'a str,
    pub date: i64,
    /// An iCalendar object and its METHOD (REQUEST, CANCEL), sent as a text/calendar
    /// alternative (what Gmail and Outlook show as an invitation) and as invite.ics.
    pub calendar: Option<(&'a str, &'a str)>,
    /// Inline images of the HTML part (`cid:`): a multipart/related around it.
    pub images: &'a [chart::Chart],
}

/// A fresh Message-ID (without angle brackets) in the list's domain. Time-ordered (UUID v7: a
/// millisecond timestamp, then 74 random bits), so that the outbox's index of Message-IDs
/// grows at one end: a random id put each new row on a page of its own anywhere in the index,
/// and once the index outgrew the page cache every batch read and rewrote a page per answer
/// (BENCHMARKS.md, "Session 12"). The time is no secret: the Date header says as much.
pub fn new_message_id(list: &Address) -> String {
    format!("{}@{}", uuid::Uuid::now_v7().simple(), list.domain())
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// Builds the message bytes: multipart/alternative text + HTML and the list headers of
/// DESIGN.md ("Headers on what we send").
pub fn build(env: &Envelope<'_>, text: String, html: String) -> Result<Vec<u8>> {
    let from = Mailbox::new(
        Some(env.community_name.to_string()),
        env.list.as_str().parse().context("the list address")?,
    );
    let to = Mailbox::new(
        env.to_name.map(crate::domain::clean_name),
        env.to.as_str().parse().context("the recipient address")?,
    );
    let reply_to = Mailbox::new(
        Some(
            env.reply_to_name
                .map(crate::domain::clean_name)
                .unwrap_or_else(|| env.community_name.to_string()),
        ),
        env.reply_to.as_str().parse().context("the reply address")?,
    );
    let mut b = Message::builder()
        .from(from)
        .to(to)
        .reply_to(reply_to)
        .subject(crate::domain::clean_name_long(env.subject))
        .message_id(Some(format!("<{}>", env.message_id)))
        .date(UNIX_EPOCH + Duration::from_secs(env.date.max(0) as u64));
    if let Some(irt) = env.in_reply_to {
        b = b.in_reply_to(format!("<{irt}>"));
    }
    if !env.references.is_empty() {
        let refs: Vec<String> = env.references.iter().map(|r| format!("<{r}>")).collect();
        b = b.references(refs.join(" "));
    }
    let body = MultiPart::alternative().singlepart(
        SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(crlf(text)),
    );
    let html = SinglePart::builder()
        .header(ContentType::TEXT_HTML)
        .body(crlf(html));
    let mut body = if env.images.is_empty() {
        body.singlepart(html)
    } else {
        body.multipart(with_images(html, env.images)?)
    };
    let mut m = match env.calendar {
        None => b.multipart(body),
        Some((method, ics)) => {
            let ct = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                .context("calendar content type")?;
            body = body.singlepart(SinglePart::builder().header(ct).body(crlf(ics.to_string())));
            let file = lettre::message::Attachment::new("invite.ics".into()).body(
                crlf(ics.to_string()),
                ContentType::parse("application/ics").context("ics content type")?,
            );
            b.multipart(MultiPart::mixed().multipart(body).singlepart(file))
        }
    }
    .context("building the message")?;
    let list = env.list;
    let unsubscribe = env.unsubscribe;
    let h = m.headers_mut();
    h.insert_raw(header(
        "List-Id",
        format!(
            "{} <{}.{}>",
            env.community_name,
            env.community_slug,
            list.domain()
        ),
    ));
    h.insert_raw(header("List-Help", format!("<mailto:{list}?subject=HELP>")));
    h.insert_raw(header(
        "List-Unsubscribe",
        format!("<mailto:{unsubscribe}?subject=LEAVE>"),
    ));
    // No List-Unsubscribe-Post: RFC 8058 one-click needs an HTTPS URI in List-Unsubscribe,
    // and we have only the mailto (which works by itself). Sent with a mailto alone, it claims
    // a one-click unsubscribe that mail clients then cannot perform.
    h.insert_raw(header("Auto-Submitted", env.auto_submitted.into()));
    h.insert_raw(header("X-Auto-Response-Suppress", "All".into()));
    h.insert_raw(header("Precedence", "list".into()));
    h.insert_raw(header("X-Roundtable-Kind", env.kind.as_str().into()));
    Ok(m.formatted())
}

/// The HTML part and the images it shows, as multipart/related (RFC 2387).
fn with_images(html: SinglePart, images: &[chart::Chart]) -> Result<MultiPart> {
    let png = ContentType::parse("image/png").context("image content type")?;
    let mut related = MultiPart::related().singlepart(html);
    for c in images {
        related = related.singlepart(
            lettre::message::Attachment::new_inline(c.cid.clone()).body(c.png.clone(), png.clone()),
        );
    }
    Ok(related)
}

/// CRLF line endings, in one pass. lettre converts a body's bare LFs itself, but by inserting
/// into the string at each one: quadratic, minutes for a body of a few megabytes of short lines.
/// Given CRLF already, it finds nothing to insert.
fn crlf(s: String) -> String {
    let b = s.as_bytes();
    let bare = |&(i, _): &(usize, &str)| i == 0 || b[i - 1] != b'\r';
    let n = s.match_indices('\n').filter(bare).count();
    if n == 0 {
        return s;
    }
    // Whole runs between bare line feeds copied at once (issue 14: a char at a time was 4 %
    // of an inbound batch's instructions).
    let mut out = String::with_capacity(s.len() + n);
    let mut start = 0;
    for (i, _) in s.match_indices('\n').filter(bare) {
        out.push_str(&s[start..i]);
        out.push('\r');
        start = i;
    }
    out.push_str(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_mail_has_list_headers_and_resists_injection() {
        let list = Address::parse("circle@example.org").unwrap();
        let to = Address::parse("ana@example.org").unwrap();
        let reply = list.with_tag("tok").unwrap();
        let refs = vec!["root@example.org".to_string()];
        let env = Envelope {
            community_name: "Design Circle",
            community_slug: "design",
            list: &list,
            to_name: Some("Ana\r\nBcc: evil@example.com"),
            to: &to,
            reply_to: &reply,
            reply_to_name: None,
            unsubscribe: &list.with_tag("leave-tok").unwrap(),
            subject: "Hi\r\nBcc: evil@example.com",
            kind: crate::schedule::JobKind::Announcement.into(),
            message_id: "m1@example.org",
            in_reply_to: None,
            references: &refs,
            auto_submitted: "auto-generated",
            date: 1_790_000_000,
            calendar: None,
            images: &[],
        };
        let bytes = build(&env, "plain <b>".into(), "<p>html</p>".into()).unwrap();
        let s = String::from_utf8(bytes).unwrap();
        for h in [
            "Message-ID: <m1@example.org>",
            "List-Id: Design Circle <design.example.org>",
            "List-Unsubscribe: <mailto:circle+leave-tok@example.org?subject=LEAVE>",
            "Auto-Submitted: auto-generated",
            "X-Roundtable-Kind: announcement",
            "References: <root@example.org>",
            "Reply-To: \"Design Circle\" <circle+tok@example.org>",
        ] {
            assert!(s.contains(h), "missing {h:?} in\n{s}");
        }
        assert!(
            !s.lines().any(|l| l.starts_with("Bcc:")),
            "header injected:\n{s}"
        );
        assert!(
            !s.contains("List-Unsubscribe-Post"),
            "no one-click claim without an HTTPS URI:\n{s}"
        );
        assert!(s.contains("multipart/alternative"));
    }

    #[test]
    fn line_endings_become_crlf_in_one_pass() {
        assert_eq!(crlf("a\nb\r\nc\n".into()), "a\r\nb\r\nc\r\n");
        assert_eq!(crlf("\nx".into()), "\r\nx");
        assert_eq!(crlf("no newline".into()), "no newline");
        assert_eq!(crlf("é\nü".into()), "é\r\nü");
        // Megabytes of short lines: lettre alone would insert each CR by moving the rest.
        let big = "a short line of text\n".repeat(200_000);
        assert_eq!(crlf(big).matches("\r\n").count(), 200_000);
    }

    #[test]
    fn quoted_words_are_capped() {
        assert_eq!(excerpt("short"), "short");
        let long: String = (0..1000)
            .map(|i| format!("line {i} of a long reply\n"))
            .collect();
        let e = excerpt(&long);
        assert!(e.chars().count() < MAX_QUOTED_CHARS + 60, "{}", e.len());
        assert!(e.starts_with("line 0 of a long reply\n"));
        let last = e.lines().last().unwrap();
        assert!(
            last.starts_with("[… ") && last.ends_with(" more characters not shown]"),
            "{last}"
        );
        assert!(
            e.lines().rev().nth(1).unwrap().ends_with("of a long reply"),
            "cut at a line end"
        );
        let one_line = "x".repeat(10 * MAX_QUOTED_CHARS);
        assert!(excerpt(&one_line).starts_with(&"x".repeat(MAX_QUOTED_CHARS)));
        let q = QuestionTxt {
            name: "Ana",
            question: "Did you mean YES?",
            quoted: &long,
            f: &Footer {
                tr: crate::texts::Tr::new(
                    crate::texts::builtin(),
                    crate::texts::Lang::En,
                    chrono_tz::UTC,
                ),
                community: "C",
                list_address: "c@example.org",
                signature: "",
            },
        };
        let text = q.to_string();
        assert!(
            text.contains("> line 0 of a long reply") && !text.contains("line 999 "),
            "{text}"
        );
    }
}
