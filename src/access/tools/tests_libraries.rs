//! Unit tests of the default library set and library-carrying entries, against the built-in
//! fake plex.tv with the owner set as resolved.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use super::tests::{events, service};
use super::{AllowChange, NewAllowEntry, NewInvite};
use crate::access::{Access, AccessError, DEFAULT_LIBRARIES_KEY, Owner, OwnerStatus};
use crate::config::LibraryRef;
use crate::fakeplex::{self, FakePlex, MOVIES, MUSIC, TV};
use crate::secret::Secret;

fn resolve(access: &Access) {
    access.set_owner_status(OwnerStatus::Ready(Arc::new(Owner {
        token: Secret::new(fakeplex::OWNER.token),
        plex_id: fakeplex::OWNER.id,
        username: fakeplex::OWNER.username.to_owned(),
        title: fakeplex::OWNER.username.to_owned(),
        thumb: None,
        machine_id: fakeplex::SERVER_ID.to_owned(),
        server_name: fakeplex::SERVER_NAME.to_owned(),
    })));
}

fn title(t: &str) -> LibraryRef {
    LibraryRef::Title(t.to_owned())
}

#[tokio::test]
async fn default_set_is_chosen_by_title_or_id_and_marked() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (access, _) = service(dir.path(), &fake.base_url(), None);
    let err = access.library_choices().await.unwrap_err();
    assert!(matches!(err, AccessError::NotConfigured), "{err:?}");
    resolve(&access);

    let before = access.library_choices().await.unwrap();
    assert!(before.len() >= 3 && before.iter().all(|c| !c.selected));
    let movies = before.iter().find(|c| c.section.id == MOVIES).unwrap();
    assert_eq!(
        (movies.section.key.as_str(), movies.section.title.as_str()),
        ("1", "Movies")
    );

    let after = access
        .set_default_libraries("tester", &[title("movies"), LibraryRef::Id(MUSIC)])
        .await
        .unwrap();
    let selected: Vec<u64> = after
        .iter()
        .filter(|c| c.selected)
        .map(|c| c.section.id)
        .collect();
    assert_eq!(selected, [MOVIES, MUSIC]);
    assert_eq!(access.library_choices().await.unwrap(), after);
    assert_eq!(access.default_libraries().await.unwrap(), [MOVIES, MUSIC]);

    for bad in [vec![], vec![title("Anime")], vec![LibraryRef::Id(1)]] {
        let err = access
            .set_default_libraries("tester", &bad)
            .await
            .unwrap_err();
        assert!(matches!(err, AccessError::Invalid(_)), "{bad:?}: {err:?}");
    }
    assert_eq!(access.default_libraries().await.unwrap(), [MOVIES, MUSIC]);
    let ev = events(&access).await;
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].kind.as_str(), ev[0].actor.as_str()),
        ("libraries_set", "tester")
    );
    assert!(ev[0].detail.contains("Movies"), "{}", ev[0].detail);
}

#[tokio::test]
async fn a_default_set_from_config_wins() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (access, _) = service(dir.path(), &fake.base_url(), Some(vec![title("Movies")]));
    resolve(&access);
    assert!(access.libraries_from_config());
    let err = access
        .set_default_libraries("tester", &[title("TV Shows")])
        .await
        .unwrap_err();
    assert!(matches!(err, AccessError::Conflict(_)), "{err:?}");
    let stored: Option<Vec<u64>> = access
        .store()
        .read(|tx| tx.get_setting(DEFAULT_LIBRARIES_KEY))
        .await
        .unwrap();
    assert_eq!(stored, None);
}

#[tokio::test]
async fn entries_and_invites_store_resolved_ids() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (access, _) = service(dir.path(), &fake.base_url(), None);
    resolve(&access);
    let entry = access
        .add_allow_entry(
            "t",
            NewAllowEntry {
                account: "alice".into(),
                libraries: Some(vec![title("TV Shows"), LibraryRef::Id(MOVIES)]),
                ..NewAllowEntry::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(entry.libraries, Some(vec![TV, MOVIES]));
    let set = |libraries| AllowChange {
        libraries: Some(libraries),
        ..AllowChange::default()
    };
    let edited = access
        .update_allow_entry("t", entry.id, set(Some(vec![title("music")])))
        .await
        .unwrap();
    assert_eq!(edited.libraries, Some(vec![MUSIC]));
    let err = access
        .update_allow_entry("t", entry.id, set(Some(vec![title("Anime")])))
        .await
        .unwrap_err();
    assert!(matches!(err, AccessError::Invalid(_)), "{err:?}");
    let edited = access
        .update_allow_entry("t", entry.id, set(None))
        .await
        .unwrap();
    assert_eq!(edited.libraries, None);
    let with = |libraries| NewInvite {
        libraries: Some(libraries),
        ..NewInvite::default()
    };
    let invite = access
        .create_invite("t", with(vec![title("music")]))
        .await
        .unwrap();
    assert_eq!(invite.invite.libraries, Some(vec![MUSIC]));
    let err = access
        .create_invite("t", with(vec![title("Anime")]))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("\"Anime\""), "{err}");
}

#[tokio::test]
async fn a_plex_tv_failure_is_a_plex_error_and_changes_nothing() {
    let fake = FakePlex::start().await.unwrap();
    fake.inject(fakeplex::Fault::status("/", 503));
    let dir = tempfile::tempdir().unwrap();
    let (access, _) = service(dir.path(), &fake.base_url(), None);
    resolve(&access);
    let err = access.library_choices().await.unwrap_err();
    assert!(matches!(err, AccessError::Plex(_)), "{err:?}");
    let err = access
        .set_default_libraries("t", &[title("Movies")])
        .await
        .unwrap_err();
    assert!(matches!(err, AccessError::Plex(_)), "{err:?}");
    assert!(access.default_libraries().await.unwrap().is_empty());
    assert!(events(&access).await.is_empty());
}
