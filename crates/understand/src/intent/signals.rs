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
    // The English of "compte sur moi", "cuenta conmigo": "count on me", "you can count on
    // me"; "wouldn't count on me" is the same idiom negated (see `negated_before`).
    ("count on me", Yes),
    ("i'm down", Yes),
    ("im down", Yes),
    ("can't wait", Yes),
    ("cant wait", Yes),
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
    ("sit ~ out", No),
    ("give it a miss", No),
    ("give ~ ~ a miss", No),
    ("double booked", No),
    ("prob not", No),
    ("probs not", No),
    ("prolly not", No),
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
    // A negation before a word of certainty, in every language: not sure → a maybe.
    ("not ~ sure", Maybe),
    ("nicht ~ sicher", Maybe),
    ("pas ~ sur*", Maybe),
    ("no ~ ~ segur*", Maybe),
    ("no ~ ~ claro", Maybe),
    ("niet ~ zeker", Maybe),
    ("nao ~ ~ certeza", Maybe),
    ("nao ~ ~ certo", Maybe),
    // A negated possibility, in every language: "it won't be possible", "nicht möglich",
    // "pas possible", "no me será posible", "niet mogelijk", "não me será possível". What it
    // governs in its clause ("… estar presente") is declined with it (see `rsvp`).
    ("not ~ possible", No),
    ("nicht ~ moglich", No),
    ("pas ~ possible", No),
    ("no ~ ~ posible", No),
    ("niet ~ mogelijk", No),
    ("nao ~ ~ possivel", No),
    // Not suiting: "that date doesn't work for me", "passt mir nicht", "komt me slecht uit",
    // "no me viene bien", "ne me convient pas", "não me dá jeito".
    ("doesn't ~ work", No),
    ("does not ~ work", No),
    ("won't work", No),
    ("doesn't suit", No),
    ("komt ~ slecht uit", No),
    ("komt ~ niet uit", No),
    ("komt ~ goed uit", Yes),
    ("no me viene bien", No),
    ("no me va bien", No),
    ("ne me convient pas", No),
    ("nao me da jeito", No),
    // Putting one's name down: "put me down for Thursday", "trag mich ein", "zet me erop".
    ("put me down", Yes),
    ("put my name down", Yes),
    ("trag* mich ein", Yes),
    ("schreib* mich ein", Yes),
    ("zet me erop", Yes),
    ("zet mij erop", Yes),
    // It depends: "kommt drauf an", "hängt davon ab", "ça dépend", "depende".
    ("kommt drauf an", Maybe),
    ("kommt darauf an", Maybe),
    ("hangt ~ ab", Maybe),
    ("ca depend*", Maybe),
    ("tout depend*", Maybe),
    // Not knowing whether: "no sé si llegaré", "don't know if I can", "não sei se".
    ("no se si", Maybe),
    ("don't know if", Maybe),
    ("dont know if", Maybe),
    ("don't know whether", Maybe),
    ("nao sei se", Maybe),
    // In principle, and a confirmation still owed: "em princípio sim", "en principe oui",
    // "im Prinzip ja", "in principe wel", "ainda tenho de confirmar", "kann es noch nicht fest
    // zusagen".
    ("em principio", Maybe),
    ("en principio", Maybe),
    ("en principe", Maybe),
    ("in principle", Maybe),
    ("im prinzip", Maybe),
    ("in principe", Maybe),
    ("tenho de confirmar", Maybe),
    ("tenho que confirmar", Maybe),
    ("tengo que confirmar", Maybe),
    ("have to confirm", Maybe),
    ("need to confirm", Maybe),
    ("nicht ~ zusagen", Maybe),
    ("moet ~ bevestigen", Maybe),
    ("dois ~ confirmer", Maybe),
    // Promising nothing: "no te prometo nada", "não garanto", "je ne promets rien", "ik
    // beloof niks" — a maybe, however it opens ("No prometo nada, pero lo intento").
    ("no ~ prometo", Maybe),
    ("nao garanto", Maybe),
    ("nao prometo", Maybe),
    ("ne ~ promets rien", Maybe),
    ("beloof ~ niks", Maybe),
    ("beloof ~ niets", Maybe),
    ("no guarantees", Maybe),
    // Getting back to them: "ich melde mich", "je vous tiens au courant", "ik laat het weten".
    ("melde mich", Maybe),
    ("tiens au courant", Maybe),
    ("os digo algo", Maybe),
    ("te digo algo", Maybe),
    ("passo dessa vez", No),
    ("dessa vez passo", No),
    ("desta vez passo", No),
    // Leaning and hoping: "not likely", "hoping to make it", "leaning towards yes", "eher
    // nein", "eher ja".
    ("not likely", No),
    ("hoping to", Maybe),
    ("leaning towards", Maybe),
    ("eher nein", No),
    ("eher ja", Maybe),
    // Plans already made, in six languages: "ich habe schon was vor", "I already have plans",
    // "ya tengo planes", "ik heb al iets", "já tenho planos".
    ("schon ~ was vor", No),
    ("schon ~ etwas vor", No),
    ("was anderes vor", No),
    ("etwas anderes vor", No),
    ("have plans", No),
    ("have other plans", No),
    ("tengo planes", No),
    ("tengo otros planes", No),
    ("heb al iets", No),
    ("tenho planos", No),
    ("tenho outros planos", No),
    // Thinking not: "creo que no", "ik denk het niet", "je ne crois pas", "denke nicht".
    ("creo que no", No),
    ("denk het niet", No),
    ("denk het wel", Yes),
    ("ne crois pas", No),
    ("denke nicht", No),
    // Missing it: "vou ter que faltar", "voy a faltar".
    ("vou ~ ~ faltar", No),
    ("voy a faltar", No),
    ("tengo que faltar", No),
    ("vou faltar", No),
    // "J'en serai !": counted among them.
    ("j'en serai", Yes),
    // Doing one's best, in six languages: a maybe ("ik doe mijn best", "hago lo posible").
    ("doe mijn best", Maybe),
    ("gebe mein bestes", Maybe),
    ("hago lo posible", Maybe),
    ("fais de mon mieux", Maybe),
    ("fazer o possivel", Maybe),
    ("faco o possivel", Maybe),
    // Seeing first: "vou ver se consigo", "let me check with my partner". (Not "I'll let you
    // know", which often only adds a detail to a yes.)
    ("vou ver", Maybe),
    ("let me check", Maybe),
    // Missing it and skipping it: "essa eu vou perder", "me lo salto", "bin leider raus".
    ("vou ~ perder", No),
    ("me lo salto", No),
    ("me la salto", No),
    ("bin ~ raus", No),
    // Dropping in: "I'll pop in for an hour", "swing by", "drop by".
    ("pop in", Yes),
    ("pop by", Yes),
    ("drop by", Yes),
    ("swing by", Yes),
    // German
    ("bin dabei", Yes),
    ("ich komme", Yes),
    ("komme gerne", Yes),
    ("komme gern", Yes),
    ("ich bin da", Yes),
    ("sage zu", Yes),
    // Separable verbs: the particle closes the clause, many words after the verb.
    ("sage ~ ~ ~ zu", Yes),
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
    ("am start", Yes),
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
    // Not knowing yet, with words put in: "weiß aber noch nicht", "weet het eigenlijk niet".
    ("weiss ~ nicht", Maybe),
    ("sage ~ bescheid", Maybe),
    // French
    ("je serai la", Yes),
    ("serai des votres", Yes),
    ("serai de la partie", Yes),
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
    // Confirming one's attendance is a yes ("Je confirme ma présence", "Confirmo mi
    // asistencia", "I confirm my attendance"); "je vous confirme lundi" stays a maybe. The
    // longer phrase reaches further than "je confirme" and wins.
    ("confirm* ~ presence", Yes),
    ("confirm* ~ participation", Yes),
    ("confirm* ~ attendance", Yes),
    ("confirm* ~ asistencia", Yes),
    ("confirm* ~ participacion", Yes),
    ("confirm* ~ presenca", Yes),
    ("confirm* ~ participacao", Yes),
    ("bestatige ~ teilnahme", Yes),
    ("bevestig ~ aanwezigheid", Yes),
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
    ("me l* pierdo", No),
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
    ("van de partij", Yes),
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
    ("weet ~ niet", Maybe),
    // Portuguese
    ("cont* comigo", Yes),
    ("to dentro", Yes),
    ("tou dentro", Yes),
    ("fica para a proxima", No),
    // Brazilian speech: "pra" for "para a", "rolar" for taking place ("não vai rolar").
    ("fica pra proxima", No),
    ("nao vai rolar", No),
    ("nao rola", No),
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
    // Leaving oneself out, in six languages: "diesmal ohne mich", "sans moi cette fois".
    ("ohne mich", No),
    ("sans moi", No),
    ("sin mi", No),
    ("zonder mij", No),
    ("sem mim", No),
    // Still to see: a duty of looking first ("muss noch schauen", "moet nog even kijken").
    ("muss ~ schauen", Maybe),
    ("muss ~ gucken", Maybe),
    ("muss ~ sehen", Maybe),
    ("moet ~ kijken", Maybe),
    ("moet ~ zien", Maybe),
    ("need to check", Maybe),
    ("have to check", Maybe),
    ("dois voir", Maybe),
    ("tengo que ver", Maybe),
    ("tenho que ver", Maybe),
    ("schuif ~ aan", Yes),
    ("pencil me in", Maybe),
    ("estou fora", No),
    ("to fora", No),
    ("tou fora", No),
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
    // Trying: "je tâcherai de passer", "j'essaierai".
    "tacherai",
    "essaierai",
    "essayerai",
];

