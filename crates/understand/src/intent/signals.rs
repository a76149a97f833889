//! How people accept, decline and hedge, per language, as data.
//!
//! Why data with gaps and not more fixed phrases: people put words inside their idioms
//! ("ich muss *diesmal* passen", "je ne pourrai *pas venir* cette fois", "ik sla *deze keer*
//! over"). A `~` in a phrase matches up to two words of any kind, so one entry holds the
//! variations instead of one entry per example. Phrases are folded (lower-case, accents off).
//! Hedges turn a yes into a maybe ("probably yes", "wahrscheinlich ja", "sans doute").
//!
//! Why stems (`compt*`): verbs of the Romance languages come in a dozen forms ("compte /
//! comptez / compter sur moi", "conta / conte / contem / contar comigo"); one entry with a stem
//! holds them all, where a list of forms only ever holds the ones someone has seen. And why
//! answer nouns ("a yes", "ein Nein", "un oui"): people name their answer instead of giving it
//! ("Put me down as a yes", "I'm a no for this one") — the article before the answer word is
//! the signal, the same in every language, so it is one entry per language, not per sentence.

use super::words::Word;
use crate::Response::{self, Maybe, No, Yes};

pub(super) const IDIOMS: &[(&str, Response)] = &[
    // English
    ("count me in", Yes),
    ("i'm in", Yes),
    ("im in", Yes),
    ("i am in", Yes),
    ("wouldn't miss it", Yes),
    ("wouldnt miss it", Yes),
    ("see you there", Yes),
    ("see you then", Yes),
    ("i'm free", Yes),
    ("i am free", Yes),
    ("sign me up", Yes),
    ("i'll be there", Yes),
    ("will be there", Yes),
    ("i'll come", Yes),
    ("i'm coming", Yes),
    ("works for me", Yes),
    ("i'm game", Yes),
    ("i'll pass", No),
    ("ill pass", No),
    ("i will pass", No),
    ("i'll ~ pass", No),
    ("not this round", No),
    ("not this time", No),
    ("not this one", No),
    ("skip this one", No),
    ("have to skip", No),
    ("i'll skip", No),
    ("need to skip", No),
    ("i'm away", No),
    ("i am away", No),
    ("im away", No),
    ("i'm out of town", No),
    ("afraid i can't", No),
    ("afraid not", No),
    ("can't make ~ any more", No),
    ("can't make ~ anymore", No),
    ("can't ~ this time", No),
    ("have to miss", No),
    ("i'll miss", No),
    ("going to miss", No),
    ("have to bow out", No),
    ("must decline", No),
    ("not available", No),
    ("a yes", Yes),
    ("a no", No),
    ("a maybe", Maybe),
    ("a definite yes", Yes),
    ("a definite no", No),
    ("a soft yes", Maybe),
    ("50 50", Maybe),
    ("fifty fifty", Maybe),
    ("toss up", Maybe),
    ("should be able", Maybe),
    ("should make it", Maybe),
    ("do my best", Maybe),
    ("as a maybe", Maybe),
    ("it depends", Maybe),
    ("depends on", Maybe),
    ("not sure yet", Maybe),
    ("fingers crossed", Maybe),
    ("hopefully", Maybe),
    ("will confirm", Maybe),
    // German
    ("bin dabei", Yes),
    ("ich komme", Yes),
    ("komme gerne", Yes),
    ("komme gern", Yes),
    ("ich bin da", Yes),
    ("sage zu", Yes),
    ("passt mir", Yes),
    ("muss ~ passen", No),
    ("klappt ~ nicht", No),
    ("schaffe es ~ nicht", No),
    ("schaff's ~ nicht", No),
    ("kann ~ nicht", No),
    ("absage", No),
    ("sage ~ ab", No),
    ("muss ~ absagen", No),
    ("bin verhindert", No),
    ("nicht dabei", No),
    ("bin raus", No),
    // Inversion after a leading adverb: "diesmal bin ich raus", "dann komme ich".
    ("bin ich raus", No),
    ("bin ich dabei", Yes),
    ("komme ich", Yes),
    ("komme ich nicht", No),
    ("ein ja", Yes),
    ("ein nein", No),
    ("ein vielleicht", Maybe),
    ("wahrscheinlich", Maybe),
    ("vermutlich", Maybe),
    ("voraussichtlich", Maybe),
    ("versuche es", Maybe),
    ("ich versuche", Maybe),
    ("nichts versprechen", Maybe),
    ("mal sehen", Maybe),
    ("weiss noch nicht", Maybe),
    ("sage ~ bescheid", Maybe),
    // French
    ("je serai la", Yes),
    ("j'y serai", Yes),
    ("partant", Yes),
    ("partante", Yes),
    ("compt* sur moi", Yes),
    ("un oui", Yes),
    ("un non", No),
    ("un peut etre", Maybe),
    ("avec plaisir", Yes),
    ("je viens", Yes),
    ("je viendrai", Yes),
    ("ca marche", Yes),
    ("present", Yes),
    ("presente", Yes),
    ("ne pourrai ~ pas", No),
    ("pourrai pas", No),
    ("pas cette fois", No),
    ("je suis pris", No),
    ("je suis prise", No),
    ("empeche", No),
    ("empechee", No),
    ("me desister", No),
    ("passe mon tour", No),
    ("sans moi", No),
    ("ne viendrai pas", No),
    ("ne serai pas", No),
    ("indisponible", No),
    ("ne peux ~ pas", No),
    ("sans doute", Maybe),
    ("probablement", Maybe),
    ("vais essayer", Maybe),
    ("j'essaierai", Maybe),
    ("te redis", Maybe),
    ("vous redis", Maybe),
    ("je confirme", Maybe),
    ("a confirmer", Maybe),
    ("pas encore sur", Maybe),
    ("pas sur", Maybe),
    // Spanish
    ("cuent* conmigo", Yes),
    ("cont* conmigo", Yes),
    ("un si", Yes),
    ("alli estare", Yes),
    ("ahi estare", Yes),
    ("me apunto", Yes),
    ("nos vemos", Yes),
    ("voy seguro", Yes),
    ("ire", Yes),
    ("asistire", Yes),
    ("estare", Yes),
    ("esta vez paso", No),
    ("paso esta vez", No),
    ("no podre", No),
    ("no puedo", No),
    ("no llego", No),
    ("me temo que no", No),
    ("no voy", No),
    ("no ire", No),
    ("me lo pierdo", No),
    ("probablemente", Maybe),
    ("intentare", Maybe),
    ("te confirmo", Maybe),
    ("depende", Maybe),
    ("a lo mejor", Maybe),
    ("puede que", Maybe),
    // Dutch
    ("ben erbij", Yes),
    ("een ja", Yes),
    ("een nee", No),
    ("ben er bij", Yes),
    ("ik kom", Yes),
    ("kom graag", Yes),
    ("doe mee", Yes),
    ("aanwezig", Yes),
    ("moet ~ afhaken", No),
    ("afhaken", No),
    ("lukt ~ niet", No),
    ("kan er niet bij", No),
    ("sla ~ over", No),
    ("gaat niet", No),
    ("ben er niet", No),
    ("verhinderd", No),
    ("kan ~ niet", No),
    ("waarschijnlijk", Maybe),
    ("ik probeer", Maybe),
    ("probeer te komen", Maybe),
    ("laat het ~ weten", Maybe),
    ("hangt ~ af", Maybe),
    ("weet nog niet", Maybe),
    // Portuguese
    ("cont* comigo", Yes),
    ("to dentro", Yes),
    ("tou dentro", Yes),
    ("fica para a proxima", No),
    ("fica para outra", No),
    ("um sim", Yes),
    ("um nao", No),
    ("estarei la", Yes),
    ("la estarei", Yes),
    ("vou sim", Yes),
    ("eu vou", Yes),
    ("estou dentro", Yes),
    ("nao vou conseguir", No),
    ("nao consigo", No),
    ("nao posso", No),
    ("vou passar", No),
    ("passo desta vez", No),
    ("nao da", No),
    ("nao vou", No),
    ("provavelmente", Maybe),
    ("vou tentar", Maybe),
    ("confirmo ~ segunda", Maybe),
    ("ainda nao sei", Maybe),
];

