//! The event log as people read it (dashboard and Activity): one sentence per event ("plexgate
//! shared Movies and TV Shows with alice", "alice accepted"), accounts by name, libraries by
//! title, never a section id; the stored detail stays below it for the curious.

use std::collections::HashMap;

use serde::Serialize;

use super::access::LibraryBox;
use crate::access::model::{Event, EventKind};
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::human::{When, and_list};

/// The kinds the Activity filter offers (the page names each by `adm-kind-<kind>` from the
/// admin catalogue).
pub const KINDS: &[EventKind] = &[
    EventKind::Signin,
    EventKind::Share,
    EventKind::Accept,
    EventKind::Request,
    EventKind::RequestApprove,
    EventKind::RequestDecline,
    EventKind::AllowlistAdd,
    EventKind::AllowlistEdit,
    EventKind::AllowlistRemove,
    EventKind::InviteCreate,
    EventKind::InviteRevoke,
    EventKind::UserUpdate,
    EventKind::Remove,
    EventKind::Expired,
    EventKind::GrantFailed,
    EventKind::AdminAdd,
    EventKind::AdminRemove,
    EventKind::PolicySet,
    EventKind::LibrariesSet,
    EventKind::SettingsSet,
    EventKind::KeyCreate,
    EventKind::KeyRevoke,
    EventKind::SessionsEnded,
    EventKind::OwnerToken,
    EventKind::Reconcile,
    EventKind::Notify,
];

/// One event as a page shows it.
#[derive(Serialize)]
pub struct EventRow {
    pub at: When,
    /// What happened, as a sentence.
    pub sentence: String,
    /// The stored detail, section ids replaced by titles.
    pub detail: String,
    /// The outcome says something failed or was refused.
    pub bad: bool,
}

/// What the sentences need: account names by id and library titles by section id.
pub struct Names {
    accounts: HashMap<u64, String>,
    libraries: HashMap<u64, String>,
    now: i64,
}

impl Names {
    /// Reads the grants (for names) and takes the library titles from `boxes`.
    pub async fn load(state: &AppState, boxes: &[LibraryBox]) -> Self {
        let accounts = state.access.account_names().await.unwrap_or_default();
        Self {
            accounts,
            libraries: boxes.iter().map(|b| (b.id, b.title.clone())).collect(),
            now: state.access.clock().unix(),
        }
    }

    /// `e` as a row.
    pub fn row(&self, e: Event) -> EventRow {
        let who = e
            .plex_id
            .and_then(|id| self.accounts.get(&id).filter(|n| !n.is_empty()).cloned())
            .unwrap_or_else(|| {
                e.plex_id.map_or_else(
                    || tr("adm-ev-someone"),
                    |id| tr_args("adm-ev-account", &[("id", arg(id.to_string()))]),
                )
            });
        let libs = self.titles_in(&e.detail);
        let bad = matches!(
            e.outcome.as_str(),
            "failed" | "refused" | "denied" | "error" | "invalid"
        );
        EventRow {
            at: When::at(e.at, self.now),
            sentence: sentence(&e.kind, &e.actor, &who, &e.outcome, &libs),
            detail: self.replace_ids(&e.detail),
            bad,
        }
    }

    /// The library titles of the first `[1, 2]` list in `detail`.
    fn titles_in(&self, detail: &str) -> Vec<String> {
        let Some(open) = detail.find('[') else {
            return Vec::new();
        };
        let Some(len) = detail[open..].find(']') else {
            return Vec::new();
        };
        detail[open + 1..open + len]
            .split(',')
            .filter_map(|s| s.trim().parse::<u64>().ok())
            .map(|id| self.title(id))
            .collect()
    }

    /// The title of section `id` (one gone from the server says so).
    fn title(&self, id: u64) -> String {
        let title = self.libraries.get(&id).cloned();
        title.unwrap_or_else(|| tr("adm-ev-gone-library"))
    }

