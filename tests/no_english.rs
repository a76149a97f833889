//! Issue 13: a non-English group reads no English sentence the robot wrote. The gallery's tour
//! (announcement to digest, answers, questions back, HELP, STATUS, guests) runs for a German
//! and a French community, then members and the coordinator send their commands (TOPICS,
//! SEARCH, PAUSE, RESUME, RSVP, a topic, STATUS without being a coordinator, a command that
//! fails, HELP in the local word, commands that can't be read); every mail written, text part
//! and Subject, is checked against the English catalog's sentences and for a raw
//! `{ $placeholder }` or message id (`support::english`). The reasons and problems said inside
//! other sentences are checked to be there in the group's language: a usage error's problem,
//! the unclear reply's and the held post's reasons in the coordinator's notices.
//! On SQLite and PostgreSQL, mail written to a Maildir.

mod support;

#[allow(dead_code)]
#[path = "../examples/gallery/tour.rs"]
mod tour;

use roundtable::texts::{Lang, Msg, Tr};
use support::english::English;
use support::{both_backends, Backend, World};

async fn walk(backend: Backend, lang: &str, help: &str, topics: &str, rsvp: &str) {
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
        // Commands that can't be read: the problem is said in the group's language.
        rsvp,
        "PAUSE until March",
        "INVITE anna@localhost",
    ] {
        let m = support::mail_with(ben, &w.list, subject, "", &vouched);
        app.handle(&m).await.unwrap();
    }
    for subject in [
        "HELP",
        "STATUS",
        "AGENDA",
        "RESCHEDULE #999 2027-03-02 18:30",
        "SCHEDULE tomorrow 18:30",
        "SCHEDULE Wed 8 Dec 2026 18:30",
        "INVITE anna@localhost",
    ] {
        let m = support::mail_with(&w.coordinator, &w.list, subject, "", &vouched);
        app.handle(&m).await.unwrap();
    }
    app.run_once().await.unwrap();

    let code = Lang::parse(lang).unwrap();
    let english = English::against(code);
    assert!(english.sentences.len() > 100, "{}", english.sentences.len());
    // The check would see an English answer, a reason or a problem, were one left.
    for sample in [
        "Thanks! You're coming to Design Circle on Tuesday. See you there.",
        "Did you mean YES, NO or MAYBE? Reply with one of those words",
        "`vielleicht` is not YES, NO or MAYBE (RSVP takes only these English words; a plain reply to the invitation may say it in your own words).",
        "PAUSE takes nothing after it (got `until March`)",
        "A post to Design Circle is held for your review (x@example.org is not a member).",
        "wrote something nobody could read as an answer (the reply says both yes and no)",
        "our mail server says it was not sent from ben@example.org",
    ] {
        assert!(
            english.sentences.iter().any(|e| sample.contains(e.as_str())),
            "{sample}"
        );
    }
    let tr = Tr::new(
        roundtable::texts::builtin(),
        code,
        chrono_tz::Europe::Berlin,
    );
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for f in roundtable::maildir::list(&dir).unwrap() {
        let raw = std::fs::read(&f).unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        // Posts carry their author's words; everything else is the robot's.
        if support::header(&raw, "X-Roundtable-Kind").as_deref() == Some("post") {
            continue;
        }
        let subject = m.subject().unwrap_or_default().to_string();
        let text = m.body_text(0).map(|t| t.to_string()).unwrap_or_default();
        checked += 1;
        problems.extend(english.problems(&subject, &text));
        texts.push(text);
    }
    // What is said inside other sentences is there, in the group's language.
    let said = |m: &Msg| tr.msg(m);
    for (what, expected) in [
        (
            "the unclear reply's reason",
            said(&Msg::new("unclear-yes-and-no")),
        ),
        (
            "the held post's reason",
            said(&Msg::new("held-not-member").arg("from", &cast.stranger)),
        ),
        (
            "RSVP's problem",
            said(&Msg::new("usage-rsvp-not").arg("written", format!("`{}`", &rsvp[5..]))),
        ),
        (
            "PAUSE's problem",
            said(
                &Msg::new("usage-takes-nothing")
                    .arg("word", "PAUSE")
                    .arg("extra", "`until March`"),
            ),
        ),
        (
            "SCHEDULE's problem",
            said(
                &Msg::new("usage-needs-date-first")
                    .arg("word", "SCHEDULE")
                    .arg("written", "`tomorrow`"),
            ),
        ),
        (
            "the weekday's problem",
            said(
                &Msg::new("usage-wrong-weekday")
                    .arg("date", "2026-12-08")
                    .arg_msg("is", Msg::new("weekday-2"))
                    .arg_msg("written", Msg::new("weekday-3")),
            ),
        ),
        (
            "the address's problem",
            said(
                &Msg::new("address-domain-no-dot")
                    .arg("address", "`anna@localhost`")
                    .arg("detail", "localhost"),
            ),
        ),
    ] {
        let n = texts.iter().filter(|t| t.contains(&expected)).count();
        if n == 0 {
            problems.push(format!("{what} is not said: {expected:?}"));
        }
    }
    eprintln!(
        "{lang}: {checked} mails checked against {} English sentences",
        english.sentences.len()
    );
    assert!(checked >= 40, "only {checked} mails written");
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

both_backends!(a_german_group_reads_no_english);
async fn a_german_group_reads_no_english(backend: Backend) {
    walk(backend, "de", "HILFE", "Themen", "RSVP vielleicht").await;
}

both_backends!(a_french_group_reads_no_english);
async fn a_french_group_reads_no_english(backend: Backend) {
    walk(backend, "fr", "Aide", "SUJETS", "RSVP peut-être").await;
}
