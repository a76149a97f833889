//! Posts to the list (issue 15; DESIGN.md, "The group talks: posts").
//!
//! Mail to the community's bare address — no reply token, no command in the Subject, not
//! automatic — that is a person talking (or a reply in a post's thread) is a post: stored once,
//! then one outbox row per member who takes posts one by one, each naming the post and holding
//! only the member's own part (see `compose::post`). A reply to our meeting mail stays what it
//! was (an RSVP, a question forwarded to the coordinators).
//!
//! Guards, in order: our own List-Id or X-Loop (a loop) is never redistributed; a post over
//! `max_post_size` is refused with the limit named; then moderation: a non-member, a guest
//! (unless `guests_may_post`), a member set to moderated, a sender our server says is forged,
//! and an author past `posts_per_hour` are held. The coordinators get one notice per held post
//! and answer it APPROVE or REJECT [reason] by reply (authenticated as coordinator commands
//! are), or `roundtable held approve|reject`; the sender is told once that it waits.

use anyhow::Result;
use understand::{Intent, Reading};

use super::{Act, Answer, Community, Draft, Outcome};
use crate::compose::post::{self as compose_post, PostHead};
use crate::compose::token::{Claims, Purpose};
use crate::domain::{Address, OtherMailKind, PersonStatus, PostStatus, Role};
use crate::store::{NewPost, OutMail, Person, PostRow};
use crate::texts::Msg;

/// How long a post's Subject threads a reply that names no Message-ID.
const SUBJECT_THREAD_DAYS: i64 = 30;
/// How much of a post's words SEARCH keeps (and shows).
const SEARCH_CHARS: usize = 400;
/// First lines of a held post shown to the coordinator.
const NOTICE_LINES: usize = 8;

impl Act<'_, '_> {
    /// Whether this mail to the bare list address is a post, and if so what became of it.
    /// `None`: not a post, the usual rules apply.
    pub(super) async fn post_or_not(
        &mut self,
        c: &Community,
        raw: &[u8],
        reading: &Reading,
    ) -> Result<Option<Outcome>> {
        if let Some(why) = our_own(c, raw) {
            return Ok(Some(Outcome::done(
                format!("carries our own {why}: not redistributed"),
                None,
            )));
        }
        if matches!(
            reading.intent,
            Intent::Command { .. } | Intent::AutoReply { .. } | Intent::Bounce { .. }
        ) {
            return Ok(None);
        }
        let Some(from) = reading.from.as_ref().map(|m| m.address.clone()) else {
            return Ok(None);
        };
        let store = self.world.store.clone();
        let mut named: Vec<String> = reading.references.clone();
        named.extend(reading.in_reply_to.iter().cloned());
        let mut thread = store.thread_of(self.conn, c.id, &named).await?;
        if thread.is_none() {
            // A reply to our meeting mail is not a post.
            for id in &named {
                if store.sent_message(self.conn, id).await?.is_some() {
                    return Ok(None);
                }
            }
            let base = base_subject(&reading.subject, &c.cfg.posts.subject_prefix);
            if base.len() < reading.subject.trim().len() || !reading.in_reply_to.is_empty() {
                thread = store
                    .thread_by_subject(
                        self.conn,
                        c.id,
                        &base,
                        self.now - SUBJECT_THREAD_DAYS * 86400,
                    )
                    .await?;
            }
            // A fresh mail is a post when it reads as a person talking, or as no answer to
            // anything but has words; what has none ("???" from a robot) is asked back as
            // before, so that no autoresponder posts to everyone.
            let talking = match reading.intent {
                Intent::Conversation => true,
                Intent::Unclear { .. } => has_words(&reading.text),
                _ => false,
            };
            if thread.is_none() && !talking {
                return Ok(None);
            }
        }
        Ok(Some(self.post(c, raw, reading, &from, thread).await?))
    }

