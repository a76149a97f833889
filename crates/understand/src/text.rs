//! Small text helpers shared by the steps: header unfolding, address finding, Subject
//! prefixes, format=flowed, word normalisation.

use crate::message::Header;

/// Undoes RFC 5322 folding: CRLF/LF followed by white space becomes one space.
pub(crate) fn unfold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for line in s.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if pending_space {
            let t = line.trim_start();
            if !t.is_empty() && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.trim_end());
        } else {
            out.push_str(line.trim());
            pending_space = true;
        }
    }
    out.trim().to_string()
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'
}

/// Every e-mail address in a piece of text, lower-cased, in order, without duplicates.
pub(crate) fn addresses_in(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '@' {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > 0 && is_local_char(chars[start - 1]) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < chars.len() && is_domain_char(chars[end]) {
            end += 1;
        }
        let local: String = chars[start..i].iter().collect();
        let domain: String = chars[i + 1..end].iter().collect();
        let local = local.trim_start_matches(['.', '\'', '`', '=']).to_string();
        let domain = domain.trim_end_matches(['.', '-', '_']).to_string();
        if !local.is_empty()
            && !domain.is_empty()
            && domain.chars().any(|c| c.is_ascii_alphabetic())
            && !domain.starts_with('.')
        {
            let a = format!("{}@{}", local, domain).to_lowercase();
            if !out.contains(&a) {
                out.push(a);
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// Parses a block of header lines (until the first empty line) into unfolded headers.
pub(crate) fn parse_header_block(t: &str) -> Vec<Header> {
    let mut out: Vec<Header> = Vec::new();
    for line in t.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            if let Some(last) = out.last_mut() {
                last.value.push(' ');
                last.value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim();
            if !name.is_empty() && !name.contains(' ') {
                out.push(Header {
                    name: name.to_ascii_lowercase(),
                    value: value.trim().to_string(),
                });
            }
        }
    }
    out
}

/// Undoes format=flowed (RFC 3676): soft line breaks (a trailing space) join lines of the same
/// quote depth; space-stuffing is removed; `delsp=yes` also drops that trailing space.
pub(crate) fn unflow(t: &str, delsp: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut open: Option<(usize, String)> = None; // (depth, text so far) of a flowed paragraph
    for raw in t.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let depth = line.chars().take_while(|&c| c == '>').count();
        let mut content = &line[depth..];
        if content.starts_with(' ') {
            content = &content[1..];
        }
        let is_sig = content == "-- ";
        let flowed = !is_sig && content.ends_with(' ');
        let piece = if flowed && delsp {
            &content[..content.len() - 1]
        } else {
            content
        };
        match open.take() {
            Some((d, mut acc)) if d == depth => {
                acc.push_str(piece);
                if flowed {
                    open = Some((d, acc));
                } else {
                    out.push(requote(d, &acc));
                }
            }
            Some((d, acc)) => {
                out.push(requote(d, &acc));
                if flowed {
                    open = Some((depth, piece.to_string()));
                } else {
                    out.push(requote(depth, piece));
                }
            }
            None => {
                if flowed {
                    open = Some((depth, piece.to_string()));
                } else {
                    out.push(requote(depth, piece));
                }
            }
        }
    }
    if let Some((d, acc)) = open {
        out.push(requote(d, &acc));
    }
    out.join("\n")
}

fn requote(depth: usize, s: &str) -> String {
    if depth == 0 {
        s.to_string()
    } else {
        format!("{} {}", ">".repeat(depth), s)
    }
}

const REPLY_PREFIXES: &[&str] = &[
    "re", "aw", "sv", "antw", "antwort", "r", "rif", "ref", "odp", "vs", "ynt", "res", "resp",
    "réf", "atb", "vá", "απ", "ha", "отв", "回复", "答复",
];
const FORWARD_PREFIXES: &[&str] = &[
    "fwd",
    "fw",
    "wg",
    "tr",
    "rv",
    "enc",
    "i",
    "doorst",
    "vb",
    "vl",
    "pd",
    "fwrd",
    "trs",
    "πθ",
    "转发",
    "wtr",
    "vs",
    "továbbítás",
];

/// Strips any number of "Re:"-like and "Fwd:"-like prefixes (also "RE :", "Re[2]:", "[list]")
/// and says which kinds were seen: `(rest, had_reply, had_forward)`.
pub(crate) fn strip_subject_prefixes(subject: &str) -> (&str, bool, bool) {
    let mut rest = subject.trim();
    let mut reply = false;
    let mut forward = false;
    loop {
        // A list tag like "[circle]".
        if rest.starts_with('[') {
            if let Some(close) = rest.find(']') {
                if close < 40 {
                    rest = rest[close + 1..].trim_start();
                    continue;
                }
            }
        }
        let Some(colon) = rest.find([':', '：']) else {
            break;
        };
        if colon > 16 {
            break;
        }
        let word = rest[..colon].trim();
        // "Re[2]" / "Re^2" / "Re(2)"
        let base = word
            .split(['[', '^', '('])
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase();
        let colon_len = rest[colon..]
            .chars()
            .next()
            .map(char::len_utf8)
            .unwrap_or(1);
        if REPLY_PREFIXES.contains(&base.as_str()) && base != "vs" {
            reply = true;
        } else if FORWARD_PREFIXES.contains(&base.as_str()) {
            forward = true;
        } else if base == "vs" {
            // Finnish/Norwegian "VS:" is a reply; Dutch uses it rarely for forwards.
            reply = true;
        } else {
            break;
        }
        rest = rest[colon + colon_len..].trim_start();
    }
    (rest, reply, forward)
}

/// Whether the Subject carries a reply prefix.
pub(crate) fn has_reply_prefix(subject: &str) -> bool {
    strip_subject_prefixes(subject).1
}

/// Lower-cases and folds the accents of the languages we read, for word matching.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            '’' | '‘' | '`' | '´' => '\'',
            _ => {
                for l in c.to_lowercase() {
                    out.push(l);
                }
                continue;
            }
        };
        out.push(r);
    }
    out
}

