//! The redb store (placeholder).
