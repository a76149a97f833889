//! The meeting timeline: persisted jobs that fire at their due time, each queueing one mail
//! per recipient in the transaction that marks the job done.
//!
//! Every job × recipient is queued at most once: the job is claimed with a lease (two
//! daemons never fire it together), the outbox row's dedup key is `job:<job>:<person>`, and
//! the job is marked done in the same transaction. A daemon that was down fires what fell due
//! meanwhile if it still makes sense ([`schedule::decide`]) and skips the rest with a log line.

use anyhow::{Context as _, Result};

use super::{Act, Community, Draft, World};
use crate::compose::token::Purpose;
use crate::compose::{self, TopicLine};
use crate::domain::{
    response_str, JobStatus, MeetingStatus, OtherMailKind, PersonStatus, Response, Role,
};
use crate::schedule::{self, Decision, JobKind, Offsets};
use crate::store::{Job, Meeting, Person};

/// How long a claimed job is ours before another daemon may take it. Renewed every few
/// seconds while the job runs (however long a large digest takes), so that after a crash
/// another daemon takes the job over this long after it was last renewed.
const JOB_LEASE: i64 = 120;
/// How far ahead recurring meetings are created (beyond their announcement offset).
const PLAN_AHEAD: i64 = 7 * 86400;
/// A meeting's length for calendars; once it has passed, the meeting is marked held.
const MEETING_LENGTH: std::time::Duration = std::time::Duration::from_secs(2 * 3600);
/// A job that fails on this many claims is given up (failed) and the coordinators are told.
const JOB_ATTEMPTS: i64 = 3;

/// What one round of the schedule did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Fired {
    pub jobs: usize,
    pub skipped: usize,
    pub mails: usize,
    /// Jobs that failed this time (tried again later, or given up after [`JOB_ATTEMPTS`]).
    pub failed: usize,
}

pub fn offsets(c: &Community) -> Offsets {
    let t = &c.cfg.timeline;
    Offsets {
        announce: t.announce,
        call_for_topics: t.call_for_topics,
        agenda: t.agenda,
        reminder: t.reminder,
        takeaway_request: t.takeaway_request,
        guest_followup: t.guest_followup,
    }
}

impl World {
    /// Creates the jobs of a new (or moved) meeting; pending jobs of a moved one are re-timed.
    pub(super) async fn plan_meeting_jobs(
        &self,
        conn: &mut sqlx::AnyConnection,
        c: &Community,
        m: &Meeting,
        now: i64,
    ) -> Result<()> {
        for (kind, due) in schedule::meeting_jobs_in(m.starts_at, now, &offsets(c), c.cfg.timezone)
        {
            let key = format!("meeting:{}:{}", m.id, kind.as_str());
            if !self
                .store
                .add_job(conn, &key, c.id, Some(m.id), kind, due)
                .await?
            {
                self.store.retime_job(conn, m.id, kind, due).await?;
            }
        }
        Ok(())
    }

