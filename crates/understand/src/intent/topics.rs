//! Proposed topics: explicit "TOPIC:" lines, else list items, semicolon-separated items or
//! paragraphs; titles lose the lead-ins that only introduce them ("I'd like to discuss …").

use super::words::{
    is_list_heading, list_items, only_a_name, paragraphs, strip_greeting_and_closing,
};
use crate::text::{fold, squash};
use crate::Topic;

/// Lines like "TOPIC: Pricing" (also "Thema:", "Sujet :", "Tema:", …).
pub(crate) fn explicit_topics(text: &str) -> Option<Vec<Topic>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut topics: Vec<Topic> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(title) = labelled(
            lines[i],
            &["topic", "thema", "sujet", "tema", "onderwerp", "topico"],
        ) {
            let mut details: Vec<&str> = Vec::new();
            let mut j = i + 1;
            while j < lines.len()
                && !lines[j].trim().is_empty()
                && labelled(
                    lines[j],
                    &["topic", "thema", "sujet", "tema", "onderwerp", "topico"],
                )
                .is_none()
            {
                details.push(lines[j].trim());
                j += 1;
            }
            // "Topics: insurance; an accountant; pensions": semicolons separate items here as
            // anywhere else.
            let parts: Vec<&str> = title
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() >= 2 && details.is_empty() {
                topics.extend(parts.into_iter().map(|p| split_title(p, Vec::new())));
            } else if !title.is_empty() {
                topics.push(Topic {
                    title: clean_title(&title),
                    details: (!details.is_empty()).then(|| details.join("\n")),
                });
            }
            i = j;
            continue;
        }
        i += 1;
    }
    (!topics.is_empty()).then_some(topics)
}

/// "Topic: X" → "X" when the line's label is one of `labels` (folded, case-insensitive).
fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    let t = line.trim().trim_start_matches(['-', '*', '•', ' ']);
    let colon = t.find(':')?;
    if colon > 20 {
        return None;
    }
    let label = fold(t[..colon].trim());
    let label = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '#');
    if labels.contains(&label) || labels.iter().any(|l| label == format!("{l}s")) {
        Some(t[colon + 1..].trim().to_string())
    } else {
        None
    }
}

