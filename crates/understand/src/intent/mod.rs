//! What the sender's own words mean, in the context of what they answer.
//!
//! English first, and the common words of German, French, Spanish, Dutch and Portuguese.
//! Words are compared lower-cased with accents folded ("peut-être" = "peut etre").
//! Whenever a person could not tell, the answer is `Unclear` with a reason: never a guess.

use crate::text::{fold, squash};
use crate::{Asked, Intent, Response, Topic};

/// Reads the words for `asked`. `subject` helps only where calendar apps put the answer there.
pub(crate) fn from_text(
    text: &str,
    subject: &str,
    asked: Option<Asked>,
    _is_reply: bool,
) -> Intent {
    let text = text.trim();
    match asked {
        Some(Asked::Rsvp) => {
            if text.is_empty() {
                if let Some(r) =
                    crate::itip::answer_in_subject(subject).or_else(|| subject_answer(subject))
                {
                    return Intent::Rsvp {
                        response: r,
                        note: None,
                    };
                }
                return Intent::unclear("empty reply");
            }
            // "+1" under an announcement is a yes.
            if matches!(text, "+1" | "+1!" | "+ 1") {
                return Intent::Rsvp {
                    response: Yes,
                    note: None,
                };
            }
            match rsvp(text) {
                Rsvp::Answer(response, note) => Intent::Rsvp { response, note },
                Rsvp::Mixed => Intent::unclear("the reply says both yes and no"),
                Rsvp::Nothing => {
                    if let Some(v) = votes(text) {
                        return Intent::Votes { votes: v };
                    }
                    if let Some(t) = explicit_topics(text) {
                        return Intent::Topics { topics: t };
                    }
                    if let Some(r) = crate::itip::answer_in_subject(subject) {
                        return Intent::Rsvp {
                            response: r,
                            note: None,
                        };
                    }
                    Intent::unclear("could not tell YES, NO or MAYBE")
                }
            }
        }
        Some(Asked::Topics) => {
            if text.is_empty() {
                return Intent::unclear("empty reply");
            }
            if let Some(v) = votes(text) {
                return Intent::Votes { votes: v };
            }
            if let Some(t) = explicit_topics(text) {
                return Intent::Topics { topics: t };
            }
            if let Rsvp::Answer(response, note) = bare_rsvp(text) {
                return Intent::Rsvp { response, note };
            }
            if is_non_answer(text) {
                return Intent::unclear("no topic in the reply");
            }
            let topics = topics_in(text);
            if topics.is_empty() {
                Intent::unclear("no topic in the reply")
            } else {
                Intent::Topics { topics }
            }
        }
        Some(Asked::Takeaways) => {
            if text.is_empty() {
                return Intent::unclear("empty reply");
            }
            if is_non_answer(text) {
                return Intent::unclear("no takeaway in the reply");
            }
            let t = takeaways_in(text);
            if t.is_empty() {
                Intent::unclear("no takeaway in the reply")
            } else {
                Intent::Takeaways { takeaways: t }
            }
        }
        Some(Asked::Followup) => {
            if text.is_empty() {
                return Intent::unclear("empty reply");
            }
            join_or_decline(text)
        }
        None => {
            if text.is_empty() {
                if let Some(r) =
                    crate::itip::answer_in_subject(subject).or_else(|| subject_answer(subject))
                {
                    return Intent::Rsvp {
                        response: r,
                        note: None,
                    };
                }
                return Intent::unclear("empty message");
            }
            if let Some(v) = votes(text) {
                return Intent::Votes { votes: v };
            }
            if let Some(t) = explicit_topics(text) {
                return Intent::Topics { topics: t };
            }
            if let Rsvp::Answer(response, note) = bare_rsvp(text) {
                return Intent::Rsvp { response, note };
            }
            let f = fold(text);
            let w = crate::text::words(&f);
            if w.len() <= 3 && w.first().is_some_and(|x| x == "join") {
                return Intent::Join;
            }
            Intent::unclear("not an answer to anything we asked, and no YES/NO, +1 or TOPIC form")
        }
    }
}

// ---------------------------------------------------------------------------------------
// RSVP
// ---------------------------------------------------------------------------------------

/// An answer written into the Subject of an otherwise empty reply: "YES - Re: Roundtable",
/// "Re: Roundtable: maybe".
fn subject_answer(subject: &str) -> Option<Response> {
    let (rest, _, _) = crate::text::strip_subject_prefixes(subject);
    let words = tokens(rest);
    // The answer must stand apart from the Subject's other words: "Yes", "YES - Re: …",
    // "Roundtable: maybe"; never "No calendar event here".
    if let Some((r, n)) = leading_answer(&words) {
        let after = rest[words[n - 1].end..].trim_start();
        if words.len() <= 3 || after.starts_with(['-', ':', '–', '—', ',', '!', '/', '|']) {
            return Some(r);
        }
    }
    let last = words.last()?;
    let before = rest[..last.start].trim_end();
    if !before.is_empty() && !before.ends_with(['-', ':', '–', '—', ',', '/', '|']) {
        return None;
    }
    match last.folded.as_str() {
        "yes" | "ja" | "oui" | "si" | "sim" => Some(Yes),
        "no" | "nein" | "non" | "nee" | "nao" => Some(No),
        "maybe" | "vielleicht" | "misschien" | "talvez" | "quizas" => Some(Maybe),
        _ => None,
    }
}