    /// Makes sure what recurs exists as rows: the meetings of `meeting_cron` whose
    /// announcement falls within the planning horizon, and each community's next digest.
    pub async fn plan(&self, now: i64) -> Result<usize> {
        let mut created = 0;
        for c in &self.communities {
            let held = self
                .store
                .mark_held(c.id, now - MEETING_LENGTH.as_secs() as i64)
                .await?;
            if held > 0 {
                tracing::info!(community = %c.cfg.slug, meetings = held, "marked held: their time has passed");
            }
            if let Some(expr) = &c.cfg.meeting_cron {
                let horizon = now + c.cfg.timeline.announce.as_secs() as i64 + PLAN_AHEAD;
                let starts = schedule::cron_between(expr, c.cfg.timezone, now, horizon, 10)
                    .map_err(anyhow::Error::msg)?;
                for starts_at in starts {
                    let mut tx = self.store.begin().await?;
                    // Once per slot, ever: a cancelled or moved occurrence is not created again.
                    if !self
                        .store
                        .claim_recurring_slot(&mut tx, c.id, starts_at, now)
                        .await?
                    {
                        tx.commit().await?;
                        continue;
                    }
                    let thread_id = new_thread_id(c);
                    let id = self
                        .store
                        .create_meeting(
                            &mut tx,
                            c.id,
                            starts_at,
                            c.cfg.meeting_place.as_deref(),
                            &thread_id,
                            now,
                        )
                        .await?;
                    let m = self
                        .store
                        .meeting(&mut tx, id)
                        .await?
                        .context("the meeting just created")?;
                    self.plan_meeting_jobs(&mut tx, c, &m, now).await?;
                    tx.commit().await?;
                    tracing::info!(community = %c.cfg.slug, meeting = id, "recurring meeting planned for {}", super::local_time(c.cfg.timezone, starts_at));
                    created += 1;
                }
            }
            self.nudge_guests(c, now).await?;
            let mut tx = self.store.begin().await?;
            for (kind, cron, prefix) in [
                (JobKind::Digest, &c.cfg.timeline.digest_cron, "digest"),
                (
                    JobKind::PostDigest,
                    &c.cfg.timeline.post_digest_cron,
                    "post-digest",
                ),
            ] {
                if self.store.has_pending_job(&mut tx, c.id, kind).await? {
                    continue;
                }
                let after = self
                    .store
                    .last_digest_due(&mut tx, c.id, kind)
                    .await?
                    .unwrap_or(now)
                    .max(now);
                if let Some(due) =
                    schedule::next_cron(cron, c.cfg.timezone, after).map_err(anyhow::Error::msg)?
                {
                    // The key names the slot: two daemons planning it make one job.
                    self.store
                        .add_job(
                            &mut tx,
                            &format!("{prefix}:{}:{due}", c.id),
                            c.id,
                            None,
                            kind,
                            due,
                        )
                        .await?;
                }
            }
            tx.commit().await?;
        }
        Ok(created)
    }

    /// The next `count` occurrences of a community's `meeting_cron` that are not meetings yet
    /// (they become meetings as their announcement comes near), each with the mail it will
    /// bring and when: what `timeline` and `meeting list` show, so a coordinator can check
    /// their cron long before anything is sent. Empty without a `meeting_cron`.
    pub async fn coming_occurrences(
        &self,
        conn: &mut sqlx::AnyConnection,
        c: &Community,
        now: i64,
        count: usize,
    ) -> Result<Vec<(i64, Vec<(JobKind, i64)>)>> {
        let Some(expr) = &c.cfg.meeting_cron else {
            return Ok(Vec::new());
        };
        let within = now + 2 * 366 * 86400;
        let mut out = Vec::new();
        // Planned slots come first in time, so a few more than `count` are enough.
        for starts_at in schedule::cron_between(expr, c.cfg.timezone, now, within, count + 16)
            .map_err(anyhow::Error::msg)?
        {
            if out.len() == count {
                break;
            }
            if self
                .store
                .recurring_slot_taken(conn, c.id, starts_at)
                .await?
            {
                continue;
            }
            let jobs = schedule::meeting_jobs_in(starts_at, now, &offsets(c), c.cfg.timezone);
            out.push((starts_at, jobs));
        }
        Ok(out)
    }