/// Topics in a reply to the call for topics: list items, "Topic:" lines, semicolon-separated
/// items, or paragraphs (first line the title, the rest details).
pub(crate) fn topics_in(text: &str) -> Vec<Topic> {
    if let Some(t) = explicit_topics(text) {
        return t;
    }
    let body = strip_greeting_and_closing(text);
    let items = list_items(&body);
    if !items.is_empty() {
        return items
            .into_iter()
            .map(|(head, more)| split_title(&head, more))
            .filter(|t| !t.title.is_empty())
            .collect();
    }
    let all_paras = paragraphs(&body);
    // A heading ("Two ideas from me:", "Folgende Themen:") announces a list, so even two bare
    // lines under it are two items.
    let mut announced = all_paras.iter().any(|p| is_list_heading(p));
    let mut paras: Vec<String> = all_paras
        .into_iter()
        .filter(|p| !is_list_heading(p) && !super::words::is_thanks(p))
        .collect();
    // "Contracts for tiny jobs - worth it?\n\nPriya", "Une idée : …\n\nChloé", "…\n\nPriya x":
    // a last paragraph that is only a name — one to three capitalised words, perhaps with
    // kisses — is a sign-off, whoever's name it is (a nickname, "Bia" for Beatriz, is no token
    // of the sender's). Only when every paragraph is such a word ("Pricing\n\nBurnout") may it
    // be an item: then names and items look alike, and the items win.
    // "I have two:\n\nPricing\n\nInsurance\n\nSam": a heading that counts its items says
    // which word is one too many.
    let counted = heading_count(&body);
    if paras.len() >= 2
        && paras.last().is_some_and(|p| only_a_name(p))
        && (!paras[..paras.len() - 1].iter().all(|p| only_a_name(p))
            || counted == Some(paras.len() - 1))
    {
        paras.pop();
    }
    if paras.len() == 1 {
        let p = &paras[0];
        let mut lines: Vec<&str> = p.lines().collect();
        if lines.len() >= 3 && is_list_heading(lines[0]) {
            lines.remove(0);
            announced = true;
        }
        // Three or more short lines, none a sentence or a question, no bullets: each line is
        // an item ("Marketing on a tiny budget\nTax deadlines\nTaking proper holidays").
        // Two lines stay a title and its detail, unless a heading announced a list.
        // Two lines shaped alike — each a short noun phrase that starts with a capital and
        // ends without punctuation ("Tax deadlines for freelancers\nInvoicing software") —
        // are two items; a detail reads as a sentence or a question ("How do you price?").
        // "AOV: wel of niet?\nZelf je boekhouding doen": a first line that carries its own
        // detail after a colon is a whole item, so a bare phrase under it is the next item,
        // not its detail.
        // "Como fidelizar clientes pequenos", "How to raise prices", "Comment trouver des
        // clients", "Wie man Kunden hält": an interrogative before an infinitive names a
        // how-to, a title like any noun phrase — not a question (that has its verb and "?").
        let how_to = |t: &str| {
            let ws = super::words::tokens(t);
            ws.get(1).is_some_and(|w| {
                let w = w.folded.as_str();
                matches!(w, "to" | "man" | "je")
                    || (w.len() >= 5 && ["ar", "er", "ir", "re"].iter().any(|e| w.ends_with(e)))
            })
        };
        let bare_phrase = |t: &str| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.split_whitespace().count() <= 6
                && !t.ends_with(['.', '?', '!', ':', ','])
                && (how_to(t)
                    || !super::words::tokens(t)
                        .first()
                        .is_some_and(|w| super::conversation::opens_question(&w.folded)))
        };
        // People who write all in lower case ("tarieven verhogen\nop vakantie zonder
        // laptop") shape their lines alike too: the same case opening both, and each a bare
        // phrase but for its capital.
        let lower_alike = lines.len() == 2
            && lines.iter().all(|l| {
                let t = l.trim();
                t.chars().next().is_some_and(char::is_lowercase) && {
                    let mut c = t.chars();
                    let cap: String = c
                        .next()
                        .map(|f| f.to_uppercase().collect::<String>())
                        .unwrap_or_default()
                        + c.as_str();
                    bare_phrase(&cap)
                }
            });
        let alike =
            lines.len() == 2 && (lines.iter().all(|l| bare_phrase(l.trim())) || lower_alike);
        let self_contained = lines.len() == 2
            && lines[0].split_once(": ").is_some_and(|(label, detail)| {
                label.split_whitespace().count() <= 4 && !detail.trim().is_empty()
            })
            && bare_phrase(lines[1].trim());
        // "Where do you find new clients?\nWhat software do you use for invoicing?": lines that
        // are each a whole question, opened by its interrogative, ask one thing each — a
        // title's detail hangs on the title ("Pricing workshops\nHow do you price them?"),
        // it does not stand beside another question.
        let questions = lines.len() >= 2
            && lines.iter().all(|l| {
                let t = l.trim();
                t.ends_with('?')
                    && t.split_whitespace().count() <= 14
                    && super::words::tokens(t)
                        .first()
                        .is_some_and(|w| super::conversation::opens_question(&w.folded))
            });
        if questions {
            return lines
                .iter()
                .map(|l| split_title(l, Vec::new()))
                .filter(|t| !t.title.is_empty())
                .collect();
        }
        let bare_list = (alike || self_contained || lines.len() >= if announced { 2 } else { 3 })
            && lines.iter().all(|l| {
                let t = l.trim();
                // Under a heading, a question is a whole item however long it runs ("Two
                // from me:\nHow do you deal with VAT on foreign clients?").
                let limit = if announced && t.ends_with('?') { 14 } else { 8 };
                !t.is_empty()
                    && t.split_whitespace().count() <= limit
                    && !t.ends_with(['.', ':', ','])
                    // Under a heading ("Ideias:") an item may be a question.
                    && (announced || self_contained || !t.ends_with('?'))
            });
        // "Something on pensions would be great.\nAlso: how do you all do your bookkeeping?":
        // a line opened by a word of addition ("also", "außerdem", "aussi", "también", "ook",
        // "também") adds an item, in any language; the word is no part of its title.
        let adding = |l: &str| {
            let f = fold(l.trim());
            let first = f
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_string();
            matches!(
                first.as_str(),
                "also"
                    | "plus"
                    | "ausserdem"
                    | "aussi"
                    | "egalement"
                    | "tambien"
                    | "ademas"
                    | "ook"
                    | "verder"
                    | "tambem"
            )
            .then(|| {
                let n = l
                    .trim()
                    .char_indices()
                    .nth(first.chars().count())
                    .map_or(l.trim().len(), |(b, _)| b);
                l.trim()[n..]
                    .trim_start_matches([':', ',', ' '])
                    .to_string()
            })
        };
        if lines.len() >= 2
            && lines[1..]
                .iter()
                .all(|l| adding(l).is_some_and(|r| !r.is_empty()))
        {
            let mut out = vec![split_title(lines[0], Vec::new())];
            out.extend(
                lines[1..]
                    .iter()
                    .filter_map(|l| adding(l))
                    .map(|r| split_title(&r, Vec::new())),
            );
            return out.into_iter().filter(|t| !t.title.is_empty()).collect();
        }
        if bare_list {
            return lines
                .iter()
                .map(|l| split_title(l, Vec::new()))
                .filter(|t| !t.title.is_empty())
                .collect();
        }
        // "pricing, burnout, contracts", "Steuern, Rente und Urlaub": one short line of three
        // or more bare phrases joined by commas (the last perhaps by "and") is a list — a
        // sentence has its verb and runs longer than a word or three between its commas.
        if lines.len() == 1 && !p.contains(';') {
            let t = p.trim();
            let mut parts: Vec<&str> = t.split(',').map(str::trim).collect();
            if let Some(last) = parts.pop() {
                let mut tail: Vec<&str> = [" and ", " und ", " et ", " y ", " en ", " e "]
                    .iter()
                    .find_map(|and| last.split_once(and))
                    .map_or(vec![last], |(a, b)| vec![a.trim(), b.trim()]);
                parts.append(&mut tail);
            }
            let short = |x: &&str| (1..=4).contains(&x.split_whitespace().count());
            if parts.len() >= 3
                && t.chars().count() <= 80
                && !t.ends_with(['.', '?', '!', ':'])
                && parts.iter().all(short)
                && !super::words::tokens(t)
                    .first()
                    .is_some_and(|w| super::conversation::opens_question(&w.folded))
            {
                return parts
                    .iter()
                    .map(|s| split_title(s, Vec::new()))
                    .filter(|t| !t.title.is_empty())
                    .collect();
            }
        }
        if lines.len() == 1 && p.contains(';') {
            return p
                .split(';')
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| split_title(s, Vec::new()))
                .collect();
        }
    }
    // A later paragraph that only remarks on what came before — a P.S., or a short line that
    // points back ("Happy to lead this one", "Just my 2 cents") — is no topic of its own: it
    // joins the details of the topic above it.
    let mut merged: Vec<String> = Vec::new();
    for p in paras {
        match merged.last_mut() {
            Some(prev) if is_remark(&p) => {
                prev.push('\n');
                prev.push_str(&p);
            }
            _ => merged.push(p),
        }
    }
    merged
        .into_iter()
        .flat_map(|p| {
            let mut lines = p.lines().peekable();
            let mut first = lines.next().unwrap_or("").to_string();
            // A lead-in ("Here's an idea:", "Vorschlag:", "Une proposition :") introduces
            // the line after it, which is the title.
            if is_list_heading(&first) && lines.peek().is_some() {
                first = lines.next().unwrap_or("").to_string();
            }
            let rest: Vec<String> = lines.map(|l| l.trim().to_string()).collect();
            if let Some(items) = counted_items(&first) {
                return items
                    .iter()
                    .map(|i| split_title(i, Vec::new()))
                    .collect::<Vec<_>>();
            }
            vec![split_title(&first, rest)]
        })
        .filter(|t| !t.title.is_empty())
        .collect()
}

