//! Thin `main` (style.md #1): parse the command line, load config, hand over to the library.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use plexgate::cli::{Cli, Command};
use plexgate::clock::{Clock as _, SystemClock};
use plexgate::commands;
use plexgate::config::{self, Config};
use plexgate::serve;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// tokio's blocking pool (store reads, the store's occasional blocking writes, backups, the
/// plex.tv client's first certificate load) grows to 512 threads by default, each with its own
/// stack and malloc arena. Nothing run there waits for another blocking task (a store read
/// waits for the store's own writer thread, and async), so a small pool cannot deadlock; a
/// task beyond it waits its turn (issue 23: resident memory after bursts).
const MAX_BLOCKING_THREADS: usize = 8;

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if cli.command == Some(Command::PrintConfig) {
        print!("{}", config::print_config());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Demo(args)) = cli.command {
        // The demo reads no config file and no environment: it must not touch a real install.
        let _log = serve::init_tracing(config::LogFormat::Text);
        runtime()?.block_on(commands::demo::run(args))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (path, explicit) = cli.config_path();
    let env = config::env_from_process();
    if cli.command == Some(Command::Check) {
        return check(&path, explicit, &env);
    }
    let config = Config::load(&path, explicit, &env)?;
    if let Some(Command::PrintProxy {
        proxy,
        host,
        upstream,
    }) = &cli.command
    {
        print!(
            "{}",
            commands::print_proxy::snippet(*proxy, host, upstream, &config)
        );
        return Ok(ExitCode::SUCCESS);
    }
    match cli.command {
        Some(Command::Healthcheck) => return healthcheck(&config),
        Some(Command::Backup { file }) => println!("{}", commands::backup::backup(&config, &file)?),
        Some(Command::Restore { file }) => {
            println!("{}", commands::backup::restore(&config, &file)?);
        }
        Some(Command::PrintOidc { client }) => {
            let c = commands::oidc::find(&config, &client)?;
            print!("{}", commands::oidc::print(&config, &c));
        }
        Some(Command::Oidc {
            action: plexgate::cli::OidcAction::RotateKey,
        }) => println!("{}", commands::oidc::rotate_key(&config)?),
        Some(Command::AdminLink) => {
            println!(
                "{}",
                commands::admin_link::run(&config, SystemClock.unix())?
            );
        }
        Some(
            Command::Serve
            | Command::Check
            | Command::PrintConfig
            | Command::Demo(_)
            | Command::PrintProxy { .. },
        )
        | None => {
            let _log = serve::init_tracing(config.log.format);
            runtime()?.block_on(serve::run(config))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `plexgate check`: six lines (config, store, plex.tv, owner token, server, libraries), those
/// that could not be run marked skipped with why; exit code 1 when any failed (a bad config too).
fn check(
    path: &std::path::Path,
    explicit: bool,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<ExitCode> {
    let loaded = Config::load(path, explicit, env);
    println!("{}", commands::check::config_line(path, &loaded));
    let Ok(config) = loaded else {
        for line in commands::check::skipped_after_config() {
            println!("{line}");
        }
        return Ok(ExitCode::FAILURE);
    };
    let ok = runtime()?.block_on(commands::check::run(&config, &mut |line| {
        println!("{line}")
    }));
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `plexgate healthcheck`: exit 0 when the local server's `/healthz` answers `status: ok`.
fn healthcheck(config: &Config) -> anyhow::Result<ExitCode> {
    let url = commands::check::healthz_url(config);
    match runtime()?.block_on(commands::check::fetch_healthz(config)) {
        Ok(h) if commands::check::health_field(&h, "status") == "ok" => {
            println!("healthy: {url}");
            return Ok(ExitCode::SUCCESS);
        }
        Ok(h) => eprintln!("unhealthy: {url} answered {h}"),
        Err(e) => eprintln!("unhealthy: {e}"),
    }
    Ok(ExitCode::FAILURE)
}
