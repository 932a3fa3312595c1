//! Text made from the key table: the annotated default config (`plexgate print-config`, the
//! shipped `config.toml`) and the Markdown table of SPEC §5.

use std::fmt::Write as _;
use std::str::FromStr;

use toml::Value;

use super::keys::{KEYS, Key, Kind, SECTIONS};

const HEADER: &str = "\
## plexgate configuration (print it again with `plexgate print-config`).
##
## Every key is commented out and shows its default: a key counts as set only when it is present
## in this file or in its environment variable, which wins over the file. To change a value,
## remove the `# ` in front of its section and of the key. Secrets also accept <NAME>_FILE (the
## path of a file holding the value). Lists in the environment are comma-separated. Durations are
## written 90s, 30m, 12h, 30d. Unknown sections and keys are an error.
";

const APPS_EXAMPLE: &str = "\
## [[sso.apps]]
## host = \"tautulli.example.com\"
## path = \"/\"
## name = \"Tautulli\"
## allow = \"friends\"
## users = [\"alice@example.com\"]
## libraries = [\"Movies\"]
## bypass = [\"/api/\"]
";

const CLIENTS_EXAMPLE: &str = "\
## [[oidc.clients]]
## client_id = \"grafana\"
## name = \"Grafana\"
## redirect_uris = [\"https://grafana.example.com/login/generic_oauth\"]
## client_secret_file = \"/run/secrets/grafana-oidc\"
## allow = \"friends\"
";

/// The annotated default config: header, then every `[section]` and `key = default` commented out
/// with `# `, each preceded by `## ` lines giving its meaning and env var. Uncommenting every
/// `# ` line yields exactly the defaults; `## ` lines stay comments.
pub fn print_config() -> String {
    let mut out = String::from(HEADER);
    for section in SECTIONS {
        let _ = write!(out, "\n# [{section}]\n");
        for key in KEYS.iter().filter(|k| k.section == *section) {
            out.push_str(&key_block(key));
        }
    }
    out
}

fn key_block(key: &Key) -> String {
    let mut out = String::new();
    if key.kind == Kind::OidcClients {
        out.push_str("\n## Apps that sign in with OpenID Connect: one [[oidc.clients]] table each, in this file\n");
        let _ = writeln!(
            out,
            "## only (the admin page can add more). Fields: {}",
            key.meaning
        );
        out.push_str(CLIENTS_EXAMPLE);
        return out;
    }
    if key.kind == Kind::Apps {
        out.push_str("\n## Apps guarded by forward auth: one [[sso.apps]] table each, in this file only (the\n");
        let _ = writeln!(out, "## admin page can add more). Fields: {}", key.meaning);
        out.push_str(APPS_EXAMPLE);
        return out;
    }
    let _ = writeln!(out, "\n## {}", key.meaning);
    let env = match (key.env, key.file_env_name()) {
        (Some(env), Some(file)) => format!("env: {env} or {file}"),
        (Some(env), None) => format!("env: {env}"),
        (None, _) => "env: none".to_owned(),
    };
    match (key.default, key.example) {
        (Some(default), _) => {
            let _ = writeln!(out, "## {env}\n# {} = {default}", key.name);
        }
        (None, Some(example)) => {
            let _ = writeln!(
                out,
                "## {env}; unset by default, for example:\n## {} = {example}",
                key.name
            );
        }
        (None, None) => {
            let _ = writeln!(out, "## {env}; unset by default");
        }
    }
    out
}

/// SPEC §5's table: `| key | env | default | meaning |`, one row per key.
pub fn markdown_table() -> String {
    let mut out = String::from("| key | env | default | meaning |\n|---|---|---|---|\n");
    for key in KEYS {
        let (name, env) = match (key.kind, key.env) {
            (Kind::Apps | Kind::OidcClients, _) => (
                format!("`[[{}.{}]]`", key.section, key.name),
                "file or admin page".to_owned(),
            ),
            (_, Some(env)) if key.file_env => {
                (format!("`{}`", key.dotted()), format!("`{env}` (`_FILE`)"))
            }
            (_, Some(env)) => (format!("`{}`", key.dotted()), format!("`{env}`")),
            (_, None) => (format!("`{}`", key.dotted()), "file only".to_owned()),
        };
        let default = key
            .default
            .map_or_else(|| "none".to_owned(), |d| format!("`{}`", shown(d)));
        let _ = writeln!(out, "| {name} | {env} | {default} | {} |", key.meaning);
    }
    out
}

/// A default as a person reads it: strings without quotes, lists joined with `, `.
fn shown(literal: &str) -> String {
    fn one(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Array(items) => items.iter().map(one).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        }
    }
    Value::from_str(literal).map_or_else(|_| literal.to_owned(), |v| one(&v))
}
