//! Text helpers more than one kind of reply uses: words with their byte ranges, answer
//! windows, greeting and closing lines, list items and paragraphs.

use super::rsvp::LEADING;
use crate::text::fold;

/// Greeting words that may open a reply before the answer.
const GREETINGS: &[&str] = &[
    // Formal openings: "Sehr geehrte Damen und Herren,", "Geachte …", "Estimados …".
    "sehr",
    "geachte",
    "estimado",
    "estimados",
    "estimada",
    "estimadas",
    "prezado",
    "prezados",
    "prezada",
    "caro",
    "caros",
    "cara",
    "caras",
    "cher",
    "chers",
    "chere",
    "madame",
    "monsieur",
    "querido",
    "queridos",
    "hi",
    "hello",
    "hey",
    "dear",
    "hallo",
    "hoi",
    "bonjour",
    "bonsoir",
    "goedenavond",
    "salut",
    "coucou",
    "hola",
    "ola",
    "olá",
    "oi",
    "beste",
    "lieve",
    "liebe",
    "lieber",
    "moin",
    "servus",
    "guten",
    "good",
    "morning",
    "evening",
    "afternoon",
    "buenos",
    "buenas",
    "bom",
    "boa",
    "goedemorgen",
    "goedemiddag",
    "thanks",
    "thank",
    "danke",
    "merci",
    "gracias",
    "obrigado",
    "obrigada",
    "bedankt",
    "dank",
    "all",
    "everyone",
    "folks",
    "team",
];

/// A word of the text with its byte range in the original.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub(super) folded: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Tokenises into words (letters, digits, apostrophes, and emoji as words of their own).
pub(super) fn tokens(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let flush = |out: &mut Vec<Word>, st: usize, en: usize| {
        let w = s[st..en].trim_matches('\'');
        if !w.is_empty() {
            out.push(Word {
                folded: fold(&s[st..en]).trim_matches('\'').to_string(),
                start: st,
                end: en,
            });
        }
    };
    for (i, c) in s.char_indices() {
        let is_word = c.is_alphanumeric() || c == '\'' || c == '’';
        if is_word {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(st) = start.take() {
                flush(&mut out, st, i);
            }
            if is_answer_emoji(c) {
                out.push(Word {
                    folded: c.to_string(),
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
        }
    }
    if let Some(st) = start {
        flush(&mut out, st, s.len());
    }
    // "peut-être" → "peut" "etre"; "don't" stays one word.
    out
}

fn is_answer_emoji(c: char) -> bool {
    matches!(c, '👍' | '👎' | '🤷' | '✅' | '❌')
}

/// Matches a phrase (space-separated folded words) at word index `i`.
pub(super) fn phrase_at(words: &[Word], i: usize, phrase: &str) -> Option<usize> {
    // Called for every phrase at every word of a reply's first lines: no allocation here
    // (issue 14: a Vec and a String per call were a fifth of reading a reply).
    let mut n = 0;
    for p in phrase.split(' ') {
        let w = &words.get(i + n)?.folded;
        // The word with its typographic apostrophes made plain, equal to the phrase's word.
        if !w
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .eq(p.chars())
        {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// A list of phrases found by their first word (issue 14). A reply's first lines are read
/// against a few hundred phrases at every word, and nearly every phrase fails on its first
/// word: trying them all was a fifth of reading a reply. Only the phrases whose first word can
/// be the word at hand are tried (apostrophes made plain on both sides), and those whose first
/// word is a stem (`stem*`) at every word.
pub(super) struct PhraseIndex<T: 'static> {
    list: &'static [(&'static str, T)],
    by_first: std::collections::HashMap<String, Vec<usize>>,
    stems: Vec<usize>,
}

impl<T: Copy> PhraseIndex<T> {
    pub(super) fn new(list: &'static [(&'static str, T)]) -> Self {
        let mut by_first: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut stems = Vec::new();
        for (k, (phrase, _)) in list.iter().enumerate() {
            let first = phrase.split(' ').next().unwrap_or("");
            if first.ends_with('*') {
                stems.push(k);
            } else {
                by_first
                    .entry(plain_apostrophes(first).into_owned())
                    .or_default()
                    .push(k);
            }
        }
        PhraseIndex {
            list,
            by_first,
            stems,
        }
    }

    /// The longest phrase of the list that `matches` finds at word `i`, with its length in
    /// words; of equally long ones the last in the list (as `Iterator::max_by_key` picks).
    pub(super) fn longest_at(
        &self,
        ws: &[Word],
        i: usize,
        matches: fn(&[Word], usize, &str) -> Option<usize>,
    ) -> Option<(T, usize)> {
        let w = ws.get(i)?;
        let exact = self
            .by_first
            .get(plain_apostrophes(&w.folded).as_ref())
            .map_or(&[][..], Vec::as_slice);
        exact
            .iter()
            .chain(&self.stems)
            .filter_map(|&k| {
                let (phrase, r) = self.list[k];
                matches(ws, i, phrase).map(|n| (k, r, n))
            })
            .max_by_key(|&(k, _, n)| (n, k))
            .map(|(_, r, n)| (r, n))
    }
}

fn plain_apostrophes(w: &str) -> std::borrow::Cow<'_, str> {
    if w.contains('’') {
        w.replace('’', "'").into()
    } else {
        w.into()
    }
}