    async fn post(
        &mut self,
        c: &Community,
        raw: &[u8],
        reading: &Reading,
        from: &Address,
        thread: Option<String>,
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        let cfg = &c.cfg.posts;
        let person = store
            .person_by_address(self.conn, c.id, from)
            .await?
            .filter(|p| matches!(p.status, PersonStatus::Active | PersonStatus::Paused));
        let failing = self.world.authserv_id.as_deref().and_then(|id| {
            super::auth_results::marked_failing(&reading.auth_results, id, from.domain())
        });
        if raw.len() as u64 > cfg.max_post_size {
            let limit = human_size(cfg.max_post_size);
            let line = format!(
                "post of {} from {from}: over the limit of {limit}, refused",
                human_size(raw.len() as u64)
            );
            if let (Some(p), None) = (&person, &failing) {
                let tr = c.tr_for(p);
                let what = tr.t3(
                    "post-too-big",
                    "subject",
                    one_line(&reading.subject),
                    "size",
                    human_size(raw.len() as u64),
                    "limit",
                    &limit,
                );
                self.answer(
                    c,
                    p,
                    reading,
                    OtherMailKind::Confirmation,
                    &tr.t1("subject-post-too-big", "limit", &limit),
                    Answer::Result(&what),
                )
                .await?;
            }
            return Ok(Outcome::kept(line, person.as_ref().map(|p| p.id)));
        }
        // A non-member our server says is forged: nobody is answered and nothing is held
        // (the usual stranger rules: kept in the log, the coordinators told once an hour).
        if person.is_none() && failing.is_some() {
            return self.stranger(c, from, reading).await;
        }
        // Why it is held: for the coordinators (in each one's language) and, in English, for
        // the log and `roundtable held list`.
        let hold: Option<(Msg, String)> = match &person {
            None => Some((
                Msg::new("held-not-member").arg("from", from),
                format!("{from} is not a member"),
            )),
            Some(_) if failing.is_some() => Some((
                Msg::new("held-forged").arg("from", from),
                format!(
                    "our mail server says it is not from {from} ({})",
                    failing.clone().unwrap_or_default()
                ),
            )),
            Some(p) if p.role == Role::Guest && !cfg.guests_may_post => Some((
                Msg::new("held-guest").arg("name", p.display_name()),
                format!("{} is a guest", p.display_name()),
            )),
            Some(p) => {
                let (_, moderated) = store.posting_settings(self.conn, p.id).await?;
                let recent = store
                    .posts_since(self.conn, c.id, from.as_str(), self.now - 3600)
                    .await?;
                if moderated {
                    Some((
                        Msg::new("held-moderated").arg("name", p.display_name()),
                        format!("{}'s posts are held for review", p.display_name()),
                    ))
                } else if recent >= cfg.posts_per_hour {
                    Some((
                        Msg::new("held-too-many")
                            .arg("name", p.display_name())
                            .arg("count", recent)
                            .arg("limit", cfg.posts_per_hour),
                        format!(
                            "{} sent {recent} posts this hour (posts_per_hour = {})",
                            p.display_name(),
                            cfg.posts_per_hour
                        ),
                    ))
                } else {
                    None
                }
            }
        };
        let message_id = reading
            .message_id
            .as_deref()
            .and_then(compose_post::clean_id)
            .unwrap_or_else(|| crate::compose::new_message_id(&c.cfg.address));
        let thread_id = thread.unwrap_or_else(|| message_id.clone());
        let author_name = reading
            .from
            .as_ref()
            .and_then(|m| m.name.as_deref())
            .map(crate::domain::clean_name)
            .or_else(|| person.as_ref().and_then(|p| p.name.clone()));
        let date = header_value(raw, "date");
        let headers = compose_post::shared_headers(&PostHead {
            community_name: &c.cfg.name,
            community_slug: &c.cfg.slug,
            list: &c.cfg.address,
            subject_prefix: &cfg.subject_prefix,
            reply_to: cfg.reply_to,
            author_name: author_name.as_deref(),
            author: from,
            subject: &reading.subject,
            message_id: &message_id,
            in_reply_to: &reading.in_reply_to,
            references: &reading.references,
            date: date.as_deref(),
            now: self.now,
        });
        let base = base_subject(&reading.subject, &cfg.subject_prefix);
        let status = if hold.is_some() {
            PostStatus::Held
        } else {
            PostStatus::Published
        };
        let Some(post_id) = store
            .insert_post(
                self.conn,
                &NewPost {
                    community_id: c.id,
                    person_id: person.as_ref().map(|p| p.id),
                    author_address: from.as_str(),
                    author_name: author_name.as_deref(),
                    message_id: &message_id,
                    thread_id: &thread_id,
                    subject: &base,
                    status,
                    hold_reason: hold.as_ref().map(|(_, english)| english.as_str()),
                    headers: &headers,
                    raw,
                    words: &reading.text,
                },
                self.now,
            )
            .await?
        else {
            return Ok(Outcome::done(
                format!("post {message_id} was stored before: not sent again"),
                person.as_ref().map(|p| p.id),
            ));
        };
        let pid = person.as_ref().map(|p| p.id);
        let Some((said, reason)) = hold else {
            let n = self.publish(c, post_id, &message_id, &base).await?;
            return Ok(Outcome::done(
                format!("post #{post_id} in thread {thread_id}: queued to {n} members"),
                pid,
            ));
        };
        let post = store
            .post(self.conn, post_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("post #{post_id} vanished"))?;
        // Non-members' posts tell the coordinators one by one up to the strangers' hourly
        // limit; past it they are held quietly (`roundtable held list`): no spam run floods them.
        let notified = person.is_some()
            || store
                .stranger_posts_since(self.conn, c.id, self.now - 3600)
                .await?
                <= super::contributions::STRANGER_ANSWERS_PER_HOUR;
        if notified {
            self.notify_held(c, &post, &said, &reading.text).await?;
        }
        // The sender is told once; not a forged sender (backscatter), and non-members within
        // the strangers' limits.
        let told = match (&person, &failing) {
            (_, Some(_)) => false,
            (Some(p), None) => {
                let tr = c.tr_for(p);
                let what = tr.t1("post-held", "subject", one_line(&reading.subject));
                self.answer(
                    c,
                    p,
                    reading,
                    OtherMailKind::Confirmation,
                    &tr.t("subject-post-held"),
                    Answer::Result(&what),
                )
                .await?
            }
            (None, None) => {
                if store
                    .strangers_answered_since(self.conn, self.now - 3600)
                    .await?
                    < super::contributions::STRANGER_ANSWERS_PER_HOUR
                    && store
                        .answer_stranger(self.conn, c.id, from, self.now - 86400, self.now)
                        .await?
                {
                    // Nothing the stranger wrote is repeated back to the address.
                    let tr = c.tr();
                    let what = tr.t1("post-held-stranger", "community", &c.cfg.name);
                    self.answer(
                        c,
                        &stranger(c, from),
                        reading,
                        OtherMailKind::Notice,
                        &tr.t("subject-post-held"),
                        Answer::Result(&what),
                    )
                    .await?
                } else {
                    false
                }
            }
        };
        Ok(Outcome::kept(
            format!(
                "post #{post_id} held ({reason}): coordinators {}, sender {}",
                if notified {
                    "told"
                } else {
                    "not told (too many non-members' posts this hour)"
                },
                if told { "told" } else { "not told" }
            ),
            pid,
        ))
    }

