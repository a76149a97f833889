//! `roundtable init`: a commented `roundtable.toml` from a few answers — the group's name,
//! address, time zone, coordinator, where its mail comes from (a Maildir your own mail server
//! delivers into, or a hosted mailbox over IMAP/SMTP) and its meeting rhythm in words
//! ("first Tuesday of the month at 18:30"). Each answer comes from a flag or, on a terminal,
//! from a question; the file written is checked like `check-config` before it is kept.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use clap::{Args, ValueEnum};

use crate::domain::Address;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The group's name, as members read it ("Design Circle").
    #[arg(long)]
    pub name: Option<String>,
    /// The group's address; replies come back to ADDRESS+token, so it must take sub-addresses.
    #[arg(long)]
    pub address: Option<String>,
    /// The group's time zone (IANA name, e.g. Europe/Berlin).
    #[arg(long)]
    pub timezone: Option<String>,
    /// The coordinator's address.
    #[arg(long)]
    pub coordinator: Option<String>,
    /// Where the group's mail comes from.
    #[arg(long, value_enum)]
    pub mailbox: Option<MailboxKind>,
    /// The IMAP and SMTP server of a hosted mailbox (e.g. imap.fastmail.com; SMTP defaults to
    /// the same host with "imap" replaced by "smtp").
    #[arg(long)]
    pub imap_host: Option<String>,
    #[arg(long, default_value_t = 993)]
    pub imap_port: u16,
    /// The SMTP server mail goes out through (default: the IMAP host's smtp twin, or
    /// 127.0.0.1 for a Maildir).
    #[arg(long)]
    pub smtp_host: Option<String>,
    /// Default 587 (STARTTLS) for a hosted mailbox, 25 for your own server on loopback.
    #[arg(long)]
    pub smtp_port: Option<u16>,
    /// The meeting rhythm in words, e.g. "first Tuesday of the month at 18:30"; "none" for
    /// meetings scheduled one at a time.
    #[arg(long)]
    pub rhythm: Option<String>,
    /// The hosted mailbox's app password, written into the file (made readable by its owner
    /// only). Without it, ROUNDTABLE_IMAP_PASSWORD (and ROUNDTABLE_SMTP_PASSWORD) must be set,
    /// as they then must be for `run`; on a terminal it is asked for, unechoed.
    #[arg(long)]
    pub password: Option<String>,
    /// Where the meetings happen usually (a room, an address, a video link).
    #[arg(long)]
    pub place: Option<String>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MailboxKind {
    /// A Maildir your own mail server (Postfix, Exim) delivers the group's mail into; mail
    /// goes out through that server on 127.0.0.1:25.
    Maildir,
    /// A hosted mailbox (Fastmail, Gmail, …): IMAP in, SMTP out, with an app password.
    Imap,
}

/// The answers, checked.
struct Answers {
    name: String,
    slug: String,
    address: Address,
    timezone: chrono_tz::Tz,
    coordinator: Address,
    mailbox: MailboxKind,
    imap_host: String,
    imap_port: u16,
    smtp_host: String,
    smtp_port: u16,
    password: Option<String>,
    cron: Option<(String, String)>,
    place: Option<String>,
}