/// The count a lead-in heading line gives ("I have two:", "Drei Themen:", "Mes deux idées :"),
/// if a line of the body is such a heading.
fn heading_count(body: &str) -> Option<usize> {
    body.lines()
        .map(str::trim)
        .filter(|l| l.ends_with(':') && l.split_whitespace().count() <= 5)
        .find_map(|l| {
            fold(l)
                .split(|c: char| !c.is_alphanumeric())
                .find_map(|w| match w {
                    "two" | "zwei" | "deux" | "dos" | "twee" | "dois" | "duas" | "2" => Some(2),
                    "three" | "drei" | "trois" | "tres" | "drie" | "3" => Some(3),
                    _ => None,
                })
        })
}

/// "Yo propondría dos cosas: cómo subir precios y qué poner en los contratos", "Two things:
/// pricing and contracts": a lead-in that counts its items, then one sentence that joins
/// exactly that many with commas and a word of "and" — the count says where to cut.
///
/// Why the count: "pricing and contracts" alone may be one topic (the two go together); a
/// head that says "two" tells that they are two, in any language, with one number word.
fn counted_items(line: &str) -> Option<Vec<String>> {
    let (head, rest) = line.split_once(": ").or_else(|| line.split_once(" : "))?;
    if !is_leadin(head) {
        return None;
    }
    let count = fold(head)
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|w| match w {
            "two" | "zwei" | "deux" | "dos" | "twee" | "dois" | "duas" | "2" => Some(2),
            "three" | "drei" | "trois" | "tres" | "drie" | "3" => Some(3),
            _ => None,
        })?;
    // The first sentence only; what follows it is detail.
    let sentence = rest
        .split_terminator(['.', '?', '!'])
        .next()
        .unwrap_or(rest)
        .trim();
    let mut parts: Vec<String> = Vec::new();
    for piece in sentence.split(", ") {
        let mut cut = false;
        for and in [" and ", " und ", " et ", " y ", " e ", " en "] {
            if let Some((a, b)) = piece.split_once(and) {
                parts.push(a.trim().to_string());
                parts.push(b.trim().to_string());
                cut = true;
                break;
            }
        }
        if !cut {
            parts.push(piece.trim().to_string());
        }
    }
    parts.retain(|p| !p.is_empty());
    (parts.len() == count).then_some(parts)
}

