//! Library titles for app rules (`libraries = ["Movies"]`, SPEC §8): the title -> plex.tv
//! section id map in [`SsoState`](super::SsoState), filled from the sections the plex.tv
//! adapter already holds (through `access`). A check never asks plex.tv: on a title it does not know it rebuilds
//! the map from the adapter's cache (filled when the owner was resolved, and on every section
//! read since); a title still unknown matches nothing, failing closed.

use std::collections::HashMap;
use std::sync::Arc;

use crate::access::model::Sections;
use crate::config::LibraryRef;
use crate::web::AppState;

/// The map key of a title: trimmed and lowercased, as app rules are matched.
pub fn key(title: &str) -> String {
    title.trim().to_lowercase()
}

fn map_of(sections: &Sections) -> HashMap<String, u64> {
    sections
        .sections
        .iter()
        .map(|s| (key(&s.title), s.id))
        .collect()
}

/// Replaces the map with `sections` (after the owner refreshed the library list).
pub fn fill(state: &AppState, sections: &Sections) {
    state.sso.set_titles(map_of(sections));
}

/// The map to judge `libraries` with. When one of its titles is not in the map, the map is
/// rebuilt from the adapter's cached sections (memory only, no plex.tv call).
pub fn for_rule(state: &AppState, libraries: &[LibraryRef]) -> Arc<HashMap<String, u64>> {
    let known = state.sso.titles();
    let missing = libraries
        .iter()
        .any(|l| matches!(l, LibraryRef::Title(t) if !known.contains_key(&key(t))));
    if !missing {
        return known;
    }
    let Some(sections) = state.access.cached_sections() else {
        return known;
    };
    let fresh = map_of(&sections);
    if fresh == *known {
        return known;
    }
    state.sso.set_titles(fresh);
    state.sso.titles()
}