/// The span of the text we read an RSVP from: the first sentences, after a greeting.
pub(super) fn answer_window(text: &str) -> &str {
    // The first paragraph (or two if the first is only a greeting), at most ~300 bytes.
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Skips an opening greeting line ("Hi Bob,") and returns the byte offset where the answer
/// starts.
pub(super) fn skip_greeting(text: &str) -> usize {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    let first = &text[..first_line_end];
    let w = tokens(first);
    if !w.is_empty()
        && GREETINGS.contains(&w[0].folded.as_str())
        && w.len() <= 5
        && LEADING.iter().all(|(p, _)| phrase_at(&w, 0, p).is_none())
    {
        let t = first.trim_end();
        if (t.ends_with(',') || t.ends_with('!') || t.ends_with(':') || w.len() <= 3)
            && first_line_end < text.len()
        {
            return first_line_end + 1;
        }
    }
    // The greeting and the words on one line: "Olá! Minha sugestão é …", "Hi Anna, I'll be
    // there": skip to after the greeting's comma or "!" (at most three words before it).
    if !w.is_empty() && GREETINGS.contains(&w[0].folded.as_str()) {
        if let Some(p) = first.find([',', '!']) {
            let head = tokens(&first[..p]);
            let rest = first[p + 1..].trim_start();
            if (1..=3).contains(&head.len())
                && !rest.is_empty()
                && LEADING
                    .iter()
                    .all(|(ph, _)| phrase_at(&head, 0, ph).is_none())
            {
                return first_line_end - rest.len();
            }
        }
    }
    0
}

/// "My takeaways:", "Here are mine:" — a short line that only announces what follows.
pub(super) fn is_list_heading(p: &str) -> bool {
    let t = p.trim();
    !t.contains('\n') && t.ends_with(':') && t.split_whitespace().count() <= 8
}

/// A list item marker: "- ", "* ", "• ", "1. ", "1) ", "(1) ", "#1 ".
fn item_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    for m in ["- ", "* ", "• ", "· ", "– ", "— ", "+ ", "o "] {
        if t.starts_with(m) && !(m == "+ " && t.starts_with("+1")) {
            return Some(indent + m.len());
        }
    }
    // Any other symbol used as a bullet: "👉 ", "✅ ", "▪ ", "→ ", "➤ " (emoji may carry a
    // variation selector). Letters, digits, quotes and brackets start words, not items.
    let mut cs = t.char_indices();
    if let Some((_, c)) = cs.next() {
        let symbol = !c.is_alphanumeric()
            && !c.is_whitespace()
            && !"\"'“”‘’«»([{<¿¡@$%&#+-*•·–—.,;:!?/\\_=~|>`^".contains(c);
        if symbol {
            for (i, d) in cs.take(3) {
                if d == ' ' || d == '\t' {
                    return Some(indent + i + 1);
                }
                if d.is_alphanumeric() {
                    break;
                }
            }
        }
    }
    // "a) …", "b) …": a lettered list (one lower-case letter and a parenthesis).
    let mut lc = t.chars();
    if let (Some(c), Some(')'), Some(' ')) = (lc.next(), lc.next(), lc.next()) {
        if c.is_ascii_lowercase() {
            return Some(indent + 3);
        }
    }
    let digits: usize = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let (skip_open, digits) = if digits == 0 && (t.starts_with('(') || t.starts_with('#')) {
        (1, t[1..].chars().take_while(|c| c.is_ascii_digit()).count())
    } else {
        (0, digits)
    };
    if digits > 0 && digits <= 3 {
        let after = &t[skip_open + digits..];
        for m in [". ", ") ", ": ", " - ", "- ", "/ "] {
            if after.starts_with(m) {
                return Some(indent + skip_open + digits + m.len());
            }
        }
        if skip_open == 1 && t.starts_with('#') && after.starts_with(' ') {
            return Some(indent + 1 + digits + 1);
        }
    }
    None
}

