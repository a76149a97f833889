//! What roundtable says, in the group's language: Fluent catalogs, one per language
//! (`templates/texts/xx.ftl`, compiled in), with the plural rules of each language, and a
//! coordinator's overrides (`texts_dir`: edited copies of `roundtable texts export`) that win
//! message by message.
//!
//! Why Fluent rather than gettext: a message is the translator's whole sentence with named
//! placeholders and its own plural and gender variants (`{ $count -> [one] … *[other] … }`),
//! so a German or Portuguese sentence is not forced into English word order or English
//! plurals; and one `.ftl` file per language is plain text a coordinator can edit and we can
//! check (syntax, names, placeholders) before any mail is written with it.
//!
//! An override is checked whole when it is loaded — its syntax, that every message it
//! overrides exists, that it uses no placeholder the message does not have, and that it
//! formats — and refused with the file, line and fix (`check-config` and the start stop on
//! it). A message that still fails to format falls back to the built-in one: a mail never
//! goes out half-rendered or with a raw placeholder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

pub use crate::domain::Lang;

type Bundle = FluentBundle<FluentResource>;

/// The built-in catalog of each language.
fn builtin_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../templates/texts/en.ftl"),
        Lang::De => include_str!("../templates/texts/de.ftl"),
        Lang::Fr => include_str!("../templates/texts/fr.ftl"),
        Lang::Es => include_str!("../templates/texts/es.ftl"),
        Lang::Nl => include_str!("../templates/texts/nl.ftl"),
        Lang::Pt => include_str!("../templates/texts/pt.ftl"),
    }
}

/// A problem with an override file: where, what, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub what: String,
    pub fix: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {} (fix: {})",
            self.file.display(),
            self.line,
            self.column,
            self.what,
            self.fix
        )
    }
}

/// The catalogs of every language, overrides applied.
pub struct Texts {
    /// Per language: the built-in bundle, and the one with overrides (if any).
    bundles: Vec<(Lang, Bundle, Option<Bundle>)>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let overridden: Vec<Lang> = self
            .bundles
            .iter()
            .filter(|(_, _, o)| o.is_some())
            .map(|(l, ..)| *l)
            .collect();
        f.debug_struct("Texts")
            .field("overridden", &overridden)
            .finish()
    }
}

impl Texts {
    /// The built-in catalogs only.
    pub fn builtin() -> Texts {
        Texts {
            bundles: Lang::ALL
                .iter()
                .map(|&l| {
                    (
                        l,
                        bundle(l, None).expect("the built-in catalogs are checked by tests"),
                        None,
                    )
                })
                .collect(),
        }
    }

