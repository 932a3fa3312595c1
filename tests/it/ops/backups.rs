//! Backups taken while writers carry on, restored elsewhere; rotation, pruning, migration.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use plexgate::access::{OWNER_TOKEN_KEY, OwnerStatus};
use plexgate::clock::{Clock as _, ManualClock};
use plexgate::serve::{build_state, serve};
use plexgate::store::{EventFilter, SCHEMA_VERSION, Store, StoreError};
use tokio::net::TcpListener;

use crate::support::{client, config_from_env};

use super::fixtures::{event, fill, schema_version_of, set_schema_version};

/// Everything a backup must carry, as comparable text.
fn tables(store: &Store) -> String {
    store
        .read_blocking(|tx| {
            Ok(format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                tx.list_allow()?,
                tx.list_admins()?,
                tx.list_invites()?,
                tx.invite_by_hash(&"ab".repeat(32))?,
                tx.list_grants()?,
                tx.list_requests()?,
                tx.list_api_keys()?,
                tx.get_setting::<Vec<u64>>("default_libraries")?,
            ))
        })
        .unwrap()
}

fn all_events(store: &Store) -> Vec<plexgate::store::Event> {
    store
        .read_blocking(|tx| {
            Ok(tx
                .events_page(None, 1_000_000, &EventFilter::default())?
                .events)
        })
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_under_concurrent_writes_restores_everything_and_asks_to_reconnect() {
    crate::support::tls();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("a")).unwrap();
    fill(&store);
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (store, stop) = (store.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    store
                        .write_blocking(|tx| tx.append_event(event(200, 1000 * (w + 1) + n)))
                        .unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    // Let the writers get going, so the snapshot really is taken between their commits.
    while all_events(&store).len() < 60 {
        std::thread::yield_now();
    }
    let file = dir.path().join("backup.redb");
    let info = tokio::task::spawn_blocking({
        let (store, file) = (store.clone(), file.clone());
        move || store.backup_to(&file)
    })
    .await
    .unwrap()
    .unwrap();
    stop.store(true, Ordering::SeqCst);
    let written: u64 = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(written > 0);
    assert_eq!(info.file, file);
    assert_eq!(info.bytes, std::fs::metadata(&file).unwrap().len());

    // A fresh data dir: another install, with its own key file.
    let b = dir.path().join("b");
    let restored = Store::restore_from(&b, &file).unwrap();
    assert!(
        restored.previous.is_some(),
        "the empty db it replaced is kept"
    );
    let copy = Store::open(&b).unwrap();
    assert_eq!(tables(&copy), tables(&store));
    let (src, dst) = (all_events(&store), all_events(&copy));
    assert!(dst.len() >= 60 && dst.len() <= src.len());
    // A snapshot: exactly the oldest events, with no gap, as they were.
    let src_prefix: Vec<_> = src.iter().rev().take(dst.len()).collect();
    let dst_in_order: Vec<_> = dst.iter().rev().collect();
    assert_eq!(src_prefix, dst_in_order);
    copy.read_blocking(|tx| {
        assert_eq!(tx.count_flows()?, 0, "flows are not in backups");
        assert!(
            tx.sessions_for(11)?.is_empty(),
            "sessions are not in backups"
        );
        assert!(matches!(
            tx.get_secret_setting(OWNER_TOKEN_KEY),
            Err(StoreError::Crypto)
        ));
        Ok(())
    })
    .unwrap();
    assert_eq!(copy.client_identifier(), store.client_identifier());

    // That install serves, and asks the owner to reconnect Plex.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = config_from_env(&[], addr.port(), &b);
    let state = build_state(
        config,
        copy,
        Arc::new(ManualClock::default()),
        Default::default(),
    )
    .unwrap();
    assert!(
        state.setup_url().is_none(),
        "a stored owner needs no setup code"
    );
    assert!(state.access.resolve_owner_once().await.is_err());
    assert!(matches!(
        state.access.owner_status(),
        OwnerStatus::NeedsReconnect
    ));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, state, async move {
        let _ = rx.await;
    }));
    let health: serde_json::Value = client()
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["owner_token"], "invalid", "{health}");
    let _ = tx.send(());
    server.await.unwrap().unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread")]
