//! The owner's tools for the friend journey (SPEC §7): allowlist, default libraries and invite
//! links. The API (and later the admin pages) call these; every change is an event.
//! OWNER: owner-tools helper (may become `tools/` with submodules).
