//! Where a person's words end and their sign-off begins.
//!
//! Why structure and not a list of whole sign-offs: people close in endless variations
//! ("Best, Kim", "LG Anna", "Cheers,\nKim\n\nKim Taylor\nSenior …", a bare first name, a name
//! followed by a company block). What they share is the shape: a closing formula (a short
//! word list per language, matched at the start of a line) or the sender's own name, and after
//! it only short lines — names, titles, addresses, phone numbers — never another sentence.
//! So a sign-off is cut when (a) it starts with a closing formula or the sender's name and
//! (b) everything after it looks like a signature. The same test, without a formula, cuts a
//! trailing contact block (a corporate signature: title, street, phone, register number).

/// Closing formulas, lower-case, accents kept (compared to the start of a line). A formula
/// alone on its line, or followed by a comma and a name ("Best, Kim"), or by a name directly
/// ("LG Anna").
pub(crate) const CLOSINGS: &[&str] = &[
    // English
    "best",
    "best regards",
    "best wishes",
    "kind regards",
    "regards",
    "warm regards",
    "warmest regards",
    "many thanks",
    "thanks",
    "thank you",
    "thanks again",
    "thanks all",
    "thanks everyone",
    "thx",
    "cheers",
    "all the best",
    "take care",
    "see you",
    "see you soon",
    "talk soon",
    "speak soon",
    "yours",
    "sincerely",
    "yours sincerely",
    "best,",
    "br",
    "kr",
    "rgds",
    "love",
    "xx",
    "later",
    // German
    "viele grüße",
    "viele grüsse",
    "liebe grüße",
    "liebe grüsse",
    "beste grüße",
    "beste grüsse",
    "schöne grüße",
    "herzliche grüße",
    "freundliche grüße",
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "grüße",
    "grüsse",
    "gruß",
    "gruss",
    "lg",
    "vg",
    "mfg",
    "bis dann",
    "bis bald",
    "danke",
    "danke dir",
    "ciao",
    "tschüss",
    // French
    "bonne journée",
    "bonne soirée",
    "bonne fin de journée",
    "cordialement",
    "bien à vous",
    "bien à toi",
    "bises",
    "bisous",
    "amitiés",
    "à bientôt",
    "a bientôt",
    "à plus",
    "merci",
    "merci beaucoup",
    "salutations",
    "bien cordialement",
    "belle journée",
    "à jeudi",
    // Spanish
    "un saludo",
    "saludos",
    "un abrazo",
    "abrazos",
    "gracias",
    "muchas gracias",
    "atentamente",
    "besos",
    "hasta pronto",
    "nos vemos",
    "un beso",
    "saludos cordiales",
    // Dutch
    "groetjes",
    "groet",
    "groeten",
    "met vriendelijke groet",
    "vriendelijke groet",
    "hartelijke groet",
    "met groet",
    "tot dan",
    "tot snel",
    "tot donderdag",
    "bedankt",
    "dank je",
    "mvg",
    "gr",
    // Portuguese
    "abraço",
    "abraços",
    "um abraço",
    "beijinhos",
    "beijos",
    "cumprimentos",
    "com os melhores cumprimentos",
    "atenciosamente",
    "até breve",
    "até logo",
    "até já",
    "obrigado",
    "obrigada",
    "saudações",
    "até mais",
    "hasta luego",
    "bis später",
    "à plus tard",
    "tot later",
    "until then",
    // Abbreviations people type on phones and in a hurry.
    "abs",
    "abçs",
    "bjs",
    "bjos",
    "atte",
    "slds",
    "cdlt",
    "bàv",
    "grtz",
    "grts",
    "brgds",
    "tschau",
];

/// The tokens of the sender's name worth matching ("Kim Taylor" → kim, taylor), lower-case.
pub(crate) fn name_tokens(name: Option<&str>) -> Vec<String> {
    name.unwrap_or("")
        .split(|c: char| c.is_whitespace() || c == ',' || c == '"' || c == '(' || c == ')')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 2)
        .collect()
}