/// The outcome of reading an RSVP.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Rsvp {
    Answer(Response, Option<String>),
    Mixed,
    Nothing,
}

use Response::{Maybe, No, Yes};

/// Phrases (folded, as word sequences) that answer anywhere in the first sentences.
/// Longer phrases are tried first, so "no problem" is a yes before "no" is a no.
const PHRASES: &[(&str, Response)] = &[
    // English: negations and idioms first.
    ("definitely not", No),
    ("absolutely not", No),
    ("certainly not", No),
    ("of course not", No),
    ("probably not", No),
    ("likely not", No),
    ("sadly no", No),
    ("sorry no", No),
    ("unfortunately no", No),
    ("see you next time", No),
    ("not attending", No),
    ("i'm out", No),
    ("im out", No),
    ("i can't", No),
    ("i cannot", No),
    ("no problem", Yes),
    ("no problems", Yes),
    ("no prob", Yes),
    ("no worries", Yes),
    ("not a problem", Yes),
    ("i don't think so", No),
    ("i dont think so", No),
    ("don't think so", No),
    ("dont think so", No),
    ("don't think i can", No),
    ("don't think i'll make it", No),
    ("not sure", Maybe),
    ("i'm not sure", Maybe),
    ("unsure", Maybe),
    ("don't know yet", Maybe),
    ("dont know yet", Maybe),
    ("do not know yet", Maybe),
    ("not certain", Maybe),
    ("can't say yet", Maybe),
    ("cannot say yet", Maybe),
    ("can't promise", Maybe),
    ("will try", Maybe),
    ("i'll try", Maybe),
    ("i will try", Maybe),
    ("try to make it", Maybe),
    ("hope to make it", Maybe),
    ("might make it", Maybe),
    ("might come", Maybe),
    ("might be able", Maybe),
    ("tentative", Maybe),
    ("tentatively", Maybe),
    ("tbd", Maybe),
    ("maybe next time", No),
    ("next time", No),
    ("count me out", No),
    ("can't make it", No),
    ("cant make it", No),
    ("cannot make it", No),
    ("can not make it", No),
    ("won't make it", No),
    ("wont make it", No),
    ("will not make it", No),
    ("not going to make it", No),
    ("won't be able", No),
    ("will not be able", No),
    ("wont be able", No),
    ("not be able to", No),
    ("unable to", No),
    ("not able to", No),
    ("can't come", No),
    ("cant come", No),
    ("cannot come", No),
    ("can't attend", No),
    ("cannot attend", No),
    ("can't join", No),
    ("won't be there", No),
    ("will not be there", No),
    ("won't come", No),
    ("can't be there", No),
    ("cannot be there", No),
    ("not attending", No),
    ("not coming", No),
    ("not come", No),
    ("won't attend", No),
    ("will miss", No),
    ("i'll miss", No),
    ("have to miss", No),
    ("have to skip", No),
    ("i'll skip", No),
    ("have to pass", No),
    ("i'll pass", No),
    ("must decline", No),
    ("have to decline", No),
    ("decline", No),
    ("declined", No),
    ("declines", No),
    ("regrets", No),
    ("unfortunately not", No),
    ("sadly not", No),
    ("not this time", No),
    ("out of town", No),
    ("count me in", Yes),
    ("sign me up", Yes),
    ("i'm in", Yes),
    ("im in", Yes),
    ("i am in", Yes),
    ("i'll be there", Yes),
    ("ill be there", Yes),
    ("i will be there", Yes),
    ("will be there", Yes),
    ("be there", Yes),
    ("see you there", Yes),
    ("see you then", Yes),
    ("see you tuesday", Yes),
    ("see you soon", Yes),
    ("see you", Yes),
    ("bis dienstag", Yes),
    ("a mardi", Yes),
    ("hasta el martes", Yes),
    ("see you on", Yes),
    ("looking forward", Yes),
    ("i'll come", Yes),
    ("i will come", Yes),
    ("i'm coming", Yes),
    ("i am coming", Yes),
    ("i'll attend", Yes),
    ("i will attend", Yes),
    ("will attend", Yes),
    ("attending", Yes),
    ("i can make it", Yes),
    ("can make it", Yes),
    ("i can come", Yes),
    ("i'll join", Yes),
    ("i will join", Yes),
    ("has accepted", Yes),
    ("accepted", Yes),
    ("accept", Yes),
    ("has declined", No),
    ("has tentatively accepted", Maybe),
    ("tentatively accepted", Maybe),
    // German
    ("leider nicht", No),
    ("leider kann ich nicht", No),
    ("kann leider nicht", No),
    ("kann nicht", No),
    ("ich kann nicht", No),
    ("ich komme nicht", No),
    ("komme nicht", No),
    ("nicht dabei", No),
    ("bin nicht dabei", No),
    ("absagen", No),
    ("muss absagen", No),
    ("sage ab", No),
    ("bin dabei", Yes),
    ("ich bin dabei", Yes),
    ("ich komme", Yes),
    ("komme gerne", Yes),
    ("ich bin da", Yes),
    ("bis dann", Yes),
    ("weiss noch nicht", Maybe),
    ("weiß noch nicht", Maybe),
    ("mal sehen", Maybe),
    ("mal schauen", Maybe),
    ("vielleicht", Maybe),
    ("eventuell", Maybe),
    ("nicht sicher", Maybe),
    // French
    ("pas de probleme", Yes),
    ("sans probleme", Yes),
    ("je ne peux pas", No),
    ("ne pourrai pas", No),
    ("je ne pourrai pas", No),
    ("je ne viendrai pas", No),
    ("ne viendrai pas", No),
    ("pas cette fois", No),
    ("malheureusement pas", No),
    ("malheureusement non", No),
    ("je viens", Yes),
    ("je viendrai", Yes),
    ("je serai la", Yes),
    ("serai present", Yes),
    ("serai presente", Yes),
    ("avec plaisir", Yes),
    ("je ne sais pas encore", Maybe),
    ("je ne sais pas", Maybe),
    ("pas sur", Maybe),
    ("pas sure", Maybe),
    ("peut etre", Maybe),
    ("peutetre", Maybe),
    // Spanish
    ("no hay problema", Yes),
    ("sin problema", Yes),
    ("no puedo", No),
    ("no podre", No),
    ("no podré", No),
    ("no voy", No),
    ("no ire", No),
    ("no asistire", No),
    ("esta vez no", No),
    ("lamentablemente no", No),
    ("desafortunadamente no", No),
    ("alli estare", Yes),
    ("ahi estare", Yes),
    ("alla estare", Yes),
    ("cuenta conmigo", Yes),
    ("contad conmigo", Yes),
    ("asistire", Yes),
    ("voy a ir", Yes),
    ("no estoy seguro", Maybe),
    ("no estoy segura", Maybe),
    ("no se todavia", Maybe),
    ("no lo se", Maybe),
    ("tal vez", Maybe),
    ("quizas", Maybe),
    ("quiza", Maybe),
    ("a lo mejor", Maybe),
    ("puede ser", Maybe),
    // Dutch
    ("geen probleem", Yes),
    ("ik kan niet", No),
    ("kan niet", No),
    ("kan helaas niet", No),
    ("helaas niet", No),
    ("ik kom niet", No),
    ("ben er niet", No),
    ("ik kom", Yes),
    ("ik ben erbij", Yes),
    ("ben erbij", Yes),
    ("ik ben er", Yes),
    ("tot dan", Yes),
    ("weet ik nog niet", Maybe),
    ("weet nog niet", Maybe),
    ("misschien", Maybe),
    ("wellicht", Maybe),
    // Portuguese
    ("sem problema", Yes),
    ("nao posso", No),
    ("nao vou", No),
    ("nao poderei", No),
    ("nao consigo", No),
    ("infelizmente nao", No),
    ("desta vez nao", No),
    ("estarei la", Yes),
    ("conte comigo", Yes),
    ("pode contar comigo", Yes),
    ("eu vou", Yes),
    ("vou sim", Yes),
    ("nao sei ainda", Maybe),
    ("ainda nao sei", Maybe),
    ("nao tenho certeza", Maybe),
    ("nao sei", Maybe),
    ("talvez", Maybe),
    // Single words, anywhere in the first sentence.
    ("maybe", Maybe),
    ("perhaps", Maybe),
    ("possibly", Maybe),
];

