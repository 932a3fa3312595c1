//! Read and write transactions: the typed wrappers every table method hangs off, and the raw
//! JSON-over-redb helpers those methods are built from. `WriteTx` derefs to `ReadTx`, so every read
//! method also works inside a write transaction (and sees its uncommitted writes).

use std::ops::{Bound, Deref};

use redb::{Key, ReadableTable, ReadableTableMetadata, TableHandle};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::StoreError;
use super::keys::Keys;
use super::schema::{StrTable, Table, U64Table};

type Result<T> = std::result::Result<T, StoreError>;

/// The redb transaction underneath; a `WriteTx` always holds `Write` (boxed: it is large).
enum Inner {
    Read(redb::ReadTransaction),
    Write(Box<redb::WriteTransaction>),
}

/// A consistent snapshot to read from.
pub struct ReadTx {
    inner: Inner,
    pub(crate) keys: Keys,
}

/// One write transaction: committed durably only if the closure that received it returns `Ok`.
pub struct WriteTx {
    tx: ReadTx,
}

impl Deref for WriteTx {
    type Target = ReadTx;
    fn deref(&self) -> &ReadTx {
        &self.tx
    }
}

/// Opens `$def` on whichever transaction `$tx` holds and runs `$body` with it as `$t`
/// (the two table types differ but share `ReadableTable`).
macro_rules! with_table {
    ($tx:expr, $def:expr, |$t:ident| $body:expr) => {
        match &$tx.inner {
            Inner::Read(tx) => {
                let $t = tx.open_table($def)?;
                $body
            }
            Inner::Write(tx) => {
                let $t = tx.open_table($def)?;
                $body
            }
        }
    };
}

pub(crate) fn decode<T: DeserializeOwned>(table: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(format!("table {table}: {e}")))
}

fn encode<T: Serialize>(table: &str, value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| StoreError::Corrupt(format!("table {table}: {e}")))
}

/// Visits `range` in key order (or reverse) until `f` returns `false`.
fn scan_range<T: ReadableTable<u64, &'static [u8]>>(
    t: &T,
    range: (Bound<u64>, Bound<u64>),
    rev: bool,
    f: &mut dyn FnMut(u64, &[u8]) -> Result<bool>,
) -> Result<()> {
    let mut it = t.range::<u64>(range)?;
    while let Some(item) = if rev { it.next_back() } else { it.next() } {
        let (k, v) = item?;
        if !f(k.value(), v.value())? {
            break;
        }
    }
    Ok(())
}

fn scan_all_str<T: ReadableTable<&'static str, &'static [u8]>>(
    t: &T,
    f: &mut dyn FnMut(&str, &[u8]) -> Result<bool>,
) -> Result<()> {
    for item in t.iter()? {
        let (k, v) = item?;
        if !f(k.value(), v.value())? {
            break;
        }
    }
    Ok(())
}

impl ReadTx {
    pub(crate) fn new_read(tx: redb::ReadTransaction, keys: Keys) -> Self {
        Self {
            inner: Inner::Read(tx),
            keys,
        }
    }

    /// The value stored under `key`, decoded.
    pub(crate) fn get<'k, K: Key + 'static, T: DeserializeOwned>(
        &self,
        def: Table<K>,
        key: K::SelfType<'k>,
    ) -> Result<Option<T>> {
        with_table!(self, def, |t| match t.get(key)? {
            Some(v) => decode(def.name(), v.value()).map(Some),
            None => Ok(None),
        })
    }

    /// Visits `range` of a numeric table, newest (highest key) first when `rev`.
    pub(crate) fn scan_u64(
        &self,
        def: U64Table,
        range: (Bound<u64>, Bound<u64>),
        rev: bool,
        f: &mut dyn FnMut(u64, &[u8]) -> Result<bool>,
    ) -> Result<()> {
        with_table!(self, def, |t| scan_range(&t, range, rev, f))
    }

