//! Answers to a confirmation request ("Please confirm: REMOVE ben@…"). Only an explicit
//! affirmative confirms: CONFIRM, YES or OK (and their usual words in German, French, Spanish,
//! Dutch and Portuguese) opening the sender's own words, with nothing negative after it. Any
//! other answer — "NO!! I did not send this", a question, an out-of-office text that lacks its
//! headers — confirms nothing: a command that changes the group never runs on a guess.

use crate::text;

/// One-word and two-word affirmatives, folded (lower case, no accents).
const AFFIRMATIVE: &[&str] = &[
    // en
    "confirm",
    "confirmed",
    "i confirm",
    "yes",
    "yes please",
    "ok",
    "okay",
    // de
    "ja",
    "jawohl",
    "bestatigen",
    "bestatigt",
    "bestaetigen",
    "bestaetigt",
    "ich bestatige",
    // fr
    "oui",
    "confirmer",
    "confirme",
    "je confirme",
    "d'accord",
    // es, pt
    "si",
    "sim",
    "confirmo",
    "confirmar",
    "confirmado",
    // nl
    "bevestig",
    "bevestigen",
    "bevestigd",
    "akkoord",
];

/// Words that turn any answer into a no.
const NEGATIVE: &[&str] = &[
    "no",
    "not",
    "don't",
    "didn't",
    "never",
    "cancel",
    "stop",
    "wrong",
    "nein",
    "nicht",
    "nie",
    "abbrechen",
    "non",
    "pas",
    "jamais",
    "annuler",
    "nunca",
    "cancelar",
    "nee",
    "niet",
    "nooit",
    "annuleren",
    "nao",
    "n'ai",
    "n'est",
];

/// Whether the sender's own words (`text`, quotes and signature already cut) explicitly
/// confirm.
pub fn confirms(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let head = text::words(&text::fold(first));
    let opens_with_yes =
        (1..=2).any(|n| head.len() >= n && AFFIRMATIVE.contains(&head[..n].join(" ").as_str()));
    let all = text::words(&text::fold(text));
    opens_with_yes && !all.iter().any(|w| NEGATIVE.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::confirms;

    #[test]
    fn explicit_affirmatives_confirm() {
        for t in [
            "CONFIRM",
            "yes",
            "Yes, I sent it.",
            "OK",
            "ok!",
            "Ja, bestätigt",
            "Oui, je confirme",
            "Sí",
            "Sim, confirmo",
            "Bevestigen",
            "Akkoord.",
            "Confirmed\n\nAna",
        ] {
            assert!(confirms(t), "{t:?} should confirm");
        }
    }

    #[test]
    fn anything_else_confirms_nothing() {
        for t in [
            "",
            "NO!! I did not send this",
            "no",
            "Nein, das war ich nicht",
            "Non, ce n'est pas moi",
            "Yes? What is this about?... no wait, I didn't send that",
            "I am out of the office until Monday.",
            "Thanks",
            "what?",
            "Please do",
            "yes — actually no, cancel it",
            "Não",
        ] {
            assert!(!confirms(t), "{t:?} must not confirm");
        }
    }
}
