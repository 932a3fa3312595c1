//! The layer boundaries (issue 19), read from the `src/` tree: `web` never names `store` or
//! `plex` (it goes through `access`), nothing outside `web` names `web` but the start-up code
//! that serves it, and the top-level modules form no cycle. Test-only code (`tests.rs`,
//! `tests_*.rs` files and inline `#[cfg(test)] mod … { }` blocks) is left out: tests may reach
//! across layers.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The one file outside `web` that may name it: it builds the state and serves `web::router`.
const SERVES_WEB: &[&str] = &["src/serve.rs"];

/// A source file: its path from the crate root (`src/…`) and its product code.
struct Source {
    path: String,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Removes comment lines and inline `#[cfg(test)] mod name { … }` blocks.
fn product_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        let test_block = t.starts_with("#[cfg(test)]")
            && lines.peek().is_some_and(|next| {
                let n = next.trim_start();
                (n.starts_with("mod ") || n.starts_with("pub mod ")) && n.trim_end().ends_with('{')
            });
        if test_block {
            let mut depth = 0i32;
            for inner in lines.by_ref() {
                depth += inner.matches('{').count() as i32 - inner.matches('}').count() as i32;
                if depth <= 0 {
                    break;
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name != "tests.rs" && !name.starts_with("tests_")
        })
        .map(|p| Source {
            path: p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            code: product_code(&std::fs::read_to_string(&p).unwrap()),
        })
        .collect()
}

/// The top-level modules named by `crate::x` paths (and `crate::{x, y}` groups).
fn crate_refs(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut refs = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // `$crate::` or `mycrate::`
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            refs.extend(group.split(',').map(ident).filter(|m| !m.is_empty()));
        } else {
            refs.insert(ident(rest));
        }
    }
    refs
}

/// `src/web/me.rs` -> `web`; `src/lib.rs` and `src/main.rs` belong to no module.
fn top_module(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    (module != "lib" && module != "main").then_some(module)
}

#[test]
fn web_reaches_store_and_plex_only_through_access() {
    let offending: Vec<String> = sources()
        .into_iter()
        .filter(|s| s.path.starts_with("src/web/"))
        .filter(|s| {
            let refs = crate_refs(&s.code);
            refs.contains("store") || refs.contains("plex")
        })
        .map(|s| s.path)
        .collect();
    assert!(
        offending.is_empty(),
        "web files naming crate::store or crate::plex (use crate::access, its model re-exports): {offending:?}"
    );
}

#[test]
fn only_start_up_names_web() {
    let offending: Vec<String> = sources()
        .into_iter()
        .filter(|s| top_module(&s.path).is_some_and(|m| m != "web"))
        .filter(|s| !SERVES_WEB.contains(&s.path.as_str()))
        .filter(|s| crate_refs(&s.code).contains("web"))
        .map(|s| s.path)
        .collect();
    assert!(
        offending.is_empty(),
        "only {SERVES_WEB:?} may name crate::web, found in: {offending:?}"
    );
}

#[test]
fn top_level_modules_form_no_cycle() {
    let sources = sources();
    let modules: BTreeSet<&str> = sources.iter().filter_map(|s| top_module(&s.path)).collect();
    let mut uses: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for s in &sources {
        let Some(from) = top_module(&s.path) else {
            continue;
        };
        let edges = uses.entry(from).or_default();
        for to in crate_refs(&s.code) {
            if to != from && modules.contains(to.as_str()) {
                edges.insert(to);
            }
        }
    }
    assert!(
        uses["web"].contains("access"),
        "the graph is read: {uses:?}"
    );
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        uses: &'a BTreeMap<&str, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m);
            return Some(cycle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in uses.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, uses, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in &modules {
        let cycle = visit(m, &uses, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "module cycle: {}",
            cycle.unwrap().join(" -> ")
        );
    }
}

#[test]
fn the_reference_reader_sees_groups_and_skips_tests() {
    let code = product_code(
        "use crate::{web, store::X};\n// crate::plex\n#[cfg(test)]\nmod tests {\n    use crate::app;\n}\nuse crate::access;\n",
    );
    let refs: Vec<String> = crate_refs(&code).into_iter().collect();
    assert_eq!(refs, ["access", "store", "web"]);
}
