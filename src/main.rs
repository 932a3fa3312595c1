//! Thin `main` (style.md #1): parse the command line, load config, hand over to the library.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use plexgate::cli::{Cli, Command};
use plexgate::config::{self, Config};
use plexgate::serve;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if cli.command == Some(Command::PrintConfig) {
        print!("{}", config::print_config());
        return Ok(());
    }
    if let Some(Command::Demo(args)) = cli.command {
        // The demo reads no config file and no environment: it must not touch a real install.
        serve::init_tracing(config::LogFormat::Text);
        return runtime()?.block_on(plexgate::commands::demo::run(args));
    }
    let (path, explicit) = cli.config_path();
    let env = config::env_from_process();
    let config = Config::load(&path, explicit, &env)?;
    if let Some(Command::PrintProxy {
        proxy,
        host,
        upstream,
    }) = &cli.command
    {
        print!(
            "{}",
            plexgate::commands::print_proxy::snippet(*proxy, host, upstream, &config)
        );
        return Ok(());
    }
    serve::init_tracing(config.log.format);
    runtime()?.block_on(serve::run(config))
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}
