//! The checker: [`super::RawConfig`] → [`super::Config`], every problem of a file reported at
//! once, each naming its key and its fix.

use super::*;

pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
}

impl Checker {
    fn problem(
        &mut self,
        key: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(Problem {
            key: key.into(),
            problem: problem.into(),
            fix: fix.into(),
        });
    }

    fn required<T>(&mut self, v: Option<T>, key: &str, fix: &str) -> Option<T> {
        if v.is_none() {
            self.problem(key, "is missing", fix);
        }
        v
    }

    /// The keys about posts to the list, each checked with a clear error.
    fn posts(
        &mut self,
        k: &dyn Fn(&str) -> String,
        r: &super::raw::RawCommunity,
        name: &str,
    ) -> super::PostsConfig {
        let mut p = super::PostsConfig::defaults(name);
        if let Some(prefix) = &r.subject_prefix {
            if prefix.chars().any(char::is_control) || prefix.chars().count() > 40 {
                self.problem(
                    k("subject_prefix"),
                    format!("{prefix:?} is not one short line"),
                    "write up to 40 characters on one line, e.g. \"[Circle]\", or \"\" for none",
                );
            } else {
                p.subject_prefix = prefix.trim().to_string();
            }
        }
        match r.reply_to.as_deref() {
            None | Some("group") => {}
            Some("author") => p.reply_to = super::ReplyTo::Author,
            Some(other) => self.problem(
                k("reply_to"),
                format!("unknown value {other:?}"),
                "use group (replies go to the list) or author (replies go to the post's author)",
            ),
        }
        if let Some(size) = &r.max_post_size {
            match super::parse_size(size) {
                Ok(n) if (1024..=1024 * 1024 * 1024).contains(&n) => p.max_post_size = n,
                Ok(_) => self.problem(
                    k("max_post_size"),
                    format!("{size:?} is outside 1KB to 1GB"),
                    "write a size such as \"10MB\" or \"512KB\"",
                ),
                Err(e) => self.problem(
                    k("max_post_size"),
                    format!("{size:?}: {e}"),
                    "write a size such as \"10MB\" or \"512KB\"",
                ),
            }
        }
        if let Some(n) = r.posts_per_hour {
            if (1..=100_000).contains(&n) {
                p.posts_per_hour = n;
            } else {
                self.problem(
                    k("posts_per_hour"),
                    format!("{n} is outside 1 to 100000"),
                    "write how many posts one author may send in an hour, e.g. 20",
                );
            }
        }
        if let Some(b) = r.guests_may_post {
            p.guests_may_post = b;
        }
        if let Some(n) = r.hold_days {
            if (1..=365).contains(&n) {
                p.hold_days = n;
            } else {
                self.problem(
                    k("hold_days"),
                    format!("{n} is outside 1 to 365"),
                    "write how many days a held post waits for a coordinator, e.g. 14",
                );
            }
        }
        p
    }

    fn duration(&mut self, key: &str, v: Option<&str>, default: &str) -> Duration {
        let s = v.unwrap_or(default);
        match parse_duration(s) {
            Ok(d) => d,
            Err(e) => {
                self.problem(
                    key,
                    format!("{s:?}: {e}"),
                    "write a number and a unit: 30s, 15m, 2h or 14d",
                );
                Duration::from_secs(60)
            }
        }
    }

    fn tls(&mut self, key: &str, v: Option<&str>, default: Tls) -> Tls {
        match v {
            None => default,
            Some("none") => Tls::None,
            Some("starttls") => Tls::StartTls,
            Some("implicit") => Tls::Implicit,
            Some(other) => {
                self.problem(
                    key,
                    format!("unknown value {other:?}"),
                    "use none, starttls or implicit",
                );
                default
            }
        }
    }

    /// `section.tls_ca_file`: read and checked now, so that check-config reports a bad file.
    fn ca_file(
        &mut self,
        section: &str,
        v: Option<String>,
        base: &Path,
        tls: Tls,
    ) -> Option<CaFile> {
        let key = format!("{section}.tls_ca_file");
        let p = PathBuf::from(v?);
        let p = if p.is_absolute() { p } else { base.join(p) };
        if tls == Tls::None {
            self.problem(
                &key,
                format!(
                    "is set, but {section}.tls = \"none\": no certificate would ever be checked"
                ),
                format!("set {section}.tls = \"starttls\" or \"implicit\", or remove {key}"),
            );
        }
        match CaFile::read(&p) {
            Ok(ca) => Some(ca),
            Err(e) => {
                self.problem(key, e.problem, e.fix);
                None
            }
        }
    }

