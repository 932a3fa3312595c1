//! The subcommands other than `serve` (SPEC §6): `check`, `backup`, `restore`, `admin-link`,
//! `demo`. Each returns what to print and whether it succeeded; `main` only dispatches.

pub mod admin_link;
pub mod backup;
pub mod check;
pub mod demo;
pub mod oidc;
pub mod print_proxy;

use crate::store::StoreError;

/// What a command that needs the store says while a server holds the data dir.
pub const SERVER_RUNNING: &str = "a plexgate server is running on this data dir";

/// Turns the store's lock error into the sentence the owner needs.
fn explain(e: StoreError, what: &str) -> anyhow::Error {
    match e {
        StoreError::AlreadyInUse { path } => anyhow::anyhow!(
            "{SERVER_RUNNING} ({}): stop it before {what} (a running server takes backups itself: \
             daily, on the admin page and with POST /api/v1/backups)",
            path.display()
        ),
        other => anyhow::Error::new(other),
    }
}