/// Words that open an exception to a yes: "sauf imprévu", "unless the kids are ill", "salvo
/// imprevistos", "tenzij", "a não ser que". A yes with an exception is a maybe.
const EXCEPTIONS: &[&str] = &[
    "unless", "barring", "sauf", "salvo", "tenzij", "ausser", "excepto",
];

/// Whether an exception to the answer is among these words (or "a não ser", "a menos que").
pub(super) fn excepted(words: &[Word]) -> bool {
    let f: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    f.iter().any(|w| EXCEPTIONS.contains(w))
        || f.windows(3)
            .any(|w| matches!(w, ["a", "nao", "ser"] | ["a", "menos", "que"]))
}

/// Whether a hedge word is among these words.
///
/// A hedge that only qualifies coming late ("I'll be there, though probably a bit late",
/// "komme wahrscheinlich etwas später") is no doubt about coming: being late is a note to the
/// yes (see [`hedges_lateness`]), as it is where the idioms are read.
pub(super) fn hedged(words: &[Word]) -> bool {
    let f: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    (0..f.len()).any(|i| HEDGES.contains(&f[i]) && !hedges_lateness(&f, i))
}

/// Words opening a condition, folded.
pub(super) const CONDITIONS: &[&str] = &[
    "if", "wenn", "falls", "sofern", "si", "als", "mits", "indien", "se", "caso", "provided",
];

