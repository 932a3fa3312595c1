//! `/admin/access`: the policy (a warning while `open`), the allowlist, co-admins (owner only)
//! and access requests to approve or decline.

use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::form::Sticky;
use super::setup::parse_policy;
use super::{
    Answer, Done, FlagBoxes, OwnerPost, Steps, View, done, failed, flag_boxes, grant_fields,
    render, sharing_fields,
};
use crate::access::model::{AccessRequest, AdminEntry, AllowEntry, RequestStatus};
use crate::access::requests::Approval;
use crate::access::tools::{AllowChange, NewAllowEntry};
use crate::config::Policy;
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::csrf::AdminPost;
use crate::web::human::When;
use crate::web::sessions::AdminSession;

const BACK: &str = "/admin/access";
const VIEW: View = View(BACK, "adm-tab-access", "admin/access.html");

/// A library checkbox.
#[derive(Serialize)]
pub struct LibraryBox {
    pub id: u64,
    pub title: String,
    pub kind: String,
}

/// The server's sections as checkboxes (empty when plex.tv cannot be read right now).
pub async fn library_boxes(state: &AppState) -> Vec<LibraryBox> {
    let sections = state.access.sections().await.map(|s| s.sections);
    let boxes = sections.unwrap_or_default().into_iter();
    boxes
        .map(|s| LibraryBox {
            id: s.id,
            title: s.title,
            kind: s.kind,
        })
        .collect()
}

