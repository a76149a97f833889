//! The Subject grammar of commands: after any number of reply prefixes ("Re:", "AW:", "RE :",
//! "Sv:", …), the first word, in any case, is a command word (a word or alias of the spec
//! table); the rest of the Subject, split on whitespace, are its arguments. A forward ("Fwd:",
//! "WG:", …) is never a command. A command word followed by prose is still that command: its
//! reading is the usage problem, and the daemon answers with it.
//!
//! `TOPIC: …` in the Subject proposes a topic (the rest is its title, the body its details).

use super::{is_command_word, Command};
use crate::text;
use crate::{Asked, Intent, Topic};

/// A command in the Subject: `(COMMAND, args, had_reply_prefix)`.
pub fn parse_subject(subject: &str) -> Option<(String, Vec<String>, bool)> {
    let (rest, reply, forward) = text::strip_subject_prefixes(subject);
    if forward {
        return None;
    }
    let rest = rest.trim();
    let end = word_end(rest);
    let word = rest[..end].to_uppercase();
    if !is_command_word(&word) {
        return None;
    }
    let after = rest[end..].trim_start_matches([':', ',', '!', '?']);
    let args = after.split_whitespace().map(str::to_string).collect();
    Some((word, args, reply))
}

/// Where the first word of a Subject (prefixes stripped) ends.
fn word_end(rest: &str) -> usize {
    rest.find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == '!' || c == '?')
        .unwrap_or(rest.len())
}

