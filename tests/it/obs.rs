//! Health, metrics, notifications and `plexgate demo` (SPEC §4 `/metrics`, §6 `demo`, §7).

mod demo;
mod health_metrics;
mod notify;
pub mod web;