/// Library ids as titles, for lists.
pub fn titles(ids: Option<&[u64]>, boxes: &[LibraryBox]) -> String {
    match ids {
        None => tr("adm-acc-default-set"),
        Some(ids) => ids
            .iter()
            .map(|id| {
                boxes
                    .iter()
                    .find(|b| b.id == *id)
                    .map_or_else(|| tr("adm-ev-gone-library"), |b| b.title.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[derive(Serialize)]
struct AllowRow {
    id: u64,
    account: String,
    libraries: String,
    /// The entry's own set, ticked in its edit form (empty: the default set).
    library_ids: Vec<u64>,
    access_days: Option<u32>,
    note: String,
    pinned: bool,
    /// The sharing flags its shares get, ticked in its edit form.
    flags: FlagBoxes,
}

#[derive(Serialize)]
struct RequestRow {
    id: u64,
    username: String,
    email: Option<String>,
    note: String,
    at: When,
}

#[derive(Serialize)]
struct AccessPage {
    policy: &'static str,
    policy_fixed: bool,
    open: bool,
    allow: Vec<AllowRow>,
    admins: Vec<AdminEntry>,
    requests: Vec<RequestRow>,
    libraries: Vec<LibraryBox>,
    /// The owner's sharing flags, ticked in the add form.
    flags: FlagBoxes,
}

fn allow_row(state: &AppState, e: AllowEntry, boxes: &[LibraryBox]) -> AllowRow {
    AllowRow {
        flags: flag_boxes(state, e.sharing),
        libraries: titles(e.libraries.as_deref(), boxes),
        library_ids: e.libraries.unwrap_or_default(),
        id: e.id,
        account: e.account,
        access_days: e.access_days,
        note: e.note,
        pinned: e.plex_id.is_some(),
    }
}

fn request_row(r: AccessRequest, now: i64) -> RequestRow {
    RequestRow {
        id: r.id,
        username: r.username,
        email: r.email,
        note: r.note,
        at: When::at(r.created_at, now),
    }
}

/// A form's answer, or the page again with the failed form as sent and its errors.
async fn again(state: &AppState, form: &AdminPost, steps: Steps) -> Answer {
    let mut sticky = match steps {
        Ok(resp) => return Ok(resp),
        Err(sticky) => sticky,
    };
    if form.get("sharing_flags").is_some() {
        sticky.flags = Some(flag_boxes(state, sharing_fields(state, form)));
    }
    let (state, session) = (State(state.clone()), AdminSession(form.session.clone()));
    page(state, session, Query(Done::failed(sticky))).await
}

/// `GET /admin/access`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(d): Query<Done>,
) -> Answer {
    let allow = state.access.allowlist().await;
    let allow = allow.map_err(|e| failed(&e, "/admin"))?;
    let lists = tokio::try_join!(state.access.co_admins(), state.access.access_requests());
    let (admins, requests) = lists.map_err(|e| failed(&e, "/admin"))?;
    let boxes = library_boxes(&state).await;
    let policy = state.access.effective_policy();
    let now = state.access.clock().unix();
    let page = AccessPage {
        policy: policy.as_str(),
        policy_fixed: state.access.from_config().policy,
        open: policy == Policy::Open,
        allow: allow
            .into_iter()
            .map(|e| allow_row(&state, e, &boxes))
            .collect(),
        admins,
        requests: requests
            .into_iter()
            .filter(|r| r.status == RequestStatus::Open)
            .map(|r| request_row(r, now))
            .collect(),
        libraries: boxes,
        flags: flag_boxes(&state, Default::default()),
    };
    Ok(render(&state, &s, &VIEW, &d, &page).await)
}

/// `POST /admin/access/policy`: `policy=invite|allowlist|open` (refused when config sets it).
pub async fn set_policy(State(state): State<AppState>, form: AdminPost) -> Answer {
    let sticky = Sticky::from_post("policy", &form);
    let steps = async {
        if state.access.from_config().policy {
            return Err(sticky.at("policy", tr("adm-acc-policy-fixed-error")));
        }
        let policy = form.get("policy").and_then(parse_policy);
        let policy = policy.ok_or_else(|| sticky.at("policy", tr("adm-acc-choose-policy")))?;
        let set = state.access.set_policy(&form.session.username, policy);
        set.await.map_err(|e| sticky.refused("policy", &e))?;
        Ok(done(&state, BACK, "policy"))
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/access/allow`: account, libraries…, access_days, note, the sharing flags.
pub async fn add_allow(State(state): State<AppState>, form: AdminPost) -> Answer {
    let sticky = Sticky::from_post("allow-add", &form);
    let steps = async {
        let (libraries, access_days) = grant_fields(&form).map_err(|e| sticky.field(e))?;
        let new = NewAllowEntry {
            account: form.get("account").unwrap_or_default().to_owned(),
            libraries,
            access_days,
            note: form.get("note").map(str::to_owned),
            sharing: sharing_fields(&state, &form),
        };
        let added = state.access.add_allow_entry(&form.session.username, new);
        added.await.map_err(|e| sticky.refused("account", &e))?;
        Ok(done(&state, BACK, "allow-added"))
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/access/allow/{id}/edit`: libraries…, access_days, note, sharing flags. The form shows every
/// field, so each is set: no box ticked is the default set, no days is no end.
pub async fn edit_allow(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let sticky = Sticky::from_post(&format!("allow-{id}"), &form);
    let steps = async {
        let (libraries, access_days) = grant_fields(&form).map_err(|e| sticky.field(e))?;
        let change = AllowChange {
            libraries: Some(libraries),
            access_days: Some(access_days),
            note: Some(form.get("note").unwrap_or_default().to_owned()),
            sharing: Some(sharing_fields(&state, &form)),
        };
        let actor = &form.session.username;
        let updated = state.access.update_allow_entry(actor, id, change).await;
        let entry = updated.map_err(|e| sticky.refused("access_days", &e))?;
        match state.access.apply_allow_entry(actor, &entry).await {
            Ok(true) => Ok(done(&state, BACK, "allow-edited-shared")),
            Ok(false) => Ok(done(&state, BACK, "allow-edited")),
            Err(e) => {
                let reason = crate::web::views::access_error_page(&e).message;
                let m = tr_args(
                    "adm-acc-share-not-changed",
                    &[
                        ("name", arg(entry.account.as_str())),
                        ("reason", arg(reason)),
                    ],
                );
                Err(sticky.at("libraries", m))
            }
        }
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/access/allow/{id}/remove`.
pub async fn remove_allow(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let removed = state.access.remove_allow_entry(&form.session.username, id);
    removed.await.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "allow-removed"))
}

/// `POST /admin/access/admins` (owner only): `account`.
pub async fn add_admin(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let account = form.get("account").unwrap_or_default();
    let added = state.access.add_co_admin(&form.session.username, account);
    let steps = match added.await {
        Ok(_) => Ok(done(&state, BACK, "admin-added")),
        Err(e) => Err(Sticky::from_post("admin-add", &form).refused("account", &e)),
    };
    again(&state, &form, steps).await
}

/// `POST /admin/access/admins/{id}/remove` (owner only).
pub async fn remove_admin(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    OwnerPost(form): OwnerPost,
) -> Answer {
    let removed = state.access.remove_co_admin(&form.session.username, id);
    removed.await.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "admin-removed"))
}

/// `POST /admin/access/requests/{id}/approve`: `libraries`…, `access_days`.
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let sticky = Sticky::from_post(&format!("approve-{id}"), &form);
    let steps = async {
        let (libraries, access_days) = grant_fields(&form).map_err(|e| sticky.field(e))?;
        let approval = Approval {
            libraries,
            access_days,
        };
        let approved = state
            .access
            .approve_request(&form.session.username, id, approval);
        approved
            .await
            .map_err(|e| sticky.refused("access_days", &e))?;
        Ok(done(&state, BACK, "approved"))
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/access/requests/{id}/decline`.
pub async fn decline(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let declined = state.access.decline_request(&form.session.username, id);
    declined.await.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "declined"))
}
