//! Small crypto helpers (placeholder).
