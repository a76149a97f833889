//! Commands, in one place each: the [`SPECS`] table (word, aliases, usage, example, HELP line,
//! who may send it, whether it changes anything, how its arguments are read), the Subject
//! grammar that finds a command ([`parse_subject`]), and [`parse`], which turns a command word,
//! its arguments and (for ATTENDED) the sender's own body lines into a typed [`Cmd`], or into
//! a [`Usage`] that names the exact problem, the usage and an example, ready to send back.
//! HELP ([`help`]), the usage errors and "who may run it" ([`coordinator_only`]) are all made
//! from the table, and the reading carries the parsed command ([`Command`] in
//! [`Intent::Command`](crate::Intent::Command)), so nothing downstream parses it again. The
//! daemon's command line (`roundtable do`) parses with the same [`parse`].
//!
//! Arguments come from a Subject anyone can write, so nothing that could end up in a header
//! (names, places, reasons, search words) may hold a control character (those are refused, not
//! stripped, so the coordinator sees what happened), and lengths are capped ([`MAX_NAME`],
//! [`MAX_PLACE`], [`MAX_REASON`], [`MAX_SEARCH`]). Addresses are parsed once, here, into an
//! [`Address`]. Text echoed back in a problem is shortened and cleaned ([`show`]).
//!
//! Dates are local times in the community's zone (`when.rs` reads them); the caller converts
//! them (and refuses the past). Everything after the time is the place (a link or text).

use std::fmt;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::address::{forbidden, show, Address};
use crate::Response;

mod help;
mod subject;
mod when;

pub use help::help;
pub(crate) use subject::from_subject;
pub use subject::parse_subject;

/// Longest accepted name (characters).
pub const MAX_NAME: usize = 100;
/// Longest accepted place or link (characters).
pub const MAX_PLACE: usize = 200;
/// Longest accepted cancellation reason (characters).
pub const MAX_REASON: usize = 200;
/// Longest accepted search (characters).
pub const MAX_SEARCH: usize = 200;
/// Most people one ATTENDED may list.
pub const MAX_ATTENDED: usize = 200;

/// A command, typed and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    // coordinator
    /// A new meeting; `when` is local time in the community's zone.
    Schedule {
        when: NaiveDateTime,
        place: Option<String>,
    },
    /// Move a meeting (`None` = the next one); `place: None` keeps the place it had.
    Reschedule {
        meeting: Option<i64>,
        when: NaiveDateTime,
        place: Option<String>,
    },
    /// Cancel a meeting (`None` = the next one).
    Cancel {
        meeting: Option<i64>,
        reason: Option<String>,
    },
    /// Invite a guest.
    Invite {
        address: Address,
        name: Option<String>,
    },
    /// Add a member directly.
    Add {
        address: Address,
        name: Option<String>,
    },
    Remove {
        address: Address,
    },
    /// Guest → member.
    Promote {
        address: Address,
    },
    /// Who attended the last meeting: addresses (lower-cased) or names, in the order given,
    /// without duplicates.
    Attended {
        people: Vec<String>,
    },
    /// Send the agenda now.
    Agenda,
    /// Send the digest now.
    Digest,
    TopicClose(u32),
    TopicDefer(u32),
    Status,
    // everyone
    Help,
    /// LEAVE or UNSUBSCRIBE.
    Leave,
    Pause,
    Resume,
    /// For the next meeting.
    Rsvp(Response),
    Topics,
    Search(String),
    Join,
}

impl Cmd {
    /// The word of its row in [`SPECS`] (TOPIC for both TOPIC CLOSE and TOPIC DEFER, LEAVE
    /// also when it was written UNSUBSCRIBE).
    pub fn word(&self) -> &'static str {
        match self {
            Cmd::Schedule { .. } => "SCHEDULE",
            Cmd::Reschedule { .. } => "RESCHEDULE",
            Cmd::Cancel { .. } => "CANCEL",
            Cmd::Invite { .. } => "INVITE",
            Cmd::Add { .. } => "ADD",
            Cmd::Remove { .. } => "REMOVE",
            Cmd::Promote { .. } => "PROMOTE",
            Cmd::Attended { .. } => "ATTENDED",
            Cmd::Agenda => "AGENDA",
            Cmd::Digest => "DIGEST",
            Cmd::TopicClose(_) | Cmd::TopicDefer(_) => "TOPIC",
            Cmd::Status => "STATUS",
            Cmd::Help => "HELP",
            Cmd::Leave => "LEAVE",
            Cmd::Pause => "PAUSE",
            Cmd::Resume => "RESUME",
            Cmd::Rsvp(_) => "RSVP",
            Cmd::Topics => "TOPICS",
            Cmd::Search(_) => "SEARCH",
            Cmd::Join => "JOIN",
        }
    }
}

/// A command in the Subject, as written and as read: what [`Intent::Command`](crate::Intent::Command)
/// carries. Its JSON form (`roundtable inspect --json`) is the word and the arguments only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Command {
    /// The upper-case command word as written (an alias stays itself: UNSUBSCRIBE).
    #[serde(rename = "command")]
    pub word: String,
    /// The rest of the Subject, split on whitespace.
    pub args: Vec<String>,
    /// What the word and arguments (and, for ATTENDED, the sender's own words) say, or what
    /// is wrong with them.
    #[serde(skip)]
    pub parsed: Result<Cmd, Usage>,
}

impl Command {
    /// Reads a command word, its arguments and the sender's own words (see [`parse`]).
    pub fn read(word: String, args: Vec<String>, own_words: &str) -> Command {
        let body: Vec<&str> = own_words.lines().collect();
        let parsed = parse(&word, &args, &body);
        Command { word, args, parsed }
    }

    /// A command nobody wrote out, e.g. LEAVE for mail to the list's unsubscribe address: its
    /// row's word, no arguments.
    pub fn implied(cmd: Cmd) -> Command {
        Command {
            word: cmd.word().to_string(),
            args: Vec::new(),
            parsed: Ok(cmd),
        }
    }

    /// The command as one line, as it was written: `SCHEDULE 2026-12-08 18:30`.
    pub fn line(&self) -> String {
        std::iter::once(self.word.as_str())
            .chain(self.args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What was wrong with a command, ready to send back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    pub problem: String,
    pub usage: &'static str,
    pub example: &'static str,
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\nUsage: {}\nExample: {}",
            self.problem, self.usage, self.example
        )
    }
}

impl std::error::Error for Usage {}

/// Who may send a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Everyone,
    Coordinator,
}

/// One command: how it is written, who may send it, and how its arguments are read.
pub struct Spec {
    /// The upper-case word.
    pub word: &'static str,
    /// Other words for the same command (UNSUBSCRIBE for LEAVE).
    pub aliases: &'static [&'static str],
    /// The usage line sent back with a problem, and an example that parses.
    pub usage: &'static str,
    pub example: &'static str,
    /// For HELP: a shorter usage, and what it does.
    pub short: &'static str,
    pub what: &'static str,
    pub who: Who,
    /// False for the commands that only read (HELP, STATUS, TOPICS, SEARCH): they are
    /// answered to the sender's address without further proof, and words after the argless
    /// ones are harmless and ignored. A command that changes something must prove its sender,
    /// and one that takes nothing refuses words after it.
    pub changes: bool,
    /// Reads the arguments (and body lines) into a [`Cmd`].
    read: fn(&Given<'_>) -> Result<Cmd, Usage>,
}

