//! The message catalogues (issue 24): one Fluent file per language under `locales/`, compiled
//! into the binary, and the language each request is answered in. Pages and handlers ask for
//! messages by id; the language travels with the request in a task-local set by the `frame`
//! layer (`web::layers`), so the many small page builders need no extra parameter.
//!
//! A message missing from a catalogue shows as `⟦id⟧` in debug builds (so tests see it) and
//! falls back to English in release builds. `tests` checks that every catalogue has every id
//! with the same variables.

mod check;
mod negotiate;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use check::{Report, report, report_admin};
pub use negotiate::{negotiate, negotiate_admin};

/// The shipped languages: tag, native name, catalogue. English first (the fallback).
/// Adding a language: a new `locales/xx.ftl` and one line here; `cargo test` does the rest.
pub const SHIPPED: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../../locales/en.ftl")),
    ("de", "Deutsch", include_str!("../../locales/de.ftl")),
    ("fr", "Français", include_str!("../../locales/fr.ftl")),
    ("es", "Español", include_str!("../../locales/es.ftl")),
    ("it", "Italiano", include_str!("../../locales/it.ftl")),
    ("nl", "Nederlands", include_str!("../../locales/nl.ftl")),
    (
        "pt-BR",
        "Português (Brasil)",
        include_str!("../../locales/pt-BR.ftl"),
    ),
    ("sv", "Svenska", include_str!("../../locales/sv.ftl")),
    ("pl", "Polski", include_str!("../../locales/pl.ftl")),
    ("ja", "日本語", include_str!("../../locales/ja.ftl")),
];

/// The admin pages' catalogues (the owner's setup included): English, German and French. A
/// reader of another language gets the admin pages in English. Adding one: a new
/// `locales/admin/xx.ftl` for a language of [`SHIPPED`] and one line here.
pub const ADMIN: &[(&str, &str)] = &[
    ("en", include_str!("../../locales/admin/en.ftl")),
    ("de", include_str!("../../locales/admin/de.ftl")),
    ("fr", include_str!("../../locales/admin/fr.ftl")),
];

/// One of [`SHIPPED`], by position; the default is English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Lang {
    /// English, the fallback.
    pub const EN: Lang = Lang(0);

    /// Every shipped language.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..SHIPPED.len()).filter_map(|i| u8::try_from(i).ok().map(Lang))
    }

    /// The shipped language with exactly this tag (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::all().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// `pt-BR`, `de`: for `<html lang>` and the cookie.
    pub fn tag(self) -> &'static str {
        SHIPPED.get(usize::from(self.0)).map_or("en", |s| s.0)
    }

    /// Whether the admin pages are shipped in this language ([`ADMIN`]).
    pub fn has_admin(self) -> bool {
        admin_ftl(self).is_some()
    }

    /// The language's own name for itself ("Deutsch").
    pub fn name(self) -> &'static str {
        SHIPPED.get(usize::from(self.0)).map_or("English", |s| s.1)
    }
}

tokio::task_local! {
    /// The language of the request being answered.
    static CURRENT: Lang;
}

/// The language of the request being answered (English outside a request).
pub fn current() -> Lang {
    CURRENT.try_with(|l| *l).unwrap_or_default()
}

/// Runs `fut` answering in `lang`.
pub async fn scope<F: Future>(lang: Lang, fut: F) -> F::Output {
    CURRENT.scope(lang, fut).await
}

/// Runs `f` answering in `lang` (tests and synchronous renderers).
pub fn sync_scope<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(lang, f)
}

/// `lang`'s admin catalogue, if it has one.
fn admin_ftl(lang: Lang) -> Option<&'static str> {
    ADMIN
        .iter()
        .find(|(tag, _)| *tag == lang.tag())
        .map(|(_, ftl)| *ftl)
}

struct Catalogs {
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// The catalogues are constant data compiled into the binary, parsed once on first use.
static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| Catalogs {
    bundles: SHIPPED
        .iter()
        .zip(Lang::all())
        .map(|((tag, _, ftl), lang)| bundle(tag, ftl, admin_ftl(lang)))
        .collect(),
});

fn bundle(tag: &str, ftl: &str, admin: Option<&str>) -> FluentBundle<FluentResource> {
    // The tag as Fluent wants it (for plural rules).
    let id: Option<unic_langid::LanguageIdentifier> = tag.parse().ok();
    let mut b = FluentBundle::new_concurrent(id.into_iter().collect());
    // Fluent's bidi isolation marks would show up inside HTML attributes and tests.
    b.set_use_isolating(false);
    for ftl in std::iter::once(ftl).chain(admin) {
        // A syntax error keeps the messages that did parse; `check` reports it in every test run.
        let res = FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(res, _)| res);
        if let Err(errors) = b.add_resource(res) {
            tracing::warn!(?errors, tag, "a catalogue has duplicate messages");
        }
    }
    b
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let b = CATALOGS.bundles.get(usize::from(lang.0))?;
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, args, &mut errors).into_owned();
    (errors.is_empty() || !cfg!(debug_assertions)).then_some(s)
}

/// The message `id` in `lang`, with `args`. An admin message (`adm-…`) asked for in a language
/// without admin pages (an owner's page reached from a friend's path) is English.
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let lang = if id.starts_with("adm-") && !lang.has_admin() {
        Lang::EN
    } else {
        lang
    };
    if let Some(s) = format(lang, id, args) {
        return s;
    }
    if !cfg!(debug_assertions)
        && let Some(s) = format(Lang::EN, id, args)
    {
        return s;
    }
    format!("⟦{id}⟧")
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    text_in(current(), id, None)
}

/// The message `id` in the current language, with named arguments.
pub fn tr_args<'a>(id: &str, args: &[(&'static str, FluentValue<'a>)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    text_in(current(), id, Some(&fa))
}

/// A string argument.
pub fn arg<'a>(s: impl Into<std::borrow::Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}

/// A number argument (plural selection uses it).
pub fn num<'a>(n: u64) -> FluentValue<'a> {
    FluentValue::from(n)
}

#[cfg(test)]
mod tests;
