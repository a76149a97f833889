//! Inbound messages that failed to be handled: their count of attempts (see `App::inbox_step`).

use anyhow::{Context as _, Result};
use sqlx::Row;

use super::Store;

impl Store {
    /// Counts one more failed attempt at handling the message whose bytes hash to `raw_sha256`;
    /// returns how many there have been. Runs on its own (autocommit), outside the failed
    /// transaction, so the count survives the rollback and a restart.
    pub async fn count_inbound_failure(
        &self,
        raw_sha256: &str,
        error: &str,
        now: i64,
    ) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO inbound_failures (raw_sha256, attempts, last_error, failed_at) VALUES ($1, 1, $2, $3)
             ON CONFLICT (raw_sha256) DO UPDATE SET attempts = inbound_failures.attempts + 1,
               last_error = excluded.last_error, failed_at = excluded.failed_at
             RETURNING attempts",
        )
        .bind(raw_sha256)
        .bind(error)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .context("counting a failed inbound message")?;
        Ok(row.try_get("attempts")?)
    }
}
