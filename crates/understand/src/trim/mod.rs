//! The sender's own words: quotes, attribution lines, forwarded and Outlook header blocks,
//! signatures, mobile footers, list footers and disclaimers are cut.
//!
//! Works line by line on text (HTML is rendered to text first, with block quotes as `> `):
//! - `>` lines are dropped wherever they are, so inline answers between quotes stay;
//! - an attribution ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", …, also wrapped over
//!   up to three lines) is dropped; when no `>` quote follows it, the unquoted original follows
//!   and everything from there on goes;
//! - a separator ("-----Original Message-----", a forwarded-message header, an Outlook
//!   From:/Sent:/To:/Subject: block in any of our languages, a line of underscores) ends the
//!   sender's words;
//! - so does a signature ("-- "), a mobile footer ("Sent from my iPhone", "Von meinem iPhone
//!   gesendet", …) or a legal disclaimer.

use crate::message::Body;
use crate::text::squash;

pub(crate) mod signoff;
pub(crate) use signoff::without_signoff;

/// Longest line we try to read as an attribution or header line.
const MAX_MARKER_LINE: usize = 400;

pub(crate) fn own_words(body: &Body) -> String {
    own_words_of(&body.text)
}

/// The sender's own words in a plain-text body.
///
/// ```
/// let t = understand::trim::own_words_of("Yes!\n\nOn Tue, 5 Mar 2024 at 10:00, Bob <b@x.org> wrote:\n> Coming?\n");
/// assert_eq!(t, "Yes!");
/// ```
pub fn own_words_of(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_quote(line) {
            i += 1;
            continue;
        }
        // A quoted line wrapped by a client without its ">": it continues a long quote line
        // in lower case and a quote line follows it ("> … pharetra d\nignissim odio?\n>").
        let wrapped_quote = i > 0
            && is_quote(lines[i - 1])
            && lines[i - 1].trim().chars().count() >= 60
            && line.trim_start().starts_with(|c: char| c.is_lowercase())
            && lines.get(i + 1).is_some_and(|n| is_quote(n));
        if wrapped_quote {
            i += 1;
            continue;
        }
        if let Some(k) = attribution_at(&lines, i) {
            match next_nonblank(&lines, i + k) {
                Some(j) if is_quote(lines[j]) => {
                    i += k;
                    continue;
                }
                _ => break,
            }
        }
        if separator_at(&lines, i) {
            break;
        }
        let has_content = out.iter().any(|l| !l.trim().is_empty());
        if is_signature_start(line, &lines[i + 1..], has_content) {
            break;
        }
        if is_rule(line) {
            // A horizontal rule on its own separates nothing we keep.
            i += 1;
            continue;
        }
        out.push(line);
        i += 1;
    }
    drop_trailing_signoff(&mut out);
    signoff::cut_contact_block(&mut out);
    tidy(&out)
}

/// Joins the kept lines: trailing spaces off, 3+ line breaks collapsed, ends trimmed.
fn tidy(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank_run = 0;
    for l in lines {
        let l = l.trim_end();
        if l.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(l);
    }
    // Leading blank lines are gone; leading indentation of the first line too.
    out.trim_start_matches([' ', '\t']).to_string()
}

pub(crate) fn is_quote(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t', '\u{a0}']);
    t.starts_with('>') || t.starts_with("&gt;")
}

fn next_nonblank(lines: &[&str], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| !lines[j].trim().is_empty())
}

/// A line that is only a rule: underscores, dashes, box-drawing or equals signs.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 5
        && t.chars()
            .all(|c| matches!(c, '─' | '━' | '—' | '=' | '*' | '-'))
}

/// Lower-case endings of attribution lines.
const ATTRIBUTION_ENDS: &[&str] = &[
    "wrote:",
    "wrote :",
    "writes:",
    "said:",
    "schrieb:",
    "geschrieben:",
    "a écrit :",
    "a écrit:",
    "a ecrit :",
    "a ecrit:",
    "escribió:",
    "escribio:",
    "escreveu:",
    "schreef:",
    "ha scritto:",
    "skrev:",
    "kirjoitti:",
    "napisał:",
    "napisała:",
    "pisze:",
    "írta:",
    "ha escrit:",
    "写道：",
    "写道:",
    "작성:",
    "のメッセージ:",
    "napsal:",
    "написал:",
    "написала:",
    "yazdı:",
    "έγραψε:",
];

