//! The command line (clap): the daemon, the MTA pipe, inspection, the demo, and the admin
//! commands that do by hand what a coordinator does by mail.

pub mod admin;
pub mod backup;
pub mod demo;
pub mod init;
pub mod members;
pub mod table;

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::{OutboxStatus, Role};

#[derive(Debug, Parser)]
#[command(name = "roundtable", version, about = "Runs a community of practice by email", long_about = None)]
pub struct Cli {
    /// The configuration file.
    #[arg(
        long,
        short,
        global = true,
        default_value = "roundtable.toml",
        env = "ROUNDTABLE_CONFIG"
    )]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the daemon: watch the mailbox, deliver the outbox, until SIGTERM/SIGINT.
    Run(RunArgs),
    /// Read one message on standard input and process it (for an MTA pipe or .forward).
    ///
    /// Exits 0 once the message's effects are committed, 75 (EX_TEMPFAIL) when it could not
    /// be stored so the MTA keeps it and tries again.
    Deliver,
    /// Show how each message would be read, without touching any state.
    Inspect(InspectArgs),
    /// Check the configuration and report every problem at once.
    CheckConfig,
    /// Try roundtable on embedded defaults: a workspace with SQLite and Maildirs, a
    /// community, a meeting, replies, and what the daemon made of them.
    Demo(DemoArgs),
    /// Write a commented roundtable.toml (to --config) from a few answers: flags, or questions
    /// on a terminal.
    Init(init::InitArgs),
    /// The words roundtable writes: export a language's catalog to edit it (then point a
    /// community's texts_dir at the directory).
    #[command(subcommand)]
    Texts(TextsCommand),
    /// Add, list, remove, import and export people.
    #[command(subcommand)]
    Member(MemberCommand),
    /// Write a consistent copy of the (SQLite) database to FILE while the daemon runs; on
    /// PostgreSQL, says how to do it with pg_dump.
    Backup {
        /// The copy to write; it must not exist yet.
        file: PathBuf,
    },
    /// Schedule, list and cancel meetings.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Look at outgoing mail and re-queue failed deliveries.
    #[command(subcommand)]
    Outbox(OutboxCommand),
    /// Posts held for review: list them, approve or reject one.
    #[command(subcommand)]
    Held(HeldCommand),
    /// Do what a coordinator does by mail, e.g. `roundtable do design "INVITE bob@example.org Bob"`;
    /// `roundtable do design HELP` lists the commands.
    Do {
        community: String,
        /// The command as it would stand in the Subject, e.g. "SCHEDULE 2026-12-08 18:30 Room 4".
        #[arg(num_args = 1.., required = true)]
        command: Vec<String>,
        /// Act as this person instead of the first coordinator (for members' commands).
        #[arg(long = "as")]
        as_address: Option<String>,
    },
    /// Every command received and what became of it (who, how they were trusted, outcome).
    Audit {
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// What will be sent when, per community and meeting.
    Timeline {
        /// Only this community.
        community: Option<String>,
        /// Also what was already sent or skipped.
        #[arg(long)]
        all: bool,
    },
    /// Health, per community: who reads the mailbox, the last message handled, mail waiting,
    /// retrying, failed or set aside, and the next sends. Reads only; safe beside daemons.
    Status,
    /// The most recent inbound messages and what was done with each.
    Log {
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Do everything that is due now (drain the mailbox, fire due jobs, deliver) and exit.
    #[arg(long)]
    pub once: bool,
    /// Set the clock (RFC 3339, e.g. 2026-12-01T09:00:00Z); only with --once.
    #[arg(long, requires = "once")]
    pub now: Option<String>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// What the messages reply to: rsvp, topics, takeaways or followup.
    #[arg(long = "as", value_name = "WHAT")]
    pub asked: Option<String>,
    /// One JSON object a line.
    #[arg(long)]
    pub json: bool,
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to create the demo workspace.
    #[arg(long, default_value = "roundtable-demo")]
    pub dir: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a person (or change their role and name).
    Add {
        community: String,
        address: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_enum, default_value_t = Role::Member)]
        role: Role,
        /// Their own language for the mail written to them (else the community's).
        #[arg(long, value_enum)]
        language: Option<crate::domain::Lang>,
    },
    /// Read a member list (CSV: ours, Mailman 3's or Google Groups' export) into a
    /// community; reports what was added, updated and skipped, and why.
    Import {
        community: String,
        file: PathBuf,
        /// Report what would change, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Send each new member the welcome mail (by default nobody is mailed).
        #[arg(long)]
        welcome: bool,
    },
    /// Write a community's members as CSV (address, name, role, delivery, language), to FILE
    /// or standard output; `member import` reads it back.
    Export {
        community: String,
        file: Option<PathBuf>,
    },
    /// List the people of a community.
    List { community: String },
    /// Remove a person (they get no more mail).
    Remove { community: String, address: String },
    /// Change how a person takes the posts to the list, or whether their posts are held.
    Set {
        community: String,
        address: String,
        /// each (every post as it comes) or none (no posts; meeting mail still comes).
        #[arg(long)]
        delivery: Option<String>,
        /// true: their posts wait for a coordinator's APPROVE.
        #[arg(long)]
        moderated: Option<bool>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HeldCommand {
    /// The posts waiting for review.
    List,
    /// Send a held post to the members.
    Approve { community: String, id: i64 },
    /// Turn a held post down; the sender gets the reason.
    Reject {
        community: String,
        id: i64,
        /// Told to the sender.
        reason: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Schedule a meeting at a local time in the community's zone and announce it.
    Schedule {
        community: String,
        /// "YYYY-MM-DD HH:MM", local time in the community's time zone.
        when: String,
        #[arg(long)]
        place: Option<String>,
    },
    /// List a community's meetings with their answers.
    List { community: String },
    /// Move a meeting; those invited get an update (and their calendars move it).
    Reschedule {
        community: String,
        id: i64,
        /// "YYYY-MM-DD HH:MM", local time in the community's time zone.
        when: String,
        #[arg(long)]
        place: Option<String>,
    },
    /// Cancel a meeting; those invited get a cancellation (and their calendars drop it).
    Cancel {
        community: String,
        id: i64,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TextsCommand {
    /// Write the built-in catalog of a language as DIR/xx.ftl, to edit and use as texts_dir.
    Export {
        #[arg(long, value_enum)]
        language: crate::domain::Lang,
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List outgoing mail, newest first.
    List {
        /// pending, sent or failed.
        #[arg(long, value_enum)]
        status: Option<OutboxStatus>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Put failed mail back in the queue: one id, or all with --all.
    Retry {
        #[arg(required_unless_present = "all")]
        id: Option<i64>,
        #[arg(long)]
        all: bool,
    },
}

// The values of --role and --status are the stored texts, from their one mapping.

impl ValueEnum for Role {
    fn value_variants<'a>() -> &'a [Self] {
        &[Role::Member, Role::Guest, Role::Coordinator]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

impl ValueEnum for crate::domain::Lang {
    fn value_variants<'a>() -> &'a [Self] {
        crate::domain::Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

impl ValueEnum for OutboxStatus {
    fn value_variants<'a>() -> &'a [Self] {
        OutboxStatus::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}
