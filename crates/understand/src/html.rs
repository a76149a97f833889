//! HTML mail as text, with html2text (a real HTML parser, not regexes).
//!
//! Block quotes come out as `> ` lines, lists as `- ` / `1. ` items and horizontal rules as a
//! line of `─`, so the trimmer treats HTML mail like plain text. Links, emphasis and images
//! leave no markup behind: only the words the sender typed.

use html2text::render::text_renderer::{TaggedLine, TextDecorator};

/// Widest line we render: wide enough that paragraphs are not re-wrapped.
const WIDTH: usize = 2000;
/// HTML beyond this size is cut before rendering (replies are small; this bounds the work).
const MAX_HTML: usize = 2 * 1024 * 1024;
/// Deeper element nesting than this is flattened before rendering (bounds recursion).
const MAX_DEPTH: usize = 200;

/// Renders HTML to plain text. Never panics: on any failure it falls back to a crude
/// tag-stripping of the input.
pub fn to_text(html: &str) -> String {
    let mut html = if html.len() > MAX_HTML {
        let mut end = MAX_HTML;
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        &html[..end]
    } else {
        html
    };
    let cleaned;
    if too_deep(html) {
        cleaned = strip_tags(html);
        html = &cleaned;
    }
    let marked = mark_rules(html);
    let html = marked.as_str();
    let rendered = std::panic::catch_unwind(|| {
        html2text::config::with_decorator(MailDecorator)
            .no_table_borders()
            .string_from_read(html.as_bytes(), WIDTH)
            .ok()
    });
    let text = match rendered {
        Ok(Some(t)) => t,
        _ => strip_tags(html),
    };
    text.lines()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .replace('\u{a0}', " ")
}

/// html2text drops `<hr>`; mail clients use it to separate the reply from the quoted message
/// (Outlook, Yahoo, Windows Mail). Each `<hr>` becomes a line of underscores, which the
/// trimmer reads as the end of the sender's words.
fn mark_rules(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 64);
    let mut last = 0;
    let mut i = 0;
    while i + 3 <= b.len() {
        if b[i] == b'<'
            && b[i + 1].eq_ignore_ascii_case(&b'h')
            && b[i + 2].eq_ignore_ascii_case(&b'r')
            && b.get(i + 3)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        {
            let Some(close) = b[i..].iter().position(|&c| c == b'>') else {
                break;
            };
            out.push_str(&html[last..i]);
            out.push_str("<div>__________</div>");
            i += close + 1;
            last = i;
            continue;
        }
        i += 1;
    }
    out.push_str(&html[last..]);
    out
}

/// Whether the markup nests deeper than the renderer should recurse.
fn too_deep(html: &str) -> bool {
    let mut depth: usize = 0;
    let mut max: usize = 0;
    let b = html.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'<' {
            let next = b[i + 1];
            if next == b'/' {
                depth = depth.saturating_sub(1);
            } else if next.is_ascii_alphabetic() {
                // Void elements do not nest.
                let rest = &b[i + 1..b.len().min(i + 8)];
                let rest = String::from_utf8_lossy(rest).to_ascii_lowercase();
                let void = [
                    "br", "img", "hr", "meta", "link", "input", "col", "wbr", "area",
                ]
                .iter()
                .any(|v| {
                    rest.starts_with(v)
                        && !rest[v.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                });
                if !void {
                    depth += 1;
                    max = max.max(depth);
                }
            }
        }
        i += 1;
    }
    max > MAX_DEPTH
}

/// The last resort: drop tags, keep text, turn block ends into line breaks.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    let mut tag = String::new();
    for c in html.chars() {
        if in_tag {
            if c == '>' {
                in_tag = false;
                let t = tag.trim_start_matches('/').to_ascii_lowercase();
                let name: String = t
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if matches!(
                    name.as_str(),
                    "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "blockquote"
                ) {
                    out.push('\n');
                }
                tag.clear();
            } else if tag.len() < 64 {
                tag.push(c);
            }
        } else if c == '<' {
            in_tag = true;
        } else {
            out.push(c);
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Plain words only: no link brackets, no emphasis marks; quotes as "> ", lists as "- ".
#[derive(Clone, Debug)]
struct MailDecorator;

impl TextDecorator for MailDecorator {
    type Annotation = ();

    fn decorate_link_start(&mut self, _url: &str) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn decorate_link_end(&mut self) -> String {
        String::new()
    }
    fn decorate_em_start(&self) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) -> Self::Annotation {}
    fn decorate_preformat_cont(&self) -> Self::Annotation {}
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, Self::Annotation) {
        (String::new(), ())
    }
    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    fn quote_prefix(&self) -> String {
        "> ".to_string()
    }
    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{}. ", i)
    }
    fn finalise(&mut self, _links: Vec<String>) -> Vec<TaggedLine<()>> {
        Vec::new()
    }
    fn make_subblock_decorator(&self) -> Self {
        MailDecorator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_quotes_and_lists() {
        let t = to_text(
            "<div>Yes <a href='http://x'>please</a></div><blockquote>old</blockquote><ul><li>a</li></ul>",
        );
        assert!(t.contains("Yes please"), "{t}");
        assert!(t.contains("> old"), "{t}");
        assert!(t.contains("- a"), "{t}");
    }

    #[test]
    fn rules_become_separators() {
        assert_eq!(
            mark_rules("a<hr>b<HR class=x/>c<hra>"),
            "a<div>__________</div>b<div>__________</div>c<hra>"
        );
        let t = to_text("<div>Yes</div><hr><div>From: Circle</div>");
        assert!(t.contains("__________"), "{t}");
    }

    #[test]
    fn survives_deep_nesting() {
        let html = "<div>".repeat(50_000) + "deep";
        assert!(to_text(&html).contains("deep"));
    }
}

#[cfg(test)]
mod table_tests {
    #[test]
    fn tables_have_no_borders() {
        let t =
            super::to_text("<p>Yes</p><table><tr><td>Ann Example</td><td>ACME</td></tr></table>");
        assert!(!t.contains('│') && !t.contains('─'), "{t}");
        assert!(t.contains("Ann Example"), "{t}");
    }
}
