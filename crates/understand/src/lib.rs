//! `understand` reads one inbound mail message and says what it means for the group.
//!
//! Pure and deterministic: bytes in, a [`Reading`] out. No I/O, no clock, no database, and it
//! never panics on any input. The steps, in the order DESIGN.md gives them:
//!
//! 1. **guard** ([`guard`], [`bounce`]): bounces (RFC 3464 reports and plain-text ones), automatic
//!    mail (RFC 3834 headers, out-of-office subjects, read receipts, feedback reports) and our own
//!    mail coming back are recognised before anything else. A calendar REPLY wins over
//!    automatic-mail headers (calendar apps mark their REPLYs `Auto-Submitted`).
//! 2. **own words** ([`trim`], [`html`]): quotes, attributions, forwarded and Outlook header
//!    blocks, signatures, mobile footers and disclaimers are cut from the text (or from the HTML,
//!    rendered to text first).
//! 3. **intent** ([`intent`], [`command`], [`itip`]): in the context of what the message answers
//!    ([`Asked`]): an RSVP, topics, votes, takeaways, join / decline, a Subject command (read
//!    into a typed [`command::Cmd`], or the exact problem, by the one table of commands), a
//!    person talking to people (conversation: a question, a remark), or unclear. Unclear is
//!    never a guess, and only for what looks like a failed answer ("?", "yes no").
//!
//! [`read`] gives the whole [`Reading`]; [`inspect_json`] gives the one-line JSON that
//! `roundtable inspect --json` prints.
//!
//! Decisions worth knowing when calling it:
//! - The order is: our own mail → abuse reports (ARF) → bounces → calendar REPLY → automatic
//!   mail → Subject command → the words. So a bounce carrying our invitation is a bounce, and
//!   an out-of-office reply that reaches the VERP address is an auto-reply, not a bounce.
//! - `Reading::recipients` are lower-cased (as DESIGN.md asks): reply tokens in
//!   `list+TOKEN@domain` must use a case-insensitive alphabet.
//! - A reply whose Subject starts with a command word is a command only when it is not an
//!   answer to something we asked (`Context::asked`) and its words say nothing clear; a
//!   forward ("Fwd:") is never a command.
//! - Without `asked`, only forms a person recognises without context are read: a bare
//!   YES/NO/MAYBE, `+1 #3`, `TOPIC:`; everything else is unclear.
//!
//! ```
//! use understand::{read, Context, Intent, Response, Asked};
//! let raw = b"From: Ann <ann@example.org>\r\nTo: circle+tok@example.org\r\nSubject: Re: Meeting\r\n\r\nYes, 15 min late\r\n";
//! let own = vec!["circle@example.org".to_string()];
//! let r = read(raw, &Context { asked: Some(Asked::Rsvp), own_addresses: &own }).unwrap();
//! assert_eq!(r.intent, Intent::Rsvp { response: Response::Yes, note: Some("15 min late".into()), question: None });
//! ```

pub mod address;
pub mod bounce;
pub mod command;
pub mod guard;
pub mod html;
pub mod intent;
pub mod itip;
mod message;
mod text;
pub mod trim;

pub use address::{Address, BadAddress};

use serde::Serialize;
use std::fmt;

/// What the message is a reply to (from the reply token or In-Reply-To, or `inspect --as`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    Rsvp,
    Topics,
    Takeaways,
    Followup,
}

impl Asked {
    /// The lower-case name used by `inspect --as`.
    pub fn as_str(self) -> &'static str {
        match self {
            Asked::Rsvp => "rsvp",
            Asked::Topics => "topics",
            Asked::Takeaways => "takeaways",
            Asked::Followup => "followup",
        }
    }
}