    /// One gentle reminder to each guest who stayed silent after the follow-up; then nothing.
    async fn nudge_guests(&self, c: &Community, now: i64) -> Result<()> {
        let mut tx = self.store.begin().await?;
        let guests = self
            .store
            .guests_to_nudge(
                &mut tx,
                c.id,
                now - c.cfg.timeline.guest_reminder.as_secs() as i64,
            )
            .await?;
        if guests.is_empty() {
            return Ok(());
        }
        let last = self.store.last_meeting_before(&mut tx, c.id, now).await?;
        let mut act = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        };
        for g in &guests {
            let tr = c.tr_for(g);
            let when = last
                .as_ref()
                .map(|m| tr.when(m.starts_at))
                .unwrap_or_default();
            let footer = super::footer_for(c, g);
            let (text, html) = compose::GuestFollowup {
                name: g.display_name(),
                community: &c.cfg.name,
                when: &when,
                description: &c.cfg.description,
            }
            .render(&footer)?;
            let d = Draft {
                kind: OtherMailKind::GuestReminder.into(),
                subject: tr.t1("subject-nudge", "community", &c.cfg.name),
                token: act.token(Purpose::Followup, g.id, 0, now),
                in_reply_to: None,
                references: last.iter().map(|m| m.thread_id.clone()).collect(),
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("nudge:{}:{}", g.id, now / 86400),
                calendar: None,
                message_id: None,
                images: Vec::new(),
            };
            let mail = act.mail(c, g, None, d)?;
            act.enqueue(mail).await?;
            self.store
                .set_guest_mark(act.conn, g.id, crate::store::GuestMark::Nudged, Some(now))
                .await?;
        }
        tx.commit().await?;
        tracing::info!(community = %c.cfg.slug, guests = guests.len(), "reminded silent guests once");
        Ok(())
    }

    /// Fires every job due at `now`, each in its own transaction with the mail it causes.
    pub async fn fire_due(&self, owner: &str, now: i64) -> Result<Fired> {
        let mut fired = Fired::default();
        // Held posts past `hold_days` expire here, beside the jobs (issue 15).
        match self.expire_held_posts(now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!("{n} held posts expired, their senders told"),
            Err(e) => tracing::error!("expiring held posts failed, tried again later: {e:#}"),
        }
        loop {
            let jobs = self.store.claim_jobs(owner, now, JOB_LEASE, 20).await?;
            if jobs.is_empty() {
                return Ok(fired);
            }
            for job in jobs {
                let keeper = self.keep_job(&job, owner, now);
                let fired_job = self.fire(&job, owner, now).await;
                drop(keeper);
                match fired_job {
                    Ok((skipped, mails)) => {
                        fired.jobs += 1;
                        fired.skipped += skipped as usize;
                        fired.mails += mails;
                    }
                    // One job's failure holds up no other job: it is left leased and comes
                    // back when its lease runs out, until it has failed JOB_ATTEMPTS times.
                    Err(e) if job.attempts < JOB_ATTEMPTS => {
                        fired.failed += 1;
                        tracing::error!(job = job.id, kind = %job.kind, attempt = job.attempts, "job failed, tried again later: {e:#}");
                    }
                    Err(e) => {
                        fired.failed += 1;
                        self.give_up_job(&job, owner, &e, now).await?;
                    }
                }
            }
        }
    }

    /// Renews the lease on `job` while it runs (until dropped). A lost lease needs no action
    /// here: finishing the job then finds it and rolls back (nothing of it is queued).
    fn keep_job(&self, job: &Job, owner: &str, now: i64) -> crate::outbox::lease::Keeper {
        let (store, owner, id) = (self.store.clone(), owner.to_string(), job.id);
        let started = std::time::Instant::now();
        crate::outbox::lease::Keeper::start(
            format!("the lease on job {id}"),
            JOB_LEASE,
            move || {
                let (store, owner) = (store.clone(), owner.clone());
                let until = now + started.elapsed().as_secs() as i64 + JOB_LEASE;
                async move { store.renew_job(id, &owner, until).await }
            },
            || {},
        )
    }

    /// Marks a job that failed on every attempt as failed and tells the coordinators once.
    async fn give_up_job(&self, job: &Job, owner: &str, e: &anyhow::Error, now: i64) -> Result<()> {
        tracing::error!(job = job.id, kind = %job.kind, attempts = job.attempts, "job failed on every attempt, given up: {e:#}");
        let mut tx = self.store.begin().await?;
        let detail = format!("failed {} times: {e:#}", job.attempts);
        if !self
            .store
            .finish_job(&mut tx, job.id, owner, JobStatus::Failed, &detail, now)
            .await?
        {
            return Ok(()); // another daemon has it now
        }
        if let Some(c) = self.communities.iter().find(|c| c.id == job.community_id) {
            let mut act = Act {
                world: self,
                conn: &mut tx,
                now,
                queued: 0,
            };
            // The date in each coordinator's language: the message gets the instant.
            let when = c.tr().when(job.due_at);
            act.notify_coordinators(
                c,
                &crate::texts::Msg::new("subject-notice-job-failed")
                    .arg("community", &c.cfg.name)
                    .arg("kind", job.kind)
                    .arg("when", &when),
                &crate::texts::Msg::new("notice-job-failed")
                    .arg("kind", job.kind)
                    .arg("when", &when)
                    .arg("count", job.attempts)
                    .arg("error", format!("{e:#}")),
            )
            .await?;
        }
        tx.commit().await.context("giving up a job")?;
        Ok(())
    }

    async fn fire(&self, job: &Job, owner: &str, now: i64) -> Result<(bool, usize)> {
        crate::fault::check("fail-job", job.kind.as_str())?;
        let mut tx = self.store.begin().await?;
        let Some(c) = self.communities.iter().find(|c| c.id == job.community_id) else {
            self.store
                .finish_job(
                    &mut tx,
                    job.id,
                    owner,
                    JobStatus::Skipped,
                    "community no longer configured",
                    now,
                )
                .await?;
            tx.commit().await?;
            return Ok((true, 0));
        };
        let meeting = match job.meeting_id {
            Some(id) => self.store.meeting(&mut tx, id).await?,
            None => None,
        };
        let kind = job.kind;
        let (status, detail, mails) = match schedule::decide(
            kind,
            job.due_at,
            meeting.as_ref().map(|m| m.starts_at),
            now,
        ) {
            Decision::NotYet => {
                tx.rollback().await?;
                return Ok((false, 0));
            }
            Decision::TooLate => {
                let detail = format!(
                    "too late to send (due {}, now {})",
                    super::local_time(c.cfg.timezone, job.due_at),
                    super::local_time(c.cfg.timezone, now)
                );
                tracing::warn!(community = %c.cfg.slug, job = job.id, kind = %job.kind, "skipped: {detail}");
                (JobStatus::Skipped, detail, 0)
            }
            Decision::Send => {
                let mut act = Act {
                    world: self,
                    conn: &mut tx,
                    now,
                    queued: 0,
                };
                let detail = act.run_job(c, job, kind, meeting.as_ref()).await?;
                let mails = act.queued;
                (
                    if mails == 0 {
                        JobStatus::Skipped
                    } else {
                        JobStatus::Done
                    },
                    detail,
                    mails,
                )
            }
        };
        if !self
            .store
            .finish_job(&mut tx, job.id, owner, status, &detail, now)
            .await?
        {
            tx.rollback().await?;
            tracing::warn!(job = job.id, "lease lost to another daemon: not sending");
            return Ok((false, 0));
        }
        tx.commit().await.context("committing a job and its mail")?;
        if status == JobStatus::Done {
            tracing::info!(community = %c.cfg.slug, job = job.id, kind = %job.kind, mails, "{detail}");
        }
        Ok((status == JobStatus::Skipped, mails))
    }
}

