//! `/admin/libraries`: the server's sections with checkboxes for the default set, the downloads
//! flag (from config, read-only), and a refresh from plex.tv. A refresh that comes back empty or
//! fails only warns: the saved default set is never touched by a read (SPEC §4).

use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::{Answer, Done, View, done, failed, invalid, library_refs, render};
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::csrf::AdminPost;
use crate::web::sessions::AdminSession;

const BACK: &str = "/admin/libraries";
const VIEW: View = View(BACK, "adm-tab-libraries", "admin/libraries.html");

#[derive(Serialize)]
struct Row {
    id: u64,
    title: String,
    kind: String,
    selected: bool,
    listed: bool,
}

#[derive(Serialize)]
struct LibrariesPage {
    rows: Vec<Row>,
    fixed: bool,
    downloads: bool,
    downloads_fixed: bool,
    warnings: Vec<String>,
}

/// `?warn=` after a refresh that changed nothing.
#[derive(Debug, Default, Deserialize)]
pub struct LibQuery {
    #[serde(flatten)]
    done: Done,
    warn: Option<String>,
}

/// `GET /admin/libraries`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(q): Query<LibQuery>,
) -> Answer {
    let selected = state.access.default_libraries().await;
    let selected = selected.map_err(|e| failed(&e, "/admin"))?;
    let mut warnings = Vec::new();
    if q.warn.is_some() {
        warnings.push(tr("adm-lib-empty-refresh"));
    }
    let sections = match state.access.sections().await {
        Ok(s) => {
            warnings.extend(s.warnings);
            s.sections
        }
        Err(e) => {
            warnings.push(tr_args(
                "adm-lib-read-failed",
                &[("error", arg(e.to_string()))],
            ));
            Vec::new()
        }
    };
    let mut rows: Vec<Row> = sections
        .into_iter()
        .map(|s| Row {
            selected: selected.contains(&s.id),
            id: s.id,
            title: s.title,
            kind: s.kind,
            listed: true,
        })
        .collect();
    // A saved library plex.tv did not list stays visible (and saved): a read never deletes.
    let missing: Vec<u64> = selected
        .iter()
        .copied()
        .filter(|id| !rows.iter().any(|r| r.id == *id))
        .collect();
    for id in missing {
        rows.push(Row {
            id,
            title: tr_args("adm-lib-unlisted-title", &[("id", arg(id.to_string()))]),
            kind: tr("adm-lib-unlisted"),
            selected: true,
            listed: false,
        });
    }
    let page = LibrariesPage {
        rows,
        fixed: state.access.libraries_from_config(),
        downloads: state.config.access.allow_downloads,
        downloads_fixed: state.access.from_config().downloads,
        warnings,
    };
    Ok(render(&state, &s, &VIEW, &q.done, &page).await)
}

/// `POST /admin/libraries`: `libraries=<id>`… as the default set.
pub async fn save(State(state): State<AppState>, form: AdminPost) -> Answer {
    let refs = library_refs(&form.all("libraries")).map_err(|m| invalid(m, BACK))?;
    let refs = refs.unwrap_or_default();
    let saved = state
        .access
        .set_default_libraries(&form.session.username, &refs);
    saved.await.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "libraries"))
}

/// `POST /admin/libraries/refresh`: reads the sections again from plex.tv.
pub async fn refresh(State(state): State<AppState>, _form: AdminPost) -> Answer {
    match state.access.refresh_sections().await {
        Err(e @ crate::access::AccessError::NotConfigured) => Err(failed(&e, BACK)),
        Ok(s) if !s.sections.is_empty() && s.warnings.is_empty() => {
            // Forward-auth rules naming libraries by title follow renames from now on.
            crate::web::sso::titles::fill(&state, &s);
            Ok(done(&state, BACK, "refreshed"))
        }
        _ => Ok(crate::web::sessions::see_other(&format!(
            "{}{BACK}?warn=1",
            state.prefix()
        ))),
    }
}
