//! Posts to the list (issue 15): each stored once, as it came; held, published, rejected or
//! expired; the members who take them one by one.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::people::PERSON_SELECT;
use super::{stored, Person, Store};
use crate::domain::{Delivery, PersonStatus, PostStatus, Role};

/// A post as it is stored.
pub struct NewPost<'a> {
    pub community_id: i64,
    pub person_id: Option<i64>,
    pub author_address: &'a str,
    pub author_name: Option<&'a str>,
    pub message_id: &'a str,
    pub thread_id: &'a str,
    pub subject: &'a str,
    pub status: PostStatus,
    pub hold_reason: Option<&'a str>,
    pub headers: &'a str,
    pub raw: &'a [u8],
    /// The author's own words (quotes and signatures cut): digests and SEARCH show them.
    pub words: &'a str,
}

#[derive(Clone, Debug)]
pub struct PostRow {
    pub id: i64,
    pub community_id: i64,
    pub person_id: Option<i64>,
    pub author_address: String,
    pub author_name: Option<String>,
    pub message_id: String,
    pub thread_id: String,
    pub subject: String,
    pub status: PostStatus,
    pub hold_reason: Option<String>,
    pub size: i64,
    pub created_at: i64,
}

const POST_SELECT: &str = "SELECT id, community_id, person_id, author_address, author_name, message_id, thread_id, subject, status, hold_reason, size, created_at FROM posts";

fn post_row(r: &sqlx::any::AnyRow) -> Result<PostRow> {
    Ok(PostRow {
        id: r.try_get("id")?,
        community_id: r.try_get("community_id")?,
        person_id: r.try_get("person_id")?,
        author_address: r.try_get("author_address")?,
        author_name: r.try_get("author_name")?,
        message_id: r.try_get("message_id")?,
        thread_id: r.try_get("thread_id")?,
        subject: r.try_get("subject")?,
        status: stored(r, "posts", "status", PostStatus::parse)?,
        hold_reason: r.try_get("hold_reason")?,
        size: r.try_get("size")?,
        created_at: r.try_get("created_at")?,
    })
}