    /// `detail` with each `[1, 2]` list of section ids written as titles.
    fn replace_ids(&self, detail: &str) -> String {
        let mut out = String::new();
        let mut rest = detail;
        while let Some(open) = rest.find('[') {
            let Some(len) = rest[open..].find(']') else {
                break;
            };
            let inner = &rest[open + 1..open + len];
            let ids: Option<Vec<u64>> = inner
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse().ok())
                .collect();
            out.push_str(&rest[..open]);
            match ids {
                Some(ids) => {
                    let titles: Vec<String> = ids.into_iter().map(|id| self.title(id)).collect();
                    out.push_str(&and_list(&titles));
                }
                None => out.push_str(&rest[open..=open + len]),
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// The sentence for one event, in the page's language (`adm-ev-<kind>` in the admin catalogue).
fn sentence(kind: &str, actor: &str, who: &str, outcome: &str, libs: &[String]) -> String {
    let libs = if libs.is_empty() {
        tr("adm-ev-the-libraries")
    } else {
        and_list(libs)
    };
    use EventKind as K;
    let id = match EventKind::named(kind) {
        Some(K::Share) if matches!(outcome, "failed" | "retry" | "error") => "share-not-yet",
        Some(K::SsoSignin | K::OidcSignin) => "app-signin",
        Some(K::SsoDenied | K::OidcDenied) => "app-denied",
        Some(K::SsoLogout | K::OidcLogout) => "app-logout",
        Some(K::Reconcile | K::ReconcileConfirm | K::ReconcileDiscard) => "reconcile",
        Some(k) if k != K::Notify && (KINDS.contains(&k) || MORE_KNOWN.contains(&k)) => k.as_str(),
        _ => "other",
    };
    tr_args(
        &format!("adm-ev-{}", id.replace('_', "-")),
        &[
            ("actor", arg(actor)),
            ("who", arg(who)),
            ("libs", arg(libs)),
            ("outcome", arg(outcome_words(outcome))),
            ("kind", arg(kind.replace('_', " "))),
        ],
    )
}

/// The kinds with a sentence of their own (`adm-ev-<kind>`) besides those the filter offers
/// ([`KINDS`], each of which has one but `notify`).
const MORE_KNOWN: &[EventKind] = &[
    EventKind::Adopt,
    EventKind::SetupServer,
    EventKind::SsoUntrustedPeer,
    EventKind::OidcTokenReuse,
    EventKind::OidcClientChanged,
];

/// The outcomes the admin catalogue has words for (`adm-outcome-<outcome>`).
const OUTCOMES: &[&str] = &[
    "ok",
    "failed",
    "error",
    "errors",
    "retry",
    "shared",
    "removed",
    "refused",
    "denied",
    "invalid",
    "declined",
    "joined",
    "changed",
    "admin",
    "setting_up",
    "already_in",
    "not_allowed",
    "not_admin",
    "invite_refused",
    "not_configured",
    "unavailable",
];

/// An outcome in words: the catalogue's for a known one, else the stored code with spaces.
fn outcome_words(outcome: &str) -> String {
    if OUTCOMES.contains(&outcome) {
        tr(&format!("adm-outcome-{}", outcome.replace('_', "-")))
    } else {
        outcome.replace('_', " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names {
            accounts: [(7, "alice".to_owned())].into(),
            libraries: [(1, "Movies".to_owned()), (2, "TV Shows".to_owned())].into(),
            now: 100,
        }
    }

    fn event(kind: &str, detail: &str) -> Event {
        Event {
            id: 1,
            at: 40,
            kind: kind.into(),
            actor: "plexgate".into(),
            plex_id: Some(7),
            ip: None,
            outcome: "shared".into(),
            detail: detail.into(),
        }
    }

    #[test]
    fn a_share_is_a_sentence_with_titles() {
        let row = names().row(event("share", "libraries [1, 2]"));
        assert_eq!(
            row.sentence,
            "plexgate shared Movies and TV Shows with alice"
        );
        assert_eq!(row.detail, "libraries Movies and TV Shows");
        assert_eq!(row.at.relative, "1 minute ago");
    }

    #[test]
    fn accepted_reads_short() {
        assert_eq!(names().row(event("accept", "")).sentence, "alice accepted");
    }

    #[test]
    fn app_events_are_sentences_too() {
        for kind in [
            "sso_signin",
            "oidc_signin",
            "sso_denied",
            "oidc_denied",
            "sso_logout",
            "oidc_logout",
            "sso_untrusted_peer",
            "oidc_token_reuse",
            "oidc_client_changed",
        ] {
            let s = names().row(event(kind, "")).sentence;
            assert!(!s.contains('_') && !s.contains(':'), "{kind}: {s}");
        }
    }

    #[test]
    fn every_kind_the_filter_offers_or_names_has_its_own_sentence() {
        let other = names().row(event("no_such_kind", "")).sentence;
        // Notifications are the one offered kind without a sentence of their own.
        for k in KINDS
            .iter()
            .chain(MORE_KNOWN)
            .filter(|k| **k != EventKind::Notify)
        {
            let s = names().row(event(k.as_str(), "")).sentence;
            assert!(!s.contains("adm-ev") && s != other, "{}: {s}", k.as_str());
        }
        // An expiry reads as one (it once fell through to the generic sentence).
        let s = names().row(event(EventKind::Expired.as_str(), "")).sentence;
        assert_eq!(s, "alice's access ended (shared)");
    }
}
