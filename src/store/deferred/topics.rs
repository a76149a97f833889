//! A batch's new topics and +1s, kept until its end (issue 14). Each was a round trip of its
//! own on PostgreSQL: a topic's insert asked for its number (0.16 per reply of the bench's
//! mix), a +1 looked its topic up and inserted the vote (0.15).
//!
//! The batch reads a community's highest topic number once, and the open topics its +1s
//! name, with one statement per refill (its [`Book`], [`Store::prefetch_topics`]); a new topic
//! takes the next number from the book, and a +1 is checked against it. The rows are written
//! when the batch's others are, topics first: a kept +1 names its topic by community and
//! number, and the statement that writes the +1s finds the topics' ids itself, so a +1 for a
//! topic added earlier in the batch needs no id either. Every other statement on topics or
//! votes writes what is kept first ([`Store::flush_deferred`]); one that changes a topic
//! forgets the books too ([`topics_changed`]). The book holds only the numbers asked about:
//! reading every open topic for each batch grew with the group's history (the inbound rate
//! at 100,000 replies fell to 64 % of the rate at 10,000, BENCHMARKS.md).

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row as _};

use super::{DEFERRED, ROWS};
use crate::domain::TopicStatus;
use crate::store::batch::{list, mark, marks};
use crate::store::Store;

/// A community's topics as the batch sees them.
pub(super) struct Book {
    /// The titles of the topics asked about, by number; `None`: no open topic has it.
    open: HashMap<i64, Option<String>>,
    /// The number the next topic gets.
    next: i64,
}

impl Default for Book {
    fn default() -> Book {
        Book {
            open: HashMap::new(),
            next: 1,
        }
    }
}

pub(super) struct TopicNew {
    community_id: i64,
    number: i64,
    title: String,
    details: Option<String>,
    proposer_id: i64,
    meeting_id: Option<i64>,
    at: i64,
}

/// A +1 for the topic `number` of a community.
pub(super) struct VoteNew {
    community_id: i64,
    number: i64,
    person_id: i64,
    at: i64,
}

/// Forgets the books (a topic changed): the next use reads them again. What was kept must have
/// been written first.
pub(in crate::store) fn topics_changed() {
    let _ = DEFERRED.try_with(|d| d.borrow_mut().books.clear());
}

impl Store {
    /// Reads the open topics of the batch's +1s (community, number) that it does not know
    /// yet: one statement per community. Nothing outside a batch's scope.
    pub async fn prefetch_topics(
        &self,
        conn: &mut AnyConnection,
        asked: &[(i64, i64)],
    ) -> Result<()> {
        let Ok(mut missing) = DEFERRED.try_with(|d| {
            let d = d.borrow();
            asked
                .iter()
                .copied()
                .filter(|(c, n)| !d.books.get(c).is_some_and(|b| b.open.contains_key(n)))
                .collect::<Vec<_>>()
        }) else {
            return Ok(());
        };
        missing.sort_unstable();
        missing.dedup();
        for group in missing.chunk_by(|a, b| a.0 == b.0) {
            let numbers: Vec<i64> = group.iter().map(|(_, n)| *n).collect();
            for chunk in numbers.chunks(500) {
                self.read_topics(conn, group[0].0, chunk).await?;
            }
        }
        Ok(())
    }

    /// Reads into the batch's book of `community_id` its highest number and the topics
    /// `numbers`, with one statement.
    async fn read_topics(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        numbers: &[i64],
    ) -> Result<()> {
        // Marks in binding order (`?` on SQLite): the community is bound twice.
        let asked = match numbers.len() {
            0 => String::new(),
            n => format!(" OR number IN ({})", list(self.backend, 3, n)),
        };
        let sql = format!(
            "SELECT number, title, status FROM topics WHERE community_id = {}
             AND (number = (SELECT MAX(number) FROM topics WHERE community_id = {}){asked})",
            mark(self.backend, 1),
            mark(self.backend, 2)
        );
        let sqlite = self.backend == crate::store::Backend::Sqlite;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .persistent(sqlite)
            .bind(community_id)
            .bind(community_id);
        for n in numbers {
            q = q.bind(*n);
        }
        let rows = q.fetch_all(&mut *conn).await.context("reading topics")?;
        let mut found: HashMap<i64, Option<String>> = HashMap::new();
        let mut highest = 0;
        for r in &rows {
            let number: i64 = r.try_get("number")?;
            highest = highest.max(number);
            let open = r.try_get::<String, _>("status")? == TopicStatus::Open.as_str();
            found.insert(number, open.then(|| r.try_get("title")).transpose()?);
        }
        DEFERRED.with(|d| {
            let mut d = d.borrow_mut();
            let book = d.books.entry(community_id).or_default();
            // Topics the batch keeps are numbered beyond what the database holds.
            book.next = book.next.max(highest + 1);
            for n in numbers {
                book.open
                    .entry(*n)
                    .or_insert_with(|| found.remove(n).flatten());
            }
        });
        Ok(())
    }