/// What became of one person's copy of a job's mail: `Ok(true)` queued. A failure of that
/// person's own (their data cannot make a mail) is logged, noted in `failed` and gives
/// `Ok(false)`: everyone else still gets theirs. A database error is returned, and the job's
/// transaction is rolled back and tried again. Each copy is composed before anything of it is
/// written, so a failure of the first kind leaves nothing half-done.
pub(super) fn skip_one(sent: Result<()>, p: &Person, failed: &mut Vec<String>) -> Result<bool> {
    match sent {
        Ok(()) => Ok(true),
        Err(e) if e.chain().any(|x| x.is::<sqlx::Error>()) => Err(e),
        Err(e) => {
            tracing::warn!(person = p.id, "not sent to {}: {e:#}", p.address);
            failed.push(format!("{} ({e:#})", p.address));
            Ok(false)
        }
    }
}

/// The end of a job's log line naming who did not get its mail, if anyone.
pub(super) fn not_sent(failed: &[String]) -> String {
    if failed.is_empty() {
        String::new()
    } else {
        format!("; not sent to {}: {}", failed.len(), failed.join(", "))
    }
}

pub(super) fn new_thread_id(c: &Community) -> String {
    format!(
        "meeting-{}@{}",
        uuid::Uuid::new_v4().simple(),
        c.cfg.address.domain()
    )
}