impl fmt::Display for Asked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of `"…".parse::<Asked>()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAsked(pub String);

impl fmt::Display for UnknownAsked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown kind of question {:?}: expected rsvp, topics, takeaways or followup",
            self.0
        )
    }
}

impl std::error::Error for UnknownAsked {}

impl std::str::FromStr for Asked {
    type Err = UnknownAsked;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rsvp" => Ok(Asked::Rsvp),
            "topics" | "topic" => Ok(Asked::Topics),
            "takeaways" | "takeaway" => Ok(Asked::Takeaways),
            "followup" | "follow-up" => Ok(Asked::Followup),
            _ => Err(UnknownAsked(s.to_string())),
        }
    }
}

/// What the reader knows besides the bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    pub asked: Option<Asked>,
    /// Our own list addresses (lower-case), e.g. "circle@example.org". Mail From one of these
    /// (or From "list+anything@domain" of them) is our own mail coming back.
    pub own_addresses: &'a [String],
}

/// A mailbox: display name and address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: Address,
}

/// Everything read from one message.
#[derive(Clone, Debug, Serialize)]
pub struct Reading {
    /// Message-ID without `<>`.
    pub message_id: Option<String>,
    /// The sender, when the From header holds an address mail can be sent to.
    pub from: Option<Mailbox>,
    /// Why the From header's address is unusable (`None` when it is usable or absent).
    pub bad_from: Option<BadAddress>,
    /// Lower-cased addresses from To, Cc, Delivered-To, X-Original-To, Envelope-To (deduplicated,
    /// in that order): the daemon finds its `list+TOKEN@domain` here.
    pub recipients: Vec<String>,
    /// The decoded Subject.
    pub subject: String,
    /// In-Reply-To message ids, without `<>`.
    pub in_reply_to: Vec<String>,
    /// References message ids, without `<>`.
    pub references: Vec<String>,
    /// Raw values of the Authentication-Results headers, top-most first.
    pub auth_results: Vec<String>,
    /// The sender's own words (quotes, attributions, signatures, footers cut).
    pub text: String,
    pub intent: Intent,
    /// The UID of the event a calendar REPLY answers (ours are the meeting's thread id): the
    /// meeting the answer is for, whatever the address or thread it came by.
    pub calendar_uid: Option<String>,
}

/// What the message means.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Intent {
    Rsvp {
        response: Response,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// A question asked with the answer ("Yes! Is there parking?"), for the coordinator.
        #[serde(skip_serializing_if = "Option::is_none")]
        question: Option<String>,
    },
    Topics {
        topics: Vec<Topic>,
    },
    Votes {
        votes: Vec<u32>,
    },
    Takeaways {
        takeaways: Vec<String>,
    },
    Join,
    Decline,
    /// A command in the Subject: its word and arguments as written (the JSON has `command`
    /// and `args`), and the command they say, read once, here ([`command::Command`]).
    Command(command::Command),
    /// Automatic mail, never answered; includes our own mail coming back (the reason says so).
    AutoReply {
        reason: String,
    },
    /// A delivery failure report; `recipients` are the addresses that failed (empty when
    /// the report names none: the VERP token in `Reading::recipients` still says whose).
    /// `permanent`: the status is 5.x.x, or the mail system gave up after retrying (expired,
    /// retry timeout); false for delay warnings and 4.x.x failures (hard vs soft bounce).
    Bounce {
        recipients: Vec<String>,
        permanent: bool,
    },
    /// A person talking to people (a question, a remark), not answering what we asked: the
    /// daemon passes it on to people (the coordinators, for a reply to our mail). Its words are
    /// `Reading::text`.
    Conversation,
    /// What looks like a failed answer ("?", "yes no"): a person could not tell either; the
    /// daemon asks back.
    Unclear {
        reason: UnclearReason,
    },
}

/// Why a reply could not be read: a message of the catalogs (`unclear-…`, [`id`](Self::id)),
/// said in the coordinator's language in their notice. Its JSON form (`roundtable inspect
/// --json`'s `reason`) and `Display` are the English sentence DESIGN.md documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnclearReason {
    EmptyReply,
    EmptyMessage,
    YesAndNo,
    NoYesNoMaybe,
    NoTopic,
    NoTakeaway,
    NotAnAnswer,
    NoPartstat,
    QuestionNotJoin,
    JoinOnCondition,
    MaybeJoin,
    NoJoinOrDecline,
}

