//! Domain types, valid by construction: a value of these types has been checked once, at the
//! edge, and the rest of the code never checks it again.

use std::fmt;
use std::time::Duration;

pub use understand::Response;

/// The one address type: lettre's, lower-cased, parsed once where mail or a command comes in
/// (see `understand::address`).
pub use understand::{Address, BadAddress};

/// What a person is in a community.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Member,
    Guest,
    Coordinator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Guest => "guest",
            Role::Coordinator => "coordinator",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "guest" => Some(Role::Guest),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }
}

pub fn response_str(r: Response) -> &'static str {
    match r {
        Response::Yes => "yes",
        Response::No => "no",
        Response::Maybe => "maybe",
    }
}

pub fn parse_response(s: &str) -> Option<Response> {
    match s {
        "yes" => Some(Response::Yes),
        "no" => Some(Response::No),
        "maybe" => Some(Response::Maybe),
        _ => None,
    }
}

// ---- stored states and kinds -------------------------------------------------------------
//
// Every status and kind the database keeps as text, each with its one mapping to and from that
// text: `as_str` (what queries bind) and `parse` (what rows are read through; the store makes an
// unknown value an error naming the column and the value). No other code spells these words.
// Roles and RSVP answers have theirs above (`Role`, `response_str` and `parse_response`), job
// kinds theirs in `schedule::JobKind`. migrations/*/0007_value_sets.sql lists every column's
// set, and a test below keeps those lists equal to these mappings.

use crate::schedule::JobKind;