/// Every command, in the order HELP lists them: everyone's, then the coordinator's.
#[rustfmt::skip]
pub const SPECS: &[Spec] = &[
    // everyone
    Spec { word: "RSVP", aliases: &[], usage: "RSVP YES|NO|MAYBE", example: "RSVP yes", short: "RSVP YES|NO|MAYBE", what: "answer for the next meeting", who: Who::Everyone, changes: true, read: rsvp },
    Spec { word: "TOPICS", aliases: &[], usage: "TOPICS", example: "TOPICS", short: "TOPICS", what: "the open topics, numbered", who: Who::Everyone, changes: false, read: |_| Ok(Cmd::Topics) },
    Spec { word: "SEARCH", aliases: &[], usage: "SEARCH words", example: "SEARCH pricing workshops", short: "SEARCH words", what: "search past takeaways and topics", who: Who::Everyone, changes: false, read: search },
    Spec { word: "PAUSE", aliases: &[], usage: "PAUSE", example: "PAUSE", short: "PAUSE", what: "no mail from the group until you send RESUME", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Pause) },
    Spec { word: "RESUME", aliases: &[], usage: "RESUME", example: "RESUME", short: "RESUME", what: "mail again after a PAUSE", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Resume) },
    Spec { word: "LEAVE", aliases: &["UNSUBSCRIBE"], usage: "LEAVE (or UNSUBSCRIBE)", example: "LEAVE", short: "LEAVE (or UNSUBSCRIBE)", what: "leave the group", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Leave) },
    Spec { word: "JOIN", aliases: &[], usage: "JOIN", example: "JOIN", short: "JOIN", what: "become a member after visiting as a guest", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Join) },
    Spec { word: "HELP", aliases: &[], usage: "HELP", example: "HELP", short: "HELP", what: "this list", who: Who::Everyone, changes: false, read: |_| Ok(Cmd::Help) },
    // coordinator
    Spec { word: "SCHEDULE", aliases: &[], usage: "SCHEDULE date time [place or link]  (local time, e.g. 2026-12-08 18:30 or 8 Dec 2026 18:30)", example: "SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp", short: "SCHEDULE date time [place]", what: "a new meeting", who: Who::Coordinator, changes: true, read: schedule },
    Spec { word: "RESCHEDULE", aliases: &[], usage: "RESCHEDULE [#id|next] date time [new place or link]", example: "RESCHEDULE #12 2026-12-15 18:30", short: "RESCHEDULE [#id] date time [place]", what: "move the next meeting, or #id", who: Who::Coordinator, changes: true, read: reschedule },
    Spec { word: "CANCEL", aliases: &[], usage: "CANCEL [next|#id] [reason]", example: "CANCEL next room closed", short: "CANCEL [next|#id] [reason]", what: "cancel the next meeting, or #id", who: Who::Coordinator, changes: true, read: cancel },
    Spec { word: "INVITE", aliases: &[], usage: "INVITE address [name]", example: "INVITE anna@example.org Anna Berg", short: "INVITE address [name]", what: "invite a guest to the next meeting", who: Who::Coordinator, changes: true, read: |g| address_and_name(g).map(|(address, name)| Cmd::Invite { address, name }) },
    Spec { word: "ADD", aliases: &[], usage: "ADD address [name]", example: "ADD anna@example.org Anna Berg", short: "ADD address [name]", what: "add a member", who: Who::Coordinator, changes: true, read: |g| address_and_name(g).map(|(address, name)| Cmd::Add { address, name }) },
    Spec { word: "REMOVE", aliases: &[], usage: "REMOVE address", example: "REMOVE anna@example.org", short: "REMOVE address", what: "remove someone", who: Who::Coordinator, changes: true, read: |g| one_address(g).map(|address| Cmd::Remove { address }) },
    Spec { word: "PROMOTE", aliases: &[], usage: "PROMOTE address", example: "PROMOTE anna@example.org", short: "PROMOTE address", what: "make a guest a member", who: Who::Coordinator, changes: true, read: |g| one_address(g).map(|address| Cmd::Promote { address }) },
    Spec { word: "ATTENDED", aliases: &[], usage: "ATTENDED addresses or names, separated by commas (or one per line in the body)", example: "ATTENDED anna@example.org, Bob Meyer", short: "ATTENDED name, address, …", what: "who came to the last meeting", who: Who::Coordinator, changes: true, read: attended },
    Spec { word: "AGENDA", aliases: &[], usage: "AGENDA", example: "AGENDA", short: "AGENDA", what: "send the agenda now", who: Who::Coordinator, changes: true, read: |g| bare(g, Cmd::Agenda) },
    Spec { word: "DIGEST", aliases: &[], usage: "DIGEST", example: "DIGEST", short: "DIGEST", what: "send the digest now", who: Who::Coordinator, changes: true, read: |g| bare(g, Cmd::Digest) },
    Spec { word: "TOPIC", aliases: &[], usage: "TOPIC CLOSE n | TOPIC DEFER n", example: "TOPIC CLOSE 3", short: "TOPIC CLOSE n | TOPIC DEFER n", what: "close a topic, or defer it", who: Who::Coordinator, changes: true, read: topic },
    // STATUS only reads, but what it shows (guests' addresses, mail waiting) is the coordinator's.
    Spec { word: "STATUS", aliases: &[], usage: "STATUS", example: "STATUS", short: "STATUS", what: "next meeting, answers, topics, guests, mail waiting", who: Who::Coordinator, changes: false, read: |_| Ok(Cmd::Status) },
];

const HELP_USAGE: &str = "send HELP for the list of commands";

/// The row of a command word or alias (upper-case).
pub fn spec(word: &str) -> Option<&'static Spec> {
    SPECS
        .iter()
        .find(|s| s.word == word || s.aliases.contains(&word))
}

/// Whether an upper-case word is a command word (or an alias of one).
pub fn is_command_word(word: &str) -> bool {
    spec(word).is_some()
}

/// The usage line and example of a command word (any case), if it is one.
pub fn usage_of(command: &str) -> Option<(&'static str, &'static str)> {
    spec(&command.trim().to_uppercase()).map(|s| (s.usage, s.example))
}

/// Whether only a coordinator may send it. (Every [`Cmd::word`] has a row, a test checks it;
/// were one missing, the command would count as the coordinator's.)
pub fn coordinator_only(c: &Cmd) -> bool {
    spec(c.word()).is_none_or(|s| s.who == Who::Coordinator)
}

/// Whether it changes anything (so its sender must be proven); false for HELP, STATUS,
/// TOPICS and SEARCH, which are answered to the sender's address: a forger learns nothing.
pub fn changes_state(c: &Cmd) -> bool {
    spec(c.word()).is_none_or(|s| s.changes)
}