impl UnclearReason {
    /// The catalogs' message for it.
    pub fn id(self) -> &'static str {
        match self {
            UnclearReason::EmptyReply => "unclear-empty-reply",
            UnclearReason::EmptyMessage => "unclear-empty-message",
            UnclearReason::YesAndNo => "unclear-yes-and-no",
            UnclearReason::NoYesNoMaybe => "unclear-no-yes-no-maybe",
            UnclearReason::NoTopic => "unclear-no-topic",
            UnclearReason::NoTakeaway => "unclear-no-takeaway",
            UnclearReason::NotAnAnswer => "unclear-not-an-answer",
            UnclearReason::NoPartstat => "unclear-no-partstat",
            UnclearReason::QuestionNotJoin => "unclear-question-not-join",
            UnclearReason::JoinOnCondition => "unclear-join-on-condition",
            UnclearReason::MaybeJoin => "unclear-maybe-join",
            UnclearReason::NoJoinOrDecline => "unclear-no-join-or-decline",
        }
    }

    /// The English of `inspect --json` (kept as it was documented).
    pub fn english(self) -> &'static str {
        match self {
            UnclearReason::EmptyReply => "empty reply",
            UnclearReason::EmptyMessage => "empty message",
            UnclearReason::YesAndNo => "the reply says both yes and no",
            UnclearReason::NoYesNoMaybe => "could not tell YES, NO or MAYBE",
            UnclearReason::NoTopic => "no topic in the reply",
            UnclearReason::NoTakeaway => "no takeaway in the reply",
            UnclearReason::NotAnAnswer => {
                "not an answer to anything we asked, and no YES/NO, +1 or TOPIC form"
            }
            UnclearReason::NoPartstat => "calendar reply without an answer (no PARTSTAT)",
            UnclearReason::QuestionNotJoin => "a question or a condition, not a join",
            UnclearReason::JoinOnCondition => "a join on a condition",
            UnclearReason::MaybeJoin => "the reply neither joins nor declines (maybe)",
            UnclearReason::NoJoinOrDecline => "could not tell JOIN or no thanks",
        }
    }
}

impl std::fmt::Display for UnclearReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

impl Serialize for UnclearReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.english())
    }
}

impl Intent {
    /// Every `kind` string the JSON form can carry (what [`Intent::kind`] returns, and
    /// `"unclear"` for a file that cannot be read).
    pub const KINDS: [&'static str; 11] = [
        "rsvp",
        "topics",
        "votes",
        "takeaways",
        "join",
        "decline",
        "command",
        "auto_reply",
        "bounce",
        "conversation",
        "unclear",
    ];

    /// The `kind` string of the JSON form.
    pub fn kind(&self) -> &'static str {
        match self {
            Intent::Rsvp { .. } => "rsvp",
            Intent::Topics { .. } => "topics",
            Intent::Votes { .. } => "votes",
            Intent::Takeaways { .. } => "takeaways",
            Intent::Join => "join",
            Intent::Decline => "decline",
            Intent::Command { .. } => "command",
            Intent::AutoReply { .. } => "auto_reply",
            Intent::Bounce { .. } => "bounce",
            Intent::Conversation => "conversation",
            Intent::Unclear { .. } => "unclear",
        }
    }

    pub(crate) fn unclear(reason: UnclearReason) -> Intent {
        Intent::Unclear { reason }
    }
}

/// An RSVP answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Yes,
    No,
    Maybe,
}

/// A proposed topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Topic {
    pub title: String,
    pub details: Option<String>,
}

/// The bytes are not a mail message at all (empty, no header block, binary junk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub reason: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Unreadable {}

/// Reads one message. `Err` only when the bytes are not a mail message at all; anything that
/// is a message gets a reading, `Intent::Unclear` when its meaning can't be told.
pub fn read(raw: &[u8], ctx: &Context<'_>) -> Result<Reading, Unreadable> {
    // The reading is written not to panic; this is the last line of defence, so that one
    // odd message can never stop the daemon.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(raw, ctx)))
        .unwrap_or_else(|_| {
            Err(Unreadable {
                reason: "internal error while reading this message".into(),
            })
        })
}

/// [`read`] for a message whose context depends on where it was sent: `asked` gets the
/// message's recipients (a reply token in `list+TOKEN@domain` says what the mail answered) and
/// returns what was asked. The reading is the one [`read`] gives with that context, for one
/// parse instead of the two of reading once to find the recipients and again in context.
/// Should reading in that context panic, the reading without one counts, as it would for a
/// caller that read twice and kept its first reading.
pub fn read_asked_by(
    raw: &[u8],
    own_addresses: &[String],
    asked: impl FnOnce(&[String]) -> Option<Asked>,
) -> Result<Reading, Unreadable> {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let internal = || Unreadable {
        reason: "internal error while reading this message".into(),
    };
    let (facts, text) = catch_unwind(AssertUnwindSafe(|| -> Result<_, Unreadable> {
        message::looks_like_mail(raw)?;
        let parsed = mail_parser::MessageParser::default()
            .parse(raw)
            .ok_or_else(|| Unreadable {
                reason: "no header block: not a mail message".into(),
            })?;
        let facts = message::Facts::gather(&parsed);
        let text = trim::own_words(&facts.body);
        Ok((facts, text))
    }))
    .unwrap_or_else(|_| Err(internal()))?;
    let asked = asked(&facts.recipients);
    let decide_in = |asked: Option<Asked>| {
        let ctx = Context {
            asked,
            own_addresses,
        };
        catch_unwind(AssertUnwindSafe(|| decide(&facts, &text, &ctx))).ok()
    };
    let intent = match asked {
        Some(_) => decide_in(asked).or_else(|| decide_in(None)),
        None => decide_in(None),
    }
    .ok_or_else(internal)?;
    Ok(reading(&facts, text, intent))
}

