//! The outbox: mail queued, claimed under a lease, sent, retried or failed, and what each of
//! our Message-IDs was.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Backend, ResultsConn, Store};
use crate::domain::{MailKind, OtherMailKind, OutboxStatus};

impl Store {
    /// Queues one rendered mail. Returns false (and changes nothing) if a mail with the same
    /// dedup key was queued before: each job × recipient exists once.
    /// The bytes go to `outbox_bodies`, so that claiming and recording (which change the row)
    /// never rewrite them.
    pub async fn enqueue(&self, conn: &mut AnyConnection, m: &OutMail, now: i64) -> Result<bool> {
        let Some(id) = self.enqueue_row(conn, m, now).await? else {
            return Ok(false);
        };
        sqlx::query("INSERT INTO outbox_bodies (outbox_id, body) VALUES ($1, $2)")
            .bind(id)
            .bind(&m.body)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("queueing {} mail to {}", m.kind, m.recipient))?;
        Ok(true)
    }

    /// Claims up to `limit` due rows for `owner` until `now + lease`. One statement, so two
    /// daemons never claim the same row; an expired lease makes a crashed daemon's rows due
    /// again. On PostgreSQL, `SKIP LOCKED` lets concurrent claimers pass each other. Oldest due
    /// first, in the order of the `outbox_due` index (status, next_attempt_at; SQLite's index
    /// ends in the row id), so the first rows are found without sorting every pending one.
    pub async fn claim_outbox(
        &self,
        owner: &str,
        now: i64,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<Claimed>> {
        self.claim_outbox_sharing(owner, now, lease, limit, &PostCache::default())
            .await
    }

    /// [`Store::claim_outbox`], taking the bytes of a post from `posts` when a batch still in
    /// flight holds them: a post is in memory once, however many batches carry its copies.
    pub async fn claim_outbox_sharing(
        &self,
        owner: &str,
        now: i64,
        lease: i64,
        limit: i64,
        posts: &PostCache,
    ) -> Result<Vec<Claimed>> {
        // The status a literal: the partial index `outbox_pending` serves only a statement
        // that names it (migration 0017).
        let due = format!(
            "SELECT id FROM outbox WHERE status = '{pending}' AND next_attempt_at <= $3
             AND (leased_until IS NULL OR leased_until < $3) ORDER BY next_attempt_at, id LIMIT $4",
            pending = OutboxStatus::Pending.as_str(),
        );
        // On PostgreSQL the ids as an array, looked up by primary key: written `id IN (...)`,
        // the planner may join them to a scan of the whole outbox once its statistics know
        // how large it is (5.9 ms against 2.2 ms a claim of 200 at 10,000 rows; BENCHMARKS.md,
        // "Session 15"). `SKIP LOCKED` lets concurrent claimers pass each other.
        let chosen = match self.backend {
            Backend::Postgres => format!("= ANY(ARRAY({due} FOR UPDATE SKIP LOCKED))"),
            Backend::Sqlite => format!("IN ({due})"),
        };
        let sql = format!(
            "UPDATE outbox SET leased_until = $1, lease_owner = $2, attempts = attempts + 1
             WHERE id {chosen}
             RETURNING id, recipient, envelope_from, attempts, created_at, kind, message_id, post_id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now + lease)
            .bind(owner)
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .context("claiming outbox rows")?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        // The bytes of the claimed rows (they never change, so no lock is needed to read them).
        let ids: Vec<i64> = rows
            .iter()
            .map(|r| r.try_get::<i64, _>("id"))
            .collect::<Result<_, _>>()?;
        let mut bodies: std::collections::HashMap<i64, Vec<u8>> =
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT outbox_id, body FROM outbox_bodies WHERE outbox_id {}",
                among(self.backend, 1)
            )))
            .bind(id_set(self.backend, &ids))
            .fetch_all(&self.pool)
            .await
            .context("reading claimed mail")?
            .iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>("outbox_id")?,
                    r.try_get::<Vec<u8>, _>("body")?,
                ))
            })
            .collect::<Result<_>>()?;
        // A post's copy: its bytes are the post's, stored once, read once per batch; the row's
        // own body is only the member's part (To, unsubscribe, footer), put together here.
        // The copies are put together one at a time when sent ([`Claimed::bytes`]): a batch
        // of a 10 MB post holds the post once, not once per copy.
        let mut shared: std::collections::HashMap<i64, SharedPost> =
            std::collections::HashMap::new();
        for r in &rows {
            if let Some(pid) = r.try_get::<Option<i64>, _>("post_id")? {
                if let std::collections::hash_map::Entry::Vacant(e) = shared.entry(pid) {
                    let held = posts.get(pid);
                    let post = match held {
                        Some(p) => p,
                        None => {
                            let p = std::sync::Arc::new(self.post_bytes(pid).await?);
                            posts.put(pid, &p);
                            p
                        }
                    };
                    e.insert(post);
                }
            }
        }
        let posts = shared;
        let mut out: Vec<Claimed> = rows
            .iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let own = bodies
                    .remove(&id)
                    .with_context(|| format!("outbox row {id} has no body"))?;
                let post = r
                    .try_get::<Option<i64>, _>("post_id")?
                    .map(|pid| posts[&pid].clone());
                Ok(Claimed {
                    id,
                    recipient: r.try_get("recipient")?,
                    envelope_from: r.try_get("envelope_from")?,
                    body: own,
                    post,
                    attempts: r.try_get("attempts")?,
                    created_at: r.try_get("created_at")?,
                    kind: stored(r, "outbox", "kind", MailKind::parse)?,
                    message_id: r.try_get("message_id")?,
                })
            })
            .collect::<Result<_>>()?;
        out.sort_by_key(|c| c.id);
        Ok(out)
    }

    /// Records the outcome of a batch of sends in one transaction. Only rows still leased by
    /// `owner` are changed, so a daemon whose lease ran out can't overwrite another's result.
    /// The sent rows (nearly all of them) are marked by one statement, so a batch that only
    /// sent costs one statement and one commit, whatever its size.
    ///
    /// These commits are crash-safe, not power-safe ([`Commit::CrashSafe`](super::Commit::CrashSafe)): a crash of this
    /// process loses none of them, so it repeats at most the mails in flight; a power cut may
    /// undo the results recorded since the last durable commit — at the latest the claim of
    /// the next batch — and those mails go out once more. What a durable commit per result
    /// would buy (no repeat after a power cut) cost two thirds of the delivery rate on SQLite
    /// (BENCHMARKS.md); a recipient getting a mail twice after a power cut is the lesser harm.
    ///
    /// `conn` comes from [`Store::results_connection`], held by the caller across commits.
    pub async fn finish_outbox(
        &self,
        conn: &mut AnyConnection,
        owner: &str,
        results: &[(i64, SendOutcome)],
        now: i64,
    ) -> Result<()> {
        let sent: Vec<i64> = results
            .iter()
            .filter(|(_, o)| *o == SendOutcome::Sent)
            .map(|(id, _)| *id)
            .collect();
        let others: Vec<&(i64, SendOutcome)> = results
            .iter()
            .filter(|(_, o)| *o != SendOutcome::Sent)
            .collect();
        if others.is_empty() && sent.len() <= SENT_PER_STATEMENT {
            // One statement is atomic by itself: no BEGIN/COMMIT round trips.
            if !sent.is_empty() {
                self.mark_sent(conn, owner, &sent, now).await?;
            }
            return Ok(());
        }
        let mut tx = match self.backend {
            Backend::Sqlite => sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await,
            Backend::Postgres => sqlx::Connection::begin(conn).await,
        }
        .context("starting a transaction")?;
        for chunk in sent.chunks(SENT_PER_STATEMENT) {
            self.mark_sent(&mut tx, owner, chunk, now).await?;
        }
        for (id, outcome) in others {
            let q = match outcome {
                SendOutcome::Sent => continue,
                SendOutcome::Retry { at, error } => sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, last_error = $2, leased_until = NULL
                     WHERE id = $3 AND lease_owner = $4",
                )
                .bind(*at)
                .bind(error.as_str()),
                SendOutcome::Failed { error } => sqlx::query(
                    "UPDATE outbox SET status = $1, last_error = $2, leased_until = NULL
                     WHERE id = $3 AND lease_owner = $4",
                )
                .bind(OutboxStatus::Failed.as_str())
                .bind(error.as_str()),
            };
            let q = q.bind(*id).bind(owner);
            q.execute(&mut *tx).await.context("recording a delivery")?;
        }
        tx.commit().await.context("committing delivery results")?;
        Ok(())
    }

    /// The connection delivery records its results on. Held across commits: sqlx pings a
    /// pooled connection each time it goes back to its pool, one more round trip per commit.
    pub async fn results_connection(&self) -> Result<ResultsConn> {
        self.results
            .acquire()
            .await
            .context("connecting to the database to record delivery results")
    }

    async fn mark_sent(
        &self,
        conn: &mut AnyConnection,
        owner: &str,
        ids: &[i64],
        now: i64,
    ) -> Result<()> {
        // One statement for any number of rows, its text the same for every batch (see `among`).
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET status = $3, sent_at = $1, leased_until = NULL, last_error = NULL
             WHERE lease_owner = $2 AND id {}",
            among(self.backend, 4)
        )))
        .bind(now)
        .bind(owner)
        .bind(OutboxStatus::Sent.as_str())
        .bind(id_set(self.backend, ids))
        .execute(&mut *conn)
        .await
        .context("recording deliveries")?;
        Ok(())
    }

    /// Marks sent the rows a delivery's journal holds (`outbox::journal`), where they are still
    /// leased by `owner`: folding a journal twice changes nothing the second time.
    pub async fn fold_sent(&self, owner: &str, ids: &[i64], now: i64) -> Result<()> {
        let results: Vec<(i64, SendOutcome)> =
            ids.iter().map(|id| (*id, SendOutcome::Sent)).collect();
        let mut conn = self
            .pool
            .acquire()
            .await
            .context("connecting to the database to fold a sent journal")?;
        self.finish_outbox(&mut conn, owner, &results, now).await
    }

    /// PostgreSQL's sent journal (migration 0019): records that the mails of the outbox rows
    /// `ids`, claimed by `owner`, were accepted by the server. One insert into a table without
    /// an index, where marking the rows sent would write an entry in each of the outbox's
    /// indexes; the rows are marked by [`Store::fold_sent_rows`] once per batch. On `conn`,
    /// the results connection (crash-safe commits, as [`Store::finish_outbox`]'s).
    pub async fn journal_sent(
        &self,
        conn: &mut AnyConnection,
        owner: &str,
        ids: &[i64],
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO outbox_sent (lease_owner, outbox_id, sent_at)
             SELECT $1, id, $2 FROM unnest(CAST($3 AS BIGINT[])) AS id",
        )
        .bind(owner)
        .bind(now)
        .bind(id_set(self.backend, ids))
        .execute(&mut *conn)
        .await
        .context("recording deliveries in the sent journal")?;
        Ok(())
    }

    /// Folds what `owner` wrote to PostgreSQL's sent journal ([`Store::journal_sent`]) into
    /// the outbox, in one statement: its rows leave the journal, and the outbox rows they name
    /// are marked sent where `owner` still holds them (folding twice changes nothing). Returns
    /// the ids that left the journal.
    pub async fn fold_sent_rows(&self, conn: &mut AnyConnection, owner: &str) -> Result<Vec<i64>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "WITH gone AS (DELETE FROM outbox_sent WHERE lease_owner = $1 RETURNING lease_owner, outbox_id, sent_at),
             {fold} SELECT outbox_id FROM gone",
            fold = fold(),
        )))
        .bind(owner)
        .fetch_all(&mut *conn)
        .await
        .context("folding the sent journal into the outbox")?;
        rows.iter()
            .map(|r| Ok(r.try_get::<i64, _>("outbox_id")?))
            .collect()
    }

    /// Folds the rows of PostgreSQL's sent journal that no live delivery holds: those whose
    /// outbox row's lease ran out (its delivery died, or its fold failed and it moved on) and
    /// those whose row is no longer theirs (folded or taken over: nothing to mark). Called
    /// before every claim with the claim's `now`: a row whose lease has run out at `now` is
    /// one the claim may take, and a journaled one must be marked sent first, not sent again.
    /// The claimer's own rows included: one whose fold kept failing until its lease ran out
    /// could otherwise be claimed again by the delivery that sent it.
    pub async fn fold_dead_sent_rows(&self, now: i64) -> Result<u64> {
        // The lease read by a subquery per journal row (a look-up by primary key): written as
        // NOT EXISTS, the planner joined the journal to a scan of the whole outbox, ~4 ms a
        // claim on a 10,000-copy post.
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "WITH gone AS (
                 DELETE FROM outbox_sent s WHERE COALESCE((SELECT o.leased_until FROM outbox o WHERE o.id = s.outbox_id
                               AND o.lease_owner = s.lease_owner AND o.status = '{pending}'), $1 - 1) < $1
                 RETURNING lease_owner, outbox_id, sent_at),
             {fold} SELECT COUNT(*) AS n FROM marked",
            pending = OutboxStatus::Pending.as_str(),
            fold = fold(),
        )))
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .context("folding the sent journal of a stopped delivery")?;
        Ok(row.try_get::<i64, _>("n")? as u64)
    }

    /// Where delivery keeps its sent journal (`outbox::journal`): a directory beside a SQLite
    /// database file, `<file>-sent`. None on PostgreSQL and for a database in memory.
    pub fn journal_dir(&self) -> Option<std::path::PathBuf> {
        self.beside_sqlite_file("-sent")
    }

    /// Gives claimed rows back unsent: due again at once, the claim not counted as an attempt.
    pub async fn release_outbox(&self, owner: &str, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET leased_until = NULL, attempts = attempts - 1
             WHERE lease_owner = $1 AND status = $2 AND id {}",
            among(self.backend, 3)
        )))
        .bind(owner)
        .bind(OutboxStatus::Pending.as_str())
        .bind(id_set(self.backend, ids))
        .execute(&self.pool)
        .await
        .context("giving back claimed mail")?;
        Ok(())
    }

    /// Renews the lease of `owner` on the rows `ids` until `until`; returns the ids it still
    /// held (pending, leased, by `owner`). An id missing from the answer was lost: recorded
    /// meanwhile, or claimed by another daemon once the lease had run out.
    pub async fn renew_outbox(&self, owner: &str, ids: &[i64], until: i64) -> Result<Vec<i64>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET leased_until = $1
             WHERE lease_owner = $2 AND status = $3 AND leased_until IS NOT NULL AND id {}
             RETURNING id",
            among(self.backend, 4)
        )))
        .bind(until)
        .bind(owner)
        .bind(OutboxStatus::Pending.as_str())
        .bind(id_set(self.backend, ids))
        .fetch_all(&self.pool)
        .await
        .context("renewing the lease on mail being sent")?;
        rows.iter()
            .map(|r| Ok(r.try_get::<i64, _>("id")?))
            .collect()
    }

    /// When the next pending row falls due (for the delivery loop's sleep).
    pub async fn next_outbox_due(&self) -> Result<Option<i64>> {
        // The status a literal, for the partial index `outbox_pending` (migration 0017).
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT MIN(CASE WHEN leased_until IS NOT NULL AND leased_until > next_attempt_at THEN leased_until ELSE next_attempt_at END) AS due
             FROM outbox WHERE status = '{}'",
            OutboxStatus::Pending.as_str()
        )))
        .fetch_one(&self.pool)
        .await
        .context("finding the next due mail")?;
        Ok(row.try_get::<Option<i64>, _>("due")?)
    }

    pub async fn outbox(
        &self,
        status: Option<OutboxStatus>,
        limit: i64,
    ) -> Result<Vec<OutboxEntry>> {
        let rows = sqlx::query(
            "SELECT id, kind, recipient, subject, status, attempts, created_at, next_attempt_at, last_error, sent_at, message_id
             FROM outbox WHERE ($1 = '' OR status = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(status.map_or("", OutboxStatus::as_str))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .context("listing the outbox")?;
        rows.iter()
            .map(|r| {
                Ok(OutboxEntry {
                    id: r.try_get("id")?,
                    kind: stored(r, "outbox", "kind", MailKind::parse)?,
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    status: stored(r, "outbox", "status", OutboxStatus::parse)?,
                    attempts: r.try_get("attempts")?,
                    created_at: r.try_get("created_at")?,
                    next_attempt_at: r.try_get("next_attempt_at")?,
                    last_error: r.try_get("last_error")?,
                    sent_at: r.try_get("sent_at")?,
                    message_id: r.try_get("message_id")?,
                })
            })
            .collect()
    }

    /// Puts failed rows (all, or one id) back in the queue, due now. Returns how many.
    pub async fn retry_outbox(&self, id: Option<i64>, now: i64) -> Result<u64> {
        // The status a literal, for the partial index `outbox_failed` (migration 0017).
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET status = $3, next_attempt_at = $1, leased_until = NULL, attempts = 0, created_at = $1
             WHERE status = '{}' AND ($2 = 0 OR id = $2)",
            OutboxStatus::Failed.as_str()
        )))
        .bind(now)
        .bind(id.unwrap_or(0))
        .bind(OutboxStatus::Pending.as_str())
        .execute(&self.pool)
        .await
        .context("re-queueing failed mail")?;
        Ok(r.rows_affected())
    }

    /// How many automatic answers went to `recipient` since `since` (for the per-sender throttle).
    pub async fn answers_since(
        &self,
        conn: &mut AnyConnection,
        recipient: &str,
        since: i64,
    ) -> Result<i64> {
        let [a, b, c, d] = ANSWER_KINDS.map(OtherMailKind::as_str);
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM outbox WHERE recipient = $1 AND created_at >= $2
             AND kind IN ($3, $4, $5, $6) AND post_id IS NULL",
        )
        .bind(recipient)
        .bind(since)
        .bind(a)
        .bind(b)
        .bind(c)
        .bind(d)
        .fetch_one(&mut *conn)
        .await
        .context("counting recent answers")?;
        let kept = kept_since(recipient, since, is_answer);
        Ok(row.try_get::<i64, _>("n")? + kept)
    }

    /// How many questions ("Did you mean YES, NO or MAYBE?") went to `recipient` since `since`.
    pub async fn questions_since(
        &self,
        conn: &mut AnyConnection,
        recipient: &str,
        since: i64,
    ) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE recipient = $1 AND created_at >= $2 AND kind = $3 AND post_id IS NULL")
            .bind(recipient)
            .bind(since)
            .bind(OtherMailKind::Question.as_str())
            .fetch_one(&mut *conn)
            .await
            .context("counting recent questions")?;
        let kept = kept_since(recipient, since, |k| {
            k == MailKind::Other(OtherMailKind::Question)
        });
        Ok(row.try_get::<i64, _>("n")? + kept)
    }

    /// What one of our Message-IDs was (to place a reply that has no token). A post's copies
    /// are not among them: they carry the author's Message-ID, the same for every member.
    pub async fn sent_message(
        &self,
        conn: &mut AnyConnection,
        message_id: &str,
    ) -> Result<Option<SentRef>> {
        let mut kept = None;
        super::deferred::each_kept_mail(|m, _| {
            if kept.is_none() && m.message_id == message_id {
                kept = Some(SentRef {
                    kind: m.kind,
                    meeting_id: m.meeting_id,
                    person_id: m.person_id,
                    community_id: m.community_id,
                });
            }
        });
        if kept.is_some() {
            return Ok(kept);
        }
        // Not a post's copy (migration 0020): its Message-ID is the author's, found in `posts`.
        let row = sqlx::query("SELECT kind, meeting_id, person_id, community_id FROM outbox WHERE message_id = $1 AND post_id IS NULL LIMIT 1")
            .bind(message_id)
            .fetch_optional(&mut *conn)
            .await
            .context("looking up a Message-ID")?;
        row.map(|r| {
            Ok(SentRef {
                kind: stored(&r, "outbox", "kind", MailKind::parse)?,
                meeting_id: r.try_get("meeting_id")?,
                person_id: r.try_get("person_id")?,
                community_id: r.try_get("community_id")?,
            })
        })
        .transpose()
    }

    /// Outbox rows per status for a community: (pending, failed).
    pub async fn outbox_counts(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<(i64, i64)> {
        // Each count from its partial index (migration 0017), not a pass over every mail the
        // community was ever sent: the statuses are literals, which those indexes need.
        self.flush_deferred(conn).await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT (SELECT COUNT(*) FROM outbox WHERE status = '{}' AND community_id = $1) AS n_pending,
                    (SELECT COUNT(*) FROM outbox WHERE status = '{}' AND community_id = $1) AS n_failed",
            OutboxStatus::Pending.as_str(),
            OutboxStatus::Failed.as_str()
        )))
        .bind(community_id)
        .fetch_one(&mut *conn)
        .await
        .context("counting the outbox")?;
        Ok((row.try_get("n_pending")?, row.try_get("n_failed")?))
    }
}

