//! plexgate: friends sign in with Plex and get the owner's libraries shared with them.
//!
//! Layers (directions of use): `web` -> `access` -> (`store`, `plex`). `fakeplex` is a stand-in
//! for plex.tv used by the tests and `plexgate demo`; nothing in the product imports it.

pub mod access;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod crypto;
pub mod fakeplex;
pub mod i18n;
pub mod jobs;
pub mod log_writer;
pub mod metrics;
pub mod notify;
pub mod outbound;
pub mod plex;
pub mod secret;
pub mod serve;
pub mod store;
pub mod sync;
pub mod web;
