//! The built-in fake plex.tv (placeholder).
