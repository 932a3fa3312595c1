//! `plexgate demo`.