/// Words that answer only when they lead the reply ("Yes, …", "Sure!", "Nope").
const LEADING: &[(&str, Response)] = &[
    ("yes", Yes),
    ("yeah", Yes),
    ("yea", Yes),
    ("yep", Yes),
    ("yup", Yes),
    ("ya", Yes),
    ("sure", Yes),
    ("ok", Yes),
    ("okay", Yes),
    ("absolutely", Yes),
    ("definitely", Yes),
    ("certainly", Yes),
    ("of course", Yes),
    ("gladly", Yes),
    ("sounds good", Yes),
    ("great", Yes),
    ("coming", Yes),
    ("attending", Yes),
    ("y", Yes),
    ("ja", Yes),
    ("jawohl", Yes),
    ("jep", Yes),
    ("gerne", Yes),
    ("gern", Yes),
    ("klar", Yes),
    ("natuerlich", Yes),
    ("naturlich", Yes),
    ("selbstverstandlich", Yes),
    ("zusage", Yes),
    ("oui", Yes),
    ("ouais", Yes),
    ("bien sur", Yes),
    ("volontiers", Yes),
    ("d'accord", Yes),
    ("si", Yes),
    ("claro", Yes),
    ("por supuesto", Yes),
    ("vale", Yes),
    ("zeker", Yes),
    ("graag", Yes),
    ("jazeker", Yes),
    ("prima", Yes),
    ("sim", Yes),
    ("com certeza", Yes),
    ("vou", Yes),
    ("👍", Yes),
    ("no", No),
    ("nope", No),
    ("nah", No),
    ("n", No),
    ("sorry", No),
    ("unfortunately", No),
    ("nein", No),
    ("leider", No),
    ("non", No),
    ("nee", No),
    ("neen", No),
    ("nao", No),
    ("helaas", No),
    ("lamentablemente", No),
    ("desafortunadamente", No),
    ("malheureusement", No),
    ("infelizmente", No),
    ("👎", No),
    ("maybe", Maybe),
    ("perhaps", Maybe),
    ("possibly", Maybe),
    ("probably", Maybe),
    ("vielleicht", Maybe),
    ("eventuell", Maybe),
    ("evtl", Maybe),
    ("peut etre", Maybe),
    ("peutetre", Maybe),
    ("quizas", Maybe),
    ("quiza", Maybe),
    ("tal vez", Maybe),
    ("misschien", Maybe),
    ("talvez", Maybe),
    ("🤷", Maybe),
];

