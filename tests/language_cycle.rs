//! Issue 13, item 6: a German and a French group's meeting cycle end to end, on SQLite and
//! PostgreSQL, through the real stack: `roundtable run --once --now` at each step sends through
//! Postfix and reads the members' answers (in their language) from Dovecot over IMAP; every
//! mail is read back over IMAP as the members and the coordinator get it. Each says the
//! meeting's day as the language writes it (weekday and month names, the 24-hour clock, in
//! Europe/Berlin), has the local words in its Subject, and carries no English sentence the
//! robot wrote (`support::english`). A command that can't be read is answered in the
//! language too.

mod support;

use std::time::Duration;

use chrono::{DateTime, Utc};
use roundtable::clock::Clock;
use roundtable::schedule::JobKind;
use roundtable::texts::Lang;
use support::english::English;
use support::{
    add_member, both_backends, header, message_id, reply, reply_to, text, Backend, World,
};

const WAIT: Duration = Duration::from_secs(60);

/// What a language's cycle says and what its members answer.
struct Speaks {
    lang: &'static str,
    /// Thursday 29 October 2026, 18:30, as the language writes it.
    weekday: &'static str,
    month: &'static str,
    time: &'static str,
    /// Words of each Subject: (kind, words).
    subjects: &'static [(&'static str, &'static str)],
    /// Words of the Subject confirming a yes, a no.
    yes_subject: &'static str,
    no_subject: &'static str,
    yes: &'static str,
    no: &'static str,
    topic: &'static str,
    takeaways: &'static str,
    /// A command that can't be read, and words of its answer.
    bad_command: &'static str,
    bad_answer: &'static str,
}

const GERMAN: Speaks = Speaks {
    lang: "de",
    weekday: "Donnerstag",
    month: "Oktober",
    time: "18:30 Uhr",
    subjects: &[
        ("announcement", "bist du dabei?"),
        ("call-for-topics", "Worüber wollen wir reden?"),
        ("agenda", "Tagesordnung:"),
        ("reminder", "Erinnerung:"),
        ("takeaway-request", "Was nimmst du von"),
        ("digest", "Rückblick"),
        ("command-result", "nicht verstanden"),
    ],
    yes_subject: "Du kommst:",
    no_subject: "Du kommst nicht:",
    yes: "Ja, ich komme gerne!",
    no: "Nein, leider nicht, ich bin verreist.",
    topic: "Preise für Daueraufträge",
    takeaways: "- Das Ergebnis bepreisen, nicht die Stunden\n- Jedes Quartal ein Werkzeug aufgeben",
    bad_command: "RSVP vielleicht",
    bad_answer: "`vielleicht` ist nicht YES, NO oder MAYBE",
};

const FRENCH: Speaks = Speaks {
    lang: "fr",
    weekday: "jeudi",
    month: "octobre",
    time: "à 18:30",
    subjects: &[
        ("announcement", "vous venez ?"),
        ("call-for-topics", "de quoi parlons-nous ?"),
        ("agenda", "Ordre du jour :"),
        ("reminder", "Rappel :"),
        ("takeaway-request", "Que retenez-vous de"),
        ("digest", "Résumé de"),
        ("command-result", "pas compris"),
    ],
    yes_subject: "Vous venez :",
    no_subject: "Vous ne venez pas :",
    yes: "Oui, je viens avec plaisir !",
    no: "Non, désolée, je suis en déplacement.",
    topic: "Fixer le prix des contrats au forfait",
    takeaways: "- Facturer le résultat, pas les heures\n- Abandonner un outil chaque trimestre",
    bad_command: "RSVP peut-être",
    bad_answer: "`peut-être` n'est pas YES, NO ou MAYBE",
};

fn t(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&Utc)
        .timestamp()
}

fn rfc3339(at: i64) -> String {
    DateTime::from_timestamp(at, 0).unwrap().to_rfc3339()
}

