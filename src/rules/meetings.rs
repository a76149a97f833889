//! Changing a meeting: reschedule (jobs re-timed, an updated invitation to those already
//! invited) and cancel (jobs dropped, a cancellation with METHOD:CANCEL). Both bump the
//! meeting's SEQUENCE so calendars replace the old entry instead of adding one.

use anyhow::{bail, Context as _, Result};

use super::{local_time, parse_local_time, Act, Community, Draft, World};
use crate::render;
use crate::store::Meeting;
use crate::token::Purpose;

impl World {
    /// Moves a meeting to a new local time (and place). Returns how many were told.
    pub async fn reschedule_meeting(&self, slug: &str, id: i64, local: &str, place: Option<&str>, now: i64) -> Result<usize> {
        let c = self.community(slug)?;
        let starts_at = parse_local_time(local, c.cfg.timezone)?;
        if starts_at <= now {
            bail!("{local} ({}) is in the past: give a future date and time", c.cfg.timezone);
        }
        let mut tx = self.store.begin().await?;
        let old = self.meeting_of(&mut tx, c, id).await?;
        self.store.move_meeting(&mut tx, id, starts_at, place.or(old.place.as_deref()), now).await?;
        let m = self.store.meeting(&mut tx, id).await?.context("the moved meeting")?;
        self.plan_meeting_jobs(&mut tx, c, &m, now).await?;
        let mut act = Act { world: self, conn: &mut tx, now, queued: 0 };
        act.tell_invited(c, &old, &m, None).await?;
        let n = act.queued;
        tx.commit().await.context("committing the new time")?;
        self.fire_due(&format!("cli-{}", std::process::id()), now).await?;
        Ok(n)
    }

    /// Cancels a meeting: its pending mail is dropped and those invited are told.
    pub async fn cancel_meeting(&self, slug: &str, id: i64, reason: Option<&str>, now: i64) -> Result<usize> {
        let c = self.community(slug)?;
        let mut tx = self.store.begin().await?;
        let old = self.meeting_of(&mut tx, c, id).await?;
        if !self.store.cancel_meeting(&mut tx, c.id, id, now).await? {
            bail!("meeting {id} of {} is not scheduled", c.cfg.slug);
        }
        let dropped = self.store.cancel_jobs(&mut tx, id, now).await?;
        let m = self.store.meeting(&mut tx, id).await?.context("the cancelled meeting")?;
        let mut act = Act { world: self, conn: &mut tx, now, queued: 0 };
        act.tell_invited(c, &old, &m, reason).await?;
        let n = act.queued;
        tx.commit().await.context("committing the cancellation")?;
        tracing::info!(community = %c.cfg.slug, meeting = id, dropped, told = n, "meeting cancelled");
        Ok(n)
    }

    async fn meeting_of(&self, conn: &mut sqlx::AnyConnection, c: &Community, id: i64) -> Result<Meeting> {
        match self.store.meeting(conn, id).await? {
            Some(m) if m.community_id == c.id && m.status == "scheduled" => Ok(m),
            _ => bail!("{} has no scheduled meeting {id} (see: roundtable meeting list {})", c.cfg.slug, c.cfg.slug),
        }
    }
}

impl Act<'_, '_> {
    /// Tells everyone who was invited to `old` about its new state `new` (moved or
    /// cancelled), with the calendar update.
    async fn tell_invited(&mut self, c: &Community, old: &Meeting, new: &Meeting, reason: Option<&str>) -> Result<()> {
        let store = self.world.store.clone();
        let cancelled = new.status == "cancelled";
        let when = local_time(c.cfg.timezone, new.starts_at);
        let old_when = local_time(c.cfg.timezone, old.starts_at);
        let footer = super::footer(c);
        for p in store.invited_people(self.conn, new.id).await? {
            let (text, html) = render::MeetingChanged {
                name: p.display_name(),
                community: &c.cfg.name,
                cancelled,
                when: &when,
                old_when: &old_when,
                place: new.place.as_deref(),
                reason,
            }
            .render(&footer)?;
            let subject = if cancelled { format!("Cancelled: {}, {old_when}", c.cfg.name) } else { format!("Moved: {} is now on {when}", c.cfg.name) };
            let d = Draft {
                kind: if cancelled { "cancellation".into() } else { "update".into() },
                subject,
                token: self.token(Purpose::Rsvp, p.id, new.id, new.starts_at),
                in_reply_to: None,
                references: vec![new.thread_id.clone()],
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("change:{}:{}:{}", new.id, new.sequence, p.id),
                calendar: Some(self.calendar(c, new, &p, cancelled)),
            };
            let mail = self.mail(c, &p, Some(new), d)?;
            self.enqueue(mail).await?;
        }
        Ok(())
    }
}
