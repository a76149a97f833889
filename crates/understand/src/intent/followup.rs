//! Replies to a guest's follow-up (would they like to join the group?): join or no thanks. A
//! negated join word is a decline; without join words or decline phrases, an RSVP's yes / no
//! decides.

use super::rsvp::{rsvp, Rsvp};
use super::words::{answer_window, phrase_at, tokens};
use crate::text::fold;
use crate::Intent;
use crate::Response::{Maybe, No, Yes};

/// Interrogative words that open a question about the group rather than an answer to it
/// ("What does it cost to join?", "Wie oft trefft ihr euch?"), folded.
const INTERROGATIVES: &[&str] = &[
    "what", "how", "when", "where", "which", "who", "why", "do", "does", "is", "are", "was", "wie",
    "wann", "wo", "welche", "warum", "muss", "quand", "comment", "combien", "ou", "que", "quel",
    "quelle", "est", "cuanto", "cuando", "como", "donde", "que", "hay", "hoe", "wat", "wanneer",
    "waar", "moet", "quanto", "quando", "onde", "qual",
];

/// Openings of a condition ("If it moves to Tuesdays, …", "Si les rencontres passent au
/// mardi, …", "Wenn es abends ist, …"), folded. A condition is told from Spanish "Sí, …" by
/// its shape, not its word: at least two words follow it before the comma.
const CONDITIONS: &[&str] = &["if", "si", "wenn", "falls", "als", "se", "caso", "indien"];

/// Whether the sentence holding byte `at` of `f` is a question that asks (opens with an
/// interrogative) or a condition (opens with "if …,").
///
/// Why structure: guests who ask about the group or attach a condition use the join word
/// ("what does it cost to join", "si …, je m'inscris volontiers") without joining. The
/// shape of the sentence — a question mark and an interrogative opening, or a leading
/// conditional clause — tells it in every language, where a list of such sentences never
/// ends.
fn asks_or_conditions(f: &str, at: usize) -> bool {
    let start = f[..at]
        .rfind(['.', '!', '?', '\n'])
        .map(|p| p + 1)
        .unwrap_or(0);
    let end = f[at..]
        .find(['.', '!', '?', '\n'])
        .map(|p| at + p)
        .unwrap_or(f.len());
    let sentence = f[start..end].trim();
    let ws = tokens(sentence);
    let Some(first) = ws.first() else {
        return false;
    };
    let question = f[end..].starts_with('?');
    if question && INTERROGATIVES.contains(&first.folded.as_str()) {
        return true;
    }
    if CONDITIONS.contains(&first.folded.as_str()) {
        if let Some(comma) = sentence.find(',') {
            return ws.iter().filter(|w| w.end <= comma).count() >= 3;
        }
    }
    false
}

/// Dutch and German verbs of signing up whose particle closes the clause: "meld me maar aan",
/// "schrijf mij maar in", "meldet mich bitte an", "tragt mich ein" — (verb stem, particle).
const SEPARABLE_JOINS: &[(&str, &str)] = &[
    ("meld", "aan"),
    ("schrijf", "in"),
    ("meld", "an"),
    ("trag", "ein"),
    ("schreib", "auf"),
    ("nehm", "auf"),
];

/// Whether a clause asks to be signed up with a separable verb: the verb first in its clause
/// (an imperative), "me"/"mij"/"mich"/"uns" within the next three words, and the verb's
/// particle as the clause's last word.
///
/// Why the clause's shape and not phrases: the Germanic languages put words between the verb
/// and its particle ("meld me *maar* aan", "meldet mich *bitte gleich* an"), so a fixed phrase
/// only ever holds the one filler someone has seen; the verb, the pronoun and the particle at
/// the clause's end hold them all. Only an imperative counts: a clause with a subject ("Als het
/// online is, meld ik me aan", "ich melde mich an, wenn …") reports or conditions.
fn separable_join(window: &str) -> bool {
    window
        .split(['.', '!', '?', ',', ';', '\n'])
        .take(6)
        .any(|clause| {
            let ws = tokens(clause);
            let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
                return false;
            };
            ws.len() <= 7
                && !ws
                    .iter()
                    .any(|w| matches!(w.folded.as_str(), "ik" | "ich" | "we" | "wij" | "wir"))
                && ws[1..ws.len().min(4)]
                    .iter()
                    .any(|w| matches!(w.folded.as_str(), "me" | "mij" | "mich" | "uns" | "ons"))
                && SEPARABLE_JOINS
                    .iter()
                    .any(|(v, p)| first.folded.starts_with(v) && last.folded == *p)
        })
}

