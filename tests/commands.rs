//! Coordinator commands by mail, who may do what, the guest path and members' self-service —
//! through the real Postfix and Dovecot, on SQLite and PostgreSQL. The test Postfix plays our
//! receiving server: mail through its "trusted" port carries its `dmarc=pass` verdict for the
//! test domain, mail through the other port `dmarc=none`, always on top of the headers.

mod support;

use std::time::Duration;

use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};
use support::{
    both_backends, header, in_days, mail, mail_with, of_kind, reply_to, text, Backend, World,
};

const WAIT: Duration = Duration::from_secs(30);

async fn start(
    app: App,
) -> (
    roundtable::shutdown::Trigger,
    tokio::task::JoinHandle<anyhow::Result<()>>,
) {
    let (trigger, shutdown) = roundtable::shutdown::channel();
    (trigger, tokio::spawn(app.run(shutdown)))
}

async fn stop(
    trigger: roundtable::shutdown::Trigger,
    daemon: tokio::task::JoinHandle<anyhow::Result<()>>,
) {
    trigger.fire();
    tokio::time::timeout(WAIT, daemon)
        .await
        .expect("the daemon stops")
        .unwrap()
        .unwrap();
}

/// `run --once` with the clock at `t`.
async fn at(w: &World, t: i64) {
    w.app_at(Clock::fixed(t)).await.run_once().await.unwrap();
}

async fn scheduled(w: &World) -> usize {
    let app = w.app().await;
    let c = app.world.community("design").unwrap();
    app.store()
        .meetings(c.id)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.status.as_str() == "scheduled")
        .count()
}

both_backends!(coordinator_commands_need_our_servers_dmarc_pass);
async fn coordinator_commands_need_our_servers_dmarc_pass(backend: Backend) {
    let w = World::with_auth(backend, None, "dmarc").await;
    let (trigger, daemon) = start(w.app().await).await;
    let coord = w.coordinator.clone();

    // 1. From the coordinator's own server (dmarc=pass): done, and answered once.
    let when = in_days(20);
    w.stack
        .send_trusted(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("Schedule {when} Room 4"), ""),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 1, WAIT)
        .await;
    assert!(
        text(&got[0]).contains("Scheduled meeting"),
        "{}",
        text(&got[0])
    );
    assert_eq!(scheduled(&w).await, 1);

    // 2. A forged From through the unverified port, carrying a forged header with our id and a
    //    foreign one claiming dmarc=pass: refused, nothing changes.
    let forged = format!(
        "Authentication-Results: {}; dmarc=pass header.from=rt.test\r\nAuthentication-Results: mx.evil.example; dmarc=pass header.from=rt.test\r\n",
        w.stack.authserv_id
    );
    w.stack
        .send(
            &coord,
            &w.list,
            &mail_with(&coord, &w.list, "CANCEL next", "", &forged),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 2, WAIT)
        .await;
    assert!(text(&got[1]).contains("was refused"), "{}", text(&got[1]));
    assert_eq!(scheduled(&w).await, 1, "the forged CANCEL changed nothing");

    // 3. The display-name trick through the trusted port: refused too.
    let tricked = format!("\"boss@elsewhere.example\" <{coord}>");
    w.stack
        .send_trusted(&coord, &w.list, &mail(&tricked, &w.list, "CANCEL next", ""))
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 3, WAIT)
        .await;
    assert!(
        text(&got[2]).contains("shows another address"),
        "{}",
        text(&got[2])
    );

    // 4. A member may not use coordinator commands, even authenticated.
    let ben = w.stack.address("ben");
    let out = w
        .command(&["member", "add", "design", &ben])
        .output()
        .unwrap();
    assert!(out.status.success());
    w.stack
        .send_trusted(&ben, &w.list, &mail(&ben, &w.list, "CANCEL next", ""))
        .await;
    let got = w.stack.wait_for_kind(&ben, "command-result", 1, WAIT).await;
    assert!(
        text(&got[0]).contains("Only the coordinator"),
        "{}",
        text(&got[0])
    );

    // 5. An unknown command gets the usage and HELP; a malformed one the exact problem.
    w.stack
        .send_trusted(
            &coord,
            &w.list,
            &mail(&coord, &w.list, "SCHEDULE tomorrow-ish", ""),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 4, WAIT)
        .await;
    let t = text(&got[3]);
    assert!(t.contains("Usage:") && t.contains("Example:"), "{t}");

    stop(trigger, daemon).await;
    assert_eq!(scheduled(&w).await, 1);
    let out = w.command(&["audit"]).output().unwrap();
    let audit = String::from_utf8_lossy(&out.stdout);
    assert_eq!(audit.matches("refused").count(), 4, "{audit}");
    assert!(audit.contains("[dmarc]"), "{audit}");
}

