//! Issue 13's check that a non-English community's mail carries no English the robot wrote:
//! the English catalog's sentences (the text between placeholders of each message, where it
//! has at least four words — three for the short reasons and problems said inside another
//! sentence — and the other language's catalog does not say the same: commands and config
//! names are the same words in every language), a raw `{ $placeholder }`, or a message id.

use roundtable::texts::{Lang, Texts};

/// Messages said inside another one (a reason in parentheses, a command's problem): short, so
/// their three-word pieces count too.
const SHORT: &[&str] = &[
    "unclear-", "held-", "refused-", "confirm-", "usage-", "address-",
];

pub struct English {
    pub sentences: Vec<String>,
    ids: Vec<String>,
}

impl English {
    /// What must not show in mail of a community speaking `lang`.
    pub fn against(lang: Lang) -> English {
        let en = Texts::builtin_catalog(Lang::En);
        let other = Texts::builtin_catalog(lang);
        let mut sentences = Vec::new();
        let mut id = "";
        for line in en.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((i, v)) if !i.starts_with(' ') => {
                    id = i;
                    v
                }
                _ => line.trim(),
            };
            let least = if SHORT.iter().any(|p| id.starts_with(p)) {
                3
            } else {
                4
            };
            let value = value.trim_start_matches(['*', '[']);
            for piece in value.split(['{', '}']) {
                let piece = piece.trim().trim_end_matches([':', '.', ',', '?']);
                if piece.split_whitespace().count() >= least
                    && !piece.contains('$')
                    && !piece.contains("->")
                    && !other.contains(piece)
                {
                    sentences.push(piece.to_string());
                }
            }
        }
        sentences.sort();
        sentences.dedup();
        // The message ids with two hyphens or more (a raw id in a mail).
        let ids = en
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with([' ', '#']) && id.matches('-').count() >= 2)
            .map(str::to_string)
            .collect();
        English { sentences, ids }
    }

    /// What is wrong with one mail's Subject and text part, if anything.
    pub fn problems(&self, subject: &str, text: &str) -> Vec<String> {
        let text = format!("{subject}\n{text}");
        let mut out = Vec::new();
        for e in &self.sentences {
            if text.contains(e.as_str()) {
                out.push(format!("{subject}: English {e:?}"));
            }
        }
        if text.contains("{ $") || text.contains("{$") {
            out.push(format!("{subject}: a raw placeholder in {text}"));
        }
        for id in &self.ids {
            if text.split_whitespace().any(|w| w == id) {
                out.push(format!("{subject}: the message id {id}"));
            }
        }
        out
    }
}
