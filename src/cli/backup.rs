//! `roundtable backup FILE` (issue 18): a consistent copy of the database while the daemon
//! runs. SQLite: `VACUUM INTO` a temporary file beside FILE (one read transaction: a snapshot
//! of every table, the outbox and the "handled" inbound records included), synced and renamed
//! into place, then opened and checked. PostgreSQL: refused with the `pg_dump` recipe of the
//! README, which does the same job there.

use std::path::Path;

use anyhow::{bail, Context as _, Result};

use crate::config::Config;
use crate::store::{redact_url, Store};

/// What to do instead on PostgreSQL (the README's "Backups" section says the same).
pub fn pg_recipe(url: &str) -> String {
    let url = redact_url(url);
    format!(
        "roundtable backup copies SQLite databases; this configuration uses PostgreSQL ({url}).\n\
         Back it up with pg_dump, which takes a consistent snapshot while the daemon runs:\n\n  \
         pg_dump --format=custom --file=roundtable.dump '{url}'\n\n\
         Restore it into a new, empty database, point database_url at that database, and check:\n\n  \
         createdb roundtable_restored\n  \
         pg_restore --no-owner --dbname=roundtable_restored roundtable.dump\n  \
         roundtable check-config && roundtable member list COMMUNITY"
    )
}

pub async fn run(config: &Config, file: &Path) -> Result<()> {
    if !config.database_url.starts_with("sqlite:") {
        bail!("{}", pg_recipe(&config.database_url));
    }
    if file.exists() {
        bail!(
            "{} exists already: a backup never overwrites a file; name a new one",
            file.display()
        );
    }
    let name = file
        .file_name()
        .with_context(|| format!("{} names no file", file.display()))?
        .to_string_lossy()
        .to_string();
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let partial = dir.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let store = Store::open(&config.database_url).await?;
    let copied = store.backup_into(&partial).await;
    store.close().await;
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    // On disk before it gets its name: a crash leaves a .partial file, never a torn backup.
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("syncing {}", partial.display()))?;
    std::fs::rename(&partial, file)
        .with_context(|| format!("renaming {} to {}", partial.display(), file.display()))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    let s = Store::check_copy(file).await?;
    println!(
        "Wrote {} ({} bytes), a consistent copy of {}: {} people, {} mail(s) waiting, {} sent, {} inbound message(s) handled.",
        file.display(),
        std::fs::metadata(file).map(|m| m.len()).unwrap_or(0),
        redact_url(&config.database_url),
        s.people,
        s.waiting,
        s.sent,
        s.handled
    );
    println!(
        "To restore: stop the daemon, copy it to where database_url points (or point database_url at it), then run roundtable check-config and roundtable member list COMMUNITY."
    );
    Ok(())
}
