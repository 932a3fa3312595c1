//! The friend's journey over HTTP (SPEC §2, §3 admin sign-in): a browser-like client that
//! follows nothing by itself and keeps its own cookies, against the app and the fake plex.tv.

pub mod browser;
pub mod journeys;
mod pending;
mod refusals;
mod reload;
mod returning;
mod security;
mod welcome;