/// Turn a command word (any case), its Subject arguments and the sender's own body lines into
/// a [`Cmd`]. Body lines are only read by ATTENDED.
pub fn parse(command: &str, args: &[String], body_lines: &[&str]) -> Result<Cmd, Usage> {
    let word = command
        .trim()
        .trim_end_matches([':', ',', '!', '?', '.'])
        .to_uppercase();
    let args: Vec<&str> = args.iter().flat_map(|a| a.split_whitespace()).collect();
    let Some(spec) = spec(&word) else {
        return Err(Usage {
            problem: format!("Unknown command: {}.", show(command.trim())),
            usage: HELP_USAGE,
            example: "HELP",
        });
    };
    (spec.read)(&Given {
        spec,
        word: &word,
        args: &args,
        body: body_lines,
    })
}

/// A command as written, for its row's reader.
struct Given<'a> {
    spec: &'static Spec,
    /// The upper-case word written: the row's word or an alias (problems name it).
    word: &'a str,
    args: &'a [&'a str],
    body: &'a [&'a str],
}

impl Given<'_> {
    /// A problem with this command, with its usage and example.
    fn fail(&self, problem: impl Into<String>) -> Usage {
        Usage {
            problem: problem.into(),
            usage: self.spec.usage,
            example: self.spec.example,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// per command

fn schedule(g: &Given<'_>) -> Result<Cmd, Usage> {
    let (when, place) = when_and_place(g, g.args)?;
    Ok(Cmd::Schedule { when, place })
}

fn reschedule(g: &Given<'_>) -> Result<Cmd, Usage> {
    let args = g.args;
    let (meeting, rest) = match args.first() {
        None => return Err(g.fail("RESCHEDULE needs the new date and time.")),
        Some(first) if first.eq_ignore_ascii_case("next") => (None, &args[1..]),
        Some(first) if first.starts_with('#') => (Some(meeting_id(g, first)?), &args[1..]),
        // A bare number is a meeting id, unless a month name follows (`8 Dec 2026 18:30`).
        Some(first)
            if clean(first).chars().all(|c| c.is_ascii_digit())
                && args.get(1).is_none_or(|t| when::month(t).is_none()) =>
        {
            (Some(meeting_id(g, first)?), &args[1..])
        }
        Some(_) => (None, args),
    };
    if rest.is_empty() {
        return Err(g.fail("RESCHEDULE needs the new date and time after the meeting."));
    }
    let (when, place) = when_and_place(g, rest)?;
    Ok(Cmd::Reschedule {
        meeting,
        when,
        place,
    })
}

fn cancel(g: &Given<'_>) -> Result<Cmd, Usage> {
    let args = g.args;
    let (meeting, rest) = match args.first() {
        None => {
            return Ok(Cmd::Cancel {
                meeting: None,
                reason: None,
            })
        }
        Some(first) if clean(first).eq_ignore_ascii_case("next") => (None, &args[1..]),
        Some(first)
            if when::looks_numeric_date(first)
                || (when::day_num(first).is_some()
                    && args.get(1).is_some_and(|t| when::month(t).is_some()))
                || when::month(first)
                    .is_some_and(|_| args.get(1).is_some_and(|t| when::day_num(t).is_some())) =>
        {
            return Err(g.fail(format!(
                "CANCEL takes a meeting number, not a date ({}): STATUS shows the numbers.",
                show(&args[..args.len().min(3)].join(" "))
            )));
        }
        Some(first)
            if first.starts_with('#') || clean(first).chars().all(|c| c.is_ascii_digit()) =>
        {
            (Some(meeting_id(g, first)?), &args[1..])
        }
        Some(_) => (None, args),
    };
    let reason = unquote(&rest.join(" "));
    let reason = if reason.is_empty() {
        None
    } else {
        Some(checked_text(g, "The reason", &reason, MAX_REASON)?)
    };
    Ok(Cmd::Cancel { meeting, reason })
}

fn meeting_id(g: &Given<'_>, tok: &str) -> Result<i64, Usage> {
    let t = clean(tok);
    let digits = t.strip_prefix('#').unwrap_or(t);
    match digits.parse::<i64>() {
        Ok(n) if n > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(n),
        _ => Err(g.fail(format!(
            "{} is not a meeting number: write #12 or 12 (STATUS shows the numbers).",
            show(tok)
        ))),
    }
}

/// The date and time, then the place: SCHEDULE's and RESCHEDULE's arguments.
fn when_and_place(g: &Given<'_>, args: &[&str]) -> Result<(NaiveDateTime, Option<String>), Usage> {
    let (when, used) = when::when_at(g.word, args).map_err(|p| g.fail(p))?;
    let rest = &args[used..];
    let place = rest.join(" ");
    let place = place.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—' | '|' | ':')
    });
    let place = unquote(place);
    let place = if place.is_empty() {
        None
    } else {
        Some(checked_text(g, "The place", &place, MAX_PLACE)?)
    };
    Ok((when, place))
}

fn address_and_name(g: &Given<'_>) -> Result<(Address, Option<String>), Usage> {
    let (w, args) = (g.word, g.args);
    if args.is_empty() {
        return Err(g.fail(format!("{w} needs an email address.")));
    }
    let (addrs, words): (Vec<&str>, Vec<&str>) = args.iter().partition(|t| t.contains('@'));
    let address = match addrs.as_slice() {
        [] => {
            return Err(g.fail(format!(
                "{w} needs an email address: {} has none.",
                show(&args.join(" "))
            )))
        }
        [one] => Address::parse(one).map_err(|p| g.fail(p.to_string()))?,
        more => {
            return Err(g.fail(format!(
                "{w} takes one address at a time; found {}: {}.",
                more.len(),
                more.iter().map(|a| show(a)).collect::<Vec<_>>().join(", ")
            )))
        }
    };
    let name = unquote(&words.join(" "));
    let name = if name.is_empty() {
        None
    } else {
        Some(checked_name(g, &name)?)
    };
    Ok((address, name))
}

fn one_address(g: &Given<'_>) -> Result<Address, Usage> {
    let w = g.word;
    match g.args {
        [] => Err(g.fail(format!("{w} needs an email address."))),
        [one] => Address::parse(one).map_err(|p| g.fail(p.to_string())),
        [_, more @ ..] => Err(g.fail(format!(
            "{w} takes just one address; remove {}.",
            show(&more.join(" "))
        ))),
    }
}

