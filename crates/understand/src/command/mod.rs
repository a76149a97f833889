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

pub use help::{help, help_rows, HelpRow};
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
    /// A thread of posts (by its number in STATUS and the digest) becomes a topic.
    TopicFromThread(u32),
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
    /// How posts to the list come: "each" as it comes, a daily "digest", or "none".
    Delivery {
        mode: &'static str,
    },
    /// The language of one's own mail: a code of [`LANGUAGES`].
    Language(&'static str),
}

/// The languages mail is written in (and replies are read in), by code.
pub const LANGUAGES: [&str; 6] = ["en", "de", "fr", "es", "nl", "pt"];

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
            Cmd::TopicClose(_) | Cmd::TopicDefer(_) | Cmd::TopicFromThread(_) => "TOPIC",
            Cmd::Status => "STATUS",
            Cmd::Help => "HELP",
            Cmd::Leave => "LEAVE",
            Cmd::Pause => "PAUSE",
            Cmd::Resume => "RESUME",
            Cmd::Rsvp(_) => "RSVP",
            Cmd::Topics => "TOPICS",
            Cmd::Search(_) => "SEARCH",
            Cmd::Join => "JOIN",
            Cmd::Delivery { .. } => "DELIVERY",
            Cmd::Language(_) => "LANGUAGE",
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

/// What was wrong with a command, ready to be said back: the problem (not yet in words), and
/// the row it concerns (its usage line and example; HELP for an unknown command).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    pub problem: Problem,
    /// The word of the command's row in [`SPECS`] (`HELP` for an unknown command).
    pub word: &'static str,
}

impl Usage {
    /// The row's usage line (for an unknown command: how to ask for HELP).
    pub fn usage(&self) -> &'static str {
        match spec(self.word) {
            Some(s) if self.problem.id != "usage-unknown" => s.usage,
            _ => HELP_USAGE,
        }
    }

    /// The row's example (HELP for an unknown command).
    pub fn example(&self) -> &'static str {
        match spec(self.word) {
            Some(s) if self.problem.id != "usage-unknown" => s.example,
            _ => "HELP",
        }
    }
}

/// A problem not yet in words: the id of a message of the catalogs (`usage-…`, and
/// `address-…` for an address, in `templates/texts/*.ftl`) and its placeholders. The daemon
/// says it in the reader's language; nothing here is English (or any language). `names` are
/// placeholders whose value is itself a message (a weekday: `weekday-2`); `line` is the body
/// line it was found on (ATTENDED's list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub names: Vec<(&'static str, &'static str)>,
    pub line: Option<usize>,
}

impl Problem {
    pub fn new(id: &'static str) -> Problem {
        Problem {
            id,
            args: Vec::new(),
            names: Vec::new(),
            line: None,
        }
    }

    /// With the placeholder `k` = `v`.
    pub fn arg(mut self, k: &'static str, v: impl fmt::Display) -> Problem {
        self.args.push((k, v.to_string()));
        self
    }

    /// With the placeholder `k` = the message `id` (said in the same language).
    pub fn name(mut self, k: &'static str, id: &'static str) -> Problem {
        self.names.push((k, id));
        self
    }
}

/// The message id and its placeholders (for logs): `usage-needs-address(word=INVITE)`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(self.names.iter().map(|(k, v)| format!("{k}={v}")))
            .chain(self.line.map(|n| format!("line={n}")))
            .collect();
        write!(f, "{}({})", self.id, args.join(", "))
    }
}

