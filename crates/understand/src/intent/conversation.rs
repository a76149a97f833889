//! A person talking to people: a question or a remark, told apart from an answer (DESIGN.md,
//! "How a message is understood", step 6). Only what looks like a failed answer is unclear.
//!
//! The rules, per what the message answers:
//! - **announcement, agenda** (`Asked::Rsvp`): a reply with no RSVP in it is conversation when
//!   it asks a question of a few words ("Is this the same room as last time?"), or makes a
//!   remark of five words or more that says nothing about coming ("the side door is open").
//!   What is left — a bare "?", one or two words, "yes no", a sentence about coming that
//!   answers nothing ("I'd love to come but …") — looks like a failed RSVP: unclear. An RSVP
//!   that also asks keeps its answer and its question ([`question_in`]).
//! - **call for topics** (`Asked::Topics`): a topic is often proposed as a question ("How do we
//!   price retainers?"), so a question is conversation only when it is plainly put to people:
//!   a yes/no question ("Is the meeting online?", "¿Hay grabación?"), a question about where or
//!   what time, about the meeting itself, or a request ("Can someone give me a lift?"). An open
//!   how/why/what question is a topic, and so is anything that names a topic or a discussion.
//! - **takeaway request** (`Asked::Takeaways`): takeaways are statements, so a reply that opens
//!   with a question is conversation.
//! - **guest follow-up** (`Asked::Followup`): a question instead of JOIN / no thanks.

use super::words::{
    is_list_heading, list_items, paragraphs, sentence_spans, strip_greeting_and_closing, tokens,
};
use crate::text::fold;

/// Interrogative words that open an open question (folded), in the six languages.
const WH: &[&str] = &[
    "what", "how", "why", "when", "where", "who", "which", "whom", "whose", // en
    "was", "wie", "warum", "wieso", "weshalb", "wann", "wo", "wer", "welche", "welcher", "welches",
    "woher", "wohin", "weshalb", // de
    "que", "quoi", "comment", "pourquoi", "quand", "ou", "qui", "quel", "quelle", "quels",
    "quelles", "combien", // fr
    "como", "por", "cuando", "donde", "quien", "cual", "cuanto", "cuantos", "cuantas", // es
    "wat", "hoe", "waarom", "wanneer", "waar", "welke", // nl
    "porque", "quando", "onde", "quem", "qual", "quanto", "quantos", "o", // pt ("o que")
];

/// Words that may come before the question proper ("But how …", "Und wo …").
const LEAD_INS: &[&str] = &[
    "but", "and", "also", "so", "oh", "btw", "aber", "und", "noch", "mais", "et", "alors", "pero",
    "y", "entonces", "maar", "en", "dus", "mas", "e", "entao", "also", "ps",
];

/// Words of a question about where, when or how the meeting happens (folded). A question
/// naming one of them is put to people, whatever its form.
const LOGISTICS: &[&str] = &[
    // en
    "room",
    "venue",
    "location",
    "address",
    "online",
    "zoom",
    "link",
    "parking",
    "recording",
    "recorded",
    "slides",
    "agenda",
    "lift",
    "ride",
    "station",
    "entrance",
    "in-person",
    // de
    "raum",
    "ort",
    "adresse",
    "parkplatz",
    "parken",
    "aufzeichnung",
    "folien",
    "bahnhof",
    "eingang",
    "tagesordnung",
    "treffen",
    "treffpunkt",
    // fr
    "salle",
    "lieu",
    "adresse",
    "lien",
    "visio",
    "enregistrement",
    "diapos",
    "gare",
    "entree",
    "reunion",
    // es
    "sala",
    "lugar",
    "direccion",
    "enlace",
    "aparcamiento",
    "estacionamiento",
    "grabacion",
    "diapositivas",
    "estacion",
    "entrada",
    // nl
    "zaal",
    "ruimte",
    "locatie",
    "adres",
    "parkeren",
    "parkeerplaats",
    "opname",
    "ingang",
    "bijeenkomst",
    // pt
    "local",
    "endereco",
    "estacionamento",
    "gravacao",
    "estacao",
    "presencial",
    "boleia",
    "carona",
    "reuniao",
];

