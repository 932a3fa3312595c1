//! The records the access layer hands to its callers, so `web` names them through `access` and
//! never imports `store` or `plex` itself (issue 19). Data only: no transactions, no clients.

pub use crate::plex::{PlexUser, Sections};
pub use crate::store::{
    AccessRequest, AdminEntry, AllowEntry, ApiKeyRecord, Event, EventKind, FlowPurpose,
    GrantStatus, Invite, OidcClientRecord, OidcCode, OidcToken, OidcTokenKind, RequestStatus,
    Session, SessionKind, SharingOverrides,
};
