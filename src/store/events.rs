//! The append-only audit log: events keyed by an ever-growing sequence number, read newest first.

use std::ops::Bound;

use super::error::StoreError;
use super::model::{Event, EventFilter, NewEvent};
use super::schema::EVENTS;
use super::tx::{ReadTx, WriteTx, decode};
use crate::clock::UnixTime;

type Result<T> = std::result::Result<T, StoreError>;

/// One page of events, newest first, and the `before` to pass for the next (older) page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventPage {
    pub events: Vec<Event>,
    pub next: Option<u64>,
}

impl ReadTx {
    /// One event by id.
    pub fn get_event(&self, id: u64) -> Result<Option<Event>> {
        self.get(EVENTS, id)
    }

    /// Up to `limit` events with ids below `before` (all when `None`) that pass `filter`, newest
    /// first (`limit` 0 counts as 1). `next` is set when older matching events remain; pass it as
    /// `before` to continue.
    pub fn events_page(
        &self,
        before: Option<u64>,
        limit: usize,
        filter: &EventFilter,
    ) -> Result<EventPage> {
        let upper = before.map_or(Bound::Unbounded, Bound::Excluded);
        let limit = limit.max(1);
        let mut events = Vec::new();
        let mut more = false;
        self.scan_u64(EVENTS, (Bound::Unbounded, upper), true, &mut |_, v| {
            let e: Event = decode("events", v)?;
            if !filter.matches(&e) {
                return Ok(true);
            }
            if events.len() == limit {
                more = true;
                return Ok(false);
            }
            events.push(e);
            Ok(true)
        })?;
        let next = events.last().map(|e| e.id).filter(|_| more);
        Ok(EventPage { events, next })
    }
}

impl WriteTx {
    /// Appends an event and returns its id.
    pub fn append_event(&mut self, event: NewEvent) -> Result<u64> {
        /// The stored row: the event's own fields (none can be left out) after its id, as
        /// [`Event`] reads it back.
        #[derive(serde::Serialize)]
        struct Row {
            id: u64,
            #[serde(flatten)]
            event: NewEvent,
        }
        let id = self.next_event_seq()?;
        self.put(EVENTS, id, &Row { id, event })?;
        Ok(id)
    }

    /// Deletes events older than `older_than`; returns how many. Undecodable rows are kept: the
    /// audit log is evidence, and only its age may remove it.
    pub fn prune_events(&mut self, older_than: UnixTime) -> Result<usize> {
        self.retain(EVENTS, |_, v| {
            decode::<Event>("events", v).map_or(true, |e| e.at >= older_than)
        })
    }
}
