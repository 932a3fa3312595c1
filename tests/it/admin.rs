//! The owner's side over HTTP (SPEC §3): first-run setup, who may see `/admin`, CSRF and
//! `Origin`, idle expiry, and every admin page's action checked on the fake plex.tv and in the
//! event log.

// The join tests' cookie-keeping client, reused as is (that file belongs to the join tests).
mod allowlist;
#[allow(clippy::duplicate_mod)]
#[path = "join/browser.rs"]
mod browser;
pub mod fixtures;
mod forms;
mod gate;
mod pages;
mod people;
mod routes;
mod setup;
