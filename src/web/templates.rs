//! Templates and assets compiled into the binary (style.md #11). Every template is named
//! `*.html` so tera autoescapes it.

use axum::response::Html;
use serde::Serialize;
use tera::{Context, Tera};

use super::error::PageError;
use tera::escape_html;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("error.html", include_str!("../../templates/error.html")),
    ("setup.html", include_str!("../../templates/setup.html")),
    ("message.html", include_str!("../../templates/message.html")),
    ("joined.html", include_str!("../../templates/joined.html")),
    (
        "not_allowed.html",
        include_str!("../../templates/not_allowed.html"),
    ),
    ("me.html", include_str!("../../templates/me.html")),
    (
        "admin/layout.html",
        include_str!("../../templates/admin/layout.html"),
    ),
    (
        "admin/libraries_boxes.html",
        include_str!("../../templates/admin/libraries_boxes.html"),
    ),
    (
        "admin/events.html",
        include_str!("../../templates/admin/events.html"),
    ),
    (
        "admin/dashboard.html",
        include_str!("../../templates/admin/dashboard.html"),
    ),
    (
        "admin/access.html",
        include_str!("../../templates/admin/access.html"),
    ),
    (
        "admin/invites.html",
        include_str!("../../templates/admin/invites.html"),
    ),
    (
        "admin/libraries.html",
        include_str!("../../templates/admin/libraries.html"),
    ),
    (
        "admin/users.html",
        include_str!("../../templates/admin/users.html"),
    ),
    (
        "admin/activity.html",
        include_str!("../../templates/admin/activity.html"),
    ),
    (
        "admin/settings.html",
        include_str!("../../templates/admin/settings.html"),
    ),
    (
        "setup_server.html",
        include_str!("../../templates/setup_server.html"),
    ),
    (
        "setup_libraries.html",
        include_str!("../../templates/setup_libraries.html"),
    ),
    (
        "sso_logout.html",
        include_str!("../../templates/sso_logout.html"),
    ),
    ("oidc.html", include_str!("../../templates/oidc.html")),
    (
        "admin/apps.html",
        include_str!("../../templates/admin/apps.html"),
    ),
];

/// The stylesheet served at `/assets/style.css`.
pub const STYLE_CSS: &str = include_str!("../../assets/style.css");

/// The admin pages' one small script (copy buttons), served at `/assets/admin.js`: no inline
/// script anywhere, so the CSP stays `default-src 'self'`.
pub const ADMIN_JS: &str = include_str!("../../assets/admin.js");

/// The compiled templates.
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
}

/// What every page gets: the path prefix for links and the page title.
#[derive(Debug, Serialize)]
pub struct Chrome<'a> {
    /// `server.public_url`'s path, "" or "/plex"; every link starts with it.
    pub prefix: &'a str,
    /// The `<title>` and heading.
    pub title: &'a str,
}

impl Templates {
    /// Compiles the embedded templates; an error here is a bug caught by every test run.
    pub fn new() -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        tera.add_raw_templates(TEMPLATES.iter().copied())?;
        tera.autoescape_on(vec![".html"]);
        tera.register_function("t", Message { html: false });
        tera.register_function("th", Message { html: true });
        Ok(Self { tera })
    }

    /// Renders `name` with the chrome and the page's own typed context.
    pub fn render<T: Serialize>(
        &self,
        name: &str,
        chrome: &Chrome<'_>,
        page: &T,
    ) -> Result<Html<String>, PageError> {
        let mut ctx = Context::from_serialize(page).map_err(|e| PageError::internal(&e))?;
        ctx.insert("chrome", chrome);
        ctx.insert("i18n", &super::lang::Picker::current());
        self.tera
            .render(name, &ctx)
            .map(Html)
            .map_err(|e| PageError::internal(&e))
    }
}

/// The templates' `t(id="…", name=…)`: a catalogue message in the page's language, escaped
/// like any value. `th` is for ids ending in `-html`: the message's own markup (`<strong>`)
/// stays, its variables are escaped, except those whose name ends in `_html` (markup the
/// template built from escaped values, such as a `<time>` element).
struct Message {
    html: bool,
}

impl tera::Function for Message {
    fn call(
        &self,
        args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let Some(id) = args.get("id").and_then(tera::Value::as_str) else {
            return Err(tera::Error::msg("t() needs id=\"…\""));
        };
        let mut fa = fluent_bundle::FluentArgs::new();
        for (k, v) in args.iter().filter(|(k, _)| *k != "id") {
            let raw = self.html && k.ends_with("_html");
            let value: fluent_bundle::FluentValue = match v {
                tera::Value::Number(n) => match n.as_u64() {
                    Some(u) => u.into(),
                    None => n.as_f64().unwrap_or_default().into(),
                },
                tera::Value::String(s) if self.html && !raw => escape_html(s).into(),
                tera::Value::String(s) => s.clone().into(),
                other if self.html && !raw => escape_html(&other.to_string()).into(),
                other => other.to_string().into(),
            };
            fa.set(k.clone(), value);
        }
        let text = crate::i18n::text_in(crate::i18n::current(), id, Some(&fa));
        Ok(tera::Value::String(text))
    }

    fn is_safe(&self) -> bool {
        self.html
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn user_strings_are_escaped() {
        let t = Templates::new().unwrap();
        #[derive(Serialize)]
        struct E<'a> {
            message: &'a str,
        }
        let html = t
            .render(
                "error.html",
                &Chrome {
                    prefix: "",
                    title: "<b>",
                },
                &E {
                    message: "<script>alert(1)</script>",
                },
            )
            .unwrap()
            .0;
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<b>"));
    }
}