/// An enum stored as text: the variants, their texts, `ALL`, `as_str`, `parse` and `Display`
/// (the text, padded as asked).
macro_rules! stored_text {
    ($(#[$doc:meta])* pub enum $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stored text.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The inverse of `as_str` (exact text only).
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

stored_text! {
    /// `people.status`: whether a person gets the community's mail.
    pub enum PersonStatus {
        /// Gets the mail (members and coordinators; guests get their own).
        Active = "active",
        /// Sent PAUSE: no mail until RESUME.
        Paused = "paused",
        /// Left, or was removed.
        Left = "left",
        /// Too many hard bounces: no more mail until a coordinator adds them again.
        Bouncing = "bouncing",
        /// A guest who answered the follow-up with "no thanks".
        Declined = "declined",
    }
}

stored_text! {
    /// A language roundtable writes in and reads replies in: a community's `language`, a
    /// member's own.
    pub enum Lang {
        En = "en",
        De = "de",
        Fr = "fr",
        Es = "es",
        Nl = "nl",
        Pt = "pt",
    }
}

stored_text! {
    /// `meetings.status`.
    pub enum MeetingStatus {
        Scheduled = "scheduled",
        Cancelled = "cancelled",
        /// It took place: its time (and length) has passed and it was not cancelled.
        Held = "held",
    }
}

stored_text! {
    /// `jobs.status`.
    pub enum JobStatus {
        Pending = "pending",
        /// Fired: its mail is queued.
        Done = "done",
        /// Not sent: too late, nobody to send to, or its community is gone.
        Skipped = "skipped",
        /// Dropped with its meeting.
        Cancelled = "cancelled",
        /// Gave up after failing on every attempt; the coordinators were told.
        Failed = "failed",
    }
}

stored_text! {
    /// `topics.status`.
    pub enum TopicStatus {
        Open = "open",
        Closed = "closed",
        Deferred = "deferred",
    }
}

stored_text! {
    /// `outbox.status`.
    pub enum OutboxStatus {
        /// Not sent yet (due at `next_attempt_at`, or retried then).
        Pending = "pending",
        Sent = "sent",
        /// Refused for good, or out of retries: `outbox retry` queues it again.
        Failed = "failed",
    }
}

stored_text! {
    /// `inbound.kind`: what a handled message was read as ([`understand::Intent`]), or that it
    /// was no mail message at all.
    pub enum InboundKind {
        Rsvp = "rsvp",
        Topics = "topics",
        Votes = "votes",
        Takeaways = "takeaways",
        Join = "join",
        Decline = "decline",
        Command = "command",
        AutoReply = "auto_reply",
        Bounce = "bounce",
        /// A person talking to people (a question, a remark): passed on to people.
        Conversation = "conversation",
        Unclear = "unclear",
        /// Not a mail message: recorded and moved aside.
        Unreadable = "unreadable",
    }
}

impl InboundKind {
    /// What a reading's intent is logged as (the same text as [`understand::Intent::kind`]).
    pub fn of(intent: &understand::Intent) -> InboundKind {
        use understand::Intent;
        match intent {
            Intent::Rsvp { .. } => InboundKind::Rsvp,
            Intent::Topics { .. } => InboundKind::Topics,
            Intent::Votes { .. } => InboundKind::Votes,
            Intent::Takeaways { .. } => InboundKind::Takeaways,
            Intent::Join => InboundKind::Join,
            Intent::Decline => InboundKind::Decline,
            Intent::Command { .. } => InboundKind::Command,
            Intent::AutoReply { .. } => InboundKind::AutoReply,
            Intent::Bounce { .. } => InboundKind::Bounce,
            Intent::Conversation => InboundKind::Conversation,
            Intent::Unclear { .. } => InboundKind::Unclear,
        }
    }
}

stored_text! {
    /// A mail kind that is not a job's: answers, notices, invitations and meeting changes.
    pub enum OtherMailKind {
        /// A guest's invitation to a meeting (INVITE).
        Invitation = "invitation",
        /// The one reminder to a guest who stayed silent after the follow-up.
        GuestReminder = "guest-reminder",
        /// A meeting moved: the calendar update.
        Update = "update",
        /// A meeting cancelled: the calendar cancellation.
        Cancellation = "cancellation",
        Welcome = "welcome",
        /// To the coordinators (a guest joined, mail bounces, mail for review), or the one
        /// answer a day to a non-member.
        Notice = "notice",
        /// An answer saying what was recorded (RSVP, topics, votes, takeaways, LEAVE, …).
        Confirmation = "confirmation",
        /// A command waiting for its sender to confirm it by reply.
        ConfirmationRequest = "confirmation-request",
        /// An answer asking back (unclear, no meeting to answer, a cancelled meeting).
        Question = "question",
        /// A command's result.
        CommandResult = "command-result",
        /// A member's words in reply to our mail (a question, a remark), passed on to a
        /// coordinator with Reply-To the member (not an answer: it counts in no answer
        /// throttle of the coordinator's, and asks them nothing).
        Forwarded = "forwarded",
        /// A member's post to the list, one member's copy (its bytes are the post's, stored
        /// once: `outbox.post_id`).
        Post = "post",
    }
}

stored_text! {
    /// `posts.status`: where a post to the list stands.
    pub enum PostStatus {
        /// Waiting for a coordinator's APPROVE or REJECT (or to expire).
        Held = "held",
        /// Sent to the members.
        Published = "published",
        Rejected = "rejected",
        /// Not decided within `hold_days`.
        Expired = "expired",
    }
}

stored_text! {
    /// `people.delivery`: how a member takes the posts (meeting mail goes to everyone active).
    pub enum Delivery {
        /// Each post as it comes.
        Each = "each",
        /// The day's posts in one digest.
        Digest = "digest",
        /// No posts.
        None = "none",
    }
}

/// `outbox.kind`, the `X-Roundtable-Kind` header: a job's mail (named as its job) or another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MailKind {
    Job(JobKind),
    Other(OtherMailKind),
}

impl MailKind {
    /// Every kind: the jobs' in timeline order, then the others.
    pub fn all() -> impl Iterator<Item = MailKind> {
        JobKind::ALL
            .into_iter()
            .map(MailKind::Job)
            .chain(OtherMailKind::ALL.iter().copied().map(MailKind::Other))
    }

    /// The stored text, also the header's value.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Job(k) => k.as_str(),
            MailKind::Other(k) => k.as_str(),
        }
    }

    /// The inverse of [`MailKind::as_str`] (exact text only).
    pub fn parse(s: &str) -> Option<MailKind> {
        JobKind::parse(s)
            .map(MailKind::Job)
            .or_else(|| OtherMailKind::parse(s).map(MailKind::Other))
    }
}

