//! Log lines leave the request path without a write to stderr of their own (issue 23): a line is
//! appended to a buffer in memory, and a thread of its own writes whatever gathered, in order, a
//! few milliseconds after the first line of a batch arrived, so a busy server writes many lines per
//! system call and a request never waits on a slow log reader. Dropping the [`LogGuard`] (the end
//! of `main`) writes what is left; a buffer grown past [`MAX_BUFFERED`] (a reader that stopped
//! reading) is written by the logging caller itself, as before, so memory stays bounded.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use crate::sync::lock;
use tracing_subscriber::fmt::MakeWriter;

/// How long the writer waits after the first line of a batch for more to gather.
const GATHER: Duration = Duration::from_millis(5);
/// A buffer this large is written at once by whoever adds to it.
pub const MAX_BUFFERED: usize = 256 * 1024;

type Sink = Box<dyn Write + Send>;

struct Shared {
    /// Lines not written yet.
    pending: Mutex<Vec<u8>>,
    /// Wakes the writer thread when `pending` stops being empty.
    wake: Condvar,
    /// Held while writing, so batches reach the sink in the order they were taken.
    sink: Mutex<Sink>,
    /// No writer thread: each line is written by its caller.
    direct: AtomicBool,
}

impl Shared {
    /// Takes everything pending and writes it (the sink lock first: batches stay in order).
    fn write_pending(&self) {
        let mut sink = lock(&self.sink);
        let batch = std::mem::take(&mut *lock(&self.pending));
        if !batch.is_empty() {
            // Nowhere to report a failing log sink; the line is lost as with a direct write.
            let _ = sink.write_all(&batch);
            let _ = sink.flush();
        }
    }

    fn run(&self) {
        loop {
            {
                let mut pending = lock(&self.pending);
                while pending.is_empty() {
                    pending = self
                        .wake
                        .wait(pending)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
            std::thread::sleep(GATHER);
            self.write_pending();
        }
    }
}

/// The `MakeWriter` handed to the tracing subscriber.
#[derive(Clone)]
pub struct LogWriter {
    shared: Arc<Shared>,
}

/// Writes what is still buffered when dropped.
pub struct LogGuard {
    shared: Arc<Shared>,
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        self.shared.write_pending();
    }
}

/// A buffered writer over `sink` and the guard that flushes it; the writer thread runs for the
/// rest of the process. If the thread cannot start, every line is written by its caller.
pub fn buffered(sink: Sink) -> (LogWriter, LogGuard) {
    let shared = Arc::new(Shared {
        pending: Mutex::new(Vec::new()),
        wake: Condvar::new(),
        sink: Mutex::new(sink),
        direct: AtomicBool::new(false),
    });
    let worker = shared.clone();
    if std::thread::Builder::new()
        .name("plexgate-log".to_owned())
        .spawn(move || worker.run())
        .is_err()
    {
        shared.direct.store(true, Ordering::Relaxed);
    }
    (
        LogWriter {
            shared: shared.clone(),
        },
        LogGuard { shared },
    )
}

/// One event's output (tracing-subscriber writes a formatted line in one `write_all`).
pub struct LineWriter<'a> {
    shared: &'a Shared,
}

impl Write for LineWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let over = {
            let mut pending = lock(&self.shared.pending);
            let was_empty = pending.is_empty();
            pending.extend_from_slice(buf);
            if was_empty {
                self.shared.wake.notify_one();
            }
            pending.len() > MAX_BUFFERED || self.shared.direct.load(Ordering::Relaxed)
        };
        if over {
            self.shared.write_pending();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LogWriter {
    type Writer = LineWriter<'a>;

    fn make_writer(&'a self) -> Self::Writer {
        LineWriter {
            shared: &self.shared,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<u8>>>);

    impl Write for Capture {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn every_line_arrives_in_order_once_the_guard_is_dropped() {
        let out = Capture::default();
        let (writer, guard) = buffered(Box::new(out.clone()));
        let mut expected = Vec::new();
        for i in 0..1000 {
            let line = format!("line {i}\n");
            writer.make_writer().write_all(line.as_bytes()).unwrap();
            expected.extend_from_slice(line.as_bytes());
        }
        drop(guard);
        assert_eq!(*out.0.lock().unwrap(), expected);
    }

    #[test]
    fn a_full_buffer_is_written_by_the_caller() {
        let out = Capture::default();
        let (writer, _guard) = buffered(Box::new(out.clone()));
        let big = vec![b'x'; MAX_BUFFERED + 1];
        writer.make_writer().write_all(&big).unwrap();
        // Written before `write_all` returned: no waiting on the writer thread.
        assert_eq!(out.0.lock().unwrap().len(), big.len());
    }
}