    /// Queues one copy of a post per member who takes posts one by one. How many.
    pub(super) async fn publish(
        &mut self,
        c: &Community,
        post_id: i64,
        message_id: &str,
        subject: &str,
    ) -> Result<usize> {
        let store = self.world.store.clone();
        // SEARCH finds it from now on: its Subject and the start of its author's words.
        if let Some(post) = store.post(self.conn, post_id).await? {
            let (_, words) = store.post_words(self.conn, post_id).await?;
            let author = post
                .author_name
                .clone()
                .unwrap_or_else(|| post.author_address.clone());
            store
                .index_text(
                    self.conn,
                    c.id,
                    crate::domain::SearchKind::Post,
                    &author,
                    self.now,
                    &search_text(&post.subject, &words),
                )
                .await?;
        }
        let people = store.post_recipients(self.conn, c.id).await?;
        let subject = compose_post::prefixed_subject(subject, &c.cfg.posts.subject_prefix);
        let mut n = 0;
        for p in &people {
            let (envelope_from, unsubscribe) = self.personal_addresses(c, p)?;
            let footer =
                compose_post::footer_text(&c.tr_for(p), &c.cfg.name, &c.cfg.address, &unsubscribe);
            let own = compose_post::personal(p.name.as_deref(), &p.address, &unsubscribe, &footer);
            let before = self.queued;
            self.enqueue(OutMail {
                dedup_key: format!("post:{post_id}:{}", p.id),
                community_id: Some(c.id),
                meeting_id: None,
                person_id: Some(p.id),
                kind: OtherMailKind::Post.into(),
                recipient: p.address.to_string(),
                envelope_from: envelope_from.to_string(),
                message_id: message_id.to_string(),
                subject: subject.clone(),
                body: own,
                post_id: Some(post_id),
            })
            .await?;
            n += self.queued - before;
        }
        Ok(n)
    }

