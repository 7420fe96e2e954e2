//! Watching the open timeline file for changes on disk (the notify crate). The watcher looks at the
//! file's folder rather than the file itself, so editors that save by writing a new file and renaming it
//! over the old one are seen too. Bursts of events (an editor's several writes, a temporary file and a
//! rename) are gathered for [`DEBOUNCE`] of quiet before the window is told, once.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

use super::Wake;

/// How long the file must stay quiet after a change before it is reloaded.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Watches one file; [`FileWatcher::take_changed`] says when it changed.
pub struct FileWatcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    /// Kept alive for as long as the file is watched; dropping it stops the watch and the debounce
    /// thread.
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// Starts watching `path`. `wake` is called (from another thread) once per burst of changes.
    pub fn new(path: &Path, wake: Wake) -> notify::Result<Self> {
        let absolute = std::path::absolute(path)?;
        let name = absolute
            .file_name()
            .ok_or_else(|| notify::Error::generic("not a file name"))?
            .to_owned();
        let folder = absolute
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_owned);
        // Events name the folder as it was watched; a canonical folder makes them comparable.
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        let target = folder.join(&name);

        let (tx, rx) = mpsc::channel::<()>();
        let event_target = target.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                match event {
                    Ok(event) if concerns(&event, &event_target) => {
                        let _ = tx.send(());
                    }
                    // An error from the watcher (e.g. events lost): look at the file again to be safe.
                    Err(_) => {
                        let _ = tx.send(());
                    }
                    Ok(_) => {}
                }
            })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;

        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        std::thread::Builder::new()
            .name("dateline-watch".to_owned())
            .spawn(move || debounce(&rx, &flag, &wake))?;
        Ok(Self {
            path: path.to_owned(),
            changed,
            _watcher: watcher,
        })
    }

    /// The file watched, as it was given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}

/// Waits for a change, then for [`DEBOUNCE`] without one, then raises the flag and wakes the window.
/// Ends when the watcher (the sender) is dropped.
fn debounce(rx: &mpsc::Receiver<()>, changed: &AtomicBool, wake: &Wake) {
    while rx.recv().is_ok() {
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(()) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        changed.store(true, Ordering::Release);
        wake();
    }
}

/// Whether an event may have changed the file's content: reads (opening, closing after reading) and
/// metadata changes do not, and neither do other files in the folder.
fn concerns(event: &notify::Event, target: &Path) -> bool {
    let kind_matters = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Any
        | EventKind::Other
        | EventKind::Create(_)
        | EventKind::Remove(_) => true,
        EventKind::Modify(kind) => !matches!(kind, ModifyKind::Metadata(_)),
        EventKind::Access(_) => false,
    };
    kind_matters && event.paths.iter().any(|p| p == target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_changes_to_the_file_itself_count() {
        let target = Path::new("/d/t.json");
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        assert!(concerns(&event(write, "/d/t.json"), target));
        assert!(!concerns(&event(write, "/d/other.json"), target));
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!concerns(&event(opened, "/d/t.json"), target));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(!concerns(&event(read, "/d/t.json"), target));
        let renamed = EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::To));
        assert!(concerns(&event(renamed, "/d/t.json"), target));
        let chmod = EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any));
        assert!(!concerns(&event(chmod, "/d/t.json"), target));
    }

    #[test]
    fn a_burst_of_writes_wakes_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, "one").unwrap();
        let wakes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let watcher = FileWatcher::new(
            &path,
            Arc::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        )
        .unwrap();
        assert_eq!(watcher.path(), path);
        assert!(!watcher.take_changed());
        // Reading the file is not a change.
        let _ = std::fs::read(&path).unwrap();
        // Several writes close together, one of them by rename.
        for i in 0..5 {
            std::fs::write(&path, format!("two {i}")).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        crate::formats::write_atomic(&path, b"three").unwrap();
        // A file beside it does not count.
        std::fs::write(dir.path().join("other.json"), "x").unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while wakes.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(DEBOUNCE * 2);
        assert_eq!(wakes.load(Ordering::SeqCst), 1);
        assert!(watcher.take_changed());
        assert!(!watcher.take_changed());
    }
}