/// Greeting words that may open a reply before the answer.
const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "hallo",
    "hoi",
    "bonjour",
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
struct Word {
    folded: String,
    start: usize,
    end: usize,
}

/// Tokenises into words (letters, digits, apostrophes, and emoji as words of their own).
fn tokens(s: &str) -> Vec<Word> {
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
fn phrase_at(words: &[Word], i: usize, phrase: &str) -> Option<usize> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    if i + parts.len() > words.len() {
        return None;
    }
    for (k, p) in parts.iter().enumerate() {
        let w = &words[i + k].folded;
        let w = w.replace('’', "'");
        if w != *p {
            return None;
        }
    }
    Some(parts.len())
}

/// The longest answer phrase starting at word `i`: fixed phrases, and "can't/won't … come"
/// forms ("I can't come", "we cannot attend", "won't be able to join").
fn longest_phrase_at(ws: &[Word], i: usize) -> Option<(Response, usize)> {
    let fixed = PHRASES
        .iter()
        .filter_map(|(p, r)| phrase_at(ws, i, p).map(|n| (*r, n)))
        .max_by_key(|(_, n)| *n);
    let negated = negated_attendance_at(ws, i);
    match (fixed, negated) {
        (Some(f), Some(n)) => Some(if n.1 > f.1 { n } else { f }),
        (f, n) => f.or(n),
    }
}

/// "can't / cannot / won't / unable to" followed within three words by a verb of coming.
fn negated_attendance_at(ws: &[Word], i: usize) -> Option<(Response, usize)> {
    let w = ws.get(i)?.folded.replace('’', "'");
    let negations = [
        "can't", "cant", "cannot", "won't", "wont", "couldn't", "shan't", "kann", "peux", "puedo",
        "kan", "posso", "consigo",
    ];
    if !negations.contains(&w.as_str()) {
        return None;
    }
    // Romance and Germanic negations need their "not" word: "kann nicht", "ne peux pas".
    let verbs = [
        "come",
        "make",
        "attend",
        "join",
        "be",
        "go",
        "participate",
        "kommen",
        "teilnehmen",
        "venir",
        "assister",
        "ir",
        "asistir",
        "komen",
        "ir",
        "vir",
        "participar",
    ];
    for k in 1..=3 {
        let Some(next) = ws.get(i + k) else {
            break;
        };
        if verbs.contains(&next.folded.as_str()) {
            let english = [
                "can't", "cant", "cannot", "won't", "wont", "couldn't", "shan't",
            ];
            if english.contains(&w.as_str())
                || ws[i + 1..=i + k]
                    .iter()
                    .any(|x| matches!(x.folded.as_str(), "nicht" | "pas" | "niet" | "nao" | "no"))
            {
                return Some((No, k + 1));
            }
        }
    }
    // A bare "I can't." / "Can't, sorry" at the end of a clause.
    if ["can't", "cant", "cannot"].contains(&w.as_str()) && ws.get(i + 1).is_none() {
        return Some((No, 1));
    }
    None
}