both_backends!(a_confirmation_round_trip_and_its_replay);
async fn a_confirmation_round_trip_and_its_replay(backend: Backend) {
    let w = World::with_auth(backend, None, "dmarc-or-confirm").await;
    let (trigger, daemon) = start(w.app().await).await;
    let coord = w.coordinator.clone();
    let when = in_days(20);
    // Unverified port: no DMARC verdict → a confirmation is asked for, nothing is done yet.
    w.stack
        .send(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("SCHEDULE {when}"), ""),
        )
        .await;
    let ask = w
        .stack
        .wait_for_kind(&coord, "confirmation-request", 1, WAIT)
        .await
        .remove(0);
    assert!(
        text(&ask).contains("Please confirm: SCHEDULE"),
        "{}",
        text(&ask)
    );
    assert_eq!(scheduled(&w).await, 0);
    // The reply to the confirmation address does it.
    let confirm_to = reply_to(&ask);
    w.stack
        .send(
            &coord,
            &confirm_to,
            &mail(&coord, &confirm_to, "Re: Confirm", "yes"),
        )
        .await;
    let done = w
        .stack
        .wait_for_kind(&coord, "command-result", 1, WAIT)
        .await;
    assert!(
        text(&done[0]).contains("Scheduled meeting"),
        "{}",
        text(&done[0])
    );
    assert_eq!(scheduled(&w).await, 1);
    // The same confirmation again (a replay): refused.
    w.stack
        .send(
            &coord,
            &confirm_to,
            &mail(&coord, &confirm_to, "Re: Confirm", "yes"),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 2, WAIT)
        .await;
    assert!(text(&got[1]).contains("already used"), "{}", text(&got[1]));
    stop(trigger, daemon).await;
    assert_eq!(scheduled(&w).await, 1, "not scheduled twice");
}

