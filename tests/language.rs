//! Issue 13, a member's own language, on SQLite and PostgreSQL with the real stack: LANGUAGE by
//! Subject is answered in the language chosen, and from then on that member's mail (here the
//! announcement: subject, words, dates) is in it while the others' stays in the community's.

mod support;

use roundtable::app::App;
use roundtable::domain::MailKind;
use roundtable::rules::Handled;
use roundtable::schedule::JobKind;
use support::{add_member, both_backends, in_days, Backend, World};

async fn subjects(app: &App, kind: MailKind, to: &str) -> Vec<String> {
    app.store()
        .outbox(None, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == kind && e.recipient == to)
        .map(|e| e.subject)
        .collect()
}

both_backends!(a_member_chooses_their_language_by_mail);
async fn a_member_chooses_their_language_by_mail(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let (ana, ben) = (w.stack.address("ana"), w.stack.address("ben"));
    add_member(&app, &ana, "Ana Lopez").await;
    add_member(&app, &ben, "Ben Berg").await;
    let vouched = format!(
        "Authentication-Results: {}; dmarc=pass header.from={}\r\n",
        w.stack.authserv_id, w.stack.domain
    );
    let cmd = support::mail_with(&ben, &w.list, "LANGUAGE Deutsch", "", &vouched);
    match app.handle(&cmd).await.unwrap() {
        Handled::Done { outcome, .. } => assert!(outcome.contains("LANGUAGE"), "{outcome}"),
        other => panic!("{other:?}"),
    }
    let bad = support::mail_with(&ben, &w.list, "LANGUAGE klingon", "", &vouched);
    app.handle(&bad).await.unwrap();

    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    app.run_once().await.unwrap();
    let announcement = MailKind::Job(JobKind::Announcement);
    let to_ben = subjects(&app, announcement, &ben).await;
    let to_ana = subjects(&app, announcement, &ana).await;
    assert_eq!(to_ben.len(), 1, "{to_ben:?} (meeting {meeting})");
    assert!(
        to_ben[0].contains("bist du dabei?") && !to_ben[0].contains("will you come"),
        "Ben chose German (and klingon did not undo it): {to_ben:?}"
    );
    assert!(
        to_ana[0].contains("will you come?"),
        "Ana keeps the community's English: {to_ana:?}"
    );
}