    /// The built-in catalogs with the overrides in `dir` (`xx.ftl` per language overridden).
    pub fn load(dir: Option<&Path>) -> Result<Texts, Vec<Problem>> {
        let mut texts = Texts::builtin();
        let Some(dir) = dir else { return Ok(texts) };
        let mut problems = Vec::new();
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                return Err(vec![Problem {
                    file: dir.to_path_buf(),
                    line: 0,
                    column: 0,
                    what: format!("cannot read the directory: {e}"),
                    fix: "point texts_dir at the directory `roundtable texts export` wrote".into(),
                }])
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let stem = file.file_stem().map(|s| s.to_string_lossy().to_string());
            let Some(lang) = stem.as_deref().and_then(Lang::parse) else {
                problems.push(Problem {
                    file: file.clone(),
                    line: 0,
                    column: 0,
                    what: "not named after a language".into(),
                    fix: format!(
                        "name it after its language: {}",
                        Lang::ALL
                            .iter()
                            .map(|l| format!("{l}.ftl"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
                continue;
            };
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(Problem {
                        file: file.clone(),
                        line: 0,
                        column: 0,
                        what: format!("cannot read it: {e}"),
                        fix: "make it a readable UTF-8 text file".into(),
                    });
                    continue;
                }
            };
            match checked_override(lang, &file, &text) {
                Ok(b) => {
                    if let Some(slot) = texts.bundles.iter_mut().find(|(l, ..)| *l == lang) {
                        slot.2 = Some(b);
                    }
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        if problems.is_empty() {
            Ok(texts)
        } else {
            Err(problems)
        }
    }

    /// The message `id` in `lang` with `args`: the override if there is one and it formats,
    /// else the built-in; an id no catalog has comes back as itself (tests keep that from
    /// happening).
    pub fn get(&self, lang: Lang, id: &str, args: &FluentArgs<'_>) -> String {
        let Some((_, builtin, over)) = self.bundles.iter().find(|(l, ..)| *l == lang) else {
            return id.to_string();
        };
        if let Some(text) = over.as_ref().and_then(|b| format(b, id, args)) {
            return text;
        }
        format(builtin, id, args).unwrap_or_else(|| {
            tracing::error!(%lang, id, "no such message in the catalog");
            id.to_string()
        })
    }

    /// A point in time as people of `lang` write it, in the zone `tz`: "Tuesday 6 October
    /// 2026, 18:30 CEST", "Dienstag, 6. Oktober 2026, 18:30 Uhr MESZ"…
    pub fn when(&self, lang: Lang, tz: chrono_tz::Tz, at: i64) -> String {
        use chrono::{Datelike, TimeZone};
        let t = tz.timestamp_opt(at, 0).single().unwrap_or_else(|| {
            chrono::DateTime::from_timestamp(at, 0)
                .unwrap_or_default()
                .with_timezone(&tz)
        });
        let weekday = self.get(
            lang,
            &format!("weekday-{}", t.weekday().number_from_monday()),
            &FluentArgs::new(),
        );
        let month = self.get(lang, &format!("month-{}", t.month()), &FluentArgs::new());
        let mut args = FluentArgs::new();
        args.set("weekday", weekday);
        args.set("day", t.day().to_string());
        args.set("month", month);
        args.set("year", t.year().to_string());
        args.set("time", t.format("%H:%M").to_string());
        args.set("zone", t.format("%Z").to_string());
        self.get(lang, "date-time", &args)
    }

    /// A day as people of `lang` write it, in the zone `tz`: "6 October 2026", "6. Oktober 2026".
    pub fn day(&self, lang: Lang, tz: chrono_tz::Tz, at: i64) -> String {
        use chrono::{Datelike, TimeZone};
        let t = tz.timestamp_opt(at, 0).single().unwrap_or_else(|| {
            chrono::DateTime::from_timestamp(at, 0)
                .unwrap_or_default()
                .with_timezone(&tz)
        });
        let month = self.get(lang, &format!("month-{}", t.month()), &FluentArgs::new());
        let mut args = FluentArgs::new();
        args.set("day", t.day().to_string());
        args.set("month", month);
        args.set("year", t.year().to_string());
        self.get(lang, "date-day", &args)
    }

    /// The built-in catalog of `lang`, as `roundtable texts export` writes it.
    pub fn builtin_catalog(lang: Lang) -> &'static str {
        builtin_source(lang)
    }
}

/// The built-in catalogs, made once for the whole process (communities without `texts_dir`
/// share them).
pub fn builtin() -> &'static std::sync::Arc<Texts> {
    static BUILTIN: std::sync::LazyLock<std::sync::Arc<Texts>> =
        std::sync::LazyLock::new(|| std::sync::Arc::new(Texts::builtin()));
    &BUILTIN
}

/// The catalogs in one language and time zone: what a template or a rule asks for words.
/// `t` takes a message without placeholders; `t1`…`t4` take (name, value) pairs, any value
/// that can be shown, a whole number becoming a Fluent number (so plurals choose by it).
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub texts: &'a Texts,
    pub lang: Lang,
    pub tz: chrono_tz::Tz,
}

impl<'a> Tr<'a> {
    pub fn new(texts: &'a Texts, lang: Lang, tz: chrono_tz::Tz) -> Tr<'a> {
        Tr { texts, lang, tz }
    }

    /// The same catalogs in another language (a member's own).
    pub fn in_lang(self, lang: Lang) -> Tr<'a> {
        Tr { lang, ..self }
    }

    fn with(&self, id: &str, pairs: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in pairs {
            let s = v.to_string();
            match s.parse::<i64>() {
                Ok(n) => args.set(*k, FluentValue::from(n)),
                Err(_) => args.set(*k, FluentValue::from(s)),
            }
        }
        self.texts.get(self.lang, id, &args)
    }

    /// A member command's word in this language as HELP lists it (`LEAVE` → `ABMELDEN` in
    /// German): taken from the command table, so the word a mail names is one the robot reads.
    pub fn command_word(&self, word: &str) -> &'static str {
        let spec = understand::command::spec(word).expect("a command of the table");
        understand::command::word_in(spec, self.lang.as_str())
    }

    pub fn t(&self, id: &str) -> String {
        self.with(id, &[])
    }

    pub fn t1(&self, id: &str, k1: &str, v1: impl std::fmt::Display) -> String {
        self.with(id, &[(k1, &v1)])
    }

    pub fn t2(
        &self,
        id: &str,
        k1: &str,
        v1: impl std::fmt::Display,
        k2: &str,
        v2: impl std::fmt::Display,
    ) -> String {
        self.with(id, &[(k1, &v1), (k2, &v2)])
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        id: &str,
        k1: &str,
        v1: impl std::fmt::Display,
        k2: &str,
        v2: impl std::fmt::Display,
        k3: &str,
        v3: impl std::fmt::Display,
    ) -> String {
        self.with(id, &[(k1, &v1), (k2, &v2), (k3, &v3)])
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t4(
        &self,
        id: &str,
        k1: &str,
        v1: impl std::fmt::Display,
        k2: &str,
        v2: impl std::fmt::Display,
        k3: &str,
        v3: impl std::fmt::Display,
        k4: &str,
        v4: impl std::fmt::Display,
    ) -> String {
        self.with(id, &[(k1, &v1), (k2, &v2), (k3, &v3), (k4, &v4)])
    }

    /// A point in time in this language and zone ("Dienstag, 6. Oktober 2026, 18:30 Uhr MESZ").
    pub fn when(&self, at: i64) -> String {
        self.texts.when(self.lang, self.tz, at)
    }

    /// A day in this language and zone ("6. Oktober 2026").
    pub fn day(&self, at: i64) -> String {
        self.texts.day(self.lang, self.tz, at)
    }

    /// A [`Msg`] in this language (its nested messages too).
    pub fn msg(&self, m: &Msg) -> String {
        let whens: Vec<(&str, String)> =
            m.whens.iter().map(|(k, at)| (*k, self.when(*at))).collect();
        let nested: Vec<(&str, String)> = m.msgs.iter().map(|(k, n)| (*k, self.msg(n))).collect();
        let pairs: Vec<(&str, &dyn std::fmt::Display)> = m
            .args
            .iter()
            .chain(&whens)
            .chain(&nested)
            .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
            .collect();
        self.with(m.id, &pairs)
    }

    /// Whether the catalog has the message `id` (built-in; overrides only change messages).
    pub fn has(&self, id: &str) -> bool {
        self.texts
            .bundles
            .iter()
            .find(|(l, ..)| *l == self.lang)
            .is_some_and(|(_, b, _)| b.has_message(id))
    }
}

/// A message not yet put into words: its id and placeholders, for mail written to several
/// people in their own languages (a notice to every coordinator) — each reads it in theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// Placeholders that are points in time, written as the reader's language writes them.
    pub whens: Vec<(&'static str, i64)>,
    /// Placeholders that are messages themselves (a reason), said in the reader's language.
    pub msgs: Vec<(&'static str, Msg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
            whens: Vec::new(),
            msgs: Vec::new(),
        }
    }

    /// A command's problem as `understand` gives it (a message id and its placeholders; a
    /// body line makes it `usage-at-line`).
    pub fn problem(p: &understand::command::Problem) -> Msg {
        let mut m = Msg::new(p.id);
        m.args = p.args.clone();
        for (k, id) in &p.names {
            m = m.arg_msg(k, Msg::new(id));
        }
        match p.line {
            None => m,
            Some(n) => Msg::new("usage-at-line")
                .arg("line", n)
                .arg_msg("problem", m),
        }
    }

    /// With the placeholder `k` = `v` (a whole number chooses plurals).
    pub fn arg(mut self, k: &'static str, v: impl std::fmt::Display) -> Msg {
        self.args.push((k, v.to_string()));
        self
    }

    /// With the placeholder `k` = the message `m`, in the reader's language.
    pub fn arg_msg(mut self, k: &'static str, m: Msg) -> Msg {
        self.msgs.push((k, m));
        self
    }

    /// With the placeholder `k` = the instant `at` (Unix seconds), in the reader's words.
    pub fn when(mut self, k: &'static str, at: i64) -> Msg {
        self.whens.push((k, at));
        self
    }
}

/// An error that is a sentence for the person who caused it (a command refused: "there is no
/// upcoming meeting"): the answer says it in their language; the log and the command line
/// get it in English.
#[derive(Debug)]
pub struct Said(pub Msg, pub chrono_tz::Tz);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Tr::new(builtin(), Lang::En, self.1).msg(&self.0))
    }
}