/// Words that turn an answer into a hedge: "probably yes" is a maybe.
const HEDGES: &[&str] = &[
    "probably",
    "likely",
    "tentatively",
    "tentative",
    "hopefully",
    "wahrscheinlich",
    "vermutlich",
    "voraussichtlich",
    "eventuell",
    "probablement",
    "normalement",
    "probablemente",
    "waarschijnlijk",
    "vermoedelijk",
    "provavelmente",
    "possibly",
];

/// Whether a hedge word is among these words.
pub(super) fn hedged(words: &[Word]) -> bool {
    words.iter().any(|w| HEDGES.contains(&w.folded.as_str()))
}

/// The idiom matching at word `i` (`~` matches up to two words), with its length in words.
pub(super) fn idiom_at(ws: &[Word], i: usize) -> Option<(Response, usize)> {
    IDIOMS
        .iter()
        .filter_map(|(p, r)| matches_at(ws, i, p).map(|n| (*r, n)))
        .max_by_key(|(_, n)| *n)
}

/// A word against a pattern word: equal, or for `stem*` any word starting with the stem.
fn word_is(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == pattern,
    }
}

fn matches_at(ws: &[Word], i: usize, phrase: &str) -> Option<usize> {
    // Most phrases fail on their first word: check it before anything is allocated.
    let head = phrase.split(' ').next().unwrap_or("");
    if ws.get(i).is_none_or(|w| !word_is(&w.folded, head)) {
        return None;
    }
    let parts: Vec<&str> = phrase.split(' ').collect();
    fn go(ws: &[Word], j: usize, parts: &[&str]) -> Option<usize> {
        let Some((first, rest)) = parts.split_first() else {
            return Some(j);
        };
        if *first == "~" {
            for skip in 0..=2 {
                if j + skip > ws.len() {
                    break;
                }
                if let Some(end) = go(ws, j + skip, rest) {
                    return Some(end);
                }
            }
            return None;
        }
        let w = ws.get(j)?;
        // (`fold` already made every apostrophe ')
        word_is(&w.folded, first).then_some(())?;
        go(ws, j + 1, rest)
    }
    go(ws, i, &parts).map(|end| end - i)
}