    /// The VERP return path and the personal unsubscribe address of a person's mail.
    fn personal_addresses(&self, c: &Community, p: &Person) -> Result<(Address, Address)> {
        let list = &c.cfg.address;
        let bounce = self.world.signer.sign(&Claims {
            purpose: Purpose::Bounce,
            person_id: p.id,
            reference: 0,
            expires_at: self.now + 90 * 86400,
        });
        let leave = self.world.signer.sign(&Claims {
            purpose: Purpose::Leave,
            person_id: p.id,
            reference: 0,
            expires_at: self.now + 400 * 86400,
        });
        Ok((
            list.with_tag(&format!("bounce-{bounce}"))?,
            list.with_tag(&format!("leave-{leave}"))?,
        ))
    }

    /// One notice per held post to each coordinator; its reply address carries a moderation
    /// token for this post.
    async fn notify_held(
        &mut self,
        c: &Community,
        post: &PostRow,
        reason: &Msg,
        words: &str,
    ) -> Result<()> {
        let store = self.world.store.clone();
        let first: Vec<&str> = words.lines().take(NOTICE_LINES).collect();
        let from = format!(
            "{}<{}>",
            post.author_name
                .as_deref()
                .map(|n| format!("{n} "))
                .unwrap_or_default(),
            post.author_address
        );
        for k in store.coordinators(self.conn, c.id).await? {
            // In that coordinator's own language.
            let footer = super::footer_for(c, &k);
            let what = footer.tr.msg(
                &crate::texts::Msg::new("notice-held")
                    .arg("community", &c.cfg.name)
                    .arg_msg("reason", reason.clone())
                    .arg("from", &from)
                    .arg("subject", &post.subject)
                    .arg("size", human_size(post.size as u64))
                    .arg("words", first.join("\n"))
                    .arg("slug", &c.cfg.slug)
                    .arg("id", post.id)
                    .arg("days", c.cfg.posts.hold_days),
            );
            let (text, html) = crate::compose::CommandResult {
                name: k.display_name(),
                text: &what,
                everyone: &[],
                coordinators: &[],
                charts: &[],
            }
            .render(&footer)?;
            let d = Draft {
                kind: OtherMailKind::Notice.into(),
                subject: footer.tr.t2(
                    "subject-notice-held",
                    "id",
                    post.id,
                    "subject",
                    &post.subject,
                ),
                token: self.token(Purpose::Moderate, k.id, post.id, self.now),
                in_reply_to: None,
                references: Vec::new(),
                auto_submitted: "auto-generated",
                text,
                html,
                dedup_key: format!("held:{}:{}", post.id, k.id),
                calendar: None,
                message_id: None,
                images: Vec::new(),
            };
            let mail = self.mail(c, &k, None, d)?;
            self.enqueue(mail).await?;
        }
        Ok(())
    }

    /// A coordinator's reply to a held post's notice: APPROVE or REJECT [reason], proven as
    /// every coordinator command is; a reply that proves nothing changes nothing.
    pub(super) async fn moderation_reply(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        claims: Claims,
    ) -> Result<Outcome> {
        let post_id = claims.reference;
        let first = reading.text.split_whitespace().next().unwrap_or("");
        let word = first
            .trim_end_matches([':', ',', '.', '!'])
            .to_ascii_uppercase();
        let approve = match word.as_str() {
            "APPROVE" | "APPROVED" | "OK" | "YES" => true,
            "REJECT" | "REJECTED" | "NO" => false,
            _ => {
                return Ok(Outcome::kept(
                    format!(
                    "reply to held post #{post_id} says neither APPROVE nor REJECT: nothing done"
                ),
                    Some(p.id),
                ))
            }
        };
        if p.role != Role::Coordinator {
            return Ok(Outcome::kept(
                format!(
                    "{} is not a coordinator: held post #{post_id} not decided",
                    p.address
                ),
                Some(p.id),
            ));
        }
        match self.authenticate(c, p, reading, Some(claims), true) {
            super::commands::Auth::Pass(how) => {
                let reason = reading.text.trim()[first.len()..].trim();
                let line = self
                    .decide(c, post_id, approve, Some(reason).filter(|r| !r.is_empty()))
                    .await?;
                self.world
                    .store
                    .audit(
                        self.conn,
                        Some(c.id),
                        p.address.as_str(),
                        &format!("{} #{post_id}", if approve { "APPROVE" } else { "REJECT" }),
                        how,
                        &line,
                        self.now,
                    )
                    .await?;
                Ok(Outcome::done(line, Some(p.id)))
            }
            super::commands::Auth::Confirm(why) | super::commands::Auth::Refuse(_, why) => {
                tracing::warn!(community = %c.cfg.slug, sender = %p.address, post = post_id, "moderation refused: {why}");
                self.world
                    .store
                    .audit(
                        self.conn,
                        Some(c.id),
                        p.address.as_str(),
                        &format!("{} #{post_id}", if approve { "APPROVE" } else { "REJECT" }),
                        &why,
                        "refused",
                        self.now,
                    )
                    .await?;
                Ok(Outcome::kept(
                    format!(
                        "{} of held post #{post_id} refused: {why}",
                        if approve { "APPROVE" } else { "REJECT" }
                    ),
                    Some(p.id),
                ))
            }
        }
    }