/// A paragraph that remarks on the one before instead of naming something: a postscript, or
/// a short sentence that points back at it ("this one", "it", "dieses", "celui-ci", "este",
/// "deze") or says whose opinion it is ("just my 2 cents").
fn is_remark(p: &str) -> bool {
    let f = fold(p);
    let t = f.trim_start();
    if t.starts_with("p.s") || t.starts_with("ps ") || t.starts_with("ps:") {
        return true;
    }
    let words: Vec<&str> = t
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let points_back = |i: usize| {
        matches!(
            (words[i], words.get(i + 1).copied()),
            ("this" | "that", Some("one"))
                | (
                    "it" | "dieses"
                        | "das"
                        | "celui"
                        | "ca"
                        | "este"
                        | "esto"
                        | "eso"
                        | "deze"
                        | "dit"
                        | "isso"
                        | "isto",
                    _
                )
        )
    };
    words.len() <= 12
        && !t.contains('?')
        // (Not as the first word: "It would be good to discuss hiring" names a topic.)
        && ((1..words.len()).any(points_back)
            || ["2 cents", "two cents", "my 2c", "2 cent"]
                .iter()
                .any(|c| t.contains(c)))
}

/// A title from a line: "Pricing: how do you charge?" → title "Pricing", details the rest;
/// a long single sentence keeps its first sentence as title and the rest as details.
fn split_title(head: &str, more: Vec<String>) -> Topic {
    let head = head.trim();
    let mut title = head.to_string();
    let mut details: Vec<String> = Vec::new();
    for sep in [": ", " : ", " - ", " – ", " — "] {
        if let Some(p) = head.find(sep) {
            if p > 0 && p <= 80 && head.len() > p + sep.len() {
                let (before, after) = (&head[..p], head[p + sep.len()..].trim());
                // "Sugestão: X", "Se me ocurre un tema: X", "Je propose : X": the part before
                // the colon only announces; X is the title.
                // "Great initiative. My two cents: X": the lead-in is the head's last
                // sentence; a pleasantry before it goes with it.
                let last_sentence = before.rsplit(['.', '!']).next().unwrap_or(before).trim();
                if is_leadin(before) || (last_sentence != before && is_leadin(last_sentence)) {
                    title = after.to_string();
                } else {
                    title = before.to_string();
                    details.push(after.to_string());
                }
                break;
            }
        }
    }
    if details.is_empty() && title.len() > 100 {
        // The first sentence is the title.
        if let Some(p) = title.find(". ").or_else(|| title.find("? ")) {
            let rest = title[p + 2..].trim().to_string();
            title = title[..p + 1].to_string();
            details.push(rest);
        }
    }
    details.extend(more.into_iter().filter(|m| !m.trim().is_empty()));
    Topic {
        title: clean_title(&title),
        details: (!details.is_empty()).then(|| details.join("\n")),
    }
}

