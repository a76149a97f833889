//! Votes for proposed topics: "+1 #3", "+1 for 2 and 5", "I'd vote for #4", "#2 +1", line by
//! line, in the languages we read.

use crate::text::fold;

/// "+1 #3", "+1 for 2 and 5", "I'd vote for #4", "#2 +1" → the topic numbers; without a
/// "+1", a short reply that chooses ("I'd go with the second one", "Voto por el 1 y el 4").
pub(crate) fn votes(text: &str) -> Option<Vec<u32>> {
    plus_one_votes(text).or_else(|| chosen(text))
}

/// Verbs of choosing, folded, as word sequences.
const CHOOSING: &[&str] = &[
    "go with",
    "going with",
    "pick",
    "choose",
    "prefer",
    "vote",
    "my vote",
    "for me",
    "pour moi",
    "fur mich",
    "para mi",
    "voor mij",
    "para mim",
    "stimme fur",
    "wahle",
    "nehme",
    "bin fur",
    "ware fur",
    "waren fur",
    "je vote",
    "vote pour",
    "je choisis",
    "je prefere",
    "plutot",
    "voto",
    "elijo",
    "prefiero",
    "me quedo con",
    "mijn stem",
    "ik kies",
    "kies",
    "ik stem",
    "voorkeur",
    "escolho",
    "prefiro",
    "fico com",
];

/// Number words (folded) that are no article in any of the six languages.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("eins", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("twee", 2),
    ("drie", 3),
    ("dois", 2),
    ("duas", 2),
    ("quatro", 4),
    ("uno", 1),
    ("cinq", 5),
    ("funf", 5),
    ("cinco", 5),
    ("vijf", 5),
];

/// Ordinals (folded) in the six languages: "the second one" is topic 2.
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("erste", 1),
    ("ersten", 1),
    ("zweite", 2),
    ("zweiten", 2),
    ("dritte", 3),
    ("dritten", 3),
    ("vierte", 4),
    ("vierten", 4),
    ("premier", 1),
    ("premiere", 1),
    ("deuxieme", 2),
    ("seconde", 2),
    ("troisieme", 3),
    ("quatrieme", 4),
    ("primero", 1),
    ("primera", 1),
    ("segundo", 2),
    ("segunda", 2),
    ("tercero", 3),
    ("tercera", 3),
    ("cuarto", 4),
    ("cuarta", 4),
    ("eerste", 1),
    ("tweede", 2),
    ("derde", 3),
    ("vierde", 4),
    ("primeiro", 1),
    ("primeira", 1),
    ("terceiro", 3),
    ("terceira", 3),
    ("quarto", 4),
    ("quarta", 4),
];

