//! Subcommands other than serving, one module each (SPEC §6).

pub mod demo;
pub mod print_proxy;