/// The small words of a lead-in: articles, pronouns, "here's", "I'd like to", words that only
/// qualify the noun of proposing (its place in a row or its standing: "Outro tema possível:",
/// "Zweites Thema:", "Dernière idée :", "Bonus idea:"), in passing ("Petite idée en passant :",
/// "Just a random thought:", "Nebenbei:") and counts ("Two things:"). A lead-in is made of these
/// and of [`LEADIN_WORDS`], with at least one of the latter: small words alone announce nothing.
const SMALL_WORDS: &[&str] = &[
    "here's",
    "heres",
    "here",
    "is",
    "are",
    "an",
    "a",
    "one",
    "my",
    "from",
    "me",
    "i",
    "i'd",
    "would",
    "like",
    "to",
    "quick",
    "small",
    "another",
    "also",
    "and",
    "two",
    "mein",
    "meine",
    "ein",
    "eine",
    "von",
    "mir",
    "ich",
    "noch",
    "je",
    "une",
    "un",
    "de",
    "ma",
    "part",
    "mon",
    "mes",
    "moi",
    "autre",
    "se",
    "mi",
    "mis",
    "una",
    "otra",
    "otro",
    "mijn",
    "een",
    "ik",
    "nog",
    "minha",
    "meu",
    "uma",
    "um",
    "outra",
    "outro",
    "el",
    "la",
    "vor",
    "voor",
    "petite",
    "petit",
    "kleine",
    "kleiner",
    "pequena",
    "pequeno",
    "klein",
    "brief",
    "little",
    "kurze",
    "kurzer",
    "hatte",
    "habe",
    "hab",
    "have",
    "i've",
    "ive",
    "got",
    "j'ai",
    "ai",
    "tengo",
    "heb",
    "tenho",
    "gern",
    "gerne",
    "possible",
    "possivel",
    "posible",
    "mogliches",
    "moglicher",
    "mogliche",
    "mogelijk",
    "mogelijke",
    "first",
    "second",
    "third",
    "last",
    "final",
    "extra",
    "bonus",
    "erstes",
    "zweites",
    "drittes",
    "letztes",
    "premier",
    "premiere",
    "deuxieme",
    "seconde",
    "troisieme",
    "derniere",
    "dernier",
    "primer",
    "segundo",
    "segunda",
    "tercer",
    "ultimo",
    "ultima",
    "eerste",
    "tweede",
    "derde",
    "laatste",
    "primeiro",
    "primeira",
    "en",
    "passant",
    "btw",
    "by",
    "the",
    "way",
    "nebenbei",
    "paso",
    "terloops",
    "passagem",
    "just",
    "random",
    "terceiro",
    "dos",
    "tres",
    "three",
    "zwei",
    "drei",
    "deux",
    "trois",
    "twee",
    "drie",
    "dois",
    "duas",
    "yo",
    "eu",
];

