//! The statements of an inbound batch written many rows at a time (issue 14, BENCHMARKS.md).
//!
//! A batch of inbound replies shares one transaction. What no later statement of the batch
//! reads back — the "handled" records and the bodies of the answers' outbox rows — is kept
//! (see `rules::Pending`) and written here in one multi-row statement per table before the
//! batch commits, instead of one statement (on PostgreSQL one round trip) per reply.

use anyhow::{Context as _, Result};
use sqlx::AnyConnection;

use super::{Backend, OutMail, Store};
use crate::domain::{InboundKind, OutboxStatus};

/// Rows per statement: well under SQLite's (32,766) and PostgreSQL's (65,535) bound
/// parameters, and a few MB of bodies at most.
const ROWS: usize = 200;

/// An inbound record kept until the batch writes it (see [`Store::record_inbound_many`]).
#[derive(Clone, Debug)]
pub struct InboundRow {
    pub dedup_key: String,
    pub message_id: Option<String>,
    pub from_address: Option<String>,
    pub community_id: Option<i64>,
    pub person_id: Option<i64>,
    pub received_at: i64,
    pub kind: InboundKind,
    pub outcome: String,
    pub raw: Option<Vec<u8>>,
}

impl From<&super::InboundRecord<'_>> for InboundRow {
    fn from(r: &super::InboundRecord<'_>) -> Self {
        InboundRow {
            dedup_key: r.dedup_key.to_string(),
            message_id: r.message_id.map(str::to_string),
            from_address: r.from_address.map(str::to_string),
            community_id: r.community_id,
            person_id: r.person_id,
            received_at: r.received_at,
            kind: r.kind,
            outcome: r.outcome.to_string(),
            raw: r.raw.map(<[u8]>::to_vec),
        }
    }
}

/// The columns of an outbox row, in the order [`bind_outbox_row`] binds them.
pub(super) const OUTBOX_COLUMNS: &str =
    "dedup_key, community_id, meeting_id, person_id, kind, recipient,
    envelope_from, message_id, subject, status, attempts, created_at, next_attempt_at, post_id";

/// How many bind marks an outbox row takes.
pub(super) const OUTBOX_WIDTH: usize = 14;

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, <sqlx::Any as sqlx::Database>::Arguments>;

/// Binds the outbox row of `m`, queued at `at` and due at once, to `q`: one row of
/// [`OUTBOX_COLUMNS`] ([`Store::enqueue_row`], and a batch's answers in `store::deferred`).
pub(super) fn bind_outbox_row<'q>(q: AnyQuery<'q>, m: &'q OutMail, at: i64) -> AnyQuery<'q> {
    q.bind(m.dedup_key.as_str())
        .bind(m.community_id)
        .bind(m.meeting_id)
        .bind(m.person_id)
        .bind(m.kind.as_str())
        .bind(m.recipient.as_str())
        .bind(m.envelope_from.as_str())
        .bind(m.message_id.as_str())
        .bind(m.subject.as_str())
        .bind(OutboxStatus::Pending.as_str())
        .bind(0_i64)
        .bind(at)
        .bind(at)
        .bind(m.post_id)
}

/// Bind mark `n` (from 1) of a statement whose marks are all numbered in binding order:
/// `$n` on PostgreSQL, `?` on SQLite. SQLite looks each `$n` up among the names it has seen
/// (quadratic in the marks of a statement: preparing a batch's 900-mark insert cost more than
/// running it, issue 14); a plain `?` is simply the next one.
pub(super) fn mark(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Sqlite => "?".to_string(),
        Backend::Postgres => format!("${n}"),
    }
}