pub fn run(path: &Path, a: InitArgs) -> Result<()> {
    if path.exists() && !a.force {
        bail!(
            "{} exists already: pass --force to overwrite it, or --config OTHER.toml to write another",
            path.display()
        );
    }
    let mut ask = Asker {
        interactive: std::io::stdin().is_terminal(),
    };
    if !ask.interactive {
        let missing: Vec<&str> = [
            ("--name", a.name.is_none()),
            ("--address", a.address.is_none()),
            ("--timezone", a.timezone.is_none()),
            ("--coordinator", a.coordinator.is_none()),
            ("--mailbox", a.mailbox.is_none()),
            (
                "--imap-host",
                a.mailbox == Some(MailboxKind::Imap) && a.imap_host.is_none(),
            ),
            (
                "--password (or ROUNDTABLE_IMAP_PASSWORD and ROUNDTABLE_SMTP_PASSWORD in the environment)",
                a.mailbox == Some(MailboxKind::Imap) && a.password.is_none() && !passwords_in_env(),
            ),
        ]
        .into_iter()
        .filter_map(|(flag, missing)| missing.then_some(flag))
        .collect();
        if !missing.is_empty() {
            bail!(
                "not on a terminal, so nothing can be asked: give {} (`roundtable init --help` says what each is)",
                missing.join(", ")
            );
        }
    }
    let answers = gather(a, &mut ask)?;
    let text = render(&answers);
    let tmp = path.with_extension("toml.new");
    write_private(&tmp, &text).with_context(|| format!("writing {}", tmp.display()))?;
    if let Err(e) = crate::config::load(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        bail!("the config written does not pass check-config (a bug: please report it):\n{e}");
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    println!("Wrote {} (it passes check-config).", path.display());
    println!("Next:");
    println!(
        "  roundtable --config {0} member add {1} someone@example.org --name \"Someone\"",
        path.display(),
        answers.slug
    );
    println!("  roundtable --config {} timeline", path.display());
    println!("  roundtable --config {} run", path.display());
    Ok(())
}

fn gather(a: InitArgs, ask: &mut Asker) -> Result<Answers> {
    let name = ask.value(
        "name",
        a.name,
        "The group's name (e.g. Design Circle)",
        None,
        |s| {
            let s = s.trim();
            if s.is_empty() {
                Err("give the name members will read".into())
            } else {
                Ok(s.to_string())
            }
        },
    )?;
    let address = ask.value(
        "address",
        a.address,
        "The group's address (it must accept address+anything@…)",
        None,
        |s| Address::parse(s.trim()).map_err(|e| e.to_string()),
    )?;
    let timezone = ask.value(
        "timezone",
        a.timezone,
        "Time zone (e.g. Europe/Berlin, America/New_York)",
        None,
        |s| {
            s.trim().parse::<chrono_tz::Tz>().map_err(|_| {
                format!(
                    "{s:?} is not a time zone name: write it as Europe/Berlin or America/New_York"
                )
            })
        },
    )?;
    let coordinator = ask.value(
        "coordinator",
        a.coordinator,
        "The coordinator's own address",
        None,
        |s| Address::parse(s.trim()).map_err(|e| e.to_string()),
    )?;
    let mailbox = ask.value(
        "mailbox",
        a.mailbox,
        "Mail comes from: maildir (your own mail server) or imap (a hosted mailbox)",
        None,
        |s| MailboxKind::from_str(s.trim(), true).map_err(|_| "answer maildir or imap".into()),
    )?;
    let (imap_host, smtp_host) = match mailbox {
        MailboxKind::Maildir => {
            let smtp = a.smtp_host.as_deref().unwrap_or("127.0.0.1");
            (String::new(), host(smtp).map_err(anyhow::Error::msg)?)
        }
        MailboxKind::Imap => {
            let imap = ask.value(
                "imap-host",
                a.imap_host,
                "IMAP server (e.g. imap.fastmail.com)",
                None,
                host,
            )?;
            let smtp_default = imap.replacen("imap", "smtp", 1);
            let smtp = match a.smtp_host {
                Some(h) => host(&h).map_err(anyhow::Error::msg)?,
                None => smtp_default,
            };
            (imap, smtp)
        }
    };
    let password = match (mailbox, a.password) {
        (MailboxKind::Maildir, _) => None,
        (MailboxKind::Imap, Some(p)) => Some(p),
        (MailboxKind::Imap, None) if passwords_in_env() => None,
        (MailboxKind::Imap, None) => Some(
            rpassword::prompt_password("The mailbox's app password (not shown): ")
                .context("reading the password")?,
        ),
    };
    let cron = ask.value(
        "rhythm",
        a.rhythm,
        "When do you meet? (e.g. \"first Tuesday of the month at 18:30\", or none)",
        Some("none"),
        |s| {
            if s.trim().eq_ignore_ascii_case("none") {
                Ok(None)
            } else {
                crate::schedule::rhythm::to_cron(s).map(|c| Some((s.trim().to_string(), c)))
            }
        },
    )?;
    let place = a.place.filter(|p| !p.trim().is_empty());
    let slug = slug_of(&name);
    let smtp_port = a.smtp_port.unwrap_or(match mailbox {
        MailboxKind::Maildir => 25,
        MailboxKind::Imap => 587,
    });
    Ok(Answers {
        name,
        slug,
        address,
        timezone,
        coordinator,
        mailbox,
        imap_host,
        imap_port: a.imap_port,
        smtp_host,
        smtp_port,
        password,
        cron,
        place,
    })
}

/// Whether both passwords come from the environment.
fn passwords_in_env() -> bool {
    ["ROUNDTABLE_IMAP_PASSWORD", "ROUNDTABLE_SMTP_PASSWORD"]
        .iter()
        .all(|v| std::env::var(v).is_ok_and(|p| !p.is_empty()))
}

/// Writes a file only its owner can read: it may hold a password.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

fn host(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() || s.contains(|c: char| c.is_whitespace() || c == '/' || c == ':') {
        Err(format!(
            "{s:?} is not a host name: write it as imap.example.org"
        ))
    } else {
        Ok(s.to_string())
    }
}

/// The short name used on the command line: the name's letters and digits without their
/// accents, lower-cased, words joined by `-`.
fn slug_of(name: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let s: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let s: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if s.trim_matches('-').is_empty() {
        "group".into()
    } else {
        s.trim_matches('-').to_string()
    }
}

/// A TOML string: quoted and escaped.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn render(a: &Answers) -> String {
    let mut t = String::new();
    t.push_str(
        "# roundtable configuration, written by `roundtable init`. `roundtable check-config`\n",
    );
    t.push_str("# checks it and names the key and the fix of anything wrong.\n\n");
    t.push_str("# SQLite in a file beside this one; for several daemons or a big group:\n");
    t.push_str("# database_url = \"postgres://roundtable:PASSWORD@127.0.0.1/roundtable\"\n");
    t.push_str("database_url = \"sqlite://roundtable.db\"\n");
    t.push_str("# secret = \"…\"   # signs reply tokens; ROUNDTABLE_SECRET, or made once and kept in the database\n");
    t.push_str(&format!(
        "# authserv_id = {}   # the Authentication-Results id your receiving server writes (dmarc=pass proves coordinators)\n",
        q(a.address.domain())
    ));
    t.push_str("# metrics_listen = \"127.0.0.1:9464\"   # Prometheus metrics at /metrics (loopback only); `roundtable status` shows the same\n\n");
    match a.mailbox {
        MailboxKind::Maildir => {
            t.push_str("[inbound]\n");
            t.push_str(
                "kind = \"maildir\"          # your mail server delivers the group's mail here\n",
            );
            t.push_str("path = \"mail/inbox\"\n\n");
            t.push_str("[outbound]\n");
            t.push_str("kind = \"smtp\"             # through your own mail server\n");
            t.push_str(&format!("host = {}\n", q(&a.smtp_host)));
            t.push_str(&format!("port = {}\n", a.smtp_port));
            t.push_str(
                "tls = \"none\"              # none on loopback; starttls or implicit elsewhere\n",
            );
            t.push_str("max_connections = 4\n");
            t.push_str(
                "# To look at the mail before any goes out, write it to a Maildir instead:\n",
            );
            t.push_str("# kind = \"maildir\"\n# path = \"mail/outbox\"\n\n");
        }
        MailboxKind::Imap => {
            t.push_str("[inbound]\n");
            t.push_str("kind = \"imap\"\n");
            t.push_str(&format!("host = {}\n", q(&a.imap_host)));
            t.push_str(&format!("port = {}\n", a.imap_port));
            t.push_str("tls = \"implicit\"          # none | starttls | implicit\n");
            t.push_str(&format!("username = {}\n", q(a.address.as_str())));
            match &a.password {
                Some(p) => t.push_str(&format!(
                    "password = {}   # or ROUNDTABLE_IMAP_PASSWORD\n",
                    q(p)
                )),
                None => t.push_str("# password: from ROUNDTABLE_IMAP_PASSWORD (an app password)\n"),
            }
            t.push_str("folder = \"INBOX\"\n");
            t.push_str("idle = true               # IMAP IDLE where the server offers it\n\n");
            t.push_str("[outbound]\n");
            t.push_str("kind = \"smtp\"\n");
            t.push_str(&format!("host = {}\n", q(&a.smtp_host)));
            t.push_str(&format!("port = {}\n", a.smtp_port));
            t.push_str(if a.smtp_port == 465 {
                "tls = \"implicit\"\n"
            } else {
                "tls = \"starttls\"\n"
            });
            t.push_str(&format!("username = {}\n", q(a.address.as_str())));
            match &a.password {
                Some(p) => t.push_str(&format!(
                    "password = {}   # or ROUNDTABLE_SMTP_PASSWORD\n",
                    q(p)
                )),
                None => t.push_str("# password: from ROUNDTABLE_SMTP_PASSWORD\n"),
            }
            t.push_str("max_connections = 4\n");
            t.push_str("rate_per_second = 5       # hosted mailboxes limit how fast you send\n\n");
        }
    }
    t.push_str("[[community]]\n");
    t.push_str(&format!(
        "slug = {}                # used on the command line\n",
        q(&a.slug)
    ));
    t.push_str(&format!("name = {}\n", q(&a.name)));
    t.push_str(&format!("address = {}\n", q(a.address.as_str())));
    t.push_str(&format!("timezone = {}\n", q(a.timezone.name())));
    t.push_str(&format!("coordinators = [{}]\n", q(a.coordinator.as_str())));
    t.push_str(
        "description = \"\"          # one or two sentences for invitations and the welcome\n",
    );
    t.push_str("signature = \"\"            # how mail is signed, e.g. \"Ana, coordinator\"\n");
    match &a.cron {
        Some((said, cron)) => {
            t.push_str(&format!("# {said}\n"));
            t.push_str(&format!("meeting_cron = {}\n", q(cron)));
        }
        None => {
            t.push_str("# A rhythm, so meetings plan themselves (seconds first; this is the first Tuesday, 18:30):\n");
            t.push_str("# meeting_cron = \"0 30 18 1-7 * Tue\"\n");
        }
    }
    match &a.place {
        Some(p) => t.push_str(&format!("meeting_place = {}\n", q(p))),
        None => t.push_str(
            "# meeting_place = \"Room 4, Main Street 1\"   # where the meetings usually are\n",
        ),
    }
    t.push_str("# coordinator_auth = \"dmarc-or-confirm\"   # how coordinators' commands are proven: dmarc | confirm | dmarc-or-confirm\n\n");
    t.push_str("[community.timeline]       # when each mail goes out, before or after a meeting (the defaults)\n");
    t.push_str(
        "announce = \"14d\"\ncall_for_topics = \"7d\"\nagenda = \"2d\"\nreminder = \"1d\"\n",
    );
    t.push_str("takeaway_request = \"2h\"   # after the meeting\nguest_followup = \"1d\"     # after the meeting\n");
    t.push_str("digest_cron = \"0 0 9 * * Mon\"   # the weekly digest, Monday 09:00\n");
    t.push_str(
        "post_digest_cron = \"0 0 18 * * *\"   # the day's posts to DIGEST members, 18:00\n",
    );
    t
}