    /// Approves (publishes) or rejects (telling the sender why) a held post: once only.
    pub(super) async fn decide(
        &mut self,
        c: &Community,
        post_id: i64,
        approve: bool,
        reason: Option<&str>,
    ) -> Result<String> {
        let store = self.world.store.clone();
        let Some(post) = store
            .post(self.conn, post_id)
            .await?
            .filter(|p| p.community_id == c.id)
        else {
            return Ok(format!("no post #{post_id} in {}", c.cfg.slug));
        };
        let to = if approve {
            PostStatus::Published
        } else {
            PostStatus::Rejected
        };
        if !store.decide_post(self.conn, post_id, to, self.now).await? {
            return Ok(format!(
                "post #{post_id} is {} already: nothing done",
                post.status
            ));
        }
        if approve {
            let n = self
                .publish(c, post_id, &post.message_id, &post.subject)
                .await?;
            return Ok(format!("post #{post_id} approved: queued to {n} members"));
        }
        let what = match reason {
            Some(r) => crate::texts::Msg::new("post-rejected-reason").arg("reason", r),
            None => crate::texts::Msg::new("post-rejected"),
        }
        .arg("subject", &post.subject)
        .arg("community", &c.cfg.name);
        self.tell_author(
            c,
            &post,
            &crate::texts::Msg::new("subject-post-rejected"),
            &what,
        )
        .await?;
        Ok(format!("post #{post_id} rejected, the sender told"))
    }

    /// A note to a post's author (a member or not), throttled like every answer.
    async fn tell_author(
        &mut self,
        c: &Community,
        post: &PostRow,
        subject: &crate::texts::Msg,
        what: &crate::texts::Msg,
    ) -> Result<bool> {
        let store = self.world.store.clone();
        let Ok(from) = Address::parse(&post.author_address) else {
            return Ok(false);
        };
        let person = match post.person_id {
            Some(id) => store.person_by_id(self.conn, id).await?,
            None => None,
        }
        .unwrap_or_else(|| stranger(c, &from));
        let reading = Reading {
            message_id: Some(post.message_id.clone()),
            from: None,
            bad_from: None,
            recipients: Vec::new(),
            subject: post.subject.clone(),
            in_reply_to: Vec::new(),
            references: Vec::new(),
            auth_results: Vec::new(),
            text: String::new(),
            intent: Intent::Conversation,
            calendar_uid: None,
        };
        let tr = c.tr_for(&person);
        self.answer(
            c,
            &person,
            &reading,
            OtherMailKind::Notice,
            &tr.msg(subject),
            Answer::Result(&tr.msg(what)),
        )
        .await
    }

    /// Held posts older than `hold_days` expire; their authors are told. How many.
    pub(super) async fn expire_held(&mut self, c: &Community) -> Result<usize> {
        let store = self.world.store.clone();
        let cutoff = self.now - c.cfg.posts.hold_days * 86400;
        let mut n = 0;
        for post in store
            .posts_with_status(self.conn, Some(c.id), PostStatus::Held)
            .await?
        {
            if post.created_at > cutoff {
                continue;
            }
            if store
                .decide_post(self.conn, post.id, PostStatus::Expired, self.now)
                .await?
            {
                let what = crate::texts::Msg::new("post-expired")
                    .arg("subject", &post.subject)
                    .arg("community", &c.cfg.name)
                    .arg("days", c.cfg.posts.hold_days);
                self.tell_author(
                    c,
                    &post,
                    &crate::texts::Msg::new("subject-post-expired"),
                    &what,
                )
                .await?;
                n += 1;
            }
        }
        Ok(n)
    }
}

