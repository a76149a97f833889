//! Writes a batch of inbound messages makes with one statement per table at its end instead of
//! one per message (issue 14): the RSVPs, the takeaways, the search index's texts, the
//! answers queued, new topics and +1s ([`topics`]) and bounce counts ([`bounces`]). On
//! PostgreSQL every statement is a round trip; the RSVPs and texts were a quarter of an
//! inbound batch's, the answers' outbox rows (0.86 per reply) as many again.
//!
//! Inside [`scope`] (the inbound writer's batch, one transaction), [`Store::set_rsvp`],
//! [`Store::add_takeaway`], [`Store::index_text`], [`Store::enqueue_new`], [`Store::add_topic`],
//! [`Store::vote`] and [`Store::record_bounce`] keep their rows, and [`Store::flush_deferred`]
//! writes them. It runs before the batch commits (`rules::batch::flush`) and first thing in
//! every statement of the store that reads these tables on the batch's connection
//! (`responses`, `attendees`, `search`, `outbox_counts`, `invited_people`,
//! `undigested_takeaways`, `open_topics`, `news_since`) or changes what is kept
//! (`set_topic_status`, `upsert_person`), so the batch reads what it wrote; the readers of
//! the outbox that run for many replies (the answer throttle's counts, a Message-ID's lookup)
//! add what is kept to what they read instead ([`each_kept_mail`]). A command's savepoint that
//! is rolled back drops what was kept since it began ([`mark`], [`undo_to`]). Nothing changes
//! about what commits: the same rows in the same transaction; a row that fails fails the
//! batch, which is done again one message at a time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

use anyhow::{Context as _, Result};
use sqlx::AnyConnection;

use super::batch::{bind_outbox_row, marks, OUTBOX_COLUMNS, OUTBOX_WIDTH};
use super::{OutMail, Store};
use crate::domain::{response_str, Response, SearchKind};

mod bounces;
mod topics;

pub(super) use bounces::{counts_reset, keep_bounce};
pub(super) use topics::topics_changed;

tokio::task_local! {
    static DEFERRED: RefCell<Deferred>;
}

/// Rows per statement (SQLite allows 32,766 bind values).
const ROWS: usize = 200;

#[derive(Default)]
struct Deferred {
    rsvps: Vec<RsvpRow>,
    takeaways: Vec<TakeawayNew>,
    texts: Vec<TextRow>,
    outbox: Vec<OutRow>,
    topics: Vec<topics::TopicNew>,
    votes: Vec<topics::VoteNew>,
    /// The communities' topics as the batch sees them (see [`topics`]).
    books: HashMap<i64, topics::Book>,
    bounces: Vec<bounces::BounceRow>,
    /// People's hard bounces as the batch sees them, for those it read (see [`bounces`]).
    hard_bounces: HashMap<i64, i64>,
}

struct TakeawayNew {
    meeting_id: i64,
    person_id: i64,
    text: String,
    at: i64,
}

/// A mail queued at `at`.
struct OutRow {
    mail: OutMail,
    at: i64,
}

struct RsvpRow {
    meeting_id: i64,
    person_id: i64,
    response: Response,
    note: Option<String>,
    answered_at: i64,
}

struct TextRow {
    body: String,
    community_id: i64,
    kind: SearchKind,
    author: String,
    at: i64,
}

/// How much was kept at a point in time (a savepoint's start).
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    rsvps: usize,
    takeaways: usize,
    texts: usize,
    outbox: usize,
    topics: usize,
    votes: usize,
    bounces: usize,
}

/// Runs `f` (one transaction) with its rows kept until [`Store::flush_deferred`].
pub async fn scope<F: Future>(f: F) -> F::Output {
    DEFERRED.scope(RefCell::new(Deferred::default()), f).await
}

/// What is kept now; `None` outside a [`scope`].
pub fn mark() -> Option<Mark> {
    DEFERRED
        .try_with(|d| {
            let d = d.borrow();
            Mark {
                rsvps: d.rsvps.len(),
                takeaways: d.takeaways.len(),
                texts: d.texts.len(),
                outbox: d.outbox.len(),
                topics: d.topics.len(),
                votes: d.votes.len(),
                bounces: d.bounces.len(),
            }
        })
        .ok()
}

/// Drops what was kept since `mark` (its savepoint was rolled back).
pub fn undo_to(mark: Option<Mark>) {
    if let Some(m) = mark {
        let _ = DEFERRED.try_with(|d| {
            let mut d = d.borrow_mut();
            d.rsvps.truncate(m.rsvps);
            d.takeaways.truncate(m.takeaways);
            d.texts.truncate(m.texts);
            d.outbox.truncate(m.outbox);
            d.topics.truncate(m.topics);
            d.votes.truncate(m.votes);
            d.bounces.truncate(m.bounces);
            // What was kept before the mark was written when the savepoint began: read again.
            d.books.clear();
            d.hard_bounces.clear();
        });
    }
}

