//! `/admin/settings` (owner only): the welcome title and text, the onboarding Markdown shown on
//! "You're in" (with a server-side preview), a test notification, and every value fixed by
//! config shown read-only with where it comes from.

use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::backups::BackupRow;
use super::flash::FlashKind;
use super::form::Sticky;
use super::{Answer, Done, OwnerPost, OwnerSession, View, done, done_shown, failed, render};
use crate::access::model::Session;
use crate::access::setup::{WELCOME_TEXT_KEY, WELCOME_TITLE_KEY};
use crate::i18n::{num, tr, tr_args};
use crate::notify::{EventKind, NotifyAccount};
use crate::web::AppState;
use crate::web::human::When;
use crate::web::views::{ONBOARDING_KEY, default_onboarding, render_markdown};

const BACK: &str = "/admin/settings";
const VIEW: View = View(BACK, "adm-tab-settings", "admin/settings.html");

/// The welcome page's defaults.
pub const DEFAULT_WELCOME_TITLE: &str = "Welcome";
/// The welcome page's default text.
pub const DEFAULT_WELCOME_TEXT: &str =
    "Sign in with your Plex account to get access to this Plex server.";

#[derive(Serialize)]
struct Fixed {
    key: &'static str,
    value: String,
    source: String,
}

#[derive(Serialize)]
struct KeyRow {
    id: u64,
    name: String,
    created: When,
    last_used: Option<When>,
}

/// The owner's texts in one friend language (empty: their main text applies).
#[derive(Serialize)]
struct Version {
    tag: &'static str,
    name: &'static str,
    title: String,
    text: String,
    markdown: String,
    any: bool,
}

/// The three page texts a language version may replace, by form field.
const VERSIONED: [(&str, &str); 3] = [
    ("title", WELCOME_TITLE_KEY),
    ("text", WELCOME_TEXT_KEY),
    ("markdown", ONBOARDING_KEY),
];

async fn versions(state: &AppState) -> Vec<Version> {
    let mut out = Vec::new();
    for lang in crate::i18n::Lang::all() {
        let mut texts = Vec::new();
        for (_, key) in VERSIONED {
            texts.push(text(state, &format!("{key}.{}", lang.tag()), "").await);
        }
        let [title, text, markdown] = <[String; 3]>::try_from(texts).unwrap_or_default();
        out.push(Version {
            tag: lang.tag(),
            name: lang.name(),
            any: !(title.is_empty() && text.is_empty() && markdown.is_empty()),
            title,
            text,
            markdown,
        });
    }
    out
}

#[derive(Serialize)]
struct SettingsPage {
    versions: Vec<Version>,
    welcome_title: String,
    welcome_text: String,
    onboarding: String,
    preview: Option<String>,
    fixed: Vec<Fixed>,
    notifications: Vec<&'static str>,
    keys: Vec<KeyRow>,
    backups: Vec<BackupRow>,
}

