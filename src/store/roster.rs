//! The member list as a whole: a member's own language, the roster `member export` writes and
//! `member import` compares against, the import's writes, and the SQLite backup.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Backend, Store};
use crate::domain::{Address, Lang, PersonStatus, Role};

/// One person with everything the member file carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    pub id: i64,
    pub address: Address,
    pub name: Option<String>,
    pub role: Role,
    pub status: PersonStatus,
    pub language: Option<Lang>,
    pub delivery: crate::domain::Delivery,
}

impl Store {
    /// [`Store::roster`] on a connection of its own (no transaction).
    pub async fn roster_of(&self, community_id: i64) -> Result<Vec<RosterEntry>> {
        self.roster(
            &mut *self.pool.acquire().await.context("listing people")?,
            community_id,
        )
        .await
    }

    /// Everyone of a community, by address, with their language (as the caller's transaction
    /// sees them). A row whose address mail servers would refuse is left out with a warning,
    /// as everywhere people are listed.
    pub async fn roster(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<RosterEntry>> {
        let rows = sqlx::query(
            "SELECT id, address, name, role, status, language, delivery FROM people
             WHERE community_id = $1 ORDER BY address",
        )
        .bind(community_id)
        .fetch_all(&mut *conn)
        .await
        .context("listing people")?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let address: String = r.try_get("address")?;
            let Ok(address) = Address::parse(&address) else {
                tracing::warn!(person = id, "left out, no mail can go to this address: {address:?} (fix: correct the address in row {id} of the people table, or delete that row)");
                continue;
            };
            let language: Option<String> = r.try_get("language")?;
            let language = match language {
                None => None,
                Some(l) => Some(
                    Lang::parse(&l)
                        .with_context(|| format!("unknown value {l:?} in people.language"))?,
                ),
            };
            out.push(RosterEntry {
                id,
                address,
                name: r.try_get("name")?,
                role: stored(r, "people", "role", Role::parse)?,
                status: stored(r, "people", "status", PersonStatus::parse)?,
                language,
                delivery: stored(r, "people", "delivery", crate::domain::Delivery::parse)?,
            });
        }
        Ok(out)
    }

    /// A person's own language (`None`: the community's).
    pub async fn person_language(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
    ) -> Result<Option<Lang>> {
        let row = sqlx::query("SELECT language FROM people WHERE id = $1")
            .bind(person_id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a person's language")?;
        let Some(row) = row else { return Ok(None) };
        let l: Option<String> = row.try_get("language")?;
        Ok(l.as_deref().and_then(Lang::parse))
    }

    /// Sets (or, with `None`, clears) a person's own language.
    pub async fn set_language(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        language: Option<Lang>,
        now: i64,
    ) -> Result<()> {
        super::memo::people_changed();
        sqlx::query("UPDATE people SET language = $1, updated_at = $2 WHERE id = $3")
            .bind(language.map(Lang::as_str))
            .bind(now)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("setting a person's language")?;
        Ok(())
    }

    /// Adds someone new as active (an import's added row). Returns their id.
    #[allow(clippy::too_many_arguments)] // one per column written
    pub async fn insert_person(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        name: Option<&str>,
        role: Role,
        language: Option<Lang>,
        now: i64,
    ) -> Result<i64> {
        super::memo::people_changed();
        let row = sqlx::query(
            "INSERT INTO people (community_id, address, name, role, status, language, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(community_id)
        .bind(address.as_str())
        .bind(name)
        .bind(role.as_str())
        .bind(PersonStatus::Active.as_str())
        .bind(language.map(Lang::as_str))
        .bind(now)
        .fetch_one(&mut *conn)
        .await
        .with_context(|| format!("adding {address}"))?;
        Ok(row.try_get("id")?)
    }

    /// Changes someone's name, role and language (an import's updated row); their status and
    /// bounce counts stay as they are.
    pub async fn update_person(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        name: Option<&str>,
        role: Role,
        language: Option<Lang>,
        now: i64,
    ) -> Result<()> {
        super::memo::people_changed();
        sqlx::query(
            "UPDATE people SET name = $1, role = $2, language = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(name)
        .bind(role.as_str())
        .bind(language.map(Lang::as_str))
        .bind(now)
        .bind(person_id)
        .execute(&mut *conn)
        .await
        .context("updating a person")?;
        Ok(())
    }

    /// Writes a consistent copy of a SQLite database into `path` while other connections
    /// (the daemon) go on reading and writing: `VACUUM INTO` reads one snapshot of the whole
    /// database in one transaction, WAL content included. The file must not exist yet.
    /// PostgreSQL has `pg_dump` for this (see the README); asked here, it is an error
    /// saying so.
    pub async fn backup_into(&self, path: &std::path::Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            anyhow::bail!("backup is for SQLite databases; back PostgreSQL up with pg_dump");
        }
        let target = path
            .to_str()
            .with_context(|| format!("{} is not a UTF-8 path", path.display()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await
            .with_context(|| format!("writing the backup {}", path.display()))?;
        Ok(())
    }
}

/// What a backup copy holds, for the line `roundtable backup` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopySummary {
    pub people: i64,
    /// Outbox rows not sent yet (pending).
    pub waiting: i64,
    pub sent: i64,
    /// Inbound messages recorded as handled.
    pub handled: i64,
}

impl Store {
    /// Opens a SQLite backup read-only, checks it (`PRAGMA quick_check`) and counts what it
    /// holds.
    pub async fn check_copy(path: &std::path::Path) -> Result<CopySummary> {
        use sqlx::Connection as _;
        sqlx::any::install_default_drivers();
        let url = format!("sqlite://{}?mode=ro", path.display());
        let mut c = sqlx::AnyConnection::connect(&url)
            .await
            .with_context(|| format!("opening the copy {}", path.display()))?;
        let ok: String = sqlx::query("PRAGMA quick_check")
            .fetch_one(&mut c)
            .await
            .context("checking the copy")?
            .try_get(0)?;
        if ok != "ok" {
            anyhow::bail!("the copy {} is damaged: {ok}", path.display());
        }
        use crate::domain::OutboxStatus;
        let mut n = Vec::new();
        for (sql, status) in [
            ("SELECT COUNT(*) FROM people WHERE $1 = $1", ""),
            (
                "SELECT COUNT(*) FROM outbox WHERE status = $1",
                OutboxStatus::Pending.as_str(),
            ),
            (
                "SELECT COUNT(*) FROM outbox WHERE status = $1",
                OutboxStatus::Sent.as_str(),
            ),
            ("SELECT COUNT(*) FROM inbound WHERE $1 = $1", ""),
        ] {
            n.push(
                sqlx::query(sql)
                    .bind(status)
                    .fetch_one(&mut c)
                    .await
                    .context("counting in the copy")?
                    .try_get::<i64, _>(0)?,
            );
        }
        let _ = c.close().await;
        Ok(CopySummary {
            people: n[0],
            waiting: n[1],
            sent: n[2],
            handled: n[3],
        })
    }
}