impl From<JobKind> for MailKind {
    fn from(k: JobKind) -> MailKind {
        MailKind::Job(k)
    }
}

impl From<OtherMailKind> for MailKind {
    fn from(k: OtherMailKind) -> MailKind {
        MailKind::Other(k)
    }
}

impl fmt::Display for MailKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

stored_text! {
    /// `search_index.kind`: what a SEARCH hit is.
    pub enum SearchKind {
        Topic = "topic",
        Takeaway = "takeaway",
        Post = "post",
    }
}

#[cfg(test)]
mod stored_text_tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every value's text parses back to it, and the texts are distinct.
    fn round_trips<T: Copy + PartialEq + fmt::Debug>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(parse(as_str(v)), Some(v), "{v:?}");
        }
        assert_eq!(
            all.iter()
                .map(|v| as_str(*v))
                .collect::<BTreeSet<_>>()
                .len(),
            all.len()
        );
        assert_eq!(parse("no such value"), None);
    }

    #[test]
    fn every_value_round_trips() {
        round_trips(PersonStatus::ALL, PersonStatus::as_str, PersonStatus::parse);
        round_trips(
            MeetingStatus::ALL,
            MeetingStatus::as_str,
            MeetingStatus::parse,
        );
        round_trips(JobStatus::ALL, JobStatus::as_str, JobStatus::parse);
        round_trips(TopicStatus::ALL, TopicStatus::as_str, TopicStatus::parse);
        round_trips(OutboxStatus::ALL, OutboxStatus::as_str, OutboxStatus::parse);
        round_trips(InboundKind::ALL, InboundKind::as_str, InboundKind::parse);
        round_trips(
            OtherMailKind::ALL,
            OtherMailKind::as_str,
            OtherMailKind::parse,
        );
        round_trips(
            &MailKind::all().collect::<Vec<_>>(),
            MailKind::as_str,
            MailKind::parse,
        );
        round_trips(SearchKind::ALL, SearchKind::as_str, SearchKind::parse);
        round_trips(&JobKind::ALL, JobKind::as_str, JobKind::parse);
        assert_eq!(
            MailKind::all().count(),
            JobKind::ALL.len() + OtherMailKind::ALL.len()
        );
    }

    #[test]
    fn inbound_kinds_are_the_readings_kinds() {
        use understand::{Intent, Response};
        let intents = [
            Intent::Rsvp {
                response: Response::Yes,
                note: None,
                question: None,
            },
            Intent::Conversation,
            Intent::Topics { topics: Vec::new() },
            Intent::Votes { votes: Vec::new() },
            Intent::Takeaways {
                takeaways: Vec::new(),
            },
            Intent::Join,
            Intent::Decline,
            Intent::Command(understand::command::Command::read(
                "HELP".into(),
                Vec::new(),
                "",
            )),
            Intent::AutoReply {
                reason: String::new(),
            },
            Intent::Bounce {
                recipients: Vec::new(),
                permanent: true,
            },
            Intent::Unclear {
                reason: understand::UnclearReason::EmptyReply,
            },
        ];
        for i in &intents {
            assert_eq!(InboundKind::of(i).as_str(), i.kind());
        }
        let read: BTreeSet<_> = intents
            .iter()
            .map(InboundKind::of)
            .map(InboundKind::as_str)
            .collect();
        let rest: BTreeSet<_> = InboundKind::ALL
            .iter()
            .map(|k| k.as_str())
            .filter(|k| !read.contains(k))
            .collect();
        assert_eq!(rest, BTreeSet::from(["unreadable"]));
    }

    /// The values the latest migration of `backend` that lists `column` gives it, in its
    /// comment `-- table.column: a | b | c` (an applied migration can't be edited: a value
    /// added later is listed again, whole, by a new one).
    fn listed(backend: &str, column: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(backend);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        files.sort();
        let prefix = format!("-- {column}:");
        let line = files
            .iter()
            .rev()
            .find_map(|f| {
                let sql = std::fs::read_to_string(f).expect("a readable migration");
                sql.lines()
                    .find(|l| l.starts_with(&prefix))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| panic!("{column} is not listed in {}", dir.display()));
        line[prefix.len()..]
            .split('|')
            .map(|v| v.trim().to_string())
            .collect()
    }

    fn texts<T: Copy>(
        all: impl IntoIterator<Item = T>,
        as_str: fn(T) -> &'static str,
    ) -> BTreeSet<String> {
        all.into_iter().map(|v| as_str(v).to_string()).collect()
    }

    #[test]
    fn the_migrations_list_what_the_code_writes() {
        let columns = [
            (
                "people.status",
                texts(PersonStatus::ALL.iter().copied(), PersonStatus::as_str),
            ),
            (
                "people.role",
                texts([Role::Member, Role::Guest, Role::Coordinator], Role::as_str),
            ),
            (
                "people.language",
                texts(Lang::ALL.iter().copied(), Lang::as_str),
            ),
            (
                "meetings.status",
                texts(MeetingStatus::ALL.iter().copied(), MeetingStatus::as_str),
            ),
            (
                "rsvps.response",
                texts([Response::Yes, Response::No, Response::Maybe], response_str),
            ),
            ("jobs.kind", texts(JobKind::ALL, JobKind::as_str)),
            (
                "jobs.status",
                texts(JobStatus::ALL.iter().copied(), JobStatus::as_str),
            ),
            (
                "topics.status",
                texts(TopicStatus::ALL.iter().copied(), TopicStatus::as_str),
            ),
            ("outbox.kind", texts(MailKind::all(), MailKind::as_str)),
            (
                "outbox.status",
                texts(OutboxStatus::ALL.iter().copied(), OutboxStatus::as_str),
            ),
            (
                "inbound.kind",
                texts(InboundKind::ALL.iter().copied(), InboundKind::as_str),
            ),
            (
                "search_index.kind",
                texts(SearchKind::ALL.iter().copied(), SearchKind::as_str),
            ),
            (
                "posts.status",
                texts(PostStatus::ALL.iter().copied(), PostStatus::as_str),
            ),
            (
                "people.delivery",
                texts(Delivery::ALL.iter().copied(), Delivery::as_str),
            ),
        ];
        for backend in ["sqlite", "postgres"] {
            for (column, values) in &columns {
                assert_eq!(&listed(backend, column), values, "{backend}: {column}");
            }
        }
    }
}

/// Durations as written in the config: `30s`, `15m`, `2h`, `14d`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).ok_or("has no unit")?;
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().map_err(|_| "has no number".to_string())?;
    let secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => return Err(format!("unknown unit {unit:?}")),
    };
    Ok(Duration::from_secs(n * secs))
}

/// A person's display name made safe for a header: one line, no control characters.
pub fn clean_name(s: &str) -> String {
    one_line(s, 100)
}

/// A subject made safe for a header: one line, no control characters.
pub fn clean_name_long(s: &str) -> String {
    one_line(s, 250)
}

/// One line: control characters (CR, LF, tab, NUL…) become spaces, runs of spaces one, at
/// most `max` characters.
pub(crate) fn one_line(s: &str, max: usize) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("14d"), Ok(Duration::from_secs(14 * 86400)));
        assert!(parse_duration("14").is_err());
        assert!(parse_duration("d").is_err());
        assert!(parse_duration("3w").is_err());
    }

    #[test]
    fn names_cannot_carry_headers() {
        assert_eq!(clean_name("Ana\r\nBcc: evil@x.org"), "Ana Bcc: evil@x.org");
    }
}
