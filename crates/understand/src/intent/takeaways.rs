//! Takeaways after a meeting: one per list item, else one per paragraph.

use super::words::{is_list_heading, list_items, paragraphs, strip_greeting_and_closing};
use crate::text::squash;

/// Takeaways: one per list item, else one per paragraph.
pub(crate) fn takeaways_in(text: &str) -> Vec<String> {
    let body = strip_greeting_and_closing(text);
    let items = list_items(&body);
    if !items.is_empty() {
        return items
            .into_iter()
            .map(|(head, more)| {
                let mut s = head;
                for m in more {
                    s.push(' ');
                    s.push_str(m.trim());
                }
                squash(&s)
            })
            .filter(|s| !s.is_empty())
            .collect();
    }
    let paras: Vec<String> = paragraphs(&body)
        .into_iter()
        .filter(|p| !is_list_heading(p) && !super::words::is_thanks(p))
        .collect();
    // "Price by value; say no early; write the scope down.": one line of items.
    if let [p] = paras.as_slice() {
        let parts: Vec<&str> = p
            .split(';')
            .map(|s| s.trim().trim_end_matches('.'))
            .filter(|s| !s.is_empty())
            .collect();
        if !p.contains('\n') && parts.len() >= 2 {
            return parts.into_iter().map(squash).collect();
        }
    }
    paras
        .into_iter()
        .map(|p| squash(&p))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_takeaways() {
        let t = takeaways_in("1. Price by value\n2. Write contracts\n\nCheers,\nBob");
        assert_eq!(t, vec!["Price by value", "Write contracts"]);
        let t = takeaways_in("Pairing helps.\n\nShort meetings work.");
        assert_eq!(t.len(), 2);
    }
}
