//! `/admin/invites`: the list first (uses left, who used each, revoke), then "Create an invite
//! link", whose new link is shown once, with a copy button, on the page the redirect lands on.
//! Under the `allowlist` policy the page warns that invite links are turned off.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::access::{LibraryBox, library_boxes, titles};
use super::flash::FlashKind;
use super::form::Sticky;
use super::{
    Answer, Done, FlagBoxes, Steps, View, done, done_shown, failed, flag_boxes, library_refs,
    render, sharing_fields,
};
use crate::access::model::Invite;
use crate::access::tools::NewInvite;
use crate::config::Policy;
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::csrf::AdminPost;
use crate::web::human::When;
use crate::web::sessions::AdminSession;

const BACK: &str = "/admin/invites";
const VIEW: View = View(BACK, "adm-inv-links", "admin/invites.html");

#[derive(Serialize)]
struct InviteRow {
    id: u64,
    note: String,
    uses: u32,
    uses_left: Option<u32>,
    expires: Option<When>,
    libraries: String,
    access_days: Option<u32>,
    state: &'static str,
    used_by: Vec<String>,
}

#[derive(Serialize)]
struct InvitesPage {
    turned_off: bool,
    invites: Vec<InviteRow>,
    libraries: Vec<LibraryBox>,
    /// The owner's sharing flags, ticked in the form.
    flags: FlagBoxes,
}

fn row(i: Invite, now: i64, names: &HashMap<u64, String>, boxes: &[LibraryBox]) -> InviteRow {
    let state = if i.revoked {
        "revoked"
    } else if i.expires_at.is_some_and(|e| e <= now) {
        "expired"
    } else if i.max_uses.is_some_and(|m| i.uses >= m) {
        "used up"
    } else {
        "active"
    };
    let used_by = i
        .used_by
        .iter()
        .map(|id| {
            names
                .get(id)
                .cloned()
                .unwrap_or_else(|| tr_args("adm-ev-account", &[("id", arg(id.to_string()))]))
        })
        .collect();
    InviteRow {
        id: i.id,
        uses: i.uses,
        uses_left: i.max_uses.map(|m| m.saturating_sub(i.uses)),
        expires: i.expires_at.map(|t| When::at(t, now)),
        libraries: titles(i.libraries.as_deref(), boxes),
        access_days: i.access_days,
        state,
        used_by,
        note: i.note,
    }
}

/// `GET /admin/invites`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(d): Query<Done>,
) -> Answer {
    let state = &state;
    let invites = state
        .access
        .invites()
        .await
        .map_err(|e| failed(&e, "/admin"))?;
    let names = state.access.account_names().await;
    let names = names.map_err(|e| failed(&e, "/admin"))?;
    let boxes = library_boxes(state).await;
    let now = state.access.clock().unix();
    let page = InvitesPage {
        turned_off: state.access.effective_policy() == Policy::Allowlist,
        invites: invites
            .into_iter()
            .rev()
            .map(|i| row(i, now, &names, &boxes))
            .collect(),
        libraries: boxes,
        flags: flag_boxes(state, Default::default()),
    };
    Ok(render(state, &s, &VIEW, &d, &page).await)
}

/// The form's values, or the field that is wrong and why.
fn parse(state: &AppState, form: &AdminPost) -> Result<NewInvite, (&'static str, String)> {
    let whole = |name: &'static str, what: &str| form.number(name).map_err(|_| (name, tr(what)));
    Ok(NewInvite {
        max_uses: whole("max_uses", "adm-inv-whole-uses")?,
        expires_in_days: whole("expires_in_days", "adm-inv-whole-expires")?,
        libraries: library_refs(&form.all("libraries")).map_err(|m| ("libraries", m))?,
        access_days: whole("access_days", "adm-inv-whole-access")?,
        note: form.get("note").map(str::to_owned),
        sharing: sharing_fields(state, form),
    })
}

/// A form's answer, or the page again with the form as sent and its errors.
async fn again(state: &AppState, form: &AdminPost, steps: Steps) -> Answer {
    let mut sticky = match steps {
        Ok(resp) => return Ok(resp),
        Err(sticky) => sticky,
    };
    sticky.flags = Some(flag_boxes(state, sharing_fields(state, form)));
    let (state, session) = (State(state.clone()), AdminSession(form.session.clone()));
    page(state, session, Query(Done::failed(sticky))).await
}

/// `POST /admin/invites`: creates a link, then 303 to the list, where the link is shown once
/// (a reload creates nothing and shows it no more).
pub async fn create(State(state): State<AppState>, form: AdminPost) -> Answer {
    let sticky = Sticky::from_post("invite", &form);
    let steps = async {
        let new = parse(&state, &form).map_err(|e| sticky.field(e))?;
        let created = state
            .access
            .create_invite(&form.session.username, new)
            .await;
        let created = created.map_err(|e| sticky.refused("max_uses", &e))?;
        let (kind, url) = (FlashKind::Invite, created.url.expose().to_owned());
        Ok(done_shown(
            &state,
            &form.session,
            BACK,
            "invite-created",
            kind,
            url,
        ))
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/invites/{id}/revoke`.
pub async fn revoke(State(state): State<AppState>, Path(id): Path<u64>, form: AdminPost) -> Answer {
    let revoked = state.access.revoke_invite(&form.session.username, id).await;
    revoked.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "revoked"))
}
