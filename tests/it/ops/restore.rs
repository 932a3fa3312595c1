//! `restore` checks before it replaces anything, keeps the old file, and refuses while in use.

use std::path::Path;

use plexgate::store::{AllowEntry, SCHEMA_VERSION, Store, StoreError};

use super::fixtures::{fill, set_schema_version};

fn marker(store: &Store, id: u64) {
    store
        .write_blocking(|tx| {
            tx.put_allow(&AllowEntry {
                id,
                account: format!("marker{id}"),
                plex_id: None,
                libraries: None,
                access_days: None,
                note: String::new(),
                sharing: Default::default(),
                created_at: 1,
            })
        })
        .unwrap();
}

fn accounts(data: &Path) -> Vec<String> {
    let store = Store::open(data).unwrap();
    store
        .read_blocking(|tx| Ok(tx.list_allow()?.into_iter().map(|e| e.account).collect()))
        .unwrap()
}

fn kept_files(data: &Path) -> Vec<String> {
    std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-restore") || n.contains(".restore-"))
        .collect()
}

#[test]
fn restore_refuses_newer_or_corrupt_backups_and_keeps_the_current_db() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    fill(&store);
    marker(&store, 7);
    let good = dir.path().join("good.redb");
    store.backup_to(&good).unwrap();

    // While the store is open (a running server), nothing happens.
    let err = Store::restore_from(&data, &good).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyInUse { .. }), "{err}");
    drop(store);

    let newer = dir.path().join("newer.redb");
    std::fs::copy(&good, &newer).unwrap();
    set_schema_version(&newer, SCHEMA_VERSION + 1);
    let err = Store::restore_from(&data, &newer).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
    assert!(err.to_string().contains("upgrade plexgate"), "{err}");

    let garbage = dir.path().join("garbage.redb");
    std::fs::write(&garbage, vec![0x5a; 64 * 1024]).unwrap();
    let err = Store::restore_from(&data, &garbage).unwrap_err();
    assert!(
        err.to_string().contains("not a usable plexgate backup"),
        "{err}"
    );

    let truncated = dir.path().join("truncated.redb");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    assert!(Store::restore_from(&data, &truncated).is_err());

    let missing = dir.path().join("missing.redb");
    assert!(Store::restore_from(&data, &missing).is_err());

    // Untouched: the marker is there, no file was moved aside, no temporary copy is left.
    assert!(accounts(&data).contains(&"marker7".to_owned()));
    assert!(kept_files(&data).is_empty(), "{:?}", kept_files(&data));
}

#[test]
fn restore_replaces_the_db_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    marker(&store, 1);
    let file = dir.path().join("b.redb");
    store.backup_to(&file).unwrap();
    marker(&store, 2);
    drop(store);
    let info = Store::restore_from(&data, &file).unwrap();
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(accounts(&data), vec!["marker1".to_owned()]);
    let previous = info.previous.unwrap();
    assert!(
        previous
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("plexgate.redb.before-restore-")
    );
    // The replaced file is a whole store: rolling back is one more restore.
    Store::restore_from(&data, &previous).unwrap();
    assert_eq!(
        accounts(&data),
        vec!["marker1".to_owned(), "marker2".to_owned()]
    );
}

#[test]
fn an_older_backup_is_migrated_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    marker(&store, 3);
    let file = dir.path().join("old.redb");
    store.backup_to(&file).unwrap();
    drop(store);
    set_schema_version(&file, 0);
    let info = Store::restore_from(&data, &file).unwrap();
    assert_eq!(info.schema_version, 0);
    let store = Store::open(&data).unwrap();
    assert_eq!(
        store.read_blocking(|tx| tx.schema_version()).unwrap(),
        SCHEMA_VERSION
    );
    assert!(data.join("backups").read_dir().unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("plexgate-pre-migration-v0-")
    }));
}