impl std::error::Error for Said {}

/// Formats one message, or `None` if it is missing or anything in it failed.
fn format(b: &Bundle, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = b.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

fn bundle(lang: Lang, over: Option<FluentResource>) -> Result<Bundle, String> {
    let id: unic_langid::LanguageIdentifier = lang.as_str().parse().map_err(|e| format!("{e}"))?;
    let mut b = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeholders: they would show up in plain-text mail.
    b.set_use_isolating(false);
    let res = FluentResource::try_new(builtin_source(lang).to_string())
        .map_err(|(_, e)| format!("the built-in {lang} catalog: {e:?}"))?;
    b.add_resource(res)
        .map_err(|e| format!("the built-in {lang} catalog: {e:?}"))?;
    if let Some(o) = over {
        b.add_resource_overriding(o);
    }
    Ok(b)
}

/// The variables (`$name`) a pattern uses, selectors and nested placeables included.
fn variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for n in &arguments.named {
                    inline(&n.value, out);
                }
            }
            _ => {}
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// The messages of a catalog's source: id → the variables its value uses.
fn messages(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let res = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    res.body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

/// The 1-based line and column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the message `id` starts in `text` (1-based line), for a problem found in it.
fn line_of(text: &str, id: &str) -> usize {
    let mut offset = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with(id) && line[id.len()..].trim_start().starts_with('=') {
            return n + 1;
        }
        offset += line.len() + 1;
    }
    let _ = offset;
    1
}

