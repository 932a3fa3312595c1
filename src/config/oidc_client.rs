//! The shape of an OIDC client (SPEC §9): checked when config is loaded and when the admin
//! pages or the API save a client, so both refuse the same ids and redirect URIs.

/// Whether `client_id` is 1-64 of `A-Z a-z 0-9 . _ -`.
pub fn client_id_ok(client_id: &str) -> bool {
    !client_id.is_empty()
        && client_id.len() <= 64
        && client_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Whether `uri` is an absolute URL without fragment, wildcard or whitespace, at most 2,048
/// bytes (custom schemes such as `app.immich:///oauth-callback` allowed).
pub fn redirect_uri_ok(uri: &str) -> bool {
    !(uri.is_empty()
        || uri.len() > 2048
        || uri.contains('*')
        || uri.contains('#')
        || uri.chars().any(|c| c.is_whitespace() || c.is_control())
        || url::Url::parse(uri).is_err())
}

/// Shape checks shared by config and the admin page: an id of `A-Z a-z 0-9 . _ -` (at most 64),
/// at least one redirect URI, each an absolute URL without fragment, wildcard or whitespace
/// (custom schemes such as `app.immich:///oauth-callback` allowed).
pub fn check_client_shape(
    client_id: &str,
    redirect_uris: &[String],
    post_logout: &[String],
) -> Result<(), String> {
    if !client_id_ok(client_id) {
        return Err(format!(
            "client_id `{client_id}`: use 1-64 of A-Z a-z 0-9 . _ -"
        ));
    }
    if redirect_uris.is_empty() {
        return Err(format!("client `{client_id}`: at least one redirect URI"));
    }
    for uri in redirect_uris.iter().chain(post_logout) {
        if !redirect_uri_ok(uri) {
            return Err(format!(
                "client `{client_id}`: `{uri}` is not an absolute URI without wildcard or fragment"
            ));
        }
    }
    Ok(())
}