/// Whether a sentence opens with a condition that a comma closes ("Wenn nichts
/// dazwischenkommt, bin ich dabei", "Se der, eu apareço", "If work allows, I'm in"): an
/// answer under a condition is a maybe. The comma after at least one more word tells "si" =
/// if from "Si, voy".
pub(super) fn conditional(sentence: &str) -> bool {
    let ws = super::words::tokens(sentence);
    let Some(first) = ws.first() else {
        return false;
    };
    CONDITIONS.contains(&first.folded.as_str())
        && ws.len() >= 3
        && sentence[first.end..]
            .find(',')
            .is_some_and(|c| ws[1].start < first.end + c)
}

/// Forms of "to be" that put their predicate at the clause's end in German and Dutch: "bin
/// auf jeden Fall da", "ben er zeker bij", "bin sicher dabei".
const BE: &[&str] = &["bin", "ben", "sind", "zijn"];
/// The predicates of being there that close such a clause.
const THERE: &[&str] = &["da", "dabei", "bij", "erbij", "aanwezig", "anwesend"];

/// "Bin auf jeden Fall da", "ik ben er zeker bij", "bin natürlich dabei": a form of "to be"
/// and, within five words and with no punctuation between, a predicate of being there.
///
/// Why the clause and not more idioms: German and Dutch put the predicate last and any number
/// of adverbs before it ("bin *auf jeden Fall* da", "ben er *sowieso gewoon* bij"); the idioms'
/// gap of two words holds only some. A negation among the words between ("bin *leider nicht*
/// da", "ben er *helaas niet* bij") makes it a no. Gives the answer and the words it covers.
pub(super) fn be_there_at(text: &str, ws: &[Word], i: usize) -> Option<(Response, usize)> {
    if !BE.contains(&ws.get(i)?.folded.as_str()) {
        return None;
    }
    for k in 1..=6 {
        let w = ws.get(i + k)?;
        // The clause must go on: no comma or full stop between the verb and its predicate.
        if text
            .get(ws[i].end..w.start)
            .is_none_or(|between| between.contains([',', '.', ';', '!', '?', '\n']))
        {
            return None;
        }
        if THERE.contains(&w.folded.as_str()) {
            let negated = ws[i + 1..i + k].iter().any(|x| {
                matches!(
                    x.folded.as_str(),
                    "nicht" | "niet" | "kein" | "geen" | "nie"
                )
            });
            return Some((if negated { No } else { Yes }, k + 1));
        }
    }
    None
}