impl Act<'_, '_> {
    /// Queues a job's mail; returns the line that says what was done.
    async fn run_job(
        &mut self,
        c: &Community,
        job: &Job,
        kind: JobKind,
        meeting: Option<&Meeting>,
    ) -> Result<String> {
        let store = self.world.store.clone();
        if kind == JobKind::Digest {
            return self.digest(c, job).await;
        }
        if kind == JobKind::PostDigest {
            return self.post_digest(c, job).await;
        }
        let m = meeting.context("a meeting job without its meeting")?;
        let after = matches!(kind, JobKind::TakeawayRequest | JobKind::GuestFollowup);
        match m.status {
            MeetingStatus::Scheduled => {}
            MeetingStatus::Held if after => {}
            status => return Ok(format!("meeting {} is {status}", m.id)),
        }
        let mut failed = Vec::new();
        let people = store.active_people(self.conn, c.id).await?;
        match kind {
            JobKind::Announcement => {
                for p in &people {
                    let sent = self.announce(c, m, p, job.id).await;
                    skip_one(sent, p, &mut failed)?;
                }
                Ok(format!(
                    "announced meeting {} to {} people{}",
                    m.id,
                    people.len() - failed.len(),
                    not_sent(&failed)
                ))
            }
            JobKind::CallForTopics => {
                let topics = self.topic_lines(c, Some(m)).await?;
                for p in &people {
                    let sent = async {
                        let tr = c.tr_for(p);
                        let when = tr.when(m.starts_at);
                        let footer = super::footer_for(c, p);
                        let (text, html) = compose::CallForTopics {
                            name: p.display_name(),
                            community: &c.cfg.name,
                            when: &when,
                            topics: &topics,
                        }
                        .render(&footer)?;
                        let subject = tr.t2("subject-cft", "community", &c.cfg.name, "when", &when);
                        self.job_mail(
                            c,
                            m,
                            p,
                            job,
                            JobKind::CallForTopics,
                            subject,
                            Purpose::Topics,
                            text,
                            html,
                        )
                        .await
                    }
                    .await;
                    skip_one(sent, p, &mut failed)?;
                }
                Ok(format!(
                    "call for topics ({} open) to {} people{}",
                    topics.len(),
                    people.len() - failed.len(),
                    not_sent(&failed)
                ))
            }
            JobKind::Agenda => {
                let topics = self.topic_lines(c, Some(m)).await?;
                let answers = store.responses(self.conn, m.id).await?;
                // Everyone who answered, guests too (they get no agenda, but they come).
                let everyone = store.people_in(self.conn, c.id).await?;
                let names = |r: Response| -> Vec<String> {
                    let mut v: Vec<String> = answers
                        .iter()
                        .filter(|(_, x)| *x == r)
                        .filter_map(|(id, _)| {
                            let p = everyone.iter().find(|p| p.id == *id)?;
                            (p.status != PersonStatus::Left).then(|| {
                                if p.role == Role::Guest {
                                    c.tr().t1("guest-mark", "name", p.display_name())
                                } else {
                                    p.display_name().to_string()
                                }
                            })
                        })
                        .collect();
                    v.sort();
                    v
                };
                let (coming, maybe) = (names(Response::Yes), names(Response::Maybe));
                for p in &people {
                    let sent = async {
                        let tr = c.tr_for(p);
                        let when = tr.when(m.starts_at);
                        let footer = super::footer_for(c, p);
                        let (text, html) = compose::Agenda {
                            name: p.display_name(),
                            community: &c.cfg.name,
                            when: &when,
                            place: m.place.as_deref(),
                            topics: &topics,
                            coming: &coming,
                            maybe: &maybe,
                        }
                        .render(&footer)?;
                        self.job_mail(
                            c,
                            m,
                            p,
                            job,
                            JobKind::Agenda,
                            tr.t2("subject-agenda", "community", &c.cfg.name, "when", &when),
                            Purpose::Rsvp,
                            text,
                            html,
                        )
                        .await
                    }
                    .await;
                    skip_one(sent, p, &mut failed)?;
                }
                Ok(format!(
                    "agenda ({} topics, {} coming) to {} people{}",
                    topics.len(),
                    coming.len(),
                    people.len() - failed.len(),
                    not_sent(&failed)
                ))
            }
            JobKind::Reminder => {
                let answers = store.responses(self.conn, m.id).await?;
                let mut n = 0;
                // Members, and the guests invited to this meeting.
                let mut people = people.clone();
                for g in store.invited_people(self.conn, m.id).await? {
                    if g.role == crate::domain::Role::Guest
                        && g.status == PersonStatus::Active
                        && !people.iter().any(|p| p.id == g.id)
                    {
                        people.push(g);
                    }
                }
                for p in &people {
                    let answer = answers.iter().find(|(id, _)| *id == p.id).map(|(_, r)| *r);
                    if answer == Some(Response::No) {
                        continue; // never nag those who said no
                    }
                    let answer = answer.map_or("", response_str);
                    let sent = async {
                        let tr = c.tr_for(p);
                        let when = tr.when(m.starts_at);
                        let footer = super::footer_for(c, p);
                        let (text, html) = compose::Reminder {
                            name: p.display_name(),
                            community: &c.cfg.name,
                            when: &when,
                            place: m.place.as_deref(),
                            answer,
                        }
                        .render(&footer)?;
                        self.job_mail(
                            c,
                            m,
                            p,
                            job,
                            JobKind::Reminder,
                            tr.t2("subject-reminder", "community", &c.cfg.name, "when", &when),
                            Purpose::Rsvp,
                            text,
                            html,
                        )
                        .await
                    }
                    .await;
                    if skip_one(sent, p, &mut failed)? {
                        n += 1;
                    }
                }
                Ok(format!(
                    "reminder to {n} people (not to those who said no){}",
                    not_sent(&failed)
                ))
            }
            JobKind::TakeawayRequest | JobKind::GuestFollowup => {
                let attendees = store.attendees(self.conn, m.id).await?;
                let mut n = 0;
                for id in attendees {
                    let Some(p) = store.person_by_id(self.conn, id).await? else {
                        continue;
                    };
                    if p.status != PersonStatus::Active {
                        continue;
                    }
                    let sent = if kind == JobKind::TakeawayRequest {
                        async {
                            let tr = c.tr_for(&p);
                            let when = tr.when(m.starts_at);
                            let footer = super::footer_for(c, &p);
                            let (text, html) = compose::TakeawayRequest {
                                name: p.display_name(),
                                community: &c.cfg.name,
                                when: &when,
                            }
                            .render(&footer)?;
                            self.job_mail(
                                c,
                                m,
                                &p,
                                job,
                                JobKind::TakeawayRequest,
                                tr.t1("subject-takeaways", "community", &c.cfg.name),
                                Purpose::Takeaways,
                                text,
                                html,
                            )
                            .await
                        }
                        .await
                    } else if p.role == crate::domain::Role::Guest {
                        async {
                            let tr = c.tr_for(&p);
                            let when = tr.when(m.starts_at);
                            let footer = super::footer_for(c, &p);
                            let (text, html) = compose::GuestFollowup {
                                name: p.display_name(),
                                community: &c.cfg.name,
                                when: &when,
                                description: &c.cfg.description,
                            }
                            .render(&footer)?;
                            self.job_mail(
                                c,
                                m,
                                &p,
                                job,
                                JobKind::GuestFollowup,
                                tr.t1("subject-followup", "community", &c.cfg.name),
                                Purpose::Followup,
                                text,
                                html,
                            )
                            .await?;
                            store
                                .set_guest_mark(
                                    self.conn,
                                    p.id,
                                    crate::store::GuestMark::FollowedUp,
                                    Some(self.now),
                                )
                                .await
                        }
                        .await
                    } else {
                        continue;
                    };
                    if skip_one(sent, &p, &mut failed)? {
                        n += 1;
                    }
                }
                Ok(format!(
                    "{} to {n} attendee(s){}",
                    kind.as_str(),
                    not_sent(&failed)
                ))
            }
            JobKind::Digest | JobKind::PostDigest => unreachable!("handled above"),
        }
    }