/// `roundtable run --once --now AT`; it must succeed.
fn run_once(w: &World, at: i64) {
    let now = rfc3339(at);
    let out = w
        .command(&["run", "--once", "--now", &now])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "run --once --now {now} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `who` answers the newest mail of `kind` they got; the daemon reads it at `at`.
async fn answer(w: &World, who: &str, kind: &str, body: &str, at: i64) {
    let got = w.stack.wait_for_kind(who, kind, 1, WAIT).await;
    let last = got.last().unwrap();
    let to = reply_to(last);
    w.stack
        .send(who, &to, &reply(who, &to, &message_id(last), body))
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    run_once(w, at);
}

async fn cycle(backend: Backend, s: &Speaks) {
    let w = World::new(backend, None).await;
    w.rewrite_config(
        "timezone = \"Europe/Berlin\"",
        &format!("timezone = \"Europe/Berlin\"\nlanguage = \"{}\"", s.lang),
    );
    let (ben, ana) = (w.stack.address("ben"), w.stack.address("ana"));
    // 1 October: two members and a meeting on Thursday 29 October, 18:30 in Berlin.
    let app = w.app_at(Clock::fixed(t("2026-10-01T10:00:00Z"))).await;
    add_member(&app, &ben, "Ben Berg").await;
    add_member(&app, &ana, "Ana Lopez").await;
    let (meeting, _) = app
        .world
        .schedule_meeting(
            "design",
            "2026-10-29 18:30",
            Some("Werkstatt, Kastanienallee 12"),
            app.clock.now(),
        )
        .await
        .unwrap();
    let c = app.world.community("design").unwrap().clone();
    let jobs = app.store().jobs(c.id, true).await.unwrap();
    let due = |kind: JobKind| {
        jobs.iter()
            .find(|j| j.kind == kind && j.meeting_id == Some(meeting))
            .unwrap_or_else(|| panic!("no {kind:?} planned: {jobs:?}"))
            .due_at
            + 60
    };

    // The announcement; Ben says yes, Ana no, in their words; Ben also sends a command that
    // can't be read.
    run_once(&w, due(JobKind::Announcement));
    answer(
        &w,
        &ben,
        "announcement",
        s.yes,
        due(JobKind::Announcement) + 60,
    )
    .await;
    answer(
        &w,
        &ana,
        "announcement",
        s.no,
        due(JobKind::Announcement) + 120,
    )
    .await;
    w.stack
        .send(
            &ben,
            &w.list,
            &support::mail(&ben, &w.list, s.bad_command, ""),
        )
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    run_once(&w, due(JobKind::Announcement) + 180);
    // The call for topics, a topic; the agenda, the reminder; the takeaways; the digest.
    run_once(&w, due(JobKind::CallForTopics));
    answer(
        &w,
        &ben,
        "call-for-topics",
        s.topic,
        due(JobKind::CallForTopics) + 60,
    )
    .await;
    run_once(&w, due(JobKind::Agenda));
    run_once(&w, due(JobKind::Reminder));
    run_once(&w, due(JobKind::TakeawayRequest));
    answer(
        &w,
        &ben,
        "takeaway-request",
        s.takeaways,
        due(JobKind::TakeawayRequest) + 60,
    )
    .await;
    run_once(&w, t("2026-11-02T08:01:00Z"));

    // Every kind arrived, and each reads as the language writes.
    for (kind, _) in s.subjects {
        w.stack.wait_for_kind(&ben, kind, 1, WAIT).await;
    }
    w.stack.wait_for_kind(&ana, "confirmation", 1, WAIT).await;
    let mut rsvp_confirmed = Vec::new();
    let english = English::against(Lang::parse(s.lang).unwrap());
    let mut problems = Vec::new();
    let mut read = 0;
    for who in [&ben, &ana, &w.coordinator] {
        for raw in w.stack.messages(who, "INBOX").await {
            let kind = header(&raw, "X-Roundtable-Kind").unwrap_or_default();
            let subject = mail_parser::MessageParser::default()
                .parse(&raw)
                .unwrap()
                .subject()
                .unwrap_or_default()
                .to_string();
            let body = text(&raw);
            read += 1;
            problems.extend(
                english
                    .problems(&subject, &body)
                    .into_iter()
                    .map(|p| format!("{who} {kind}: {p}")),
            );
            if let Some((_, words)) = s.subjects.iter().find(|(k, _)| *k == kind) {
                if !subject.contains(words) {
                    problems.push(format!("{kind}: {subject:?} lacks {words:?}"));
                }
            }
            // The mail about the meeting says its day and time as the language does (the
            // confirmations of an RSVP too, not those of a topic or takeaways).
            let rsvp = kind == "confirmation"
                && [s.yes_subject, s.no_subject]
                    .iter()
                    .any(|w| subject.contains(w));
            if rsvp {
                rsvp_confirmed.push((who.clone(), subject.clone()));
            }
            if rsvp || ["announcement", "agenda", "reminder"].contains(&kind.as_str()) {
                for word in [s.weekday, s.month, s.time, "2026"] {
                    if !body.contains(word) {
                        problems.push(format!("{who} {kind}: no {word:?} in\n{body}"));
                    }
                }
            }
            for english_time in ["6:30 PM", "6:30 pm", "6:30pm", "October", "Thursday"] {
                if body.contains(english_time) || subject.contains(english_time) {
                    problems.push(format!("{who} {kind}: {english_time:?} in\n{body}"));
                }
            }
            if kind == "command-result" && !body.contains(s.bad_answer) {
                problems.push(format!(
                    "the usage answer lacks {:?}:\n{body}",
                    s.bad_answer
                ));
            }
            if std::env::var_os("SHOW_MAIL").is_some() {
                eprintln!("==== {who} {kind}\nSubject: {subject}\n\n{body}");
            }
        }
    }
    eprintln!(
        "{}: {read} mails read over IMAP, checked against {} English sentences",
        s.lang,
        english.sentences.len()
    );
    assert!(read >= 12, "only {read} mails");
    assert!(
        rsvp_confirmed
            .iter()
            .any(|(who, subj)| *who == ben && subj.contains(s.yes_subject))
            && rsvp_confirmed
                .iter()
                .any(|(who, subj)| *who == ana && subj.contains(s.no_subject)),
        "Ben's yes and Ana's no confirmed in their words: {rsvp_confirmed:?}"
    );
    assert!(problems.is_empty(), "{}:\n{}", s.lang, problems.join("\n"));
    // And the answers were understood: Ben comes, Ana does not.
    let rsvps = app.store().rsvps(meeting).await.unwrap();
    assert_eq!(rsvps.len(), 2, "{rsvps:?}");
}

both_backends!(a_german_groups_cycle_end_to_end);
async fn a_german_groups_cycle_end_to_end(backend: Backend) {
    cycle(backend, &GERMAN).await;
}

both_backends!(a_french_groups_cycle_end_to_end);
async fn a_french_groups_cycle_end_to_end(backend: Backend) {
    cycle(backend, &FRENCH).await;
}