pub(super) fn join_or_decline(text: &str) -> Intent {
    let f = fold(text);
    let window = answer_window(&f);
    let words = tokens(window);
    let negators = [
        "not", "don't", "dont", "won't", "wont", "no", "never", "nicht", "kein", "pas", "ne",
        "niet", "geen", "nao", "nunca",
    ];
    // Explicit join words.
    let join_words = [
        "join",
        "joining",
        "member",
        "beitreten",
        "mitglied",
        "rejoindre",
        "membre",
        "unirme",
        "miembro",
        "lid",
        "aansluiten",
        "participar",
        "membro",
        "entrar",
    ];
    // "If it's in the evenings I might join": a conditional or a hedge before the join word
    // makes no JOIN (the coordinators read it as a conversation or unclear).
    // (not Spanish "si" nor Portuguese "se": folded, they are "sí" and a pronoun)
    let conditional = [
        "if",
        "might",
        "may",
        "maybe",
        "perhaps",
        "could",
        "wenn",
        "falls",
        "vielleicht",
        "peut",
        "quizas",
        "als",
        "misschien",
        "talvez",
    ];
    // Asking to be added is joining, in any of our languages.
    let join_phrases = [
        "add me",
        "sign me up",
        "count me in",
        "include me",
        "nehmt mich auf",
        "nimm mich auf",
        "ajoutez moi",
        "ajoute moi",
        "inscrivez moi",
        "apuntadme",
        "apuntame",
        "anadidme",
        "voeg me toe",
        "me adicione",
        "me adicionem",
        "quero participar",
        "podem me incluir",
        "me incluam",
        "me inclua",
        "incluyeme",
        "incluidme",
    ];
    for p in join_phrases {
        if (0..words.len().min(20)).any(|i| phrase_at(&words, i, p).is_some()) {
            return Intent::Join;
        }
    }
    if separable_join(window) {
        return Intent::Join;
    }
    // Stems of the verbs of signing up ("je m'inscris", "inscrivez-moi", "inscribirme",
    // "inschrijven"): one stem per verb family instead of each form.
    let join_stems = ["inscri", "inschrijf", "inschrijv", "anmeld"];
    for (i, w) in words.iter().enumerate().take(40) {
        let stemmed =
            join_stems.iter().any(|s| w.folded.starts_with(s)) || w.folded.starts_with("m'inscri");
        if join_words.contains(&w.folded.as_str()) || stemmed {
            if asks_or_conditions(window, w.start) {
                return Intent::unclear(crate::UnclearReason::QuestionNotJoin);
            }
            if words[i.saturating_sub(6)..i]
                .iter()
                .any(|p| conditional.contains(&p.folded.as_str()))
            {
                return Intent::unclear(crate::UnclearReason::JoinOnCondition);
            }
            let negated = words[i.saturating_sub(4)..i]
                .iter()
                .any(|p| negators.contains(&p.folded.as_str()));
            if negated {
                return Intent::Decline;
            }
            return Intent::Join;
        }
    }
    let decline_phrases = [
        "no thanks",
        "no thank you",
        "not for me",
        "not really for me",
        "can't commit",
        "cannot commit",
        "no me encaja",
        "no me viene bien",
        "past me niet",
        "passt mir nicht",
        "nao me da",
        "ne me convient pas",
        "not my thing",
        "leave it for now",
        "give it a miss",
        "nichts fur mich",
        "nicht fur mich",
        "nicht mein ding",
        "pas pour moi",
        "pas mon truc",
        "no es para mi",
        "no es lo mio",
        "niet voor mij",
        "niet mijn ding",
        "nao e para mim",
        "nao e a minha praia",
        "not interested",
        "i'll pass",
        "pass",
        "nein danke",
        "kein interesse",
        "non merci",
        "pas interesse",
        "no gracias",
        "nee bedankt",
        "geen interesse",
        "nao obrigado",
        "nao obrigada",
        "unsubscribe",
        "remove me",
    ];
    for p in decline_phrases {
        if (0..words.len().min(20)).any(|i| phrase_at(&words, i, p).is_some()) {
            return Intent::Decline;
        }
    }
    // "Not now, perhaps later in the year": putting it off is declining, for now.
    // "Maybe later in the year" alone stays unclear: it is the "not now" that declines.
    let deferrals = [
        "not now",
        "not right now",
        "not at the moment",
        "not for now",
        "im moment nicht",
        "jetzt nicht",
        "derzeit nicht",
        "pas pour l'instant",
        "pas maintenant",
        "pas pour le moment",
        "ahora no",
        "por ahora no",
        "de momento no",
        "nu even niet",
        "nu niet",
        "op dit moment niet",
        "agora nao",
        "por agora nao",
        "por enquanto nao",
    ];
    for p in deferrals {
        if (0..words.len().min(20)).any(|i| phrase_at(&words, i, p).is_some()) {
            return Intent::Decline;
        }
    }
    // A conditional or asking reply is no join even when it sounds willing ("Si …, je
    // m'inscris volontiers").
    if asks_or_conditions(window, 0) {
        return Intent::unclear(crate::UnclearReason::QuestionNotJoin);
    }
    match rsvp(text) {
        Rsvp::Answer(Yes, _) => Intent::Join,
        Rsvp::Answer(No, _) => Intent::Decline,
        Rsvp::Answer(Maybe, _) => Intent::unclear(crate::UnclearReason::MaybeJoin),
        Rsvp::Mixed => Intent::unclear(crate::UnclearReason::YesAndNo),
        Rsvp::Nothing => Intent::unclear(crate::UnclearReason::NoJoinOrDecline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_and_decline() {
        assert_eq!(join_or_decline("yes I'd like to join"), Intent::Join);
        assert_eq!(join_or_decline("JOIN"), Intent::Join);
        assert_eq!(join_or_decline("no thanks"), Intent::Decline);
        assert_eq!(join_or_decline("I don't want to join"), Intent::Decline);
        // Separable verbs: the particle closes the clause, whatever stands between.
        assert_eq!(
            join_or_decline("Leuk was het! Meld me maar aan."),
            Intent::Join
        );
        assert_eq!(join_or_decline("Meldet mich bitte an!"), Intent::Join);
        assert_ne!(
            join_or_decline("Als het online is, meld ik me aan."),
            Intent::Join
        );
    }
}