/// Takes each answer from its flag or, on a terminal, asks for it.
struct Asker {
    interactive: bool,
}

impl Asker {
    /// The flag's value, checked; else (on a terminal) the answer to `question`, asked again
    /// until it is good; else the default. `run` has made sure, off a terminal, that every
    /// answer without a default was given as a flag.
    fn value<T, F>(
        &mut self,
        flag: &'static str,
        given: Option<impl ToString>,
        question: &str,
        default: Option<&str>,
        check: F,
    ) -> Result<T>
    where
        F: Fn(&str) -> Result<T, String>,
    {
        if let Some(v) = given {
            return check(&v.to_string()).map_err(|e| anyhow::anyhow!("--{flag}: {e}"));
        }
        if !self.interactive {
            let d = default.with_context(|| format!("give --{flag}"))?;
            return check(d).map_err(|e| anyhow::anyhow!("--{flag}: {e}"));
        }
        let stdin = std::io::stdin();
        loop {
            match default {
                Some(d) => print!("{question} [{d}]: "),
                None => print!("{question}: "),
            }
            std::io::stdout().flush()?;
            let mut line = String::new();
            if stdin.lock().read_line(&mut line)? == 0 {
                bail!("no answer for --{flag} (end of input)");
            }
            let line = line.trim();
            let line = if line.is_empty() {
                default.unwrap_or("")
            } else {
                line
            };
            match check(line) {
                Ok(v) => return Ok(v),
                Err(e) => println!("  {e}"),
            }
        }
    }
}

impl std::fmt::Display for MailboxKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MailboxKind::Maildir => "maildir",
            MailboxKind::Imap => "imap",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn slugs() {
        assert_eq!(slug_of("Design Circle"), "design-circle");
        assert_eq!(slug_of("  Café & Código!  "), "cafe-codigo");
        assert_eq!(slug_of("!!!"), "group");
    }
}
