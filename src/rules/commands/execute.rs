//! What each command does, by mail or on the command line: the change, and the text that
//! answers its sender.

use anyhow::Result;
use understand::command::{self as grammar, Cmd};

use crate::compose;
use crate::compose::token::Purpose;
use crate::domain::{Address, OtherMailKind, PersonStatus, Response, Role, TopicStatus};
use crate::rules::{local_instant, local_time, Act, Community, Draft};
use crate::schedule::JobKind;
use crate::store::{GuestMark, Person};

impl Act<'_, '_> {
    /// What a command does, by mail or on the command line; the text answers the sender.
    pub(super) async fn execute(&mut self, c: &Community, p: &Person, cmd: &Cmd) -> Result<String> {
        let store = self.world.store.clone();
        let tz = c.cfg.timezone;
        Ok(match cmd {
            Cmd::Schedule { when, place } => {
                let starts = local_instant(*when, tz)?;
                let m = self.schedule(c, starts, place.as_deref()).await?;
                format!("Scheduled meeting {} on {}{}. Its mail follows the timeline (roundtable timeline shows it).", m.id, local_time(tz, m.starts_at), place.as_deref().map(|p| format!(" at {p}")).unwrap_or_default())
            }
            Cmd::Reschedule {
                meeting,
                when,
                place,
            } => {
                let starts = local_instant(*when, tz)?;
                let before = self.queued;
                let m = self
                    .reschedule(c, *meeting, starts, place.as_deref())
                    .await?;
                format!(
                    "Meeting {} moved to {}; {} people invited so far were told.",
                    m.id,
                    local_time(tz, m.starts_at),
                    self.queued - before
                )
            }
            Cmd::Cancel { meeting, reason } => {
                let before = self.queued;
                let m = self.cancel(c, *meeting, reason.as_deref()).await?;
                format!(
                    "Meeting {} on {} is cancelled; {} people were told.",
                    m.id,
                    local_time(tz, m.starts_at),
                    self.queued - before
                )
            }
            Cmd::Invite { address, name } => self.invite(c, p, address, name.as_deref()).await?,
            Cmd::Add { address: a, name } => {
                if let Some(existing) = store.person_by_address(self.conn, c.id, a).await? {
                    if existing.status == PersonStatus::Active && existing.role != Role::Guest {
                        return Ok(format!(
                            "{a} is already a {} of {}.",
                            existing.role.as_str(),
                            c.cfg.name
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
                format!("Added {a} as a member; they got a welcome.")
            }
            Cmd::Remove { address: a } => {
                if self.remove(c, a).await? {
                    format!("Removed {a}: no more mail for them.")
                } else {
                    format!("{a} is not an active member of {}.", c.cfg.name)
                }
            }
            Cmd::Promote { address: a } => {
                match store.person_by_address(self.conn, c.id, a).await? {
                    Some(g) if g.role == Role::Guest => {
                        store
                            .upsert_person(self.conn, c.id, a, None, Role::Member, self.now)
                            .await?;
                        self.welcome(c, &g).await?;
                        format!("{a} is now a member; they got a welcome.")
                    }
                    Some(m) => format!("{a} is a {} already, not a guest.", m.role.as_str()),
                    None => format!("{a} is not a guest of {}: INVITE them first.", c.cfg.name),
                }
            }
            Cmd::Attended { people } => {
                let Some(m) = store.last_meeting_before(self.conn, c.id, self.now).await? else {
                    return Ok("No meeting has taken place yet.".into());
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
                let mut t = format!(
                    "Attendance of {}: {}.",
                    local_time(tz, m.starts_at),
                    found
                        .iter()
                        .map(|x| x.display_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                if !unknown.is_empty() {
                    t.push_str(&format!(
                        "\nNot found (check the spelling or use the address): {}.",
                        unknown.join(", ")
                    ));
                }
                t
            }
            Cmd::Agenda => {
                let m = self.scheduled_meeting(c, None).await?;
                let key = format!("manual:agenda:{}:{}", m.id, self.now);
                store
                    .add_job(self.conn, &key, c.id, Some(m.id), JobKind::Agenda, self.now)
                    .await?;
                format!(
                    "The agenda for {} goes out now.",
                    local_time(tz, m.starts_at)
                )
            }
            Cmd::Digest => {
                let key = format!("manual:digest:{}:{}", c.id, self.now);
                store
                    .add_job(self.conn, &key, c.id, None, JobKind::Digest, self.now)
                    .await?;
                "The digest goes out now.".into()
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
                    format!("Topic #{n} is {status}.")
                } else {
                    format!("There is no open topic #{n}.")
                }
            }
            Cmd::TopicFromThread(n) => self.topic_from_thread(c, p, *n as i64).await?,
            Cmd::Status => self.status(c).await?,
            Cmd::Help => grammar::help(p.role == Role::Coordinator),
            Cmd::Leave => {
                self.remove(c, &p.address).await?;
                format!("{} left {}.", p.address, c.cfg.name)
            }
            Cmd::Rsvp(r) => {
                let m = self.scheduled_meeting(c, None).await?;
                store
                    .set_rsvp(self.conn, m.id, p.id, *r, None, self.now)
                    .await?;
                format!(
                    "{} answered {} for {}.",
                    p.address,
                    crate::domain::response_str(*r),
                    local_time(tz, m.starts_at)
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
                c.tr_for(p).t1(id, "community", &c.cfg.name)
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
                let tr = c.tr_for(p);
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
                    format!("Nothing found for \"{words}\".")
                } else {
                    let mut t = format!(
                        "{} match{} for \"{words}\":\n",
                        hits.len(),
                        if hits.len() == 1 { "" } else { "es" }
                    );
                    for h in hits {
                        let day = chrono::DateTime::from_timestamp(h.at, 0)
                            .map(|d| d.with_timezone(&tz).format("%-d %b %Y").to_string())
                            .unwrap_or_default();
                        t.push_str(&format!(
                            "\n- {} by {}, {day}: {}",
                            h.kind, h.author, h.body
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
                let state = if existing.status == PersonStatus::Active {
                    String::new()
                } else {
                    format!(" ({})", existing.status)
                };
                return Ok(format!(
                    "{a} is already a {} of {}{state}.",
                    existing.role.as_str(),
                    c.cfg.name
                ));
            }
        }
        let m = self.scheduled_meeting(c, None).await.map_err(|_| {
            anyhow::anyhow!("there is no upcoming meeting to invite {a} to: SCHEDULE one first")
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
        let when = local_time(c.cfg.timezone, m.starts_at);
        Ok(format!("Invited {a} to {when}. They can answer YES, NO or MAYBE; after the meeting they get a follow-up asking whether they'd like to join."))
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
        let Some(v) = store.thread_by_number(self.conn, c.id, n).await? else {
            return Ok(format!(
                "There is no thread #{n}: STATUS and the digest number the threads."
            ));
        };
        let credited = match store.first_post_author(self.conn, c.id, n).await? {
            Some(id) => store.person_by_id(self.conn, id).await?,
            None => None,
        }
        .unwrap_or_else(|| k.clone());
        let details = format!("From thread #{n}, started by {}", v.author);
        if store
            .open_topics(self.conn, c.id)
            .await?
            .iter()
            .any(|t| t.details.as_deref() == Some(details.as_str()))
        {
            return Ok(format!("Thread #{n} is an open topic already."));
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
        Ok(format!(
            "Thread #{n} \"{title}\" is topic #{number} for the next agenda, proposed by {}.",
            credited.display_name()
        ))
    }

    async fn status(&mut self, c: &Community) -> Result<String> {
        let store = self.world.store.clone();
        let tz = c.cfg.timezone;
        let mut t = String::new();
        match store.next_meeting(self.conn, c.id, self.now).await? {
            Some(m) => {
                t.push_str(&format!(
                    "Next meeting: {} (meeting {}){}\n",
                    local_time(tz, m.starts_at),
                    m.id,
                    m.place
                        .as_deref()
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default()
                ));
                let answers = store.responses(self.conn, m.id).await?;
                let n = |r: Response| answers.iter().filter(|(_, x)| *x == r).count();
                let members = store.active_people(self.conn, c.id).await?.len();
                t.push_str(&format!(
                    "Answers: {} yes, {} maybe, {} no, {} not yet\n",
                    n(Response::Yes),
                    n(Response::Maybe),
                    n(Response::No),
                    members.saturating_sub(answers.len())
                ));
            }
            None if c.cfg.meeting_cron.is_some() => t.push_str(
                "No meeting planned yet (meeting_cron plans each as its announcement comes near)\n",
            ),
            None => t.push_str("No meeting scheduled: SCHEDULE YYYY-MM-DD HH:MM [place]\n"),
        }
        let coming = self
            .world
            .coming_occurrences(self.conn, c, self.now, 3)
            .await?;
        if !coming.is_empty() {
            t.push_str("Then, from meeting_cron:\n");
            for (starts_at, jobs) in &coming {
                let announced = jobs
                    .first()
                    .map(|(kind, due)| format!(" ({kind} {})", local_time(tz, *due)))
                    .unwrap_or_default();
                t.push_str(&format!("  {}{announced}\n", local_time(tz, *starts_at)));
            }
        }
        let topics = store.open_topics(self.conn, c.id).await?;
        t.push_str(&format!(
            "Open topics: {}{}\n",
            topics.len(),
            if topics.is_empty() {
                String::new()
            } else {
                format!(
                    " — {}",
                    topics
                        .iter()
                        .take(5)
                        .map(|x| format!("#{} {} (+{})", x.number, x.title, x.votes))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
        ));
        // The conversations of the last 30 days, numbered for TOPIC FROM THREAD n (issue 15).
        let threads = store
            .conversations_since(self.conn, c.id, self.now - 30 * 86400)
            .await?;
        if !threads.is_empty() {
            t.push_str("Conversations (TOPIC FROM THREAD n makes one a topic):\n");
            for v in threads.iter().rev().take(10) {
                t.push_str(&format!(
                    "  #{} {} — {}, {} repl{}\n",
                    v.number,
                    v.subject,
                    v.author,
                    v.posts - 1,
                    if v.posts == 2 { "y" } else { "ies" }
                ));
            }
        }
        let guests = store.guests(self.conn, c.id).await?;
        if guests.is_empty() {
            t.push_str("Guests: none in the pipeline\n");
        } else {
            t.push_str("Guests:\n");
            for (g, invited, followed, nudged) in guests.iter().take(20) {
                let day = |x: &Option<i64>| {
                    x.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                        .map(|d| d.with_timezone(&tz).format("%-d %b").to_string())
                };
                let stage = match (g.status, invited, followed, nudged) {
                    (PersonStatus::Declined, ..) => PersonStatus::Declined.to_string(),
                    (_, _, Some(_), Some(_)) => format!(
                        "followed up {}, reminded {}, no answer",
                        day(followed).unwrap_or_default(),
                        day(nudged).unwrap_or_default()
                    ),
                    (_, _, Some(_), None) => {
                        format!("followed up {}, waiting", day(followed).unwrap_or_default())
                    }
                    (_, Some(_), None, _) => {
                        format!("invited {}", day(invited).unwrap_or_default())
                    }
                    _ => g.status.to_string(),
                };
                t.push_str(&format!("  {} — {stage}\n", g.address));
            }
        }
        let (pending, failed) = store.outbox_counts(self.conn, c.id).await?;
        t.push_str(&format!(
            "Mail: {pending} waiting, {failed} failed{}\n",
            if failed > 0 {
                " (roundtable outbox list --status failed)"
            } else {
                ""
            }
        ));
        let unclear = store
            .unclear_since(self.conn, c.id, self.now - 7 * 86400)
            .await?;
        if unclear > 0 {
            t.push_str(&format!(
                "Replies nobody could read this week: {unclear} (roundtable log)\n"
            ));
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