/// What a message says: its facts, its own words and what they mean.
fn reading(facts: &message::Facts, text: String, intent: Intent) -> Reading {
    // The sender's address is parsed here, once: what lettre would refuse is no sender.
    let (from, bad_from) = match facts.from.as_ref().map(|m| (m, Address::parse(&m.address))) {
        None => (None, None),
        Some((m, Ok(address))) => (
            Some(Mailbox {
                name: m.name.clone(),
                address,
            }),
            None,
        ),
        Some((_, Err(bad))) => (None, Some(bad)),
    };
    Reading {
        message_id: facts.message_id.clone(),
        from,
        bad_from,
        recipients: facts.recipients.clone(),
        subject: facts.subject.clone(),
        in_reply_to: facts.in_reply_to.clone(),
        references: facts.references.clone(),
        auth_results: facts.auth_results.clone(),
        text,
        calendar_uid: match intent {
            Intent::Rsvp { .. } | Intent::Unclear { .. } => {
                itip::find_reply(facts).and_then(|r| r.uid)
            }
            _ => None,
        },
        intent,
    }
}

/// [`read`] without its last line of defence against panics, so tests and fuzzers see them.
#[doc(hidden)]
pub fn read_unguarded(raw: &[u8], ctx: &Context<'_>) -> Result<Reading, Unreadable> {
    message::looks_like_mail(raw)?;
    let parsed = mail_parser::MessageParser::default()
        .parse(raw)
        .ok_or_else(|| Unreadable {
            reason: "no header block: not a mail message".into(),
        })?;
    let facts = message::Facts::gather(&parsed);
    let text = trim::own_words(&facts.body);
    let intent = decide(&facts, &text, ctx);
    Ok(reading(&facts, text, intent))
}

/// The guard first, then the calendar, the Subject and the words.
fn decide(facts: &message::Facts, text: &str, ctx: &Context<'_>) -> Intent {
    if let Some(from) = &facts.from {
        if guard::is_own_address(&from.address, ctx.own_addresses) {
            return Intent::AutoReply {
                reason: "our own mail".into(),
            };
        }
    }
    // A complaint (ARF) comes back to the return path like a bounce, but it is no failure
    // of the member's address.
    if let Some(reason) = guard::feedback_report(facts) {
        return Intent::AutoReply { reason };
    }
    if let Some(b) = bounce::detect(facts) {
        return b;
    }
    // Calendar REPLYs win over Auto-Submitted (Google Calendar marks its REPLYs so).
    if let Some(reply) = itip::find_reply(facts) {
        return reply.into_intent(text);
    }
    if let Some(reason) = guard::automatic(facts) {
        return Intent::AutoReply { reason };
    }
    // What the words mean is read without the sign-off ("Best,\nKim"), which the text keeps.
    let signed = trim::without_signoff(
        text,
        facts.from.as_ref().and_then(|f| f.name.as_deref()),
        facts.from.as_ref().map_or("", |f| f.address.as_str()),
    );
    let text = signed.as_str();
    if let Some(cmd) = command::from_subject(&facts.subject, ctx.asked, text) {
        return cmd;
    }
    let read = intent::from_text(text, &facts.subject, ctx.asked, facts.is_reply());
    // A reply to the agenda may vote by naming its numbers or titles ("3 and 4", "my vote:
    // pricing"): read against the agenda it quotes (see `intent::agenda_votes`).
    if matches!(ctx.asked, Some(Asked::Topics) | None)
        && matches!(
            read,
            Intent::Topics { .. } | Intent::Unclear { .. } | Intent::Conversation
        )
    {
        if let Some(votes) = intent::agenda_votes(text, &facts.body.text) {
            return Intent::Votes { votes };
        }
    }
    // "Ik stem voor 1 en Verträge": the words give the numbers, the agenda the titles named
    // beside them; the agenda's reading wins when it holds all the numbers the words gave.
    if let Intent::Votes { votes } = &read {
        if let Some(more) = intent::agenda_votes(text, &facts.body.text) {
            if more.len() > votes.len() && votes.iter().all(|v| more.contains(v)) {
                return Intent::Votes { votes: more };
            }
        }
    }
    // "Definitely insurance.", "insurance!! and maybe pricing": an answer to the agenda that
    // names its items, where the words of an answer only qualify the choice. Read as votes
    // when nothing in it speaks of coming (a verb of attending, an idiom of it).
    if ctx.asked == Some(Asked::Topics)
        && matches!(read, Intent::Rsvp { .. })
        && !intent::speaks_of_attending(text)
    {
        if let Some(votes) = intent::agenda_votes(text, &facts.body.text) {
            return Intent::Votes { votes };
        }
    }
    read
}