/// The idiom matching at word `i` (`~` matches up to two words), with its length in words.
pub(super) fn idiom_at(ws: &[Word], i: usize) -> Option<(Response, usize)> {
    static INDEX: std::sync::LazyLock<super::words::PhraseIndex<Response>> =
        std::sync::LazyLock::new(|| super::words::PhraseIndex::new(IDIOMS));
    INDEX.longest_at(ws, i, matches_at)
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

/// Words (folded; `stem*` for a stem) that carry one signal each, per language. Used by
/// [`weigh`] when no idiom matched.
///
/// Why weigh signals and not add idioms: the idioms of one month's replies never hold the
/// next month's ("das wird bei mir leider nichts", "me resulta imposible asistir", "het lukt
/// me deze keer niet", "je ne suis pas disponible"). What those sentences share is a handful
/// of signals — a negation near a verb of coming or being available, a word of impossibility,
/// a hedge, a word of regret — in every language. So each class is a word list (data), and a
/// sentence is read by which classes it holds, not by matching it whole.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "can't", "cant", "cannot", "won't", "wont", "don't", "dont", "couldn't",
    "isn't", "nicht", "kein*", "nichts", "nie", "pas", "ne", "jamais", "nunca", "niet", "geen",
    "niks", "nooit", "nao",
];
const ATTENDING: &[&str] = &[
    "come",
    "coming",
    "make",
    "attend*",
    "join*",
    "there",
    "available",
    "dabei",
    "komm",
    "komme",
    "kommen",
    "hinkommen",
    "teilnehm*",
    "schaff*",
    "klapp*",
    "verfugbar",
    "venir",
    "viendr*",
    "viens",
    "vienne",
    "assist*",
    "asist*",
    "particip*",
    "present*",
    "disponib*",
    "ir",
    "voy",
    "vou",
    "vais",
    "estar*",
    "estare",
    "estarei",
    "komen",
    "kom",
    "lukt",
    "lukken",
    "gaat",
    "comparec*",
    "aparec*",
    "vorbeikomm*",
    "langskom*",
    "aanwezig",
    "erbij",
    "beschikbaar",
    "acudir",
    "passer",
    "passe",
];
const IMPOSSIBLE: &[&str] = &[
    "impossible",
    "imposible",
    "impossivel",
    "impossibilitad*",
    "impossibilitat*",
    "unmoglich",
    "onmogelijk",
    "unlikely",
    "unwahrscheinlich",
    "improbable",
    "improvavel",
    "onwaarschijnlijk",
    "verhindert",
    "verhinderd",
    "empeche*",
    "indisponible",
    "unavailable",
    "impedid*",
    "regrets",
    "apologies",
    "excuse*",
    "disculp*",
];
/// Words of difficulty: "lo veo difícil", "wird schwierig", "ça va être compliqué" decline
/// politely — unless a "but" turns them ("difficult, but I'll come").
const DIFFICULT: &[&str] = &[
    "difficult",
    "tricky",
    "tough",
    "schwierig",
    "schwer",
    "knapp",
    "difficile",
    "complique",
    "compliquee",
    "dificil",
    "complicado",
    "complicada",
    "lastig",
    "moeilijk",
    "krap",
];
/// Words of being elsewhere or taken at that time: travelling, on holiday, abroad, on a
/// business trip, booked up. In a reply to the announcement, saying where one will be instead
/// declines ("Sadly I'm travelling that week", "Ich bin auf Dienstreise", "Estoy de viaje").
const ELSEWHERE: &[&str] = &[
    "travelling",
    "traveling",
    "abroad",
    "holiday",
    "holidays",
    "vacation",
    "booked",
    "dienstreise",
    "geschaftsreise",
    "urlaub",
    "verreist",
    "verplant",
    "ausgebucht",
    "deplacement",
    "vacances",
    "conge",
    "viaje",
    "vacaciones",
    "buitenland",
    "vakantie",
    "dienstreis",
    "zakenreis",
    "viajando",
    "unterwegs",
    "onderweg",
    // Away: "I'm away that week", "estaré fuera", "estarei fora", "absente ce jour-là".
    "away",
    "fuera",
    "fora",
    "ausente",
    "absent",
    "absente",
    "viagem",
    "ferias",
    "compromisso",
    "compromiso",
    // Ill: "I'm ill this week", "ich bin krank", "je suis malade", "estoy enfermo".
    "ill",
    "sick",
    "flu",
    "krank",
    "erkaltet",
    "malade",
    "grippe",
    "enfermo",
    "enferma",
    "ziek",
    "griep",
    "doente",
    "gripe",
];
const HEDGING: &[&str] = &[
    "probably",
    "prob",
    "probs",
    "prolly",
    "likely",
    "perhaps",
    "maybe",
    "possibly",
    "might",
    "hopefully",
    "unsure",
    "depends",
    // Depending: "hangt van mijn werk af", "depende", "ça dépend", "abhängig".
    "depend*",
    "hangt",
    "abhangig",
    "try",
    "trying",
    "vielleicht",
    "eventuell",
    "wahrscheinlich",
    "vermutlich",
    "versuch*",
    "evtl",
    "probablement",
    "essai*",
    "essaye*",
    "quizas",
    "quiza",
    "igual",
    "seguramente",
    "probablemente",
    "intentar*",
    "intento",
    "misschien",
    "waarschijnlijk",
    "probeer*",
    "wellicht",
    "talvez",
    "acho",
    "provavelmente",
    "tentar*",
    "tento",
];
const YES_WORDS: &[&str] = &[
    "yes",
    "yeah",
    "yep",
    "ja",
    "oui",
    "si",
    "sim",
    "claro",
    "zeker",
    "wel",
    "gerne",
    "gern",
    "graag",
    "volontiers",
    "natuurlijk",
    "naturlich",
    "certo",
];
const REGRET: &[&str] = &[
    "sorry",
    "unfortunately",
    "sadly",
    "afraid",
    "leider",
    "bedauer*",
    "malheureusement",
    "desole",
    "desolee",
    "lamentablemente",
    "lamento",
    "lo siento",
    "siento",
    "helaas",
    "jammer",
    "infelizmente",
    "pena",
];