/// Splits folded text into words: letters, digits and apostrophes; everything else separates.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Collapses runs of white space to one space.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_headers() {
        assert_eq!(unfold("a\r\n b\r\n\tc"), "a b c");
    }

    #[test]
    fn finds_addresses() {
        assert_eq!(
            addresses_in("<Foo.Bar@Example.ORG>; x y@z.com."),
            vec!["foo.bar@example.org", "y@z.com"]
        );
        assert!(addresses_in("no address @ here").is_empty());
    }

    #[test]
    fn strips_prefixes() {
        assert_eq!(
            strip_subject_prefixes("Re: AW: RE : Sv: STATUS"),
            ("STATUS", true, false)
        );
        assert_eq!(
            strip_subject_prefixes("Fwd: Schedule for next week"),
            ("Schedule for next week", false, true)
        );
        assert_eq!(strip_subject_prefixes("Re[2]: x"), ("x", true, false));
        assert_eq!(
            strip_subject_prefixes("Topic: x"),
            ("Topic: x", false, false)
        );
    }

    #[test]
    fn strips_list_tags_and_localised_prefixes() {
        assert_eq!(
            strip_subject_prefixes("[circle] Re: status"),
            ("status", true, false)
        );
        assert_eq!(strip_subject_prefixes("WG: AW: x"), ("x", true, true));
        assert_eq!(strip_subject_prefixes("TR: x"), ("x", false, true));
        assert_eq!(strip_subject_prefixes("Antw: x"), ("x", true, false));
    }

    #[test]
    fn parses_header_blocks() {
        let h = parse_header_block("\nTo: a@b.org\nSubject: long\n  folded\n\nbody: no\n");
        assert_eq!(h.len(), 2);
        assert_eq!(h[1].value, "long folded");
    }

    #[test]
    fn unflows() {
        assert_eq!(
            unflow("a long \nline\n> q \n> r\n", false),
            "a long line\n> q r\n"
        );
        assert_eq!(unflow("ab \ncd", true), "abcd");
        assert_eq!(unflow("-- \nsig", false), "-- \nsig");
    }

    #[test]
    fn folds_accents() {
        assert_eq!(fold("Peut-Être Sí NÃO"), "peut-etre si nao");
    }
}
