//! Unit tests of the owner's tools against a real store: allowlist and invites without plex.tv,
//! and the helpers the library tests share.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;

use super::{AllowChange, NewAllowEntry, NewInvite};
use crate::access::{Access, AccessError, AccessSettings};
use crate::clock::{ManualClock, Timing};
use crate::config::{LibraryRef, Policy, PublicUrl};
use crate::crypto::sha256_hex;
use crate::plex::{PlexClient, PlexSettings};
use crate::store::{Event, EventFilter, Store};

/// An access service on a fresh store in `dir`, talking to `plex_base` (nothing listens there
/// unless a test starts a fake), with `libraries` as the config's `access.libraries`.
pub(super) fn service(
    dir: &Path,
    plex_base: &str,
    libraries: Option<Vec<LibraryRef>>,
) -> (Access, ManualClock) {
    let store = Store::open(dir).unwrap();
    let mut plex = PlexSettings::new(store.client_identifier()).unwrap();
    plex.api_url = plex_base.parse().unwrap();
    plex.clients_url = plex_base.parse().unwrap();
    let clock = ManualClock::default();
    let settings = AccessSettings {
        policy: Policy::Invite,
        allow_downloads: false,
        allow_live_tv: false,
        allow_camera_upload: false,
        libraries,
        from_config: Default::default(),
        owner_token: None,
        server: None,
        max_removals: 5,
        public_url: PublicUrl::parse("https://example.com/plex/").unwrap(),
    };
    let access = Access::with_hooks(
        store,
        PlexClient::new(plex).unwrap(),
        Arc::new(clock.clone()),
        Timing::default(),
        settings,
        Default::default(),
    );
    (access, clock)
}

/// Every event, oldest first.
pub(super) async fn events(access: &Access) -> Vec<Event> {
    let mut page = access
        .store()
        .read(|tx| tx.events_page(None, 1000, &EventFilter::default()))
        .await
        .unwrap();
    page.events.reverse();
    page.events
}

fn offline() -> (tempfile::TempDir, Access, ManualClock) {
    let dir = tempfile::tempdir().unwrap();
    let (access, clock) = service(dir.path(), "http://127.0.0.1:9", None);
    (dir, access, clock)
}

fn entry(account: &str) -> NewAllowEntry {
    NewAllowEntry {
        account: account.to_owned(),
        ..NewAllowEntry::default()
    }
}

#[tokio::test]
async fn allowlist_adds_lists_and_removes_with_events() {
    let (_dir, access, _) = offline();
    let a = access
        .add_allow_entry(
            "tester",
            NewAllowEntry {
                account: " Alice@Example.com ".into(),
                access_days: Some(30),
                note: Some("  from work ".into()),
                sharing: Default::default(),
                libraries: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(a.account, "Alice@Example.com");
    assert_eq!((a.plex_id, a.access_days), (None, Some(30)));
    assert_eq!(a.note, "from work");
    let b = access
        .add_allow_entry("tester", entry("4242"))
        .await
        .unwrap();
    assert_eq!(b.plex_id, Some(4242));
    assert_ne!(a.id, b.id);
    let list = access.allowlist().await.unwrap();
    assert_eq!(list, vec![a.clone(), b.clone()]);

    access.remove_allow_entry("tester", a.id).await.unwrap();
    assert_eq!(access.allowlist().await.unwrap(), vec![b.clone()]);
    let err = access.remove_allow_entry("tester", a.id).await.unwrap_err();
    assert!(matches!(err, AccessError::NotFound(_)), "{err:?}");

    let ev = events(&access).await;
    let kinds: Vec<_> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["allowlist_add", "allowlist_add", "allowlist_remove"]
    );
    assert!(ev.iter().all(|e| e.actor == "tester" && e.outcome == "ok"));
    assert_eq!(ev[1].plex_id, Some(4242));
    assert!(ev[2].detail.contains("Alice@Example.com"));
}

#[tokio::test]
async fn allowlist_refuses_duplicates_and_bad_input_without_writing() {
    let (_dir, access, _) = offline();
    access.add_allow_entry("t", entry("Bob")).await.unwrap();
    let dup = access
        .add_allow_entry("t", entry(" bob "))
        .await
        .unwrap_err();
    assert!(matches!(dup, AccessError::Conflict(_)), "{dup:?}");
    let bad = [
        entry(""),
        NewAllowEntry {
            access_days: Some(0),
            ..entry("carol")
        },
        NewAllowEntry {
            access_days: Some(3651),
            ..entry("carol")
        },
        NewAllowEntry {
            note: Some("x".repeat(501)),
            ..entry("carol")
        },
        NewAllowEntry {
            libraries: Some(vec![]),
            ..entry("carol")
        },
    ];
    for new in bad {
        let err = access.add_allow_entry("t", new.clone()).await.unwrap_err();
        assert!(matches!(err, AccessError::Invalid(_)), "{new:?}: {err:?}");
    }
    // Naming libraries needs the server's sections, so the owner must be known.
    let err = access
        .add_allow_entry(
            "t",
            NewAllowEntry {
                libraries: Some(vec![LibraryRef::Title("Movies".into())]),
                ..entry("carol")
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, AccessError::NotConfigured), "{err:?}");
    assert_eq!(access.allowlist().await.unwrap().len(), 1);
    assert_eq!(events(&access).await.len(), 1);
}

#[tokio::test]
async fn allowlist_edits_days_and_note_keep_the_account_and_record_the_actor() {
    let (_dir, access, _) = offline();
    let a = access.add_allow_entry("t", entry("4242")).await.unwrap();
    let change = AllowChange {
        access_days: Some(Some(14)),
        note: Some("  cousin ".into()),
        ..AllowChange::default()
    };
    let edited = access.update_allow_entry("co", a.id, change).await.unwrap();
    assert_eq!(
        (edited.access_days, edited.note.as_str()),
        (Some(14), "cousin")
    );
    assert_eq!(
        (edited.account.as_str(), edited.plex_id),
        ("4242", Some(4242))
    );
    assert_eq!(access.allowlist().await.unwrap(), vec![edited.clone()]);
    // `None` leaves a field alone; `Some(None)` clears the duration.
    let cleared = AllowChange {
        access_days: Some(None),
        ..AllowChange::default()
    };
    let edited = access
        .update_allow_entry("co", a.id, cleared)
        .await
        .unwrap();
    assert_eq!((edited.access_days, edited.note.as_str()), (None, "cousin"));

    let bad = [
        AllowChange {
            access_days: Some(Some(0)),
            ..AllowChange::default()
        },
        AllowChange {
            note: Some("x".repeat(501)),
            ..AllowChange::default()
        },
        AllowChange {
            libraries: Some(Some(vec![])),
            ..AllowChange::default()
        },
    ];
    for change in bad {
        let err = access
            .update_allow_entry("co", a.id, change.clone())
            .await
            .unwrap_err();
        assert!(
            matches!(err, AccessError::Invalid(_)),
            "{change:?}: {err:?}"
        );
    }
    let err = access
        .update_allow_entry("co", 999, AllowChange::default())
        .await
        .unwrap_err();
    assert!(matches!(err, AccessError::NotFound(_)), "{err:?}");
    assert_eq!(access.allowlist().await.unwrap(), vec![edited]);

    let ev = events(&access).await;
    let kinds: Vec<_> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["allowlist_add", "allowlist_edit", "allowlist_edit"]);
    assert_eq!((ev[1].actor.as_str(), ev[1].plex_id), ("co", Some(4242)));
    assert!(ev[1].detail.contains("access days: 14"), "{}", ev[1].detail);
}