    /// `metrics_listen`: an IP address and port on loopback. The metrics name the groups and
    /// count their mail; they are for the machine's own Prometheus (or a proxy in front).
    fn metrics_listen(&mut self, v: &str) -> Option<std::net::SocketAddr> {
        match v.parse::<std::net::SocketAddr>() {
            Ok(a) if a.ip().is_loopback() => Some(a),
            Ok(a) => {
                self.problem(
                    "metrics_listen",
                    format!("{a} is not a loopback address"),
                    "listen on 127.0.0.1 or [::1] (e.g. metrics_listen = \"127.0.0.1:9464\") and let Prometheus on this machine, or a proxy, reach it",
                );
                None
            }
            Err(_) => {
                self.problem(
                    "metrics_listen",
                    format!("{v:?} is not an address and port"),
                    "write it as metrics_listen = \"127.0.0.1:9464\"",
                );
                None
            }
        }
    }

    fn path(&mut self, key: &str, v: Option<String>, base: &Path) -> Option<PathBuf> {
        let p = self.required(v, key, "give the directory, e.g. path = \"mail/inbox\"")?;
        let p = PathBuf::from(p);
        Some(if p.is_absolute() { p } else { base.join(p) })
    }

    pub(super) fn check(
        &mut self,
        raw: RawConfig,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Config> {
        let database_url = env(ENV_DATABASE_URL)
            .or(raw.database_url)
            .unwrap_or_else(|| "sqlite://roundtable.db".into());
        let database_url = self.database_url(&database_url, base);

        let secret = env(ENV_SECRET).or(raw.secret).map(Secret);
        if let Some(s) = &secret {
            if s.0.len() < 16 {
                self.problem(
                    "secret",
                    "is shorter than 16 characters",
                    format!("use a long random value (e.g. `openssl rand -hex 32`), or unset it and {ENV_SECRET} to have one generated and kept in the database"),
                );
            }
        }

        let inbound = self.inbound(raw.inbound, base, env);
        let outbound = self.outbound(raw.outbound, base, env);
        let metrics_listen = raw.metrics_listen.and_then(|v| self.metrics_listen(&v));

        if raw.community.is_empty() {
            self.problem(
                "community",
                "no [[community]] is configured",
                "add a [[community]] table with slug, name, address, timezone and coordinators",
            );
        }
        let mut communities = Vec::new();
        let mut slugs = std::collections::HashSet::new();
        let mut addresses = std::collections::HashSet::new();
        for (i, rc) in raw.community.into_iter().enumerate() {
            if let Some(c) = self.community(i, rc, base) {
                if !slugs.insert(c.slug.clone()) {
                    self.problem(
                        format!("community[{i}].slug"),
                        format!("{:?} is used twice", c.slug),
                        "give each community its own slug",
                    );
                }
                if !addresses.insert(c.address.clone()) {
                    self.problem(
                        format!("community[{i}].address"),
                        format!("{} is used twice", c.address),
                        "give each community its own list address",
                    );
                }
                communities.push(c);
            }
        }
        Some(Config {
            database_url: database_url?,
            secret,
            authserv_id: raw.authserv_id,
            metrics_listen,
            inbound: inbound?,
            outbound: outbound?,
            communities,
        })
    }

    fn database_url(&mut self, url: &str, base: &Path) -> Option<String> {
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let (file, query) = rest.split_once('?').unwrap_or((rest, ""));
            if file.is_empty() {
                self.problem(
                    "database_url",
                    "names no SQLite file",
                    "write sqlite://roundtable.db or sqlite:///var/lib/roundtable/db.sqlite",
                );
                return None;
            }
            if file == ":memory:" {
                return Some(url.to_string());
            }
            let p = PathBuf::from(file);
            let p = if p.is_absolute() { p } else { base.join(p) };
            let q = if query.is_empty() {
                "mode=rwc".to_string()
            } else {
                query.to_string()
            };
            Some(format!("sqlite://{}?{q}", p.display()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(url.to_string())
        } else {
            self.problem(
                "database_url",
                "is neither sqlite:// nor postgres://",
                "write sqlite://roundtable.db (embedded) or postgres://user:password@127.0.0.1/roundtable",
            );
            None
        }
    }

    fn inbound(
        &mut self,
        raw: Option<RawInbound>,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Inbound> {
        let Some(r) = raw else {
            self.problem("inbound", "is missing", "add [inbound] with kind = \"maildir\" and path, or kind = \"imap\" with host, username, password");
            return None;
        };
        match r.kind.as_deref() {
            Some("maildir") => Some(Inbound::Maildir {
                path: self.path("inbound.path", r.path, base)?,
            }),
            Some("imap") => {
                let tls = self.tls("inbound.tls", r.tls.as_deref(), Tls::Implicit);
                let tls_ca_file = self.ca_file("inbound", r.tls_ca_file, base, tls);
                let port = r.port.unwrap_or(match tls {
                    Tls::Implicit => 993,
                    _ => 143,
                });
                let password = env(ENV_IMAP_PASSWORD).or(r.password);
                let host = self.required(
                    r.host,
                    "inbound.host",
                    "give the IMAP server, e.g. host = \"imap.example.org\"",
                );
                let username = self.required(
                    r.username,
                    "inbound.username",
                    "give the IMAP login, e.g. username = \"circle@example.org\"",
                );
                let password = self.required(
                    password,
                    "inbound.password",
                    &format!("set inbound.password, or {ENV_IMAP_PASSWORD} in the environment"),
                );
                let poll_interval =
                    self.duration("inbound.poll_interval", r.poll_interval.as_deref(), "60s");
                Some(Inbound::Imap(ImapConfig {
                    host: host?,
                    port,
                    tls,
                    tls_ca_file,
                    username: username?,
                    password: Secret(password?),
                    folder: r.folder.unwrap_or_else(|| "INBOX".into()),
                    handled_folder: r.handled_folder.unwrap_or_else(|| "Handled".into()),
                    quarantine_folder: r.quarantine_folder.unwrap_or_else(|| "Quarantine".into()),
                    idle: r.idle.unwrap_or(true),
                    poll_interval,
                }))
            }
            Some(other) => {
                self.problem(
                    "inbound.kind",
                    format!("unknown kind {other:?}"),
                    "use kind = \"maildir\" or kind = \"imap\"",
                );
                None
            }
            None => {
                self.problem(
                    "inbound.kind",
                    "is missing",
                    "use kind = \"maildir\" or kind = \"imap\"",
                );
                None
            }
        }
    }

    fn outbound(
        &mut self,
        raw: Option<RawOutbound>,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Outbound> {
        let Some(r) = raw else {
            self.problem(
                "outbound",
                "is missing",
                "add [outbound] with kind = \"smtp\" and host, or kind = \"maildir\" and path",
            );
            return None;
        };
        match r.kind.as_deref() {
            Some("maildir") => Some(Outbound::Maildir {
                path: self.path("outbound.path", r.path, base)?,
            }),
            Some("smtp") => {
                let tls = self.tls("outbound.tls", r.tls.as_deref(), Tls::StartTls);
                let tls_ca_file = self.ca_file("outbound", r.tls_ca_file, base, tls);
                let port = r.port.unwrap_or(match tls {
                    Tls::Implicit => 465,
                    Tls::StartTls => 587,
                    Tls::None => 25,
                });
                let host = self.required(
                    r.host,
                    "outbound.host",
                    "give the SMTP relay, e.g. host = \"smtp.example.org\"",
                );
                let password = env(ENV_SMTP_PASSWORD).or(r.password).map(Secret);
                if r.username.is_some() != password.is_some() {
                    self.problem(
                        "outbound.username",
                        "username and password must be given together",
                        format!("set both outbound.username and outbound.password (or {ENV_SMTP_PASSWORD}), or neither"),
                    );
                }
                let max_connections = r.max_connections.unwrap_or(4);
                if max_connections == 0 || max_connections > 256 {
                    self.problem(
                        "outbound.max_connections",
                        format!("{max_connections} is out of range"),
                        "use a number from 1 to 256",
                    );
                }
                let rate = r.rate_per_second.unwrap_or(0.0);
                if !(rate >= 0.0 && rate.is_finite()) {
                    self.problem(
                        "outbound.rate_per_second",
                        format!("{rate} is not a rate"),
                        "use 0 (unlimited) or a positive number such as 10",
                    );
                }
                let mut retry = RetryPolicy::default();
                if let Some(list) = r.retry {
                    if list.is_empty() {
                        self.problem(
                            "outbound.retry",
                            "is an empty list",
                            "list at least one delay, e.g. retry = [\"1m\", \"5m\", \"1h\"]",
                        );
                    }
                    retry.delays = list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| self.duration(&format!("outbound.retry[{i}]"), Some(s), "1m"))
                        .collect();
                }
                if let Some(a) = r.max_age {
                    retry.max_age = self.duration("outbound.max_age", Some(&a), "3d");
                }
                Some(Outbound::Smtp(SmtpConfig {
                    host: host?,
                    port,
                    tls,
                    tls_ca_file,
                    username: r.username,
                    password,
                    max_connections: max_connections.clamp(1, 256),
                    rate_per_second: rate.max(0.0),
                    retry,
                }))
            }
            Some(other) => {
                self.problem(
                    "outbound.kind",
                    format!("unknown kind {other:?}"),
                    "use kind = \"smtp\" or kind = \"maildir\"",
                );
                None
            }
            None => {
                self.problem(
                    "outbound.kind",
                    "is missing",
                    "use kind = \"smtp\" or kind = \"maildir\"",
                );
                None
            }
        }
    }

    fn community(&mut self, i: usize, r: RawCommunity, base: &Path) -> Option<CommunityConfig> {
        let k = |f: &str| format!("community[{i}].{f}");
        let posts = self.posts(&k, &r, r.name.as_deref().unwrap_or("").trim());
        let language = match r.language.as_deref().map(str::trim) {
            None => crate::domain::Lang::En,
            Some(l) => crate::domain::Lang::parse(&l.to_lowercase()).unwrap_or_else(|| {
                self.problem(
                    k("language"),
                    format!("{l:?} is not a language roundtable writes"),
                    "use one of en, de, fr, es, nl, pt (the languages replies are read in)",
                );
                crate::domain::Lang::En
            }),
        };
        let texts_dir = r.texts_dir.map(|d| {
            let p = PathBuf::from(d);
            if p.is_absolute() {
                p
            } else {
                base.join(p)
            }
        });
        if let Some(d) = &texts_dir {
            // A broken override stops here, with its file and line, never in a mail.
            if let Err(problems) = crate::texts::Texts::load(Some(d)) {
                for p in problems {
                    let at = format!("{}:{}:{}: {}", p.file.display(), p.line, p.column, p.what);
                    self.problem(k("texts_dir"), at, p.fix);
                }
            }
        }
        let dkim = match (r.dkim_key, r.dkim_selector) {
            (None, None) => {
                if r.dkim_domain.is_some() {
                    self.problem(
                        k("dkim_domain"),
                        "is set without dkim_key",
                        "add dkim_key = \"path to the private key (PEM)\" and dkim_selector, or remove dkim_domain",
                    );
                }
                None
            }
            (None, Some(_)) => {
                self.problem(
                    k("dkim_selector"),
                    "is set without dkim_key",
                    "add dkim_key = \"path to the private key (PEM)\", or remove dkim_selector",
                );
                None
            }
            (Some(_), None) => {
                self.problem(
                    k("dkim_selector"),
                    "is missing (dkim_key needs it)",
                    "add dkim_selector = \"the selector of the key's DNS record\", e.g. \"rt2026\"",
                );
                None
            }
            (Some(key), Some(selector)) => {
                let p = PathBuf::from(key);
                let key = if p.is_absolute() { p } else { base.join(p) };
                let domain = r.dkim_domain.clone().or_else(|| {
                    r.address
                        .as_deref()
                        .and_then(|a| a.rsplit_once('@'))
                        .map(|(_, d)| d.to_ascii_lowercase())
                });
                match domain {
                    Some(domain) if !selector.trim().is_empty() => {
                        if let Some(why) =
                            crate::outbox::dkim::check_key(&key, &domain, selector.trim())
                        {
                            self.problem(
                                k("dkim_key"),
                                format!("{}: {why}", key.display()),
                                "give a readable PEM file with an RSA (PKCS#1 or PKCS#8) or Ed25519 (PKCS#8) private key, e.g. from `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`",
                            );
                            None
                        } else {
                            Some(super::DkimConfig {
                                key,
                                selector: selector.trim().to_string(),
                                domain,
                            })
                        }
                    }
                    _ => {
                        self.problem(
                            k("dkim_selector"),
                            "is empty, or there is no domain to sign for",
                            "set dkim_selector, and dkim_domain if the address has none",
                        );
                        None
                    }
                }
            }
        };
        let slug = self.required(
            r.slug,
            &k("slug"),
            "give a short name used on the command line, e.g. slug = \"design\"",
        );
        if let Some(s) = &slug {
            if s.is_empty()
                || !s
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.problem(
                    k("slug"),
                    format!("{s:?} is not a slug"),
                    "use lower-case letters, digits and '-', e.g. \"design-circle\"",
                );
            }
        }
        let name = self.required(
            r.name,
            &k("name"),
            "give the group's name, e.g. name = \"Design Circle\"",
        );
        let address = self.required(
            r.address,
            &k("address"),
            "give the list address that receives replies, e.g. address = \"circle@example.org\"",
        );
        let address = address.and_then(|a| match Address::parse(&a) {
            Ok(a) if a.local().contains('+') => {
                self.problem(
                    k("address"),
                    format!("{a} contains '+'"),
                    "use the plain list address; '+' is where reply tokens go",
                );
                None
            }
            Ok(a) => Some(a),
            Err(e) => {
                self.problem(
                    k("address"),
                    e.to_string(),
                    "write a plain address, e.g. circle@example.org",
                );
                None
            }
        });
        let timezone = self.required(
            r.timezone,
            &k("timezone"),
            "give an IANA zone, e.g. timezone = \"Europe/Berlin\"",
        );
        let timezone = timezone.and_then(|t| match t.parse::<chrono_tz::Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.problem(
                    k("timezone"),
                    format!("{t:?} is not an IANA time zone"),
                    "use a name such as \"Europe/Berlin\" or \"America/New_York\"",
                );
                None
            }
        });
        if r.coordinators.is_empty() {
            self.problem(
                k("coordinators"),
                "no coordinator is listed",
                "list at least one address, e.g. coordinators = [\"ana@example.org\"]",
            );
        }
        let mut coordinators = Vec::new();
        for (j, a) in r.coordinators.iter().enumerate() {
            match Address::parse(a) {
                Ok(a) => coordinators.push(a),
                Err(e) => self.problem(
                    format!("{}[{j}]", k("coordinators")),
                    e.to_string(),
                    "write a plain address, e.g. ana@example.org",
                ),
            }
        }
        let meeting_place = r
            .meeting_place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        if meeting_place
            .as_deref()
            .is_some_and(|p| p.contains(['\r', '\n']))
        {
            self.problem(
                k("meeting_place"),
                "has more than one line",
                "write the place on one line, e.g. \"Room 4, Main Street 1\"",
            );
        }
        if let Some(expr) = &r.meeting_cron {
            if let Err(e) = expr.parse::<cron::Schedule>() {
                self.problem(k("meeting_cron"), format!("{expr:?}: {e}"), "write 6 fields, seconds first, e.g. \"0 30 18 1-7 * Tue\" (first Tuesday, 18:30)");
            }
        }
        let coordinator_auth = match r.coordinator_auth.as_deref() {
            None | Some("dmarc-or-confirm") => CoordinatorAuth::DmarcOrConfirm,
            Some("dmarc") => CoordinatorAuth::Dmarc,
            Some("confirm") => CoordinatorAuth::Confirm,
            Some(other) => {
                self.problem(
                    k("coordinator_auth"),
                    format!("unknown value {other:?}"),
                    "use dmarc, confirm or dmarc-or-confirm",
                );
                CoordinatorAuth::DmarcOrConfirm
            }
        };
        let mut timeline = Timeline::default();
        for (key, value) in r.timeline.unwrap_or_default() {
            let tk = format!("community[{i}].timeline.{key}");
            let slot = match key.as_str() {
                "announce" => &mut timeline.announce,
                "call_for_topics" => &mut timeline.call_for_topics,
                "agenda" => &mut timeline.agenda,
                "reminder" => &mut timeline.reminder,
                "takeaway_request" => &mut timeline.takeaway_request,
                "guest_followup" => &mut timeline.guest_followup,
                "guest_reminder" => &mut timeline.guest_reminder,
                "digest_cron" | "post_digest_cron" => {
                    if let Err(e) = value.parse::<cron::Schedule>() {
                        self.problem(
                            tk,
                            format!("{value:?}: {e}"),
                            "write 6 fields, seconds first, e.g. \"0 0 9 * * Mon\"",
                        );
                    }
                    if key == "digest_cron" {
                        timeline.digest_cron = value;
                    } else {
                        timeline.post_digest_cron = value;
                    }
                    continue;
                }
                _ => {
                    self.problem(tk, "is not a timeline key", "use announce, call_for_topics, agenda, reminder, takeaway_request, guest_followup, guest_reminder, digest_cron or post_digest_cron");
                    continue;
                }
            };
            *slot = self.duration(&tk, Some(&value), "1d");
        }
        Some(CommunityConfig {
            posts,
            slug: slug?,
            name: name?,
            address: address?,
            timezone: timezone?,
            coordinators,
            meeting_cron: r.meeting_cron,
            meeting_place,
            language,
            texts_dir,
            coordinator_auth,
            description: r.description.unwrap_or_default(),
            signature: r.signature.unwrap_or_default(),
            timeline,
            dkim,
        })
    }
}