/// Phrases (folded words) that put a question to people: asking someone, asking leave,
/// asking what time. Matched anywhere in the question.
const TO_PEOPLE: &[&str] = &[
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "can i",
    "could i",
    "may i",
    "can you",
    "could you",
    "would you",
    "what time",
    "when is it",
    "when does it",
    "the meeting",
    "this meeting",
    "next meeting",
    "our meeting",
    "jemand",
    "kann ich",
    "darf ich",
    "kannst du",
    "konnen sie",
    "konnt ihr",
    "wie viel uhr",
    "um wieviel uhr",
    "das treffen",
    "quelqu'un",
    "puis je",
    "je peux",
    "pouvez vous",
    "pourriez vous",
    "peux tu",
    "quelle heure",
    "la reunion",
    "alguien",
    "puedo",
    "puedes",
    "podrias",
    "podeis",
    "que hora",
    "la reunion",
    "iemand",
    "kan ik",
    "mag ik",
    "kun je",
    "kunt u",
    "kunnen jullie",
    "hoe laat",
    "de bijeenkomst",
    "alguem",
    "posso",
    "pode me",
    "podes",
    "que horas",
    "a reuniao",
];

/// Words that make a question a topic proposal ("Should we talk about AI tools?").
const TOPIC_WORDS: &[&str] = &[
    "topic",
    "topics",
    "discuss",
    "discussion",
    "talk about",
    "thema",
    "themen",
    "besprechen",
    "sprechen uber",
    "sujet",
    "discuter",
    "parler de",
    "tema",
    "temas",
    "hablar de",
    "discutir",
    "onderwerp",
    "bespreken",
    "praten over",
    "topico",
    "falar sobre",
];

/// Words about coming or not: a remark with one of them answers the invitation, badly.
const ATTENDANCE: &[&str] = &[
    "come",
    "coming",
    "attend",
    "make it",
    "join",
    "there",
    "rsvp",
    "love to",
    "let you know",
    "confirm",
    "kommen",
    "komme",
    "teilnehmen",
    "dabei",
    "bescheid",
    "venir",
    "viens",
    "assister",
    "confirmer",
    "ir",
    "voy",
    "asistir",
    "confirmar",
    "komen",
    "kom",
    "erbij",
    "laten weten",
    "vir",
    "vou",
    "participar",
    // Not yet: "let me look at my calendar first".
    "calendar",
    "diary",
    "schedule",
    "check",
    "get back",
    "kalender",
    "nachsehen",
    "calendrier",
    "verifier",
    "agenda",
    "calendario",
    "revisar",
    "kijken",
    "verificar",
];

/// Openings of a question that offers something to talk about (folded): "what about …?",
/// "how about …?", "wie wäre es mit …?", "et si on …?", "¿qué tal si …?", "wat dacht je van
/// …?", "que tal …?" — a proposal in question form, the same move in each language.
const PROPOSING: &[&str] = &[
    "what about",
    "how about",
    "wie ware es",
    "wie waers",
    "was haltet ihr von",
    "et si",
    "que diriez vous",
    "que tal",
    "y si",
    "wat dacht je",
    "wat dachten jullie",
    "wat vinden jullie van",
    "e se",
    "que tal",
];

/// Rhetorical questions that ask nobody anything.
const RHETORICAL: &[&str] = &[
    "why not",
    "warum nicht",
    "pourquoi pas",
    "por que no",
    "porque no",
    "waarom niet",
    "por que nao",
    "porque nao",
];

/// A question sentence of the text, with its words (folded).
struct Question {
    text: String,
    words: Vec<String>,
}

/// The own words without greeting and closing, each paragraph on one line: a question that a
/// mail client wrapped over two lines is one sentence.
fn flat(text: &str) -> String {
    paragraphs(&strip_greeting_and_closing(text))
        .iter()
        .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the first sentence of `body` (see [`flat`]) is a question.
fn opens_with_question(body: &str) -> bool {
    sentence_spans(body).first().is_some_and(|&(s, e)| {
        let first = body[s..e].trim();
        first.ends_with('?') || first.starts_with('¿')
    })
}

/// The question sentences: ending with "?" (French "… ?" too) or opening with "¿".
fn questions(text: &str) -> Vec<Question> {
    let body = flat(text);
    sentence_spans(&body)
        .into_iter()
        .map(|(s, e)| body[s..e].trim())
        .filter(|s| s.ends_with('?') || s.starts_with('¿'))
        .map(|s| Question {
            text: s.to_string(),
            words: tokens(s).into_iter().map(|w| w.folded).collect(),
        })
        .filter(|q| !q.words.is_empty())
        .collect()
}

/// Whether `phrase` (folded words, space-separated) occurs in `words`.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

fn has_any(words: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(words, p))
}

impl Question {
    /// A real question to someone: two words at least, and not "why not?".
    fn asks(&self) -> bool {
        self.words.len() >= 2 && !RHETORICAL.contains(&self.words.join(" ").as_str())
    }

    /// The question's first word after "but", "and" ….
    fn first(&self) -> Option<&str> {
        self.words
            .iter()
            .map(String::as_str)
            .find(|w| !LEAD_INS.contains(w))
    }

    /// An open question (how, why, what …) rather than a yes/no one.
    fn is_open(&self) -> bool {
        // "Est-ce que …" is the French yes/no form, not "que".
        self.first().is_some_and(|w| WH.contains(&w)) && !has_phrase(&self.words, "est ce que")
    }

