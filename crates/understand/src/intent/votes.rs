//! Votes for proposed topics: "+1 #3", "+1 for 2 and 5", "I'd vote for #4", "#2 +1", line by
//! line, in the languages we read.

use crate::text::fold;

/// "+1 #3", "+1 for 2 and 5", "I'd vote for #4", "#2 +1" → the topic numbers.
pub(crate) fn votes(text: &str) -> Option<Vec<u32>> {
    let mut out: Vec<u32> = Vec::new();
    for line in text.lines().take(60) {
        let l = fold(line);
        let l = l.replace('＋', "+");
        let toks = vote_tokens(&l);
        let mut i = 0;
        // Tokens before `used` were read as what an earlier "+1" votes for: in "+1 #2 +1 #3"
        // the #2 is not also what the second "+1" follows.
        let mut used = 0;
        while i < toks.len() {
            let t = toks[i].as_str();
            let is_trigger = t == "+1"
                || t == "+"
                || matches!(
                    t,
                    "vote"
                        | "votes"
                        | "voting"
                        | "voted"
                        | "stimme"
                        | "vote:"
                        | "voto"
                        | "voteer"
                        | "stem"
                        | "votos"
                        | "voter"
                        | "votar"
                );
            if is_trigger {
                // "#3 +1, #4 +1": a number right before "+1" is what it votes for.
                if t == "+1" && i > used {
                    let prev = toks[i - 1].trim_start_matches('#');
                    if let Ok(n) = prev.parse::<u32>() {
                        if (1..100).contains(&n) {
                            if !out.contains(&n) {
                                out.push(n);
                            }
                            i += 1;
                            continue;
                        }
                    }
                }
                let mut j = i + 1;
                let mut got = Vec::new();
                while j < toks.len() {
                    let u = toks[j].trim_start_matches('#');
                    if let Ok(n) = u.parse::<u32>() {
                        if (1..100).contains(&n) && toks[j] != "+1" {
                            got.push(n);
                            j += 1;
                            continue;
                        }
                    }
                    if VOTE_FILLERS.contains(&toks[j].as_str()) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if !got.is_empty() {
                    for n in got {
                        if !out.contains(&n) {
                            out.push(n);
                        }
                    }
                    i = j;
                    used = j;
                    continue;
                }
                // "#3 +1" / "3: +1": the number before the trigger.
                if t == "+1" && i > used {
                    let prev = toks[used..i]
                        .iter()
                        .rev()
                        .find(|p| !VOTE_FILLERS.contains(&p.as_str()));
                    if let Some(p) = prev {
                        if let Ok(n) = p
                            .trim_start_matches('#')
                            .trim_end_matches(['.', ':', ')'])
                            .parse::<u32>()
                        {
                            if (1..100).contains(&n) && !out.contains(&n) {
                                out.push(n);
                            }
                        }
                    }
                }
            }
            i += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

const VOTE_FILLERS: &[&str] = &[
    "for",
    "on",
    "to",
    "topic",
    "topics",
    "number",
    "numbers",
    "no",
    "nr",
    "item",
    "items",
    "and",
    "&",
    ",",
    "#",
    "also",
    "both",
    "und",
    "et",
    "y",
    "en",
    "e",
    "fur",
    "pour",
    "para",
    "voor",
    "thema",
    "sujet",
    "tema",
    "onderwerp",
    "i'd",
    "id",
    "my",
    "is",
    "goes",
    "from",
    "me",
    "-",
    ":",
    "+",
    "plus",
    "as",
    "well",
    "too",
    "op",
    "punkt",
    "point",
    "points",
];

/// Splits a folded line into vote tokens: "+1", numbers (with #), words, and "&", ",".
fn vote_tokens(l: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = l.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '+'
            && chars.get(i + 1) == Some(&'1')
            && !chars.get(i + 2).is_some_and(|d| d.is_ascii_digit())
        {
            out.push("+1".to_string());
            i += 2;
            continue;
        }
        if c.is_alphanumeric() || c == '#' || c == '\'' {
            let mut s = String::new();
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '#' || chars[i] == '\'')
            {
                s.push(chars[i]);
                i += 1;
            }
            out.push(s);
            continue;
        }
        if c == '&' || c == ',' {
            out.push(c.to_string());
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_votes() {
        assert_eq!(votes("+1 #3"), Some(vec![3]));
        assert_eq!(votes("+1 for 2 and 5"), Some(vec![2, 5]));
        assert_eq!(votes("I'd vote for #4"), Some(vec![4]));
        assert_eq!(votes("#2 +1"), Some(vec![2]));
        assert_eq!(votes("see you at 18:30"), None);
    }
}

#[cfg(test)]
mod table {
    //! Many small replies and how a person reads them.
    use super::*;

    #[test]
    fn votes_table() {
        let cases: &[(&str, Option<Vec<u32>>)] = &[
            ("+1 #3", Some(vec![3])),
            ("+1 to #2", Some(vec![2])),
            ("+1 for topic 3", Some(vec![3])),
            ("+1 #2 #5", Some(vec![2, 5])),
            ("#3 +1, #4 +1", Some(vec![3, 4])),
            ("+1 #2 +1 #3", Some(vec![2, 3])),
            ("+1 #2, +1 #3 and +1 #5", Some(vec![2, 3, 5])),
            ("I vote for 2 & 3", Some(vec![2, 3])),
            ("+1 for 2 and 5 but not 7", Some(vec![2, 5])),
            ("+10 for that", None),
            ("+1 at 18:30", None),
            ("My number is +1 555 1234", None),
        ];
        let mut wrong = Vec::new();
        for (t, want) in cases {
            let got = votes(t);
            if got != *want {
                wrong.push(format!("{t:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
