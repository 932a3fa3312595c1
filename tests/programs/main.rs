//! The tests that need programs from outside Rust: headless Chromium with chromedriver (the
//! browser walk), nginx and caddy (real proxies in front of forward auth) and `systemd-analyze`
//! (the packaged unit). `.ci/run` installs them all (Debian packages) and the tests find them on
//! `PATH`, as `.ci/run` does.
//!
//! This binary has its own harness (libtest-mimic, `harness = false`) so a missing program is
//! decided when the run starts and counted: outside CI the test is reported `ignored`, its line
//! names what is missing (`test [missing chromium, chromedriver] browser::… ... ignored`) and
//! cargo's summary counts it; with `CI` set to anything non-empty it fails. Run on purpose with
//! `--include-ignored`, a test whose program is missing fails too: it never passes without
//! running.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;

use libtest_mimic::{Arguments, Trial};

use crate::programs::{APACHE, CADDY, CHROMEDRIVER, CHROMIUM, NGINX, Program, SYSTEMD_ANALYZE};

mod admin;
mod apache;
mod browser;
#[allow(clippy::duplicate_mod)]
#[path = "../it/join/browser.rs"]
mod browser_support;
mod caddy;
mod nginx;
#[allow(clippy::duplicate_mod)]
#[path = "../it/programs.rs"]
mod programs;
mod proxy;
#[allow(clippy::duplicate_mod)]
#[path = "../it/sso/support.rs"]
mod sso_support;
#[allow(clippy::duplicate_mod)]
#[path = "../it/support.rs"]
mod support;
mod systemd;

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        trial(
            "browser::both_journeys_on_a_phone_and_a_desktop",
            &[&CHROMIUM, &CHROMEDRIVER],
            || on_runtime(2, browser::both_journeys_on_a_phone_and_a_desktop()),
        ),
        trial(
            "nginx::real_nginx_passes_remote_user_after_sign_in_and_never_a_forged_one",
            &[&NGINX],
            || {
                on_runtime(
                    1,
                    nginx::real_nginx_passes_remote_user_after_sign_in_and_never_a_forged_one(),
                )
            },
        ),
        trial(
            "caddy::real_caddy_passes_remote_user_after_sign_in_and_never_a_forged_one",
            &[&CADDY],
            || {
                on_runtime(
                    1,
                    caddy::real_caddy_passes_remote_user_after_sign_in_and_never_a_forged_one(),
                )
            },
        ),
        trial(
            "apache::real_mod_auth_openidc_signs_in_with_plex_and_refuses_by_rule",
            &[&APACHE],
            || {
                on_runtime(
                    2,
                    apache::real_mod_auth_openidc_signs_in_with_plex_and_refuses_by_rule(),
                )
            },
        ),
        trial(
            "systemd::the_systemd_unit_verifies",
            &[&SYSTEMD_ANALYZE],
            systemd::the_systemd_unit_verifies,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

/// A test that needs `needs`. All found: it runs. One missing: outside CI it is ignored (and
/// counted), under CI it fails saying what is missing.
fn trial(name: &str, needs: &[&Program], test: impl FnOnce() + Send + 'static) -> Trial {
    let missing = programs::missing(needs);
    let ci = programs::under_ci();
    let ignored = missing.is_some() && !ci;
    let absent: Vec<&str> = needs
        .iter()
        .filter(|p| p.find().is_none())
        .map(|p| p.name)
        .collect();
    let run = Trial::test(name, move || match missing {
        Some(reason) if ci => {
            Err(format!("CI is set, so a missing program fails: {reason}").into())
        }
        Some(reason) => Err(reason.into()),
        None => {
            test();
            Ok(())
        }
    });
    if ignored {
        run.with_kind(format!("missing {}", absent.join(", ")))
            .with_ignored_flag(true)
    } else {
        run
    }
}

/// Runs `test` to completion on a fresh Tokio runtime: one thread (as `#[tokio::test]`) or
/// `threads` workers.
fn on_runtime(threads: usize, test: impl Future<Output = ()>) {
    let runtime = if threads == 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .enable_all()
            .build()
    };
    runtime.unwrap().block_on(test);
}