/// Language-free, for logs and errors: the problem's id and placeholders, the usage line and
/// the example (the daemon says it in words, see `Problem`).
impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}; {}]", self.problem, self.usage(), self.example())
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
    /// The usual words of our other languages (language code, words; the first is the one
    /// HELP shows in that language). Read in any language's community, accents optional, but
    /// only as the whole Subject ([`local_word`] tells them apart): `Suche Mitfahrgelegenheit`
    /// stays a conversation, `SUCHE Preise` and `Hilfe` are commands.
    pub local: &'static [(&'static str, &'static [&'static str])],
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
    Spec { word: "RSVP", aliases: &[], local: &[], usage: "RSVP YES|NO|MAYBE", example: "RSVP yes", short: "RSVP YES|NO|MAYBE", what: "answer for the next meeting", who: Who::Everyone, changes: true, read: rsvp },
    Spec { word: "TOPICS", aliases: &[], local: &[("de", &["THEMEN"]), ("fr", &["SUJETS"]), ("es", &["TEMAS"]), ("nl", &["ONDERWERPEN"]), ("pt", &["TEMAS", "TÓPICOS"])], usage: "TOPICS", example: "TOPICS", short: "TOPICS", what: "the open topics, numbered", who: Who::Everyone, changes: false, read: |_| Ok(Cmd::Topics) },
    Spec { word: "SEARCH", aliases: &[], local: &[("de", &["SUCHE", "SUCHEN"]), ("fr", &["RECHERCHE", "CHERCHER"]), ("es", &["BUSCAR", "BÚSQUEDA"]), ("nl", &["ZOEKEN", "ZOEK"]), ("pt", &["PROCURAR", "PESQUISAR"])], usage: "SEARCH words", example: "SEARCH pricing workshops", short: "SEARCH words", what: "search past takeaways, topics and posts", who: Who::Everyone, changes: false, read: search },
    Spec { word: "PAUSE", aliases: &[], local: &[("de", &["PAUSE", "PAUSIEREN"]), ("fr", &["PAUSE"]), ("es", &["PAUSA"]), ("nl", &["PAUZE", "PAUZEREN"]), ("pt", &["PAUSA", "PAUSAR"])], usage: "PAUSE", example: "PAUSE", short: "PAUSE", what: "no mail from the group until you send RESUME", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Pause) },
    Spec { word: "RESUME", aliases: &[], local: &[("de", &["FORTSETZEN"]), ("fr", &["REPRENDRE"]), ("es", &["REANUDAR"]), ("nl", &["HERVATTEN"]), ("pt", &["RETOMAR"])], usage: "RESUME", example: "RESUME", short: "RESUME", what: "mail again after a PAUSE", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Resume) },
    Spec { word: "LEAVE", aliases: &["UNSUBSCRIBE", "SIGNOFF", "OPT-OUT", "UNSUBSCRIBE ME", "REMOVE ME", "OPT OUT"], local: &[("de", &["ABMELDEN", "AUSTRETEN", "AUSTRAGEN", "ABMELDUNG", "AUSTRAGUNG", "ABBESTELLEN", "MICH ABMELDEN", "MICH AUSTRAGEN", "VOM VERTEILER NEHMEN"]), ("fr", &["DÉSINSCRIRE", "DÉSABONNER", "DÉSINSCRIPTION", "DÉSABONNEMENT", "SE DÉSINSCRIRE", "ME DÉSINSCRIRE", "SE DÉSABONNER", "ME DÉSABONNER"]), ("es", &["BAJA", "DESUSCRIBIR", "DESUSCRIBIRME", "DARSE DE BAJA", "DARME DE BAJA", "DAR DE BAJA", "BAJA DE LA LISTA", "DESUSCRIPCIÓN", "CANCELAR SUSCRIPCIÓN"]), ("nl", &["AFMELDEN", "UITSCHRIJVEN", "AFMELDING", "UITSCHRIJVING", "MIJ AFMELDEN", "MIJ UITSCHRIJVEN"]), ("pt", &["SAIR", "DESINSCREVER", "DESCADASTRAR", "DESCADASTRO", "CANCELAR INSCRIÇÃO", "CANCELAR SUBSCRIÇÃO", "SAIR DA LISTA", "DESINSCRIÇÃO", "ME DESCADASTRAR"])], usage: "LEAVE (or UNSUBSCRIBE)", example: "LEAVE", short: "LEAVE (or UNSUBSCRIBE)", what: "leave the group", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Leave) },
    Spec { word: "JOIN", aliases: &[], local: &[], usage: "JOIN", example: "JOIN", short: "JOIN", what: "become a member after visiting as a guest", who: Who::Everyone, changes: true, read: |g| bare(g, Cmd::Join) },
    Spec { word: "LANGUAGE", aliases: &[], local: &[("de", &["SPRACHE"]), ("fr", &["LANGUE"]), ("es", &["IDIOMA"]), ("nl", &["TAAL"]), ("pt", &["IDIOMA"])], usage: "LANGUAGE en|de|fr|es|nl|pt", example: "LANGUAGE de", short: "LANGUAGE xx", what: "the language of your own mail", who: Who::Everyone, changes: true, read: language },
    Spec { word: "DELIVERY", aliases: &[], local: &[("de", &["ZUSTELLUNG"]), ("fr", &["DISTRIBUTION"]), ("es", &["ENTREGA"]), ("nl", &["BEZORGING"]), ("pt", &["ENTREGA"])], usage: "DELIVERY EACH|DIGEST|NONE", example: "DELIVERY DIGEST", short: "DELIVERY EACH|DIGEST|NONE", what: "posts one by one, in a daily digest, or none", who: Who::Everyone, changes: true, read: delivery },
    Spec { word: "HELP", aliases: &[], local: &[("de", &["HILFE"]), ("fr", &["AIDE"]), ("es", &["AYUDA"]), ("nl", &["HULP"]), ("pt", &["AJUDA"])], usage: "HELP", example: "HELP", short: "HELP", what: "this list", who: Who::Everyone, changes: false, read: |_| Ok(Cmd::Help) },
    // coordinator
    Spec { word: "SCHEDULE", aliases: &[], local: &[], usage: "SCHEDULE date time [place or link]  (local time, e.g. 2026-12-08 18:30 or 8 Dec 2026 18:30)", example: "SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp", short: "SCHEDULE date time [place]", what: "a new meeting", who: Who::Coordinator, changes: true, read: schedule },
    Spec { word: "RESCHEDULE", aliases: &[], local: &[], usage: "RESCHEDULE [#id|next] date time [new place or link]", example: "RESCHEDULE #12 2026-12-15 18:30", short: "RESCHEDULE [#id] date time [place]", what: "move the next meeting, or #id", who: Who::Coordinator, changes: true, read: reschedule },
    Spec { word: "CANCEL", aliases: &[], local: &[], usage: "CANCEL [next|#id] [reason]", example: "CANCEL next room closed", short: "CANCEL [next|#id] [reason]", what: "cancel the next meeting, or #id", who: Who::Coordinator, changes: true, read: cancel },
    Spec { word: "INVITE", aliases: &[], local: &[], usage: "INVITE address [name]", example: "INVITE anna@example.org Anna Berg", short: "INVITE address [name]", what: "invite a guest to the next meeting", who: Who::Coordinator, changes: true, read: |g| address_and_name(g).map(|(address, name)| Cmd::Invite { address, name }) },
    Spec { word: "ADD", aliases: &[], local: &[], usage: "ADD address [name]", example: "ADD anna@example.org Anna Berg", short: "ADD address [name]", what: "add a member", who: Who::Coordinator, changes: true, read: |g| address_and_name(g).map(|(address, name)| Cmd::Add { address, name }) },
    Spec { word: "REMOVE", aliases: &[], local: &[], usage: "REMOVE address", example: "REMOVE anna@example.org", short: "REMOVE address", what: "remove someone", who: Who::Coordinator, changes: true, read: |g| one_address(g).map(|address| Cmd::Remove { address }) },
    Spec { word: "PROMOTE", aliases: &[], local: &[], usage: "PROMOTE address", example: "PROMOTE anna@example.org", short: "PROMOTE address", what: "make a guest a member", who: Who::Coordinator, changes: true, read: |g| one_address(g).map(|address| Cmd::Promote { address }) },
    Spec { word: "ATTENDED", aliases: &[], local: &[], usage: "ATTENDED addresses or names, separated by commas (or one per line in the body)", example: "ATTENDED anna@example.org, Bob Meyer", short: "ATTENDED name, address, …", what: "who came to the last meeting", who: Who::Coordinator, changes: true, read: attended },
    Spec { word: "AGENDA", aliases: &[], local: &[], usage: "AGENDA", example: "AGENDA", short: "AGENDA", what: "send the agenda now", who: Who::Coordinator, changes: true, read: |g| bare(g, Cmd::Agenda) },
    Spec { word: "DIGEST", aliases: &[], local: &[], usage: "DIGEST", example: "DIGEST", short: "DIGEST", what: "send the digest now", who: Who::Coordinator, changes: true, read: |g| bare(g, Cmd::Digest) },
    Spec { word: "TOPIC", aliases: &[], local: &[], usage: "TOPIC CLOSE n | TOPIC DEFER n | TOPIC FROM THREAD n", example: "TOPIC CLOSE 3", short: "TOPIC CLOSE n|DEFER n|FROM THREAD n", what: "close or defer a topic, or make a thread a topic", who: Who::Coordinator, changes: true, read: topic },
    // STATUS only reads, but what it shows (guests' addresses, mail waiting) is the coordinator's.
    Spec { word: "STATUS", aliases: &[], local: &[], usage: "STATUS", example: "STATUS", short: "STATUS", what: "next meeting, answers, topics, guests, mail waiting", who: Who::Coordinator, changes: false, read: |_| Ok(Cmd::Status) },
];