/// Verbs that appear inside attributions that end with "<address>:".
const ATTRIBUTION_VERBS: &[&str] = &[
    " wrote ",
    " schrieb ",
    " schreef ",
    " a écrit ",
    " escribió ",
    " escreveu ",
    " ha scritto ",
    " skrev ",
];

/// Words that attributions start with.
const ATTRIBUTION_STARTS: &[&str] = &[
    "on ", "am ", "le ", "el ", "op ", "em ", "il ", "den ", "dne ", "w dniu ", "the ", "at ",
];

/// Whether an attribution starts at line `i`; returns how many lines it spans.
fn attribution_at(lines: &[&str], i: usize) -> Option<usize> {
    // Gmail wraps "… skrev Name <a@b.c\n>:": the closing ">:" lands on the next line and
    // looks like a quote.
    if lines.get(i + 1).is_some_and(|n| n.trim() == ">:") {
        let joined = format!("{}>:", lines[i].trim());
        if joined.len() <= MAX_MARKER_LINE
            && joined.contains('@')
            && is_attribution(&joined, lines, i + 2)
        {
            return Some(2);
        }
    }
    // An attribution without its colon: cut off by the client ("Am 09.09.2024 17:02 schrieb
    // Roundtable", a quote right under it), framed with dashes ("---- On Wed, 24 Feb 2021
    // 14:02:50 +0530 john@… wrote ----", Zoho), or ending on its verb ("On … <a@b> wrote").
    // Its shape — an opening date word, digits, the verb of writing, an address or a time —
    // is the signal; the colon is only one of them.
    // (Cheap tests first: this runs on every line of every message.)
    let t = lines[i].trim();
    if !t.ends_with(':')
        && t.len() <= 200
        && t.bytes().any(|b| b.is_ascii_digit())
        && !is_quote(lines[i])
    {
        let framed = t.starts_with("--") && t.ends_with("--");
        let core = t.trim_matches(['-', ' ']);
        let quote_under = lines.get(i + 1).is_some_and(|n| is_quote(n));
        let tail = core.rsplit(' ').next().unwrap_or("").to_lowercase();
        let ends_on_verb = ATTRIBUTION_VERBS
            .iter()
            .any(|v| v.trim().rsplit(' ').next() == Some(tail.as_str()));
        if quote_under || framed || ends_on_verb {
            let l = format!("{} ", core.to_lowercase());
            let time = core
                .split(|c: char| !(c.is_ascii_digit() || c == ':'))
                .any(|w| w.len() >= 4 && w.contains(':') && !w.starts_with(':'));
            if (quote_under || framed || core.contains('@') || time)
                && ATTRIBUTION_STARTS.iter().any(|p| l.starts_with(p))
                && ATTRIBUTION_VERBS.iter().any(|v| l.contains(v))
            {
                return Some(1);
            }
        }
    }
    for e in i..(i + 3).min(lines.len()) {
        let t = lines[e].trim();
        if t.is_empty() || is_quote(lines[e]) || t.len() > MAX_MARKER_LINE {
            return None;
        }
        if attribution_start(lines, e) == Some(i) {
            return Some(e - i + 1);
        }
    }
    None
}

