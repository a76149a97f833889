//! Scheduling and changing meetings, from the command line or a coordinator's mail. A
//! reschedule re-times the pending jobs and sends an updated invitation to those already
//! invited; a cancel drops the jobs and sends METHOD:CANCEL. Both bump the meeting's SEQUENCE
//! so calendars replace the old entry instead of adding one.

use anyhow::{Context as _, Result};

use super::{parse_local_time, Act, Community, Draft, World};
use crate::compose;
use crate::compose::token::Purpose;
use crate::domain::{MeetingStatus, OtherMailKind, PersonStatus};
use crate::store::Meeting;
use crate::texts::{Msg, Said};

/// A refusal said to whoever asked, in their language (see [`Said`]).
fn said(c: &Community, m: Msg) -> anyhow::Error {
    anyhow::Error::new(Said(m, c.cfg.timezone))
}

impl World {
    /// Schedules a meeting at a local time in the community's zone with its timeline of jobs,
    /// then fires what is already due (a meeting scheduled late is announced at once).
    /// Returns the meeting id and how many mails were queued now.
    pub async fn schedule_meeting(
        &self,
        slug: &str,
        local: &str,
        place: Option<&str>,
        now: i64,
    ) -> Result<(i64, usize)> {
        let c = self.community(slug)?;
        let starts_at = parse_local_time(local, c.cfg.timezone)?;
        let mut tx = self.store.begin().await?;
        let m = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        }
        .schedule(c, starts_at, place)
        .await?;
        tx.commit().await.context("committing the meeting")?;
        let fired = self
            .fire_due(&format!("cli-{}", std::process::id()), now)
            .await?;
        Ok((m.id, fired.mails))
    }

    /// Moves a meeting to a new local time (and place). Returns how many were told.
    pub async fn reschedule_meeting(
        &self,
        slug: &str,
        id: i64,
        local: &str,
        place: Option<&str>,
        now: i64,
    ) -> Result<usize> {
        let c = self.community(slug)?;
        let starts_at = parse_local_time(local, c.cfg.timezone)?;
        let mut tx = self.store.begin().await?;
        let mut act = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        };
        act.reschedule(c, Some(id), starts_at, place).await?;
        let n = act.queued;
        tx.commit().await.context("committing the new time")?;
        self.fire_due(&format!("cli-{}", std::process::id()), now)
            .await?;
        Ok(n)
    }

    /// Cancels a meeting: its pending mail is dropped and those invited are told.
    pub async fn cancel_meeting(
        &self,
        slug: &str,
        id: i64,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize> {
        let c = self.community(slug)?;
        let mut tx = self.store.begin().await?;
        let mut act = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        };
        act.cancel(c, Some(id), reason).await?;
        let n = act.queued;
        tx.commit().await.context("committing the cancellation")?;
        Ok(n)
    }
}

impl Act<'_, '_> {
    /// A new meeting with its jobs, in the caller's transaction.
    pub(super) async fn schedule(
        &mut self,
        c: &Community,
        starts_at: i64,
        place: Option<&str>,
    ) -> Result<Meeting> {
        let store = self.world.store.clone();
        if starts_at <= self.now {
            return Err(said(c, Msg::new("err-past").when("when", starts_at)));
        }
        if store
            .meeting_at(self.conn, c.id, starts_at)
            .await?
            .is_some()
        {
            return Err(said(
                c,
                Msg::new("err-meeting-exists")
                    .arg("community", &c.cfg.name)
                    .when("when", starts_at),
            ));
        }
        let thread_id = super::timeline::new_thread_id(c);
        let place = place.or(c.cfg.meeting_place.as_deref());
        let id = store
            .create_meeting(self.conn, c.id, starts_at, place, &thread_id, self.now)
            .await?;
        let m = store
            .meeting(self.conn, id)
            .await?
            .context("the meeting just created")?;
        self.world
            .plan_meeting_jobs(self.conn, c, &m, self.now)
            .await?;
        Ok(m)
    }