/// The span of the text we read an RSVP from: the first sentences, after a greeting.
fn answer_window(text: &str) -> &str {
    // The first paragraph (or two if the first is only a greeting), at most ~300 bytes.
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Skips an opening greeting line ("Hi Bob,") and returns the byte offset where the answer
/// starts.
fn skip_greeting(text: &str) -> usize {
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
    0
}

/// Reads an RSVP anywhere in the first sentences.
pub(crate) fn rsvp(text: &str) -> Rsvp {
    let text = text.trim();
    let offset = skip_greeting(text);
    let body = text[offset..].trim_start();
    let window = answer_window(body);
    let words = tokens(window);
    if words.is_empty() {
        return Rsvp::Nothing;
    }
    // A leading answer word or phrase: "Yes, 15 min late".
    if let Some((resp, n)) = leading_answer(&words) {
        let rest_start = words[n - 1].end;
        if !is_questioned(window, rest_start, resp) {
            let note = note_from(&body[rest_start..]);
            return Rsvp::Answer(resp, note);
        }
    }
    // Idioms anywhere in the first sentences, skipping questions.
    let mut found: Vec<(usize, Response, usize)> = Vec::new();
    let sentences = sentence_spans(window);
    for (s_start, s_end) in sentences.iter().copied().take(4) {
        let sentence = &window[s_start..s_end];
        if sentence.trim_end().ends_with('?') {
            continue;
        }
        let ws = tokens(sentence);
        let mut i = 0;
        while i < ws.len() {
            if let Some((r, n)) = longest_phrase_at(&ws, i) {
                found.push((s_start + ws[i].start, r, n));
                i += n;
            } else {
                i += 1;
            }
        }
    }
    if found.is_empty() {
        return Rsvp::Nothing;
    }
    let first = found[0].1;
    // The note is the reply itself, unless the reply is only the answer ("I'll be there!").
    let note = || {
        let note = note_from(body)?;
        let phrase_words: usize = found.iter().map(|f| f.2).sum();
        (tokens(&note).len() > phrase_words + 2).then_some(note)
    };
    if found.iter().all(|(_, r, _)| *r == first) {
        return Rsvp::Answer(first, note());
    }
    // Mixed answers: the first clause decides if it holds one; else nobody could tell.
    let first_clause_end = window
        .find([',', '.', '!', ';', '\n'])
        .unwrap_or(window.len());
    if found[0].0 < first_clause_end {
        return Rsvp::Answer(first, note());
    }
    Rsvp::Mixed
}

/// Whether a leading answer is really a question: "Yes?", "Maybe we could meet at 7?".
fn is_questioned(window: &str, answer_end: usize, resp: Response) -> bool {
    let after = window[answer_end..].trim_start_matches([' ', '\t']);
    if after.starts_with('?') {
        return true;
    }
    // "Maybe" used as an adverb inside a question (no punctuation after it).
    if resp == Maybe && after.starts_with(|c: char| c.is_alphanumeric()) {
        let sentence_end = after
            .find(['.', '!', '?', '\n'])
            .map(|p| &after[p..p + 1])
            .unwrap_or("");
        return sentence_end == "?";
    }
    false
}

/// Only a leading answer word counts ("Yes", "Nope, sorry", "Vielleicht") or a short reply
/// made of an answer phrase: used when we did not ask.
pub(crate) fn bare_rsvp(text: &str) -> Rsvp {
    let text = text.trim();
    let offset = skip_greeting(text);
    let body = text[offset..].trim_start();
    let window = answer_window(body);
    let words = tokens(window);
    if let Some((resp, n)) = leading_answer(&words) {
        if is_questioned(window, words[n - 1].end, resp) {
            return Rsvp::Nothing;
        }
        let note = note_from(&body[words[n - 1].end..]);
        return Rsvp::Answer(resp, note);
    }
    if tokens(body).len() <= 12 {
        if let Rsvp::Answer(r, n) = rsvp(text) {
            return Rsvp::Answer(r, n);
        }
    }
    Rsvp::Nothing
}

/// An answer at the very start: an idiom phrase, or a leading word.
fn leading_answer(words: &[Word]) -> Option<(Response, usize)> {
    let from_phrases = longest_phrase_at(words, 0);
    let from_leading = LEADING
        .iter()
        .filter_map(|(p, r)| phrase_at(words, 0, p).map(|n| (*r, n)))
        .max_by_key(|(_, n)| *n);
    match (from_phrases, from_leading) {
        (Some(p), Some(l)) => {
            if p.1 >= l.1 {
                Some(p)
            } else {
                Some(l)
            }
        }
        (Some(p), None) => {
            // An idiom leads; a later word may still turn it ("no problem" is whole).
            Some(p)
        }
        (None, Some(l)) => {
            // "Sorry, I can't" and "Unfortunately…" lean no, but "Sorry for the late reply,
            // yes" does not: only trust them when no other answer follows in the sentence.
            if matches!(l.0, No)
                && matches!(
                    words[0].folded.as_str(),
                    "sorry"
                        | "unfortunately"
                        | "leider"
                        | "helaas"
                        | "lamentablemente"
                        | "desafortunadamente"
                        | "malheureusement"
                        | "infelizmente"
                )
            {
                let rest: Vec<Word> = words[1..].iter().take(12).cloned().collect();
                let mut i = 0;
                while i < rest.len() {
                    if let Some((r, n)) = PHRASES
                        .iter()
                        .chain(LEADING.iter().filter(|(p, _)| {
                            matches!(
                                *p,
                                "yes" | "no" | "ja" | "nein" | "oui" | "non" | "si" | "sim"
                            )
                        }))
                        .find_map(|(p, r)| phrase_at(&rest, i, p).map(|n| (*r, n)))
                    {
                        if r != No {
                            return None;
                        }
                        i += n;
                    } else {
                        i += 1;
                    }
                }
                // "Sorry for the delay" alone says nothing.
                let says_cannot = rest.iter().any(|w| {
                    matches!(
                        w.folded.as_str(),
                        "can't"
                            | "cannot"
                            | "cant"
                            | "won't"
                            | "not"
                            | "nicht"
                            | "pas"
                            | "no"
                            | "niet"
                            | "nao"
                            | "unable"
                            | "miss"
                    )
                });
                if !says_cannot && rest.len() > 1 {
                    return None;
                }
            }
            // "no" directly followed by a noun phrase like "no idea" is not an answer.
            if words[0].folded == "no" {
                if let Some(next) = words.get(1) {
                    if matches!(next.folded.as_str(), "idea" | "clue" | "one" | "way") {
                        return None;
                    }
                }
            }
            Some(l)
        }
        (None, None) => None,
    }
}

/// The rest of the reply after the answer, as a one-line note (None when empty).
fn note_from(rest: &str) -> Option<String> {
    let without_closing = strip_closing(rest);
    let rest = without_closing.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '!' | ':' | ';' | '-' | '–' | '—' | ')' | '?')
    });
    let note = squash(rest);
    if note.is_empty() {
        return None;
    }
    let mut end = note.len().min(500);
    while !note.is_char_boundary(end) {
        end -= 1;
    }
    Some(note[..end].to_string())
}

