//! The Subject command grammar, typed. Pure: the `understand` crate has already split a
//! Subject into an upper-case command word and whitespace-separated arguments; [`parse`] turns
//! them (and, for ATTENDED, the sender's own body lines) into a [`Cmd`], or into a [`Usage`]
//! that names the exact problem, the usage and an example, ready to send back.
//!
//! Arguments come from a Subject anyone can write, so nothing that could end up in a header
//! (names, places, reasons, search words) may hold a control character (those are refused, not
//! stripped, so the coordinator sees what happened), and lengths are capped ([`MAX_NAME`],
//! [`MAX_PLACE`], [`MAX_REASON`], [`MAX_SEARCH`]). Addresses are checked for shape and
//! lower-cased. Text echoed back in a problem is shortened and cleaned.
//!
//! Dates are local times in the community's zone; the caller converts them (and refuses the
//! past). Accepted: `2026-12-08 18:30`, `2026-12-08 18:30h`, `2026/12/08 18:30`,
//! `2026-12-08T18:30`, `08.12.2026 18:30`, `8 Dec 2026 18:30`, `8th December 2026 18:30`,
//! `Dec 8 2026 18:30`, `Dec 8, 2026, 6:30pm`, optionally led by a weekday (`Tue 8 Dec 2026`,
//! checked against the date) and with `at` before the time. Times: `18:30`, `18:30h`,
//! `18h30`, `18h`, `18.30`, `18:30:00`, `6:30pm`, `6pm`, `6:30 pm`, `18:30 Uhr`. `12/08/2026`
//! is refused as ambiguous. Everything after the time is the place (a link or text).

use std::fmt;

use understand::address::{forbidden, show};

use crate::domain::Address;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

pub use understand::Response;

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

struct Spec {
    word: &'static str,
    usage: &'static str,
    example: &'static str,
    /// For HELP: a shorter usage, and what it does.
    short: &'static str,
    what: &'static str,
    coordinator: bool,
}

const SPECS: &[Spec] = &[
    // everyone
    Spec { word: "RSVP", usage: "RSVP YES|NO|MAYBE", example: "RSVP yes", short: "RSVP YES|NO|MAYBE", what: "answer for the next meeting", coordinator: false },
    Spec { word: "TOPICS", usage: "TOPICS", example: "TOPICS", short: "TOPICS", what: "the open topics, numbered", coordinator: false },
    Spec { word: "SEARCH", usage: "SEARCH words", example: "SEARCH pricing workshops", short: "SEARCH words", what: "search past takeaways and topics", coordinator: false },
    Spec { word: "PAUSE", usage: "PAUSE", example: "PAUSE", short: "PAUSE", what: "no mail from the group until you send RESUME", coordinator: false },
    Spec { word: "RESUME", usage: "RESUME", example: "RESUME", short: "RESUME", what: "mail again after a PAUSE", coordinator: false },
    Spec { word: "LEAVE", usage: "LEAVE (or UNSUBSCRIBE)", example: "LEAVE", short: "LEAVE (or UNSUBSCRIBE)", what: "leave the group", coordinator: false },
    Spec { word: "UNSUBSCRIBE", usage: "UNSUBSCRIBE (or LEAVE)", example: "UNSUBSCRIBE", short: "UNSUBSCRIBE (or LEAVE)", what: "leave the group", coordinator: false },
    Spec { word: "JOIN", usage: "JOIN", example: "JOIN", short: "JOIN", what: "become a member after visiting as a guest", coordinator: false },
    Spec { word: "HELP", usage: "HELP", example: "HELP", short: "HELP", what: "this list", coordinator: false },
    // coordinator
    Spec { word: "SCHEDULE", usage: "SCHEDULE date time [place or link]  (local time, e.g. 2026-12-08 18:30 or 8 Dec 2026 18:30)", example: "SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp", short: "SCHEDULE date time [place]", what: "a new meeting", coordinator: true },
    Spec { word: "RESCHEDULE", usage: "RESCHEDULE [#id|next] date time [new place or link]", example: "RESCHEDULE #12 2026-12-15 18:30", short: "RESCHEDULE [#id] date time [place]", what: "move the next meeting, or #id", coordinator: true },
    Spec { word: "CANCEL", usage: "CANCEL [next|#id] [reason]", example: "CANCEL next room closed", short: "CANCEL [next|#id] [reason]", what: "cancel the next meeting, or #id", coordinator: true },
    Spec { word: "INVITE", usage: "INVITE address [name]", example: "INVITE anna@example.org Anna Berg", short: "INVITE address [name]", what: "invite a guest to the next meeting", coordinator: true },
    Spec { word: "ADD", usage: "ADD address [name]", example: "ADD anna@example.org Anna Berg", short: "ADD address [name]", what: "add a member", coordinator: true },
    Spec { word: "REMOVE", usage: "REMOVE address", example: "REMOVE anna@example.org", short: "REMOVE address", what: "remove someone", coordinator: true },
    Spec { word: "PROMOTE", usage: "PROMOTE address", example: "PROMOTE anna@example.org", short: "PROMOTE address", what: "make a guest a member", coordinator: true },
    Spec { word: "ATTENDED", usage: "ATTENDED addresses or names, separated by commas (or one per line in the body)", example: "ATTENDED anna@example.org, Bob Meyer", short: "ATTENDED name, address, …", what: "who came to the last meeting", coordinator: true },
    Spec { word: "AGENDA", usage: "AGENDA", example: "AGENDA", short: "AGENDA", what: "send the agenda now", coordinator: true },
    Spec { word: "DIGEST", usage: "DIGEST", example: "DIGEST", short: "DIGEST", what: "send the digest now", coordinator: true },
    Spec { word: "TOPIC", usage: "TOPIC CLOSE n | TOPIC DEFER n", example: "TOPIC CLOSE 3", short: "TOPIC CLOSE n | TOPIC DEFER n", what: "close a topic, or defer it", coordinator: true },
    Spec { word: "STATUS", usage: "STATUS", example: "STATUS", short: "STATUS", what: "next meeting, answers, topics, guests, mail waiting", coordinator: true },
];

