//! The plex.tv adapter (placeholder).
