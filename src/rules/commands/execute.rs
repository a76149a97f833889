//! What each command does, by mail or on the command line: the change, and the text that
//! answers its sender.

use anyhow::Result;
use understand::command::Cmd;

use crate::compose;
use crate::compose::token::Purpose;
use crate::domain::{Address, OtherMailKind, PersonStatus, Response, Role, TopicStatus};
use crate::rules::{local_instant, Act, Community, Draft};
use crate::schedule::JobKind;
use crate::store::{GuestMark, Person};

impl Act<'_, '_> {
    /// What a command does, by mail or on the command line; the text answers the sender.
    pub(super) async fn execute(&mut self, c: &Community, p: &Person, cmd: &Cmd) -> Result<String> {
        let store = self.world.store.clone();
        let tr = c.tr_for(p);
        Ok(match cmd {
            Cmd::Schedule { when, place } => {
                let starts = local_start(c, *when)?;
                let m = self.schedule(c, starts, place.as_deref()).await?;
                let id = if place.is_some() {
                    "cmd-scheduled-at"
                } else {
                    "cmd-scheduled"
                };
                let place = place.as_deref().unwrap_or_default();
                tr.t3(id, "id", m.id, "when", tr.when(m.starts_at), "place", place)
            }
            Cmd::Reschedule {
                meeting,
                when,
                place,
            } => {
                let starts = local_start(c, *when)?;
                let before = self.queued;
                let m = self
                    .reschedule(c, *meeting, starts, place.as_deref())
                    .await?;
                tr.t3(
                    "cmd-rescheduled",
                    "id",
                    m.id,
                    "when",
                    tr.when(m.starts_at),
                    "count",
                    self.queued - before,
                )
            }
            Cmd::Cancel { meeting, reason } => {
                let before = self.queued;
                let m = self.cancel(c, *meeting, reason.as_deref()).await?;
                tr.t3(
                    "cmd-cancelled",
                    "id",
                    m.id,
                    "when",
                    tr.when(m.starts_at),
                    "count",
                    self.queued - before,
                )
            }
            Cmd::Invite { address, name } => self.invite(c, p, address, name.as_deref()).await?,
            Cmd::Add { address: a, name } => {
                if let Some(existing) = store.person_by_address(self.conn, c.id, a).await? {
                    if existing.status == PersonStatus::Active && existing.role != Role::Guest {
                        return Ok(tr.t4(
                            "cmd-already",
                            "address",
                            a,
                            "role",
                            existing.role.as_str(),
                            "community",
                            &c.cfg.name,
                            "state",
                            "active",
                        ));
                    }
                }
                let id = store
                    .upsert_person(self.conn, c.id, a, name.as_deref(), Role::Member, self.now)
                    .await?;
                let person = store
                    .person_by_id(self.conn, id)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("the person just added"))?;
                self.welcome(c, &person).await?;
                tr.t1("cmd-added", "address", a)
            }
            Cmd::Remove { address: a } => {
                if self.remove(c, a).await? {
                    tr.t1("cmd-removed", "address", a)
                } else {
                    tr.t2("cmd-not-member", "address", a, "community", &c.cfg.name)
                }
            }
            Cmd::Promote { address: a } => {
                match store.person_by_address(self.conn, c.id, a).await? {
                    Some(g) if g.role == Role::Guest => {
                        store
                            .upsert_person(self.conn, c.id, a, None, Role::Member, self.now)
                            .await?;
                        self.welcome(c, &g).await?;
                        tr.t1("cmd-promoted", "address", a)
                    }
                    Some(m) => tr.t2(
                        "cmd-promote-not-guest",
                        "address",
                        a,
                        "role",
                        m.role.as_str(),
                    ),
                    None => tr.t2(
                        "cmd-promote-unknown",
                        "address",
                        a,
                        "community",
                        &c.cfg.name,
                    ),
                }
            }
            Cmd::Attended { people } => {
                let Some(m) = store.last_meeting_before(self.conn, c.id, self.now).await? else {
                    return Ok(tr.t("cmd-no-meeting-held"));
                };
                let everyone = store.people_in(self.conn, c.id).await?;
                let (mut found, mut unknown) = (Vec::new(), Vec::new());
                for who in people {
                    match match_person(&everyone, who) {
                        Some(x) => found.push(x),
                        None => unknown.push(who.clone()),
                    }
                }
                let ids: Vec<i64> = found.iter().map(|x| x.id).collect();
                store.set_attended(self.conn, m.id, &ids).await?;
                let mut t = tr.t3(
                    "cmd-attended",
                    "when",
                    tr.when(m.starts_at),
                    "count",
                    found.len(),
                    "names",
                    found
                        .iter()
                        .map(|x| x.display_name())
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                if !unknown.is_empty() {
                    t.push('\n');
                    t.push_str(&tr.t1("cmd-attended-unknown", "names", unknown.join(", ")));
                }
                t
            }
            Cmd::Agenda => {
                let m = self.scheduled_meeting(c, None).await?;
                let key = format!("manual:agenda:{}:{}", m.id, self.now);
                store
                    .add_job(self.conn, &key, c.id, Some(m.id), JobKind::Agenda, self.now)
                    .await?;
                tr.t1("cmd-agenda-now", "when", tr.when(m.starts_at))
            }
            Cmd::Digest => {
                let key = format!("manual:digest:{}:{}", c.id, self.now);
                store
                    .add_job(self.conn, &key, c.id, None, JobKind::Digest, self.now)
                    .await?;
                tr.t("cmd-digest-now")
            }
            Cmd::TopicClose(n) | Cmd::TopicDefer(n) => {
                let status = if matches!(cmd, Cmd::TopicClose(_)) {
                    TopicStatus::Closed
                } else {
                    TopicStatus::Deferred
                };
                if store
                    .set_topic_status(self.conn, c.id, *n as i64, status)
                    .await?
                {
                    tr.t2("cmd-topic-status", "number", n, "status", status)
                } else {
                    tr.t1("cmd-topic-none", "number", n)
                }
            }
            Cmd::TopicFromThread(n) => self.topic_from_thread(c, p, *n as i64).await?,
            Cmd::Status => self.status(c, p).await?,
            Cmd::Help => super::help_text(&tr, p.role == Role::Coordinator),
            Cmd::Leave => {
                self.remove(c, &p.address).await?;
                tr.t2("cmd-left", "address", &p.address, "community", &c.cfg.name)
            }
            Cmd::Rsvp(r) => {
                let m = self.scheduled_meeting(c, None).await?;
                store
                    .set_rsvp(self.conn, m.id, p.id, *r, None, self.now)
                    .await?;
                tr.t3(
                    "cmd-rsvp",
                    "address",
                    &p.address,
                    "answer",
                    crate::domain::response_str(*r),
                    "when",
                    tr.when(m.starts_at),
                )
            }
            Cmd::Join => self.join_guest(c, p).await?,
            Cmd::Delivery { mode } => {
                let d = crate::domain::Delivery::parse(mode)
                    .ok_or_else(|| anyhow::anyhow!("{mode} is not a delivery"))?;
                store.set_delivery(self.conn, p.id, d, self.now).await?;
                let id = match d {
                    crate::domain::Delivery::Each => "delivery-each",
                    crate::domain::Delivery::Digest => "delivery-digest",
                    crate::domain::Delivery::None => "delivery-none",
                };
                tr.t1(id, "community", &c.cfg.name)
            }
            Cmd::Language(code) => {
                let lang = crate::domain::Lang::parse(code)
                    .ok_or_else(|| anyhow::anyhow!("{code} is not a language of ours"))?;
                store
                    .set_language(self.conn, p.id, Some(lang), self.now)
                    .await?;
                // Said in the language just chosen: the first words they read in it.
                c.tr()
                    .in_lang(lang)
                    .t1("language-set", "community", &c.cfg.name)
            }
            Cmd::Pause => {
                store
                    .set_status(self.conn, p.id, PersonStatus::Paused, self.now)
                    .await?;
                c.tr_for(p).t1("paused", "community", &c.cfg.name)
            }
            Cmd::Resume => {
                store
                    .set_status(self.conn, p.id, PersonStatus::Active, self.now)
                    .await?;
                c.tr_for(p).t1("resumed", "community", &c.cfg.name)
            }
            Cmd::Topics => {
                let topics = store.open_topics(self.conn, c.id).await?;
                if topics.is_empty() {
                    tr.t("topics-none")
                } else {
                    let mut t = tr.t("topics-list");
                    t.push('\n');
                    for x in topics {
                        t.push_str(&format!(
                            "\n#{} {} (+{}) — {}",
                            x.number,
                            x.title,
                            x.votes,
                            x.proposer.unwrap_or_default()
                        ));
                    }
                    t
                }
            }
            Cmd::Search(words) => {
                let hits = store.search(self.conn, c.id, words, 10).await?;
                if hits.is_empty() {
                    tr.t1("search-none", "words", words)
                } else {
                    let mut t = tr.t2("search-hits", "count", hits.len(), "words", words);
                    t.push('\n');
                    for h in hits {
                        t.push_str("\n- ");
                        t.push_str(&tr.t4(
                            "search-hit",
                            "kind",
                            h.kind,
                            "author",
                            &h.author,
                            "day",
                            tr.day(h.at),
                            "text",
                            &h.body,
                        ));
                    }
                    t
                }
            }
        })
    }