async fn daily_backups_keep_the_newest_backup_keep_and_record_events() {
    let app = crate::support::TestApp::start_with(&[("PLEXGATE_BACKUP_KEEP", "2")]).await;
    let manual = app
        .store()
        .backup_now("test", app.state.access.clock().unix())
        .await
        .unwrap();
    let mut stamps = Vec::new();
    for _ in 0..4 {
        app.clock.advance(Duration::from_secs(24 * 3600));
        stamps.push(plexgate::store::stamp(app.clock.unix()));
        plexgate::jobs::daily_upkeep(&app.state.access, &app.state.config).await;
    }
    let dir = app
        .dir
        .path()
        .join("data")
        .join(plexgate::store::BACKUP_DIR);
    let expected = vec![
        manual
            .file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        format!("plexgate-{}.redb", stamps[2]),
        format!("plexgate-{}.redb", stamps[3]),
    ];
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(names(&dir), expected_sorted);
    let backups = app
        .store()
        .read_blocking(|tx| {
            let f = EventFilter {
                kind: Some("backup".into()),
                ..Default::default()
            };
            Ok(tx.events_page(None, 100, &f)?.events)
        })
        .unwrap();
    assert_eq!(backups.len(), 5, "{backups:?}");
    // A backup is a store: it opens.
    let copy = dir.join(&expected[2]);
    let check = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, check.path().join("plexgate.redb")).unwrap();
    Store::open(check.path()).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn pruning_removes_old_events_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = 1_800_000_000;
    let day = 24 * 3600;
    store
        .write_blocking(|tx| {
            for (n, age) in [800, 731, 729, 0].into_iter().enumerate() {
                tx.append_event(event(now - age * day, n as u64))?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(store.prune_events(now, 730).await.unwrap(), 2);
    let left: Vec<(String, Option<u64>)> = all_events(&store)
        .into_iter()
        .map(|e| (e.kind, e.plex_id))
        .collect();
    assert_eq!(
        left,
        vec![
            ("prune".to_owned(), None),
            ("signin".to_owned(), Some(3)),
            ("signin".to_owned(), Some(2))
        ]
    );
    assert_eq!(store.prune_events(now, 730).await.unwrap(), 0);
    assert_eq!(
        all_events(&store).len(),
        3,
        "nothing pruned, nothing recorded"
    );
}

#[test]
fn a_migration_first_backs_up_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fill(&store);
    let before = tables(&store);
    drop(store);
    let db = dir.path().join("plexgate.redb");
    set_schema_version(&db, 0);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.read_blocking(|tx| tx.schema_version()).unwrap(),
        SCHEMA_VERSION
    );
    let backups = names(&dir.path().join("backups"));
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        backups[0].starts_with("plexgate-pre-migration-v0-"),
        "{backups:?}"
    );
    let file = dir.path().join("backups").join(&backups[0]);
    assert_eq!(schema_version_of(&file), 0);
    // It holds everything, flows and sessions included, and rolls back with restore.
    drop(store);
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(&file, other.path().join("plexgate.redb")).unwrap();
    std::fs::copy(
        dir.path().join("plexgate.key"),
        other.path().join("plexgate.key"),
    )
    .unwrap();
    let copy = Store::open(other.path()).unwrap();
    assert_eq!(tables(&copy), before);
    assert_eq!(copy.read_blocking(|tx| tx.count_flows()).unwrap(), 1);
    // No second backup once migrated.
    drop(copy);
    drop(Store::open(dir.path()).unwrap());
    assert_eq!(names(&dir.path().join("backups")).len(), 1);
}