    /// Open topics as the mails list them, most supported first.
    pub(super) async fn topic_lines(
        &mut self,
        c: &Community,
        meeting: Option<&Meeting>,
    ) -> Result<Vec<TopicLine>> {
        let store = self.world.store.clone();
        let rows = store.open_topics(self.conn, c.id).await?;
        Ok(rows
            .into_iter()
            .map(|t| TopicLine {
                number: t.number,
                title: t.title,
                details: t.details,
                proposer: t.proposer.unwrap_or_default(),
                votes: t.votes,
                carried_over: matches!((t.first_meeting_id, meeting), (Some(first), Some(m)) if first != m.id),
            })
            .collect())
    }

    /// The digest's pictures: who came to the last six meetings (when anyone's attendance is
    /// known) and the +1s of the most supported open topics (when there are any).
    pub(super) async fn digest_charts(
        &mut self,
        c: &Community,
        topics: &[TopicLine],
    ) -> Result<Vec<compose::chart::Chart>> {
        use compose::chart::{bars, Bar};
        let store = self.world.store.clone();
        let mut out = Vec::new();
        let recent = store
            .recent_attendance(self.conn, c.id, self.now, 6)
            .await?;
        if recent.iter().any(|(_, n)| *n > 0) {
            let items: Vec<Bar> = recent
                .iter()
                .map(|(at, n)| Bar {
                    label: c.tr().day(*at),
                    value: *n as u32,
                })
                .collect();
            out.extend(bars("attendance", &c.tr().t("chart-attendance"), &items)?);
        }
        let voted: Vec<Bar> = topics
            .iter()
            .filter(|t| t.votes > 0)
            .take(6)
            .map(|t| Bar {
                label: format!("#{} {}", t.number, t.title),
                value: t.votes as u32,
            })
            .collect();
        out.extend(bars("votes", &c.tr().t("chart-votes"), &voted)?);
        Ok(out)
    }

