//! The admin fixtures of `tests/it/`, shared as they are.

#[allow(clippy::duplicate_mod)]
#[path = "../it/join/browser.rs"]
pub mod browser;
#[allow(clippy::duplicate_mod)]
#[path = "../it/admin/fixtures.rs"]
pub mod fixtures;
