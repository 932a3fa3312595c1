//! `ConfigError`: what can go wrong while loading the config, worded for the person fixing it.

use std::path::PathBuf;

/// A config that cannot be used. Every message names the key and where the value came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--config` named a file that does not exist.
    #[error("config file {} does not exist", path.display())]
    Missing {
        /// The file asked for.
        path: PathBuf,
    },
    /// The file exists but could not be read.
    #[error("cannot read config file {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("{} is not valid TOML: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The parser's message (with line and column).
        message: String,
    },
    /// A `[section]` plexgate does not know.
    #[error("unknown section `[{section}]` in {} (known: {known})", path.display())]
    UnknownSection {
        /// The section name.
        section: String,
        /// The file.
        path: PathBuf,
        /// The known sections, comma-separated.
        known: String,
    },
    /// A key plexgate does not know.
    #[error("unknown key `{key}` in {}", path.display())]
    UnknownKey {
        /// Dotted key, e.g. `server.lisen`.
        key: String,
        /// The file.
        path: PathBuf,
    },
    /// A value that does not fit its key.
    #[error("invalid value for `{key}` (from {origin}): {message}")]
    Invalid {
        /// Dotted key.
        key: String,
        /// Where it came from: the file path, an env var name, or "default".
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// A `<NAME>_FILE` env var whose file cannot be read.
    #[error("cannot read the file named by {var} ({}): {source}", path.display())]
    EnvFile {
        /// The `_FILE` variable.
        var: String,
        /// The file it names.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Both `<NAME>` and `<NAME>_FILE` are set.
    #[error("both {var} and {file_var} are set; set only one of them")]
    EnvConflict {
        /// The plain variable.
        var: String,
        /// The `_FILE` variable.
        file_var: String,
    },
}