impl Act<'_, '_> {
    /// The post digest job (`post_digest_cron`): the published posts no post digest carried
    /// yet, in one mail to each active member whose delivery is DIGEST (not paused, not NONE).
    /// The posts are marked with this job in the same transaction as the mail is queued, so
    /// each is in one digest only, whichever daemon runs it; a day without posts sends none.
    pub(super) async fn post_digest(
        &mut self,
        c: &Community,
        job: &crate::store::Job,
    ) -> Result<String> {
        let store = self.world.store.clone();
        let posts = store.undigested_posts(self.conn, c.id).await?;
        if posts.is_empty() {
            return Ok("no posts since the last post digest: none sent".into());
        }
        let people = store
            .members_by_delivery(self.conn, c.id, crate::domain::Delivery::Digest)
            .await?;
        let prefix = &c.cfg.posts.subject_prefix;
        let mut failed = Vec::new();
        for p in &people {
            let sent = async {
                let tr = c.tr_for(p);
                let items: Vec<crate::compose::DigestPost> = posts
                    .iter()
                    .map(|(post, words)| crate::compose::DigestPost {
                        // A reply in a thread shows as one, as mail clients show it.
                        subject: if post.message_id == post.thread_id {
                            post.subject.clone()
                        } else {
                            format!("Re: {}", post.subject)
                        },
                        author: post
                            .author_name
                            .clone()
                            .unwrap_or_else(|| post.author_address.clone()),
                        when: tr.when(post.created_at),
                        words: words.trim().to_string(),
                        reply: reply_link(&c.cfg.address, prefix, post),
                    })
                    .collect();
                let footer = super::footer_for(c, p);
                let (text, html) = crate::compose::PostDigest {
                    name: p.display_name(),
                    community: &c.cfg.name,
                    list: c.cfg.address.as_str(),
                    posts: &items,
                }
                .render(&footer)?;
                let d = Draft {
                    kind: crate::schedule::JobKind::PostDigest.into(),
                    subject: tr.t2(
                        "subject-post-digest",
                        "community",
                        &c.cfg.name,
                        "count",
                        posts.len(),
                    ),
                    token: self.token(Purpose::Reply, p.id, 0, self.now),
                    in_reply_to: None,
                    references: Vec::new(),
                    auto_submitted: "auto-generated",
                    text,
                    html,
                    dedup_key: format!("job:{}:{}", job.id, p.id),
                    calendar: None,
                    message_id: None,
                    images: Vec::new(),
                };
                let mail = self.mail(c, p, None, d)?;
                self.enqueue(mail).await
            }
            .await;
            super::timeline::skip_one(sent, p, &mut failed)?;
        }
        let ids: Vec<i64> = posts.iter().map(|(post, _)| post.id).collect();
        store.mark_posts_digested(self.conn, &ids, job.id).await?;
        Ok(format!(
            "post digest ({} posts) to {} members{}",
            posts.len(),
            people.len() - failed.len(),
            super::timeline::not_sent(&failed)
        ))
    }
}

/// A `mailto:` link that answers a post in its thread: to the list, its Subject after "Re:",
/// and In-Reply-To its Message-ID (RFC 6068).
fn reply_link(list: &Address, prefix: &str, post: &PostRow) -> String {
    let subject = format!(
        "Re: {}",
        compose_post::prefixed_subject(&post.subject, prefix)
    );
    format!(
        "mailto:{}?subject={}&In-Reply-To={}",
        list.as_str(),
        mailto_escape(&subject),
        mailto_escape(&format!("<{}>", post.message_id))
    )
}

/// Percent-encoding for a `mailto:` header value: all but unreserved characters.
fn mailto_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What SEARCH keeps of a post: "Subject: words", the words on one line and cut at
/// [`SEARCH_CHARS`] characters (the answer shows it whole).
fn search_text(subject: &str, words: &str) -> String {
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = format!("{subject}: ");
    let cut: String = flat.chars().take(SEARCH_CHARS).collect();
    out.push_str(&cut);
    if cut.len() < flat.len() {
        out.push('…');
    }
    out
}

/// The first `n` non-empty lines of someone's words.
pub(super) fn first_lines(words: &str, n: usize) -> String {
    words
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(n)
        .collect::<Vec<_>>()
        .join("\n")
}