/// Words of coming late (folded; `stem*` a stem): "a bit late", "etwas später", "en retard",
/// "un poco tarde", "iets later", "atrasada".
const LATE: &[&str] = &[
    "late", "later", "spater", "spat", "verspat*", "retard", "tard", "tarde", "laat", "later",
    "atrasad*", "atraso",
];

/// Whether the hedge at word `i` only qualifies coming late ("might be a bit late", "ben
/// misschien iets later", "vielleicht etwas später"): being late is a note to a yes, not doubt
/// about coming, so such a hedge does not make a maybe.
pub(super) fn hedges_lateness(f: &[&str], i: usize) -> bool {
    f[i + 1..(i + 5).min(f.len())]
        .iter()
        .any(|w| is_in(w, LATE))
}

/// Whether these words say the writer will be elsewhere (travelling, ill, on holiday).
pub(super) fn elsewhere(ws: &[Word]) -> bool {
    ws.iter().any(|w| is_in(&w.folded, ELSEWHERE))
}

/// Whether a word is a bare yes ("yes", "ja", "oui", "sí", "sim", …).
pub(super) fn is_yes_word(w: &str) -> bool {
    YES_WORDS.contains(&w)
}

/// Whether a word turns the sentence ("but", "aber", "mais", "pero", "maar", "mas").
pub(super) fn is_contrast(w: &str) -> bool {
    matches!(
        w,
        "but" | "aber" | "mais" | "pero" | "maar" | "mas" | "though"
    )
}