#[tokio::test]
async fn invites_store_only_the_hash_and_revoke_once() {
    let (_dir, access, clock) = offline();
    let now = clock_now(&clock);
    let created = access
        .create_invite(
            "tester",
            NewInvite {
                max_uses: Some(3),
                expires_in_days: Some(7),
                access_days: Some(90),
                note: Some("family".into()),
                libraries: None,
                sharing: Default::default(),
            },
        )
        .await
        .unwrap();
    let code = created.code.expose().to_owned();
    // 16 random bytes in base64url without padding.
    assert_eq!(code.len(), 22);
    assert_eq!(
        created.url.expose(),
        format!("https://example.com/plex/i/{code}")
    );
    let inv = &created.invite;
    assert_eq!(inv.code_hash, sha256_hex(&code));
    assert_eq!(inv.expires_at, Some(now + 7 * 86_400));
    assert_eq!((inv.max_uses, inv.uses, inv.revoked), (Some(3), 0, false));
    let other = access
        .create_invite("tester", NewInvite::default())
        .await
        .unwrap();
    assert_ne!(other.code.expose(), code);
    assert_eq!(other.invite.expires_at, None);

    access.revoke_invite("tester", inv.id).await.unwrap();
    access.revoke_invite("tester", inv.id).await.unwrap();
    let err = access.revoke_invite("tester", 999).await.unwrap_err();
    assert!(matches!(err, AccessError::NotFound(_)), "{err:?}");
    let list = access.invites().await.unwrap();
    assert_eq!(list.len(), 2);
    assert!(list[0].revoked && !list[1].revoked);

    let ev = events(&access).await;
    let kinds: Vec<_> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["invite_create", "invite_create", "invite_revoke"]);
    assert!(ev.iter().all(|e| !e.detail.contains(&code)));
}

#[tokio::test]
async fn invites_refuse_bad_input() {
    let (_dir, access, _) = offline();
    let bad = [
        NewInvite {
            max_uses: Some(0),
            ..NewInvite::default()
        },
        NewInvite {
            expires_in_days: Some(0),
            ..NewInvite::default()
        },
        NewInvite {
            expires_in_days: Some(366),
            ..NewInvite::default()
        },
        NewInvite {
            access_days: Some(0),
            ..NewInvite::default()
        },
        NewInvite {
            note: Some("é".repeat(501)),
            ..NewInvite::default()
        },
        NewInvite {
            libraries: Some(vec![]),
            ..NewInvite::default()
        },
    ];
    for new in bad {
        let err = access.create_invite("t", new.clone()).await.unwrap_err();
        assert!(matches!(err, AccessError::Invalid(_)), "{new:?}: {err:?}");
    }
    assert!(access.invites().await.unwrap().is_empty());
}

fn clock_now(clock: &ManualClock) -> i64 {
    use crate::clock::Clock as _;
    clock.unix()
}
