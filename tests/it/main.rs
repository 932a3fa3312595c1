//! One integration-test binary (style.md #15): one module per journey, shared fixtures in `support`.

mod access_core;
mod admin;
mod api_full;
mod api_tools;
mod architecture;
mod config_env;
mod faults;
mod foundation;
mod host_trap;
mod i18n;
mod join;
mod obs;
mod oidc;
mod ops;
mod packaging;
mod plex_contract;
mod process;
mod programs;
mod sso;
mod support;