/// `($1, $2, …), ($n+1, …)`: `rows` groups of `width` bind marks, from mark `first`.
pub(super) fn marks(backend: Backend, first: usize, rows: usize, width: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (0..width)
                .map(|c| mark(backend, first + r * width + c))
                .collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `$first, …` (`n` marks), for `IN (…)`.
pub(super) fn list(backend: Backend, first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| mark(backend, i))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The "handled" records of a batch, many per statement, in their order.
    pub async fn record_inbound_many(
        &self,
        conn: &mut AnyConnection,
        rows: &[InboundRow],
    ) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO inbound (dedup_key, message_id, from_address, community_id, person_id, received_at, kind, outcome, raw) VALUES {}",
                marks(self.backend, 1, chunk.len(), 9)
            );
            // Its text changes with the number of rows: not kept among the prepared ones.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
            for r in chunk {
                q = q
                    .bind(r.dedup_key.as_str())
                    .bind(r.message_id.as_deref())
                    .bind(r.from_address.as_deref())
                    .bind(r.community_id)
                    .bind(r.person_id)
                    .bind(r.received_at)
                    .bind(r.kind.as_str())
                    .bind(r.outcome.as_str())
                    .bind(r.raw.as_deref());
            }
            q.execute(&mut *conn)
                .await
                .context("recording the handled messages")?;
        }
        Ok(())
    }

    /// [`Store::enqueue`] without the body: the outbox row alone (`Some(id)`, or `None` when a
    /// row with its dedup key exists). The caller writes the body with
    /// [`Store::outbox_bodies_many`] in the same transaction before it commits; delivery
    /// reads only committed rows, so it never sees the row without its body.
    pub async fn enqueue_row(
        &self,
        conn: &mut AnyConnection,
        m: &OutMail,
        now: i64,
    ) -> Result<Option<i64>> {
        use sqlx::Row as _;
        let sql = format!(
            "INSERT INTO outbox ({OUTBOX_COLUMNS}) VALUES {} ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
            marks(self.backend, 1, 1, OUTBOX_WIDTH)
        );
        let row = bind_outbox_row(sqlx::query(sqlx::AssertSqlSafe(sql)), m, now)
            .fetch_optional(&mut *conn)
            .await
            .with_context(|| format!("queueing {} mail to {}", m.kind, m.recipient))?;
        row.map(|r| r.try_get::<i64, _>("id"))
            .transpose()
            .map_err(Into::into)
    }

    /// The bodies of outbox rows queued by [`Store::enqueue_row`], many per statement.
    pub async fn outbox_bodies_many(
        &self,
        conn: &mut AnyConnection,
        bodies: &[(i64, &[u8])],
    ) -> Result<()> {
        for chunk in bodies.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO outbox_bodies (outbox_id, body) VALUES {}",
                marks(self.backend, 1, chunk.len(), 2)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
            for (id, body) in chunk {
                q = q.bind(*id).bind(*body);
            }
            q.execute(&mut *conn)
                .await
                .context("queueing the answers' bodies")?;
        }
        Ok(())
    }

    /// How many automatic answers went to each of `recipients` since `since`, and how many
    /// questions since `questions_since`: [`Store::answers_since`] and
    /// [`Store::questions_since`] for a batch's senders in one statement (every one of them is
    /// in the map, (0, 0) when none went).
    pub async fn answers_since_among(
        &self,
        conn: &mut AnyConnection,
        recipients: &[&str],
        since: i64,
        questions_since: i64,
    ) -> Result<std::collections::HashMap<String, (i64, i64)>> {
        use crate::domain::OtherMailKind;
        use sqlx::Row as _;
        let mut out: std::collections::HashMap<String, (i64, i64)> =
            recipients.iter().map(|r| (r.to_string(), (0, 0))).collect();
        for chunk in recipients.chunks(500) {
            let b = self.backend;
            let sql = format!(
                "SELECT recipient,
                   SUM(CASE WHEN created_at >= {} THEN 1 ELSE 0 END) AS answers,
                   SUM(CASE WHEN created_at >= {} AND kind = {} THEN 1 ELSE 0 END) AS questions
                 FROM outbox WHERE created_at >= {} AND kind IN ({}) AND recipient IN ({}) AND post_id IS NULL
                 GROUP BY recipient",
                mark(b, 1),
                mark(b, 2),
                mark(b, 3),
                mark(b, 4),
                list(b, 5, 4),
                list(b, 9, chunk.len())
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                .persistent(false)
                .bind(since)
                .bind(questions_since)
                .bind(OtherMailKind::Question.as_str())
                .bind(since.min(questions_since));
            for k in super::outbox::ANSWER_KINDS {
                q = q.bind(k.as_str());
            }
            for r in chunk {
                q = q.bind(*r);
            }
            for r in q
                .fetch_all(&mut *conn)
                .await
                .context("counting recent answers")?
            {
                out.insert(
                    r.try_get("recipient")?,
                    (r.try_get("answers")?, r.try_get("questions")?),
                );
            }
        }
        // And what the batch keeps unwritten (see `store::deferred`).
        super::deferred::each_kept_mail(|m, at| {
            if let Some((answers, questions)) = out.get_mut(&m.recipient) {
                if at >= since && super::is_answer(m.kind) {
                    *answers += 1;
                }
                if at >= questions_since && m.kind == OtherMailKind::Question.into() {
                    *questions += 1;
                }
            }
        });
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_number_every_row() {
        use super::{list, marks, Backend};
        assert_eq!(marks(Backend::Postgres, 1, 2, 2), "($1, $2), ($3, $4)");
        assert_eq!(marks(Backend::Postgres, 3, 1, 3), "($3, $4, $5)");
        assert_eq!(marks(Backend::Sqlite, 1, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(list(Backend::Postgres, 6, 2), "$6, $7");
    }
}