impl Store {
    /// Records an answer; the latest answer wins.
    pub async fn set_rsvp(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        person_id: i64,
        response: Response,
        note: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let row = RsvpRow {
            meeting_id,
            person_id,
            response,
            note: note.map(str::to_string),
            answered_at: now,
        };
        let mut row = Some(row);
        let _ = DEFERRED.try_with(|d| d.borrow_mut().rsvps.extend(row.take()));
        match row {
            None => Ok(()),
            // Boxed: the rules' futures hold this one inline, and they are deep already.
            Some(r) => Box::pin(self.write_rsvps(conn, &[r])).await,
        }
    }

    /// Records a takeaway of `person_id` from meeting `meeting_id`.
    pub async fn add_takeaway(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        person_id: i64,
        text: &str,
        now: i64,
    ) -> Result<()> {
        let row = TakeawayNew {
            meeting_id,
            person_id,
            text: text.to_string(),
            at: now,
        };
        let mut row = Some(row);
        let _ = DEFERRED.try_with(|d| d.borrow_mut().takeaways.extend(row.take()));
        match row {
            None => Ok(()),
            Some(r) => Box::pin(self.write_takeaways(conn, &[r])).await,
        }
    }

    /// Adds a text to what SEARCH looks through.
    pub async fn index_text(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        kind: SearchKind,
        author: &str,
        at: i64,
        body: &str,
    ) -> Result<()> {
        let row = TextRow {
            body: body.to_string(),
            community_id,
            kind,
            author: author.to_string(),
            at,
        };
        let mut row = Some(row);
        let _ = DEFERRED.try_with(|d| d.borrow_mut().texts.extend(row.take()));
        match row {
            None => Ok(()),
            Some(r) => Box::pin(self.write_texts(conn, &[r])).await,
        }
    }

    /// Queues a mail whose dedup key no row can have (an answer's holds a fresh UUID), so that
    /// it is new without asking the database: inside a [`scope`] the row and its body wait for
    /// the batch's end, outside one they are written at once. Returns whether it was queued.
    pub async fn enqueue_new(
        &self,
        conn: &mut AnyConnection,
        mail: OutMail,
        now: i64,
    ) -> Result<bool> {
        let mut row = Some(OutRow { mail, at: now });
        let kept = DEFERRED
            .try_with(|d| {
                let mut d = d.borrow_mut();
                d.outbox.extend(row.take());
                d.outbox.len()
            })
            .unwrap_or(0);
        match row {
            Some(r) => Box::pin(self.enqueue(conn, &r.mail, r.at)).await,
            // Bodies are large: no more than a statement's worth is held.
            None if kept >= ROWS => Box::pin(self.write_deferred(conn)).await.map(|()| true),
            None => Ok(true),
        }
    }

    /// Writes what the batch kept, on its connection. Nothing to do outside a scope.
    pub async fn flush_deferred(&self, conn: &mut AnyConnection) -> Result<()> {
        let kept = DEFERRED
            .try_with(|d| {
                let d = d.borrow();
                !d.rsvps.is_empty()
                    || !d.takeaways.is_empty()
                    || !d.texts.is_empty()
                    || !d.outbox.is_empty()
                    || !d.topics.is_empty()
                    || !d.votes.is_empty()
                    || !d.bounces.is_empty()
            })
            .unwrap_or(false);
        match kept {
            // Boxed: every reader of these tables awaits this, inline in deep futures.
            true => Box::pin(self.write_deferred(conn)).await,
            false => Ok(()),
        }
    }

    async fn write_deferred(&self, conn: &mut AnyConnection) -> Result<()> {
        let Ok((rsvps, takeaways, texts, outbox, (topics, votes, bounces))) =
            DEFERRED.try_with(|d| {
                let mut d = d.borrow_mut();
                (
                    std::mem::take(&mut d.rsvps),
                    std::mem::take(&mut d.takeaways),
                    std::mem::take(&mut d.texts),
                    std::mem::take(&mut d.outbox),
                    (
                        std::mem::take(&mut d.topics),
                        std::mem::take(&mut d.votes),
                        std::mem::take(&mut d.bounces),
                    ),
                )
            })
        else {
            return Ok(());
        };
        // Topics before the +1s: those find their topics by number.
        if !topics.is_empty() {
            self.write_topics(conn, &topics).await?;
        }
        if !votes.is_empty() {
            self.write_votes(conn, &votes).await?;
        }
        if !bounces.is_empty() {
            self.write_bounces(conn, &bounces).await?;
        }
        if !takeaways.is_empty() {
            self.write_takeaways(conn, &takeaways).await?;
        }
        if !outbox.is_empty() {
            self.write_outbox(conn, outbox).await?;
        }
        if !rsvps.is_empty() {
            self.write_rsvps(conn, &latest(rsvps)).await?;
        }
        if !texts.is_empty() {
            self.write_texts(conn, &texts).await?;
        }
        Ok(())
    }