    /// Every value of a numeric table in key order.
    pub(crate) fn all_u64<T: DeserializeOwned>(&self, def: U64Table) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let all = (Bound::Unbounded, Bound::Unbounded);
        self.scan_u64(def, all, false, &mut |_, v| {
            out.push(decode(def.name(), v)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// Every `(key, value)` of a string table in key order.
    pub(crate) fn all_str<T: DeserializeOwned>(&self, def: StrTable) -> Result<Vec<(String, T)>> {
        let mut out = Vec::new();
        with_table!(self, def, |t| scan_all_str(&t, &mut |k, v| {
            out.push((k.to_owned(), decode(def.name(), v)?));
            Ok(true)
        }))?;
        Ok(out)
    }

    /// The highest key of a numeric table.
    pub(crate) fn last_key(&self, def: U64Table) -> Result<Option<u64>> {
        with_table!(self, def, |t| Ok(t.last()?.map(|(k, _)| k.value())))
    }

    /// Number of rows of a string table.
    pub(crate) fn len_str(&self, def: StrTable) -> Result<u64> {
        with_table!(self, def, |t| Ok(t.len()?))
    }
}

impl WriteTx {
    pub(crate) fn new_write(tx: redb::WriteTransaction, keys: Keys) -> Self {
        Self {
            tx: ReadTx {
                inner: Inner::Write(Box::new(tx)),
                keys,
            },
        }
    }

    fn w(&self) -> Result<&redb::WriteTransaction> {
        match &self.tx.inner {
            Inner::Write(tx) => Ok(tx),
            Inner::Read(_) => Err(StoreError::Db("write on a read transaction".into())),
        }
    }

    /// Makes the commit durable before `commit` returns.
    pub(crate) fn commit(self) -> Result<()> {
        self.commit_with(redb::Durability::Immediate)
    }

    /// Commits with `durability` (`None` only where a synced commit follows before anyone is
    /// told: the group-commit writer).
    pub(crate) fn commit_with(self, durability: redb::Durability) -> Result<()> {
        match self.tx.inner {
            Inner::Write(tx) => {
                let mut tx = *tx;
                tx.set_durability(durability)?;
                Ok(tx.commit()?)
            }
            Inner::Read(_) => Err(StoreError::Db("commit on a read transaction".into())),
        }
    }

    /// Drops every write made in this transaction.
    pub(crate) fn abort(self) -> Result<()> {
        match self.tx.inner {
            Inner::Write(tx) => Ok(tx.abort()?),
            Inner::Read(_) => Ok(()),
        }
    }

    /// Creates the table if it does not exist.
    pub(crate) fn touch<K: Key + 'static>(&mut self, def: Table<K>) -> Result<()> {
        self.w()?.open_table(def)?;
        Ok(())
    }

    pub(crate) fn put<'k, K: Key + 'static, T: Serialize>(
        &mut self,
        def: Table<K>,
        key: K::SelfType<'k>,
        value: &T,
    ) -> Result<()> {
        let bytes = encode(def.name(), value)?;
        self.w()?.open_table(def)?.insert(key, bytes.as_slice())?;
        Ok(())
    }

    /// Removes `key`; says whether it existed.
    pub(crate) fn del<'k, K: Key + 'static>(
        &mut self,
        def: Table<K>,
        key: K::SelfType<'k>,
    ) -> Result<bool> {
        Ok(self.w()?.open_table(def)?.remove(key)?.is_some())
    }

    /// Keeps only the rows for which `keep` is true; returns how many were removed.
    pub(crate) fn retain<K: Key + 'static>(
        &mut self,
        def: Table<K>,
        mut keep: impl for<'a> FnMut(K::SelfType<'a>, &'a [u8]) -> bool,
    ) -> Result<usize> {
        let mut t = self.w()?.open_table(def)?;
        let before = t.len()?;
        t.retain(|k, v| keep(k, v))?;
        Ok(usize::try_from(before.saturating_sub(t.len()?)).unwrap_or(usize::MAX))
    }
}