/// Whether the text speaks of coming at all: a verb of attending, a word of being elsewhere
/// or of impossibility, or an idiom of the answers ("count me in", "bin dabei").
pub(crate) fn speaks_of_attending(text: &str) -> bool {
    let ws = super::words::tokens(text);
    ws.iter().any(|w| {
        is_in(&w.folded, ATTENDING) || is_in(&w.folded, ELSEWHERE) || is_in(&w.folded, IMPOSSIBLE)
    }) || (0..ws.len()).any(|i| idiom_at(&ws, i).is_some())
}

fn is_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|p| word_is(w, p))
}

/// Whether the yes idiom at word `i` is negated by the word right before it, in the same
/// clause: "(I) wouldn't count on me", "don't count me in", "not see you there". English puts
/// its "not" before the verb (the Germanic languages after it: see `rsvp::negated_after`).
/// Only the word right before counts: "can't wait, see you there" is a yes.
pub(super) fn negated_before(text: &str, ws: &[Word], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &ws[p]) else {
        return false;
    };
    let between = text.get(prev.end..ws[i].start).unwrap_or(",");
    between.trim().is_empty()
        && (prev.folded.ends_with("n't") || matches!(prev.folded.as_str(), "not" | "never"))
}

/// The answer a statement's signals give, when no idiom matched: a negation within four
/// words of a verb of coming (or of being available), or a word of impossibility: NO; a
/// hedge: MAYBE; a verb of coming or a yes word alone: YES; only regret: NO.
pub(super) fn weigh(ws: &[Word]) -> Option<Response> {
    let f: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
    let attend: Vec<usize> = (0..f.len()).filter(|&i| is_in(f[i], ATTENDING)).collect();
    let negated = attend.iter().any(|&a| {
        (a.saturating_sub(4)..(a + 5).min(f.len())).any(|j| j != a && is_in(f[j], NEGATIONS))
    });
    // "Unlikely but not impossible": a word of impossibility under a negation hedges.
    let impossible: Vec<usize> = (0..f.len()).filter(|&i| is_in(f[i], IMPOSSIBLE)).collect();
    let doubted = impossible
        .iter()
        .any(|&i| (i.saturating_sub(2)..i).any(|j| is_in(f[j], NEGATIONS)));
    if doubted {
        return Some(Maybe);
    }
    if negated || !impossible.is_empty() {
        return Some(No);
    }
    // "I'd love to come but my train gets in late": willing, then a "but" — nobody could
    // tell whether that is a yes.
    let contrast = f.iter().any(|w| is_contrast(w));
    let hedge = (0..f.len()).any(|i| is_in(f[i], HEDGING) && !hedges_lateness(&f, i));
    // "Llegaré un poco tarde pero voy", "difficult, but I'll come": what follows the turn
    // is the answer when it gives one on its own; else the turn leaves it open (below).
    if let Some(turn) = f.iter().rposition(|w| is_contrast(w)) {
        if turn > 0 && turn + 1 < ws.len() {
            let tail = &ws[turn + 1..];
            if !tail.iter().any(|w| is_contrast(&w.folded)) {
                if let Some(r) = weigh(tail) {
                    return Some(r);
                }
                // "Voy, pero llegaré un poco tarde", "Ik kom, maar later": a plain "I come" of
                // a word or two, then a turn that only says "late", is a yes with a note. (A
                // wish before it — "I'd love to come but the train gets in late" — stays open:
                // nobody could tell.)
                let late = tail.iter().any(|w| is_in(&w.folded, LATE));
                let negated = tail.iter().any(|w| is_in(&w.folded, NEGATIONS));
                if late && !negated && turn <= 2 {
                    return weigh(&ws[..turn]);
                }
            }
        }
    }
    if !contrast && !hedge && f.iter().any(|w| is_in(w, DIFFICULT) || is_in(w, ELSEWHERE)) {
        return Some(No);
    }
    if hedge {
        return Some(Maybe);
    }
    if contrast {
        return None;
    }
    // Folded, Spanish "sí" (yes) is "si" (if): "no sé si llegaré" holds no yes. A "si" counts
    // as a yes only closing its clause ("Creo que sí").
    let yes_word = f
        .iter()
        .enumerate()
        .any(|(i, w)| is_in(w, YES_WORDS) && (*w != "si" || i + 1 == f.len()));
    if !attend.is_empty() || yes_word {
        return Some(Yes);
    }
    // Regret alone ("Sorry for the delay.") answers nothing; with a duty or a negation it
    // declines ("Helaas, ik moet werken", "das wird bei mir leider nichts").
    let duty = f.iter().any(|w| {
        matches!(
            *w,
            "must" | "have" | "muss" | "moet" | "dois" | "doit" | "tengo" | "tenho" | "preciso"
                // Work holds them: "Unfortunately I'm working late that day", "Leider muss
                // ich arbeiten", "Helaas moet ik werken" — with regret, a decline.
                | "working" | "arbeite" | "travaille" | "trabajo" | "trabajando" | "werk"
                | "werken" | "trabalho" | "trabalhando"
        )
    });
    let negated_any = f.iter().any(|w| is_in(w, NEGATIONS));
    if (duty || negated_any) && f.iter().any(|w| is_in(w, REGRET)) {
        return Some(No);
    }
    None
}

/// Words that open a question ("can I let you know on Tuesday?"), folded.
pub(super) const ASKING: &[&str] = &[
    "can", "could", "may", "shall", "should", "is", "are", "do", "does", "what", "when", "where",
    "how", "who", "which", "why", "kann", "konnen", "darf", "soll", "ist", "gibt", "wann", "wo",
    "wie", "was", "puis", "peut", "est", "quand", "ou", "comment", "puedo", "podemos", "hay",
    "cuando", "donde", "como", "kan", "mag", "zal", "is", "wanneer", "waar", "hoe", "posso",
    "pode", "podemos", "quando", "onde", "como",
];