    async fn write_rsvps(&self, conn: &mut AnyConnection, rows: &[RsvpRow]) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO rsvps (meeting_id, person_id, response, note, answered_at) VALUES {}
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET response = excluded.response,
                   note = excluded.note, answered_at = excluded.answered_at",
                marks(self.backend, 1, chunk.len(), 5)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = q
                    .bind(r.meeting_id)
                    .bind(r.person_id)
                    .bind(response_str(r.response))
                    .bind(r.note.as_deref())
                    .bind(r.answered_at);
            }
            q.execute(&mut *conn).await.context("recording RSVPs")?;
        }
        Ok(())
    }

    async fn write_takeaways(&self, conn: &mut AnyConnection, rows: &[TakeawayNew]) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO takeaways (meeting_id, person_id, text, created_at) VALUES {}",
                marks(self.backend, 1, chunk.len(), 4)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = q
                    .bind(r.meeting_id)
                    .bind(r.person_id)
                    .bind(r.text.as_str())
                    .bind(r.at);
            }
            q.execute(&mut *conn).await.context("recording takeaways")?;
        }
        Ok(())
    }

    async fn write_texts(&self, conn: &mut AnyConnection, rows: &[TextRow]) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO search_index (body, community_id, kind, author, at) VALUES {}",
                marks(self.backend, 1, chunk.len(), 5)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = q
                    .bind(r.body.as_str())
                    .bind(r.community_id)
                    .bind(r.kind.as_str())
                    .bind(r.author.as_str())
                    .bind(r.at);
            }
            q.execute(&mut *conn)
                .await
                .context("indexing text for search")?;
        }
        Ok(())
    }
}

impl Store {
    /// The kept mails' rows, many per statement, then their bodies. A row whose dedup key
    /// exists is left out with its body, as [`Store::enqueue`] would.
    async fn write_outbox(&self, conn: &mut AnyConnection, rows: Vec<OutRow>) -> Result<()> {
        use sqlx::Row as _;
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO outbox ({OUTBOX_COLUMNS}) VALUES {} ON CONFLICT (dedup_key) DO NOTHING
                 RETURNING id, dedup_key",
                marks(self.backend, 1, chunk.len(), OUTBOX_WIDTH)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = bind_outbox_row(q, &r.mail, r.at);
            }
            let ids: std::collections::HashMap<String, i64> = q
                .fetch_all(&mut *conn)
                .await
                .context("queueing the answers")?
                .iter()
                .map(|r| Ok((r.try_get("dedup_key")?, r.try_get("id")?)))
                .collect::<Result<_>>()?;
            // In the rows' order, whatever order the database returned their ids in.
            let bodies: Vec<(i64, &[u8])> = chunk
                .iter()
                .filter_map(|r| ids.get(&r.mail.dedup_key).map(|id| (*id, &r.mail.body[..])))
                .collect();
            self.outbox_bodies_many(conn, &bodies).await?;
        }
        Ok(())
    }
}

/// Calls `f` with each mail kept (not yet written) in this task's [`scope`], in the order they
/// were queued: for the readers of the outbox that add what is kept to what they read.
pub fn each_kept_mail(mut f: impl FnMut(&OutMail, i64)) {
    let _ = DEFERRED.try_with(|d| {
        for r in &d.borrow().outbox {
            f(&r.mail, r.at);
        }
    });
}

/// The last answer of each person to each meeting, in the order of the answers: one statement
/// may not change a row twice (PostgreSQL refuses it), and the latest answer wins.
fn latest(rows: Vec<RsvpRow>) -> Vec<RsvpRow> {
    let mut last = std::collections::HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        last.insert((r.meeting_id, r.person_id), i);
    }
    rows.into_iter()
        .enumerate()
        .filter(|(i, r)| last.get(&(r.meeting_id, r.person_id)) == Some(i))
        .map(|(_, r)| r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rsvp(meeting_id: i64, person_id: i64, response: Response) -> RsvpRow {
        RsvpRow {
            meeting_id,
            person_id,
            response,
            note: None,
            answered_at: 0,
        }
    }

    #[test]
    fn the_latest_answer_of_each_person_wins() {
        let rows = vec![
            rsvp(1, 7, Response::Yes),
            rsvp(1, 8, Response::Maybe),
            rsvp(1, 7, Response::No),
            rsvp(2, 7, Response::Yes),
        ];
        let kept: Vec<(i64, i64, Response)> = latest(rows)
            .into_iter()
            .map(|r| (r.meeting_id, r.person_id, r.response))
            .collect();
        assert_eq!(
            kept,
            vec![
                (1, 8, Response::Maybe),
                (1, 7, Response::No),
                (2, 7, Response::Yes)
            ]
        );
    }
}
