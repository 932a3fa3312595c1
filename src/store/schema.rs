//! Every redb table plexgate has, the schema version and the migration list. Adding a table means
//! adding it here; changing a record's shape in a way old data cannot decode means a migration.

use redb::{TableDefinition, TableHandle as _};

use super::error::StoreError;
use super::tx::WriteTx;

/// A table of JSON values keyed by `K`.
pub(crate) type Table<K> = TableDefinition<'static, K, &'static [u8]>;
/// A table keyed by a number (ids, Plex account ids, event sequence numbers); values are JSON.
pub(crate) type U64Table = Table<u64>;
/// A table keyed by a string (setting names, SHA-256 hex of secrets); values are JSON.
pub(crate) type StrTable = Table<&'static str>;

/// Internal bookkeeping: schema version, client identifier, id counters.
pub(crate) const META: StrTable = TableDefinition::new("meta");
/// Owner-editable settings, one JSON value per key.
pub(crate) const SETTINGS: StrTable = TableDefinition::new("settings");
/// Allowlist entries by id.
pub(crate) const ALLOWLIST: U64Table = TableDefinition::new("allowlist");
/// Co-admins by id.
pub(crate) const ADMINS: U64Table = TableDefinition::new("admins");
/// Invite links by id.
pub(crate) const INVITES: U64Table = TableDefinition::new("invites");
/// Index: SHA-256 hex of an invite code -> invite id (JSON number).
pub(crate) const INVITE_CODES: StrTable = TableDefinition::new("invite_codes");
/// Grants by Plex account id.
pub(crate) const GRANTS: U64Table = TableDefinition::new("grants");
/// Sign-in flows by SHA-256 hex of the flow id.
pub(crate) const FLOWS: StrTable = TableDefinition::new("flows");
/// Sessions by SHA-256 hex of the session id.
pub(crate) const SESSIONS: StrTable = TableDefinition::new("sessions");
/// Access requests by id.
pub(crate) const REQUESTS: U64Table = TableDefinition::new("requests");
/// API keys by id.
pub(crate) const API_KEYS: U64Table = TableDefinition::new("api_keys");
/// The append-only audit log by sequence number.
pub(crate) const EVENTS: U64Table = TableDefinition::new("events");

/// OIDC signing keys by `kid` (the private key sealed with the key file).
pub(crate) const OIDC_KEYS: StrTable = TableDefinition::new("oidc_keys");
/// OIDC authorization codes by SHA-256 hex of the code.
pub(crate) const OIDC_CODES: StrTable = TableDefinition::new("oidc_codes");
/// OIDC access and refresh tokens (with their family) by SHA-256 hex of the token.
pub(crate) const OIDC_TOKENS: StrTable = TableDefinition::new("oidc_tokens");
/// Admin-managed OIDC clients (secrets hashed) by client id.
pub(crate) const OIDC_CLIENTS: StrTable = TableDefinition::new("oidc_clients");

/// Every numeric-keyed table (all created at open so read transactions never miss one).
pub(crate) const U64_TABLES: [U64Table; 7] = [
    ALLOWLIST, ADMINS, INVITES, GRANTS, REQUESTS, API_KEYS, EVENTS,
];
/// Every string-keyed table.
pub(crate) const STR_TABLES: [StrTable; 9] = [
    META,
    SETTINGS,
    INVITE_CODES,
    FLOWS,
    SESSIONS,
    OIDC_KEYS,
    OIDC_CODES,
    OIDC_TOKENS,
    OIDC_CLIENTS,
];

/// `meta` key of the schema version.
pub(crate) const META_SCHEMA_VERSION: &str = "schema_version";
/// `meta` key of the install's Plex client identifier.
pub(crate) const META_CLIENT_ID: &str = "client_id";

/// One step of the migration list: brings a file from version `i` to `i + 1`.
pub(crate) type Migration = fn(&mut WriteTx) -> Result<(), StoreError>;

/// `MIGRATIONS[i]` migrates version `i` to `i + 1`; the current version is the list's length.
const MIGRATIONS: &[Migration] = &[
    // 0 -> 1: the first schema. Its tables are created by `ensure_tables`, so nothing moves.
    |_| Ok(()),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = MIGRATIONS.len() as u64;

/// Creates every table that does not exist yet (redb creates a table when a write opens it).
pub(crate) fn ensure_tables(tx: &mut WriteTx) -> Result<(), StoreError> {
    for def in U64_TABLES {
        tx.touch(def)?;
    }
    for def in STR_TABLES {
        tx.touch(def)?;
    }
    Ok(())
}

/// Checks the stored schema version and migrates an older file; a fresh file gets the current
/// version. Runs inside the open's write transaction, so a failed migration leaves the file as it was.
pub(crate) fn check_and_migrate(tx: &mut WriteTx) -> Result<(), StoreError> {
    ensure_tables(tx)?;
    let found: Option<u64> = tx.get(META, META_SCHEMA_VERSION)?;
    match found {
        Some(v) if v > SCHEMA_VERSION => {
            return Err(StoreError::NewerSchema {
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        Some(v) => run_migrations(tx, v, MIGRATIONS)?,
        None => {}
    }
    tx.put(META, META_SCHEMA_VERSION, &SCHEMA_VERSION)
}

/// Runs `list[from..]` in order (step `i` brings version `i` to `i + 1`).
pub(crate) fn run_migrations(
    tx: &mut WriteTx,
    from: u64,
    list: &[Migration],
) -> Result<(), StoreError> {
    let from = usize::try_from(from).unwrap_or(usize::MAX);
    for (step, migrate) in list.iter().enumerate().skip(from) {
        tracing::info!(from = step, to = step + 1, "migrating the store schema");
        migrate(tx)?;
    }
    Ok(())
}

/// Whether `tx` (a read snapshot) shows a file the open's write would leave as it is: every
/// table there and the current schema version. Then the open commits nothing (issue 23: that
/// commit cost a sync on every start).
pub(crate) fn is_current(tx: &redb::ReadTransaction) -> Result<bool, StoreError> {
    let names: Vec<String> = tx.list_tables()?.map(|t| t.name().to_owned()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if !U64_TABLES.iter().all(|d| has(d.name())) || !STR_TABLES.iter().all(|d| has(d.name())) {
        return Ok(false);
    }
    Ok(super::stored_version(tx)? == Some(SCHEMA_VERSION))
}