/// If line `e` ends an attribution, where it starts. An attribution wrapped over lines is
/// extended upwards only over lines that look like its beginning (a date word, digits, an
/// address, a dangling "<" or ","), never over a finished sentence.
fn attribution_start(lines: &[&str], e: usize) -> Option<usize> {
    let last = lines[e].trim();
    if !last.ends_with(':') {
        return None;
    }
    let mut s = e;
    while s > 0 && e - s < 2 {
        let joined_start = lines[s]
            .trim()
            .trim_start_matches(['-', '*', '_', ' '])
            .to_lowercase();
        let prev_starts = s > 0 && {
            let p = lines[s - 1].trim().to_lowercase();
            ATTRIBUTION_STARTS
                .iter()
                .any(|st| p.trim_start_matches(['-', '*', '_', ' ']).starts_with(st))
                && p.ends_with(',')
        };
        if ATTRIBUTION_STARTS
            .iter()
            .any(|p| joined_start.starts_with(p))
            && !prev_starts
        {
            break;
        }
        let prev = lines[s - 1].trim();
        if prev.is_empty() || is_quote(lines[s - 1]) || prev.len() > MAX_MARKER_LINE {
            break;
        }
        let pl = prev.to_lowercase();
        let looks_like_start = ATTRIBUTION_STARTS
            .iter()
            .any(|p| pl.trim_start_matches(['-', '*', '_', ' ']).starts_with(p))
            || pl.chars().any(|c| c.is_ascii_digit())
            || pl.contains('@')
            || pl.ends_with('<')
            || pl.ends_with(',');
        let finished = pl.ends_with('.') || pl.ends_with('!') || pl.ends_with('?');
        if !looks_like_start || finished {
            break;
        }
        s -= 1;
    }
    (s..=e).find(|&st| {
        let joined = lines[st..=e]
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        is_attribution(&joined, lines, e + 1)
    })
}