    /// "Where …?": asks for a place, nothing to talk about.
    fn asks_where(&self) -> bool {
        self.first()
            .is_some_and(|w| ["where", "wo", "ou", "donde", "waar", "onde"].contains(&w))
    }

    /// Plainly put to people rather than proposing something to talk about.
    fn to_people(&self) -> bool {
        if has_any(&self.words, TOPIC_WORDS) {
            return false;
        }
        // "What about a session on discounts?", "Wie wäre es mit …?", "Et si on parlait de
        // …?", "¿Qué tal si …?": a question that opens by offering something proposes it.
        if PROPOSING
            .iter()
            .any(|p| has_phrase(&self.words[..self.words.len().min(6)], p))
        {
            return false;
        }
        !self.is_open()
            || self.asks_where()
            || has_any(&self.words, LOGISTICS)
            || has_any(&self.words, TO_PEOPLE)
    }
}

/// The questions of an RSVP's note, for the coordinator ("Is there parking?"), or None.
pub(super) fn question_in(note: &str) -> Option<String> {
    let qs: Vec<String> = questions(note)
        .into_iter()
        .filter(Question::asks)
        .map(|q| q.text)
        .collect();
    (!qs.is_empty()).then(|| qs.join(" "))
}

/// A reply to the announcement or agenda with no RSVP in it: a person talking (a question, or
/// a remark that is not about coming), rather than a failed RSVP.
pub(super) fn talks_instead_of_rsvp(text: &str) -> bool {
    if questions(text).iter().any(Question::asks) {
        return true;
    }
    let body = fold(&flat(text));
    let words: Vec<String> = tokens(&body).into_iter().map(|w| w.folded).collect();
    words.len() >= 5 && !has_any(&words, ATTENDANCE)
}

/// A reply to the call for topics that is a question plainly put to people: no list, not long,
/// and its first question is to people (see [`Question::to_people`]).
pub(super) fn asks_instead_of_topics(text: &str) -> bool {
    let body = strip_greeting_and_closing(text);
    if !list_items(&body).is_empty() {
        return false;
    }
    // "Buchhaltungssoftware – was nutzt ihr?", "Suggestie: hoe bepaal je je tarieven?": a
    // head, then a colon or a dash, then the question — a topic put as a question, which is
    // how people propose one; the head is its title.
    let titled = body.trim().lines().next().is_some_and(|l| {
        [": ", " – ", " - ", " — "].iter().any(|sep| {
            l.split_once(sep).is_some_and(|(head, q)| {
                let n = head.split_whitespace().count();
                // "Here's an idea: what about a session on …? I get one a week.": a head of
                // proposing ("Here's an idea", "Vorschlag", "Sugestão") says a topic follows,
                // whatever sentences come after the question.
                let proposing = super::topics::is_leadin(head) && q.contains('?');
                (1..=6).contains(&n)
                    && !head.contains('?')
                    && (q.trim_end().ends_with('?') || proposing)
            })
        })
    });
    // "Une idée :" / "Mein Vorschlag wäre:" on a line of its own, the question below: the
    // lead-in says a topic is being proposed.
    let announced = body.trim().lines().next().is_some_and(|l| {
        is_list_heading(l) && super::topics::is_leadin(l.trim().trim_end_matches(':'))
    });
    if titled || announced {
        return false;
    }
    let body = flat(text);
    let all: Vec<String> = tokens(&body).into_iter().map(|w| w.folded).collect();
    if all.len() > 60 || has_any(&all, TOPIC_WORDS) {
        return false;
    }
    let qs = questions(text);
    // "Where"/"when" speak of the meeting only as the question's own word ("Wann beginnt
    // es?"); inside a sentence they are conjunctions ("comment fixer ses tarifs quand on
    // débute ?", "how to say no when you need the money?"), and the question is a topic.
    let of_meeting = MEETING_WORDS
        .iter()
        .filter(|w| !WHERE_WHEN.contains(w))
        .any(|p| has_phrase(&all, p))
        || qs.iter().any(|q| {
            // "Where is it?", "Wann beginnt es?": a short where/when question asks after the
            // meeting. A longer one names something else to find or to time ("Where do you
            // find new clients?", "When do you raise your rates?") and is a topic — unless
            // it names a place's logistics ("Wo kann man da in der Nähe parken?").
            q.first().is_some_and(|w| WHERE_WHEN.contains(&w))
                && (q.words.len() <= 5 || has_any(&q.words, LOGISTICS))
        });
    opens_with_question(&body)
        && qs.first().is_some_and(|q| q.asks() && q.to_people())
        && of_meeting
}