/// The intent the Subject gives, if it holds a command. `body` is the sender's own words:
/// for a reply (a "Re:" Subject) to one of our mails whose own words already say something
/// clear, the words win (a member answering "Re: Agenda: …" with "+1 #3" is voting).
pub(crate) fn from_subject(subject: &str, asked: Option<Asked>, body: &str) -> Option<Intent> {
    let (rest, reply, forward) = text::strip_subject_prefixes(subject);
    // A whole Subject that is a phrase of a command that takes nothing ("Se désinscrire",
    // "Bitte abmelden"): never in a reply or a forward, like the local words below.
    if !reply && !forward {
        if let Some(phrase) = super::whole_subject_phrase(rest) {
            // Only where the one-word grammar finds no valid command ("remove me" is no
            // REMOVE of an address; "Abmelden bitte" is no local word alone).
            let one_word = parse_subject(subject).filter(|(w, a, _)| {
                super::local_word(w).is_none()
                    && Command::read(w.clone(), a.clone(), body).parsed.is_ok()
            });
            if one_word.is_none() {
                let cmd = Command::read(phrase, Vec::new(), body);
                if cmd.parsed.is_ok() {
                    return Some(Intent::Command(cmd));
                }
            }
        }
    }
    let (word, args, reply) = parse_subject(subject)?;
    // "Re: Agenda: Roundtable on Tuesday" answers our mail titled "Agenda: …"; commands are
    // never written "WORD:" (only TOPIC: is).
    let (rest, _, _) = text::strip_subject_prefixes(subject);
    // A word of another language (HILFE, Suche, temas) is a command only as a whole, valid
    // command: alone, or written in capitals before its arguments (`SUCHE Preise`). "Suche
    // Mitfahrgelegenheit nach Berlin" or "Pause im Sommer?" are people talking, and so is a
    // reply ("Re: Hilfe" in a thread someone named so).
    if super::local_word(&word).is_some() {
        let trimmed = rest.trim();
        let typed = &trimmed[..word_end(trimmed)];
        let capitals = typed.chars().all(|c| !c.is_lowercase());
        let titled = trimmed[typed.len()..].starts_with(':');
        let cmd = Command::read(word, args, body);
        if reply || titled || cmd.parsed.is_err() || (!cmd.args.is_empty() && !capitals) {
            return None;
        }
        return Some(Intent::Command(cmd));
    }
    let titled = rest
        .get(word.len()..)
        .is_some_and(|after| after.starts_with(':'));
    if reply && titled && word != "TOPIC" {
        return None;
    }
    if reply && word != "TOPIC" {
        // A reply to a mail of ours that asked something answers that question, whatever
        // its Subject starts with ("Re: Agenda: …"); other replies are commands unless their
        // words say something clear.
        let by_words = crate::intent::from_text(body, "", asked, true);
        if asked.is_some() || !matches!(by_words, Intent::Unclear { .. }) {
            return Some(by_words);
        }
        // "Re: Help with the room booking" over "Does anyone know …?": a person talking in a
        // thread whose Subject happens to start with a command word. A command is a word and
        // its arguments; prose in the Subject and a sentence in the body are a conversation.
        let prose_subject = args.len() >= 2 || rest.trim_end().ends_with('?');
        let sentence_body = body.split_whitespace().count() >= 4;
        if prose_subject && sentence_body {
            return Some(Intent::Conversation);
        }
    }
    if word == "JOIN" && asked == Some(Asked::Followup) {
        return Some(Intent::Join);
    }
    // "TOPIC CLOSE 3" / "TOPIC DEFER #3" / "TOPIC FROM THREAD 12" is the coordinator's
    // command; "TOPIC: …" proposes.
    let topic_command = !titled
        && (args
            .first()
            .is_some_and(|a| a.eq_ignore_ascii_case("close") || a.eq_ignore_ascii_case("defer"))
            || (args.first().is_some_and(|a| a.eq_ignore_ascii_case("from"))
                && args
                    .get(1)
                    .is_some_and(|a| a.eq_ignore_ascii_case("thread"))));
    if word == "TOPIC" && !topic_command {
        let title = text::squash(&args.join(" "));
        let details = body.trim();
        if !title.is_empty() {
            return Some(Intent::Topics {
                topics: vec![Topic {
                    title,
                    details: (!details.is_empty()).then(|| details.to_string()),
                }],
            });
        }
        let topics = crate::intent::topics_in(body);
        if !topics.is_empty() {
            return Some(Intent::Topics { topics });
        }
    }
    Some(Intent::Command(Command::read(word, args, body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_close_and_defer_are_commands_topic_colon_proposes() {
        for subject in [
            "TOPIC CLOSE 3",
            "topic defer #2",
            "Re: Topic close 4",
            "TOPIC FROM THREAD 12",
        ] {
            let i = from_subject(subject, None, "").unwrap();
            assert!(
                matches!(&i, Intent::Command(c) if c.word == "TOPIC"),
                "{subject}: {i:?}"
            );
        }
        let i = from_subject("TOPIC: Close the feedback loop", None, "").unwrap();
        assert!(matches!(&i, Intent::Topics { .. }), "{i:?}");
    }

    #[test]
    fn reads_commands() {
        assert_eq!(
            parse_subject("Re: AW: status"),
            Some(("STATUS".into(), vec![], true))
        );
        assert_eq!(
            parse_subject("SCHEDULE 2024-03-05 18:30"),
            Some((
                "SCHEDULE".into(),
                vec!["2024-03-05".into(), "18:30".into()],
                false
            ))
        );
        assert_eq!(parse_subject("Fwd: Schedule for next week"), None);
        assert_eq!(parse_subject("Scheduled maintenance"), None);
    }

    #[test]
    fn replies_to_titled_mail_are_no_commands() {
        assert_eq!(
            from_subject("Re: Digest: March", None, "Great, thanks"),
            None
        );
        assert_eq!(
            from_subject("Re: status", None, ""),
            Some(Intent::Command(Command {
                word: "STATUS".into(),
                args: vec![],
                parsed: Ok(super::super::Cmd::Status)
            }))
        );
    }

    #[test]
    fn local_words_are_commands_only_as_a_whole_subject() {
        let cmd = |s: &str| match from_subject(s, None, "Hallo zusammen, wie geht es euch allen?") {
            Some(Intent::Command(c)) => c.parsed.ok(),
            _ => None,
        };
        use super::super::Cmd;
        for (s, want) in [
            ("HILFE", Cmd::Help),
            ("hilfe", Cmd::Help),
            ("Aide", Cmd::Help),
            ("AYUDA", Cmd::Help),
            ("hulp", Cmd::Help),
            ("Ajuda!", Cmd::Help),
            ("Abmelden", Cmd::Leave),
            ("désinscrire", Cmd::Leave),
            ("DESINSCRIRE", Cmd::Leave),
            ("baja", Cmd::Leave),
            ("AFMELDEN", Cmd::Leave),
            ("Sair", Cmd::Leave),
            ("Pausa", Cmd::Pause),
            ("PAUZE", Cmd::Pause),
            ("Fortsetzen", Cmd::Resume),
            ("reprendre", Cmd::Resume),
            ("REANUDAR", Cmd::Resume),
            ("hervatten", Cmd::Resume),
            ("retomar", Cmd::Resume),
            ("Themen", Cmd::Topics),
            ("sujets", Cmd::Topics),
            ("TEMAS", Cmd::Topics),
            ("onderwerpen", Cmd::Topics),
            ("Tópicos", Cmd::Topics),
            ("topicos", Cmd::Topics),
            ("SUCHE Preise", Cmd::Search("Preise".into())),
            (
                "RECHERCHE tarifs ateliers",
                Cmd::Search("tarifs ateliers".into()),
            ),
            ("BÚSQUEDA precios", Cmd::Search("precios".into())),
            ("ZOEKEN prijzen", Cmd::Search("prijzen".into())),
            ("PROCURAR preços", Cmd::Search("preços".into())),
            ("SPRACHE de", Cmd::Language("de")),
            ("LANGUE français", Cmd::Language("fr")),
            ("IDIOMA es", Cmd::Language("es")),
            ("TAAL nl", Cmd::Language("nl")),
            ("ZUSTELLUNG KEINE", Cmd::Delivery { mode: "none" }),
            (
                "ZUSTELLUNG ZUSAMMENFASSUNG",
                Cmd::Delivery { mode: "digest" },
            ),
            ("DISTRIBUTION CHAQUE", Cmd::Delivery { mode: "each" }),
            ("ENTREGA NINGUNA", Cmd::Delivery { mode: "none" }),
            ("BEZORGING ELK", Cmd::Delivery { mode: "each" }),
            ("ENTREGA NENHUMA", Cmd::Delivery { mode: "none" }),
            // English always works, in any community.
            ("HELP", Cmd::Help),
            ("Pause", Cmd::Pause),
            ("DELIVERY none", Cmd::Delivery { mode: "none" }),
            ("DELIVERY keine", Cmd::Delivery { mode: "none" }),
            ("DELIVERY résumé", Cmd::Delivery { mode: "digest" }),
        ] {
            assert_eq!(cmd(s), Some(want), "{s}");
        }
        // Ordinary conversation that starts with such a word stays conversation.
        for s in [
            "Suche Mitfahrgelegenheit nach Berlin",
            "Hilfe bei der Raumbuchung",
            "Pausa para el café",
            "Temas para la próxima reunión",
            "Aide pour la salle",
            "Sair mais cedo amanhã",
            "Baja la música",
            "Taal en cultuur",
            "Entrega do material",
            "Suche",
            "Sprache",
            "Sprache Klingonisch",
            "Re: Hilfe",
            "AW: Themen",
            "Re: SUCHE Preise",
            "Hilfe: Raum gesucht",
            "Fwd: Abmelden",
        ] {
            assert_eq!(cmd(s), None, "{s}");
        }
    }

    #[test]
    fn leave_phrases_are_commands_only_as_the_whole_subject() {
        let leave = |s: &str| match from_subject(s, None, "Merci.") {
            Some(Intent::Command(c)) => c.parsed == Ok(super::super::Cmd::Leave),
            _ => false,
        };
        for s in [
            "Se désinscrire",
            "me desinscrire",
            "Désabonnement",
            "Darse de baja",
            "Baja de la lista",
            "Cancelar inscrição",
            "Descadastrar",
            "Austragen",
            "Bitte abmelden",
            "Abmelden, danke",
            "Uitschrijven a.u.b.",
            "Please unsubscribe me",
            "remove me",
            "Unsubscribe",
            "LEAVE",
        ] {
            assert!(leave(s), "{s}");
        }
        for s in [
            "Re: Se désinscrire",
            "Fwd: Darse de baja",
            "Baja por maternidad",
            "Se désabonner de la lettre de la mairie ?",
            "Austragen aus dem Kalender",
            "Please help",
            "Bitte Hilfe",
            "Danke",
            "Unsubscribe button doesn't work?",
        ] {
            assert!(!leave(s), "{s}");
        }
        // Politeness does not make a command of HELP (a person asking for help).
        assert!(!matches!(
            from_subject("Please help", None, "My calendar shows the meeting twice."),
            Some(Intent::Command(_))
        ));
    }

    #[test]
    fn topic_subject_is_a_topic() {
        let i = from_subject("TOPIC: Pricing workshops", None, "How do you price them?").unwrap();
        assert_eq!(
            i,
            Intent::Topics {
                topics: vec![Topic {
                    title: "Pricing workshops".into(),
                    details: Some("How do you price them?".into())
                }]
            }
        );
    }
}