const HELP_USAGE: &str = "send HELP for the list of commands";

fn spec(word: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.word == word)
}

/// The usage line and example of a command word (any case), if it is one.
pub fn usage_of(command: &str) -> Option<(&'static str, &'static str)> {
    spec(&command.trim().to_uppercase()).map(|s| (s.usage, s.example))
}

fn fail(s: &'static Spec, problem: impl Into<String>) -> Usage {
    Usage {
        problem: problem.into(),
        usage: s.usage,
        example: s.example,
    }
}

/// Turn a command word (any case), its Subject arguments and the sender's own body lines into
/// a [`Cmd`]. Body lines are only read by ATTENDED.
pub fn parse(command: &str, args: &[String], body_lines: &[&str]) -> Result<Cmd, Usage> {
    let word = command
        .trim()
        .trim_end_matches([':', ',', '!', '?', '.'])
        .to_uppercase();
    let args: Vec<&str> = args.iter().flat_map(|a| a.split_whitespace()).collect();
    let Some(s) = spec(&word) else {
        return Err(Usage {
            problem: format!("Unknown command: {}.", show(command.trim())),
            usage: HELP_USAGE,
            example: "HELP",
        });
    };
    match s.word {
        "SCHEDULE" => {
            let (when, place) = when_and_place(s, &args)?;
            Ok(Cmd::Schedule { when, place })
        }
        "RESCHEDULE" => reschedule(s, &args),
        "CANCEL" => cancel(s, &args),
        "INVITE" | "ADD" => {
            let (address, name) = address_and_name(s, &args)?;
            Ok(if s.word == "INVITE" {
                Cmd::Invite { address, name }
            } else {
                Cmd::Add { address, name }
            })
        }
        "REMOVE" | "PROMOTE" => {
            let address = one_address(s, &args)?;
            Ok(if s.word == "REMOVE" {
                Cmd::Remove { address }
            } else {
                Cmd::Promote { address }
            })
        }
        "ATTENDED" => attended(s, &args, body_lines),
        "TOPIC" => topic(s, &args),
        "RSVP" => rsvp(s, &args),
        "SEARCH" => {
            let q = args.join(" ");
            if q.is_empty() {
                return Err(fail(s, "SEARCH needs words to look for."));
            }
            let q = checked_text(s, "The search", &q, MAX_SEARCH)?;
            Ok(Cmd::Search(q))
        }
        // Read-only: words after them are harmless and ignored.
        "HELP" => Ok(Cmd::Help),
        "STATUS" => Ok(Cmd::Status),
        "TOPICS" => Ok(Cmd::Topics),
        // They change something: a Subject that merely starts with the word ("Leave of
        // absence", "Agenda for Tuesday") must not act.
        w => {
            bare(s, &args)?;
            Ok(match w {
                "AGENDA" => Cmd::Agenda,
                "DIGEST" => Cmd::Digest,
                "LEAVE" | "UNSUBSCRIBE" => Cmd::Leave,
                "PAUSE" => Cmd::Pause,
                "RESUME" => Cmd::Resume,
                "JOIN" => Cmd::Join,
                _ => unreachable!("every SPECS word is handled"),
            })
        }
    }
}