/// Whether a (folded) word opens a question: how, what, wie, comment, cómo, hoe, como, ….
pub(super) fn opens_question(w: &str) -> bool {
    WH.contains(&w)
}

/// The interrogatives of place and time among [`MEETING_WORDS`] (folded; "ou" is French "où").
const WHERE_WHEN: &[&str] = &[
    "where", "when", "wo", "wann", "ou", "quand", "donde", "cuando", "waar", "wanneer", "onde",
    "quando",
];

/// Words of the meeting itself: where, when, online, the room, a recording (folded, six
/// languages).
///
/// Why: under a call for topics, people propose topics as questions ("Does anyone still get
/// work through their website?", "Wie findet ihr neue Kunden?"). The questions that are not
/// proposals ask about the meeting ("Is the meeting online?", "Waar is de bijeenkomst?"). So a
/// question is talk instead of a topic only when it speaks of the meeting; otherwise it is the
/// topic.
const MEETING_WORDS: &[&str] = &[
    "meeting",
    "meetup",
    "session",
    "roundtable",
    "room",
    "venue",
    "where",
    "when",
    "time",
    "online",
    "zoom",
    "link",
    "recorded",
    "recording",
    "parking",
    "address",
    "location",
    "office",
    "treffen",
    "termin",
    "raum",
    "wo",
    "wann",
    "uhrzeit",
    "uhr",
    "aufgezeichnet",
    "ort",
    "statt",
    "reunion",
    "rencontre",
    "salle",
    "ou",
    "quand",
    "heure",
    "enregistree",
    "enregistre",
    "lien",
    "lieu",
    "sala",
    "donde",
    "cuando",
    "hora",
    "grabacion",
    "grabada",
    "enlace",
    "lugar",
    "bijeenkomst",
    "waar",
    "wanneer",
    "zaal",
    "tijd",
    "opgenomen",
    "locatie",
    "reuniao",
    "encontro",
    "onde",
    "gravado",
    "gravada",
    "lift",
    "ride",
    "carpool",
    "mitnehmen",
    "mitfahren",
    "covoiturage",
    "emmener",
    "llevar",
    "meerijden",
    "boleia",
    "carona",
    "opname",
    "aufnahme",
    "start",
    "begin",
    "beginnt",
    "commence",
    "empieza",
    "comeca",
    "local",
];

/// A reply to the takeaway request (or the guest follow-up) that opens with a question.
pub(super) fn asks_instead_of_answering(text: &str) -> bool {
    opens_with_question(&flat(text)) && questions(text).first().is_some_and(Question::asks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_remarks_instead_of_an_rsvp() {
        for t in [
            "Is this the same room as last time?",
            "What time is it again?",
            "Kann mich jemand vom Bahnhof mitnehmen?",
            "Où est-ce exactement ?",
            "¿A qué hora empieza?",
            "Waar is het precies?",
            "Onde fica a sala?",
            "FYI the lift in the building is broken, take the stairs on the left.",
        ] {
            assert!(talks_instead_of_rsvp(t), "{t:?}");
        }
        for t in [
            "?",
            "y?",
            "yse",
            "Да, приду.",
            "Why not?",
            "I'd love to come but I have a dentist appointment.",
            "Will let you know tomorrow, busy week.",
            "hmm, let me look at my calendar and the train times first",
        ] {
            assert!(!talks_instead_of_rsvp(t), "{t:?}");
        }
    }

    #[test]
    fn a_question_is_a_topic_unless_plainly_put_to_people() {
        for t in [
            "Is the meeting online?",
            "Gibt es einen Link für das Treffen?",
            "Can someone give me a lift?",
            "What time does it start?",
            "Where is it this time?",
            "La réunion est-elle en ligne ?",
            "¿Dónde es la reunión?",
            "Is er een opname?",
        ] {
            assert!(asks_instead_of_topics(t), "{t:?}");
        }
        for t in [
            "How do we price retainers?",
            "How do you handle scope creep?",
            "Why do clients pay late?",
            "Should we talk about AI tools?",
            "- Pricing?\n- Contracts?",
            "Pricing. Is it a good topic?",
            "Pricing for small clients",
            // "quand" and "when" inside a sentence are conjunctions, not the meeting's time.
            "Comment fixer ses tarifs quand on débute ?",
            "How do you say no when you need the money?",
            "Une idée :\nOù trouver des clients à l'étranger ?",
        ] {
            assert!(!asks_instead_of_topics(t), "{t:?}");
        }
    }

    #[test]
    fn the_question_of_an_rsvp() {
        assert_eq!(
            question_in("Is there parking?").as_deref(),
            Some("Is there parking?")
        );
        assert_eq!(question_in("15 min late"), None);
        assert_eq!(question_in("why not?"), None);
    }
}
