//! Building the config in layers: defaults from `KEYS`, then the file, then the environment.
//! Each layer is a `toml::Table`; every key remembers where its value came from so an error can
//! name the file or env var, and so `Config::is_set` knows what the owner actually set.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::de::DeserializeOwned;
use toml::{Table, Value};

use super::error::ConfigError;
use super::keys::{self, KEYS, Key, Kind, SECTIONS};
use super::types::{LibraryRef, PublicUrl, de_with};
use super::{Config, SsoApp};

/// Where a key's value came from.
#[derive(Debug, Clone)]
enum Origin {
    File(PathBuf),
    Env(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(p) => write!(f, "{}", p.display()),
            Self::Env(var) => write!(f, "env {var}"),
        }
    }
}

/// The merged table and the origin of every key that was set (absent keys are defaults).
pub(super) struct Layers {
    table: Table,
    origins: BTreeMap<String, Origin>,
}

impl Layers {
    /// The defaults from `KEYS`; every section exists, even when all its keys default to none.
    pub(super) fn defaults() -> Result<Self, ConfigError> {
        let mut table = Table::new();
        for section in SECTIONS {
            table.insert((*section).to_owned(), Value::Table(Table::new()));
        }
        let mut layers = Self {
            table,
            origins: BTreeMap::new(),
        };
        for key in KEYS {
            if let Some(literal) = key.default {
                let value = Value::from_str(literal).map_err(|e| ConfigError::Invalid {
                    key: key.dotted(),
                    origin: "the built-in default".to_owned(),
                    message: message(e),
                })?;
                layers.put(key, value);
            }
        }
        Ok(layers)
    }

    fn put(&mut self, key: &Key, value: Value) {
        if let Some(Value::Table(section)) = self.table.get_mut(key.section) {
            section.insert(key.name.to_owned(), value);
        }
    }

    fn get(&self, key: &Key) -> Option<&Value> {
        self.table.get(key.section)?.as_table()?.get(key.name)
    }

    /// Lays the file's table over the defaults, refusing any section or key not in `KEYS`.
    pub(super) fn merge_file(&mut self, file: Table, path: &Path) -> Result<(), ConfigError> {
        for (section, body) in file {
            let Value::Table(body) = body else {
                return Err(ConfigError::UnknownKey {
                    key: section,
                    path: path.to_owned(),
                });
            };
            if !SECTIONS.contains(&section.as_str()) {
                return Err(ConfigError::UnknownSection {
                    section,
                    path: path.to_owned(),
                    known: SECTIONS.join(", "),
                });
            }
            for (name, value) in body {
                let dotted = format!("{section}.{name}");
                let key = keys::find(&dotted).ok_or_else(|| ConfigError::UnknownKey {
                    key: dotted.clone(),
                    path: path.to_owned(),
                })?;
                self.put(key, value);
                self.origins.insert(dotted, Origin::File(path.to_owned()));
            }
        }
        Ok(())
    }

    /// Lays each key's env var (or `<NAME>_FILE`) over the table.
    pub(super) fn merge_env(
        &mut self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        for key in KEYS {
            let Some((raw, origin)) = read_env(key, env)? else {
                continue;
            };
            let value = env_value(key.kind, &raw).map_err(|message| ConfigError::Invalid {
                key: key.dotted(),
                origin: origin.to_string(),
                message,
            })?;
            self.put(key, value);
            self.origins.insert(key.dotted(), origin);
        }
        Ok(())
    }

    /// Checks every present value against its key's kind, so an error names key and origin.
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        for key in KEYS {
            let Some(value) = self.get(key) else { continue };
            let dotted = key.dotted();
            check(key.kind, value.clone()).map_err(|m| self.invalid(&dotted, &dotted, m))?;
        }
        Ok(())
    }

    /// Where the value of `dotted` (a key in `KEYS`) came from, for messages.
    fn origin(&self, dotted: &str) -> String {
        self.origins
            .get(dotted)
            .map_or_else(|| "the built-in default".to_owned(), ToString::to_string)
    }

    /// `key` is invalid; the message names where the value of `origin_of` came from.
    pub(super) fn invalid(&self, key: &str, origin_of: &str, message: String) -> ConfigError {
        ConfigError::Invalid {
            key: key.to_owned(),
            origin: self.origin(origin_of),
            message,
        }
    }

    /// Dotted names of the keys present in the file or the environment.
    pub(super) fn set_keys(&self) -> BTreeSet<String> {
        self.origins.keys().cloned().collect()
    }

    /// Deserializes the merged table into the typed struct.
    pub(super) fn typed(&self) -> Result<Config, ConfigError> {
        self.table
            .clone()
            .try_into::<Config>()
            .map_err(|e| ConfigError::Invalid {
                key: "config".to_owned(),
                origin: self
                    .origins
                    .values()
                    .next()
                    .map_or_else(|| "defaults".to_owned(), ToString::to_string),
                message: message(e),
            })
    }
}