both_backends!(members_leave_by_list_unsubscribe_and_search);
async fn members_leave_by_list_unsubscribe_and_search(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let (ben, chloe, dev) = (
        w.stack.address("ben"),
        w.stack.address("chloe"),
        w.stack.address("dev"),
    );
    let mut tx = app.store().begin().await.unwrap();
    for (a, n) in [(&ben, "Ben"), (&chloe, "Chloé"), (&dev, "Dev")] {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(a).unwrap(),
                Some(n),
                Role::Member,
                app.clock.now(),
            )
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    app.world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    let (trigger, daemon) = start(app).await;

    // Chloé uses the List-Unsubscribe mailto of her announcement, as a mail client's
    // "unsubscribe" button does: an empty mail, no reply token in Reply-To needed.
    let ann = w
        .stack
        .wait_for_kind(&chloe, "announcement", 1, WAIT)
        .await
        .remove(0);
    let unsub = support::unsubscribe_address(&ann);
    assert!(
        unsub.contains("+leave-"),
        "a personal unsubscribe address: {unsub}"
    );
    w.stack
        .send(&chloe, &unsub, &mail(&chloe, &unsub, "LEAVE", ""))
        .await;
    let bye = w.stack.wait_for_kind(&chloe, "confirmation", 1, WAIT).await;
    assert!(text(&bye[0]).contains("You have left"), "{}", text(&bye[0]));

    // Someone forging Dev's address sends LEAVE without proof: only a confirmation request,
    // which goes to the real Dev.
    w.stack
        .send(&dev, &w.list, &mail(&dev, &w.list, "LEAVE", ""))
        .await;
    w.stack
        .wait_for_kind(&dev, "confirmation-request", 1, WAIT)
        .await;

    // Ben proposes a topic by Subject, then searches.
    // (Through our server's checking port: a topic without a reply token needs its DMARC pass.)
    w.stack
        .send_trusted(
            &ben,
            &w.list,
            &mail(
                &ben,
                &w.list,
                "TOPIC: Pricing workshops for small agencies",
                "What do you charge for a half-day?",
            ),
        )
        .await;
    w.stack.wait_for_kind(&ben, "confirmation", 1, WAIT).await;
    w.stack
        .send(&ben, &w.list, &mail(&ben, &w.list, "SEARCH pricing", ""))
        .await;
    let found = w.stack.wait_for_kind(&ben, "command-result", 1, WAIT).await;
    let t = text(&found[0]);
    assert!(
        t.contains("Pricing workshops") && t.contains("by Ben"),
        "{t}"
    );
    w.stack
        .send(
            &ben,
            &w.list,
            &mail(&ben, &w.list, "SEARCH nonexistentword", ""),
        )
        .await;
    let found = w.stack.wait_for_kind(&ben, "command-result", 2, WAIT).await;
    assert!(
        text(&found[1]).contains("Nothing found"),
        "{}",
        text(&found[1])
    );

    stop(trigger, daemon).await;
    let app = w.app().await;
    let people = app.store().people(c.id).await.unwrap();
    let status = |a: &str| {
        people
            .iter()
            .find(|p| p.address.as_str() == a)
            .unwrap()
            .status
            .as_str()
    };
    assert_eq!(status(&chloe), "left");
    assert_eq!(status(&dev), "active", "a forged LEAVE changes nothing");
}