impl super::World {
    /// `roundtable held approve|reject`: a coordinator's decision on the command line.
    pub async fn decide_held(
        &self,
        slug: &str,
        post_id: i64,
        approve: bool,
        reason: Option<&str>,
        now: i64,
    ) -> Result<String> {
        let c = self.community(slug)?;
        let mut tx = self.store.begin().await?;
        let mut act = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        };
        let line = act.decide(c, post_id, approve, reason).await?;
        let first = c
            .cfg
            .coordinators
            .first()
            .map(|a| a.to_string())
            .unwrap_or_default();
        self.store
            .audit(
                act.conn,
                Some(c.id),
                &first,
                &format!("{} #{post_id}", if approve { "APPROVE" } else { "REJECT" }),
                "command line",
                &line,
                now,
            )
            .await?;
        tx.commit().await?;
        Ok(line)
    }

    /// Expires the held posts of every community that waited longer than `hold_days`.
    pub async fn expire_held_posts(&self, now: i64) -> Result<usize> {
        let mut n = 0;
        for c in &self.communities {
            let mut tx = self.store.begin().await?;
            let mut act = Act {
                world: self,
                conn: &mut tx,
                now,
                queued: 0,
            };
            n += act.expire_held(c).await?;
            tx.commit().await?;
        }
        Ok(n)
    }
}

/// A non-member as the addressee of an answer (never stored). Not the name they gave:
/// nothing a stranger wrote is repeated back to the address.
pub(super) fn stranger(c: &Community, from: &Address) -> Person {
    Person {
        id: 0,
        community_id: c.id,
        address: from.clone(),
        name: None,
        role: Role::Guest,
        status: PersonStatus::Active,
        language: None,
    }
}

/// Why a mail is our own come back, if it is: our List-Id or our X-Loop in its headers.
fn our_own(c: &Community, raw: &[u8]) -> Option<&'static str> {
    let list_id = format!("<{}.{}>", c.cfg.slug, c.cfg.address.domain()).to_ascii_lowercase();
    let list = c.cfg.address.as_str().to_ascii_lowercase();
    if header_values(raw, "list-id")
        .iter()
        .any(|v| v.to_ascii_lowercase().contains(&list_id))
    {
        return Some("List-Id");
    }
    if header_values(raw, "x-loop")
        .iter()
        .any(|v| v.to_ascii_lowercase().contains(&list))
    {
        return Some("X-Loop");
    }
    None
}

/// The unfolded values of a header in a message's header block.
fn header_values(raw: &[u8], name: &str) -> Vec<String> {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .or_else(|| memchr::memmem::find(raw, b"\n\n"))
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(v) = current.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some(v) = current.take() {
            out.push(v);
        }
        if let Some((n, v)) = line.split_once(':') {
            if n.trim().eq_ignore_ascii_case(name) {
                current = Some(v.trim().to_string());
            }
        }
    }
    out.extend(current);
    out
}

fn header_value(raw: &[u8], name: &str) -> Option<String> {
    header_values(raw, name).into_iter().next()
}

/// A Subject without reply prefixes and without the community's prefix: what threads posts.
fn base_subject(subject: &str, prefix: &str) -> String {
    let mut s = one_line(subject);
    loop {
        let t = s.trim_start();
        let lower = t.to_lowercase();
        let p = prefix.trim().to_lowercase();
        if !p.is_empty() && lower.starts_with(&p) {
            s = t[p.len()..].to_string();
            continue;
        }
        match t.split_once(':') {
            Some((head, rest))
                if matches!(
                    head.trim().to_ascii_lowercase().as_str(),
                    "re" | "aw" | "sv" | "antw" | "ref" | "res" | "r"
                ) =>
            {
                s = rest.to_string();
            }
            _ => return t.trim().to_string(),
        }
    }
}

/// Whether a text has words (three letters at least), not only signs.
fn has_words(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

fn one_line(s: &str) -> String {
    crate::domain::clean_name_long(s)
}

fn human_size(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB {
        format!("{:.1} MB", n as f64 / MB as f64).replace(".0 MB", " MB")
    } else {
        format!("{} KB", n.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_subjects() {
        assert_eq!(base_subject("Re: [Circle] Figma", "[Circle]"), "Figma");
        assert_eq!(base_subject("AW: Re: Figma", "[Circle]"), "Figma");
        assert_eq!(base_subject("Figma", "[Circle]"), "Figma");
        assert_eq!(human_size(10 * 1024 * 1024), "10 MB");
    }
}