    /// REMOVE and LEAVE (by mail, on the command line, `roundtable member remove`): no more
    /// mail for them. Whether they were an active member.
    pub(in crate::rules) async fn remove(&mut self, c: &Community, a: &Address) -> Result<bool> {
        let store = self.world.store.clone();
        store.remove_person(self.conn, c.id, a, self.now).await
    }

    async fn invite(
        &mut self,
        c: &Community,
        inviter: &Person,
        a: &Address,
        name: Option<&str>,
    ) -> Result<String> {
        let store = self.world.store.clone();
        if let Some(existing) = store.person_by_address(self.conn, c.id, a).await? {
            // A member stays a member, paused or bouncing too: an invitation never demotes.
            if existing.role != Role::Guest && existing.status != PersonStatus::Left {
                return Ok(c.tr_for(inviter).t4(
                    "cmd-already",
                    "address",
                    a,
                    "role",
                    existing.role.as_str(),
                    "community",
                    &c.cfg.name,
                    "state",
                    existing.status,
                ));
            }
        }
        let m = self.scheduled_meeting(c, None).await.map_err(|_| {
            anyhow::Error::new(crate::texts::Said(
                crate::texts::Msg::new("err-invite-no-meeting").arg("address", a),
                c.cfg.timezone,
            ))
        })?;
        let id = store
            .upsert_person(self.conn, c.id, a, name, Role::Guest, self.now)
            .await?;
        store
            .set_guest_mark(self.conn, id, GuestMark::Invited, Some(self.now))
            .await?;
        let guest = store
            .person_by_id(self.conn, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the guest just added"))?;
        let tr = c.tr_for(&guest);
        let when = tr.when(m.starts_at);
        let footer = crate::rules::footer_for(c, &guest);
        let (text, html) = compose::Invitation {
            name: guest.display_name(),
            inviter: inviter.display_name(),
            community: &c.cfg.name,
            description: &c.cfg.description,
            when: &when,
            place: m.place.as_deref(),
        }
        .render(&footer)?;
        let d = Draft {
            kind: OtherMailKind::Invitation.into(),
            subject: tr.t2(
                "subject-invitation",
                "community",
                &c.cfg.name,
                "when",
                &when,
            ),
            token: self.token(Purpose::Rsvp, guest.id, m.id, m.starts_at),
            in_reply_to: None,
            references: vec![m.thread_id.clone()],
            auto_submitted: "auto-generated",
            text,
            html,
            dedup_key: format!("invite:{}:{}:{}", m.id, guest.id, self.now),
            calendar: Some(self.calendar(c, &m, &guest, false)),
            message_id: None,
            images: Vec::new(),
        };
        let mail = self.mail(c, &guest, Some(&m), d)?;
        self.enqueue(mail).await?;
        let tr = c.tr_for(inviter);
        Ok(tr.t2("cmd-invited", "address", a, "when", tr.when(m.starts_at)))
    }

    pub(in crate::rules) async fn welcome(&mut self, c: &Community, p: &Person) -> Result<()> {
        let footer = crate::rules::footer_for(c, p);
        let (text, html) = compose::Welcome {
            name: p.display_name(),
            community: &c.cfg.name,
            description: &c.cfg.description,
        }
        .render(&footer)?;
        let d = Draft {
            kind: OtherMailKind::Welcome.into(),
            subject: c.tr_for(p).t1("subject-welcome", "community", &c.cfg.name),
            token: self.token(Purpose::Reply, p.id, 0, self.now),
            in_reply_to: None,
            references: Vec::new(),
            auto_submitted: "auto-generated",
            text,
            html,
            dedup_key: format!("welcome:{}:{}:{}", c.id, p.id, self.now),
            calendar: None,
            message_id: None,
            images: Vec::new(),
        };
        let mail = self.mail(c, p, None, d)?;
        self.enqueue(mail).await
    }

    /// TOPIC FROM THREAD n: the thread's Subject becomes a topic for the next agenda, credited
    /// to who started it (the coordinator when that was not a member), its first lines as the
    /// details. A thread already made a topic is not added twice.
    async fn topic_from_thread(&mut self, c: &Community, k: &Person, n: i64) -> Result<String> {
        let store = self.world.store.clone();
        let tr = c.tr_for(k);
        let Some(v) = store.thread_by_number(self.conn, c.id, n).await? else {
            return Ok(tr.t1("cmd-thread-none", "number", n));
        };
        let credited = match store.first_post_author(self.conn, c.id, n).await? {
            Some(id) => store.person_by_id(self.conn, id).await?,
            None => None,
        }
        .unwrap_or_else(|| k.clone());
        // Stored with the topic, so in the group's language (the agenda shows it to all).
        let details = c
            .tr()
            .t2("topic-from-thread", "number", n, "author", &v.author);
        if store
            .open_topics(self.conn, c.id)
            .await?
            .iter()
            .any(|t| t.details.as_deref() == Some(details.as_str()))
        {
            return Ok(tr.t1("cmd-thread-already", "number", n));
        }
        let meeting = store.next_meeting(self.conn, c.id, self.now).await?;
        let title = v.subject.clone();
        let number = store
            .add_topic(
                self.conn,
                c.id,
                &title,
                Some(&details),
                credited.id,
                meeting.as_ref().map(|m| m.id),
                self.now,
            )
            .await?;
        store
            .index_text(
                self.conn,
                c.id,
                crate::domain::SearchKind::Topic,
                credited.display_name(),
                self.now,
                &format!("#{number} {title} — {details}"),
            )
            .await?;
        Ok(tr.t4(
            "cmd-thread-topic",
            "number",
            n,
            "title",
            &title,
            "topic",
            number,
            "name",
            credited.display_name(),
        ))
    }

    async fn status(&mut self, c: &Community, p: &Person) -> Result<String> {
        let store = self.world.store.clone();
        let tr = c.tr_for(p);
        let mut t = String::new();
        let line = |t: &mut String, s: String| {
            t.push_str(&s);
            t.push('\n');
        };
        match store.next_meeting(self.conn, c.id, self.now).await? {
            Some(m) => {
                line(
                    &mut t,
                    tr.t3(
                        if m.place.is_some() {
                            "status-next-at"
                        } else {
                            "status-next"
                        },
                        "when",
                        tr.when(m.starts_at),
                        "id",
                        m.id,
                        "place",
                        m.place.as_deref().unwrap_or_default(),
                    ),
                );
                let answers = store.responses(self.conn, m.id).await?;
                let n = |r: Response| answers.iter().filter(|(_, x)| *x == r).count();
                let members = store.active_people(self.conn, c.id).await?.len();
                line(
                    &mut t,
                    tr.t4(
                        "status-answers",
                        "yes",
                        n(Response::Yes),
                        "maybe",
                        n(Response::Maybe),
                        "no",
                        n(Response::No),
                        "open",
                        members.saturating_sub(answers.len()),
                    ),
                );
            }
            None if c.cfg.meeting_cron.is_some() => line(&mut t, tr.t("status-none-planned")),
            None => line(&mut t, tr.t("status-none-scheduled")),
        }
        let coming = self
            .world
            .coming_occurrences(self.conn, c, self.now, 3)
            .await?;
        if !coming.is_empty() {
            line(&mut t, tr.t("status-then"));
            for (starts_at, jobs) in &coming {
                let s = match jobs.first() {
                    Some((kind, due)) => tr.t3(
                        "status-then-job",
                        "when",
                        tr.when(*starts_at),
                        "kind",
                        kind,
                        "due",
                        tr.when(*due),
                    ),
                    None => tr.when(*starts_at),
                };
                line(&mut t, format!("  {s}"));
            }
        }
        let topics = store.open_topics(self.conn, c.id).await?;
        line(
            &mut t,
            tr.t2(
                "status-topics",
                "count",
                topics.len(),
                "topics",
                topics
                    .iter()
                    .take(5)
                    .map(|x| format!("#{} {} (+{})", x.number, x.title, x.votes))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        );
        // The conversations of the last 30 days, numbered for TOPIC FROM THREAD n (issue 15).
        let threads = store
            .conversations_since(self.conn, c.id, self.now - 30 * 86400)
            .await?;
        if !threads.is_empty() {
            line(&mut t, tr.t("status-threads"));
            for v in threads.iter().rev().take(10) {
                let s = tr.t4(
                    "status-thread",
                    "number",
                    v.number,
                    "subject",
                    &v.subject,
                    "author",
                    &v.author,
                    "replies",
                    v.posts - 1,
                );
                line(&mut t, format!("  {s}"));
            }
        }
        let guests = store.guests(self.conn, c.id).await?;
        if guests.is_empty() {
            line(&mut t, tr.t("status-guests-none"));
        } else {
            line(&mut t, tr.t("status-guests"));
            for (g, invited, followed, nudged) in guests.iter().take(20) {
                let day = |x: &Option<i64>| x.map(|s| tr.day(s)).unwrap_or_default();
                let stage = match (g.status, invited, followed, nudged) {
                    (PersonStatus::Declined, ..) => tr.t("status-guest-declined"),
                    (_, _, Some(_), Some(_)) => tr.t2(
                        "status-guest-nudged",
                        "followed",
                        day(followed),
                        "nudged",
                        day(nudged),
                    ),
                    (_, _, Some(_), None) => {
                        tr.t1("status-guest-followed", "followed", day(followed))
                    }
                    (_, Some(_), None, _) => tr.t1("status-guest-invited", "invited", day(invited)),
                    _ => tr.t1("status-guest-state", "state", g.status),
                };
                line(&mut t, format!("  {} — {stage}", g.address));
            }
        }
        let (pending, failed) = store.outbox_counts(self.conn, c.id).await?;
        line(
            &mut t,
            tr.t2("status-mail", "pending", pending, "failed", failed),
        );
        // The batch's records so far are in the count.
        crate::rules::batch::flush(&store, self.conn).await?;
        let unclear = store
            .unclear_since(self.conn, c.id, self.now - 7 * 86400)
            .await?;
        if unclear > 0 {
            line(&mut t, tr.t1("status-unclear", "count", unclear));
        }
        Ok(t)
    }
}

/// A person named in ATTENDED: an address, a full name, a first name, or an address's local part.
fn match_person<'p>(people: &'p [Person], who: &str) -> Option<&'p Person> {
    let w = who
        .trim()
        .trim_matches(|c| c == '<' || c == '>')
        .to_lowercase();
    if w.contains('@') {
        let a = Address::parse(&w).ok()?;
        return people.iter().find(|p| p.address == a);
    }
    let by = |f: &dyn Fn(&Person) -> bool| {
        let v: Vec<&Person> = people
            .iter()
            .filter(|p| p.status == PersonStatus::Active && f(p))
            .collect();
        if v.len() == 1 {
            Some(v[0])
        } else {
            None
        }
    };
    by(&|p| {
        p.name
            .as_deref()
            .map(|n| n.to_lowercase() == w)
            .unwrap_or(false)
    })
    .or_else(|| {
        by(&|p| {
            p.name
                .as_deref()
                .and_then(|n| n.split_whitespace().next())
                .map(|n| n.to_lowercase() == w)
                .unwrap_or(false)
        })
    })
    .or_else(|| by(&|p| p.address.local() == w))
}

/// A meeting's local start in the community's zone; a time the clocks skip is refused in the
/// sender's language.
fn local_start(c: &Community, when: chrono::NaiveDateTime) -> Result<i64> {
    local_instant(when, c.cfg.timezone).map_err(|_| {
        anyhow::Error::new(crate::texts::Said(
            crate::texts::Msg::new("err-time-does-not-exist")
                .arg("time", when.format("%Y-%m-%d %H:%M"))
                .arg("zone", c.cfg.timezone),
            c.cfg.timezone,
        ))
    })
}
