//! Shared fixtures of the ops tests: a store with a row in every table, and the schema version
//! of a closed redb file read or rewritten directly.

use std::path::Path;

use plexgate::access::{OWNER_SERVER_KEY, OWNER_TOKEN_KEY};
use plexgate::secret::Secret;
use plexgate::store::{
    AccessRequest, AdminEntry, AllowEntry, ApiKeyRecord, EventKind, Flow, FlowPurpose, Grant,
    GrantStatus, Invite, NewEvent, RequestStatus, Session, SessionKind, Store,
};
use redb::{ReadableDatabase as _, TableDefinition};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

pub fn event(at: i64, n: u64) -> NewEvent {
    NewEvent {
        at,
        kind: EventKind::Signin,
        actor: "writer".into(),
        plex_id: Some(n),
        ip: None,
        outcome: "ok".into(),
        detail: format!("event {n}"),
    }
}

/// One row in every table (flows and sessions included), two secrets, 50 events.
pub fn fill(store: &Store) {
    store
        .write_blocking(|tx| {
            tx.put_allow(&AllowEntry {
                id: 1,
                account: "alice".into(),
                plex_id: Some(11),
                libraries: Some(vec![1, 2]),
                access_days: Some(30),
                note: "friend".into(),
                sharing: Default::default(),
                created_at: 100,
            })?;
            tx.put_admin(&AdminEntry {
                id: 1,
                account: "bob".into(),
                plex_id: None,
                created_at: 100,
            })?;
            tx.put_invite(&Invite {
                id: 1,
                code_hash: "ab".repeat(32),
                max_uses: Some(3),
                uses: 1,
                used_by: vec![11],
                expires_at: None,
                libraries: None,
                access_days: None,
                note: String::new(),
                revoked: false,
                sharing: Default::default(),
                created_at: 100,
            })?;
            tx.put_grant(&Grant {
                plex_id: 11,
                username: "alice".into(),
                email: None,
                libraries: vec![1],
                status: GrantStatus::Accepted,
                external: false,
                share_id: Some(5),
                expires_at: None,
                source: plexgate::store::GrantSource::Allowlist,
                invite_id: None,
                attempts: 0,
                next_attempt_at: None,
                share_attempted: false,
                last_error: None,
                removal: None,
                created_at: 100,
                updated_at: 100,
            })?;
            tx.put_request(&AccessRequest {
                id: 1,
                plex_id: 12,
                username: "carol".into(),
                email: None,
                note: "please".into(),
                created_at: 100,
                status: RequestStatus::Open,
                decided_at: None,
                decided_by: None,
            })?;
            tx.put_api_key(&ApiKeyRecord {
                id: 1,
                name: "script".into(),
                hash: "cd".repeat(32),
                created_at: 100,
                last_used_at: None,
            })?;
            tx.put_setting("default_libraries", &vec![1u64, 2])?;
            tx.put_setting(OWNER_SERVER_KEY, &plexgate::fakeplex::SERVER_ID)?;
            tx.put_secret_setting(OWNER_TOKEN_KEY, &Secret::new("owner-token"))?;
            tx.put_flow(
                &"ef".repeat(32),
                &Flow {
                    purpose: FlowPurpose::Join,
                    pin_id: 1,
                    pin_code: "ABCD".into(),
                    created_at: 100,
                    expires_at: 10_000_000_000,
                    invite_code_hash: None,
                    next: None,
                    rd: None,
                    checks: 0,
                    last_check_at: None,
                    used: false,
                },
            )?;
            tx.put_session(
                &"01".repeat(32),
                &Session {
                    kind: SessionKind::Admin,
                    plex_id: 11,
                    username: "alice".into(),
                    created_at: 100,
                    last_seen_at: 100,
                    csrf: "x".into(),
                },
            )?;
            for n in 0..50 {
                tx.append_event(event(100, n))?;
            }
            Ok(())
        })
        .unwrap();
}

/// Rewrites the schema version recorded in a closed redb file.
pub fn set_schema_version(file: &Path, version: u64) {
    let db = redb::Database::create(file).unwrap();
    let tx = db.begin_write().unwrap();
    tx.open_table(META)
        .unwrap()
        .insert("schema_version", version.to_string().as_bytes())
        .unwrap();
    tx.commit().unwrap();
}

pub fn schema_version_of(file: &Path) -> u64 {
    let db = redb::Database::open(file).unwrap();
    let tx = db.begin_read().unwrap();
    let t = tx.open_table(META).unwrap();
    let v = t.get("schema_version").unwrap().unwrap();
    serde_json::from_slice(v.value()).unwrap()
}
