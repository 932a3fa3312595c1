//! A failed admin form re-rendered on its own page: the message beside the field it is about
//! and every value the admin typed (SPEC §3 forms; issue 20 "errors inline, input kept").
//! Nothing was changed, so a reload that posts it again fails the same way.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde::Serialize;

use super::FlagBoxes;
use crate::access::AccessError;
use crate::i18n::tr;
use crate::web::csrf::AdminPost;
use crate::web::views::access_error_page;

/// Field names the access layer's messages start with, and how a page says them.
const FIELD_WORDS: &[(&str, &str)] = &[
    ("access_days", "The days of access"),
    ("expires_in_days", "The days until the link expires"),
    ("max_uses", "The number of uses"),
    ("libraries", "The libraries"),
    ("days", "The days"),
];

/// The values and errors of the one form that failed (`form` names it on its page).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sticky {
    /// Which form of the page failed ("" when none did).
    pub form: String,
    /// Every field as typed (first value of each name).
    pub values: BTreeMap<String, String>,
    /// The ticked library boxes.
    pub libraries: Vec<u64>,
    /// The ticked sharing flags, when the form has them.
    pub flags: Option<FlagBoxes>,
    /// Messages by field name.
    pub errors: BTreeMap<String, String>,
    /// The answer's status.
    #[serde(skip)]
    pub status: Option<StatusCode>,
}

impl Sticky {
    /// The form `form` as `post` sent it, without errors yet.
    pub fn from_post(form: &str, post: &AdminPost) -> Self {
        let mut values = BTreeMap::new();
        for (k, v) in &post.fields {
            if k != "csrf" {
                values.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        Self {
            form: form.to_owned(),
            values,
            libraries: post
                .all("libraries")
                .iter()
                .filter_map(|v| v.parse().ok())
                .collect(),
            flags: None,
            errors: BTreeMap::new(),
            status: None,
        }
    }

    /// Adds `message` beside `field` (a 400 unless a status was set).
    pub fn error(mut self, field: &str, message: impl Into<String>) -> Self {
        self.errors
            .insert(field.to_owned(), sentence(message.into()));
        self.status.get_or_insert(StatusCode::BAD_REQUEST);
        self
    }

    /// A copy with `message` beside `field` (for `?` in a handler's steps).
    pub fn at(&self, field: &str, message: impl Into<String>) -> Self {
        self.clone().error(field, message)
    }

    /// [`Sticky::at`] for a field error (`(field, message)`).
    pub fn field(&self, (field, message): super::FieldError) -> Self {
        self.at(field, message)
    }

    /// A copy with [`Sticky::access_error`] beside `field`.
    pub fn refused(&self, field: &str, e: &AccessError) -> Self {
        self.clone().access_error(field, e)
    }

    /// An access-layer refusal beside the field it is about (`field` unless the message
    /// names days or libraries), with the status the error page would have had.
    pub fn access_error(mut self, field: &str, e: &AccessError) -> Self {
        let page = access_error_page(e);
        let message = match e {
            AccessError::Plex(_) => tr("adm-plex-unexpected-retry"),
            _ => page.message.clone(),
        };
        // The access layer names its fields as the API does ("access_days must be…"): said
        // here in words, beside that field.
        for (key, words) in FIELD_WORDS {
            if let Some(rest) = message.strip_prefix(key)
                && rest.starts_with(' ')
                && self.values.contains_key(*key)
            {
                let said = format!("{words}{rest}");
                self.status = Some(page.status);
                return self.error(key, said);
            }
        }
        let lower = message.to_lowercase();
        let field = if lower.contains("librar") {
            "libraries"
        } else {
            field
        };
        self.status = Some(page.status);
        self.error(field, message)
    }

    /// The answer's status (400 when nothing set it).
    pub fn status(&self) -> StatusCode {
        self.status.unwrap_or(StatusCode::BAD_REQUEST)
    }
}

/// A message as a sentence: a final full stop (the first word may be a username, so its case
/// stays).
fn sentence(mut s: String) -> String {
    if !s.ends_with(['.', '!', '?', ':']) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(sentence("alice is here".into()), "alice is here.");
        assert_eq!(sentence("Done.".into()), "Done.");
    }
}
