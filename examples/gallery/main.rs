//! The gallery: every kind of mail roundtable sends, as files a browser opens.
//!
//! `cargo run --example gallery -- OUT` drives a community through one meeting cycle (see
//! `tour.rs`) on SQLite with a Maildir outbox in a temporary directory, then writes each mail
//! sent to `OUT` (default `target/gallery`) as `NN-KIND-WHO.html` (its HTML part, inline
//! images turned into `data:` URIs so the file stands alone) and `NN-KIND-WHO.txt` (its text
//! part). `scripts/gallery.sh` screenshots the HTML files with headless Chromium.
//! `cargo run --example gallery -- --trim PNG...` cuts the empty bottom and right off screenshots.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use mail_parser::MimeHeaders;

mod tour;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == "--trim") {
        for png in &args[1..] {
            trim(Path::new(png))?;
        }
        return Ok(());
    }
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/gallery"));
    let work = tempfile::tempdir()?;
    let config = work.path().join("roundtable.toml");
    std::fs::write(
        &config,
        format!(
            r#"database_url = "sqlite://{}/roundtable.db"
secret = "gallery-secret-0123456789abcdef"
authserv_id = "mx.example.org"
[inbound]
kind = "maildir"
path = "{}/inbox"
[outbound]
kind = "maildir"
path = "{}/sent"
[[community]]
slug = "design"
name = "Design Circle"
address = "circle@example.org"
timezone = "Europe/Berlin"
coordinators = ["ana@example.org"]
description = "Practising designers trading what books can't teach: critique, client work, tools."
signature = "Ana, coordinator"
"#,
            work.path().display(),
            work.path().display(),
            work.path().display(),
        ),
    )?;
    let cast = tour::Cast::of(
        "circle@example.org",
        "ana@example.org",
        |n| match n {
            "gus" => "gus@example.net".into(),
            "sam" => "sam@example.com".into(),
            n => format!("{n}@example.org"),
        },
        "mx.example.org",
    );
    let sent = work.path().join("sent");
    tour::run(&config, &sent, &cast).await?;

    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let mut n = 0;
    for f in roundtable::maildir::list(&sent)? {
        let raw = std::fs::read(&f)?;
        n += 1;
        export(&raw, &out, n)?;
    }
    println!("{n} mails written to {}", out.display());
    Ok(())
}

/// Cuts a screenshot's empty bottom and right side (rows and columns the colour of its
/// bottom-right corner) down to a margin.
fn trim(png: &Path) -> Result<()> {
    let pixmap =
        tiny_skia::Pixmap::load_png(png).with_context(|| format!("reading {}", png.display()))?;
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let px = pixmap.pixels();
    let background = px[h * w - 1];
    let busy = |x: usize, y: usize| px[y * w + x] != background;
    let last_row = (0..h)
        .rev()
        .find(|&y| (0..w).any(|x| busy(x, y)))
        .unwrap_or(0);
    let last_column = (0..w)
        .rev()
        .find(|&x| (0..h).any(|y| busy(x, y)))
        .unwrap_or(0);
    let (keep_w, keep_h) = ((last_column + 24).min(w), (last_row + 24).min(h));
    if (keep_w, keep_h) == (w, h) {
        return Ok(());
    }
    let rect =
        tiny_skia::IntRect::from_xywh(0, 0, keep_w as u32, keep_h as u32).context("a crop")?;
    let cut = pixmap.clone_rect(rect).context("a crop")?;
    cut.save_png(png)
        .with_context(|| format!("writing {}", png.display()))?;
    Ok(())
}

/// Writes one mail's HTML (standalone) and text parts.
fn export(raw: &[u8], out: &Path, n: usize) -> Result<()> {
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .context("a mail we wrote parses")?;
    let header = |name: &str| {
        m.header_raw(name)
            .map(str::trim)
            .unwrap_or("unknown")
            .to_string()
    };
    let who = header("Delivered-To");
    let who = who.split('@').next().unwrap_or("someone");
    let stem = format!("{n:02}-{}-{who}", header("X-Roundtable-Kind"));
    if let Some(text) = m.body_text(0) {
        std::fs::write(out.join(format!("{stem}.txt")), text.as_bytes())?;
    }
    if let Some(html) = m.body_html(0) {
        let mut html = html.to_string();
        for part in m.parts.iter() {
            let Some(cid) = part.content_id() else {
                continue;
            };
            let ctype = part
                .content_type()
                .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("octet-stream")))
                .unwrap_or_else(|| "application/octet-stream".into());
            let data = data_encoding::BASE64.encode(part.contents());
            html = html.replace(
                &format!("cid:{cid}"),
                &format!("data:{ctype};base64,{data}"),
            );
        }
        std::fs::write(out.join(format!("{stem}.html")), html)?;
    }
    Ok(())
}