    async fn digest(&mut self, c: &Community, job: &Job) -> Result<String> {
        let store = self.world.store.clone();
        let takeaways = store.undigested_takeaways(self.conn, c.id).await?;
        let mut meetings: Vec<compose::DigestMeeting> = Vec::new();
        let mut last: Option<i64> = None;
        for t in &takeaways {
            if last != Some(t.meeting_id) {
                let m = store
                    .meeting(self.conn, t.meeting_id)
                    .await?
                    .context("a takeaway's meeting")?;
                let mut attendees = Vec::new();
                for id in store.attendees(self.conn, m.id).await? {
                    if let Some(p) = store.person_by_id(self.conn, id).await? {
                        attendees.push(p.display_name().to_string());
                    }
                }
                meetings.push(compose::DigestMeeting {
                    when: c.tr().when(m.starts_at),
                    attendees,
                    takeaways: Vec::new(),
                });
                last = Some(t.meeting_id);
            }
            meetings
                .last_mut()
                .expect("pushed above")
                .takeaways
                .push(compose::DigestTakeaway {
                    author: t.author.clone(),
                    text: t.text.clone(),
                });
        }
        let next_meeting = store.next_meeting(self.conn, c.id, self.now).await?;
        let topics = self.topic_lines(c, next_meeting.as_ref()).await?;
        let next = next_meeting.as_ref().map(|m| {
            let when = c.tr().when(m.starts_at);
            match m.place.as_deref() {
                Some(p) => c.tr().t2("when-at-place", "when", when, "place", p),
                None => when,
            }
        });
        // Only when there is something to say since the last one: a digest that says
        // "nothing happened" is mail nobody should have to open.
        let since = store.last_digest_done(self.conn, c.id).await?.unwrap_or(0);
        // The conversations since the last digest (issue 15): a week with only posts is news.
        let conversations: Vec<compose::DigestConversation> = store
            .conversations_since(self.conn, c.id, since)
            .await?
            .into_iter()
            .map(|v| compose::DigestConversation {
                number: v.number,
                subject: v.subject,
                author: v.author,
                replies: v.posts - 1,
                first_lines: super::posts::first_lines(&v.words, 3),
            })
            .collect();
        if takeaways.is_empty()
            && conversations.is_empty()
            && store.news_since(self.conn, c.id, since).await? == 0
        {
            return Ok("nothing new since the last digest: none sent".into());
        }
        // What the digest brings, as the Subject says it: "2 takeaways, 3 open topics", in
        // each reader's language.
        let subject_in = |tr: crate::texts::Tr<'_>| {
            let mut news = Vec::new();
            if !takeaways.is_empty() {
                news.push(tr.t1("takeaways", "count", takeaways.len()));
            }
            if !conversations.is_empty() {
                news.push(tr.t1("conversations", "count", conversations.len()));
            }
            if !topics.is_empty() {
                news.push(tr.t1("open-topics", "count", topics.len()));
            }
            if news.is_empty() {
                news.push(tr.t("digest-next-meeting"));
            }
            tr.t2(
                "subject-digest",
                "community",
                &c.cfg.name,
                "news",
                news.join(", "),
            )
        };
        let charts = self.digest_charts(c, &topics).await?;
        let people = store.active_people(self.conn, c.id).await?;
        let mut failed = Vec::new();
        for p in &people {
            let sent = async {
                let footer = super::footer_for(c, p);
                let (text, html) = compose::Digest {
                    name: p.display_name(),
                    community: &c.cfg.name,
                    meetings: &meetings,
                    topics: &topics,
                    next: next.clone(),
                    conversations: &conversations,
                    charts: &charts,
                }
                .render(&footer)?;
                let subject = subject_in(c.tr_for(p));
                let token = self.token(Purpose::Reply, p.id, 0, self.now);
                let d = Draft {
                    kind: JobKind::Digest.into(),
                    subject,
                    token,
                    in_reply_to: None,
                    references: Vec::new(),
                    auto_submitted: "auto-generated",
                    text,
                    html,
                    dedup_key: format!("job:{}:{}", job.id, p.id),
                    calendar: None,
                    message_id: None,
                    images: charts.clone(),
                };
                let mail = self.mail(c, p, None, d)?;
                self.enqueue(mail).await
            }
            .await;
            skip_one(sent, p, &mut failed)?;
        }
        let ids: Vec<i64> = takeaways.iter().map(|t| t.id).collect();
        store.mark_digested(self.conn, &ids, job.id).await?;
        Ok(format!(
            "digest ({} takeaways, {} conversations, {} topics) to {} people{}",
            takeaways.len(),
            conversations.len(),
            topics.len(),
            people.len() - failed.len(),
            not_sent(&failed)
        ))
    }

    /// One mail of a meeting job to one person, in the meeting's thread.
    #[allow(clippy::too_many_arguments)]
    async fn job_mail(
        &mut self,
        c: &Community,
        m: &Meeting,
        p: &Person,
        job: &Job,
        kind: JobKind,
        subject: String,
        purpose: Purpose,
        text: String,
        html: String,
    ) -> Result<()> {
        let token = self.token(purpose, p.id, m.id, m.starts_at);
        let d = Draft {
            kind: kind.into(),
            subject,
            token,
            in_reply_to: None,
            references: vec![m.thread_id.clone()],
            auto_submitted: "auto-generated",
            text,
            html,
            dedup_key: format!("job:{}:{}", job.id, p.id),
            calendar: None,
            message_id: None,
            images: Vec::new(),
        };
        let mail = self.mail(c, p, Some(m), d)?;
        self.enqueue(mail).await
    }

    /// The iCalendar REQUEST (or CANCEL) of a meeting for one person.
    pub(super) fn calendar(
        &self,
        c: &Community,
        m: &Meeting,
        p: &Person,
        cancel: bool,
    ) -> (String, String) {
        let place = m.place.as_deref();
        let url = place.filter(|s| s.starts_with("https://") || s.starts_with("http://"));
        let e = crate::compose::ics::Event {
            uid: &m.thread_id,
            sequence: m.sequence,
            dtstamp: self.now,
            starts_at: m.starts_at,
            duration: MEETING_LENGTH,
            tz: c.cfg.timezone,
            summary: &c.cfg.name,
            description: &c.cfg.description,
            location: place,
            url,
            organizer_name: &c.cfg.name,
            organizer_email: c.cfg.address.as_str(),
            attendee_email: p.address.as_str(),
            attendee_name: p.name.as_deref(),
        };
        if cancel {
            ("CANCEL".into(), crate::compose::ics::cancel(&e))
        } else {
            ("REQUEST".into(), crate::compose::ics::request(&e))
        }
    }
}