/// Words of a line, lower-case, punctuation at their ends off.
fn words(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a line is a closing formula, alone or with a name after it.
fn is_closing(line: &str, names: &[String]) -> bool {
    let t = line.trim().trim_start_matches(['-', '–', '—', ' ']);
    if t.is_empty() || t.chars().count() > 60 || t.ends_with('?') {
        return false;
    }
    let l = t.to_lowercase();
    let core = l.trim_end_matches(['.', ',', '!', ' ', '-', '–']);
    for c in CLOSINGS {
        let c = c.trim_end_matches(',');
        if core == c {
            return true;
        }
        if let Some(rest) = core.strip_prefix(c) {
            // "Best, Kim" / "LG Anna" / "Thanks! Kim": a name (capitalised words) or the
            // sender's name after the formula, nothing else.
            if !rest.starts_with([',', ' ', '!', '.']) {
                continue;
            }
            let orig_rest = &t[t.len() - rest.len()..];
            let ws: Vec<&str> = orig_rest
                .split(|ch: char| ch.is_whitespace() || ch == ',' || ch == '!' || ch == '.')
                .filter(|w| !w.is_empty())
                .collect();
            if ws.is_empty() {
                return true;
            }
            let named = ws.len() <= 3
                && ws.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || names.contains(&w.to_lowercase())
                });
            if named {
                return true;
            }
        }
    }
    false
}

/// Whether a line is the sender's name, or a bare capitalised name when the sender's is
/// unknown ("Kim", "-Kim", "Kim T.", "Anna Keller").
fn is_name_line(line: &str, names: &[String]) -> bool {
    let t = line.trim().trim_start_matches(['-', '–', '—', '~', ' ']);
    let ws = words(t);
    if ws.is_empty() || ws.len() > 3 || t.chars().count() > 40 {
        return false;
    }
    if t.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '?' | ':' | '@'))
    {
        return false;
    }
    !names.is_empty() && names.contains(&ws[0])
}

/// Contact details and company furniture that make a line part of a signature.
pub(crate) fn is_contact_line(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    if l.is_empty() {
        return false;
    }
    let digits = l.chars().filter(char::is_ascii_digit).count();
    let phone = digits >= 6
        && (l.starts_with('+')
            || l.contains(" +")
            || [
                "tel", "t:", "t ", "m:", "m ", "mob", "phone", "fon", "fax", "tél", "cel", "tlf",
                "telf",
            ]
            .iter()
            .any(|p| l.starts_with(p)));
    // A line that is a phone number and nothing else ("06 12 34 56 78", "+31 (0)20 123 45"),
    // or one with a short label before it in any language ("Móvil: 600 123 456", "WhatsApp:
    // +55 …", "Standard : +33 …"): the shape says phone, not the label.
    let phone_shaped = |t: &str| {
        let t = t.trim();
        t.chars().filter(char::is_ascii_digit).count() >= 8
            && t.chars()
                .filter(|c| c.is_ascii_digit() || " +-()./".contains(*c))
                .count()
                * 10
                >= t.chars().count() * 9
    };
    let labelled = l.split_once(':').is_some_and(|(label, rest)| {
        label.split_whitespace().count() <= 2 && !label.is_empty() && phone_shaped(rest)
    });
    let phone = phone || phone_shaped(&l) || labelled;
    let web = l.contains("www.")
        || l.contains("http://")
        || l.contains("https://")
        || l.split_whitespace().any(is_domain);
    let mail = l.contains('@') && !l.contains(' ');
    let padded = format!(" {l} ");
    let company = [
        " gmbh",
        " ltd",
        " llc",
        " inc",
        " b.v.",
        " bv",
        " s.l.",
        " sl ",
        " sas",
        " sarl",
        " s.a.",
        " lda",
        " ag",
        " kg",
        " e.v.",
        "kvk ",
        "hrb ",
        "amtsgericht",
        "geschäftsführer",
        "ust-id",
        "vat ",
        "siret",
        "registered in",
        "member of",
        "mitglied im",
        "membre de",
        "miembro de",
        "lid van",
        "membro d",
        "nipc",
        "nif ",
        "cif ",
        "btw ",
        "tva ",
        "rcs ",
        "crm-",
        "capital de",
        "capital social",
        "au capital",
        "registered office",
        "sitz der gesellschaft",
        "handelsregister",
        "vorstand:",
        "aufsichtsrat",
        "board of directors",
        "directors:",
    ]
    .iter()
    .any(|c| padded.contains(c))
        // "I registered in the app yesterday": a person's sentence, not a company's line.
        && !first_person(&l);
    let piped = (l.contains(" | ") || l.contains(" · ")) && l.split_whitespace().count() <= 14;
    let postcode = l.split([',', '|', '·']).any(|part| {
        let p = part.trim();
        let lead: String = p
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        (lead.len() >= 4 && p.len() > lead.len() && p[lead.len()..].starts_with(' '))
            || p.split_whitespace().any(|w| {
                w.len() == 3
                    && w.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && w.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
                    && w.chars()
                        .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && part.contains(char::is_uppercase)
            })
    });
    let street = [
        " road", " street", " st.", " lane", " avenue", " ave ", " av.", "straße", "strasse",
        "str.", " weg ", " rue ", "calle ", "paseo ", " rua ", " laan", "straat", "plein ",
        "postbus", "platz ", " gasse", "p.o. box", "c/ ",
    ]
    .iter()
    .any(|c| padded.contains(c))
        && padded.contains(',');
    phone || web || mail || company || piped || postcode || street
}

