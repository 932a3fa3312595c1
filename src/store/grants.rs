//! Settings (plain and encrypted), grants, and the readable parts of `meta`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::StoreError;
use super::model::Grant;
use super::schema::{GRANTS, META, META_CLIENT_ID, META_SCHEMA_VERSION, SETTINGS};
use super::tx::{ReadTx, WriteTx};
use crate::secret::Secret;

type Result<T> = std::result::Result<T, StoreError>;

/// How an encrypted setting is stored: base64 of `Keys::encrypt` output, tagged so a plain value
/// is never mistaken for one.
#[derive(Serialize, serde::Deserialize)]
struct Sealed {
    sealed: String,
}

impl ReadTx {
    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u64> {
        Ok(self.get(META, META_SCHEMA_VERSION)?.unwrap_or(0))
    }

    pub(crate) fn stored_client_id(&self) -> Result<Option<String>> {
        self.get(META, META_CLIENT_ID)
    }

    /// A setting decoded as `T`; `None` when unset.
    pub fn get_setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        self.get(SETTINGS, key)
    }

    /// A setting stored with [`WriteTx::put_secret_setting`], decrypted. A value sealed by another
    /// install's key file (a restored backup) is [`StoreError::Crypto`]: ask for it again.
    pub fn get_secret_setting(&self, key: &str) -> Result<Option<Secret>> {
        let Some(sealed) = self.get::<_, Sealed>(SETTINGS, key)? else {
            return Ok(None);
        };
        let bytes = STANDARD
            .decode(sealed.sealed.as_bytes())
            .map_err(|_| StoreError::Crypto)?;
        let plain = self.keys.decrypt(&bytes)?;
        let text = String::from_utf8(plain).map_err(|_| StoreError::Crypto)?;
        Ok(Some(Secret::new(text)))
    }

    /// One grant by Plex account id.
    pub fn get_grant(&self, plex_id: u64) -> Result<Option<Grant>> {
        self.get(GRANTS, plex_id)
    }

    /// Every grant, by Plex account id.
    pub fn list_grants(&self) -> Result<Vec<Grant>> {
        self.all_u64(GRANTS)
    }
}

impl WriteTx {
    pub(crate) fn set_client_id(&mut self, id: &str) -> Result<()> {
        self.put(META, META_CLIENT_ID, &id)
    }

    /// Stores a setting as JSON.
    pub fn put_setting<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        self.put(SETTINGS, key, value)
    }

    /// Removes a setting; says whether it was set.
    pub fn delete_setting(&mut self, key: &str) -> Result<bool> {
        self.del(SETTINGS, key)
    }

    /// Stores a secret (the owner's Plex token, a notification URL) encrypted with the key file.
    pub fn put_secret_setting(&mut self, key: &str, value: &Secret) -> Result<()> {
        let sealed = Sealed {
            sealed: STANDARD.encode(self.keys.encrypt(value.expose().as_bytes())),
        };
        self.put(SETTINGS, key, &sealed)
    }

    /// Inserts or replaces the grant of `grant.plex_id`.
    pub fn put_grant(&mut self, grant: &Grant) -> Result<()> {
        self.put(GRANTS, grant.plex_id, grant)
    }

    /// Deletes a grant record (a removed share normally keeps its record with status `removed`).
    pub fn delete_grant(&mut self, plex_id: u64) -> Result<bool> {
        self.del(GRANTS, plex_id)
    }
}