/// The kinds of mail the per-sender answer throttle counts ([`Store::answers_since`]).
pub(super) const ANSWER_KINDS: [OtherMailKind; 4] = [
    OtherMailKind::Confirmation,
    OtherMailKind::Question,
    OtherMailKind::CommandResult,
    OtherMailKind::ConfirmationRequest,
];

/// Whether the answer throttle counts mail of this kind.
pub fn is_answer(kind: MailKind) -> bool {
    matches!(kind, MailKind::Other(k) if ANSWER_KINDS.contains(&k))
}

/// Mails of a kind `counted` to `recipient` since `since` that this task's batch keeps unwritten
/// (see `store::deferred`).
fn kept_since(recipient: &str, since: i64, counted: impl Fn(MailKind) -> bool) -> i64 {
    let mut n = 0;
    super::deferred::each_kept_mail(|m, at| {
        if m.recipient == recipient && at >= since && counted(m.kind) {
            n += 1;
        }
    });
    n
}

/// How a fold of PostgreSQL's sent journal marks the outbox rows named by its `gone` rows
/// (lease_owner, outbox_id, sent_at), where they are still pending and leased by the owner
/// that journaled them: the CTEs `g` and `marked`. The rows are found by primary key through
/// arrays: joined to `gone` itself, the planner may pass over every row of the outbox once its
/// statistics know how large it is (a scan of 10,000 rows and a nested loop: 28 ms a fold of
/// 200 against 2.5 ms; BENCHMARKS.md, "Session 15").
fn fold() -> String {
    format!(
        "g AS (SELECT array_agg(outbox_id) AS ids, array_agg(sent_at) AS ats, array_agg(lease_owner) AS owners FROM gone),
         marked AS (UPDATE outbox SET status = '{sent}', sent_at = u.at, leased_until = NULL, last_error = NULL
                    FROM g, unnest(g.ids, g.ats, g.owners) AS u(id, at, owner)
                    WHERE outbox.id = u.id AND outbox.lease_owner = u.owner AND outbox.status = '{pending}'
                    RETURNING outbox.id)",
        sent = OutboxStatus::Sent.as_str(),
        pending = OutboxStatus::Pending.as_str(),
    )
}

