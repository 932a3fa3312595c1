//! Tests of opening the store: schema versions, the lock, the key file, transactions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt as _;

use super::schema::{META, META_SCHEMA_VERSION};
use super::*;
use crate::secret::Secret;

pub(super) fn open_tmp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    (dir, store)
}

fn set_version(store: &Store, v: u64) {
    store
        .write_blocking(|tx| tx.put(META, META_SCHEMA_VERSION, &v))
        .unwrap();
}

#[test]
fn client_identifier_survives_reopen() {
    let (dir, store) = open_tmp();
    let id = store.client_identifier().to_owned();
    assert_eq!(id.len(), 32);
    assert_eq!(store.path(), dir.path().join("data").join(DB_FILE));
    drop(store);
    let again = Store::open(&dir.path().join("data")).unwrap();
    assert_eq!(again.client_identifier(), id);
    let (_other_dir, other) = open_tmp();
    assert_ne!(other.client_identifier(), id);
}

#[test]
fn fresh_file_gets_current_version() {
    let (_dir, store) = open_tmp();
    let v = store.read_blocking(|tx| tx.schema_version()).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
}

#[test]
fn an_open_adds_a_missing_table_even_at_the_current_version() {
    // The open writes nothing when the file is current (issue 23); a table missing from an
    // otherwise current file still makes it write.
    let (dir, store) = open_tmp();
    let id = store.client_identifier().to_owned();
    drop(store);
    let path = dir.path().join("data").join(DB_FILE);
    let db = redb::Database::open(&path).unwrap();
    let tx = db.begin_write().unwrap();
    assert!(tx.delete_table(super::schema::GRANTS).unwrap());
    tx.commit().unwrap();
    drop(db);
    let store = Store::open(&dir.path().join("data")).unwrap();
    assert_eq!(store.client_identifier(), id);
    assert_eq!(store.read_blocking(|tx| tx.list_grants()).unwrap(), []);
}

#[test]
fn newer_schema_is_refused() {
    let (dir, store) = open_tmp();
    set_version(&store, SCHEMA_VERSION + 1);
    drop(store);
    let err = Store::open(&dir.path().join("data")).unwrap_err();
    match &err {
        StoreError::NewerSchema { found, supported } => {
            assert_eq!(*found, SCHEMA_VERSION + 1);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert!(err.to_string().contains("upgrade plexgate"));
}

#[test]
fn older_schema_is_migrated() {
    let (dir, store) = open_tmp();
    set_version(&store, 0);
    drop(store);
    let store = Store::open(&dir.path().join("data")).unwrap();
    let v = store.read_blocking(|tx| tx.schema_version()).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
}

#[test]
fn migrations_run_in_order_from_the_stored_version_and_abort_on_failure() {
    use super::schema::{Migration, run_migrations};
    fn step(tx: &mut WriteTx, n: u64) -> Result<(), StoreError> {
        let mut done: Vec<u64> = tx.get_setting("steps")?.unwrap_or_default();
        done.push(n);
        tx.put_setting("steps", &done)
    }
    const LIST: &[Migration] = &[|tx| step(tx, 0), |tx| step(tx, 1), |tx| step(tx, 2)];
    const FAILING: &[Migration] = &[
        |tx| step(tx, 0),
        |_| Err(StoreError::Corrupt("bad row".into())),
    ];
    let (_dir, store) = open_tmp();
    let steps = store
        .write_blocking(|tx| {
            run_migrations(tx, 1, LIST)?;
            tx.get_setting::<Vec<u64>>("steps")
        })
        .unwrap();
    assert_eq!(steps, Some(vec![1, 2]));
    store
        .write_blocking(|tx| tx.delete_setting("steps"))
        .unwrap();
    let res = store.write_blocking(|tx| run_migrations(tx, 0, FAILING));
    assert!(matches!(res, Err(StoreError::Corrupt(_))));
    let steps: Option<Vec<u64>> = store.read_blocking(|tx| tx.get_setting("steps")).unwrap();
    assert_eq!(steps, None, "a failed migration leaves nothing behind");
}

#[test]
fn second_open_while_first_is_open_is_already_in_use() {
    let (dir, first) = open_tmp();
    let data = dir.path().join("data");
    let err = Store::open(&data).unwrap_err();
    assert!(
        matches!(&err, StoreError::AlreadyInUse { path } if *path == data),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "data dir {} is already in use by another plexgate (stop it first, or use its /healthz)",
            data.display()
        )
    );
    // A clone shares the handle; only dropping every clone releases the lock.
    let clone = first.clone();
    drop(first);
    assert!(matches!(
        Store::open(&data),
        Err(StoreError::AlreadyInUse { .. })
    ));
    drop(clone);
    Store::open(&data).unwrap();
}

#[test]
fn key_file_is_private_and_reused() {
    let (dir, store) = open_tmp();
    let key_path = dir.path().join("data").join(KEY_FILE);
    let meta = std::fs::metadata(&key_path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.len(), 32);
    let bytes = std::fs::read(&key_path).unwrap();
    let sealed = store.keys().encrypt(b"owner-token");
    let sig = store.keys().sign(b"msg");
    drop(store);
    let store = Store::open(&dir.path().join("data")).unwrap();
    assert_eq!(std::fs::read(&key_path).unwrap(), bytes);
    assert_eq!(store.keys().decrypt(&sealed).unwrap(), b"owner-token");
    assert!(store.keys().verify(b"msg", &sig));
}

#[test]
fn readable_key_file_is_used_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(KEY_FILE);
    std::fs::write(&path, [9u8; 32]).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let expected = Keys::from_master(&[9u8; 32]).sign(b"x");
    assert_eq!(
        store.keys().sign(b"x"),
        expected,
        "the existing key is kept"
    );
}

