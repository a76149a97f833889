//! RSVP answers: yes, no or maybe, from idiom phrases anywhere in the first sentences, answer
//! words leading the reply, negated attendance ("can't … come"), and the note that follows.
//! Questions are not answers ("Yes?", "Maybe we could meet at 7?").

use super::words::{
    answer_window, phrase_at, sentence_spans, skip_greeting, strip_closing, tokens, PhraseIndex,
    Word,
};
use crate::text::squash;
use crate::Response;
use Response::{Maybe, No, Yes};

/// An answer written into the Subject of an otherwise empty reply: "YES - Re: Roundtable",
/// "Re: Roundtable: maybe".
pub(super) fn subject_answer(subject: &str) -> Option<Response> {
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
pub(super) const LEADING: &[(&str, Response)] = &[
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
    ("voy", Yes),
    // Words of certainty that answer on their own: "Deffo!", "Auf jeden Fall!", "Sowieso".
    ("deffo", Yes),
    ("defo", Yes),
    ("auf jeden fall", Yes),
    ("evidemment", Yes),
    ("zeker weten", Yes),
    ("sem duvida", Yes),
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

/// The longest answer phrase starting at word `i`: fixed phrases, and "can't/won't … come"
/// forms ("I can't come", "we cannot attend", "won't be able to join").
fn longest_phrase_at(ws: &[Word], i: usize) -> Option<(Response, usize)> {
    static INDEX: std::sync::LazyLock<PhraseIndex<Response>> =
        std::sync::LazyLock::new(|| PhraseIndex::new(PHRASES));
    let fixed = INDEX
        .longest_at(ws, i, phrase_at)
        .into_iter()
        .chain(super::signals::idiom_at(ws, i))
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

/// Reads an RSVP anywhere in the first sentences; a yes hedged in its first sentence
/// ("Probably yes", "Tentatively yes") is a maybe.
pub(crate) fn rsvp(text: &str) -> Rsvp {
    rsvp_weighing(text, true)
}

/// `rsvp`, with or without weighing signals when no idiom matched: only a reply to the
/// announcement is read so (a topic proposal that says "join" or "come" is no RSVP).
fn rsvp_weighing(text: &str, weigh: bool) -> Rsvp {
    match rsvp_unhedged(text, weigh) {
        Rsvp::Answer(Yes, note) => {
            let t = text.trim();
            let window = answer_window(t[skip_greeting(t)..].trim_start());
            let first = sentence_spans(window)
                .first()
                .map_or(window, |&(s, e)| &window[s..e]);
            // "Yes if my train gets back in time", "Ja, wenn nichts dazwischenkommt": a yes
            // under a condition is a maybe, the condition opening the sentence or right
            // after its answer word.
            let ws = tokens(first);
            let yes_if = ws.len() >= 4
                && super::signals::CONDITIONS.contains(&ws[1].folded.as_str())
                // "Sí, sí": the answer said twice, not "si" = if.
                && ws[1].folded != ws[0].folded
                && leading_answer(&ws[..1]).is_some_and(|(r, _)| r == Yes);
            // A hedge phrase after the yes in the same sentence ("Ich komme vielleicht etwas
            // später, muss aber noch schauen"), or an exception ("sauf imprévu"): one hedged
            // answer, as in the idioms' reading.
            let hedge_after = (1..ws.len()).any(|i| {
                super::signals::idiom_at(&ws, i).is_some_and(|(r, n)| {
                    let f: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
                    // "not sure about dinner though": a doubt about something named is no
                    // doubt about coming.
                    let about = f.get(i + n).is_some_and(|w| {
                        matches!(*w, "about" | "uber" | "sur" | "sobre" | "over" | "wegen")
                    });
                    r == Maybe && !about && !(n == 1 && super::signals::hedges_lateness(&f, i))
                })
            });
            // "Ich komme, wenn ich es rechtzeitig aus dem Büro schaffe", "Vou, se der": a
            // condition opening the clause after the yes (after its comma) holds it too.
            // "…, wenn das ok ist", "…, if that's alright" asks leave for something else
            // (bringing someone): no condition on coming.
            let if_after = (1..ws.len().saturating_sub(2)).any(|i| {
                super::signals::CONDITIONS.contains(&ws[i].folded.as_str())
                    && ws[i].folded != ws[0].folded
                    && first
                        .get(ws[i - 1].end..ws[i].start)
                        .is_some_and(|between| between.contains(','))
                    && !ws[i + 1..(i + 4).min(ws.len())]
                        .iter()
                        .any(|w| leave_asking(&w.folded))
            });
            // "Ik kom als het lukt", "I'll come if I can get away": a condition right after
            // the phrase of coming.
            let if_right_after = (0..ws.len()).any(|i| {
                longest_phrase_at(&ws, i).is_some_and(|(r, n)| {
                    r == Yes
                        && ws.get(i + n).is_some_and(|c| {
                            super::signals::CONDITIONS.contains(&c.folded.as_str())
                                && c.folded != ws[0].folded
                                && first
                                    .get(ws[i + n - 1].end..c.start)
                                    .is_some_and(|between| between.trim().is_empty())
                        })
                        && !ws[(i + n + 1).min(ws.len())..(i + n + 4).min(ws.len())]
                            .iter()
                            .any(|w| leave_asking(&w.folded))
                })
            });
            if super::signals::hedged(&ws)
                || super::signals::conditional(first)
                || yes_if
                || if_after
                || if_right_after
                || hedge_after
                || super::signals::excepted(&ws)
            {
                Rsvp::Answer(Maybe, note)
            } else {
                Rsvp::Answer(Yes, note)
            }
        }
        other => other,
    }
}

/// "I'll be in Lisbon that week", "Ich bin da in Hamburg", "je serai à Lyon", "estaré en
/// Sevilla", "ik ben in Gent", "estarei em Lisboa": the writer will be somewhere named, so not
/// here — a decline in a reply to the announcement. A form of "to be" of the writer, a
/// preposition of being in a place, then a name (a capital). No list of towns: the capital
/// after "in" is the signal. Not "at" ("I'll be at Café Lindt" names the venue), and not when
/// a "but" follows it ("I'm in Leeds till Wednesday, but back for Thursday").
fn away_in_a_place(sentence: &str) -> bool {
    let ws = tokens(sentence);
    let f: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
    const BE: &[&[&str]] = &[
        &["i'll", "be"],
        &["i", "will", "be"],
        &["i'm"],
        &["i", "am"],
        &["ich", "bin"],
        &["bin", "ich"],
        &["je", "serai"],
        &["je", "suis"],
        &["estare"],
        &["estoy"],
        &["ik", "ben"],
        &["ik", "zit"],
        // Inverted after a leading word: "die avond zit ik in Rotterdam".
        &["zit", "ik"],
        &["ben", "ik"],
        &["estarei"],
        &["estou"],
        &["vou", "estar"],
    ];
    for i in 0..f.len() {
        for be in BE {
            if f.get(i..i + be.len()) != Some(be) {
                continue;
            }
            let k = i + be.len();
            let (Some(prep), Some(place)) = (f.get(k), ws.get(k + 1)) else {
                continue;
            };
            let capital = sentence[place.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let turned = f[k..].iter().any(|w| super::signals::is_contrast(w));
            if matches!(*prep, "in" | "im" | "a" | "en" | "em" | "nach") && capital && !turned {
                return true;
            }
        }
    }
    false
}

/// Words of a condition that asks leave rather than sets one: "if that's OK", "wenn das
/// recht ist", "si ça ne pose pas de problème" — about something else (a guest, a late
/// arrival), not about coming.
fn leave_asking(w: &str) -> bool {
    matches!(
        w,
        "ok" | "okay"
            | "alright"
            | "fine"
            | "recht"
            | "passt"
            | "bien"
            | "goed"
            | "bem"
            | "problem"
            | "probleem"
            | "problema"
            | "probleme"
    )
}

fn rsvp_unhedged(text: &str, weigh: bool) -> Rsvp {
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
        let (resp, n) = negated_after(window, &words, resp, n);
        // "Vou estar viajando nessa data": a leading verb of coming whose sentence says where
        // else the writer will be declines (a leading "Yes," stays a yes).
        let resp = if resp == Yes && !super::signals::is_yes_word(&words[0].folded) {
            let first = sentence_spans(window)
                .first()
                .map_or(window, |&(s, e)| &window[s..e]);
            let ws = tokens(first);
            if super::signals::elsewhere(&ws)
                && !ws.iter().any(|w| super::signals::is_contrast(&w.folded))
                && !super::signals::hedged(&ws)
            {
                No
            } else {
                resp
            }
        } else {
            resp
        };
        let rest_start = words[n - 1].end;
        if only_another_answer(&words[n..], resp) {
            return Rsvp::Mixed;
        }
        if !is_questioned(window, rest_start, resp) {
            let note = note_from(&body[rest_start..]);
            return Rsvp::Answer(resp, note);
        }
    }
    // Idioms anywhere in the first sentences, skipping questions.
    let mut found: Vec<(usize, Response, usize)> = Vec::new();
    let sentences = sentence_spans(window);
    // Statements to read: each sentence, and of a question the statement before its last
    // comma ("Not sure I can make it yet, can I let you know on Tuesday?").
    let statements: Vec<(usize, usize)> = sentences
        .iter()
        .copied()
        .take(4)
        .filter_map(|(s_start, s_end)| {
            let sentence = &window[s_start..s_end];
            if !sentence.trim_end().ends_with('?') {
                return Some((s_start, s_end));
            }
            let comma = sentence.rfind(',')?;
            let asks = tokens(&sentence[comma..])
                .first()
                .is_some_and(|w| super::signals::ASKING.contains(&w.folded.as_str()));
            let opens_asking = tokens(&sentence[..comma])
                .first()
                .is_none_or(|w| super::signals::ASKING.contains(&w.folded.as_str()));
            (asks && !opens_asking).then_some((s_start, s_start + comma))
        })
        .collect();
    for &(s_start, s_end) in &statements {
        let sentence = &window[s_start..s_end];
        let ws = tokens(sentence);
        let mut i = 0;
        while i < ws.len() {
            let at = |j: usize| {
                let fixed = longest_phrase_at(&ws, j);
                let be = super::signals::be_there_at(sentence, &ws, j);
                match (fixed, be) {
                    (Some(f), Some(b)) => Some(if b.1 > f.1 { b } else { f }),
                    (f, b) => f.or(b),
                }
            };
            if let Some((r, n)) = at(i) {
                // The phrase that reaches furthest wins over one it overlaps: "I can't wait"
                // is "can't wait", not "I can't"; "I can't promise" is "can't promise".
                if let Some(j) = (i + 1..i + n).find(|&j| at(j).is_some_and(|(_, m)| j + m > i + n))
                {
                    i = j;
                    continue;
                }
                let (r, n) = negated_after(sentence, &ws[i..], r, n);
                // "Wouldn't count on me this time": a yes idiom under an English "not".
                let r = if r == Yes && super::signals::negated_before(sentence, &ws, i) {
                    No
                } else {
                    r
                };
                let f: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
                // Under a call for topics (no weighing), a one-word hedge inside a sentence is
                // an adverb of the proposal ("And maybe contracts too"), not an answer.
                if !weigh && r == Maybe && n == 1 && i > 0 {
                    i += n;
                    continue;
                }
                // "Ben misschien iets later": a hedge of lateness is a note, not a maybe.
                if r == Maybe && n == 1 && super::signals::hedges_lateness(&f, i) {
                    i += n;
                    continue;
                }
                // "Vou estar viajando nessa data": a phrase of coming in a statement that says
                // where else the writer will be, with no "but" to turn it, declines.
                let r = if r == Yes
                    && super::signals::elsewhere(&ws)
                    && !f.iter().any(|w| super::signals::is_contrast(w))
                    && !super::signals::hedged(&ws)
                {
                    No
                } else {
                    r
                };
                found.push((s_start + ws[i].start, r, n));
                i += n;
            } else {
                i += 1;
            }
        }
    }
    if found.is_empty() {
        // No idiom: the signals of the first statements decide (see `signals::weigh`).
        for &(s_start, s_end) in statements.iter().take(if weigh { 2 } else { 0 }) {
            if away_in_a_place(&window[s_start..s_end]) {
                return Rsvp::Answer(No, note_from(body));
            }
            if let Some(r) = super::signals::weigh(&tokens(&window[s_start..s_end])) {
                return Rsvp::Answer(r, note_from(body));
            }
        }
        return Rsvp::Nothing;
    }
    // "Não me será possível estar presente", "I'm not able to be there", "je ne pourrai pas
    // être présente": a yes phrase in the clause of a no before it is what the no declines.
    // So within one clause (no punctuation between), a no governs the yes phrases after it.
    for k in 1..found.len() {
        if found[k].1 != Yes {
            continue;
        }
        let governed = found[..k].iter().any(|&(p, r, _)| {
            r == No
                && window.get(p..found[k].0).is_some_and(|between| {
                    !between.contains([',', '.', ';', '!', '?', '\n'])
                            // "can't at 6 but I'll be there at 7": a "but" turns it.
                            && !tokens(between)
                                .iter()
                                .any(|w| super::signals::is_contrast(&w.folded))
                })
        });
        if governed {
            found[k].1 = No;
        }
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
    // A yes and a hedge are one hedged answer ("ich komme voraussichtlich"), not two.
    if found.iter().all(|(_, r, _)| matches!(r, Yes | Maybe)) {
        return Rsvp::Answer(Maybe, note());
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

/// A yes phrase whose own clause goes on into a negation: "Ik ben er helaas niet bij", "Ich
/// komme diesmal leider nicht", "Je serai là… pas". The Germanic languages put "not" after
/// the verb, so a phrase of coming is only read once its clause has been seen to its
/// punctuation: up to three words, one of them a negation, make it a NO.
fn negated_after(text: &str, ws: &[Word], resp: Response, n: usize) -> (Response, usize) {
    if resp != Yes {
        return (resp, n);
    }
    let end = ws[n - 1].end;
    let clause_end = text[end..]
        .find([',', '.', ';', '!', '?', '\n', ':'])
        .map_or(text.len(), |p| end + p);
    let rest: Vec<&Word> = ws[n..]
        .iter()
        .take_while(|w| w.start < clause_end)
        .collect();
    if rest.len() > 3 {
        return (resp, n);
    }
    match rest
        .iter()
        .position(|w| matches!(w.folded.as_str(), "niet" | "nicht" | "not" | "nao" | "pas"))
    {
        Some(k) => (No, n + k + 1),
        None => (resp, n),
    }
}

/// "yes no", "ja / nein", "yes or no": a leading answer followed by nothing but another one.
fn only_another_answer(rest: &[Word], resp: Response) -> bool {
    let rest: Vec<Word> = rest
        .iter()
        .filter(|w| !matches!(w.folded.as_str(), "or" | "oder" | "ou" | "o" | "of"))
        .cloned()
        .collect();
    if rest.is_empty() || rest.len() > 2 {
        return false;
    }
    // "Probably yes", "vielleicht ja": a hedge before an answer is one hedged answer.
    if super::signals::hedged(&[rest_first_hedge(&rest)]) || resp == Maybe {
        return false;
    }
    matches!(leading_answer(&rest), Some((r, n)) if r != resp && n == rest.len())
}

/// A stand-in word for the hedge check (the check takes words).
fn rest_first_hedge(rest: &[Word]) -> Word {
    rest.first().cloned().unwrap_or(Word {
        folded: String::new(),
        start: 0,
        end: 0,
    })
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
        // "Great initiative.", "Super Idee!", "Genial iniciativa": a word of praise with its
        // noun right after it praises the call; it answers no invitation.
        let praise = matches!(
            words[0].folded.as_str(),
            "great" | "super" | "prima" | "genial" | "top" | "perfect" | "excellent" | "cool"
        );
        if praise
            && n == 1
            && window[words[0].end..].starts_with(' ')
            && words
                .get(1)
                .is_some_and(|w| w.folded.chars().all(char::is_alphabetic))
        {
            return Rsvp::Nothing;
        }
        // Under a call for topics, a question is a topic ("Vale a pena sair do MEI esse
        // ano?"): an answer word running on into its words, the sentence ending in "?", asks.
        let after = &window[words[n - 1].end..];
        let sentence_end = after.find(['.', '!', '?', '\n']).map(|p| &after[p..p + 1]);
        if after.starts_with(' ')
            && after[1..].starts_with(char::is_alphanumeric)
            && sentence_end == Some("?")
        {
            return Rsvp::Nothing;
        }
        // "Graag zou ik het hebben over nieuwe opdrachtgevers", "Gerne würde ich über Preise
        // sprechen": the answer word runs on into a long sentence that says nothing of coming
        // — an adverb of the proposal, not an answer.
        let sentence = &after[..after
            .find(['.', '!', '?', '\n', ','])
            .unwrap_or(after.len())];
        if after.starts_with(' ')
            && tokens(sentence).len() >= 6
            && !super::signals::speaks_of_attending(sentence)
        {
            return Rsvp::Nothing;
        }
        let note = note_from(&body[words[n - 1].end..]);
        return Rsvp::Answer(resp, note);
    }
    // A short reply made of an answer phrase — in its first paragraph: under a list of topics
    // or a proposal, "Looking forward to it!" or "See you there," is a pleasantry, not the
    // answer to a question we did not ask.
    let first_para = body.split("\n\n").next().unwrap_or(body);
    if tokens(body).len() <= 12 || tokens(first_para).len() <= 12 {
        if let Rsvp::Answer(r, n) = rsvp_weighing(first_para, false) {
            return Rsvp::Answer(r, n);
        }
    }
    Rsvp::Nothing
}

/// An answer at the very start: an idiom phrase, or a leading word.
fn leading_answer(words: &[Word]) -> Option<(Response, usize)> {
    // A phrase at the start that a later one reaches past is no leading answer: "I can't
    // wait!" is "can't wait", read with the idioms, not "I can't".
    let from_phrases = longest_phrase_at(words, 0).filter(|&(_, n)| {
        !(1..n).any(|j| longest_phrase_at(words, j).is_some_and(|(_, m)| j + m > n))
    });
    static INDEX: std::sync::LazyLock<PhraseIndex<Response>> =
        std::sync::LazyLock::new(|| PhraseIndex::new(LEADING));
    let from_leading = INDEX.longest_at(words, 0, phrase_at);
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
                // Any English "n't" ("doesn't work for me", "isn't possible") says it too.
                let says_cannot = rest.iter().any(|w| {
                    w.folded.ends_with("n't")
                        || matches!(
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
                                | "nein"
                                | "non"
                                | "nee"
                                | "nope"
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

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(t: &str) -> Rsvp {
        rsvp(t)
    }

    #[test]
    fn signals_of_the_hand9_round() {
        let r = |t: &str| match rsvp(t) {
            Rsvp::Answer(r, _) => Some(r),
            _ => None,
        };
        // The phrase reaching furthest wins.
        assert_eq!(r("I can't wait! See you Thursday."), Some(Yes));
        assert_eq!(r("I'd like to, but I can't promise yet."), Some(Maybe));
        // A yes idiom under an English "not" before it.
        assert_eq!(r("Wouldn't count on me this time, sorry."), Some(No));
        // Verb-final German and Dutch.
        assert_eq!(r("Bin auf jeden Fall da."), Some(Yes));
        assert_eq!(r("Ik ben er helaas niet bij."), Some(No));
        // A negated possibility governs the yes in its clause.
        assert_eq!(
            r("Lamento, mas não me será possível estar presente."),
            Some(No)
        );
        // Confirming attendance; away in a named place; a condition after the yes.
        assert_eq!(r("Je confirme ma présence."), Some(Yes));
        assert_eq!(
            r("Thanks for the invite but I'll be in Lisbon that week."),
            Some(No)
        );
        assert_eq!(r("Ik kom als het lukt."), Some(Maybe));
        assert_eq!(
            r("Ich bin dabei 👍 Bringe meine Kollegin mit, wenn das ok ist."),
            Some(Yes)
        );
        // A hedge of lateness leaves the yes.
        assert_eq!(r("I'll be there, though probably a bit late."), Some(Yes));
        // Folded "si" is "if" inside a clause.
        assert_eq!(
            r("Lo intento, pero no sé si llegaré a tiempo."),
            Some(Maybe)
        );
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
    fn clauses_of_an_answer() {
        for (t, want) in [
            ("Llegaré un poco tarde pero voy.", Yes),
            ("Ben misschien iets later, maar ik kom zeker.", Yes),
            ("Vou estar viajando nessa data, fica para a próxima.", No),
            (
                "Yes if my train gets back in time, otherwise next month.",
                Maybe,
            ),
            ("Sí, sí, allí nos vemos.", Yes),
            ("ich bin an dem Tag unterwegs, daher diesmal ohne mich.", No),
            ("Muss noch schauen, ob ich das hinkriege.", Maybe),
            ("I'd love to come but the train gets in late.", Maybe),
        ] {
            match answer(t) {
                Rsvp::Answer(r, _) => assert_eq!(r, want, "{t}"),
                // The last: nobody could tell; "unclear" is the honest reading.
                other => assert!(want == Maybe && t.starts_with("I'd love"), "{t}: {other:?}"),
            }
        }
        // Under a call for topics, a question that opens with an answer word asks.
        assert_eq!(
            bare_rsvp("Vale a pena sair do MEI esse ano?"),
            Rsvp::Nothing
        );
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
    fn signals_of_issue_12_unseen3() {
        // A yes phrase whose clause runs into a negation; being elsewhere; difficulty; a
        // condition closed by a comma; verbs of showing up.
        for (t, want) in [
            ("Ik ben er helaas niet bij.", No),
            ("Ich komme diesmal leider nicht.", No),
            ("Ik ben erbij, tot donderdag!", Yes),
            ("I'm in, not sure about dinner though.", Yes),
            ("Lo veo difícil esa semana, la verdad.", No),
            ("Sadly I'm travelling that week.", No),
            ("Ich bin an dem Tag auf Dienstreise.", No),
            ("Je suis en vacances cette semaine-là.", No),
            ("Estoy de viaje esa semana.", No),
            ("Ik zit die week in het buitenland.", No),
            ("Unfortunately I'm double-booked that evening.", No),
            ("Going to have to give this one a miss.", No),
            ("Wenn nichts dazwischenkommt, bin ich dabei.", Maybe),
            ("Se der, eu apareço.", Maybe),
            ("If work allows, I'm in.", Maybe),
            ("Si, voy.", Yes),
            ("Bin am Start!", Yes),
            ("Ik ben van de partij!", Yes),
            ("Hi all - it's looking unlikely but not impossible.", Maybe),
            ("Leider nein, ich bin krank.", No),
            ("Sorry, I'm ill this week.", No),
            ("No lo tengo claro todavía, os digo algo.", Maybe),
            ("Uf, esta vez me la pierdo.", No),
        ] {
            assert_eq!(kind(t), Some(want), "{t}");
        }
    }

    #[test]
    fn a_pleasantry_under_a_proposal_is_no_answer() {
        for t in [
            "Pricing for repeat clients.\n\nLooking forward to it!",
            "- Website refresh\n- Newsletter ideas\n- Finding clients abroad\n\nSee you there,",
        ] {
            assert!(matches!(bare_rsvp(t), Rsvp::Nothing), "{t}");
        }
        assert!(matches!(bare_rsvp("See you there!"), Rsvp::Answer(Yes, _)));
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
            // Two answers and nothing else: a failed RSVP, not a yes.
            ("yes no", None),
            ("Yes or no", None),
            ("ja / nein", None),
            ("Yes, no problem", Some(Yes)),
            ("No, sorry", Some(No)),
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
}

#[cfg(test)]
mod idioms_and_hedges {
    //! Answers as people write them, six languages: idioms, hedges, exceptions, "yes, but".
    #[test]
    fn as_people_write_them() {
        for (t, w) in [
            (
                "Ich komme vielleicht etwas später, muss aber noch schauen, ob das klappt.",
                "maybe",
            ),
            ("Should be fine, see you then.", "yes"),
            ("I'll try to swing by after work.", "maybe"),
            ("Can't this time, I'm afraid – away with the family.", "no"),
            ("Leider bin ich an dem Abend schon verplant.", "no"),
            ("Bin raus diesmal.", "no"),
            ("Je passe mon tour cette fois.", "no"),
            ("Je devrais pouvoir venir, sauf imprévu.", "maybe"),
            ("Compte sur moi !", "yes"),
            ("Esta vez paso, lo siento.", "no"),
            ("Cuenta conmigo.", "yes"),
            ("Depende de cómo vaya el trabajo, te digo algo.", "maybe"),
            ("Ik sla deze keer over.", "no"),
            ("Ik ben van de partij!", "yes"),
            ("Hangt van mijn werk af.", "maybe"),
            ("Dessa vez não dá, desculpa.", "no"),
            ("Pode contar comigo!", "yes"),
            ("Acho que consigo ir, mas confirmo depois.", "maybe"),
            ("Not sure yet, will let you know.", "maybe"),
            ("Won't make it, I'm in Berlin that week.", "no"),
            ("Sounds good, I'll be there around 7.", "yes"),
            ("Ich bin raus, sorry.", "no"),
            ("Ça dépend de mon planning, je te redis.", "maybe"),
            ("Lo intento, pero no prometo nada.", "maybe"),
            ("Ik probeer te komen maar beloof niks.", "maybe"),
            ("Estou fora dessa vez.", "no"),
            ("Não vou poder, estarei fora da cidade.", "no"),
            ("Yes, but I'll have to leave early.", "yes"),
            ("Ja, aber ich muss früher gehen.", "yes"),
            ("Oui, mais je partirai tôt.", "yes"),
            ("Sí, pero me tendré que ir pronto.", "yes"),
            ("Ja, maar ik moet wel vroeg weg.", "yes"),
            ("Sim, mas vou ter de sair cedo.", "yes"),
            ("Afraid I'm double-booked that evening.", "no"),
            ("Won't be able to, got the kids that night.", "no"),
            ("Wouldn't miss it!", "yes"),
            ("Pencil me in.", "maybe"),
            ("Da bin ich leider schon anderweitig verplant.", "no"),
            ("Ich versuche zu kommen.", "maybe"),
            ("Klar, bin am Start!", "yes"),
            ("Schaffe es diesmal nicht.", "no"),
            ("Je serai des vôtres.", "yes"),
            ("Impossible pour moi ce jour-là.", "no"),
            ("Je tâcherai de passer.", "maybe"),
            ("Ahí estaré sin falta.", "yes"),
            ("Igual me paso un rato.", "maybe"),
            ("Ik schuif aan!", "yes"),
            ("Ik ben er helaas niet bij.", "no"),
            ("Misschien, hangt ervan af hoe laat ik klaar ben.", "maybe"),
            ("Vou tentar aparecer.", "maybe"),
            ("Infelizmente não poderei comparecer.", "no"),
            ("Claro que vou!", "yes"),
            ("Sadly no – I'll be at a wedding.", "no"),
            ("I'm afraid I have a prior commitment.", "no"),
            ("Hoping to make it, will confirm nearer the time.", "maybe"),
            ("Ich bin zu der Zeit im Urlaub.", "no"),
            ("Je suis en vacances à ce moment-là.", "no"),
            ("Estaré fuera esa semana.", "no"),
            ("Ik zit dan in het buitenland.", "no"),
        ] {
            let got = match super::rsvp(t) {
                super::Rsvp::Answer(r, _) => format!("{r:?}").to_lowercase(),
                o => format!("{o:?}"),
            };
            assert_eq!(got, w, "{t}");
        }
    }
}