/// Ids per "mark sent" statement (well under both backends' limits on statement size).
const SENT_PER_STATEMENT: usize = 500;

/// `IN` a set of row ids given as ONE bound parameter `$n` (its value from [`id_set`]), so the
/// statement's text is the same whatever the ids: sqlx prepares a statement once per text and
/// caches it, and a list written as literals made every batch a new statement — on PostgreSQL
/// a parse and describe round trip more on each claim, renewal and commit of results, and the
/// cache churned. SQLite reads the set with `json_each` (built in; the plan stays a rowid
/// lookup per id), PostgreSQL as an array.
fn among(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Sqlite => format!("IN (SELECT value FROM json_each(${n}))"),
        Backend::Postgres => format!("= ANY(CAST(${n} AS BIGINT[]))"),
    }
}

/// The value of [`among`]'s parameter: `[1,2,3]` (a JSON array) or `{1,2,3}` (an array literal).
fn id_set(backend: Backend, ids: &[i64]) -> String {
    let list = ids
        .iter()
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    match backend {
        Backend::Sqlite => format!("[{list}]"),
        Backend::Postgres => format!("{{{list}}}"),
    }
}

/// A rendered mail ready for the outbox.
#[derive(Clone, Debug)]
pub struct OutMail {
    pub dedup_key: String,
    pub community_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub person_id: Option<i64>,
    pub kind: MailKind,
    pub recipient: String,
    pub envelope_from: String,
    pub message_id: String,
    pub subject: String,
    /// The rendered mail; for a post's copy (`post_id`), only the member's own part.
    pub body: Vec<u8>,
    /// The post this row is a copy of.
    pub post_id: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: i64,
    pub recipient: String,
    pub envelope_from: String,
    /// The mail; for a post's copy only the member's own part (see [`Claimed::bytes`]).
    pub body: Vec<u8>,
    /// A post's copy: the post as stored and its shared headers, one for the whole batch.
    pub post: Option<SharedPost>,
    pub attempts: i64,
    pub created_at: i64,
    pub kind: MailKind,
    pub message_id: String,
}