fn checked_override(lang: Lang, file: &Path, text: &str) -> Result<Bundle, Vec<Problem>> {
    let problem = |line: usize, column: usize, what: String, fix: &str| Problem {
        file: file.to_path_buf(),
        line,
        column,
        what,
        fix: fix.to_string(),
    };
    let res = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors
                .iter()
                .map(|e| {
                    // The entry the error spoils (its start), else where it was noticed.
                    let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                    let (line, column) = line_col(text, at);
                    problem(
                        line,
                        column,
                        format!("not Fluent syntax: {}", e.kind),
                        "write each message as `name = text`, placeholders as { $name }, continuation lines indented",
                    )
                })
                .collect());
        }
    };
    let builtin: Vec<(String, BTreeSet<String>)> = messages(builtin_source(lang));
    let mut problems = Vec::new();
    let mut overridden = Vec::new();
    for (id, vars) in messages(text) {
        let line = line_of(text, &id);
        let Some((_, known)) = builtin.iter().find(|(b, _)| *b == id) else {
            problems.push(problem(
                line,
                1,
                format!("there is no message named {id:?}"),
                "override only the messages `roundtable texts export` writes, under the same names",
            ));
            continue;
        };
        for v in vars.difference(known) {
            problems.push(problem(
                line,
                1,
                format!(
                    "{id} has no placeholder {{ ${v} }}{}",
                    if known.is_empty() {
                        " (it takes none)".to_string()
                    } else {
                        format!(
                            "; it has {}",
                            known
                                .iter()
                                .map(|k| format!("{{ ${k} }}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                ),
                "use only the placeholders of the exported message",
            ));
        }
        overridden.push((id, known.clone(), line));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let b = bundle(lang, Some(res)).map_err(|e| {
        vec![problem(
            1,
            1,
            e,
            "report this: a built-in catalog is broken",
        )]
    })?;
    // Every overridden message must format with the placeholders it is given.
    for (id, known, line) in overridden {
        let mut args = FluentArgs::new();
        for k in &known {
            args.set(k.clone(), FluentValue::from(1));
        }
        let Some(pattern) = b.get_message(&id).and_then(|m| m.value()) else {
            problems.push(problem(
                line,
                1,
                format!("{id} has no text"),
                "give the message a text after `=`",
            ));
            continue;
        };
        let mut errors = Vec::new();
        b.format_pattern(pattern, Some(&args), &mut errors);
        if let Some(e) = errors.first() {
            problems.push(problem(
                line,
                1,
                format!("{id} does not format: {e}"),
                "refer only to messages and terms that exist",
            ));
        }
    }
    if problems.is_empty() {
        Ok(b)
    } else {
        Err(problems)
    }
}

/// `roundtable texts export --language xx DIR`: the built-in catalog of `lang` as `DIR/xx.ftl`.
pub fn export(lang: Lang, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{lang}.ftl"));
    std::fs::write(&path, builtin_source(lang))?;
    Ok(path)
}

#[cfg(test)]
mod tests;