/// Byte spans of sentences: split after . ! ? and at line breaks.
fn sentence_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
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

// ---------------------------------------------------------------------------------------
// Join / decline
// ---------------------------------------------------------------------------------------

fn join_or_decline(text: &str) -> Intent {
    let f = fold(text);
    let words = tokens(answer_window(&f));
    let negators = [
        "not", "don't", "dont", "won't", "wont", "no", "never", "nicht", "kein", "pas", "ne",
        "niet", "geen", "nao", "nunca",
    ];
    // Explicit join words.
    let join_words = [
        "join",
        "joining",
        "member",
        "beitreten",
        "mitglied",
        "rejoindre",
        "membre",
        "unirme",
        "miembro",
        "lid",
        "aansluiten",
        "participar",
        "membro",
        "entrar",
    ];
    for (i, w) in words.iter().enumerate().take(40) {
        if join_words.contains(&w.folded.as_str()) {
            let negated = words[i.saturating_sub(4)..i]
                .iter()
                .any(|p| negators.contains(&p.folded.as_str()));
            if negated {
                return Intent::Decline;
            }
            return Intent::Join;
        }
    }
    let decline_phrases = [
        "no thanks",
        "no thank you",
        "not for me",
        "not interested",
        "i'll pass",
        "pass",
        "nein danke",
        "kein interesse",
        "non merci",
        "pas interesse",
        "no gracias",
        "nee bedankt",
        "geen interesse",
        "nao obrigado",
        "nao obrigada",
        "unsubscribe",
        "remove me",
    ];
    for p in decline_phrases {
        if (0..words.len().min(20)).any(|i| phrase_at(&words, i, p).is_some()) {
            return Intent::Decline;
        }
    }
    match rsvp(text) {
        Rsvp::Answer(Yes, _) => Intent::Join,
        Rsvp::Answer(No, _) => Intent::Decline,
        Rsvp::Answer(Maybe, _) => Intent::unclear("the reply neither joins nor declines (maybe)"),
        Rsvp::Mixed => Intent::unclear("the reply says both yes and no"),
        Rsvp::Nothing => Intent::unclear("could not tell JOIN or no thanks"),
    }
}

// ---------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------