impl Store {
    /// Stores a post once. `None` if a post with its Message-ID is stored already.
    pub async fn insert_post(
        &self,
        conn: &mut AnyConnection,
        p: &NewPost<'_>,
        now: i64,
    ) -> Result<Option<i64>> {
        let row = sqlx::query(
            "INSERT INTO posts (community_id, person_id, author_address, author_name, message_id, thread_id,
               subject, status, hold_reason, size, headers, raw, created_at, words)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             ON CONFLICT (community_id, message_id) DO NOTHING RETURNING id",
        )
        .bind(p.community_id)
        .bind(p.person_id)
        .bind(p.author_address)
        .bind(p.author_name)
        .bind(p.message_id)
        .bind(p.thread_id)
        .bind(p.subject)
        .bind(p.status.as_str())
        .bind(p.hold_reason)
        .bind(p.raw.len() as i64)
        .bind(p.headers)
        .bind(p.raw)
        .bind(now)
        .bind(p.words)
        .fetch_optional(&mut *conn)
        .await
        .context("storing a post")?;
        row.map(|r| r.try_get::<i64, _>("id").map_err(Into::into))
            .transpose()
    }

    /// The thread of the first of `ids` that is a post of this community.
    pub async fn thread_of(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        ids: &[String],
    ) -> Result<Option<String>> {
        for id in ids.iter().rev() {
            let row = sqlx::query(
                "SELECT thread_id FROM posts WHERE community_id = $1 AND message_id = $2",
            )
            .bind(community_id)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("finding a post's thread")?;
            if let Some(r) = row {
                return Ok(Some(r.try_get("thread_id")?));
            }
        }
        Ok(None)
    }

    /// The thread of the latest published post with this Subject (without prefixes), since `since`.
    pub async fn thread_by_subject(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        subject: &str,
        since: i64,
    ) -> Result<Option<String>> {
        let row = sqlx::query(
            "SELECT thread_id FROM posts WHERE community_id = $1 AND subject = $2 AND created_at >= $3
             AND status = $4 ORDER BY id DESC LIMIT 1",
        )
        .bind(community_id)
        .bind(subject)
        .bind(since)
        .bind(PostStatus::Published.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding a thread by its subject")?;
        row.map(|r| r.try_get::<String, _>("thread_id").map_err(Into::into))
            .transpose()
    }

    /// Posts of one author since `since`, whatever became of them (for the hourly limit).
    pub async fn posts_since(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        author: &str,
        since: i64,
    ) -> Result<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM posts WHERE community_id = $1 AND author_address = $2 AND created_at >= $3",
        )
        .bind(community_id)
        .bind(author)
        .bind(since)
        .fetch_one(&mut *conn)
        .await
        .context("counting recent posts")?;
        Ok(row.try_get("n")?)
    }

    /// Posts by non-members to a community since `since` (for the coordinators' notices).
    pub async fn stranger_posts_since(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        since: i64,
    ) -> Result<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM posts WHERE community_id = $1 AND person_id IS NULL AND created_at >= $2",
        )
        .bind(community_id)
        .bind(since)
        .fetch_one(&mut *conn)
        .await
        .context("counting recent posts of non-members")?;
        Ok(row.try_get("n")?)
    }

    /// Who gets each post as it comes: active members and coordinators whose delivery is EACH.
    pub async fn post_recipients(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<Person>> {
        self.members_by_delivery(conn, community_id, Delivery::Each)
            .await
    }

    /// The active (not paused) members and coordinators whose delivery is `delivery`.
    pub async fn members_by_delivery(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        delivery: Delivery,
    ) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND status = $2 AND role IN ($3, $4) AND delivery = $5 ORDER BY id"
        )))
        .bind(community_id)
        .bind(PersonStatus::Active.as_str())
        .bind(Role::Member.as_str())
        .bind(Role::Coordinator.as_str())
        .bind(delivery.as_str())
        .fetch(&mut *conn);
        Person::from_stream(rows, "listing who gets posts").await
    }

    /// A person's delivery and whether their posts are held.
    pub async fn posting_settings(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
    ) -> Result<(Delivery, bool)> {
        let row = sqlx::query("SELECT delivery, moderated FROM people WHERE id = $1")
            .bind(person_id)
            .fetch_one(&mut *conn)
            .await
            .context("reading a person's delivery")?;
        let moderated: i64 = row.try_get("moderated")?;
        Ok((
            stored(&row, "people", "delivery", Delivery::parse)?,
            moderated != 0,
        ))
    }

    pub async fn set_delivery(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        delivery: Delivery,
        now: i64,
    ) -> Result<()> {
        sqlx::query("UPDATE people SET delivery = $1, updated_at = $2 WHERE id = $3")
            .bind(delivery.as_str())
            .bind(now)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("setting a person's delivery")?;
        Ok(())
    }

    pub async fn set_moderated(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        moderated: bool,
        now: i64,
    ) -> Result<()> {
        sqlx::query("UPDATE people SET moderated = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(moderated))
            .bind(now)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("setting whether a person's posts are held")?;
        Ok(())
    }

    pub async fn post(&self, conn: &mut AnyConnection, id: i64) -> Result<Option<PostRow>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{POST_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a post")?;
        row.as_ref().map(post_row).transpose()
    }

    /// Posts of a status (all communities when `community_id` is `None`), oldest first.
    pub async fn posts_with_status(
        &self,
        conn: &mut AnyConnection,
        community_id: Option<i64>,
        status: PostStatus,
    ) -> Result<Vec<PostRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{POST_SELECT} WHERE status = $1 AND ($2 = 0 OR community_id = $2) ORDER BY id"
        )))
        .bind(status.as_str())
        .bind(community_id.unwrap_or(0))
        .fetch_all(&mut *conn)
        .await
        .context("listing posts")?;
        rows.iter().map(post_row).collect()
    }

    /// Moves a held post to `to`; false if it was not held any more (decided once only).
    pub async fn decide_post(
        &self,
        conn: &mut AnyConnection,
        id: i64,
        to: PostStatus,
        now: i64,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE posts SET status = $1, decided_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .bind(PostStatus::Held.as_str())
        .execute(&mut *conn)
        .await
        .context("deciding a held post")?;
        Ok(r.rows_affected() == 1)
    }

    /// The bytes of a post as it came and its shared headers.
    pub async fn post_bytes(&self, id: i64) -> Result<(Vec<u8>, String)> {
        let row = sqlx::query("SELECT raw, headers FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .context("reading a post's bytes")?;
        Ok((row.try_get("raw")?, row.try_get("headers")?))
    }

    /// A post's Subject and its author's own words (empty for a post stored before 0015).
    pub async fn post_words(&self, conn: &mut AnyConnection, id: i64) -> Result<(String, String)> {
        let row = sqlx::query("SELECT subject, COALESCE(words, '') AS w FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await
            .context("reading a post's words")?;
        Ok((row.try_get("subject")?, row.try_get("w")?))
    }

    /// The published posts of a community that no post digest carried yet, in the order
    /// they were published, with their words.
    pub async fn undigested_posts(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<(PostRow, String)>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{} , COALESCE(words, '') AS w FROM posts
             WHERE community_id = $1 AND status = $2 AND digest_job IS NULL
             ORDER BY COALESCE(decided_at, created_at), id",
            POST_SELECT.trim_end_matches(" FROM posts")
        )))
        .bind(community_id)
        .bind(PostStatus::Published.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing the posts for the post digest")?;
        rows.iter()
            .map(|r| Ok((post_row(r)?, r.try_get::<String, _>("w")?)))
            .collect()
    }

    /// Marks posts as carried by post digest `job_id`: no later digest carries them again.
    /// How many were still unmarked.
    pub async fn mark_posts_digested(
        &self,
        conn: &mut AnyConnection,
        ids: &[i64],
        job_id: i64,
    ) -> Result<u64> {
        let mut n = 0;
        for id in ids {
            n += sqlx::query(
                "UPDATE posts SET digest_job = $1 WHERE id = $2 AND digest_job IS NULL",
            )
            .bind(job_id)
            .bind(*id)
            .execute(&mut *conn)
            .await
            .context("marking a post as digested")?
            .rows_affected();
        }
        Ok(n)
    }

    /// The conversations of a community with a post published after `since`: one line per
    /// thread, newest activity last.
    pub async fn conversations_since(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        since: i64,
    ) -> Result<Vec<Conversation>> {
        let rows = sqlx::query(
            "SELECT t.thread_id, t.first_id, t.last_at, t.posts, f.subject, f.author_address, f.author_name,
                    COALESCE(f.words, '') AS words
             FROM (SELECT thread_id, MIN(id) AS first_id, MAX(COALESCE(decided_at, created_at)) AS last_at,
                          COUNT(*) AS posts
                   FROM posts WHERE community_id = $1 AND status = $2 GROUP BY thread_id) t
             JOIN posts f ON f.id = t.first_id
             WHERE t.last_at > $3
             ORDER BY t.last_at, t.first_id",
        )
        .bind(community_id)
        .bind(PostStatus::Published.as_str())
        .bind(since)
        .fetch_all(&mut *conn)
        .await
        .context("listing the conversations")?;
        rows.iter()
            .map(|r| {
                Ok(Conversation {
                    number: r.try_get("first_id")?,
                    thread_id: r.try_get("thread_id")?,
                    subject: r.try_get("subject")?,
                    author: r
                        .try_get::<Option<String>, _>("author_name")?
                        .unwrap_or(r.try_get("author_address")?),
                    posts: r.try_get("posts")?,
                    words: r.try_get("words")?,
                })
            })
            .collect()
    }

    /// The member who wrote post `id` of a community, if a member did.
    pub async fn first_post_author(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        id: i64,
    ) -> Result<Option<i64>> {
        let row = sqlx::query("SELECT person_id FROM posts WHERE id = $1 AND community_id = $2")
            .bind(id)
            .bind(community_id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a post's author")?;
        Ok(row
            .map(|r| r.try_get::<Option<i64>, _>("person_id"))
            .transpose()?
            .flatten())
    }

    /// A thread by its number (the id of its first post) in a community.
    pub async fn thread_by_number(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        number: i64,
    ) -> Result<Option<Conversation>> {
        let all = self
            .conversations_since(conn, community_id, i64::MIN)
            .await?;
        Ok(all.into_iter().find(|c| c.number == number))
    }
}

/// A thread of posts as digests, STATUS and `TOPIC FROM THREAD` see it.
#[derive(Clone, Debug)]
pub struct Conversation {
    /// The thread's number: the id of its first post.
    pub number: i64,
    pub thread_id: String,
    pub subject: String,
    /// Who started it (their name when they gave one).
    pub author: String,
    /// How many posts it has (the first and the replies).
    pub posts: i64,
    /// The first post's own words.
    pub words: String,
}