/// The words a lead-in is made of, in the six languages (folded): the nouns and verbs of
/// proposing and of talking; the small words around them are [`SMALL_WORDS`].
///
/// Why a vocabulary and not a list of lead-ins: "Sugestão:", "Mein Vorschlag:", "Here's an
/// idea:", "Se me ocurre un tema:", "Une idée de ma part :" are endless combinations of few
/// words. A head before a colon made only of these words announces what follows; a head with
/// any other word ("Pricing:", "Onboarding juniors:") is itself the title.
const LEADIN_WORDS: &[&str] = &[
    "suggestion",
    "suggestions",
    "idea",
    "ideas",
    "proposal",
    "topic",
    "topics",
    "propose",
    "suggest",
    "vorschlag",
    "vorschlage",
    "thema",
    "themen",
    "idee",
    "ideen",
    "schlage",
    "proposition",
    "propositions",
    "sujet",
    "sujets",
    "propuesta",
    "propuestas",
    "tema",
    "temas",
    "sugerencia",
    "sugerencias",
    "propongo",
    "ocurre",
    "voorstel",
    "voorstellen",
    "onderwerp",
    "onderwerpen",
    "stel",
    "sugestao",
    "sugestoes",
    "ideia",
    "ideias",
    "proposta",
    "propostas",
    "proponho",
    "sugiro",
    "suggestie",
    "suggesties",
    "pequeña",
    // Nouns of a thought or a question put to the group: "Quick thought:", "Kurze Frage:",
    // "Une question :" announce what follows.
    "thought",
    "thoughts",
    "question",
    "gedanke",
    "frage",
    "pensee",
    "pensamiento",
    "pregunta",
    "gedachte",
    "vraag",
    "pensamento",
    "pergunta",
    // Verbs of talking and what is talked about: "Something I'd like to discuss:", "Was ich
    // gern besprechen würde:", "Algo de lo que hablar:".
    "something",
    "thing",
    "discuss",
    "talk",
    "about",
    "raise",
    "cover",
    "etwas",
    "was",
    "besprechen",
    "sprechen",
    "reden",
    "uber",
    "wurde",
    "quelque",
    "chose",
    "parler",
    "discuter",
    "aborder",
    "algo",
    "hablar",
    "tratar",
    "lo",
    "que",
    "iets",
    "bespreken",
    "praten",
    "over",
    "coisa",
    "falar",
    "discutir",
    "sobre",
    // Wanting to talk: "What I'd love to discuss:", "Something I'm keen on:", "My two
    // cents:".
    "cents",
    "what",
    "love",
    "keen",
    "want",
    "wanted",
    "really",
    // Things (counted by small words): "Yo propondría dos cosas:", "Two things:", "Drei Dinge:".
    "things",
    "cosas",
    "cosa",
    "coisas",
    "choses",
    "dinge",
    "dingen",
];

/// Whether a head before a colon only announces a topic (every word a lead-in word, and at
/// least one noun or verb of proposing among them).
pub(super) fn is_leadin(head: &str) -> bool {
    let f = fold(head);
    let ws: Vec<&str> = f
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // German joins its nouns: "Themenvorschlag", "Diskussionsidee" end on a lead-in noun.
    // Verbs of proposing come in many forms ("propondría", "proporia", "proposerais",
    // "suggérerais", "sugeriría", "zou voorstellen"): their stems, not their forms.
    let proposing = |w: &&str| {
        ["propo", "sugg", "suger", "sugir", "vorschl", "voorstel"]
            .iter()
            .any(|stem| w.starts_with(stem))
    };
    let leadin = |w: &&str| {
        LEADIN_WORDS.contains(w)
            || SMALL_WORDS.contains(w)
            || proposing(w)
            || ["vorschlag", "idee", "thema", "themen"]
                .iter()
                .any(|n| w.len() > n.len() + 2 && w.ends_with(n))
    };
    // "And: X", "Und: X", "Aussi : X" — a connective alone before the colon only continues.
    // "Und dann noch:", "Daarnaast:", "And then:", "Et puis :", "Además:" — words of going on
    // to the next thing, up to three of them.
    let connective = [
        "and",
        "also",
        "plus",
        "und",
        "auch",
        "et",
        "aussi",
        "y",
        "tambien",
        "en",
        "ook",
        "e",
        "tambem",
        "then",
        "dann",
        "noch",
        "puis",
        "ensuite",
        "luego",
        "ademas",
        "daarnaast",
        "verder",
        "dan",
        "nog",
        "depois",
        "alem",
        "disso",
        "besides",
        "ausserdem",
        "zudem",
        "finally",
        "lastly",
        "enfin",
        "por",
        "ultimo",
        "tot",
        "slot",
        "schliesslich",
    ];
    if ws.len() <= 3 && !ws.is_empty() && ws.iter().all(|w| connective.contains(w)) {
        return true;
    }
    // "Here's one:", "Here are mine:", "Voici le mien :", "Hier eins:": a head that only
    // points at what follows, with no word of its own.
    let pointing = [
        "here's", "heres", "here", "voici", "voila", "hier", "aqui", "hierbij", "eis",
    ];
    let own = [
        "one", "mine", "eins", "meins", "meine", "le", "mien", "miens", "la", "mienne", "un",
        "une", "uno", "mio", "mios", "los", "el", "een", "mijne", "de", "mijn", "um", "meu",
        "meus", "o", "os", "is", "are", "ist", "sind", "es", "est",
    ];
    if (2..=4).contains(&ws.len())
        && pointing.contains(&ws[0])
        && ws[1..].iter().all(|w| own.contains(w))
    {
        return true;
    }
    !ws.is_empty()
        && ws.len() <= 6
        && ws.iter().all(leadin)
        && ws.iter().any(|w| !SMALL_WORDS.contains(w))
}

