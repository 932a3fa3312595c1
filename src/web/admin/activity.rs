//! `/admin/activity`: the event log, newest first, filtered by account and kind, paged with
//! `before` (the id to continue below).

use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::access::library_boxes;
use super::events::{EventRow, KINDS, Names};
use super::{Answer, Done, View, failed, render};
use crate::web::AppState;
use crate::web::sessions::AdminSession;

const VIEW: View = View("/admin/activity", "adm-tab-activity", "admin/activity.html");

/// Events per page.
const PAGE: usize = 50;

/// The filter and paging query.
#[derive(Debug, Default, Deserialize)]
pub struct ActivityQuery {
    account: Option<String>,
    kind: Option<String>,
    before: Option<u64>,
}

#[derive(Serialize)]
struct ActivityPage {
    account: String,
    kind: String,
    events: Vec<EventRow>,
    /// The kinds to filter by (stored names; the page translates each).
    kinds: Vec<&'static str>,
    /// The query string of the next (older) page.
    older: Option<String>,
}

/// `GET /admin/activity?account=&kind=&before=`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(q): Query<ActivityQuery>,
) -> Answer {
    let account = q.account.unwrap_or_default().trim().to_owned();
    let kind = q.kind.unwrap_or_default().trim().to_owned();
    let found = state
        .access
        .events_page(
            q.before,
            PAGE,
            Some(account.clone()).filter(|a| !a.is_empty()),
            Some(kind.clone()).filter(|k| !k.is_empty()),
        )
        .await;
    let events = found.map_err(|e| failed(&e, "/admin"))?;
    let older = events.next.map(|n| {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("account", &account)
            .append_pair("kind", &kind)
            .append_pair("before", &n.to_string())
            .finish()
    });
    let names = Names::load(&state, &library_boxes(&state).await).await;
    let page = ActivityPage {
        account,
        kind,
        events: events.events.into_iter().map(|e| names.row(e)).collect(),
        kinds: KINDS.iter().map(|k| k.as_str()).collect(),
        older,
    };
    Ok(render(&state, &s, &VIEW, &Done::default(), &page).await)
}