/// "+1 #3", "+1 for 2 and 5", "I'd vote for #4", "#2 +1" → the topic numbers.
pub(crate) fn votes(text: &str) -> Option<Vec<u32>> {
    let mut out: Vec<u32> = Vec::new();
    for line in text.lines().take(60) {
        let l = fold(line);
        let l = l.replace('＋', "+");
        let toks = vote_tokens(&l);
        let mut i = 0;
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
                if t == "+1" && i > 0 {
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
                    continue;
                }
                // "#3 +1" / "3: +1": the number before the trigger.
                if t == "+1" && i > 0 {
                    let prev = toks[..i]
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

// ---------------------------------------------------------------------------------------
// Topics and takeaways
// ---------------------------------------------------------------------------------------

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
            if !title.is_empty() {
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
    let paras: Vec<String> = paragraphs(&body)
        .into_iter()
        .filter(|p| !is_list_heading(p))
        .collect();
    if paras.len() == 1 {
        let p = &paras[0];
        let lines: Vec<&str> = p.lines().collect();
        if lines.len() == 1 && p.contains(';') {
            return p
                .split(';')
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| split_title(s, Vec::new()))
                .collect();
        }
    }
    paras
        .into_iter()
        .map(|p| {
            let mut lines = p.lines();
            let first = lines.next().unwrap_or("").to_string();
            let rest: Vec<String> = lines.map(|l| l.trim().to_string()).collect();
            split_title(&first, rest)
        })
        .filter(|t| !t.title.is_empty())
        .collect()
}

/// A title from a line: "Pricing: how do you charge?" → title "Pricing", details the rest;
/// a long single sentence keeps its first sentence as title and the rest as details.
fn split_title(head: &str, more: Vec<String>) -> Topic {
    let head = head.trim();
    let mut title = head.to_string();
    let mut details: Vec<String> = Vec::new();
    for sep in [": ", " - ", " – ", " — "] {
        if let Some(p) = head.find(sep) {
            if p > 0 && p <= 80 && head.len() > p + sep.len() {
                title = head[..p].to_string();
                details.push(head[p + sep.len()..].trim().to_string());
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
    paragraphs(&body)
        .into_iter()
        .filter(|p| !is_list_heading(p))
        .map(|p| squash(&p))
        .filter(|s| !s.is_empty())
        .collect()
}

/// "My takeaways:", "Here are mine:" — a short line that only announces what follows.
fn is_list_heading(p: &str) -> bool {
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
    let digits: usize = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let (skip_open, digits) = if digits == 0 && (t.starts_with('(') || t.starts_with('#')) {
        (1, t[1..].chars().take_while(|c| c.is_ascii_digit()).count())
    } else {
        (0, digits)
    };
    if digits > 0 && digits <= 3 {
        let after = &t[skip_open + digits..];
        for m in [". ", ") ", ": ", " - ", "- "] {
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
fn list_items(text: &str) -> Vec<(String, Vec<String>)> {
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

/// Paragraphs: blocks separated by blank lines.
fn paragraphs(text: &str) -> Vec<String> {
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
fn strip_greeting_and_closing(text: &str) -> String {
    let text = text.trim();
    let start = skip_greeting(text);
    strip_closing(&text[start..])
}

/// Drops a closing ("Thanks,", "Best regards") and the name lines under it.
fn strip_closing(body: &str) -> String {
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
        if CLOSINGS.contains(&f)
            || (f.split_whitespace().count() <= 4
                && CLOSINGS.iter().any(|c| f.starts_with(&format!("{c},"))))
        {
            cut = Some(idx);
        }
    }
    if let Some(c) = cut {
        lines.truncate(c);
    }
    lines.join("\n")
}

/// Replies that say there is nothing to add ("nothing from me", "no topics this time") or
/// only thank ("Thanks for organising!").
fn is_non_answer(text: &str) -> bool {
    let f = fold(text);
    let w = crate::text::words(&f);
    if w.len() > 12 {
        return false;
    }
    let s = w.join(" ");
    let thanks_only = w.len() <= 6
        && [
            "thanks", "thank", "thx", "cheers", "great", "danke", "merci", "gracias", "bedankt",
            "obrigado", "obrigada", "dank",
        ]
        .contains(&w.first().map(String::as_str).unwrap_or(""))
        && !s.contains(':');
    if thanks_only {
        return true;
    }
    [
        "nothing",
        "no topic",
        "no topics",
        "none",
        "nothing from me",
        "not this time",
        "nichts",
        "keine",
        "rien",
        "nada",
        "niets",
        "geen",
        "no idea",
        "what time",
        "where is",
        "when is",
    ]
    .iter()
    .any(|p| s.starts_with(p))
        || text.trim_end().ends_with('?') && w.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(t: &str) -> Rsvp {
        rsvp(t)
    }

    #[test]
    fn leading_words() {
        assert_eq!(
            answer("yes, 15 min late"),
            Rsvp::Answer(Yes, Some("15 min late".into()))
        );
        assert_eq!(answer("Yes!"), Rsvp::Answer(Yes, None));
        assert_eq!(
            answer("Nein, leider nicht."),
            Rsvp::Answer(No, Some("leider nicht.".into()))
        );
        assert_eq!(answer("Peut-être"), Rsvp::Answer(Maybe, None));
        assert_eq!(answer("Sí"), Rsvp::Answer(Yes, None));
        assert_eq!(answer("quizás"), Rsvp::Answer(Maybe, None));
        assert_eq!(answer("Tal vez"), Rsvp::Answer(Maybe, None));
        assert_eq!(answer("nee"), Rsvp::Answer(No, None));
        assert_eq!(answer("misschien"), Rsvp::Answer(Maybe, None));
        assert_eq!(answer("Não"), Rsvp::Answer(No, None));
        assert_eq!(answer("sim"), Rsvp::Answer(Yes, None));
        assert_eq!(answer("👍"), Rsvp::Answer(Yes, None));
    }

    #[test]
    fn idioms() {
        assert!(matches!(
            answer("No problem, see you there"),
            Rsvp::Answer(Yes, _)
        ));
        assert!(matches!(answer("I don't think so"), Rsvp::Answer(No, _)));
        assert!(matches!(answer("not sure yet"), Rsvp::Answer(Maybe, _)));
        assert!(matches!(answer("Count me in!"), Rsvp::Answer(Yes, None)));
        assert!(matches!(
            answer("Sorry, I can't make it"),
            Rsvp::Answer(No, _)
        ));
        assert!(matches!(
            answer("Hi Bob,\n\nI'll be there."),
            Rsvp::Answer(Yes, _)
        ));
        assert_eq!(answer("what time is it again?"), Rsvp::Nothing);
    }

    #[test]
    fn reads_votes() {
        assert_eq!(votes("+1 #3"), Some(vec![3]));
        assert_eq!(votes("+1 for 2 and 5"), Some(vec![2, 5]));
        assert_eq!(votes("I'd vote for #4"), Some(vec![4]));
        assert_eq!(votes("#2 +1"), Some(vec![2]));
        assert_eq!(votes("see you at 18:30"), None);
    }

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
    }

    #[test]
    fn reads_takeaways() {
        let t = takeaways_in("1. Price by value\n2. Write contracts\n\nCheers,\nBob");
        assert_eq!(t, vec!["Price by value", "Write contracts"]);
        let t = takeaways_in("Pairing helps.\n\nShort meetings work.");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn join_and_decline() {
        assert_eq!(join_or_decline("yes I'd like to join"), Intent::Join);
        assert_eq!(join_or_decline("JOIN"), Intent::Join);
        assert_eq!(join_or_decline("no thanks"), Intent::Decline);
        assert_eq!(join_or_decline("I don't want to join"), Intent::Decline);
    }
}

#[cfg(test)]
mod table {
    //! Many small replies and how a person reads them.
    use super::*;

    fn kind(t: &str) -> Option<Response> {
        match rsvp(t) {
            Rsvp::Answer(r, _) => Some(r),
            _ => None,
        }
    }

    #[test]
    fn rsvp_table() {
        let cases: &[(&str, Option<Response>)] = &[
            ("Yes", Some(Yes)),
            ("yes please", Some(Yes)),
            ("YES!!!", Some(Yes)),
            ("Sure thing", Some(Yes)),
            ("Absolutely!", Some(Yes)),
            ("Definitely not.", Some(No)),
            ("Of course not, I'm away", Some(No)),
            ("Probably not, sorry", Some(No)),
            ("I can't.", Some(No)),
            ("I'd love to but I can't come this time", Some(No)),
            ("We cannot attend, unfortunately.", Some(No)),
            ("Won't be able to join, sorry!", Some(No)),
            ("Sorry for the late reply - yes, I'll come", Some(Yes)),
            ("Sorry, can't make it", Some(No)),
            ("Sorry for the delay.", None),
            ("Thanks!", None),
            ("Thanks, see you there", Some(Yes)),
            ("See you next time!", Some(No)),
            ("No idea yet, maybe", Some(Maybe)),
            ("OK", Some(Yes)),
            ("Is it online?", None),
            ("Can I bring a colleague?", None),
            ("Ja, gerne", Some(Yes)),
            ("Leider nein", Some(No)),
            ("Ich kann leider nicht kommen.", Some(No)),
            ("Ich komme gerne!", Some(Yes)),
            ("Non, désolé", Some(No)),
            ("Je ne pourrai pas venir.", Some(No)),
            ("Sí, allí estaré", Some(Yes)),
            ("No puedo ir esta vez", Some(No)),
            ("Ik kan helaas niet.", Some(No)),
            ("Ik kom!", Some(Yes)),
            ("Não posso, desculpa.", Some(No)),
            ("Talvez", Some(Maybe)),
            ("I might come late", Some(Maybe)),
            ("I will try to make it", Some(Maybe)),
            ("Hello,\nI'm in!\nBob", Some(Yes)),
            ("Yes?", None),
            ("Maybe we could meet at 7 instead?", None),
            ("Maybe, what time does it end?", Some(Maybe)),
            ("Yes, but what time does it end?", Some(Yes)),
        ];
        let mut wrong = Vec::new();
        for (t, want) in cases {
            let got = kind(t);
            if got != *want {
                wrong.push(format!("{t:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn votes_table() {
        let cases: &[(&str, Option<Vec<u32>>)] = &[
            ("+1 #3", Some(vec![3])),
            ("+1 to #2", Some(vec![2])),
            ("+1 for topic 3", Some(vec![3])),
            ("+1 #2 #5", Some(vec![2, 5])),
            ("#3 +1, #4 +1", Some(vec![3, 4])),
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

    #[test]
    fn topic_titles_lose_their_openings() {
        let t = topics_in("I'd like to discuss pricing for small clients.");
        assert_eq!(t[0].title, "Pricing for small clients");
        let t = topics_in("Ich würde gerne über Preise sprechen.");
        assert_eq!(t[0].title, "Preise sprechen");
    }
}
