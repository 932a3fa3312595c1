//! The OpenID Connect provider (SPEC §9) driven as a relying party would: discovery, authorize,
//! the Plex sign-in on the built-in fake, code, token, ID token checked against JWKS, userinfo,
//! refresh, logout, and every refusal; plus a real relying party (Apache's mod_auth_openidc, in `tests/programs/apache.rs`).

mod flow;
mod refusals;
mod support;
