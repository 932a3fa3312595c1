//! Access requests (SPEC §2.3 "Ask for access"): one open request per account, tied to the
//! verified account by a one-use token held in memory for 10 minutes.
//! OWNER: access-core helper.

use std::net::IpAddr;

use super::{Access, AccessError};
use crate::store::AccessRequest;

impl Access {
    /// Records a request for the account the token was issued to; the token is used up.
    /// A second request while one is open returns the open one.
    pub async fn request_access(
        &self,
        request_token: &str,
        note: &str,
        ip: Option<IpAddr>,
    ) -> Result<AccessRequest, AccessError> {
        let _ = (request_token, note, ip);
        Err(AccessError::NotReady)
    }
}