/// A bare domain or web address without "www." ("hartstudio.example.com",
/// "calendly.example.com/kim"): labels of letters, digits and hyphens joined by dots, the
/// last one alphabetic; "e.g." and "etc." are not.
fn is_domain(w: &str) -> bool {
    let w = w.trim_matches(|c: char| "()[]<>,;\"'".contains(c));
    let host = w.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.len() <= 6 && l.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A job title or a role line of a signature ("Founder, Hart Studio", "Teamleitung Einkauf",
/// "Responsable achats", "Diretor Financeiro"), or the pronouns people put by their name.
/// One signal among several (see `cut_contact_block`), never enough alone.
fn is_role_line(line: &str) -> bool {
    let l = format!(" {} ", crate::text::fold(line.trim()));
    if l.trim().is_empty() || l.split_whitespace().count() > 8 {
        return false;
    }
    [
        " founder",
        " co-founder",
        " director",
        " manager",
        " partner",
        " ceo",
        " cto",
        " cfo",
        " head of",
        " owner",
        " consultant",
        " adviser",
        " advisor",
        " officer",
        " president",
        " she/her",
        " he/him",
        " they/them",
        " geschaftsfuhr",
        " leitung",
        " leiter",
        " inhaber",
        " berater",
        " referent",
        " responsable",
        " directeur",
        " directrice",
        " consultante",
        " president",
        " gerant",
        " fondat",
        " directora",
        " gerente",
        " responsable",
        " socio",
        " socia",
        " adviseur",
        " projectleider",
        " eigenaar",
        " oprichter",
        " directeur",
        " diretor",
        " diretora",
        " socio",
        " fundador",
        " consultor",
        " engineer",
        " ingenieur",
        " architect",
        " arquitect",
        // The business a person signs for: a practice, a studio, an office.
        " praktijk",
        " praxis",
        " cabinet",
        " clinica",
        " clinic",
        " studio",
        " kanzlei",
        " atelier",
        " bureau",
        " agency",
        " agentur",
        " despacho",
        " escritorio",
        " partners",
        " & partner",
        " & co",
        " & filhos",
        " & hijos",
        " & sohn",
        " & zn",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A line that may stand in a signature: short, not a sentence that goes on.
fn signature_like(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return true;
    }
    if t.ends_with('?') {
        return false;
    }
    let n = t.chars().count();
    // The company's legal sentence under a signature ("Klein Legal LLP is authorised and
    // regulated by …", "… registered in England. Registered office as above.") is long, but
    // no person writes it: it belongs to the block like a register number.
    // (the word count first: `is_contact_line` is the dearer test, issue 14)
    (n <= 90 && (t.split_whitespace().count() <= 8 || is_contact_line(t)))
        || (n <= 400 && is_register_line(t) && !first_person(t))
        || is_rule_line(t)
        || is_motto(t)
}

/// A quotation signed with its author, as people put under their name: `"The best way out
/// is always through." – Robert Frost`, `« … » — Proverbe`.
fn is_motto(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !"\"“„«‘'".contains(first) || t.chars().count() > 200 {
        return false;
    }
    [" – ", " - ", " — ", " ~ "].iter().any(|d| {
        t.rsplit_once(d).is_some_and(|(quote, author)| {
            quote.trim_end().ends_with(['"', '”', '“', '»', '’', '\''])
                && (1..=4).contains(&author.split_whitespace().count())
        })
    })
}

/// Whether a line speaks in the first person (a person's sentence, not a company's notice).
fn first_person(t: &str) -> bool {
    t.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(str::to_lowercase)
        .any(|w| {
            [
                "i", "i'm", "i've", "my", "me", "we", "our", "ich", "mein", "meine", "wir", "je",
                "j'ai", "mon", "ma", "nous", "yo", "mi", "nosotros", "ik", "mijn", "wij", "eu",
                "meu", "minha", "nós",
            ]
            .contains(&w.as_str())
        })
}

/// A rule drawn above a signature: "---", "___", "***", "====" (three or more).
fn is_rule_line(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '*' | '=' | '—' | '–'))
}

/// Cuts a trailing sign-off: from a closing formula or the sender's name on, when only
/// signature-like lines follow; also a trailing contact block of a corporate signature.
/// `out` holds the kept lines; what is cut is dropped from its end.
pub(crate) fn cut_signoff(out: &mut Vec<&str>, names: &[String]) {
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    let first_content = out.iter().position(|l| !l.trim().is_empty());
    let Some(first_content) = first_content else {
        return;
    };
    // The first line that begins a sign-off, after some content. At most eight lines follow
    // a sign-off, so only the last lines need looking at (long messages stay fast).
    let mut tail_from = out.len();
    let mut seen = 0;
    while tail_from > 0 && seen < 10 {
        tail_from -= 1;
        if !out[tail_from].trim().is_empty() {
            seen += 1;
        }
    }
    let mut cut = None;
    for i in (first_content + 1).max(tail_from)..out.len() {
        let line = out[i];
        let starts = is_closing(line, names)
            || (is_name_line(line, names) && out[i - 1].trim().is_empty())
            || (is_name_line(line, names) && i + 1 == out.len());
        if !starts {
            continue;
        }
        let rest = &out[i + 1..];
        let rest_lines = rest.iter().filter(|l| !l.trim().is_empty()).count();
        if rest_lines <= 8 && rest.iter().all(|l| signature_like(l)) {
            cut = Some(i);
            break;
        }
    }
    if let Some(i) = cut {
        out.truncate(i);
    } else {
        cut_contact_block(out);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
}

/// A corporate signature with no "-- " above it: from the start of a paragraph to the end,
/// at most eight short lines per paragraph.
///
/// Why a score and not one rule: no single line says "signature". A phone number alone may
/// be an answer ("call me on 0612345678"), a name alone is a sign-off that stays, a job title
/// alone is a sentence fragment. Together they are a signature. So each trailing line scores
/// its signals — contact details (phone, web or bare domain, address, street, postcode,
/// company form or register number) 2, a role or pronouns 1, a name line heading the block 1
/// — and the trailing block goes when it scores 3 or more. A closing formula ("Cordialement,",
/// "Com os melhores cumprimentos,") that heads the block stays with the name under it: the
/// sign-off is the sender's, the furniture after it is not.
pub(crate) fn cut_contact_block(out: &mut Vec<&str>) {
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    let mut start = out.len();
    let mut score = 0;
    let mut named_block = false;
    let mut signed_head = false;
    loop {
        let end = start;
        let mut p = start;
        while p > 0 && !out[p - 1].trim().is_empty() {
            p -= 1;
        }
        // "Count me in!\nSarah Jones\nMarketing Director, Example Inc.\n555-0100": a phone
        // writes the signature straight under the answer, no blank line between. In the last
        // paragraph, a name line after words of the message heads a block of its own.
        if end == out.len() {
            let whole = &out[p..end];
            // signed_from[k]: every line from k on is signature-like (one pass from the end,
            // not one per line the block could start at).
            let mut signed_from = vec![true; whole.len() + 1];
            for k in (0..whole.len()).rev() {
                signed_from[k] = signed_from[k + 1] && signature_like(whole[k]);
            }
            let own = !signed_from[0] || !out[..p].iter().any(|l| !l.trim().is_empty());
            if own {
                if let Some(k) = (1..whole.len().saturating_sub(1))
                    .find(|&k| is_bare_name(whole[k]) && signed_from[k])
                {
                    p += k;
                }
            }
        }
        let para = &out[p..end];
        let first_content = out[..p].iter().any(|l| !l.trim().is_empty());
        if para.is_empty()
            || para.len() > 12
            || !first_content
            || !para.iter().all(|l| signature_like(l))
        {
            break;
        }
        // A closing formula heading the paragraph, and the name line under it, stay; a rule
        // drawn above the block goes with it.
        let mut head = 0;
        let rule = usize::from(is_rule_line(para[0]));
        if rule == 0 && is_closing(para[0], &[]) {
            head = 1;
            if para.len() > 1 && is_bare_name(para[1]) {
                head = 2;
            }
        }
        let body = &para[head + rule..];
        // "Mark Dunn | Sound Engineer | 07700 900456 | markdunn.example.com": a signature's
        // lines written side by side, joined by bars or middle dots. Each segment is scored
        // as the line it stands for, and the block keeps the better of both readings.
        let segments: Vec<&str> = body.iter().flat_map(|l| side_by_side(l)).collect();
        let (s_lines, named_lines) = block_score(body, head);
        let (s_segments, named_segments) = block_score(&segments, head);
        let (s, named) = if s_segments > s_lines {
            (s_segments, named_segments)
        } else {
            (s_lines, named_lines)
        };
        named_block = named || head == 2;
        if s == 0 {
            break;
        }
        score += s;
        start = p + head;
        if head > 0 {
            signed_head = head == 2;
            break;
        }
        while start > 0 && out[start - 1].trim().is_empty() {
            start -= 1;
        }
        if start == 0 {
            break;
        }
    }
    // A name line heading the block needs only one more signal: "Marc Vidal\nArchitecte DPLG".
    if (score >= 3 || (named_block && score >= 2) || (signed_head && score >= 1))
        && start < out.len()
    {
        out.truncate(start);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
}

/// The signals of a block's lines (see `cut_contact_block`): contact details 2, a role or a
/// business 1, a register line 1, a motto 1, a name heading it 1; and whether a name heads it.
/// `head` is 2 when a closing and a name stand above the lines.
fn block_score(body: &[&str], head: usize) -> (usize, bool) {
    let contacts = body.iter().filter(|l| is_contact_line(l)).count();
    let named = head == 0 && !body.is_empty() && is_bare_name(body[0]) && body.len() > 1;
    // Under a sign-off (a closing and a name) or a name line, any short label line is
    // the signature's: a role or a business in any language ("Traductora jurada",
    // "Coach certifiée", "Vertrieb"), however it is capitalised.
    let under_name = head == 2 || named;
    let roles = body
        .iter()
        .enumerate()
        .filter(|&(k, l)| {
            !is_contact_line(l)
                && (is_role_line(l)
                    || (k > 0 && is_title_cased(l))
                    || (under_name && (k > 0 || head == 2) && is_label_line(l)))
        })
        .count();
    let registers = body.iter().filter(|l| is_register_line(l)).count();
    let mottos = body.iter().filter(|l| is_motto(l)).count();
    (
        2 * contacts + registers + roles + mottos + usize::from(named),
        named,
    )
}

/// The segments of a line that joins a signature's lines with " | " or " · " (the line
/// itself when it joins none).
fn side_by_side(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = line
        .split(['|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2 && (line.contains(" | ") || line.contains(" · ")) {
        parts
    } else {
        vec![line]
    }
}

/// A company's legal furniture ("Amtsgericht Stuttgart HRB 123456", "Vorstand: …", "RCS
/// Paris …", "Registered in England No. …"): no person writes it in a message, so it weighs
/// more than a phone number.
fn is_register_line(line: &str) -> bool {
    let l = format!(" {} ", line.trim().to_lowercase());
    [
        "amtsgericht",
        " hrb ",
        " kvk ",
        "siret",
        " rcs ",
        "nipc",
        "registered in",
        "registered office",
        "company number",
        "company no",
        "vorstand:",
        "aufsichtsrat",
        "geschäftsführer:",
        "geschäftsführung:",
        "sitz der gesellschaft",
        "handelsregister",
        "ust-id",
        "vat no",
        "vat reg",
        " btw ",
        "regulated by",
        "registered charity",
        "charity no",
        "registergericht",
        "eingetragen im",
        "immatricul",
        "registro mercantil",
        "ingeschreven bij",
        " cif ",
        " nif ",
        "capital social",
        "au capital",
        "kamer van koophandel",
    ]
    .iter()
    .any(|m| l.contains(m))
}

/// A short label: at most six words, the first capitalised, no sentence punctuation at its end.
fn is_label_line(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().count();
    (1..=6).contains(&n)
        && !t.ends_with(['.', '?', '!', ',', ':', ';'])
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// A short line in title case under a name ("Architecte DPLG", "Wild Oak Landscapes",
/// "Bookkeeper (AAT)"): a role or a business, whatever the words — no list of job titles
/// holds them all, their shape does. Counted only below another line of the block.
fn is_title_cased(line: &str) -> bool {
    let t = line.trim();
    let ws: Vec<&str> = t.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 || t.ends_with(['.', '?', '!', ',', ':']) {
        return false;
    }
    let capital = |w: &&str| {
        w.trim_start_matches(['(', '&', '–', '-'])
            .chars()
            .next()
            .is_none_or(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    ws.first().is_some_and(capital) && ws.iter().filter(|w| capital(w)).count() * 2 > ws.len()
}

/// A line that is only a name: one to four capitalised words ("Hélène Girard", "Dr. Fernanda
/// Ribeiro", "Zoe Hart (she/her)"), no digits, no sentence punctuation.
fn is_bare_name(line: &str) -> bool {
    // "Kim Lee, PhD", "Harry Webb, FCA", "Ana Sousa, MBA": letters after a name are part of
    // it — a short tail after the comma, each word with a capital inside or of four letters
    // at most.
    let t = match line.trim().split_once(", ") {
        Some((name, tail))
            if (1..=2).contains(&tail.split_whitespace().count())
                && tail.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && (w.chars().skip(1).any(char::is_uppercase) || w.chars().count() <= 4)
                        && w.chars().all(|c| c.is_alphabetic() || c == '.')
                }) =>
        {
            name
        }
        _ => line.trim(),
    };
    let ws: Vec<&str> = t
        .split_whitespace()
        .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
        .collect();
    !ws.is_empty()
        && ws.len() <= 4
        && t.chars().count() <= 50
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || "?:@!;,".contains(c))
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The words without their sign-off, for reading what they mean (the text keeps it: it is
/// the sender's, and people see it).
pub(crate) fn without_signoff(text: &str, sender_name: Option<&str>, address: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let mut names = name_tokens(sender_name);
    // "kim.taylor@…" names Kim too.
    let local = address
        .split('@')
        .next()
        .unwrap_or("")
        .replace(['.', '_', '-', '+'], " ");
    names.extend(name_tokens(Some(&local)));
    cut_signoff(&mut lines, &names);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, name: &str) -> String {
        let mut v: Vec<&str> = text.lines().collect();
        cut_signoff(&mut v, &name_tokens(Some(name)));
        v.join("\n")
    }

    fn block(text: &str) -> String {
        let mut v: Vec<&str> = text.lines().collect();
        cut_contact_block(&mut v);
        v.join("\n")
    }

    #[test]
    fn rules_legal_sentences_and_mottos_go_with_the_block() {
        let t = "ich kann leider nicht.\n\nBeste Grüße\nKatrin Meier\n\n---\nKatrin Meier\nSteuerberaterin\nMeier & Partner mbH\nBahnhofstraße 7\n70173 Stuttgart\nT: 0711 123456\nhttps://www.meier-partner.example.de\nRegistergericht Stuttgart HRB 7654";
        assert_eq!(
            block(t),
            "ich kann leider nicht.\n\nBeste Grüße\nKatrin Meier"
        );
        let t = "Sorry, can't this time.\n\nDavid Klein | Partner\nKlein Legal LLP\nT +44 20 7946 0000\nklein-legal.example.co.uk\n\nKlein Legal LLP is authorised and regulated by the Solicitors Regulation Authority.";
        assert_eq!(block(t), "Sorry, can't this time.");
        let t = "Can't make it, sorry!\n\nCheers,\nEmma\n\n\"The best way out is always through.\" – Robert Frost\n\nEmma Watts\nIllustrator\nemmawatts.example.com";
        assert_eq!(block(t), "Can't make it, sorry!\n\nCheers,\nEmma");
        // A person's own long sentence stays.
        let t = "Yes!\n\nI registered in the app yesterday and it works now, thanks for the tip.";
        assert_eq!(block(t), t);
    }

    #[test]
    fn a_signature_written_side_by_side_goes() {
        let t = block(
            "Can't make it, sorry.\n\nMark\n\nMark Dunn | Freelance Sound Engineer | 07700 900456 | markdunn.example.com",
        );
        assert!(!t.contains("Sound Engineer"), "{t:?}");
        assert!(t.contains("Can't make it"), "{t:?}");
    }

    #[test]
    fn closings_and_names_go() {
        assert_eq!(
            cut("Count me in!\n\nBest,\nKim", "Kim Taylor"),
            "Count me in!"
        );
        assert_eq!(cut("Bin dabei!\n\nLG Anna", ""), "Bin dabei!");
        assert_eq!(cut("Yes.\n\nBest, Kim", ""), "Yes.");
        assert_eq!(
            cut(
                "Ja.\n\nAnna\n\nAnna Keller\nTeamleiterin\nTel.: +49 30 1234567",
                "Anna Keller"
            ),
            "Ja."
        );
        assert_eq!(
            cut(
                "Sure.\n\nKim Taylor\nManager | Northwind Ltd.\nT +44 113 496 0000",
                ""
            ),
            "Sure."
        );
    }

    #[test]
    fn words_that_go_on_stay() {
        assert_eq!(
            cut("Thanks for the evening.\nIt helped.", ""),
            "Thanks for the evening.\nIt helped."
        );
        assert_eq!(cut("Pricing\n\nHiring", ""), "Pricing\n\nHiring");
        assert_eq!(
            cut(
                "Yes\n\nThanks, see you there and bring the slides please?",
                ""
            ),
            "Yes\n\nThanks, see you there and bring the slides please?"
        );
    }
}
