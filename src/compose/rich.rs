//! People's words in HTML mail: light Markdown (`*one*`, `**two**`, lists), their line
//! breaks kept, and links — and nothing else. Raw HTML in what someone typed is shown as the
//! text it is; a link goes only to http(s) or mailto; a bare `https://…` becomes a link.
//! pulldown-cmark parses; this module decides what of it may reach a mail.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// `text` as HTML, safe to place in a mail's body.
pub fn html(text: &str) -> String {
    let mut events = Vec::new();
    // Inside a link whose destination we refused, its text stays but the link goes.
    let mut refused = 0usize;
    for e in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        match e {
            // What someone typed as HTML is shown, not run.
            Event::Html(s) | Event::InlineHtml(s) => events.push(Event::Text(s)),
            // Their line breaks are theirs to keep (CommonMark would join the lines).
            Event::SoftBreak => events.push(Event::HardBreak),
            Event::Start(Tag::Link { ref dest_url, .. }) if !allowed(dest_url) => refused += 1,
            Event::End(TagEnd::Link) if refused > 0 => refused -= 1,
            // Images would be fetched on opening: shown as their text only.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Text(t) if refused == 0 => linkify(t, &mut events),
            other => events.push(other),
        }
    }
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

/// [`html`] for one line of words (a topic's title): no paragraph around it.
pub fn inline(text: &str) -> String {
    let h = html(text);
    let h = h.trim_end();
    match h.strip_prefix("<p>").and_then(|x| x.strip_suffix("</p>")) {
        Some(one) if !one.contains("<p>") => one.to_string(),
        _ => h.to_string(),
    }
}

fn allowed(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:")
}

/// Splits a text event at bare http(s) URLs, each made a link.
fn linkify<'a>(t: CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let s: &str = &t;
    let mut rest = s;
    let mut pieces: Vec<Event<'a>> = Vec::new();
    while let Some(at) = find_url(rest) {
        let end = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .map_or(rest.len(), |e| at + e);
        // Trailing punctuation belongs to the sentence, not the link.
        let end = at
            + rest[at..end]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')'])
                .len();
        if at > 0 {
            pieces.push(Event::Text(CowStr::from(rest[..at].to_string())));
        }
        let url = rest[at..end].to_string();
        pieces.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: CowStr::from(url.clone()),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        pieces.push(Event::Text(CowStr::from(url)));
        pieces.push(Event::End(TagEnd::Link));
        rest = &rest[end..];
    }
    if pieces.is_empty() {
        out.push(Event::Text(t));
        return;
    }
    if !rest.is_empty() {
        pieces.push(Event::Text(CowStr::from(rest.to_string())));
    }
    out.extend(pieces);
}

fn find_url(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

#[cfg(test)]
mod tests {
    use super::{html, inline};

    #[test]
    fn light_markdown_and_line_breaks() {
        assert_eq!(
            html("Price the *outcome*,\nnot the **hours**"),
            "<p>Price the <em>outcome</em>,<br />\nnot the <strong>hours</strong></p>\n"
        );
        assert_eq!(inline("one *two*"), "one <em>two</em>");
    }

    #[test]
    fn nothing_typed_can_become_markup_or_a_dangerous_link() {
        let h = html("<script>alert(1)</script> <b onclick=x>hi</b>");
        assert!(!h.contains("<script") && !h.contains("<b "), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        let h = html("[click](javascript:alert(1)) ![x](https://t.example/p.png)");
        assert!(!h.contains("javascript:") && !h.contains("<img"), "{h}");
        assert!(h.contains("click"), "{h}");
    }

    #[test]
    fn bare_links_are_links() {
        assert_eq!(
            inline("see https://example.org/a?b=1&c=2, then"),
            "see <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>, then"
        );
        assert_eq!(
            inline("[docs](https://example.org)"),
            "<a href=\"https://example.org\">docs</a>"
        );
    }
}