    /// The meeting a command names: by id, or the next one.
    pub(super) async fn scheduled_meeting(
        &mut self,
        c: &Community,
        id: Option<i64>,
    ) -> Result<Meeting> {
        let store = self.world.store.clone();
        let m = match id {
            Some(id) => store.meeting(self.conn, id).await?,
            None => store.next_meeting(self.conn, c.id, self.now).await?,
        };
        match (m, id) {
            (Some(m), _) if m.community_id == c.id && m.status == MeetingStatus::Scheduled => Ok(m),
            (_, Some(id)) => Err(said(
                c,
                Msg::new("err-no-such-meeting")
                    .arg("community", &c.cfg.name)
                    .arg("id", id),
            )),
            (_, None) => Err(said(
                c,
                Msg::new("err-no-upcoming-meeting").arg("community", &c.cfg.name),
            )),
        }
    }

    pub(super) async fn reschedule(
        &mut self,
        c: &Community,
        id: Option<i64>,
        starts_at: i64,
        place: Option<&str>,
    ) -> Result<Meeting> {
        let store = self.world.store.clone();
        if starts_at <= self.now {
            return Err(said(c, Msg::new("err-past").when("when", starts_at)));
        }
        let old = self.scheduled_meeting(c, id).await?;
        store
            .move_meeting(
                self.conn,
                old.id,
                starts_at,
                place.or(old.place.as_deref()),
                self.now,
            )
            .await?;
        let m = store
            .meeting(self.conn, old.id)
            .await?
            .context("the moved meeting")?;
        self.world
            .plan_meeting_jobs(self.conn, c, &m, self.now)
            .await?;
        self.tell_invited(c, &old, &m, None).await?;
        Ok(m)
    }

    pub(super) async fn cancel(
        &mut self,
        c: &Community,
        id: Option<i64>,
        reason: Option<&str>,
    ) -> Result<Meeting> {
        let store = self.world.store.clone();
        let old = self.scheduled_meeting(c, id).await?;
        store
            .cancel_meeting(self.conn, c.id, old.id, self.now)
            .await?;
        let dropped = store.cancel_jobs(self.conn, old.id, self.now).await?;
        let m = store
            .meeting(self.conn, old.id)
            .await?
            .context("the cancelled meeting")?;
        self.tell_invited(c, &old, &m, reason).await?;
        tracing::info!(community = %c.cfg.slug, meeting = m.id, dropped, "meeting cancelled");
        Ok(m)
    }

    /// Tells everyone who was invited to `old` about its new state `new` (moved or
    /// cancelled), with the calendar update.
    async fn tell_invited(
        &mut self,
        c: &Community,
        old: &Meeting,
        new: &Meeting,
        reason: Option<&str>,
    ) -> Result<()> {
        let store = self.world.store.clone();
        let cancelled = new.status == MeetingStatus::Cancelled;
        for p in store.invited_people(self.conn, new.id).await? {
            // Who left, bounces or paused gets nothing: not even this.
            if p.status != PersonStatus::Active {
                continue;
            }
            let tr = c.tr_for(&p);
            let when = tr.when(new.starts_at);
            let old_when = tr.when(old.starts_at);
            let footer = super::footer_for(c, &p);
            let (text, html) = compose::MeetingChanged {
                name: p.display_name(),
                community: &c.cfg.name,
                cancelled,
                when: &when,
                old_when: &old_when,
                place: new.place.as_deref(),
                reason,
            }
            .render(&footer)?;
            let subject = if cancelled {
                tr.t2(
                    "subject-cancelled",
                    "community",
                    &c.cfg.name,
                    "when",
                    &old_when,
                )
            } else {
                tr.t2("subject-moved", "community", &c.cfg.name, "when", &when)
            };
            let d = Draft {
                kind: if cancelled {
                    OtherMailKind::Cancellation.into()
                } else {
                    OtherMailKind::Update.into()
                },
                subject,
                token: self.token(Purpose::Rsvp, p.id, new.id, new.starts_at),
                in_reply_to: None,
                references: vec![new.thread_id.clone()],
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("change:{}:{}:{}", new.id, new.sequence, p.id),
                calendar: Some(self.calendar(c, new, &p, cancelled)),
                message_id: None,
                images: Vec::new(),
            };
            let mail = self.mail(c, &p, Some(new), d)?;
            self.enqueue(mail).await?;
        }
        Ok(())
    }
}