/// One line of `roundtable inspect --json` for this file:
/// `{"file", "from", "kind", "text", ...kind fields}`; `from` is the address (or null).
/// An unreadable file gives `{"file", "from": null, "kind": "unclear", "text": "", "reason": …}`.
pub fn inspect_json(
    file: &str,
    raw: &[u8],
    asked: Option<Asked>,
    own_addresses: &[String],
) -> String {
    use serde_json::{Map, Value};
    let ctx = Context {
        asked,
        own_addresses,
    };
    let mut obj = Map::new();
    obj.insert("file".into(), Value::String(file.to_string()));
    match read(raw, &ctx) {
        Ok(reading) => {
            obj.insert(
                "from".into(),
                reading
                    .from
                    .as_ref()
                    .map(|m| Value::String(m.address.to_string()))
                    .unwrap_or(Value::Null),
            );
            let intent = serde_json::to_value(&reading.intent).unwrap_or(Value::Null);
            let kind = intent
                .get("kind")
                .cloned()
                .unwrap_or_else(|| Value::String(reading.intent.kind().into()));
            obj.insert("kind".into(), kind);
            obj.insert("text".into(), Value::String(reading.text.clone()));
            if let Value::Object(fields) = intent {
                for (k, v) in fields {
                    if k != "kind" {
                        obj.insert(k, v);
                    }
                }
            }
            obj.insert("subject".into(), Value::String(reading.subject));
        }
        Err(e) => {
            obj.insert("from".into(), Value::Null);
            obj.insert("kind".into(), Value::String("unclear".into()));
            obj.insert("text".into(), Value::String(String::new()));
            obj.insert("reason".into(), Value::String(e.reason));
        }
    }
    serde_json::to_string(&Value::Object(obj)).unwrap_or_else(|_| {
        format!(
            "{{\"file\":{},\"from\":null,\"kind\":\"unclear\",\"text\":\"\",\"reason\":\"could not encode the reading\"}}",
            serde_json::to_string(file).unwrap_or_else(|_| "\"\"".into())
        )
    })
}

/// What the reader gathered from a message before deciding (for debugging the reader).
#[doc(hidden)]
pub fn debug_facts(raw: &[u8]) -> String {
    match mail_parser::MessageParser::default().parse(raw) {
        Some(m) => format!("{:#?}", message::Facts::gather(&m)),
        None => "not a message".into(),
    }
}

#[cfg(test)]
mod kinds_test {
    use super::*;

    /// Every reading's kind is one `Intent::KINDS` lists, and is the JSON's `kind` tag: a new
    /// intent that is not listed fails here, not in the fuzzer or in a consumer's check.
    #[test]
    fn every_kind_is_listed_and_is_the_json_tag() {
        let all = [
            Intent::Rsvp {
                response: Response::Yes,
                note: None,
                question: None,
            },
            Intent::Topics { topics: Vec::new() },
            Intent::Votes { votes: vec![1] },
            Intent::Takeaways {
                takeaways: Vec::new(),
            },
            Intent::Join,
            Intent::Decline,
            Intent::Command(command::Command::read("HELP".into(), Vec::new(), "")),
            Intent::AutoReply { reason: "x".into() },
            Intent::Bounce {
                recipients: Vec::new(),
                permanent: true,
            },
            Intent::Conversation,
            Intent::unclear(UnclearReason::EmptyReply),
        ];
        assert_eq!(all.len(), Intent::KINDS.len());
        for intent in &all {
            assert!(
                Intent::KINDS.contains(&intent.kind()),
                "{} is not listed",
                intent.kind()
            );
            let json = serde_json::to_value(intent).unwrap();
            assert_eq!(json["kind"], intent.kind());
        }
    }
}