/// List items with their continuation lines; empty when fewer than one item is found or the
/// text is mostly not a list.
pub(super) fn list_items(text: &str) -> Vec<(String, Vec<String>)> {
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_item = false;
    for line in text.lines() {
        if let Some(p) = item_marker(line) {
            items.push((line[p..].trim().to_string(), Vec::new()));
            in_item = true;
        } else if line.trim().is_empty() {
            in_item = false;
        } else if in_item {
            if let Some(last) = items.last_mut() {
                last.1.push(line.trim().to_string());
            }
        }
    }
    items
}

/// A paragraph that only thanks ("Thanks for a great evening!\nZara", "Gracias a todos,"):
/// its first line opens with a word of thanks and is short. It closes the reply; it is
/// neither a takeaway nor a topic.
pub(super) fn is_thanks(p: &str) -> bool {
    let first = fold(p.trim().lines().next().unwrap_or(""));
    let ws: Vec<&str> = first
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    ws.len() <= 8
        && !first.contains(':')
        && ws.first().is_some_and(|w| {
            [
                "thanks", "thank", "thx", "cheers", "danke", "vielen", "merci", "gracias",
                "muchas", "bedankt", "dank", "obrigado", "obrigada", "grazie",
            ]
            .contains(w)
        })
}

/// Paragraphs: blocks separated by blank lines.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line.trim_end());
        }
    }
    if !cur.is_empty() {
        out.push(cur.join("\n"));
    }
    out
}

/// Closing words (folded) that end a message: "Thanks,", "Cheers", "Best regards", …
const CLOSINGS: &[&str] = &[
    "thanks again",
    "merci encore",
    "encore merci",
    "danke nochmal",
    "nochmals danke",
    "gracias de nuevo",
    "nogmaals bedankt",
    "obrigada mais uma vez",
    "obrigado mais uma vez",
    "thanks",
    "thank you",
    "thx",
    "cheers",
    "best",
    "best regards",
    "kind regards",
    "regards",
    "all the best",
    "warm regards",
    "take care",
    "see you",
    "gruss",
    "grusse",
    "viele grusse",
    "liebe grusse",
    "beste grusse",
    "lg",
    "mfg",
    "danke",
    "vielen dank",
    "merci",
    "cordialement",
    "bien a vous",
    "a bientot",
    "bises",
    "amities",
    "saludos",
    "un saludo",
    "gracias",
    "muchas gracias",
    "abrazos",
    "groeten",
    "met vriendelijke groet",
    "hartelijke groet",
    "groetjes",
    "bedankt",
    "dank je",
    "obrigado",
    "obrigada",
    "abracos",
    "atenciosamente",
    "cumprimentos",
    "ciao",
];

/// Drops a greeting line at the start and a closing (plus the name under it) at the end.
pub(super) fn strip_greeting_and_closing(text: &str) -> String {
    let text = text.trim();
    let start = skip_greeting(text);
    strip_closing(&text[start..])
}

/// The closings of this list and of the sign-off cutter (`trim::signoff`), folded: one
/// vocabulary of closings for reading and for trimming, so a closing taught to one ("Abs,",
/// "Um abraço", "Bonne journée") is known to both.
fn all_closings() -> &'static [String] {
    static ALL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<String> = CLOSINGS
            .iter()
            .map(|c| c.to_string())
            .chain(
                crate::trim::signoff::CLOSINGS
                    .iter()
                    .map(|c| fold(c))
                    // Closings that also answer ("Nos vemos", "See you", "À jeudi") stay words
                    // of the message when reading it: they may be all there is.
                    .filter(|c| {
                        ![
                            "see you",
                            "see you soon",
                            "nos vemos",
                            "a jeudi",
                            "tot donderdag",
                            "tot dan",
                            "bis dann",
                            "bis bald",
                            "a bientot",
                            "ate ja",
                            "ate breve",
                            "ate logo",
                            "hasta pronto",
                            "tot snel",
                            "later",
                            "love",
                            "xx",
                            "talk soon",
                            "speak soon",
                            "yours",
                        ]
                        .contains(&c.as_str())
                    }),
            )
            .collect();
        v.sort();
        v.dedup();
        v
    })
}

