//! Replies to a guest's follow-up (would they like to join the group?): join or no thanks. A
//! negated join word is a decline; without join words or decline phrases, an RSVP's yes / no
//! decides.

use super::rsvp::{rsvp, Rsvp};
use super::words::{answer_window, phrase_at, tokens};
use crate::text::fold;
use crate::Intent;
use crate::Response::{Maybe, No, Yes};

pub(super) fn join_or_decline(text: &str) -> Intent {
    let f = fold(text);
    let words = tokens(answer_window(&f));
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
    ];
    for p in join_phrases {
        if (0..words.len().min(20)).any(|i| phrase_at(&words, i, p).is_some()) {
            return Intent::Join;
        }
    }
    for (i, w) in words.iter().enumerate().take(40) {
        if join_words.contains(&w.folded.as_str()) {
            if words[i.saturating_sub(6)..i]
                .iter()
                .any(|p| conditional.contains(&p.folded.as_str()))
            {
                return Intent::unclear("a join on a condition");
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
    match rsvp(text) {
        Rsvp::Answer(Yes, _) => Intent::Join,
        Rsvp::Answer(No, _) => Intent::Decline,
        Rsvp::Answer(Maybe, _) => Intent::unclear("the reply neither joins nor declines (maybe)"),
        Rsvp::Mixed => Intent::unclear("the reply says both yes and no"),
        Rsvp::Nothing => Intent::unclear("could not tell JOIN or no thanks"),
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
    }
}