/// Openings (folded) that introduce a topic rather than name it.
const TITLE_LEADINS: &[&str] = &[
    "i'd like to talk about ",
    "i would like to talk about ",
    "i'd like to discuss ",
    "i would like to discuss ",
    "i'd love to talk about ",
    "i'd love to discuss ",
    "i'd like to hear about ",
    "i would like to hear about ",
    "i propose ",
    "i suggest ",
    "i'd suggest ",
    "how about ",
    "what about ",
    "maybe we could talk about ",
    "maybe we could discuss ",
    "could we talk about ",
    "could we discuss ",
    "can we talk about ",
    "can we discuss ",
    "let's talk about ",
    "lets talk about ",
    "let's discuss ",
    "suggestion: ",
    "idea: ",
    "ich wurde gerne uber ",
    "ich mochte gerne uber ",
    "je voudrais parler de ",
    "me gustaria hablar de ",
    "ik wil het graag hebben over ",
    "gostaria de falar sobre ",
];

/// `t` without the opening that folds to `prefix` (accents and case ignored).
fn strip_folded_prefix<'t>(t: &'t str, prefix: &str) -> Option<&'t str> {
    let mut acc = String::new();
    for (i, c) in t.char_indices() {
        acc.push_str(&fold(&c.to_string()));
        if acc == prefix {
            return Some(&t[i + c.len_utf8()..]);
        }
        if !prefix.starts_with(acc.as_str()) {
            return None;
        }
    }
    None
}

fn clean_title(t: &str) -> String {
    let mut t = squash(t);
    let folded = fold(&t);
    for lead in TITLE_LEADINS {
        if !folded.starts_with(lead) {
            continue;
        }
        if let Some(rest) = strip_folded_prefix(&t, lead) {
            let rest = rest.trim().to_string();
            if !rest.is_empty() {
                let mut c = rest.chars();
                t = match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => rest,
                };
            }
            break;
        }
    }
    t.trim_end_matches(['.', ',', ';', '?', '!'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_topics() {
        let t = topics_in("Hi all,\n\n- Pricing: how do you charge?\n- Burnout\n\nThanks,\nAnn");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].title, "Pricing");
        assert_eq!(t[0].details.as_deref(), Some("how do you charge?"));
        assert_eq!(t[1].title, "Burnout");
        let t = topics_in("Topic: Tools we use\nEditors, CI.\n");
        assert_eq!(t[0].title, "Tools we use");
        let t = topics_in("pricing; contracts; burnout");
        assert_eq!(t.len(), 3);
        // Questions under a heading are items, however long.
        let t = topics_in(
            "Two from me:\nHow do you deal with VAT on foreign clients?\nWho does holiday cover for you?",
        );
        assert_eq!(t.len(), 2);
        // A line with its own detail, then a bare phrase: two items.
        let t = topics_in("AOV: wel of niet?\nZelf je boekhouding doen");
        assert_eq!(t.len(), 2);
        // A line of addition adds an item.
        let t = topics_in(
            "Something on pensions would be great.\nAlso: how do you all do your bookkeeping?",
        );
        assert_eq!(t.len(), 2);
        assert!(t[1].title.starts_with("how do you"), "{:?}", t[1].title);
        // A closing sent from a place is no topic.
        let t = topics_in("Wer hat seine Website selbst gebaut?\n\nSchöne Grüße aus Köln\nMichael");
        assert_eq!(t.len(), 1);
    }
}

