//! Issue 13: a non-English group reads no English sentence the robot wrote. The gallery's tour
//! (announcement to digest, answers, questions back, HELP, STATUS, guests) runs for a German
//! and a French community, then members and the coordinator send their commands (TOPICS,
//! SEARCH, PAUSE, RESUME, RSVP, a topic, STATUS without being a coordinator, a command that
//! fails, HELP in the local word); every mail written, text part and Subject, is checked
//! against the English catalog's sentences and for a raw `{ $placeholder }` or message id.
//! On SQLite and PostgreSQL, mail written to a Maildir.

mod support;

#[allow(dead_code)]
#[path = "../examples/gallery/tour.rs"]
mod tour;

use support::{both_backends, Backend, World};

/// The English catalog's sentences: the text between placeholders of each message, where it
/// has at least four words and the other language's catalog does not say the same (commands
/// and config names are the same words in every language).
fn english_sentences(other: &str) -> Vec<String> {
    let en = include_str!("../templates/texts/en.ftl");
    let mut out = Vec::new();
    for line in en.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" = ") {
            Some((id, v)) if !id.starts_with(' ') => v,
            _ => line.trim(),
        };
        let value = value.trim_start_matches(['*', '[']);
        for piece in value.split(['{', '}']) {
            let piece = piece.trim().trim_end_matches([':', '.', ',', '?']);
            if piece.split_whitespace().count() >= 4
                && !piece.contains('$')
                && !piece.contains("->")
                && !other.contains(piece)
            {
                out.push(piece.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The message ids of the English catalog with two hyphens or more (a raw id in a mail).
fn message_ids() -> Vec<String> {
    include_str!("../templates/texts/en.ftl")
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
        .filter(|id| !id.starts_with([' ', '#']) && id.matches('-').count() >= 2)
        .map(str::to_string)
        .collect()
}

async fn walk(backend: Backend, lang: &str, catalog: &str, help: &str, topics: &str) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    // The community speaks `lang`.
    w.rewrite_config(
        "timezone = \"Europe/Berlin\"",
        &format!("timezone = \"Europe/Berlin\"\nlanguage = \"{lang}\""),
    );
    let dir = w.dir.path().join("sent");
    let cast = tour::Cast::of(
        &w.list,
        &w.coordinator,
        |n| w.stack.address(n),
        &w.stack.authserv_id,
    );
    tour::run(&w.config_path, &dir, &cast).await.unwrap();

    // The member's and the coordinator's own commands, after the tour.
    let app = w.app().await;
    let vouched = format!(
        "Authentication-Results: {}; dmarc=pass header.from={}\r\n",
        w.stack.authserv_id, w.stack.domain
    );
    let ben = &cast.members[0];
    for subject in [
        help,
        topics,
        "TOPICS",
        "SEARCH pricing",
        "SEARCH nothing-like-this",
        "PAUSE",
        "RESUME",
        "RSVP yes",
        "STATUS",
        "DELIVERY NONE",
        "DELIVERY EACH",
        "TOPIC: Quoting for retainers",
    ] {
        let m = support::mail_with(ben, &w.list, subject, "", &vouched);
        app.handle(&m).await.unwrap();
    }
    for subject in [
        "HELP",
        "STATUS",
        "AGENDA",
        "RESCHEDULE #999 2027-03-02 18:30",
    ] {
        let m = support::mail_with(&w.coordinator, &w.list, subject, "", &vouched);
        app.handle(&m).await.unwrap();
    }
    app.run_once().await.unwrap();

    let english = english_sentences(catalog);
    assert!(english.len() > 100, "{}", english.len());
    // The check would see an English answer, were one left.
    for sample in [
        "Thanks! You're coming to Design Circle on Tuesday. See you there.",
        "Did you mean YES, NO or MAYBE? Reply with one of those words",
    ] {
        assert!(
            english.iter().any(|e| sample.contains(e.as_str())),
            "{sample}"
        );
    }
    let ids = message_ids();
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in roundtable::maildir::list(&dir).unwrap() {
        let raw = std::fs::read(&f).unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        // Posts carry their author's words; everything else is the robot's.
        if support::header(&raw, "X-Roundtable-Kind").as_deref() == Some("post") {
            continue;
        }
        let subject = m.subject().unwrap_or_default().to_string();
        let text = format!(
            "{subject}\n{}",
            m.body_text(0).map(|t| t.to_string()).unwrap_or_default()
        );
        checked += 1;
        for e in &english {
            if text.contains(e.as_str()) {
                problems.push(format!("{subject}: English {e:?}"));
            }
        }
        if text.contains("{ $") || text.contains("{$") {
            problems.push(format!("{subject}: a raw placeholder in {text}"));
        }
        for id in &ids {
            if text.split_whitespace().any(|w| w == id) {
                problems.push(format!("{subject}: the message id {id}"));
            }
        }
    }
    eprintln!(
        "{lang}: {checked} mails checked against {} English sentences",
        english.len()
    );
    assert!(checked >= 40, "only {checked} mails written");
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

both_backends!(a_german_group_reads_no_english);
async fn a_german_group_reads_no_english(backend: Backend) {
    walk(
        backend,
        "de",
        include_str!("../templates/texts/de.ftl"),
        "HILFE",
        "Themen",
    )
    .await;
}

both_backends!(a_french_group_reads_no_english);
async fn a_french_group_reads_no_english(backend: Backend) {
    walk(
        backend,
        "fr",
        include_str!("../templates/texts/fr.ftl"),
        "Aide",
        "SUJETS",
    )
    .await;
}