fn fixed(state: &AppState) -> Vec<Fixed> {
    let c = &state.config;
    let policy = state.access.effective_policy();
    let libraries = c.access.libraries.as_ref().map_or_else(
        || tr("adm-set-libraries-page"),
        |l| tr_args("adm-set-entries", &[("n", num(l.len() as u64))]),
    );
    let rows: [(&'static str, String); 8] = [
        ("server.public_url", c.server.public_url.base().to_owned()),
        ("server.data_dir", c.server.data_dir.display().to_string()),
        ("access.policy", policy.as_str().to_owned()),
        ("access.libraries", libraries),
        (
            "access.allow_downloads",
            c.access.allow_downloads.to_string(),
        ),
        (
            "admin.idle",
            humantime::format_duration(c.admin.idle).to_string(),
        ),
        (
            "session.idle",
            humantime::format_duration(c.session.idle).to_string(),
        ),
        (
            "reconcile.max_removals",
            c.reconcile.max_removals.to_string(),
        ),
    ];
    rows.into_iter()
        .map(|(key, value)| Fixed {
            key,
            value,
            source: if c.is_set(key) {
                tr("adm-set-source-config")
            } else {
                tr("adm-lib-built-in")
            },
        })
        .collect()
}

/// The notification channels set in config (their URLs are secrets and never shown).
fn notifications(state: &AppState) -> Vec<&'static str> {
    let n = &state.config.notify;
    [
        (n.webhook_url.is_some(), "webhook (notify.webhook_url)"),
        (n.discord_url.is_some(), "Discord (notify.discord_url)"),
        (n.ntfy_url.is_some(), "ntfy (notify.ntfy_url)"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect()
}

async fn text(state: &AppState, key: &str, default: &str) -> String {
    let stored = state.access.page_text(key).await.ok().flatten();
    stored.unwrap_or_else(|| default.to_owned())
}

async fn show(state: &AppState, s: &Session, d: &Done) -> Answer {
    let now = state.access.clock().unix();
    let draft = d
        .shown()
        .and_then(|id| state.flash.preview(id, s, now))
        .or_else(|| {
            (d.form.form == "onboarding")
                .then(|| d.form.values.get("markdown").cloned().unwrap_or_default())
        });
    let preview = draft.as_deref().map(render_markdown);
    let keys = state
        .access
        .api_keys()
        .await
        .map_err(|e| failed(&e, "/admin"))?;
    let onboarding = match draft {
        Some(d) => d,
        None => text(state, ONBOARDING_KEY, &default_onboarding()).await,
    };
    let page = SettingsPage {
        versions: versions(state).await,
        welcome_title: text(state, WELCOME_TITLE_KEY, DEFAULT_WELCOME_TITLE).await,
        welcome_text: text(state, WELCOME_TEXT_KEY, DEFAULT_WELCOME_TEXT).await,
        onboarding,
        preview,
        fixed: fixed(state),
        notifications: notifications(state),
        keys: keys
            .into_iter()
            .map(|k| KeyRow {
                id: k.id,
                name: k.name,
                created: When::at(k.created_at, now),
                last_used: k.last_used_at.map(|t| When::at(t, now)),
            })
            .collect(),
        backups: super::backups::list(state).await,
    };
    Ok(render(state, s, &VIEW, d, &page).await)
}

/// `GET /admin/settings`.
pub async fn page(
    State(state): State<AppState>,
    OwnerSession(s): OwnerSession,
    Query(d): Query<Done>,
) -> Answer {
    show(&state, &s, &d).await
}

/// `POST /admin/settings/welcome`: `title`, `text`.
pub async fn welcome(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let actor = form.session.username.clone();
    for (key, field) in [(WELCOME_TITLE_KEY, "title"), (WELCOME_TEXT_KEY, "text")] {
        let value = form.get(field).unwrap_or_default();
        if let Err(e) = state.access.save_page_text(&actor, key, value).await {
            let sticky = Sticky::from_post("welcome", &form).access_error(field, &e);
            return show(&state, &form.session, &Done::failed(sticky)).await;
        }
    }
    Ok(done(&state, BACK, "settings"))
}

/// `POST /admin/settings/translation`: `lang` and its `title`, `text` and `markdown` (an
/// empty field removes that language's version of it).
pub async fn translation(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let Some(lang) = form.get("lang").and_then(crate::i18n::Lang::from_tag) else {
        return Ok(done(&state, BACK, "settings"));
    };
    let actor = form.session.username.clone();
    for (field, key) in VERSIONED {
        let key = format!("{key}.{}", lang.tag());
        let value = form.get(field).unwrap_or_default();
        let saved = state.access.save_page_text(&actor, &key, value).await;
        saved.map_err(|e| failed(&e, BACK))?;
    }
    Ok(done(&state, BACK, "settings"))
}

/// `POST /admin/settings/onboarding`: `markdown`, and `action=preview` (render, save nothing)
/// or `action=save`.
pub async fn onboarding(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let md = form
        .fields
        .iter()
        .find(|(k, _)| k == "markdown")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    if form.get("action") == Some("preview") {
        let kind = FlashKind::Preview;
        return Ok(done_shown(&state, &form.session, BACK, "preview", kind, md));
    }
    match state
        .access
        .save_page_text(&form.session.username, ONBOARDING_KEY, &md)
        .await
    {
        Ok(()) => Ok(done(&state, BACK, "settings")),
        Err(e) => {
            let sticky = Sticky::from_post("onboarding", &form).access_error("markdown", &e);
            show(&state, &form.session, &Done::failed(sticky)).await
        }
    }
}

/// `POST /admin/settings/notify-test` (owner only): queues a `test` notification to every
/// configured channel. Delivery happens in the background (each one is recorded as a `notify`
/// event), so the answer says how many channels it was queued for, not whether they took it.
pub async fn notify_test(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let notice = match state.notifier.channel_count() {
        0 => return Ok(done(&state, BACK, "notify-none")),
        1 => "notify-test-1",
        2 => "notify-test-2",
        _ => "notify-test-3",
    };
    let who = NotifyAccount {
        plex_id: form.session.plex_id,
        username: form.session.username.clone(),
    };
    state.access.notify(EventKind::Test, Some(who), "");
    Ok(done(&state, BACK, notice))
}

/// `POST /admin/settings/keys`: `name`; the key is shown once on the answer.
pub async fn create_key(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let name = form.get("name").unwrap_or_default();
    match state
        .access
        .create_api_key(&form.session.username, name)
        .await
    {
        Ok(created) => {
            let (kind, key) = (FlashKind::ApiKey, created.key.expose().to_owned());
            Ok(done_shown(
                &state,
                &form.session,
                BACK,
                "key-created",
                kind,
                key,
            ))
        }
        Err(e) => {
            let sticky = Sticky::from_post("key", &form).access_error("name", &e);
            show(&state, &form.session, &Done::failed(sticky)).await
        }
    }
}

/// `POST /admin/settings/keys/{id}/revoke`.
pub async fn revoke_key(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    OwnerPost(form): OwnerPost,
) -> Answer {
    let revoked = state
        .access
        .revoke_api_key(&form.session.username, id)
        .await;
    revoked.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "key-revoked"))
}
