//! Operations (SPEC §6): backups and restore, rotation, pruning, the pre-migration backup, the
//! stored owner token after a restore elsewhere, and the `check`, `backup`, `restore` and
//! `admin-link` commands of the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backups;
mod cli;
mod fixtures;
mod restore;