#[cfg(test)]
mod table {
    //! Many small replies and how a person reads them.
    use super::*;

    #[test]
    fn lists_lead_ins_and_semicolons() {
        let titles =
            |t: &str| -> Vec<String> { topics_in(t).into_iter().map(|t| t.title).collect() };
        assert_eq!(
            titles("Topics: insurance for freelancers; how to find a good accountant; pensions"),
            [
                "insurance for freelancers",
                "how to find a good accountant",
                "pensions"
            ]
        );
        assert_eq!(
            titles("Two ideas from me:\n\nRaising prices for existing clients\nTaking holidays as a one-person business"),
            ["Raising prices for existing clients", "Taking holidays as a one-person business"]
        );
        assert_eq!(
            titles("Tax deadlines for freelancers\nInvoicing software"),
            ["Tax deadlines for freelancers", "Invoicing software"]
        );
        // A title and its detail stay one topic.
        assert_eq!(
            titles("Pricing workshops\nHow do you price them?"),
            ["Pricing workshops"]
        );
        assert_eq!(
            titles("Something I'd like to discuss: pricing for repeat clients."),
            ["pricing for repeat clients"]
        );
        assert_eq!(
            titles("Quick thought: contracts for small jobs"),
            ["contracts for small jobs"]
        );
        assert_eq!(
            titles("Ich hätte gern ein Thema: Homeoffice und Familie."),
            ["Homeoffice und Familie"]
        );
        // Remarks on the topic above are its details, not topics.
        let t = topics_in(
            "Burnout and how to spot it early.\n\nHappy to lead this one if people want.",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0]
            .details
            .as_deref()
            .is_some_and(|d| d.contains("lead this one")));
        assert_eq!(
            topics_in("Insurance\n\nP.S. Thanks for organising!").len(),
            1
        );
        assert_eq!(
            topics_in("Pricing\n\nIt would also be good to discuss hiring.").len(),
            2
        );
        // Under a heading an item may be a question; a greeting on the item's line goes.
        assert_eq!(
            titles("Ideias:\n\nSite próprio vale a pena?\nLinkedIn para freelancers"),
            ["Site próprio vale a pena", "LinkedIn para freelancers"]
        );
        assert_eq!(
            titles("Olá! Minha sugestão: férias sendo autônomo.\n\nAté mais,\nGabi"),
            ["férias sendo autônomo"]
        );
    }

    #[test]
    fn shapes_of_the_hand9_round() {
        let titles =
            |t: &str| -> Vec<String> { topics_in(t).into_iter().map(|t| t.title).collect() };
        // A bare name under a sentence signs off, whoever's it is; under bare words it may
        // be an item.
        assert_eq!(
            titles("Contracts for tiny jobs - worth it?\n\nPriya"),
            ["Contracts for tiny jobs"]
        );
        assert_eq!(titles("Pricing\n\nBurnout"), ["Pricing", "Burnout"]);
        // A letter's close above the last name line.
        assert_eq!(
            titles("Burnout and how to spot it\n\nHave a lovely weekend,\nPri"),
            ["Burnout and how to spot it"]
        );
        // Short comma lists, how-to lines, a counting lead-in.
        assert_eq!(
            titles("pricing, burnout, contracts"),
            ["pricing", "burnout", "contracts"]
        );
        assert_eq!(
            titles("Marketing no Instagram\nComo fidelizar clientes pequenos").len(),
            2
        );
        assert_eq!(
            titles("Yo propondría dos cosas: cómo subir precios y qué poner en los contratos."),
            ["cómo subir precios", "qué poner en los contratos"]
        );
        // A qualified lead-in and a connective head only announce.
        assert_eq!(
            titles("Outro tema possível: a formação contínua."),
            ["a formação contínua"]
        );
        assert!(is_leadin("Und dann noch"));
        assert!(is_leadin("Here's one"));
        assert!(!is_leadin("Pricing"));
    }

    #[test]
    fn topic_titles_lose_their_openings() {
        let t = topics_in("I'd like to discuss pricing for small clients.");
        assert_eq!(t[0].title, "Pricing for small clients");
        let t = topics_in("Ich würde gerne über Preise sprechen.");
        assert_eq!(t[0].title, "Preise sprechen");
    }
}
