//! The event log as people read it (dashboard and Activity): one sentence per event ("plexgate
//! shared Movies and TV Shows with alice", "alice accepted"), accounts by name, libraries by
//! title, never a section id; the stored detail stays below it for the curious.

use std::collections::HashMap;

use serde::Serialize;

use super::access::LibraryBox;
use crate::access::model::Event;
use crate::web::AppState;
use crate::web::human::{When, and_list};

/// The kinds the Activity filter offers, with their names for people.
pub const KINDS: &[(&str, &str)] = &[
    ("signin", "Sign-ins"),
    ("share", "Shares"),
    ("accept", "Accepted shares"),
    ("request", "Access requests"),
    ("request_approve", "Approved requests"),
    ("request_decline", "Declined requests"),
    ("allowlist_add", "Allowlist additions"),
    ("allowlist_edit", "Allowlist changes"),
    ("allowlist_remove", "Allowlist removals"),
    ("invite_create", "New invite links"),
    ("invite_revoke", "Revoked invite links"),
    ("user_update", "Access changes"),
    ("remove", "Removed access"),
    ("expire", "Expired access"),
    ("grant_failed", "Failed shares"),
    ("admin_add", "Co-admins added"),
    ("admin_remove", "Co-admins removed"),
    ("policy_set", "Policy changes"),
    ("libraries_set", "Default library changes"),
    ("settings_set", "Settings changes"),
    ("key_create", "New API keys"),
    ("key_revoke", "Revoked API keys"),
    ("sessions_ended", "Ended sessions"),
    ("owner_token", "Owner's Plex connection"),
    ("reconcile", "Reconciler runs"),
    ("notify", "Notifications"),
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
            now: state.clock.unix(),
        }
    }

    /// `e` as a row.
    pub fn row(&self, e: Event) -> EventRow {
        let who = e
            .plex_id
            .and_then(|id| self.accounts.get(&id).filter(|n| !n.is_empty()).cloned())
            .unwrap_or_else(|| {
                e.plex_id
                    .map_or_else(|| "someone".to_owned(), |id| format!("account {id}"))
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
            .map(|id| {
                self.libraries
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| "a library no longer on the server".to_owned())
            })
            .collect()
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
                    let titles = self.titles_in(&format!("[{}]", join(&ids)));
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

fn join(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// The sentence for one event.
fn sentence(kind: &str, actor: &str, who: &str, outcome: &str, libs: &[String]) -> String {
    let libs = if libs.is_empty() {
        "the libraries".to_owned()
    } else {
        and_list(libs)
    };
    let outcome_words = outcome.replace('_', " ");
    match kind {
        "share" if matches!(outcome, "failed" | "retry" | "error") => {
            format!("Sharing with {who} did not work yet ({outcome_words})")
        }
        "share" => format!("plexgate shared {libs} with {who}"),
        "accept" => format!("{who} accepted"),
        "adopt" => format!("plexgate took over managing {who}'s share"),
        "signin" => format!("{actor} signed in ({outcome_words})"),
        "request" => format!("{who} asked for access"),
        "request_approve" => format!("{actor} approved {who}'s request"),
        "request_decline" => format!("{actor} declined {who}'s request"),
        "allowlist_add" => format!("{actor} added someone to the allowlist"),
        "allowlist_edit" => format!("{actor} changed an allowlist entry"),
        "allowlist_remove" => format!("{actor} removed someone from the allowlist"),
        "invite_create" => format!("{actor} created an invite link"),
        "invite_revoke" => format!("{actor} revoked an invite link"),
        "user_update" => format!("{actor} changed {who}'s access"),
        "remove" => format!("{actor} removed {who}'s access ({outcome_words})"),
        "expire" => format!("{who}'s access ended ({outcome_words})"),
        "grant_failed" => format!("Sharing with {who} failed"),
        "admin_add" => format!("{actor} added a co-admin"),
        "admin_remove" => format!("{actor} removed a co-admin"),
        "policy_set" => format!("{actor} changed who may join"),
        "libraries_set" => format!("{actor} changed the default libraries"),
        "settings_set" => format!("{actor} changed the settings"),
        "setup_server" => format!("{actor} chose the server to share"),
        "key_create" => format!("{actor} created an API key"),
        "key_revoke" => format!("{actor} revoked an API key"),
        "sessions_ended" => format!("{actor} ended {who}'s sessions"),
        "owner_token" => format!("The owner's Plex connection: {outcome_words}"),
        "sso_signin" | "oidc_signin" => format!("{actor} signed in to an app"),
        "sso_denied" | "oidc_denied" => format!("An app's rule refused {actor}"),
        "sso_logout" | "oidc_logout" => format!("{actor} signed out of the apps"),
        "sso_untrusted_peer" => "A proxy plexgate does not trust was refused".to_owned(),
        "oidc_token_reuse" => "A used sign-in code came back and was refused".to_owned(),
        "oidc_client_changed" => format!("{actor} changed the apps that sign in with Plex"),
        "reconcile" | "reconcile_confirm" | "reconcile_discard" => {
            format!("The reconciler checked the shares ({outcome_words})")
        }
        _ => format!("{actor}: {} ({outcome_words})", kind.replace('_', " ")),
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
}