/// Reads `key`'s env var, or its `_FILE` twin (file content minus one trailing newline).
fn read_env(
    key: &Key,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<(String, Origin)>, ConfigError> {
    let Some(var) = key.env else { return Ok(None) };
    // An empty variable counts as unset: compose files often pass `NAME=` for "not configured".
    let plain = env(var).filter(|v| !v.is_empty());
    let file_var = key.file_env_name();
    let file = file_var.as_deref().and_then(env).filter(|v| !v.is_empty());
    match (plain, file, file_var) {
        (Some(_), Some(_), Some(file_var)) => Err(ConfigError::EnvConflict {
            var: var.to_owned(),
            file_var,
        }),
        (None, Some(path), Some(file_var)) => {
            let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::EnvFile {
                var: file_var.clone(),
                path: PathBuf::from(&path),
                source,
            })?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            Ok(Some((text.to_owned(), Origin::Env(file_var))))
        }
        (Some(v), _, _) => Ok(Some((v, Origin::Env(var.to_owned())))),
        _ => Ok(None),
    }
}

/// Turns an env string into the TOML value the file would hold for this kind.
fn env_value(kind: Kind, raw: &str) -> Result<Value, String> {
    let items = || raw.split(',').map(str::trim).filter(|s| !s.is_empty());
    match kind {
        Kind::Int => raw
            .trim()
            .parse::<i64>()
            .map(Value::Integer)
            .map_err(|_| format!("`{raw}` is not a whole number")),
        Kind::Bool => match raw.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Value::Boolean(true)),
            "false" | "0" => Ok(Value::Boolean(false)),
            _ => Err(format!("`{raw}` is not true, false, 1 or 0")),
        },
        Kind::CidrList => Ok(Value::Array(
            items().map(|s| Value::String(s.to_owned())).collect(),
        )),
        Kind::LibraryList => items()
            .map(|item| match LibraryRef::from_env_item(item) {
                LibraryRef::Id(id) => i64::try_from(id)
                    .map(Value::Integer)
                    .map_err(|_| format!("section id `{item}` is too large")),
                LibraryRef::Title(t) => Ok(Value::String(t)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Kind::Apps | Kind::OidcClients => Err("can only be set in the config file".to_owned()),
        // Secrets are kept byte for byte (minus the `_FILE` newline); other text is trimmed.
        Kind::Secret => Ok(Value::String(raw.to_owned())),
        Kind::Str
        | Kind::Duration
        | Kind::Url
        | Kind::PublicUrl
        | Kind::SocketAddr
        | Kind::Path
        | Kind::Choice(_) => Ok(Value::String(raw.trim().to_owned())),
    }
}

/// A TOML error as the one-line message the errors carry.
fn message(e: toml::de::Error) -> String {
    e.to_string().trim().to_owned()
}

fn as_type<T: DeserializeOwned>(value: Value) -> Result<(), String> {
    via(value.try_into::<T>())
}

fn via<T>(result: Result<T, toml::de::Error>) -> Result<(), String> {
    result.map(drop).map_err(message)
}

/// Checks one value against its kind with the same parsers the typed struct uses.
fn check(kind: Kind, value: Value) -> Result<(), String> {
    match kind {
        Kind::Str => as_type::<String>(value),
        Kind::Int => as_type::<u32>(value),
        Kind::Bool => as_type::<bool>(value),
        Kind::Duration => via(de_with::duration(value)),
        Kind::Url => via(de_with::http_url(value)),
        Kind::PublicUrl => as_type::<PublicUrl>(value),
        Kind::SocketAddr => {
            let raw: String = value.try_into().map_err(message)?;
            raw.parse::<std::net::SocketAddr>().map(drop).map_err(|_| {
                format!("`{raw}` is not an address and port like 127.0.0.1:8080 or [::]:8080")
            })
        }
        Kind::Path => as_type::<PathBuf>(value),
        Kind::CidrList => via(de_with::cidr_list(value)),
        Kind::LibraryList => as_type::<Vec<LibraryRef>>(value),
        Kind::Secret => as_type::<crate::secret::Secret>(value),
        Kind::Apps => as_type::<Vec<SsoApp>>(value),
        Kind::OidcClients => as_type::<Vec<super::OidcClientConfig>>(value),
        Kind::Choice(options) => {
            let word: String = value.try_into().map_err(message)?;
            if options.contains(&word.as_str()) {
                Ok(())
            } else {
                Err(format!("`{word}` is not one of {}", options.join(", ")))
            }
        }
    }
}
