//! Forward auth (SPEC §8) over HTTP, the tests acting as the proxy: plexgate's public URL is
//! `http://auth.example.com:{port}` with cookie domain `example.com`, but every request goes
//! to `127.0.0.1:{port}` with the headers a proxy would send and the cookie a browser would.

mod accounts;
mod checks;
mod end_button;
mod mini;
mod returning;
mod revocation;
mod support;
mod titles;