fn attended(g: &Given<'_>) -> Result<Cmd, Usage> {
    let mut people: Vec<String> = Vec::new();
    let mut push = |p: String| {
        if !people.iter().any(|q| q.to_lowercase() == p.to_lowercase()) {
            people.push(p);
        }
    };
    // Subject: with commas (or semicolons), each piece is one person ("Bob Meyer"); without,
    // each word is.
    let subject = g.args.join(" ");
    let pieces: Vec<String> = if subject.contains([',', ';']) {
        subject.split([',', ';']).map(str::to_string).collect()
    } else {
        g.args.iter().map(|a| a.to_string()).collect()
    };
    for piece in pieces {
        for p in person_piece(g, &piece, "")? {
            push(p);
        }
    }
    // Body: one person per line (or several separated by commas), up to a signature.
    for (n, line) in g.body.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed == "--" {
            break;
        }
        if trimmed.is_empty() || trimmed.starts_with('>') {
            continue;
        }
        let item = trimmed
            .trim_start_matches(['-', '*', '•', '·'])
            .trim_start();
        let item = strip_numbering(item);
        for piece in item.split([',', ';']) {
            for p in person_piece(g, piece, &format!(" (body line {})", n + 1))? {
                push(p);
            }
        }
    }
    if people.is_empty() {
        return Err(g.fail(
            "ATTENDED needs who attended: addresses or names in the Subject, or one per line in the body.",
        ));
    }
    if people.len() > MAX_ATTENDED {
        return Err(g.fail(format!(
            "ATTENDED lists {} people; at most {MAX_ATTENDED} at a time.",
            people.len()
        )));
    }
    Ok(Cmd::Attended { people })
}

/// One comma-separated piece of an ATTENDED list: a name, an address (a name next to it is
/// dropped: `Anna Berg <anna@x.org>`), or several addresses.
fn person_piece(g: &Given<'_>, piece: &str, at: &str) -> Result<Vec<String>, Usage> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let addrs: Vec<&str> = words.iter().copied().filter(|w| w.contains('@')).collect();
    if addrs.is_empty() {
        let name = unquote(&words.join(" "));
        if name.is_empty() {
            return Ok(vec![]);
        }
        if name.starts_with('#') {
            return Err(g.fail(format!(
                "{} is not a person{at}: ATTENDED is for the last meeting and takes no meeting number.",
                show(&name)
            )));
        }
        let name = checked_name(g, &name).map_err(|mut u| {
            u.problem = format!("{}{at}", u.problem.trim_end_matches('.')) + ".";
            u
        })?;
        return Ok(vec![name]);
    }
    // Several addresses alone, or one `<address>` with its display name; anything else mixes
    // names and addresses without commas.
    let display_name_form = addrs.len() == 1 && addrs[0].starts_with('<');
    if addrs.len() != words.len() && !display_name_form {
        return Err(g.fail(format!(
            "Can't tell who is who in {}{at}: separate people with commas.",
            show(piece.trim())
        )));
    }
    addrs
        .iter()
        .map(|a| {
            Address::parse(a)
                .map(|a| a.to_string())
                .map_err(|p| g.fail(format!("{}{at}.", p.to_string().trim_end_matches('.'))))
        })
        .collect()
}

fn strip_numbering(item: &str) -> &str {
    let digits = item.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = item[digits..]
            .strip_prefix('.')
            .or_else(|| item[digits..].strip_prefix(')'))
        {
            if rest.starts_with(' ') {
                return rest.trim_start();
            }
        }
    }
    item
}

fn topic(g: &Given<'_>) -> Result<Cmd, Usage> {
    let args = g.args;
    let Some(sub) = args.first() else {
        return Err(g.fail("TOPIC needs CLOSE or DEFER and a topic number."));
    };
    let sub_up = clean(sub).to_uppercase();
    let close = match sub_up.as_str() {
        "CLOSE" => true,
        "DEFER" => false,
        _ => return Err(g.fail(format!("TOPIC takes CLOSE or DEFER, not {}.", show(sub)))),
    };
    let n = match &args[1..] {
        [] => {
            return Err(g.fail(format!(
                "TOPIC {sub_up} needs a topic number (TOPICS lists them)."
            )))
        }
        [n] => *n,
        [_, more @ ..] => {
            return Err(g.fail(format!(
                "TOPIC {sub_up} takes one topic number; remove {}.",
                show(&more.join(" "))
            )))
        }
    };
    let digits = clean(n).trim_end_matches('.');
    let digits = digits.strip_prefix('#').unwrap_or(digits);
    match digits.parse::<u32>() {
        Ok(k) if k > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(if close {
            Cmd::TopicClose(k)
        } else {
            Cmd::TopicDefer(k)
        }),
        _ => Err(g.fail(format!(
            "{} is not a topic number: write 3 or #3 (TOPICS lists them).",
            show(n)
        ))),
    }
}

fn rsvp(g: &Given<'_>) -> Result<Cmd, Usage> {
    // Words after the answer ("RSVP yes, 15 min late") are ignored.
    let Some(first) = g.args.first() else {
        return Err(g.fail("RSVP needs YES, NO or MAYBE."));
    };
    let w = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match w.as_str() {
        "yes" => Ok(Cmd::Rsvp(Response::Yes)),
        "no" => Ok(Cmd::Rsvp(Response::No)),
        "maybe" => Ok(Cmd::Rsvp(Response::Maybe)),
        _ => Err(g.fail(format!(
            "{} is not YES, NO or MAYBE (RSVP takes only these English words; a plain reply to the invitation may say it in your own words).",
            show(first)
        ))),
    }
}

fn search(g: &Given<'_>) -> Result<Cmd, Usage> {
    let q = g.args.join(" ");
    if q.is_empty() {
        return Err(g.fail("SEARCH needs words to look for."));
    }
    let q = checked_text(g, "The search", &q, MAX_SEARCH)?;
    Ok(Cmd::Search(q))
}

/// Commands that take nothing and change something: a Subject that merely starts with the
/// word ("Leave of absence", "Agenda for Tuesday") must not act. A polite word or two is
/// allowed, anything else refused.
fn bare(g: &Given<'_>, cmd: Cmd) -> Result<Cmd, Usage> {
    const FILLER: &[&str] = &[
        "please", "pls", "plz", "now", "thanks", "thank", "you", "thx",
    ];
    let extra = g.args.iter().any(|a| {
        let w = a
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        !(w.is_empty() || FILLER.contains(&w.as_str()))
    });
    if !extra {
        return Ok(cmd);
    }
    Err(g.fail(format!(
        "{} takes nothing after it (got {}); to do it, send just {} as the Subject.",
        g.word,
        show(&g.args.join(" ")),
        g.word
    )))
}

// ---------------------------------------------------------------------------------------------
// text checks

/// Checked text for a header or a mail: no control characters (nor Unicode line separators or
/// bidirectional overrides), at most `max` characters.
fn checked_text(g: &Given<'_>, what: &str, text: &str, max: usize) -> Result<String, Usage> {
    if let Some(c) = text.chars().find(|c| forbidden(*c)) {
        return Err(g.fail(format!(
            "{what} contains a control character (U+{:04X}); write plain text.",
            c as u32
        )));
    }
    let n = text.chars().count();
    if n > max {
        return Err(g.fail(format!(
            "{what} is {n} characters long; at most {max} are allowed."
        )));
    }
    Ok(text.to_string())
}