fn is_attribution(s: &str, lines: &[&str], after: usize) -> bool {
    let s = squash(s.trim_start_matches(['-', '*', '_', ' ']));
    let l = s.to_lowercase();
    if l.len() > 600 {
        return false;
    }
    let ends = ATTRIBUTION_ENDS.iter().any(|e| l.ends_with(e));
    let starts = ATTRIBUTION_STARTS.iter().any(|p| l.starts_with(p));
    let verb_inside = l.ends_with(':') && ATTRIBUTION_VERBS.iter().any(|v| l.contains(v));
    if !(ends || (verb_inside && starts)) {
        // Attributions in languages we do not list ("… от Name <a@b>:", "26.06.2014, 14:41,
        // \"Name\" <a@b>:"): a short line ending "address:" or "address>:" with a date and
        // a quote right after it.
        let ends_with_address = l.ends_with(">:") || (l.ends_with(':') && l.contains('@'));
        let quote_follows = next_nonblank(lines, after).is_some_and(|j| is_quote(lines[j]));
        // With no quote after it, the line must carry a date and a time as well as the
        // address ("2014-03-20 8:48 GMT+01:00 Rémi <r@x.com>:", "W dniu 2015-01-07 14:23,
        // a@b.pl pisze:"): the unquoted original follows.
        let has_time = l
            .split(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .any(|w| {
                let parts: Vec<&str> = w.split([':', '.']).collect();
                parts.len() >= 2
                    && parts[..2].iter().all(|p| {
                        (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
                    })
            });
        let digits = l.chars().filter(char::is_ascii_digit).count();
        return ends_with_address
            && (quote_follows || (has_time && digits >= 6))
            && digits > 0
            && l.split(' ').count() <= 20;
    }
    // Keep prose like "Here is what Bob wrote:": an attribution starts with a date word,
    // names an address or a time, or is followed by a quote.
    let has_detail = l.contains('@') || l.chars().any(|c| c.is_ascii_digit());
    let quote_follows = next_nonblank(lines, after).is_some_and(|j| is_quote(lines[j]));
    (starts && has_detail) || quote_follows || (has_detail && ends && l.split(' ').count() <= 25)
}

/// Separator lines whose lower-cased text (dashes and spaces trimmed) is one of these.
const SEPARATORS: &[&str] = &[
    "original message",
    "ursprüngliche nachricht",
    "ursprungliche nachricht",
    "originalnachricht",
    "message d'origine",
    "message original",
    "mensaje original",
    "oorspronkelijk bericht",
    "origineel bericht",
    "mensagem original",
    "messaggio originale",
    "originalmeddelande",
    "original meddelelse",
    "opprinnelig melding",
    "oprindelig besked",
    "oprindelig meddelelse",
    "ursprungligt meddelande",
    "alkuperäinen viesti",
    "forwarded message",
    "forwarded message follows",
    "weitergeleitete nachricht",
    "message transféré",
    "message transfere",
    "mensaje reenviado",
    "doorgestuurd bericht",
    "mensagem encaminhada",
    "mensagem reencaminhada",
    "messaggio inoltrato",
    "reply message",
    "reply above this line",
];

const SEPARATOR_PREFIXES: &[&str] = &[
    "begin forwarded message",
    "anfang der weitergeleiteten nachricht",
    "début du message réexpédié",
    "debut du message reexpedie",
    "inicio del mensaje reenviado",
    "begin doorgestuurd bericht",
    "início da mensagem reencaminhada",
    "inicio da mensagem reencaminhada",
    "início da mensagem encaminhada",
    "inizio messaggio inoltrato",
    "## please do not write below this line",
    "-- please reply above this line --",
];

/// Whether the sender's words end at line `i`: an "Original Message" or forwarded-message
/// line, an Outlook header block, or a line of underscores (Outlook's and list footers' rule).
fn separator_at(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    let t = line.trim();
    if t.is_empty() || t.len() > MAX_MARKER_LINE {
        return false;
    }
    let l = t.to_lowercase();
    let core = l
        .trim_matches(|c: char| c == '-' || c == '=' || c == '_' || c == '*' || c.is_whitespace())
        .trim_end_matches(':')
        .trim();
    if (t.starts_with("--") || t.starts_with("==") || t.starts_with("__") || t.starts_with('*'))
        && SEPARATORS.contains(&core)
    {
        return true;
    }
    if SEPARATORS.contains(&core) && (t.ends_with("--") || t.ends_with(':')) {
        return true;
    }
    if SEPARATOR_PREFIXES.iter().any(|p| core.starts_with(p)) {
        return true;
    }
    if t.chars().count() >= 5 && t.chars().all(|c| c == '_') {
        return true;
    }
    header_block_at(lines, i)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum HeaderKind {
    From,
    Date,
    To,
    Subject,
}

/// The kind of an Outlook-style header line ("From: …", "*Von:* …", "De : …").
fn header_kind(line: &str) -> Option<HeaderKind> {
    let t = line
        .trim()
        .trim_start_matches(['*', '_', '\u{a0}', ' ', '\u{200e}', '\u{200f}'])
        .replace(['\u{a0}', '\u{200e}', '\u{200f}'], " ")
        .replace('：', ":");
    let colon = t.find(':')?;
    if colon > 24 {
        return None;
    }
    let name = t[..colon]
        .trim()
        .trim_end_matches(['*', '_'])
        .trim()
        .to_lowercase();
    use HeaderKind::*;
    let kind = match name.as_str() {
        "from" | "von" | "de" | "van" | "da" | "fra" | "från" | "od" | "lähettäjä" | "от"
        | "afzender" | "remetente" | "expéditeur" | "absender" | "от кого" | "od:" | "发件人" => {
            From
        }
        "sent"
        | "date"
        | "gesendet"
        | "datum"
        | "envoyé"
        | "envoye"
        | "enviado"
        | "enviada"
        | "verzonden"
        | "data"
        | "fecha"
        | "inviato"
        | "skickat"
        | "sendt"
        | "lähetetty"
        | "verstuurd"
        | "enviado el"
        | "envoyé le"
        | "envoye le"
        | "message du"
        | "发送时间"
        | "日期"
        | "wysłane"
        | "enviado em"
        | "enviada em"
        | "sent at"
        | "date sent"
        | "отправлено"
        | "дата" => Date,
        "to" | "an" | "à" | "a" | "para" | "aan" | "per" | "till" | "til" | "cc" | "kopie"
        | "bcc" | "destinataire" | "destinatario" | "empfänger" | "кому" | "копия" | "收件人"
        | "抄送" | "do" => To,
        "subject" | "betreff" | "objet" | "asunto" | "onderwerp" | "assunto" | "oggetto"
        | "ämne" | "emne" | "aihe" | "тема" | "sujet" | "主题" | "temat" => Subject,
        _ => return None,
    };
    Some(kind)
}

/// An Outlook / Apple Mail / Thunderbird header block of a quoted message: a From or Date line
/// followed closely by at least one more header line, with a From line among them.
fn header_block_at(lines: &[&str], i: usize) -> bool {
    let Some(first) = header_kind(lines[i]) else {
        return false;
    };
    // Some clients put the block on one line: "From: X Sent: Y To: Z Subject: W".
    if first == HeaderKind::From {
        let l = lines[i].to_lowercase();
        let more = [
            " sent:",
            " date:",
            " to:",
            " subject:",
            " gesendet:",
            " an:",
            " betreff:",
            " envoyé :",
            " objet :",
            " enviado:",
            " asunto:",
            " verzonden:",
            " onderwerp:",
            " assunto:",
        ]
        .iter()
        .filter(|m| l.contains(*m))
        .count();
        if more >= 2 {
            return true;
        }
    }
    if !matches!(first, HeaderKind::From | HeaderKind::Date) {
        return false;
    }
    let mut kinds = vec![first];
    let mut blanks = 0;
    for line in lines.iter().skip(i + 1).take(8) {
        if line.trim().is_empty() {
            blanks += 1;
            if blanks > 2 {
                break;
            }
            continue;
        }
        match header_kind(line) {
            Some(k) => {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
            None => {
                // Long From values wrap onto the next line; allow one such line.
                if kinds.len() >= 2 {
                    break;
                }
            }
        }
    }
    kinds.len() >= 2
        && kinds.contains(&HeaderKind::From)
        && (kinds.contains(&HeaderKind::Date) || kinds.contains(&HeaderKind::Subject))
}

/// Lower-case beginnings of mobile and webmail footers.
const FOOTERS: &[&str] = &[
    "sent from my ",
    "sent from outlook",
    "sent from mail for windows",
    "sent from yahoo mail",
    "sent from aol mobile",
    "sent from the all new aol",
    "sent from samsung",
    "sent from gmail mobile",
    "sent from proton",
    "sent from fastmail",
    "sent from mobile",
    "sent from iphone",
    "sent from ipad",
    "sent with sparrow",
    "sent with proton",
    "sent via blackberry",
    "sent via the samsung",
    "sent using ",
    "sent on the go",
    "get outlook for ",
    "télécharger outlook pour",
    "obtenir outlook pour",
    "outlook für ios",
    "outlook für android",
    "von meinem ",
    "gesendet von meinem ",
    "gesendet von mein ",
    "gesendet mit ",
    "gesendet vom ",
    "diese nachricht wurde von meinem",
    "envoyé de mon ",
    "envoyé depuis mon ",
    "envoyé à partir de ",
    "envoye de mon ",
    "enviado desde mi ",
    "enviado desde ",
    "enviado con ",
    "enviado do meu ",
    "enviado de meu ",
    "enviado a partir do ",
    "enviado pelo ",
    "verstuurd vanaf mijn ",
    "verzonden vanaf mijn ",
    "verzonden met ",
    "verstuurd met ",
    "inviato da ",
    "skickat från min ",
    "skickat från ",
    "sendt fra min ",
    "sendt fra ",
    "lähetetty ",
    "verzonden vanaf ",
    "verstuurd vanaf ",
    "enviado desde mi ",
    "enviado do ",
    "envoyé de mon ",
    "gesendet von ",
    "sent from ",
];

/// The length of a "sent from" opening of any client or language, by its structure: a verb of
/// sending, then a word of where from or with what ("Envoyé depuis l'application Mail
/// Orange", "Verzonden vanuit Outlook voor Android", "Enviado via Gmail Go"). Why a structure
/// and not more phrases: each phone, provider and app writes its own, the list of
/// `FOOTERS` grew with every one met; these two words open all of them. The checks of a
/// footer (short, nothing but quotes or short lines after it) apply as for the phrases.
fn sent_from_len(l: &str) -> Option<usize> {
    const SENT: &[&str] = &[
        "sent",
        "gesendet",
        "verschickt",
        "envoyé",
        "envoye",
        "enviado",
        "enviada",
        "verzonden",
        "verstuurd",
        "inviato",
        "skickat",
        "sendt",
        "lähetetty",
    ];
    const FROM: &[&str] = &[
        "from", "with", "via", "using", "on", "von", "vom", "mit", "aus", "über", "de", "depuis",
        "avec", "à", "desde", "con", "do", "da", "pelo", "pela", "vanaf", "vanuit", "met", "van",
        "från", "fra", "med",
    ];
    let mut words = l.split(' ');
    let verb = words.next()?;
    let from = words.next()?;
    (SENT.contains(&verb) && FROM.contains(&from))
        .then(|| (verb.len() + 1 + from.len() + 1).min(l.len()))
}

/// A company's notice of confidentiality: a word for the message and a word of
/// confidentiality or of its intended recipient, not in the first person.
fn confidentiality_notice(l: &str) -> bool {
    const MESSAGE: &[&str] = &[
        "message",
        "e-mail",
        "email",
        "nachricht",
        "mensagem",
        "mensaje",
        "correo",
        "courriel",
        "bericht",
        "mail",
    ];
    // Stems: "confidential", "confidentiel", "confidencial", "confidenciais", "confidentialité".
    const SECRET: &[&str] = &[
        "confiden",
        "vertraulich",
        "vertrouwelijk",
        "privileg",
        "destinatari",
        "destinatári",
        "destinatai",
        "geadresseerde",
        "empfänger",
    ];
    // Cheap first: most lines name no confidentiality at all.
    if !(l.contains("intended recipient") || SECRET.iter().any(|s| l.contains(s))) {
        return false;
    }
    let words: Vec<&str> = l
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let first_person = words.iter().any(|w| {
        matches!(
            *w,
            "i" | "i'm" | "me" | "my" | "ich" | "je" | "j'ai" | "yo" | "ik" | "eu" | "we" | "wir"
        )
    });
    words.len() >= 5
        && !first_person
        && words.iter().any(|w| MESSAGE.contains(w))
        && (l.contains("intended recipient")
            || words
                .iter()
                .any(|w| SECRET.iter().any(|s| w.starts_with(s))))
}

/// Lower-case phrases that begin a legal disclaimer.
const DISCLAIMERS: &[&str] = &[
    "confidentiality notice",
    "confidentiality note",
    "disclaimer:",
    "this email and any attachments",
    "this e-mail and any attachments",
    "this email and any files",
    "this e-mail and any files",
    "this message and any attachments",
    "this email is confidential",
    "this e-mail is confidential",
    "this message is confidential",
    "this email message is for the sole use",
    "this e-mail message is for the sole use",
    "the information contained in this",
    "the information in this e-mail",
    "the information in this email",
    "if you are not the intended recipient",
    "diese e-mail enthält vertrauliche",
    "diese nachricht enthält vertrauliche",
    "diese e-mail kann vertrauliche",
    "ce message et toutes les pièces jointes",
    "ce message et les pièces jointes",
    "ce courriel et ses pièces jointes",
    "este mensaje y sus anexos",
    "este mensaje se dirige exclusivamente",
    "este correo electrónico y",
    "este correo y sus anexos",
    "aviso de confidencialidad",
    "dit e-mailbericht is",
    "deze e-mail is uitsluitend",
    "dit bericht is uitsluitend",
    "esta mensagem e seus anexos",
    "esta mensagem pode conter",
    "esta mensagem é confidencial",
    "aviso legal:",
    "nota legal:",
    "mentions légales",
    "rechtlicher hinweis",
    "juridische mededeling",
];

/// Whether a signature, mobile footer or disclaimer starts at this line.
fn is_signature_start(line: &str, rest: &[&str], has_content: bool) -> bool {
    let t = line.trim();
    if line == "-- " || line.trim_end() == "--" || t == "-- " || line == "—" {
        return true;
    }
    if t.len() > MAX_MARKER_LINE {
        return false;
    }
    let l = crate::text::squash(&t.to_lowercase());
    if let Some(p) = FOOTERS
        .iter()
        .find(|p| l.starts_with(*p))
        .map(|p| p.len())
        .or_else(|| sent_from_len(&l))
    {
        let tail = &l[p..];
        // "Sent from my iPhone", not "Sent from my desk, is much easier than my phone."
        let words = tail.split_whitespace().count();
        let short = words <= 6 && !tail.contains(',') && !tail.contains(". ");
        let ends_here = rest.iter().take(3).all(|r| {
            let r = r.trim();
            r.is_empty() || is_quote(r) || r.len() < 80
        });
        if short && ends_here {
            return true;
        }
        // "Sent from my Wiko RIDGE FAB 4G" alone in its paragraph, the old mail below it.
        if short && words <= 5 && rest.first().is_some_and(|r| r.trim().is_empty()) {
            return true;
        }
        // "Get Outlook for iOS<https://aka.ms/…>" right above the line that ends the words
        // (a rule, a header block): the footer belongs to what ends there.
        if short && !rest.is_empty() && separator_at(rest, 0) {
            return true;
        }
    }
    if has_content && DISCLAIMERS.iter().any(|d| l.starts_with(d)) {
        return true;
    }
    // "AVISO: Esta mensagem pode conter informações confidenciais", "Le présent courriel est
    // confidentiel": a notice that names the message and its confidentiality (or its
    // intended recipient), in any of our languages — two signals, not a list of sentences.
    // A person's own sentence ("I'm sending this message in confidence") is never one.
    if has_content && confidentiality_notice(&l) {
        return true;
    }
    // "Please consider the environment before printing this email", "Bitte denken Sie an die
    // Umwelt, bevor Sie diese E-Mail drucken", "Antes de imprimir …": a footer line that
    // speaks of printing and of the environment, in any of our languages (two signals, no
    // list of sentences).
    if has_content {
        let print = [
            "print",
            "drucken",
            "druck",
            "imprim",
            "printen",
            "afdrukken",
            "afdruk",
        ]
        .iter()
        .any(|w| l.contains(w));
        let nature = [
            "environment",
            "umwelt",
            "environnement",
            "planète",
            "planet",
            "medio ambiente",
            "ambiente",
            "milieu",
            "natureza",
            "naturaleza",
            "🌱",
            "🌳",
            "🌍",
        ]
        .iter()
        .any(|w| l.contains(w));
        if print && nature {
            return true;
        }
    }
    // "Informationen zum Datenschutz finden Sie unter www.…", "Privacy notice:
    // https://…/privacy", "Política de privacidad: …": a footer line that speaks of data
    // protection and points to a web address, in any of our languages (two signals, no list
    // of sentences). A person's sentence about it has no address in it, or speaks as "I".
    if has_content && !l.ends_with('?') {
        let privacy = [
            "datenschutz",
            "dsgvo",
            "privacy",
            "gdpr",
            "données personnelles",
            "protection des données",
            "confidentialité des données",
            "rgpd",
            "protección de datos",
            "privacidad",
            "datos personales",
            "persoonsgegevens",
            "privacyverklaring",
            "proteção de dados",
            "dados pessoais",
            "privacidade",
            "lgpd",
        ]
        .iter()
        .any(|w| l.contains(w));
        let address = l.contains("www.")
            || l.contains("http://")
            || l.contains("https://")
            || l.split_whitespace().any(|w| {
                let host = w.split('/').next().unwrap_or("");
                host.contains('.')
                    && host.split('.').count() >= 2
                    && host.rsplit('.').next().is_some_and(|tld| {
                        (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
                    })
                    && w.contains('/')
            });
        let person = l
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .any(|w| matches!(w, "i" | "i'm" | "my" | "ich" | "je" | "yo" | "ik" | "eu"));
        if privacy && address && !person {
            return true;
        }
    }
    // Disclaimers phrased in ways no list holds: a long line that says "confidential" and
    // speaks of its addressee or of receiving it in error, in any of our languages.
    if has_content && l.len() > 80 {
        let confidential = [
            "confidential",
            "vertraulich",
            "confidentiel",
            "confidencial",
            "vertrouwelijk",
            "riservat",
            "privileged",
        ]
        .iter()
        .any(|w| l.contains(w));
        let addressee = [
            "intended",
            "addressee",
            "recipient",
            "in error",
            "by mistake",
            "adressat",
            "empfänger",
            "irrtümlich",
            "destinataire",
            "par erreur",
            "destinatario",
            "por error",
            "geadresseerde",
            "onterecht",
            "per vergissing",
            "por engano",
            "por erro",
        ]
        .iter()
        .any(|w| l.contains(w));
        if confidential && addressee {
            return true;
        }
    }
    false
}

/// Drops a closing "-Name" sign-off (email_reply_parser's dash signature).
fn drop_trailing_signoff(out: &mut Vec<&str>) {
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    if let Some(last) = out.last() {
        let t = last.trim();
        let after = t.trim_start_matches('-');
        let dashes = t.len() - after.len();
        if (1..=2).contains(&dashes)
            && after.starts_with(|c: char| c.is_alphabetic())
            && after.split_whitespace().count() <= 4
            && out.len() > 1
        {
            out.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_gmail_quote() {
        let t = "Yes, count me in.\n\nOn Tue, Mar 5, 2024 at 10:00 AM Circle <\ncircle@example.org> wrote:\n\n> Will you come?\n> Reply YES\n";
        assert_eq!(own_words_of(t), "Yes, count me in.");
    }

    #[test]
    fn keeps_inline_answers() {
        let t = "On Tue, Bob <b@x.org> wrote:\n> Coming?\nYes\n> Topic?\nTesting\n";
        assert_eq!(own_words_of(t), "Yes\nTesting");
    }

    #[test]
    fn cuts_outlook_block() {
        let t = "Ja, ich komme.\n\nVon: Circle <circle@example.org>\nGesendet: Dienstag, 5. März 2024 10:00\nAn: Ann\nBetreff: Treffen\n\nKommst du?";
        assert_eq!(own_words_of(t), "Ja, ich komme.");
    }

    #[test]
    fn cuts_footers_and_signatures() {
        assert_eq!(own_words_of("Oui\n\nEnvoyé de mon iPhone\n"), "Oui");
        // Any client's "sent from", by its two opening words.
        assert_eq!(
            own_words_of("Oui je serai là\nEnvoyé depuis l'application Mail Orange\n"),
            "Oui je serai là"
        );
        assert_eq!(
            own_words_of("Kan niet.\n\nVerzonden vanuit Outlook voor Android\n"),
            "Kan niet."
        );
        // A notice of confidentiality under a label, in Portuguese; the block above it.
        assert_eq!(
            own_words_of("Vou sim.\n\nAbraços,\nRicardo Silva\nConsultor Sênior | Exemplo Consultoria\nTel: +55 11 3000-0000\nwww.example.com.br\n\nAVISO: Esta mensagem pode conter informações confidenciais.\n"),
            "Vou sim.\n\nAbraços,\nRicardo Silva"
        );
        // A phone's signature straight under the answer.
        assert_eq!(
            own_words_of("Count me in!\nSarah Jones\nMarketing Director, Example Inc.\n555-0100\n"),
            "Count me in!"
        );
        // A person's own sentence about confidentiality stays.
        assert_eq!(
            own_words_of("Yes.\n\nI will keep this message confidential, promise.\n"),
            "Yes.\n\nI will keep this message confidential, promise."
        );
        // A bare opening alone on its line is no panic.
        let _ = own_words_of("Yes\n\nsent from\n");
        assert_eq!(own_words_of("Yes\n-- \nAnn\n"), "Yes");
        assert_eq!(
            own_words_of("Here\n\nSent from my desk, is much easier then my mobile phone."),
            "Here\n\nSent from my desk, is much easier then my mobile phone."
        );
    }

    #[test]
    fn one_is_not_on() {
        let t = "One outstanding question\n\nOn your host run:\n  ls\n";
        assert_eq!(own_words_of(t), t.trim_end());
    }

    #[test]
    fn long_lines_are_fast() {
        let t = format!("Hi\n\n{}\n", ">".repeat(700_000));
        assert_eq!(own_words_of(&t), "Hi");
    }
}
#[cfg(test)]
mod regression {
    #[test]
    fn text_line_before_a_wrapped_attribution_stays() {
        let t = "Hello\n02.04.2012 14:20 пользователь \"bob@xxx.mailgun.org\" <\nbob@xxx.mailgun.org> написал:\n\n> Hi\n>\n\n";
        assert_eq!(super::own_words_of(t), "Hello");
    }
}
