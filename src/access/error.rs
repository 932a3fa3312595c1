//! The access layer's error type; the web layer maps it to pages and JSON.

use crate::plex::PlexError;
use crate::store::StoreError;

/// Why an access operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    /// Too many sign-in flows open at once (SPEC §4: 1,000).
    #[error("too many sign-ins in progress; try again in a minute")]
    Busy,
    /// No flow for this cookie, or it was used up or expired.
    #[error("this sign-in is no longer valid; start again")]
    FlowNotFound,
    /// No owner or server yet.
    #[error("plexgate is not connected to Plex yet")]
    NotConfigured,
    /// The named thing does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// Bad input from the owner or a friend, with a sentence saying what.
    #[error("{0}")]
    Invalid(String),
    /// The change conflicts with current state (e.g. a value set in config).
    #[error("{0}")]
    Conflict(String),
    /// plex.tv failed.
    #[error("plex.tv: {0}")]
    Plex(#[from] PlexError),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
}