/// A post as stored and its shared headers, held once by every claimed copy of it.
pub type SharedPost = std::sync::Arc<(Vec<u8>, String)>;

/// The posts that claimed batches hold, by id, without keeping them alive: a claim finds a post
/// here while a batch in flight still holds it, and reads it again otherwise.
#[derive(Default, Clone)]
pub struct PostCache(std::sync::Arc<std::sync::Mutex<HeldPosts>>);

type HeldPosts = std::collections::HashMap<i64, std::sync::Weak<(Vec<u8>, String)>>;

impl PostCache {
    fn get(&self, id: i64) -> Option<SharedPost> {
        let map = self.0.lock().ok()?;
        map.get(&id)?.upgrade()
    }

    fn put(&self, id: i64, post: &SharedPost) {
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, w| w.strong_count() > 0);
            map.insert(id, std::sync::Arc::downgrade(post));
        }
    }
}

impl Claimed {
    /// A post's copy as pieces of its own and of the shared post ([`Claimed::post`]), to be
    /// written out without putting the copy together; `None` for any other mail (its `body`
    /// is the whole mail).
    pub fn pieces(&self) -> Option<crate::compose::post::Pieces> {
        self.post
            .as_ref()
            .map(|p| crate::compose::post::pieces(&p.0, &p.1, &self.body))
    }

    /// The bytes to send: a post's copy is put together now, one at a time as it is sent, so
    /// that a claimed batch never holds every copy of a large post whole (issue 15).
    pub fn bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match &self.post {
            Some(p) => {
                std::borrow::Cow::Owned(crate::compose::post::assemble(&p.0, &p.1, &self.body))
            }
            None => std::borrow::Cow::Borrowed(&self.body),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendOutcome {
    Sent,
    Retry { at: i64, error: String },
    Failed { error: String },
}

#[derive(Clone, Debug)]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: MailKind,
    pub recipient: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: i64,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
    pub message_id: String,
}

#[derive(Clone, Debug)]
pub struct SentRef {
    pub kind: MailKind,
    pub meeting_id: Option<i64>,
    pub person_id: Option<i64>,
    pub community_id: Option<i64>,
}