fn checked_name(g: &Given<'_>, name: &str) -> Result<String, Usage> {
    let name = checked_text(g, "The name", name, MAX_NAME)?;
    if let Some(c) = name.chars().find(|c| "<>\"\\".contains(*c)) {
        return Err(g.fail(format!("The name {} may not contain {c}.", show(&name))));
    }
    Ok(name)
}

/// Strip one pair of surrounding quotes and spaces: `"Anna Berg"`, `'Anna'`, `“Anna”`, `«Anna»`.
fn unquote(s: &str) -> String {
    let t = s.trim();
    for (open, close) in [
        ('"', '"'),
        ('\'', '\''),
        ('“', '”'),
        ('„', '“'),
        ('«', '»'),
        ('‘', '’'),
    ] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

/// A token without the comma or semicolon that ends it in a list.
fn clean(t: &str) -> &str {
    t.trim_end_matches([',', ';'])
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) fn p(subject_args: &str) -> Result<Cmd, Usage> {
        pb(subject_args, &[])
    }

    pub(super) fn pb(subject: &str, body: &[&str]) -> Result<Cmd, Usage> {
        let mut words = subject.split_whitespace();
        let cmd = words.next().unwrap_or("");
        let args: Vec<String> = words.map(str::to_string).collect();
        parse(cmd, &args, body)
    }

    pub(super) fn problem(subject: &str) -> String {
        match p(subject) {
            Err(u) => u.problem,
            Ok(c) => panic!("{subject:?} parsed as {c:?}"),
        }
    }

    pub(super) fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    pub(super) fn sched(when: &str, place: Option<&str>) -> Cmd {
        Cmd::Schedule {
            when: dt(when),
            place: place.map(str::to_string),
        }
    }

    /// Every word and alias with its row.
    fn words() -> impl Iterator<Item = (&'static str, &'static Spec)> {
        SPECS.iter().flat_map(|s| {
            std::iter::once(&s.word)
                .chain(s.aliases)
                .map(move |w| (*w, s))
        })
    }

    #[test]
    fn schedule_place() {
        assert_eq!(
            p("SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp?x=1"),
            Ok(sched(
                "2026-12-08 18:30",
                Some("https://meet.example.org/cp?x=1")
            ))
        );
        assert_eq!(
            p("SCHEDULE 8 Dec 2026 18:30h Café Central, Room 2"),
            Ok(sched("2026-12-08 18:30", Some("Café Central, Room 2")))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 18:30, \"Room 4\""),
            Ok(sched("2026-12-08 18:30", Some("Room 4")))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 18:30 - at the Lab"),
            Ok(sched("2026-12-08 18:30", Some("at the Lab")))
        );
        // A place starting with a number is still a place.
        assert_eq!(
            p("SCHEDULE 2026-12-08 18:30 2nd floor"),
            Ok(sched("2026-12-08 18:30", Some("2nd floor")))
        );
        let long = format!("SCHEDULE 2026-12-08 18:30 {}", "x".repeat(201));
        assert_eq!(
            problem(&long),
            "The place is 201 characters long; at most 200 are allowed."
        );
        let args = vec![
            "2026-12-08".to_string(),
            "18:30".into(),
            "Room\u{7}4".into(),
        ];
        assert_eq!(
            parse("SCHEDULE", &args, &[]).unwrap_err().problem,
            "The place contains a control character (U+0007); write plain text."
        );
        let args = vec![
            "2026-12-08".to_string(),
            "18:30".into(),
            "Room\u{202E}4".into(),
        ];
        assert!(parse("SCHEDULE", &args, &[]).is_err());
    }

    #[test]
    fn reschedule() {
        let r = |m: Option<i64>, w: &str, pl: Option<&str>| Cmd::Reschedule {
            meeting: m,
            when: dt(w),
            place: pl.map(str::to_string),
        };
        assert_eq!(
            p("RESCHEDULE 2026-12-15 18:30"),
            Ok(r(None, "2026-12-15 18:30", None))
        );
        assert_eq!(
            p("reschedule #12 2026-12-15 18:30"),
            Ok(r(Some(12), "2026-12-15 18:30", None))
        );
        assert_eq!(
            p("RESCHEDULE 12 2026-12-15 18:30 Room 5"),
            Ok(r(Some(12), "2026-12-15 18:30", Some("Room 5")))
        );
        assert_eq!(
            p("RESCHEDULE next 15.12.2026 19:00"),
            Ok(r(None, "2026-12-15 19:00", None))
        );
        // A bare number followed by a month is a day, not an id.
        assert_eq!(
            p("RESCHEDULE 15 Dec 2026 18:30"),
            Ok(r(None, "2026-12-15 18:30", None))
        );
        assert_eq!(
            p("RESCHEDULE 3 15 Dec 2026 18:30"),
            Ok(r(Some(3), "2026-12-15 18:30", None))
        );
        assert_eq!(
            problem("RESCHEDULE"),
            "RESCHEDULE needs the new date and time."
        );
        assert_eq!(
            problem("RESCHEDULE #12"),
            "RESCHEDULE needs the new date and time after the meeting."
        );
        assert_eq!(
            problem("RESCHEDULE #12 2026-12-15"),
            "RESCHEDULE needs a time: write it after the date, as in 2026-12-15 18:30."
        );
        assert_eq!(
            problem("RESCHEDULE #x 2026-12-15 18:30"),
            "`#x` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
        );
        assert_eq!(
            problem("RESCHEDULE #0 2026-12-15 18:30"),
            "`#0` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
        );
        assert_eq!(
            problem("RESCHEDULE 99999999999999999999 2026-12-15 18:30"),
            "`99999999999999999999` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
        );
    }

    #[test]
    fn cancel() {
        let c = |m: Option<i64>, r: Option<&str>| Cmd::Cancel {
            meeting: m,
            reason: r.map(str::to_string),
        };
        assert_eq!(p("CANCEL"), Ok(c(None, None)));
        assert_eq!(p("cancel next"), Ok(c(None, None)));
        assert_eq!(
            p("Cancel NEXT the room is closed"),
            Ok(c(None, Some("the room is closed")))
        );
        assert_eq!(p("CANCEL #12"), Ok(c(Some(12), None)));
        assert_eq!(
            p("CANCEL 12 \"speaker is ill\""),
            Ok(c(Some(12), Some("speaker is ill")))
        );
        assert_eq!(
            p("CANCEL speaker is ill"),
            Ok(c(None, Some("speaker is ill")))
        );
        assert_eq!(
            problem("CANCEL #twelve"),
            "`#twelve` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
        );
        assert_eq!(
            problem("CANCEL 2026-12-08"),
            "CANCEL takes a meeting number, not a date (`2026-12-08`): STATUS shows the numbers."
        );
        assert_eq!(
            problem("CANCEL 8 Dec 2026 snow"),
            "CANCEL takes a meeting number, not a date (`8 Dec 2026`): STATUS shows the numbers."
        );
        assert_eq!(
            problem("CANCEL Dec 8"),
            "CANCEL takes a meeting number, not a date (`Dec 8`): STATUS shows the numbers."
        );
        // A reason that merely starts with a month-like word is a reason.
        assert_eq!(p("CANCEL May is busy"), Ok(c(None, Some("May is busy"))));
        assert_eq!(
            problem(&format!("CANCEL next {}", "x".repeat(201))),
            "The reason is 201 characters long; at most 200 are allowed."
        );
        let args = vec!["next".to_string(), "bad\u{0}reason".into()];
        assert_eq!(
            parse("CANCEL", &args, &[]).unwrap_err().problem,
            "The reason contains a control character (U+0000); write plain text."
        );
    }

    #[test]
    fn invite_and_add() {
        let inv = |a: &str, n: Option<&str>| Cmd::Invite {
            address: Address::parse(a).unwrap(),
            name: n.map(str::to_string),
        };
        assert_eq!(
            p("INVITE anna@example.org"),
            Ok(inv("anna@example.org", None))
        );
        assert_eq!(
            p("invite Anna@Example.ORG Anna Berg"),
            Ok(inv("anna@example.org", Some("Anna Berg")))
        );
        assert_eq!(
            p("INVITE anna@example.org \"Anna Berg\""),
            Ok(inv("anna@example.org", Some("Anna Berg")))
        );
        assert_eq!(
            p("INVITE \"Anna Berg\" <anna@example.org>"),
            Ok(inv("anna@example.org", Some("Anna Berg")))
        );
        assert_eq!(
            p("INVITE Anna Berg <anna@example.org>"),
            Ok(inv("anna@example.org", Some("Anna Berg")))
        );
        assert_eq!(
            p("INVITE mailto:anna@example.org"),
            Ok(inv("anna@example.org", None))
        );
        assert_eq!(
            p("INVITE anna+cp@mail.example.co.uk"),
            Ok(inv("anna+cp@mail.example.co.uk", None))
        );
        assert_eq!(
            p("ADD bob@example.org Bob"),
            Ok(Cmd::Add {
                address: Address::parse("bob@example.org").unwrap(),
                name: Some("Bob".into())
            })
        );
        assert_eq!(problem("INVITE"), "INVITE needs an email address.");
        assert_eq!(problem("ADD"), "ADD needs an email address.");
        assert_eq!(
            problem("INVITE Anna Berg"),
            "INVITE needs an email address: `Anna Berg` has none."
        );
        assert_eq!(
            problem("INVITE a@example.org b@example.org"),
            "INVITE takes one address at a time; found 2: `a@example.org`, `b@example.org`."
        );
        assert_eq!(
            problem("INVITE anna@@example.org"),
            "`anna@@example.org` is not an email address: it has more than one @."
        );
        assert_eq!(
            problem("INVITE a@b@example.org"),
            "`a@b@example.org` is not an email address: it has more than one @."
        );
        assert_eq!(
            problem("INVITE @example.org"),
            "`@example.org` is not an email address: nothing before the @."
        );
        assert_eq!(
            problem("INVITE anna@"),
            "`anna@` is not an email address: nothing after the @."
        );
        assert_eq!(problem("INVITE anna@localhost"), "`anna@localhost` is not an email address: the domain localhost has no dot (as in example.org).");
        assert_eq!(
            problem("INVITE anna@example..org"),
            "`anna@example..org` is not an email address: the domain example..org is malformed."
        );
        assert_eq!(
            problem("INVITE anna@example.org."),
            "`anna@example.org.` is not an email address: the domain example.org. is malformed."
        );
        assert_eq!(
            problem("INVITE anna@exa_mple.org"),
            "`anna@exa_mple.org` is not an email address: the domain contains _."
        );
        assert_eq!(
            problem("INVITE an(na@example.org"),
            "`an(na@example.org` is not an email address: it contains (."
        );
        let args = vec!["anna@exam\u{0}ple.org".to_string()];
        assert_eq!(
            parse("INVITE", &args, &[]).unwrap_err().problem,
            "`anna@exam?ple.org` is not an email address: it contains a space or a control character."
        );
        // Header injection through the name.
        let args = vec![
            "anna@example.org".to_string(),
            "Anna\r\nBcc: x@evil.com".into(),
        ];
        // (split on whitespace: the CRLF is gone; the rest is a name with a second address)
        assert!(parse("INVITE", &args, &[]).is_err());
        let args = vec!["anna@example.org".to_string(), "Anna\u{1b}Berg".into()];
        assert_eq!(
            parse("INVITE", &args, &[]).unwrap_err().problem,
            "The name contains a control character (U+001B); write plain text."
        );
        assert_eq!(
            problem(&format!("INVITE anna@example.org {}", "A".repeat(101))),
            "The name is 101 characters long; at most 100 are allowed."
        );
        assert_eq!(
            problem("INVITE anna@example.org Anna <x"),
            "The name `Anna <x` may not contain <."
        );
        let u = p("INVITE").unwrap_err();
        assert_eq!(
            (u.usage, u.example),
            ("INVITE address [name]", "INVITE anna@example.org Anna Berg")
        );
    }

    #[test]
    fn remove_and_promote() {
        assert_eq!(
            p("REMOVE anna@example.org"),
            Ok(Cmd::Remove {
                address: Address::parse("anna@example.org").unwrap()
            })
        );
        assert_eq!(
            p("remove <Anna@example.org>"),
            Ok(Cmd::Remove {
                address: Address::parse("anna@example.org").unwrap()
            })
        );
        assert_eq!(
            p("Promote anna@example.org"),
            Ok(Cmd::Promote {
                address: Address::parse("anna@example.org").unwrap()
            })
        );
        assert_eq!(problem("REMOVE"), "REMOVE needs an email address.");
        assert_eq!(problem("PROMOTE"), "PROMOTE needs an email address.");
        assert_eq!(
            problem("REMOVE anna@example.org bob@example.org"),
            "REMOVE takes just one address; remove `bob@example.org`."
        );
        assert_eq!(
            problem("PROMOTE Anna"),
            "`Anna` is not an email address: it has no @."
        );
    }

    #[test]
    fn attended() {
        let a = |v: &[&str]| {
            Ok(Cmd::Attended {
                people: v.iter().map(|s| s.to_string()).collect(),
            })
        };
        assert_eq!(
            p("ATTENDED anna@example.org bob@example.org"),
            a(&["anna@example.org", "bob@example.org"])
        );
        assert_eq!(
            p("attended Anna, Bob Meyer, carl@example.org"),
            a(&["Anna", "Bob Meyer", "carl@example.org"])
        );
        assert_eq!(p("ATTENDED Anna Bob"), a(&["Anna", "Bob"]));
        assert_eq!(
            p("ATTENDED anna@example.org,bob@example.org;Carl"),
            a(&["anna@example.org", "bob@example.org", "Carl"])
        );
        assert_eq!(
            p("ATTENDED Anna Berg <Anna@Example.org>, Bob"),
            a(&["anna@example.org", "Bob"])
        );
        // Duplicates (any case) once.
        assert_eq!(
            p("ATTENDED Anna, anna, ANNA@x.org, anna@X.org"),
            a(&["Anna", "anna@x.org"])
        );
        // Body lines, bullets, numbering, quotes; stop at the signature.
        assert_eq!(
            pb(
                "ATTENDED",
                &[
                    "",
                    "- anna@example.org",
                    "* Bob Meyer",
                    "3. Carl",
                    "  \"Dora D\"  ",
                    "> quoted@x.org",
                    "",
                    "-- ",
                    "Coordinator Name",
                    "coord@example.org"
                ]
            ),
            a(&["anna@example.org", "Bob Meyer", "Carl", "Dora D"])
        );
        // Subject and body together.
        assert_eq!(
            pb("ATTENDED anna@example.org", &["Bob", "anna@example.org"]),
            a(&["anna@example.org", "Bob"])
        );
        assert_eq!(pb("ATTENDED", &["Anna, Bob"]), a(&["Anna", "Bob"]));
        assert_eq!(
            problem("ATTENDED"),
            "ATTENDED needs who attended: addresses or names in the Subject, or one per line in the body."
        );
        assert_eq!(
            pb("ATTENDED", &["", "--", "sig"]).unwrap_err().problem,
            problem("ATTENDED")
        );
        assert_eq!(
            problem("ATTENDED anna@example.org Bob, Carl"),
            "Can't tell who is who in `anna@example.org Bob`: separate people with commas."
        );
        assert_eq!(problem("ATTENDED anna@localhost"), "`anna@localhost` is not an email address: the domain localhost has no dot (as in example.org).");
        assert_eq!(
            pb("ATTENDED", &["Anna", "bob@@x.org"]).unwrap_err().problem,
            "`bob@@x.org` is not an email address: it has more than one @ (body line 2)."
        );
        assert_eq!(
            pb("ATTENDED", &[&"x".repeat(150)]).unwrap_err().problem,
            "The name is 150 characters long; at most 100 are allowed (body line 1)."
        );
        assert_eq!(
            problem("ATTENDED #12 Anna"),
            "`#12` is not a person: ATTENDED is for the last meeting and takes no meeting number."
        );
        let many: Vec<String> = (0..201).map(|i| format!("p{i}@example.org")).collect();
        let lines: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            pb("ATTENDED", &lines).unwrap_err().problem,
            "ATTENDED lists 201 people; at most 200 at a time."
        );
    }

    #[test]
    fn topic() {
        assert_eq!(p("TOPIC CLOSE 3"), Ok(Cmd::TopicClose(3)));
        assert_eq!(p("topic close #3"), Ok(Cmd::TopicClose(3)));
        assert_eq!(p("Topic Defer 12"), Ok(Cmd::TopicDefer(12)));
        assert_eq!(p("TOPIC DEFER #4."), Ok(Cmd::TopicDefer(4)));
        assert_eq!(
            problem("TOPIC"),
            "TOPIC needs CLOSE or DEFER and a topic number."
        );
        assert_eq!(
            problem("TOPIC REOPEN 3"),
            "TOPIC takes CLOSE or DEFER, not `REOPEN`."
        );
        assert_eq!(
            problem("TOPIC close"),
            "TOPIC CLOSE needs a topic number (TOPICS lists them)."
        );
        assert_eq!(
            problem("TOPIC DEFER three"),
            "`three` is not a topic number: write 3 or #3 (TOPICS lists them)."
        );
        assert_eq!(
            problem("TOPIC DEFER #0"),
            "`#0` is not a topic number: write 3 or #3 (TOPICS lists them)."
        );
        assert_eq!(
            problem("TOPIC DEFER -1"),
            "`-1` is not a topic number: write 3 or #3 (TOPICS lists them)."
        );
        assert_eq!(
            problem("TOPIC CLOSE 3 4"),
            "TOPIC CLOSE takes one topic number; remove `4`."
        );
    }

    #[test]
    fn rsvp() {
        assert_eq!(p("RSVP YES"), Ok(Cmd::Rsvp(Response::Yes)));
        assert_eq!(p("rsvp yes"), Ok(Cmd::Rsvp(Response::Yes)));
        assert_eq!(p("Rsvp No"), Ok(Cmd::Rsvp(Response::No)));
        assert_eq!(p("RSVP maybe"), Ok(Cmd::Rsvp(Response::Maybe)));
        assert_eq!(p("RSVP yes, 15 min late"), Ok(Cmd::Rsvp(Response::Yes)));
        assert_eq!(p("RSVP \"no\"!"), Ok(Cmd::Rsvp(Response::No)));
        assert_eq!(problem("RSVP"), "RSVP needs YES, NO or MAYBE.");
        assert!(problem("RSVP ja")
            .starts_with("`ja` is not YES, NO or MAYBE (RSVP takes only these English words"));
        assert!(problem("RSVP yesss").starts_with("`yesss` is not YES"));
    }

    #[test]
    fn search() {
        assert_eq!(p("SEARCH pricing"), Ok(Cmd::Search("pricing".into())));
        assert_eq!(
            p("search   pricing   workshops"),
            Ok(Cmd::Search("pricing workshops".into()))
        );
        assert_eq!(problem("SEARCH"), "SEARCH needs words to look for.");
        assert_eq!(
            problem(&format!("SEARCH {}", "w ".repeat(101))),
            "The search is 201 characters long; at most 200 are allowed."
        );
    }

    #[test]
    fn argless() {
        assert_eq!(p("HELP"), Ok(Cmd::Help));
        assert_eq!(p("help me please"), Ok(Cmd::Help));
        assert_eq!(p("Status"), Ok(Cmd::Status));
        assert_eq!(p("STATUS of things"), Ok(Cmd::Status));
        assert_eq!(p("topics"), Ok(Cmd::Topics));
        assert_eq!(p("AGENDA"), Ok(Cmd::Agenda));
        assert_eq!(p("Digest now"), Ok(Cmd::Digest));
        assert_eq!(p("LEAVE"), Ok(Cmd::Leave));
        assert_eq!(p("unsubscribe"), Ok(Cmd::Leave));
        assert_eq!(p("Unsubscribe please!"), Ok(Cmd::Leave));
        assert_eq!(p("pause"), Ok(Cmd::Pause));
        assert_eq!(p("RESUME"), Ok(Cmd::Resume));
        assert_eq!(p("Join"), Ok(Cmd::Join));
        assert_eq!(p("JOIN, thanks!"), Ok(Cmd::Join));
        assert_eq!(
            problem("Leave of absence"),
            "LEAVE takes nothing after it (got `of absence`); to do it, send just LEAVE as the Subject."
        );
        assert_eq!(
            problem("AGENDA for Tuesday"),
            "AGENDA takes nothing after it (got `for Tuesday`); to do it, send just AGENDA as the Subject."
        );
        assert!(p("JOIN us for dinner").is_err());
        assert!(p("PAUSE until March").is_err());
    }

    #[test]
    fn unknown_commands() {
        let u = p("FROBNICATE now").unwrap_err();
        assert_eq!(u.problem, "Unknown command: `FROBNICATE`.");
        assert_eq!(u.usage, "send HELP for the list of commands");
        assert_eq!(u.example, "HELP");
        assert_eq!(u.to_string(), "Unknown command: `FROBNICATE`.\nUsage: send HELP for the list of commands\nExample: HELP");
        assert_eq!(
            parse("", &[], &[]).unwrap_err().problem,
            "Unknown command: ``."
        );
        let weird = format!("X\u{0}{}", "Y".repeat(100));
        let u = parse(&weird, &[], &[]).unwrap_err();
        assert!(
            !u.problem.contains('\u{0}') && u.problem.chars().count() < 90,
            "{}",
            u.problem
        );
        // Mixed case of every known word parses (or fails with its own usage, not "unknown").
        for (word, s) in words() {
            let mixed: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }
                })
                .collect();
            if let Err(u) = parse(&mixed, &[], &[]) {
                assert_eq!(u.usage, s.usage, "{mixed}");
            }
        }
        assert_eq!(
            usage_of("schedule").map(|u| u.1),
            Some("SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp")
        );
        assert_eq!(usage_of("nope"), None);
    }

    #[test]
    fn coordinator_only_split() {
        for (s, c) in [
            ("SCHEDULE 2026-12-08 18:30", true),
            ("RESCHEDULE 2026-12-08 18:30", true),
            ("CANCEL", true),
            ("INVITE a@example.org", true),
            ("ADD a@example.org", true),
            ("REMOVE a@example.org", true),
            ("PROMOTE a@example.org", true),
            ("ATTENDED Anna", true),
            ("AGENDA", true),
            ("DIGEST", true),
            ("TOPIC CLOSE 1", true),
            ("TOPIC DEFER 1", true),
            ("STATUS", true),
            ("HELP", false),
            ("LEAVE", false),
            ("UNSUBSCRIBE", false),
            ("PAUSE", false),
            ("RESUME", false),
            ("RSVP yes", false),
            ("TOPICS", false),
            ("SEARCH x", false),
            ("JOIN", false),
        ] {
            assert_eq!(coordinator_only(&p(s).unwrap()), c, "{s}");
        }
    }

    #[test]
    fn never_panics_on_garbage() {
        let junk = [
            "",
            "#",
            "##",
            "@",
            "@@",
            "<>",
            "<@>",
            "\"",
            "“",
            "T",
            "2026-12-08T",
            "T18:30",
            "8.",
            "8th",
            "Dec",
            "9999-99-99",
            "0000-01-01",
            "2026-12-08T99:99",
            "12:",
            ":30",
            "h",
            "pm",
            "1:2:3:4",
            "ü@ü.ü",
            "a@b.c",
            "-- ",
            "０@０.０",
            "\u{0}",
            "mailto:",
            "mailto:@",
            "#-1",
            "#٣",
        ];
        for cmd in words().map(|(w, _)| w).chain(["X", ""]) {
            for a in junk {
                for b in junk {
                    let args = vec![a.to_string(), b.to_string(), "18:30".to_string()];
                    let _ = parse(cmd, &args, &[a, b]);
                    let args = vec![a.to_string(), b.to_string()];
                    let _ = parse(cmd, &args, &[]);
                }
            }
        }
    }

    #[test]
    fn the_table_is_the_one_list_of_commands() {
        // The words the Subject grammar has always known, no more, no fewer.
        let mut known: Vec<&str> = words().map(|(w, _)| w).collect();
        known.sort_unstable();
        let mut before = vec![
            "SCHEDULE",
            "RESCHEDULE",
            "CANCEL",
            "INVITE",
            "ADD",
            "REMOVE",
            "PROMOTE",
            "ATTENDED",
            "AGENDA",
            "DIGEST",
            "TOPIC",
            "STATUS",
            "HELP",
            "LEAVE",
            "UNSUBSCRIBE",
            "PAUSE",
            "RESUME",
            "RSVP",
            "TOPICS",
            "SEARCH",
            "JOIN",
        ];
        before.sort_unstable();
        assert_eq!(known, before);
        for (w, _) in words() {
            assert!(is_command_word(w), "{w}");
            assert_eq!(words().filter(|(x, _)| *x == w).count(), 1, "{w} twice");
        }
        assert!(!is_command_word("SCHEDULED") && !is_command_word("schedule"));
        for s in SPECS {
            // Each row's example reads as that row's command, so `Cmd::word` leads back to
            // the row that says who may send it.
            let cmd = p(s.example).unwrap_or_else(|u| panic!("{}: {u}", s.example));
            assert_eq!(cmd.word(), s.word, "{}", s.example);
            assert_eq!(
                coordinator_only(&cmd),
                s.who == Who::Coordinator,
                "{}",
                s.word
            );
            assert_eq!(changes_state(&cmd), s.changes, "{}", s.word);
        }
        assert_eq!(Cmd::TopicDefer(1).word(), "TOPIC");
        assert_eq!(p("UNSUBSCRIBE").map(|c| c.word()), Ok("LEAVE"));
    }

    #[test]
    fn only_help_status_topics_and_search_just_read() {
        for (s, changes) in [
            ("HELP", false),
            ("STATUS", false),
            ("TOPICS", false),
            ("SEARCH x", false),
            ("RSVP yes", true),
            ("LEAVE", true),
            ("PAUSE", true),
            ("RESUME", true),
            ("JOIN", true),
            ("SCHEDULE 2026-12-08 18:30", true),
            ("CANCEL", true),
            ("AGENDA", true),
            ("TOPIC CLOSE 1", true),
        ] {
            assert_eq!(changes_state(&p(s).unwrap()), changes, "{s}");
        }
    }

    #[test]
    fn an_alias_is_answered_in_its_own_word() {
        assert_eq!(
            problem("UNSUBSCRIBE me from everything"),
            "UNSUBSCRIBE takes nothing after it (got `me from everything`); to do it, send just UNSUBSCRIBE as the Subject."
        );
        assert_eq!(usage_of("unsubscribe"), usage_of("LEAVE"));
    }

    #[test]
    fn a_command_reads_its_words_and_the_senders_own() {
        let c = Command::read(
            "ATTENDED".into(),
            vec!["Anna,".into(), "Bob".into()],
            "carl@example.org\n-- \nsig",
        );
        assert_eq!(
            c.parsed,
            Ok(Cmd::Attended {
                people: vec!["Anna".into(), "Bob".into(), "carl@example.org".into()]
            })
        );
        assert_eq!(c.line(), "ATTENDED Anna, Bob");
        let leave = Command::implied(Cmd::Leave);
        assert_eq!(
            (leave.line(), leave.parsed),
            ("LEAVE".to_string(), Ok(Cmd::Leave))
        );
        // Its JSON is the word and the arguments only (the `inspect --json` contract).
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"command":"ATTENDED","args":["Anna,","Bob"]}"#
        );
        let bad = Command::read("SCHEDULE".into(), vec!["soon".into()], "");
        assert!(bad.parsed.is_err());
        assert_eq!(
            serde_json::to_string(&bad).unwrap(),
            r#"{"command":"SCHEDULE","args":["soon"]}"#
        );
    }
}