both_backends!(the_guest_path_from_invitation_to_membership);
async fn the_guest_path_from_invitation_to_membership(backend: Backend) {
    let w = World::with_auth(backend, None, "dmarc").await;
    let coord = w.coordinator.clone();
    let (gina, hal, ivy) = (
        w.stack.address("gina"),
        w.stack.address("hal"),
        w.stack.address("ivy"),
    );
    let t0 = roundtable::clock::unix_now();
    let app = w.app_at(Clock::fixed(t0)).await;
    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(3), Some("Room 4"), t0)
        .await
        .unwrap();
    let starts = {
        let mut tx = app.store().begin().await.unwrap();
        app.store()
            .meeting(&mut tx, meeting)
            .await
            .unwrap()
            .unwrap()
            .starts_at
    };

    // The coordinator invites two guests by mail.
    w.stack
        .send_trusted(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("INVITE {gina} Gina Rossi"), ""),
        )
        .await;
    w.stack
        .send_trusted(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("INVITE {hal} Hal"), ""),
        )
        .await;
    w.stack
        .send_trusted(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("INVITE {ivy} Ivy"), ""),
        )
        .await;
    w.stack.wait_for_messages(&w.list, 3, WAIT).await;
    at(&w, t0 + 10).await;
    for g in [&gina, &hal, &ivy] {
        let inv = w
            .stack
            .wait_for_kind(g, "invitation", 1, WAIT)
            .await
            .remove(0);
        let t = text(&inv);
        assert!(
            t.contains("invites you to visit Design Circle") && t.contains("Practising designers"),
            "{t}"
        );
        assert!(
            String::from_utf8_lossy(&inv).contains("invite.ics"),
            "the invitation carries an .ics"
        );
        // Both say yes.
        let to = reply_to(&inv);
        w.stack
            .send(
                g,
                &to,
                &support::reply(g, &to, &support::message_id(&inv), "Yes, I'll come"),
            )
            .await;
    }
    w.stack.wait_for_messages(&w.list, 3, WAIT).await;
    at(&w, t0 + 20).await;
    w.stack.wait_for_kind(&gina, "confirmation", 1, WAIT).await;
    // The reminder the day before reaches the guests too.
    at(&w, starts - 86400 + 60).await;
    w.stack.wait_for_kind(&hal, "reminder", 1, WAIT).await;
    // After the meeting: the follow-up to the guests who came.
    at(&w, starts + 86400 + 60).await;
    let fu = w
        .stack
        .wait_for_kind(&gina, "guest-followup", 1, WAIT)
        .await
        .remove(0);
    w.stack.wait_for_kind(&hal, "guest-followup", 1, WAIT).await;
    // Gina joins; Ivy declines.
    let to = reply_to(&fu);
    w.stack
        .send(
            &gina,
            &to,
            &support::reply(
                &gina,
                &to,
                &support::message_id(&fu),
                "Yes please, I'd like to join",
            ),
        )
        .await;
    let ivy_fu = w
        .stack
        .wait_for_kind(&ivy, "guest-followup", 1, WAIT)
        .await
        .remove(0);
    let to = reply_to(&ivy_fu);
    w.stack
        .send(
            &ivy,
            &to,
            &support::reply(
                &ivy,
                &to,
                &support::message_id(&ivy_fu),
                "No thanks, it's not quite my field.",
            ),
        )
        .await;
    w.stack.wait_for_messages(&w.list, 2, WAIT).await;
    at(&w, starts + 86400 + 120).await;
    w.stack.wait_for_kind(&gina, "welcome", 1, WAIT).await;
    let notice = w.stack.wait_for_kind(&coord, "notice", 1, WAIT).await;
    assert!(
        text(&notice[0]).contains("is now a member"),
        "{}",
        text(&notice[0])
    );
    // Hal stays silent: one gentle reminder after a week, then nothing.
    at(&w, starts + 86400 + 7 * 86400 + 180).await;
    w.stack.wait_for_kind(&hal, "guest-reminder", 1, WAIT).await;
    at(&w, starts + 86400 + 21 * 86400).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let hal_mail = w.stack.messages(&hal, "INBOX").await;
    assert_eq!(
        of_kind(&hal_mail, "guest-reminder").len(),
        1,
        "reminded once only"
    );
    assert_eq!(of_kind(&hal_mail, "guest-followup").len(), 1);
    // Ivy, who declined, got her acknowledgement and nothing after it.
    let ivy_mail = w.stack.messages(&ivy, "INBOX").await;
    assert!(
        of_kind(&ivy_mail, "guest-reminder").is_empty(),
        "a decline is respected"
    );
    assert_eq!(
        header(ivy_mail.last().unwrap(), "X-Roundtable-Kind").as_deref(),
        Some("confirmation")
    );

    let app = w.app().await;
    let c = app.world.community("design").unwrap();
    let people = app.store().people(c.id).await.unwrap();
    assert_eq!(
        people
            .iter()
            .find(|p| p.address.as_str() == gina)
            .unwrap()
            .role,
        Role::Member
    );
    assert_eq!(
        people
            .iter()
            .find(|p| p.address.as_str() == hal)
            .unwrap()
            .role,
        Role::Guest
    );
    assert_eq!(
        people
            .iter()
            .find(|p| p.address.as_str() == ivy)
            .unwrap()
            .status
            .as_str(),
        "declined"
    );
    // STATUS shows the pipeline.
    let out = w.command(&["do", "design", "STATUS"]).output().unwrap();
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(
        status.contains(&hal) && status.contains("reminded"),
        "{status}"
    );
}