#[test]
fn short_key_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(KEY_FILE), b"short").unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::KeyFile { .. }), "{err:?}");
}

#[test]
fn encryption_round_trips_and_detects_tampering() {
    let keys = Keys::from_master(&[7u8; 32]);
    let other = Keys::from_master(&[8u8; 32]);
    let a = keys.encrypt(b"secret token");
    let b = keys.encrypt(b"secret token");
    assert_ne!(a, b, "a random nonce per message");
    assert_eq!(a.len(), 24 + 12 + 16);
    assert_eq!(keys.decrypt(&a).unwrap(), b"secret token");
    for i in [0, 23, 24, a.len() - 1] {
        let mut bad = a.clone();
        bad[i] ^= 1;
        assert!(matches!(keys.decrypt(&bad), Err(StoreError::Crypto)));
    }
    assert!(matches!(keys.decrypt(&a[..20]), Err(StoreError::Crypto)));
    assert!(matches!(other.decrypt(&a), Err(StoreError::Crypto)));
    assert_eq!(format!("{keys:?}"), "Keys([redacted])");
}

#[test]
fn sign_and_verify() {
    let keys = Keys::from_master(&[7u8; 32]);
    let sig = keys.sign(b"hello");
    assert!(keys.verify(b"hello", &sig));
    assert!(!keys.verify(b"hellO", &sig));
    let mut bad = sig;
    bad[31] ^= 1;
    assert!(!keys.verify(b"hello", &bad));
    assert!(!keys.verify(b"hello", &sig[..31]));
    assert!(!Keys::from_master(&[8u8; 32]).verify(b"hello", &sig));
    // The signing key is not the encryption key: both derive from the file under different labels.
    assert_ne!(keys.sign(b""), [0u8; 32]);
}

#[test]
fn failed_write_leaves_nothing() {
    let (_dir, store) = open_tmp();
    let res: Result<(), StoreError> = store.write_blocking(|tx| {
        tx.put_setting("welcome_title", &"Hi")?;
        let id = tx.next_id(IdTable::Invites)?;
        assert_eq!(id, 1);
        Err(StoreError::Conflict("changed my mind".into()))
    });
    assert!(matches!(res, Err(StoreError::Conflict(_))));
    let (title, id) = store
        .write_blocking(|tx| {
            let t: Option<String> = tx.get_setting("welcome_title")?;
            Ok((t, tx.next_id(IdTable::Invites)?))
        })
        .unwrap();
    assert_eq!(title, None);
    assert_eq!(id, 1, "the aborted transaction's id was not consumed");
}

#[test]
fn secret_settings_are_encrypted_at_rest() {
    let (dir, store) = open_tmp();
    let token = Secret::new("plex-owner-token-123");
    store
        .write_blocking(|tx| tx.put_secret_setting("owner_token", &token))
        .unwrap();
    let raw: serde_json::Value = store
        .read_blocking(|tx| tx.get_setting("owner_token"))
        .unwrap()
        .unwrap();
    assert!(!raw.to_string().contains("plex-owner-token"));
    let back = store
        .read_blocking(|tx| tx.get_secret_setting("owner_token"))
        .unwrap()
        .unwrap();
    assert_eq!(back.expose(), "plex-owner-token-123");
    drop(store);
    let file = std::fs::read(dir.path().join("data").join(DB_FILE)).unwrap();
    assert!(!file.windows(16).any(|w| w == b"plex-owner-token"));
    // Another install's key file (a restored backup) cannot read it.
    std::fs::remove_file(dir.path().join("data").join(KEY_FILE)).unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    let res = store.read_blocking(|tx| tx.get_secret_setting("owner_token"));
    assert!(matches!(res, Err(StoreError::Crypto)));
}

#[tokio::test]
async fn async_read_and_write_run_off_the_workers() {
    let (_dir, store) = open_tmp();
    store
        .write(|tx| tx.put_setting("policy", &"invite"))
        .await
        .unwrap();
    let got: Option<String> = store.read(|tx| tx.get_setting("policy")).await.unwrap();
    assert_eq!(got.as_deref(), Some("invite"));
    let deleted = store.write(|tx| tx.delete_setting("policy")).await.unwrap();
    assert!(deleted);
    let got: Option<String> = store.read(|tx| tx.get_setting("policy")).await.unwrap();
    assert_eq!(got, None);
}