/// Whether only a coordinator may send it.
pub fn coordinator_only(c: &Cmd) -> bool {
    match c {
        Cmd::Schedule { .. }
        | Cmd::Reschedule { .. }
        | Cmd::Cancel { .. }
        | Cmd::Invite { .. }
        | Cmd::Add { .. }
        | Cmd::Remove { .. }
        | Cmd::Promote { .. }
        | Cmd::Attended { .. }
        | Cmd::Agenda
        | Cmd::Digest
        | Cmd::TopicClose(_)
        | Cmd::TopicDefer(_)
        | Cmd::Status => true,
        Cmd::Help
        | Cmd::Leave
        | Cmd::Pause
        | Cmd::Resume
        | Cmd::Rsvp(_)
        | Cmd::Topics
        | Cmd::Search(_)
        | Cmd::Join => false,
    }
}

/// The HELP text: every command the sender may use, one line each with an example.
pub fn help(coordinator: bool) -> String {
    let mut out = String::from(
        "Send a command as the Subject of a mail to the group's address (upper or lower case).\n\n",
    );
    let line = |out: &mut String, s: &Spec| {
        out.push_str(&format!(
            "{} - {}. Example: {}\n",
            s.short, s.what, s.example
        ));
    };
    for s in SPECS
        .iter()
        .filter(|s| !s.coordinator && s.word != "UNSUBSCRIBE")
    {
        line(&mut out, s);
    }
    if coordinator {
        out.push_str("\nFor coordinators:\n");
        for s in SPECS.iter().filter(|s| s.coordinator) {
            line(&mut out, s);
        }
        out.push_str(
            "\nDates are local time: 2026-12-08 18:30, 08.12.2026 18:30 or 8 Dec 2026 18:30.\n",
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// per command

fn reschedule(s: &'static Spec, args: &[&str]) -> Result<Cmd, Usage> {
    let (meeting, rest) = match args.first() {
        None => return Err(fail(s, "RESCHEDULE needs the new date and time.")),
        Some(first) if first.eq_ignore_ascii_case("next") => (None, &args[1..]),
        Some(first) if first.starts_with('#') => (Some(meeting_id(s, first)?), &args[1..]),
        // A bare number is a meeting id, unless a month name follows (`8 Dec 2026 18:30`).
        Some(first)
            if clean(first).chars().all(|c| c.is_ascii_digit())
                && args.get(1).is_none_or(|t| month(t).is_none()) =>
        {
            (Some(meeting_id(s, first)?), &args[1..])
        }
        Some(_) => (None, args),
    };
    if rest.is_empty() {
        return Err(fail(
            s,
            "RESCHEDULE needs the new date and time after the meeting.",
        ));
    }
    let (when, place) = when_and_place(s, rest)?;
    Ok(Cmd::Reschedule {
        meeting,
        when,
        place,
    })
}

fn cancel(s: &'static Spec, args: &[&str]) -> Result<Cmd, Usage> {
    let (meeting, rest) = match args.first() {
        None => {
            return Ok(Cmd::Cancel {
                meeting: None,
                reason: None,
            })
        }
        Some(first) if clean(first).eq_ignore_ascii_case("next") => (None, &args[1..]),
        Some(first)
            if looks_numeric_date(first)
                || (day_num(first).is_some()
                    && args.get(1).is_some_and(|t| month(t).is_some()))
                || month(first)
                    .is_some_and(|_| args.get(1).is_some_and(|t| day_num(t).is_some())) =>
        {
            return Err(fail(
                s,
                format!(
                    "CANCEL takes a meeting number, not a date ({}): STATUS shows the numbers.",
                    show(&args[..args.len().min(3)].join(" "))
                ),
            ));
        }
        Some(first)
            if first.starts_with('#') || clean(first).chars().all(|c| c.is_ascii_digit()) =>
        {
            (Some(meeting_id(s, first)?), &args[1..])
        }
        Some(_) => (None, args),
    };
    let reason = unquote(&rest.join(" "));
    let reason = if reason.is_empty() {
        None
    } else {
        Some(checked_text(s, "The reason", &reason, MAX_REASON)?)
    };
    Ok(Cmd::Cancel { meeting, reason })
}

fn meeting_id(s: &'static Spec, tok: &str) -> Result<i64, Usage> {
    let t = clean(tok);
    let digits = t.strip_prefix('#').unwrap_or(t);
    match digits.parse::<i64>() {
        Ok(n) if n > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(n),
        _ => Err(fail(
            s,
            format!(
                "{} is not a meeting number: write #12 or 12 (STATUS shows the numbers).",
                show(tok)
            ),
        )),
    }
}

fn address_and_name(s: &'static Spec, args: &[&str]) -> Result<(Address, Option<String>), Usage> {
    if args.is_empty() {
        return Err(fail(s, format!("{} needs an email address.", s.word)));
    }
    let (addrs, words): (Vec<&str>, Vec<&str>) = args.iter().partition(|t| t.contains('@'));
    let address = match addrs.as_slice() {
        [] => {
            return Err(fail(
                s,
                format!(
                    "{} needs an email address: {} has none.",
                    s.word,
                    show(&args.join(" "))
                ),
            ))
        }
        [one] => Address::parse(one).map_err(|p| fail(s, p.to_string()))?,
        more => {
            return Err(fail(
                s,
                format!(
                    "{} takes one address at a time; found {}: {}.",
                    s.word,
                    more.len(),
                    more.iter().map(|a| show(a)).collect::<Vec<_>>().join(", ")
                ),
            ))
        }
    };
    let name = unquote(&words.join(" "));
    let name = if name.is_empty() {
        None
    } else {
        Some(checked_name(s, &name)?)
    };
    Ok((address, name))
}

fn one_address(s: &'static Spec, args: &[&str]) -> Result<Address, Usage> {
    match args {
        [] => Err(fail(s, format!("{} needs an email address.", s.word))),
        [one] => Address::parse(one).map_err(|p| fail(s, p.to_string())),
        [_, more @ ..] => Err(fail(
            s,
            format!(
                "{} takes just one address; remove {}.",
                s.word,
                show(&more.join(" "))
            ),
        )),
    }
}

fn attended(s: &'static Spec, args: &[&str], body_lines: &[&str]) -> Result<Cmd, Usage> {
    let mut people: Vec<String> = Vec::new();
    let mut push = |p: String| {
        if !people.iter().any(|q| q.to_lowercase() == p.to_lowercase()) {
            people.push(p);
        }
    };
    // Subject: with commas (or semicolons), each piece is one person ("Bob Meyer"); without,
    // each word is.
    let subject = args.join(" ");
    let pieces: Vec<String> = if subject.contains([',', ';']) {
        subject.split([',', ';']).map(str::to_string).collect()
    } else {
        args.iter().map(|a| a.to_string()).collect()
    };
    for piece in pieces {
        for p in person_piece(s, &piece, "")? {
            push(p);
        }
    }
    // Body: one person per line (or several separated by commas), up to a signature.
    for (n, line) in body_lines.iter().enumerate() {
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
            for p in person_piece(s, piece, &format!(" (body line {})", n + 1))? {
                push(p);
            }
        }
    }
    if people.is_empty() {
        return Err(fail(
            s,
            "ATTENDED needs who attended: addresses or names in the Subject, or one per line in the body.",
        ));
    }
    if people.len() > MAX_ATTENDED {
        return Err(fail(
            s,
            format!(
                "ATTENDED lists {} people; at most {MAX_ATTENDED} at a time.",
                people.len()
            ),
        ));
    }
    Ok(Cmd::Attended { people })
}

/// One comma-separated piece of an ATTENDED list: a name, an address (a name next to it is
/// dropped: `Anna Berg <anna@x.org>`), or several addresses.
fn person_piece(s: &'static Spec, piece: &str, at: &str) -> Result<Vec<String>, Usage> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let addrs: Vec<&str> = words.iter().copied().filter(|w| w.contains('@')).collect();
    if addrs.is_empty() {
        let name = unquote(&words.join(" "));
        if name.is_empty() {
            return Ok(vec![]);
        }
        if name.starts_with('#') {
            return Err(fail(
                s,
                format!(
                    "{} is not a person{at}: ATTENDED is for the last meeting and takes no meeting number.",
                    show(&name)
                ),
            ));
        }
        let name = checked_name(s, &name).map_err(|mut u| {
            u.problem = format!("{}{at}", u.problem.trim_end_matches('.')) + ".";
            u
        })?;
        return Ok(vec![name]);
    }
    // Several addresses alone, or one `<address>` with its display name; anything else mixes
    // names and addresses without commas.
    let display_name_form = addrs.len() == 1 && addrs[0].starts_with('<');
    if addrs.len() != words.len() && !display_name_form {
        return Err(fail(
            s,
            format!(
                "Can't tell who is who in {}{at}: separate people with commas.",
                show(piece.trim())
            ),
        ));
    }
    addrs
        .iter()
        .map(|a| Address::parse(a).map(|a| a.to_string()).map_err(|p| fail(s, format!("{}{at}.", p.to_string().trim_end_matches('.')))))
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

fn topic(s: &'static Spec, args: &[&str]) -> Result<Cmd, Usage> {
    let Some(sub) = args.first() else {
        return Err(fail(s, "TOPIC needs CLOSE or DEFER and a topic number."));
    };
    let sub_up = clean(sub).to_uppercase();
    let close = match sub_up.as_str() {
        "CLOSE" => true,
        "DEFER" => false,
        _ => {
            return Err(fail(
                s,
                format!("TOPIC takes CLOSE or DEFER, not {}.", show(sub)),
            ))
        }
    };
    let n = match &args[1..] {
        [] => {
            return Err(fail(
                s,
                format!("TOPIC {sub_up} needs a topic number (TOPICS lists them)."),
            ))
        }
        [n] => *n,
        [_, more @ ..] => {
            return Err(fail(
                s,
                format!(
                    "TOPIC {sub_up} takes one topic number; remove {}.",
                    show(&more.join(" "))
                ),
            ))
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
        _ => Err(fail(
            s,
            format!(
                "{} is not a topic number: write 3 or #3 (TOPICS lists them).",
                show(n)
            ),
        )),
    }
}

fn rsvp(s: &'static Spec, args: &[&str]) -> Result<Cmd, Usage> {
    // Words after the answer ("RSVP yes, 15 min late") are ignored.
    let Some(first) = args.first() else {
        return Err(fail(s, "RSVP needs YES, NO or MAYBE."));
    };
    let w = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match w.as_str() {
        "yes" => Ok(Cmd::Rsvp(Response::Yes)),
        "no" => Ok(Cmd::Rsvp(Response::No)),
        "maybe" => Ok(Cmd::Rsvp(Response::Maybe)),
        _ => Err(fail(
            s,
            format!(
                "{} is not YES, NO or MAYBE (RSVP takes only these English words; a plain reply to the invitation may say it in your own words).",
                show(first)
            ),
        )),
    }
}

/// Commands that take nothing: allow a polite word or two, refuse anything else.
fn bare(s: &'static Spec, args: &[&str]) -> Result<(), Usage> {
    const FILLER: &[&str] = &[
        "please", "pls", "plz", "now", "thanks", "thank", "you", "thx",
    ];
    let extra: Vec<&str> = args
        .iter()
        .copied()
        .filter(|a| {
            let w = a
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !(w.is_empty() || FILLER.contains(&w.as_str()))
        })
        .collect();
    if extra.is_empty() {
        return Ok(());
    }
    Err(fail(
        s,
        format!(
            "{} takes nothing after it (got {}); to do it, send just {} as the Subject.",
            s.word,
            show(&args.join(" ")),
            s.word
        ),
    ))
}

// ---------------------------------------------------------------------------------------------
// text checks

/// Checked text for a header or a mail: no control characters (nor Unicode line separators or
/// bidirectional overrides), at most `max` characters.
fn checked_text(s: &'static Spec, what: &str, text: &str, max: usize) -> Result<String, Usage> {
    if let Some(c) = text.chars().find(|c| forbidden(*c)) {
        return Err(fail(
            s,
            format!(
                "{what} contains a control character (U+{:04X}); write plain text.",
                c as u32
            ),
        ));
    }
    let n = text.chars().count();
    if n > max {
        return Err(fail(
            s,
            format!("{what} is {n} characters long; at most {max} are allowed."),
        ));
    }
    Ok(text.to_string())
}

fn checked_name(s: &'static Spec, name: &str) -> Result<String, Usage> {
    let name = checked_text(s, "The name", name, MAX_NAME)?;
    if let Some(c) = name.chars().find(|c| "<>\"\\".contains(*c)) {
        return Err(fail(
            s,
            format!("The name {} may not contain {c}.", show(&name)),
        ));
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

// ---------------------------------------------------------------------------------------------
// dates and times

fn when_and_place(
    s: &'static Spec,
    args: &[&str],
) -> Result<(NaiveDateTime, Option<String>), Usage> {
    let (when, used) = when_at(s, args)?;
    let rest = &args[used..];
    let place = rest.join(" ");
    let place = place.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—' | '|' | ':')
    });
    let place = unquote(place);
    let place = if place.is_empty() {
        None
    } else {
        Some(checked_text(s, "The place", &place, MAX_PLACE)?)
    };
    Ok((when, place))
}

/// A date and a time at the start of `args`, and how many tokens they took.
fn when_at(s: &'static Spec, args: &[&str]) -> Result<(NaiveDateTime, usize), Usage> {
    let w = s.word;
    if args.is_empty() {
        return Err(fail(s, format!("{w} needs a date and a time.")));
    }
    let mut i = 0;
    let weekday = weekday(args[0]);
    if weekday.is_some() {
        i += 1;
    }
    let (date, used, time) = match date_at(&args[i..]) {
        Ok(Some(d)) => d,
        Ok(None) => {
            let what = args.get(i).copied().unwrap_or(args[0]);
            return Err(fail(
                s,
                format!(
                    "{w} needs a date first: {} is not one (write 2026-12-08, 08.12.2026 or 8 Dec 2026).",
                    show(what)
                ),
            ));
        }
        Err(p) => return Err(fail(s, p)),
    };
    i += used;
    if let Some(wd) = weekday {
        if date.weekday() != wd {
            return Err(fail(
                s,
                format!(
                    "{} is a {}, not a {}.",
                    date.format("%Y-%m-%d"),
                    day_name(date.weekday()),
                    day_name(wd)
                ),
            ));
        }
    }
    let time = match time {
        Some(t) => t,
        None => {
            if args.get(i).is_some_and(|t| {
                let t = clean(t).to_lowercase();
                t == "at" || t == "um" || t == "à" || t == "-" || t == "@"
            }) {
                i += 1;
            }
            match time_at(&args[i..]) {
                Ok(Some((t, n))) => {
                    i += n;
                    t
                }
                Ok(None) => {
                    let d = date.format("%Y-%m-%d");
                    return Err(fail(
                        s,
                        match args.get(i) {
                            None => format!("{w} needs a time: write it after the date, as in {d} 18:30."),
                            Some(t) => format!(
                                "{w} needs a time after the date: {} is not a time (write {d} 18:30).",
                                show(t)
                            ),
                        },
                    ));
                }
                Err(p) => return Err(fail(s, p)),
            }
        }
    };
    Ok((date.and_time(time), i))
}

fn clean(t: &str) -> &str {
    t.trim_end_matches([',', ';'])
}

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    (s.len() >= min && s.len() <= max && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month(tok: &str) -> Option<u32> {
    let t = clean(tok).trim_end_matches('.').to_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if t.len() < 3 {
        return None;
    }
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(&t)))
        .map(|p| p as u32 + 1)
}

fn weekday(tok: &str) -> Option<Weekday> {
    let t = clean(tok).trim_end_matches('.').to_lowercase();
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if t.len() < 3 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| {
            *name == t
                || (t.len() == 3 && name.starts_with(&t))
                || (t == "tues" && *name == "tuesday")
                || ((t == "thur" || t == "thurs") && *name == "thursday")
        })
        .map(|(_, d)| *d)
}

fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A day of the month: `8`, `08`, `8.`, `8th`, `1st`, `22nd`, `3rd`.
fn day_num(tok: &str) -> Option<u32> {
    let t = clean(tok).to_lowercase();
    let t = ["st", "nd", "rd", "th", "."]
        .iter()
        .find_map(|suf| t.strip_suffix(suf))
        .unwrap_or(&t);
    digits(t, 1, 2)
}

fn looks_numeric_date(tok: &str) -> bool {
    let t = clean(tok);
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.contains(['-', '.', '/'])
        && t.chars()
            .all(|c| c.is_ascii_digit() || "-./T:t".contains(c))
}

fn ymd(y: u32, m: u32, d: u32, tok: &str) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&m) {
        return Err(format!(
            "{} is not a date: there is no month {m}.",
            show(tok)
        ));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| format!("{} is not a date: that month has no day {d}.", show(tok)))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`.
fn iso(t: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    match parts.as_slice() {
        [y, m, d] => Some((digits(y, 4, 4)?, digits(m, 1, 2)?, digits(d, 1, 2)?)),
        _ => None,
    }
}

/// A date at the start of `t`: `(date, tokens used, time if written in the same token)`.
/// `Ok(None)`: it does not look like a date at all.
fn date_at(t: &[&str]) -> Result<Option<(NaiveDate, usize, Option<NaiveTime>)>, String> {
    let Some(first) = t.first() else {
        return Ok(None);
    };
    let tok = clean(first);
    // 2026-12-08T18:30
    if let Some((d, tm)) = tok.split_once(['T', 't']) {
        if let Some((y, m, dd)) = iso(d) {
            let date = ymd(y, m, dd, tok)?;
            return match time_at(&[tm]) {
                Ok(Some((time, _))) => Ok(Some((date, 1, Some(time)))),
                Ok(None) => Err(format!(
                    "{} has no time after the T that can be read (write {d}T18:30, local time without a zone).",
                    show(tok)
                )),
                Err(p) => Err(p),
            };
        }
    }
    if let Some((y, m, d)) = iso(tok) {
        return ymd(y, m, d, tok).map(|date| Some((date, 1, None)));
    }
    // 08.12.2026 (day first)
    let dotted: Vec<&str> = tok.trim_end_matches('.').split('.').collect();
    if let [d, m, y] = dotted.as_slice() {
        if let (Some(d), Some(m)) = (digits(d, 1, 2), digits(m, 1, 2)) {
            if digits(y, 2, 2).is_some() {
                return Err(format!(
                    "{} has a two-digit year: write it with four, as in 08.12.2026.",
                    show(tok)
                ));
            }
            if let Some(y) = digits(y, 4, 4) {
                return ymd(y, m, d, tok).map(|date| Some((date, 1, None)));
            }
        }
    }
    // 12/08/2026: month-first or day-first? Refuse.
    let slashed: Vec<&str> = tok.split('/').collect();
    if let [a, b, y] = slashed.as_slice() {
        if let (Some(a), Some(b), Some(_)) = (digits(a, 1, 2), digits(b, 1, 2), digits(y, 2, 4)) {
            let _ = (a, b);
            return Err(format!(
                "{} is ambiguous (day or month first?): write the date as 2026-12-08 or 8 Dec 2026.",
                show(tok)
            ));
        }
    }
    // 8 Dec 2026 / Dec 8 2026
    let (day, mon) = if let (Some(d), Some(m)) = (day_num(tok), t.get(1).and_then(|x| month(x))) {
        (d, m)
    } else if let (Some(m), Some(d)) = (month(tok), t.get(1).and_then(|x| day_num(x))) {
        (d, m)
    } else if month(tok).is_some()
        || (day_num(tok).is_some() && t.get(1).is_some_and(|x| month(x).is_some()))
    {
        return Err(format!(
            "{} needs a day and a year, as in 8 Dec 2026.",
            show(&t[..t.len().min(2)].join(" "))
        ));
    } else {
        return Ok(None);
    };
    let written = t[..2].join(" ");
    match t.get(2).map(|y| clean(y).trim_end_matches('.')) {
        Some(y) if digits(y, 4, 4).is_some() => {
            let y = digits(y, 4, 4).unwrap_or(0);
            let shown = format!("{written} {y}");
            ymd(y, mon, day, &shown).map(|date| Some((date, 3, None)))
        }
        Some(y) if digits(y, 2, 2).is_some() => Err(format!(
            "{} has a two-digit year: write it with four, as in 8 Dec 2026.",
            show(&format!("{written} {y}"))
        )),
        _ => Err(format!(
            "{} needs a year, as in 8 Dec 2026 18:30.",
            show(clean(&written))
        )),
    }
}

/// A time at the start of `t` and the tokens it took. `Ok(None)`: not a time at all.
fn time_at(t: &[&str]) -> Result<Option<(NaiveTime, usize)>, String> {
    let Some(first) = t.first() else {
        return Ok(None);
    };
    let raw = clean(first).to_lowercase();
    let mut s: &str = &raw;
    let mut used = 1;
    let mut pm: Option<bool> = None;
    let mut marked = false;
    for (suf, is_pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(x) = s.strip_suffix(suf) {
            s = x;
            pm = Some(is_pm);
            break;
        }
    }
    if let Some(x) = s.strip_suffix("uhr").or_else(|| s.strip_suffix('h')) {
        s = x;
        marked = true;
    }
    if pm.is_none() && !marked {
        if let Some(next) = t.get(1) {
            match clean(next).to_lowercase().as_str() {
                "am" | "a.m." => (pm, used) = (Some(false), 2),
                "pm" | "p.m." => (pm, used) = (Some(true), 2),
                "h" | "uhr" | "o'clock" => (marked, used) = (true, 2),
                _ => {}
            }
        }
    }
    let parts: Vec<&str> = s.split([':', 'h', '.']).collect();
    let (h, m, sec) = match parts.as_slice() {
        [h] if pm.is_some() || marked => (digits(h, 1, 2), Some(0), Some(0)),
        [h, m] => (digits(h, 1, 2), digits(m, 2, 2), Some(0)),
        [h, m, sec] if s.matches(':').count() == 2 => {
            (digits(h, 1, 2), digits(m, 2, 2), digits(sec, 2, 2))
        }
        _ => return Ok(None),
    };
    let (Some(mut h), Some(m), Some(sec)) = (h, m, sec) else {
        return Ok(None);
    };
    let bad = || format!("{} is not a time of day.", show(&t[..used].join(" ")));
    if let Some(is_pm) = pm {
        if !(1..=12).contains(&h) {
            return Err(bad());
        }
        h = match (h, is_pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_opt(h, m, sec)
        .filter(|_| h < 24)
        .map(|time| Some((time, used)))
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(subject_args: &str) -> Result<Cmd, Usage> {
        pb(subject_args, &[])
    }

    fn pb(subject: &str, body: &[&str]) -> Result<Cmd, Usage> {
        let mut words = subject.split_whitespace();
        let cmd = words.next().unwrap_or("");
        let args: Vec<String> = words.map(str::to_string).collect();
        parse(cmd, &args, body)
    }

    fn problem(subject: &str) -> String {
        match p(subject) {
            Err(u) => u.problem,
            Ok(c) => panic!("{subject:?} parsed as {c:?}"),
        }
    }

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn sched(when: &str, place: Option<&str>) -> Cmd {
        Cmd::Schedule {
            when: dt(when),
            place: place.map(str::to_string),
        }
    }

    #[test]
    fn schedule_date_forms() {
        for s in [
            "SCHEDULE 2026-12-08 18:30",
            "schedule 2026-12-08 18:30h",
            "Schedule 08.12.2026 18:30",
            "SCHEDULE 8.12.2026 18:30",
            "SCHEDULE 8 Dec 2026 18:30",
            "SCHEDULE 8th December 2026 18:30",
            "SCHEDULE Dec 8 2026 18:30",
            "SCHEDULE Dec 8, 2026, 18:30",
            "SCHEDULE dec. 8 2026 18:30",
            "SCHEDULE 2026-12-08T18:30",
            "SCHEDULE 2026/12/08 18:30",
            "SCHEDULE 2026-12-08 at 18:30",
            "SCHEDULE 2026-12-08 18h30",
            "SCHEDULE 2026-12-08 18.30",
            "SCHEDULE 2026-12-08 18:30:00",
            "SCHEDULE 2026-12-08 6:30pm",
            "SCHEDULE 2026-12-08 6:30 pm",
            "SCHEDULE 2026-12-08 6:30 P.M.",
            "SCHEDULE 2026-12-08 18:30 Uhr",
            "SCHEDULE Tue 8 Dec 2026 18:30",
            "SCHEDULE Tuesday, 2026-12-08 18:30",
        ] {
            assert_eq!(p(s), Ok(sched("2026-12-08 18:30", None)), "{s}");
        }
        assert_eq!(
            p("SCHEDULE 2026-12-08 6pm"),
            Ok(sched("2026-12-08 18:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 18h"),
            Ok(sched("2026-12-08 18:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 12am"),
            Ok(sched("2026-12-08 00:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 12:15pm"),
            Ok(sched("2026-12-08 12:15", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 9:05"),
            Ok(sched("2026-12-08 09:05", None))
        );
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
    fn schedule_problems() {
        assert_eq!(problem("SCHEDULE"), "SCHEDULE needs a date and a time.");
        assert_eq!(
            problem("SCHEDULE 2026-12-08"),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 2026"),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 Zoom"),
            "SCHEDULE needs a time after the date: `Zoom` is not a time (write 2026-12-08 18:30)."
        );
        assert_eq!(
            problem("SCHEDULE tomorrow 18:30"),
            "SCHEDULE needs a date first: `tomorrow` is not one (write 2026-12-08, 08.12.2026 or 8 Dec 2026)."
        );
        assert_eq!(
            problem("SCHEDULE 2026-02-30 18:30"),
            "`2026-02-30` is not a date: that month has no day 30."
        );
        assert_eq!(
            problem("SCHEDULE 2026-13-01 18:30"),
            "`2026-13-01` is not a date: there is no month 13."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 25:00"),
            "`25:00` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 18:60"),
            "`18:60` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 13:00 pm"),
            "`13:00 pm` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 12/08/2026 18:30"),
            "`12/08/2026` is ambiguous (day or month first?): write the date as 2026-12-08 or 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE 08.12.26 18:30"),
            "`08.12.26` has a two-digit year: write it with four, as in 08.12.2026."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 18:30"),
            "`8 Dec` needs a year, as in 8 Dec 2026 18:30."
        );
        assert_eq!(
            problem("SCHEDULE Dec 8, 18:30"),
            "`Dec 8` needs a year, as in 8 Dec 2026 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 26 18:30"),
            "`8 Dec 26` has a two-digit year: write it with four, as in 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE December 18:30"),
            "`December 18:30` needs a day and a year, as in 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE Wed 8 Dec 2026 18:30"),
            "2026-12-08 is a Tuesday, not a Wednesday."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08T18:30Z"),
            "`2026-12-08T18:30Z` has no time after the T that can be read (write 2026-12-08T18:30, local time without a zone)."
        );
        let u = p("SCHEDULE 2026-12-08").unwrap_err();
        assert_eq!(
            u.to_string(),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30.\nUsage: SCHEDULE date time [place or link]  (local time, e.g. 2026-12-08 18:30 or 8 Dec 2026 18:30)\nExample: SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp"
        );
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
        for s in SPECS {
            let mixed: String = s
                .word
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
    fn help_text() {
        let member = help(false);
        let coord = help(true);
        for w in [
            "RSVP YES|NO|MAYBE",
            "TOPICS",
            "SEARCH words",
            "PAUSE",
            "RESUME",
            "LEAVE",
            "JOIN",
            "HELP",
        ] {
            assert!(member.contains(w), "{w}");
            assert!(coord.contains(w), "{w}");
        }
        for w in [
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
            "TOPIC CLOSE",
            "STATUS",
        ] {
            assert!(!member.contains(&format!("\n{w} ")), "{w} in member help");
            assert!(coord.contains(&format!("\n{w} ")), "{w}");
        }
        // One line per command, each with an example.
        assert_eq!(
            member.lines().filter(|l| l.contains("Example: ")).count(),
            8
        );
        assert_eq!(
            coord.lines().filter(|l| l.contains("Example: ")).count(),
            8 + 12
        );
        assert!(coord.lines().all(|l| l.chars().count() <= 110), "{coord}");
        // Every example in the help parses.
        for l in coord.lines().filter_map(|l| l.split("Example: ").nth(1)) {
            assert!(p(l).is_ok(), "{l}");
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
        for cmd in SPECS.iter().map(|s| s.word).chain(["X", ""]) {
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
}