const HELP_USAGE: &str = "send HELP for the list of commands";

/// The row of a command word, alias or local word (upper-case; a local word's accents are
/// optional).
pub fn spec(word: &str) -> Option<&'static Spec> {
    SPECS
        .iter()
        .find(|s| s.word == word || s.aliases.contains(&word))
        .or_else(|| local_word(word).map(|(s, _)| s))
}

/// A word of another language for a command (`HILFE`, `désinscrire`, `tópicos`; any case,
/// accents optional), that is not also an English word or alias: its row and its language.
pub fn local_word(word: &str) -> Option<(&'static Spec, &'static str)> {
    let w = fold(word);
    if SPECS
        .iter()
        .any(|s| s.word == w || s.aliases.iter().any(|a| fold(a) == w))
    {
        return None;
    }
    SPECS.iter().find_map(|s| {
        s.local
            .iter()
            .find(|(_, words)| words.iter().any(|x| fold(x) == w))
            .map(|(lang, _)| (s, *lang))
    })
}

/// The word HELP shows for a command in `lang`: its first local word, or the English one.
pub fn word_in(s: &Spec, lang: &str) -> &'static str {
    s.local
        .iter()
        .find(|(l, _)| *l == lang)
        .and_then(|(_, words)| words.first().copied())
        .unwrap_or(s.word)
}