/// Drops a closing ("Thanks,", "Best regards") and the name lines under it.
pub(super) fn strip_closing(body: &str) -> String {
    let mut lines: Vec<&str> = body.lines().collect();
    // Closing: one of the last three non-blank lines is a closing word; drop it and below.
    let n = lines.len();
    let mut cut = None;
    let mut seen = 0;
    for idx in (0..n).rev() {
        let l = lines[idx].trim();
        if l.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 3 {
            break;
        }
        let f = fold(l);
        let f = f.trim_end_matches([',', '!', '.', ' ']);
        // "Have a lovely weekend,\nPri", "Un abrazo fuerte,\nPri", "Bonne journée à tous\nPri":
        // a short line right above the last line, that last line only a name — the shape of a
        // letter's close. Above the name: a line ending in a comma, or a known closing with
        // at most two words more.
        let above_name = idx + 1 < n
            && lines[idx + 1..]
                .iter()
                .filter(|x| !x.trim().is_empty())
                .count()
                == 1
            && lines[idx + 1..]
                .iter()
                .find(|x| !x.trim().is_empty())
                .is_some_and(|x| bare_name(x))
            && !lines[idx + 1].trim().is_empty()
            && ((l.ends_with(',') && l.split_whitespace().count() <= 6 && !l.contains('?'))
                || (f.split_whitespace().count() <= 5
                    && all_closings().iter().any(|c| {
                        f.strip_prefix(c.as_str()).is_some_and(|r| {
                            r.starts_with(' ') && r.split_whitespace().count() <= 2
                        })
                    })));
        if above_name
            || all_closings().iter().any(|c| c == f)
            || (f.split_whitespace().count() <= 4
                && all_closings().iter().any(|c| {
                    f.strip_prefix(c.as_str())
                        .is_some_and(|r| r.starts_with(','))
                }))
            || closing_from_a_place(f)
            || closing_and_farewell(f)
        {
            cut = Some(idx);
        }
    }
    if let Some(c) = cut {
        lines.truncate(c);
    }
    lines.join("\n")
}

/// A line that is only a name: one to three capitalised words ("Pri", "Dr. Priya Shah"),
/// perhaps with kisses ("Ana x"), perhaps after a dash ("– Pri").
fn bare_name(line: &str) -> bool {
    only_a_name(line.trim().trim_start_matches(['-', '–', '—', ' ']))
}

/// Text that is only a name: one to three capitalised words, perhaps with kisses ("Ana x").
pub(super) fn only_a_name(text: &str) -> bool {
    let t = text.trim();
    let ws: Vec<&str> = t
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "x" | "xx" | "xxx"))
        .collect();
    (1..=3).contains(&ws.len())
        && t.chars().count() <= 30
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        })
}

/// A closing sent from a place: "Schöne Grüße aus Köln", "Greetings from Leeds", "Saludos
/// desde Madrid", "Groeten uit Utrecht", "Abraços de Lisboa", "Bises de Lyon" — a closing of
/// the shared vocabulary, a word of where from, and a place of at most three words. One
/// structure instead of a closing per town.
fn closing_from_a_place(f: &str) -> bool {
    f.split_whitespace().count() <= 7
        && all_closings().iter().any(|c| {
            f.strip_prefix(c.as_str()).is_some_and(|r| {
                let mut w = r.split_whitespace();
                r.starts_with(' ')
                    && w.next().is_some_and(|from| {
                        matches!(
                            from,
                            "aus"
                                | "von"
                                | "from"
                                | "de"
                                | "depuis"
                                | "desde"
                                | "uit"
                                | "da"
                                | "do"
                        )
                    })
                    && (1..=3).contains(&w.count())
            })
        })
}

/// A closing joined to a farewell: "Liebe Grüße und bis Donnerstag", "Thanks and see you on
/// Thursday", "Merci et à jeudi", "Saludos y hasta el jueves", "Groetjes en tot donderdag",
/// "Abraços e até quinta" — a closing of the shared vocabulary, a word of "and", and at most
/// four words more. One structure instead of every closing with every farewell.
fn closing_and_farewell(f: &str) -> bool {
    f.split_whitespace().count() <= 8
        && !f.contains('?')
        && all_closings().iter().any(|c| {
            f.strip_prefix(c.as_str()).is_some_and(|r| {
                let mut w = r.split_whitespace();
                r.starts_with(' ')
                    && w.next()
                        .is_some_and(|and| matches!(and, "and" | "und" | "et" | "y" | "en" | "e"))
                    && (1..=4).contains(&w.count())
            })
        })
}

/// Byte spans of sentences: split after . ! ? and at line breaks.
/// "am 10. Oktober", "le 1. mai": a day number's period, a month name after it, is no
/// sentence end (German and the Nordic languages write ordinals so).
fn is_ordinal_date(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let next = fold(s[dot + 1..].split_whitespace().next().unwrap_or(""));
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "mai", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov",
        "dez", "dec", "maa", "mei", "okt",
    ];
    next.len() >= 3 && MONTHS.iter().any(|m| next.starts_with(m))
}

pub(super) fn sentence_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                    && !(c == '.' && is_ordinal_date(s, i))
            }
            _ => false,
        };
        if end_here {
            let e = i + c.len_utf8();
            if !s[start..e].trim().is_empty() {
                out.push((start, e));
            }
            start = e;
        }
    }
    if !s[start..].trim().is_empty() {
        out.push((start, s.len()));
    }
    out
}