    /// Makes sure the batch has the book of `community_id`: its highest number read with
    /// one statement the first time. False outside a batch's scope.
    async fn book_ready(&self, conn: &mut AnyConnection, community_id: i64) -> Result<bool> {
        match DEFERRED.try_with(|d| d.borrow().books.contains_key(&community_id)) {
            Err(_) => Ok(false),
            Ok(true) => Ok(true),
            Ok(false) => self
                .read_topics(conn, community_id, &[])
                .await
                .map(|()| true),
        }
    }

    /// [`Store::add_topic`] in a batch: the topic's number, the row kept. `None` outside a
    /// batch's scope.
    #[allow(clippy::too_many_arguments)] // one argument per column
    pub(in crate::store) async fn keep_topic(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        title: &str,
        details: Option<&str>,
        proposer_id: i64,
        meeting_id: Option<i64>,
        now: i64,
    ) -> Result<Option<i64>> {
        if !self.book_ready(conn, community_id).await? {
            return Ok(None);
        }
        Ok(Some(DEFERRED.with(|d| {
            let mut d = d.borrow_mut();
            let book = d.books.entry(community_id).or_default();
            let number = book.next;
            book.next += 1;
            book.open.insert(number, Some(title.to_string()));
            d.topics.push(TopicNew {
                community_id,
                number,
                title: title.to_string(),
                details: details.map(str::to_string),
                proposer_id,
                meeting_id,
                at: now,
            });
            number
        })))
    }

    /// [`Store::vote`] in a batch: `Some(title)` for an open topic (the +1 kept), `Some(None)`
    /// for no such open topic. `None` outside a batch's scope.
    pub(in crate::store) async fn keep_vote(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        number: i64,
        person_id: i64,
        now: i64,
    ) -> Result<Option<Option<String>>> {
        let known = DEFERRED.try_with(|d| {
            d.borrow()
                .books
                .get(&community_id)
                .is_some_and(|b| b.open.contains_key(&number))
        });
        match known {
            Err(_) => return Ok(None),
            Ok(true) => {}
            // Not read with the batch's others (a +1 the prefetch did not see): read now.
            Ok(false) => self.read_topics(conn, community_id, &[number]).await?,
        }
        Ok(Some(DEFERRED.with(|d| {
            let mut d = d.borrow_mut();
            let title = d
                .books
                .get(&community_id)
                .and_then(|b| b.open.get(&number).cloned().flatten());
            if title.is_some() {
                d.votes.push(VoteNew {
                    community_id,
                    number,
                    person_id,
                    at: now,
                });
            }
            title
        })))
    }

    pub(super) async fn write_topics(
        &self,
        conn: &mut AnyConnection,
        rows: &[TopicNew],
    ) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO topics (community_id, number, title, details, proposer_id, status, created_at, first_meeting_id)
                 VALUES {}",
                marks(self.backend, 1, chunk.len(), 8)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for t in chunk {
                q = q
                    .bind(t.community_id)
                    .bind(t.number)
                    .bind(t.title.as_str())
                    .bind(t.details.as_deref())
                    .bind(t.proposer_id)
                    .bind(TopicStatus::Open.as_str())
                    .bind(t.at)
                    .bind(t.meeting_id);
            }
            q.execute(&mut *conn).await.context("adding topics")?;
        }
        Ok(())
    }

    /// The kept +1s, each topic found by its community and number; a second +1 of a person for
    /// a topic counts once, the first kept.
    pub(super) async fn write_votes(
        &self,
        conn: &mut AnyConnection,
        rows: &[VoteNew],
    ) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        let rows: Vec<&VoteNew> = rows
            .iter()
            .filter(|v| seen.insert((v.community_id, v.number, v.person_id)))
            .collect();
        for chunk in rows.chunks(ROWS) {
            // A WHERE clause, not a JOIN's ON: SQLite would read that ON as the upsert's.
            let sql = format!(
                "INSERT INTO votes (topic_id, person_id, voted_at)
                 SELECT t.id, v.column3, v.column4 FROM (VALUES {}) AS v, topics t
                 WHERE t.community_id = v.column1 AND t.number = v.column2
                 ON CONFLICT (topic_id, person_id) DO NOTHING",
                marks(self.backend, 1, chunk.len(), 4)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for v in chunk {
                q = q
                    .bind(v.community_id)
                    .bind(v.number)
                    .bind(v.person_id)
                    .bind(v.at);
            }
            q.execute(&mut *conn).await.context("recording +1s")?;
        }
        Ok(())
    }
}