/// A short reply whose first sentences choose numbers or ordinals after a verb of choosing.
fn chosen(text: &str) -> Option<Vec<u32>> {
    let f = fold(text);
    let first: String = f
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let toks = vote_tokens(&first);
    if toks.len() > 25 || toks.iter().any(|t| t == "?") || first.contains('?') {
        return None;
    }
    let words: Vec<&str> = toks.iter().map(String::as_str).collect();
    // The choice may come before its verb: "Both 1 and 3 for me".
    // (compared in place: a Vec per phrase per word was a sixth of reading a vote, issue 14)
    (0..words.len()).find(|&i| {
        CHOOSING.iter().any(|c| {
            let mut at = words[i..].iter();
            c.split(' ').all(|part| at.next() == Some(&part))
        })
    })?;
    let mut out = Vec::new();
    for w in &words {
        let w = w.trim_start_matches('#');
        let n = w
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=20).contains(n))
            .or_else(|| ORDINALS.iter().find(|(o, _)| *o == w).map(|&(_, n)| n));
        if let Some(n) = n {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

fn plus_one_votes(text: &str) -> Option<Vec<u32>> {
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

/// One item of the agenda a reply quotes: its number, the folded words of its title, and the
/// folded name of who proposed it (our agenda writes "#2 Title (+3) — Ben").
struct Item {
    n: u32,
    title: Vec<String>,
    proposer: Option<String>,
}

/// The agenda a reply quotes: its "> #N Title" (or "> N. Title", "> N) Title") lines. Fewer
/// than two items: no agenda. Outlook and Yahoo put the original under a header block without
/// any ">": there, only our own "#N Title" form counts (a reader's own "1. …" list is no
/// agenda).
fn quoted_agenda(whole: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for line in whole.lines().take(400) {
        let t = line.trim_start();
        let q = match t.strip_prefix('>') {
            Some(q) => q.trim_start_matches(['>', ' ']),
            None if t.starts_with('#') => t,
            None => continue,
        };
        let q = q.strip_prefix('#').unwrap_or(q);
        let digits: String = q.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u32>() else {
            continue;
        };
        let rest = q[digits.len()..].trim_start_matches(['.', ')', ':']);
        if !rest.starts_with(' ') || !(1..=20).contains(&n) || out.iter().any(|i| i.n == n) {
            continue;
        }
        // "Title (+3) — Ben": the proposer after the last dash, the support in brackets.
        let (rest, proposer) = match rest.rsplit_once(" — ").or_else(|| rest.rsplit_once(" – "))
        {
            Some((title, who)) if who.split_whitespace().count() <= 3 => {
                (title, who.split_whitespace().next().map(fold))
            }
            _ => (rest, None),
        };
        let rest = rest.split(" (+").next().unwrap_or(rest);
        const SMALL: &[&str] = &[
            "with", "from", "that", "this", "your", "their", "over", "into", "when", "what",
            "para", "pour", "avec", "dans", "sans", "como", "sobre", "voor", "over", "naar",
            "fuer", "uber", "eine", "einer", "mit", "und", "des", "les", "los", "las", "het",
            "een", "uma", "umas", "the", "and",
        ];
        let words: Vec<String> = fold(rest)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !SMALL.contains(w))
            .map(str::to_string)
            .collect();
        out.push(Item {
            n,
            title: words,
            proposer,
        });
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Whether a word of the reply names a word of a title: the same word, or the same stem
/// ("contract"/"contracts", "mentor"/"mentoring", "contrato"/"contratos") — a shared start
/// of five letters or more that leaves at most two letters of the shorter word.
///
/// Members answer an agenda in their own language ("lo del asistente" under "Working with an
/// assistant", "Voto no de contratos" under "Contracts"): the words of the six languages for
/// the same thing are mostly cognates, spelt with single or double letters. So double letters
/// count once, and a cognate may differ in up to three letters after a shared start of five
/// ("asistente"/"assistant", "contratos"/"contracts") — a list of translations per title
/// would have to grow with every agenda.
fn names(word: &str, title_word: &str) -> bool {
    if word == title_word {
        return true;
    }
    let single = |w: &str| {
        let mut out: Vec<char> = Vec::with_capacity(w.len());
        for c in w.chars() {
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        out
    };
    let (a, b) = (single(word), single(title_word));
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    let same_stem = word
        .chars()
        .zip(title_word.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter_raw = word.chars().count().min(title_word.chars().count());
    (same_stem >= 5 && same_stem + 2 >= shorter_raw) || (common >= 5 && common + 3 >= shorter)
}

/// The words of `first` (folded) in which titles are looked for: its sentences up to the first
/// that names an agenda title, and after it only sentences that continue the choice (see
/// `agenda_votes`).
fn choosing_words(first: &str, agenda: &[Item]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut named = false;
    for sentence in first.split(['.', '!', ';']) {
        let toks = vote_tokens(sentence);
        let Some(head) = toks.first() else {
            continue;
        };
        let continues = matches!(
            head.as_str(),
            "and"
                | "also"
                | "plus"
                | "und"
                | "auch"
                | "et"
                | "aussi"
                | "y"
                | "tambien"
                | "en"
                | "ook"
                | "e"
                | "tambem"
                | "ademas"
                | "ausserdem"
                | "&"
        ) || toks.iter().any(|w| {
            w == "+1"
                || [
                    "vot", "stimm", "kies", "escolh", "elij", "prefer", "choos", "pick",
                ]
                .iter()
                .any(|s| w.starts_with(s))
        });
        if named && !continues {
            continue;
        }
        named = named
            || agenda.iter().any(|item| {
                item.title
                    .iter()
                    .any(|tw| toks.iter().any(|w| names(w, tw)))
            });
        out.extend(toks);
    }
    out
}

/// A part of the agenda chosen by its place: "the first two", "die ersten beiden", "les deux
/// premiers", "los dos primeros", "de eerste twee", "os dois primeiros" (and "the last two");
/// "all but the last", "alle außer dem letzten", "tous sauf le dernier", "todos menos el
/// último", "alle behalve de laatste". Why a rule of places rather than phrases: the same two
/// signals (a word of the first or last place next to a count; a word of all before a word
/// of exception) make the phrase in every language.
fn part_of_agenda(words: &[&str], agenda: &[Item]) -> Option<Vec<u32>> {
    const FIRST: &[&str] = &[
        "first",
        "ersten",
        "erste",
        "premiers",
        "premieres",
        "primeros",
        "primeras",
        "eerste",
        "primeiros",
        "primeiras",
    ];
    const LAST: &[&str] = &[
        "last",
        "letzten",
        "letzte",
        "dernier",
        "derniers",
        "derniere",
        "dernieres",
        "ultimo",
        "ultima",
        "ultimos",
        "ultimas",
        "laatste",
    ];
    // "Anything but cash flow", "alles außer Verträge", "tout sauf", "todo menos", "alles
    // behalve": a word of everything before a word of exception, as "all but".
    const ALL: &[&str] = &[
        "all",
        "alle",
        "tous",
        "toutes",
        "todos",
        "todas",
        "allemaal",
        "anything",
        "everything",
        "alles",
        "tout",
        "todo",
        "tudo",
    ];
    const EXCEPT: &[&str] = &[
        "but", "except", "ausser", "bis", "sauf", "menos", "excepto", "salvo", "behalve", "exceto",
    ];
    let count = |w: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(n, _)| *n == w)
            .map(|&(_, n)| n)
            .or_else(|| (w == "beiden").then_some(2))
    };
    let mut numbers: Vec<u32> = agenda.iter().map(|i| i.n).collect();
    numbers.sort_unstable();
    let last = *numbers.last()?;
    for (k, w) in words.iter().enumerate() {
        // "all but the last", "alle außer dem letzten": everything but what follows.
        if ALL.contains(w)
            && words
                .get(k + 1..(k + 3).min(words.len()))
                .is_some_and(|next| next.iter().any(|n| EXCEPT.contains(n)))
        {
            let rest = &words[(k + 2).min(words.len())..];
            let mut without: Vec<u32> = Vec::new();
            for r in rest.iter().take(5) {
                if LAST.contains(r) {
                    without.push(last);
                } else if let Some(&(_, n)) = ORDINALS.iter().find(|(o, _)| o == r) {
                    without.push(n);
                } else if let Ok(n) = r.trim_start_matches('#').parse::<u32>() {
                    without.push(n);
                }
            }
            // "Anything but cash flow": the exception named by its title.
            for item in agenda {
                let named = item
                    .title
                    .iter()
                    .any(|tw| rest.iter().take(5).any(|w| names(w, tw)));
                if named && !without.contains(&item.n) {
                    without.push(item.n);
                }
            }
            if !without.is_empty() {
                let part: Vec<u32> = numbers
                    .iter()
                    .copied()
                    .filter(|n| !without.contains(n))
                    .collect();
                return (!part.is_empty()).then_some(part);
            }
        }
        // "the first two", "les deux premiers": a place next to a count.
        let beside = [
            k.checked_sub(1).map(|p| words[p]),
            words.get(k + 1).copied(),
        ];
        let first = FIRST.contains(w);
        if first || LAST.contains(w) {
            if let Some(c) = beside.iter().flatten().find_map(|b| count(b)) {
                if (2..last).contains(&c) && (c as usize) < numbers.len() {
                    let part: Vec<u32> = if first {
                        numbers.iter().copied().take(c as usize).collect()
                    } else {
                        numbers[numbers.len() - c as usize..].to_vec()
                    };
                    return Some(part);
                }
            }
        }
    }
    None
}

/// Nouns for an item of the agenda (folded): "the second one", "das dritte Thema".
const ITEM_NOUNS: &[&str] = &[
    "one",
    "ones",
    "topic",
    "topics",
    "item",
    "items",
    "point",
    "points",
    "thema",
    "themen",
    "punkt",
    "sujet",
    "sujets",
    "tema",
    "temas",
    "punto",
    "onderwerp",
    "agendapunt",
    "topico",
    "assunto",
    "ponto",
];

#[cfg(test)]
mod against_the_agenda {
    use super::*;

    const AGENDA: &str = "> The agenda for Roundtable on Thursday 10 October.\n>\n> Topics, most supported first:\n>   #1 Cash flow in the quiet months (+3) — Anna\n>   #2 Working with an assistant (+2) — Ben\n>   #3 Mentoring newcomers — Carla\n>   #4 Contracts and liability — Dev\n";

    #[test]
    fn short_answers_name_items() {
        for (own, want) in [
            ("Same as Ben, the assistant one.", vec![2]),
            ("Anna's topic gets my vote", vec![1]),
            ("Dev's topic, please.", vec![4]),
            (
                "I'd like to hear more about mentoring and the contract stuff.",
                vec![3, 4],
            ),
            ("Me interesa mucho el tema de los contracts.", vec![4]),
            (
                "Both cash flow and the assistant topic sound great to me.",
                vec![1, 2],
            ),
            ("I'm keen on the second and fourth topics.", vec![2, 4]),
            ("I'd say 2.", vec![2]),
            ("Doe mij maar 3.", vec![3]),
            ("Hoi,\n\n1 en 3 zou ik mooi vinden.\n\nGroet", vec![1, 3]),
            ("je serais intéressée par le point 2.", vec![2]),
            ("Three, then four if there's time.", vec![3, 4]),
            ("Either 2 or 3 is fine with me", vec![2, 3]),
            ("Last one for me", vec![4]),
            // A part of the agenda by place, in several languages.
            ("The first two, please", vec![1, 2]),
            ("All but the last one for me", vec![1, 2, 3]),
            ("Alle außer dem letzten, bitte.", vec![1, 2, 3]),
            ("Los dos primeros", vec![1, 2]),
            ("De laatste twee", vec![3, 4]),
            // Numbers and titles together; a proposer's choice; cognates of the titles.
            ("#2 and the mentoring one.", vec![2, 3]),
            ("Von mir: 2 und das mit der contracts.", vec![2, 4]),
            ("Same as Ben, plus contracts.", vec![2, 4]),
            ("Lo del asistente, sin duda.", vec![2]),
            ("Voto no de contratos.", vec![4]),
        ] {
            assert_eq!(agenda_votes(own, AGENDA), Some(want), "{own}");
        }
        for own in [
            "Is the contracts one still on?",
            "I'll be 2 hours late, sorry.",
            "See you at 7!",
        ] {
            assert_eq!(agenda_votes(own, AGENDA), None, "{own}");
        }
    }
}

/// Votes read against the agenda the reply quotes, when the words alone do not say it.
///
/// Why the quoted agenda: "my vote: pricing and insurance", "3 and 4 — both are overdue",
/// "…, also #3" are votes only because of what they answer. Without the agenda a reader can
/// only guess (a number may be anything, a title word may propose a new topic); with it, a
/// short reply that names agenda numbers at its start or as "#N", or (with a verb of choosing,
/// or nothing but titles) names agenda titles, votes for them. Questions never vote.
pub(crate) fn agenda_votes(own: &str, whole: &str) -> Option<Vec<u32>> {
    let agenda = quoted_agenda(whole);
    if agenda.is_empty() {
        return None;
    }
    // The answer itself: without "Hoi," above it and "Groet" below it.
    let f = fold(&super::words::strip_greeting_and_closing(own));
    let first: String = f
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    if first.contains('?') {
        return None;
    }
    let toks = vote_tokens(&first);
    if toks.is_empty() || toks.len() > 25 {
        return None;
    }
    let on_agenda = |n: u32| agenda.iter().any(|i| i.n == n);
    let words: Vec<&str> = toks.iter().map(String::as_str).collect();
    // "the first two", "all but the last": a part of the agenda chosen by its place.
    if let Some(part) = part_of_agenda(&words, &agenda) {
        return Some(part);
    }
    // A verb of choosing, in any of its forms ("votaría", "stimme", "kies", "escolho"): the
    // stems, not the forms, are the data.
    let choosing = words.iter().any(|w| {
        *w == "+1"
            || [
                "vot", "stimm", "kies", "escolh", "elij", "elej", "prefer", "prefier", "prefir",
                "choos", "pick", "wahl", "choisi",
            ]
            .iter()
            .any(|s| w.starts_with(s))
    }) || (0..words.len()).any(|i| {
        CHOOSING.iter().any(|c| {
            let parts: Vec<&str> = c.split(' ').collect();
            words.get(i..i + parts.len()) == Some(&parts[..])
        })
    });
    let mut out: Vec<u32> = Vec::new();
    // Numbers: "#N" or "Nummer N" anywhere, any agenda number after a verb of choosing, and
    // numbers or ordinals leading the reply ("3 and 4", "Le 3 !", "De eerste …"). An ordinal
    // elsewhere counts when it names an item: before a noun of one ("the second one", "das
    // dritte Thema"), before "and"/a comma, or at the end ("keen on the second and fourth").
    let mut leading = true;
    let mut named = false;
    // Words that join the items of a choice: "1 and 3", "either 2 or 3", "three, then four".
    const JOINING: &[&str] = &[
        "and",
        "&",
        ",",
        "und",
        "et",
        "y",
        "en",
        "e",
        "or",
        "both",
        "then",
        "either",
        "dann",
        "oder",
        "entweder",
        "puis",
        "soit",
        "ou",
        "luego",
        "o",
        "dan",
        "of",
        "depois",
        "also",
        "maybe",
        "vielleicht",
        "misschien",
        "talvez",
        "quizas",
    ];
    // In a short answer to the agenda, a bare number that stands for an item: at the end ("I'd
    // say 2", "Doe mij maar 3", "Yo el 4"), before a joining word or a noun of an item ("1 en
    // 3 zou ik mooi vinden"), or after one ("le point 2"). Not "2 hours late", "at 7 pm".
    let short = toks.len() <= 12;
    for (k, t) in toks.iter().enumerate() {
        let stands_for_item = short
            && (toks.get(k + 1).is_none_or(|next| {
                JOINING.contains(&next.as_str()) || ITEM_NOUNS.contains(&next.as_str())
            }) || k
                .checked_sub(1)
                .is_some_and(|p| ITEM_NOUNS.contains(&toks[p].as_str())));
        let ordinal_names_item = ORDINALS.iter().any(|(o, _)| o == t)
            && toks.get(k + 1).is_none_or(|next| {
                ITEM_NOUNS.contains(&next.as_str())
                    || matches!(
                        next.as_str(),
                        "and" | "&" | "," | "und" | "et" | "y" | "en" | "e" | "or" | "please"
                    )
            });
        let hash = t.starts_with('#') || named;
        let last = agenda.iter().map(|i| i.n).max().unwrap_or(0);
        let n = if t.starts_with('+') {
            None
        } else {
            t.trim_start_matches('#')
                .parse::<u32>()
                .ok()
                .or_else(|| ORDINALS.iter().find(|(o, _)| o == t).map(|&(_, n)| n))
                // "One please!", "Zwei.": a number word, in a reply of a few words only
                // (articles that are also numbers — "un", "een", "um" — are left out).
                .or_else(|| {
                    // Not "the last one", "that one": a number word counts leading a choice
                    // or after a joining word.
                    let after_joint = k == 0
                        || JOINING.contains(&toks[k - 1].as_str())
                        || matches!(toks[k - 1].as_str(), "number" | "nummer" | "numero");
                    let pointing = k > 0
                        && (matches!(
                            toks[k - 1].as_str(),
                            "the"
                                | "that"
                                | "this"
                                | "last"
                                | "letzte"
                                | "dernier"
                                | "ultimo"
                                | "laatste"
                        ) || ORDINALS.iter().any(|(o, _)| *o == toks[k - 1]));
                    // "Four-day week please!": a number word of a title names that title.
                    let in_title = agenda.iter().any(|i| i.title.iter().any(|w| w == t));
                    ((words.len() <= 4 && !pointing) || (after_joint && short))
                        .then(|| NUMBER_WORDS.iter().find(|(w, _)| w == t).map(|&(_, n)| n))
                        .flatten()
                        .filter(|_| !in_title)
                })
                // "the last one", "le dernier", "el último": the agenda's last item.
                .or_else(|| {
                    [
                        "last", "letzte", "letzten", "dernier", "derniere", "ultimo", "ultima",
                        "laatste",
                    ]
                    .contains(&t.as_str())
                    .then_some(last)
                })
        };
        named = matches!(
            t.as_str(),
            "number" | "nummer" | "numero" | "nr" | "no" | "num" | "n"
        ) || ITEM_NOUNS.contains(&t.as_str());
        match n {
            Some(n)
                if on_agenda(n)
                    && (hash || leading || choosing || ordinal_names_item || stands_for_item) =>
            {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            _ => {
                leading = leading
                    && (JOINING.contains(&t.as_str())
                        || matches!(
                            t.as_str(),
                            "the"
                                | "le"
                                | "la"
                                | "el"
                                | "lo"
                                | "de"
                                | "het"
                                | "der"
                                | "die"
                                | "das"
                                | "o"
                                | "a"
                                | "les"
                                | "los"
                                | "number"
                                | "nummer"
                                | "numero"
                        ));
            }
        }
    }
    // Titles and proposers, with the numbers as well: one answer may mix them ("2 und das mit
    // der Haftung", "#2 and the mentoring one", "same as Ben, plus contracts").
    // Titles and proposers. Why no longer only with a verb of choosing: people choose with
    // any words ("I'd like to hear more about mentoring", "me interesa el tema de los
    // contratos", "both sound great", "same as Ben, the assistant one"); what makes them
    // votes is that a short answer to the agenda names its items. A proposal of a new topic
    // says so ("Topic: …", a question) and is read before this.
    //
    // Titles are read in the sentences that choose, not in the reasons after them: "I'd go
    // for the assistant one. Been thinking about hiring help for months." names the assistant;
    // "months" in the reason is no vote for "Cash flow in the quiet months". Once a sentence
    // has named an item, a later one adds items only when it continues the choice — opening
    // with a joining word ("Also contracts.", "Und Haftung.") or choosing again ("I'd vote
    // for contracts too.").
    let title_words = choosing_words(&first, &agenda);
    let words: Vec<&str> = title_words.iter().map(String::as_str).collect();
    for item in &agenda {
        // "l'assistant", "d'Anna": the word after an elided article.
        let by_title = item.title.iter().any(|tw| {
            words.iter().any(|w| {
                let w = match w.rsplit_once('\'') {
                    Some((_, tail)) if tail != "s" => tail,
                    _ => w,
                };
                names(w, tw)
            })
        });
        // "Dev's topic", "le sujet de Carla", "das Thema von Anna": the proposer, named as
        // the owner of a topic.
        let by_proposer = item.proposer.as_ref().is_some_and(|p| {
            words.iter().enumerate().any(|(k, w)| {
                w.strip_suffix("'s").is_some_and(|b| b == p)
                    || (w == p
                        && k > 0
                        && matches!(words[k - 1], "de" | "von" | "van" | "do" | "da" | "del"))
                    // "same as Ben", "comme Ben", "wie Ben", "como Ben", "zoals Ben": the
                    // proposer's choice, which is their own item.
                    || (w == p
                        && k > 0
                        && matches!(words[k - 1], "as" | "comme" | "wie" | "como" | "zoals" | "que"))
            })
        });
        if (by_title || by_proposer) && !out.contains(&item.n) {
            out.push(item.n);
        }
    }
    out.sort_unstable();
    (!out.is_empty()).then_some(out)
}