/// Upper case without accents: how command words are compared (`Désinscrire` = `DESINSCRIRE`).
fn fold(word: &str) -> String {
    word.to_uppercase()
        .chars()
        .map(|c| match c {
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
            'Ç' => 'C',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'Ñ' => 'N',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            c => c,
        })
        .collect()
}

/// Words of politeness around a request in a Subject ("Bitte abmelden", "Uitschrijven a.u.b.",
/// "Please unsubscribe me"), folded, in the six languages.
const POLITE: &[&str] = &[
    "PLEASE",
    "PLS",
    "PLZ",
    "THANKS",
    "THANK YOU",
    "THX",
    "BITTE",
    "DANKE",
    "MERCI",
    "SVP",
    "S IL VOUS PLAIT",
    "S IL TE PLAIT",
    "POR FAVOR",
    "GRACIAS",
    "PORFA",
    "GRAAG",
    "AUB",
    "ALSTUBLIEFT",
    "ALSJEBLIEFT",
    "BEDANKT",
    "DANK U",
    "OBRIGADO",
    "OBRIGADA",
    "POR GENTILEZA",
];

/// A Subject that is, as a whole, one of the commands that take nothing and change something
/// (LEAVE, PAUSE, RESUME, …) written as a phrase of the spec table or with politeness around
/// it: "Se désinscrire", "Darse de baja", "Cancelar inscrição", "Bitte abmelden",
/// "Please unsubscribe me". The phrases are data in [`SPECS`] (a `local` word or an alias may
/// have several words), so a language gains a synonym by a table entry, not a rule; and the
/// whole Subject must be the phrase (politeness aside), so "Baja por maternidad" or "Se
/// désabonner de la lettre de la mairie ?" stay people talking. Returns the words as written
/// (politeness off), which [`spec`] finds.
pub(crate) fn whole_subject_phrase(subject: &str) -> Option<String> {
    // Tokens as written and folded; dots, commas, "!" and "?" only separate ("a.u.b." = AUB).
    let mut written: Vec<String> = Vec::new();
    for raw in subject.split(|c: char| c.is_whitespace() || ",;:!?¡¿()".contains(c)) {
        let w = raw.trim_matches(|c: char| c == '.' || c == '\'' || c == '’');
        if w.is_empty() {
            continue;
        }
        if w.contains('.') && w.chars().all(|c| c == '.' || c.is_alphabetic()) {
            // "a.u.b." → "aub"
            written.push(w.replace('.', ""));
        } else {
            written.push(w.replace(['\'', '’'], " "));
        }
    }
    let mut words: Vec<String> = written
        .join(" ")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let polite_at = |words: &[String], front: bool| -> usize {
        POLITE
            .iter()
            .map(|p| p.split(' ').collect::<Vec<_>>())
            .filter(|p| {
                p.len() <= words.len() && {
                    let part = if front {
                        &words[..p.len()]
                    } else {
                        &words[words.len() - p.len()..]
                    };
                    part.iter().zip(p).all(|(w, x)| fold(w) == *x)
                }
            })
            .map(|p| p.len())
            .max()
            .unwrap_or(0)
    };
    loop {
        let n = polite_at(&words, true);
        if n == 0 || n == words.len() {
            break;
        }
        words.drain(..n);
    }
    loop {
        let n = polite_at(&words, false);
        if n == 0 || n == words.len() {
            break;
        }
        words.truncate(words.len() - n);
    }
    let phrase = words.join(" ").to_uppercase();
    let s = spec(&phrase).or_else(|| spec(&fold(&phrase)))?;
    // Only the commands that take nothing and change something: "Please help" or "Bitte
    // Hilfe" over a question is a person asking, not HELP.
    if !(s.changes && s.example == s.word && s.who == Who::Everyone) {
        return None;
    }
    Some(phrase)
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
            problem: Problem::new("usage-unknown").arg("word", show(command.trim())),
            word: "HELP",
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
    fn fail(&self, problem: Problem) -> Usage {
        Usage {
            problem,
            word: self.spec.word,
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
        None => return Err(g.fail(Problem::new("usage-reschedule-needs-when"))),
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
        return Err(g.fail(Problem::new("usage-reschedule-needs-when-after")));
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
            return Err(g.fail(
                Problem::new("usage-cancel-date")
                    .arg("date", show(&args[..args.len().min(3)].join(" "))),
            ));
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
        Some(checked_text(g, "reason", &reason, MAX_REASON)?)
    };
    Ok(Cmd::Cancel { meeting, reason })
}

fn meeting_id(g: &Given<'_>, tok: &str) -> Result<i64, Usage> {
    let t = clean(tok);
    let digits = t.strip_prefix('#').unwrap_or(t);
    match digits.parse::<i64>() {
        Ok(n) if n > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(n),
        _ => Err(g.fail(Problem::new("usage-not-meeting-number").arg("written", show(tok)))),
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
        Some(checked_text(g, "place", &place, MAX_PLACE)?)
    };
    Ok((when, place))
}

fn address_and_name(g: &Given<'_>) -> Result<(Address, Option<String>), Usage> {
    let (w, args) = (g.word, g.args);
    if args.is_empty() {
        return Err(g.fail(Problem::new("usage-needs-address").arg("word", w)));
    }
    let (addrs, words): (Vec<&str>, Vec<&str>) = args.iter().partition(|t| t.contains('@'));
    let address = match addrs.as_slice() {
        [] => {
            return Err(g.fail(
                Problem::new("usage-no-address-in")
                    .arg("word", w)
                    .arg("written", show(&args.join(" "))),
            ))
        }
        [one] => Address::parse(one).map_err(|p| g.fail(p.problem()))?,
        more => {
            return Err(g.fail(
                Problem::new("usage-one-address-at-a-time")
                    .arg("word", w)
                    .arg("count", more.len())
                    .arg(
                        "addresses",
                        more.iter().map(|a| show(a)).collect::<Vec<_>>().join(", "),
                    ),
            ))
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
        [] => Err(g.fail(Problem::new("usage-needs-address").arg("word", w))),
        [one] => Address::parse(one).map_err(|p| g.fail(p.problem())),
        [_, more @ ..] => Err(g.fail(
            Problem::new("usage-just-one-address")
                .arg("word", w)
                .arg("extra", show(&more.join(" "))),
        )),
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
        for p in person_piece(g, &piece, None)? {
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
            for p in person_piece(g, piece, Some(n + 1))? {
                push(p);
            }
        }
    }
    if people.is_empty() {
        return Err(g.fail(Problem::new("usage-attended-needs")));
    }
    if people.len() > MAX_ATTENDED {
        return Err(g.fail(
            Problem::new("usage-attended-too-many")
                .arg("count", people.len())
                .arg("max", MAX_ATTENDED),
        ));
    }
    Ok(Cmd::Attended { people })
}

/// One comma-separated piece of an ATTENDED list: a name, an address (a name next to it is
/// dropped: `Anna Berg <anna@x.org>`), or several addresses.
fn person_piece(g: &Given<'_>, piece: &str, line: Option<usize>) -> Result<Vec<String>, Usage> {
    let at = |mut u: Usage| {
        u.problem.line = line;
        u
    };
    let words: Vec<&str> = piece.split_whitespace().collect();
    let addrs: Vec<&str> = words.iter().copied().filter(|w| w.contains('@')).collect();
    if addrs.is_empty() {
        let name = unquote(&words.join(" "));
        if name.is_empty() {
            return Ok(vec![]);
        }
        if name.starts_with('#') {
            return Err(at(g.fail(
                Problem::new("usage-attended-not-a-person").arg("written", show(&name)),
            )));
        }
        let name = checked_name(g, &name).map_err(at)?;
        return Ok(vec![name]);
    }
    // Several addresses alone, or one `<address>` with its display name; anything else mixes
    // names and addresses without commas.
    let display_name_form = addrs.len() == 1 && addrs[0].starts_with('<');
    if addrs.len() != words.len() && !display_name_form {
        return Err(at(g.fail(
            Problem::new("usage-attended-who-is-who").arg("written", show(piece.trim())),
        )));
    }
    addrs
        .iter()
        .map(|a| {
            Address::parse(a)
                .map(|a| a.to_string())
                .map_err(|p| at(g.fail(p.problem())))
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
        return Err(g.fail(Problem::new("usage-topic-needs")));
    };
    let sub_up = clean(sub).to_uppercase();
    if sub_up == "FROM" {
        return topic_from_thread(g);
    }
    let close = match sub_up.as_str() {
        "CLOSE" => true,
        "DEFER" => false,
        _ => return Err(g.fail(Problem::new("usage-topic-takes").arg("written", show(sub)))),
    };
    let n = match &args[1..] {
        [] => return Err(g.fail(Problem::new("usage-topic-needs-number").arg("sub", &sub_up))),
        [n] => *n,
        [_, more @ ..] => {
            return Err(g.fail(
                Problem::new("usage-topic-one-number")
                    .arg("sub", &sub_up)
                    .arg("extra", show(&more.join(" "))),
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
        _ => Err(g.fail(Problem::new("usage-not-topic-number").arg("written", show(n)))),
    }
}

/// TOPIC FROM THREAD n: the thread numbered n in STATUS and the digest becomes a topic.
fn topic_from_thread(g: &Given<'_>) -> Result<Cmd, Usage> {
    let usage = || Problem::new("usage-topic-from-thread");
    let (Some(word), Some(n), None) = (g.args.get(1), g.args.get(2), g.args.get(3)) else {
        return Err(g.fail(usage()));
    };
    if !clean(word).eq_ignore_ascii_case("thread") {
        return Err(g.fail(usage()));
    }
    let digits = clean(n).trim_end_matches('.');
    let digits = digits.strip_prefix('#').unwrap_or(digits);
    match digits.parse::<u32>() {
        Ok(k) if k > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(Cmd::TopicFromThread(k)),
        _ => Err(g.fail(Problem::new("usage-not-thread-number").arg("written", show(n)))),
    }
}

fn rsvp(g: &Given<'_>) -> Result<Cmd, Usage> {
    // Words after the answer ("RSVP yes, 15 min late") are ignored.
    let Some(first) = g.args.first() else {
        return Err(g.fail(Problem::new("usage-rsvp-needs")));
    };
    let w = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match w.as_str() {
        "yes" => Ok(Cmd::Rsvp(Response::Yes)),
        "no" => Ok(Cmd::Rsvp(Response::No)),
        "maybe" => Ok(Cmd::Rsvp(Response::Maybe)),
        _ => Err(g.fail(Problem::new("usage-rsvp-not").arg("written", show(first)))),
    }
}

/// DELIVERY's choices in our other languages (language, EACH, DIGEST, NONE), as HELP shows
/// them; the English words always work too.
pub const DELIVERY_WORDS: &[(&str, &str, &str, &str)] = &[
    ("de", "EINZELN", "ZUSAMMENFASSUNG", "KEINE"),
    ("fr", "CHAQUE", "RÉSUMÉ", "AUCUNE"),
    ("es", "CADA", "RESUMEN", "NINGUNA"),
    ("nl", "ELK", "OVERZICHT", "GEEN"),
    ("pt", "CADA", "RESUMO", "NENHUMA"),
];

fn delivery(g: &Given<'_>) -> Result<Cmd, Usage> {
    let Some(first) = g.args.first() else {
        return Err(g.fail(Problem::new("usage-delivery-needs")));
    };
    let value = fold(clean(first));
    let english = [("each", "each"), ("digest", "digest"), ("none", "none")];
    let local = DELIVERY_WORDS
        .iter()
        .flat_map(|(_, e, d, n)| [(fold(e), "each"), (fold(d), "digest"), (fold(n), "none")]);
    english
        .iter()
        .map(|(w, m)| (fold(w), *m))
        .chain(local)
        .find(|(w, _)| *w == value)
        .map(|(_, mode)| Cmd::Delivery { mode })
        .ok_or_else(|| g.fail(Problem::new("usage-delivery-not").arg("written", show(first))))
}

fn language(g: &Given<'_>) -> Result<Cmd, Usage> {
    let Some(first) = g.args.first() else {
        return Err(g.fail(Problem::new("usage-language-needs")));
    };
    let word = clean(first).to_lowercase();
    // The code, or the language's name in English or in itself.
    let code = match word.as_str() {
        "english" => "en",
        "german" | "deutsch" => "de",
        "french" | "français" | "francais" => "fr",
        "spanish" | "español" | "espanol" => "es",
        "dutch" | "nederlands" => "nl",
        "portuguese" | "português" | "portugues" => "pt",
        w => w,
    };
    match LANGUAGES.iter().find(|l| **l == code) {
        Some(l) => Ok(Cmd::Language(l)),
        None => Err(g.fail(Problem::new("usage-language-not").arg("written", show(first)))),
    }
}

fn search(g: &Given<'_>) -> Result<Cmd, Usage> {
    let q = g.args.join(" ");
    if q.is_empty() {
        return Err(g.fail(Problem::new("usage-search-needs")));
    }
    let q = checked_text(g, "search", &q, MAX_SEARCH)?;
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
    Err(g.fail(
        Problem::new("usage-takes-nothing")
            .arg("word", g.word)
            .arg("extra", show(&g.args.join(" "))),
    ))
}

// ---------------------------------------------------------------------------------------------
// text checks

/// Checked text for a header or a mail: no control characters (nor Unicode line separators or
/// bidirectional overrides), at most `max` characters. `what`: reason, place, name or search.
fn checked_text(g: &Given<'_>, what: &str, text: &str, max: usize) -> Result<String, Usage> {
    if let Some(c) = text.chars().find(|c| forbidden(*c)) {
        return Err(g.fail(
            Problem::new("usage-control-character")
                .arg("what", what)
                .arg("code", format!("U+{:04X}", c as u32)),
        ));
    }
    let n = text.chars().count();
    if n > max {
        return Err(g.fail(
            Problem::new("usage-too-long")
                .arg("what", what)
                .arg("count", n)
                .arg("max", max),
        ));
    }
    Ok(text.to_string())
}

fn checked_name(g: &Given<'_>, name: &str) -> Result<String, Usage> {
    let name = checked_text(g, "name", name, MAX_NAME)?;
    if let Some(c) = name.chars().find(|c| "<>\"\\".contains(*c)) {
        return Err(g.fail(
            Problem::new("usage-name-may-not-contain")
                .arg("name", show(&name))
                .arg("char", c),
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

/// A token without the comma or semicolon that ends it in a list.
fn clean(t: &str) -> &str {
    t.trim_end_matches([',', ';'])
}

#[cfg(test)]
pub(super) mod tests;
