//! Loading a timeline file on a background thread, so the window stays responsive: the file is read in
//! chunks (progress is the bytes read out of the file's size), then parsed. A load can be cancelled at any
//! time; its result is then thrown away and the thread stops at the next chunk.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::formats::{self, LoadError, Problem, ReadOptions};
use crate::model::Timeline;

/// How many bytes are read at a time; progress and cancellation are looked at between chunks.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// The shortest time between two progress wake-ups while reading, so a fast read does not flood the
/// window with repaints.
const WAKE_INTERVAL: Duration = Duration::from_millis(30);

use super::wake::Wake;

/// Why a file is being loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The person asked to open it: it replaces the timeline and resets the view.
    Open,
    /// The open file changed on disk: it replaces the timeline and keeps the view and the selection.
    Reload,
}

/// How far a load has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the file: `read` of `total` bytes (`total` is 0 until the size is known).
    Reading {
        /// Bytes read so far.
        read: u64,
        /// The file's size in bytes.
        total: u64,
    },
    /// All bytes are in; checking and building the timeline.
    Parsing,
}

impl Progress {
    /// The share of the reading done (0 → 1), when it can be told.
    pub fn fraction(self) -> Option<f32> {
        match self {
            Self::Reading { read, total } if total > 0 => {
                Some((read as f64 / total as f64).clamp(0.0, 1.0) as f32)
            }
            Self::Reading { .. } | Self::Parsing => None,
        }
    }
}

/// What became of a load.
#[derive(Debug)]
pub enum Outcome {
    /// Still reading or parsing.
    Pending,
    /// The timeline is ready.
    Loaded(Box<Timeline>),
    /// The file could not be opened; the error names the file and, where it applies, line and column.
    Failed(LoadError),
    /// A spreadsheet to show the person before it is read (see [`SheetToMap`]).
    MapColumns(Box<SheetToMap>),
    /// The load was cancelled.
    Cancelled,
}

/// A spreadsheet opened without a say on how to read it, or whose reading as said failed: its first rows,
/// for the person to choose its columns and the order of day and month from a preview.
#[derive(Debug)]
pub struct SheetToMap {
    /// The sheet's header row and first rows (see [`formats::sheet::preview::head`]), without a byte
    /// order mark; the whole file is read again once the choice is made.
    pub head: String,
    /// Why the whole sheet did not read as it was asked to, when that is why it is shown.
    pub problem: Option<Problem>,
}

/// What the loading thread hands back.
enum Finished {
    Loaded(Box<Timeline>),
    Failed(LoadError),
    Map(Box<SheetToMap>),
}

impl Finished {
    /// What a read came to.
    fn read(result: Result<Timeline, LoadError>) -> Self {
        match result {
            Ok(timeline) => Self::Loaded(Box::new(timeline)),
            Err(e) => Self::Failed(e),
        }
    }
}

/// The state the loading thread and the window share.
#[derive(Default)]
struct Shared {
    read: AtomicU64,
    total: AtomicU64,
    parsing: AtomicBool,
    cancel: AtomicBool,
    /// Whether the file is dateline JSON (which Save may write over), known once it is read.
    dateline_json: AtomicBool,
}

/// A load running on its own thread.
pub struct Loading {
    path: PathBuf,
    purpose: Purpose,
    options: ReadOptions,
    shared: Arc<Shared>,
    result: mpsc::Receiver<Finished>,
}

impl std::fmt::Debug for Loading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loading")
            .field("path", &self.path)
            .field("purpose", &self.purpose)
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}

impl Loading {
    /// Starts loading the file at `path`, reading it as `options` say. Files larger than `limit_bytes`
    /// are refused with [`LoadError::TooLarge`]. `wake` is called whenever there is progress or a result
    /// to show.
    ///
    /// A spreadsheet of the person's own opened ([`Purpose::Open`]) without a say on how to read it is
    /// not read: its first rows come back ([`Outcome::MapColumns`]) for the person to see the guess of
    /// its columns before it replaces the timeline on screen; so do they when the sheet fails to read as
    /// said, or is a table whose dates the guess did not find.
    pub fn start(
        path: PathBuf,
        limit_bytes: u64,
        purpose: Purpose,
        options: ReadOptions,
        wake: Wake,
    ) -> Self {
        Self::spawn(path, limit_bytes, purpose, options, wake, move |path| {
            let size = formats::checked_size(path, limit_bytes)?;
            let file = std::fs::File::open(path).map_err(|source| LoadError::Io {
                path: path.to_owned(),
                source,
            })?;
            Ok((Box::new(file) as Box<dyn Read + Send>, size))
        })
    }

    /// Starts loading from any reader that stands for the file at `path` (used in messages), whose size
    /// is `total_bytes`. Tests use it with a slow reader.
    pub fn from_reader(
        path: PathBuf,
        total_bytes: u64,
        reader: impl Read + Send + 'static,
        purpose: Purpose,
        wake: Wake,
    ) -> Self {
        Self::spawn(
            path,
            formats::MAX_FILE_BYTES,
            purpose,
            ReadOptions::default(),
            wake,
            move |_| Ok((Box::new(reader) as Box<dyn Read + Send>, total_bytes)),
        )
    }

    fn spawn(
        path: PathBuf,
        limit_bytes: u64,
        purpose: Purpose,
        options: ReadOptions,
        wake: Wake,
        open: impl FnOnce(&Path) -> Result<(Box<dyn Read + Send>, u64), LoadError> + Send + 'static,
    ) -> Self {
        let shared = Arc::new(Shared::default());
        let (tx, rx) = mpsc::channel();
        let thread_shared = Arc::clone(&shared);
        let thread_path = path.clone();
        let thread_options = options.clone();
        // When no thread can be started, the closure and its sender are dropped: `poll` then sees a
        // closed channel and reports a failure.
        let _ = std::thread::Builder::new()
            .name("dateline-loader".to_owned())
            .spawn(move || {
                let how = How {
                    limit_bytes,
                    purpose,
                    options: &thread_options,
                };
                let result = read_and_parse(&thread_path, &how, &thread_shared, &wake, open);
                if let Some(result) = result {
                    // The window may have stopped waiting (cancelled, or closed): nothing to do then.
                    let _ = tx.send(result);
                }
                wake();
            });
        Self {
            path,
            purpose,
            options,
            shared,
            result: rx,
        }
    }

    /// Whether the file read is dateline JSON (known once the load has finished).
    pub fn is_dateline_json(&self) -> bool {
        self.shared.dateline_json.load(Ordering::Acquire)
    }

    /// The file being loaded.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How the file is read (a spreadsheet's columns and order of day and month).
    pub fn options(&self) -> &ReadOptions {
        &self.options
    }

    /// Why it is being loaded.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// How far the load has got.
    pub fn progress(&self) -> Progress {
        if self.shared.parsing.load(Ordering::Acquire) {
            Progress::Parsing
        } else {
            Progress::Reading {
                read: self.shared.read.load(Ordering::Acquire),
                total: self.shared.total.load(Ordering::Acquire),
            }
        }
    }

    /// Asks the thread to stop; its result, if it still comes, is thrown away.
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Release);
    }

    /// Whether [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.shared.cancel.load(Ordering::Acquire)
    }

    /// Looks, without waiting, whether the load has finished.
    pub fn poll(&self) -> Outcome {
        if self.is_cancelled() {
            return Outcome::Cancelled;
        }
        match self.result.try_recv() {
            Ok(Finished::Loaded(timeline)) => Outcome::Loaded(timeline),
            Ok(Finished::Failed(e)) => Outcome::Failed(e),
            Ok(Finished::Map(sheet)) => Outcome::MapColumns(sheet),
            Err(mpsc::TryRecvError::Empty) => Outcome::Pending,
            Err(mpsc::TryRecvError::Disconnected) => Outcome::Failed(LoadError::Io {
                path: self.path.clone(),
                source: std::io::Error::other("the loading thread stopped before it finished"),
            }),
        }
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        // Nobody is waiting for the result any more: let the thread stop early.
        self.cancel();
    }
}

/// How the loading thread reads.
struct How<'o> {
    limit_bytes: u64,
    purpose: Purpose,
    options: &'o ReadOptions,
}

/// The loading thread's work. `None` when cancelled.
fn read_and_parse(
    path: &Path,
    how: &How<'_>,
    shared: &Shared,
    wake: &Wake,
    open: impl FnOnce(&Path) -> Result<(Box<dyn Read + Send>, u64), LoadError>,
) -> Option<Finished> {
    let limit_bytes = how.limit_bytes;
    let (mut reader, total) = match open(path) {
        Ok(opened) => opened,
        Err(e) => return Some(Finished::Failed(e)),
    };
    shared.total.store(total, Ordering::Release);
    wake();
    let capacity = usize::try_from(total.min(limit_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    let mut chunk = vec![0_u8; CHUNK_BYTES];
    let mut last_wake = Instant::now();
    loop {
        if shared.cancel.load(Ordering::Acquire) {
            return None;
        }
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Some(Finished::Failed(LoadError::Io {
                    path: path.to_owned(),
                    source,
                }));
            }
        };
        bytes.extend_from_slice(&chunk[..n]);
        let read = bytes.len() as u64;
        if read > limit_bytes {
            // The file grew past the limit while it was being read.
            return Some(Finished::Failed(LoadError::TooLarge {
                path: path.to_owned(),
                size: read,
                limit: limit_bytes,
            }));
        }
        shared.read.store(read, Ordering::Release);
        if last_wake.elapsed() >= WAKE_INTERVAL {
            wake();
            last_wake = Instant::now();
        }
    }
    if shared.cancel.load(Ordering::Acquire) {
        return None;
    }
    shared.parsing.store(true, Ordering::Release);
    wake();
    // Spreadsheets saved as UTF-16 or Windows-1252 are read too, through the same dialog.
    let Some(text) = formats::text_of(&bytes) else {
        return Some(Finished::read(formats::load_bytes_with(
            &bytes,
            path,
            how.options,
        )));
    };
    let text: &str = &text;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = formats::detect(body);
    shared
        .dateline_json
        .store(format == Ok(formats::Format::Native), Ordering::Release);
    let opening = how.purpose == Purpose::Open;
    let sheet = format == Ok(formats::Format::Sheet)
        || how.options.sheet.mapping.is_some()
        || (format.is_err() && formats::sheet::is_table(body));
    let to_map = |problem| {
        Some(Finished::Map(Box::new(SheetToMap {
            head: formats::sheet::preview::head(body, formats::sheet::preview::GUESS_ROWS)
                .to_owned(),
            problem,
        })))
    };
    if opening && sheet && how.options.sheet.is_unstated() {
        return to_map(None);
    }
    let result = formats::load_str_with(text, path, how.options);
    match result {
        Err(LoadError::Invalid { problems, .. }) if opening && sheet => {
            to_map(problems.into_iter().next())
        }
        Err(LoadError::UnknownFormat { .. }) if opening && sheet => to_map(None),
        result => Some(Finished::read(result)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    const VALID: &str = include_str!("../../tests/fixtures/valid.json");

    fn no_wake() -> Wake {
        Arc::new(|| {})
    }

    /// Polls until the load is no longer pending, for at most five seconds.
    fn wait(loading: &Loading) -> Outcome {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match loading.poll() {
                Outcome::Pending if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                outcome => return outcome,
            }
        }
    }

    /// A reader that hands out one small piece at a time, slowly, and counts its reads.
    struct SlowReader {
        left: usize,
        reads: Arc<AtomicUsize>,
    }

    impl Read for SlowReader {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            std::thread::sleep(Duration::from_millis(5));
            self.reads.fetch_add(1, Ordering::SeqCst);
            let n = self.left.min(buf.len()).min(100);
            buf[..n].fill(b' ');
            self.left -= n;
            Ok(n)
        }
    }

    #[test]
    fn loads_a_file_and_reports_its_size_and_progress() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, VALID).unwrap();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let loading = Loading::start(
            path.clone(),
            formats::MAX_FILE_BYTES,
            Purpose::Open,
            ReadOptions::default(),
            Arc::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        );
        assert_eq!(loading.path(), path);
        assert_eq!(loading.purpose(), Purpose::Open);
        let Outcome::Loaded(timeline) = wait(&loading) else {
            panic!("the file did not load");
        };
        assert!(!timeline.events.is_empty());
        assert_eq!(loading.progress(), Progress::Parsing);
        assert!(wakes.load(Ordering::SeqCst) >= 2, "the window was woken");
    }

    #[test]
    fn a_sheet_of_ones_own_comes_back_to_be_mapped_unless_its_reading_was_said() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("own.csv");
        std::fs::write(
            &path,
            "\u{feff}When;Event\n30/11/2015;WTO\n03/04/2015;Either way\n",
        )
        .unwrap();
        let start = |purpose, options| {
            Loading::start(
                path.clone(),
                formats::MAX_FILE_BYTES,
                purpose,
                options,
                no_wake(),
            )
        };
        let Outcome::MapColumns(sheet) = wait(&start(Purpose::Open, ReadOptions::default())) else {
            panic!("opened without being shown");
        };
        assert!(sheet.head.starts_with("When;Event"), "no byte order mark");
        assert_eq!(sheet.problem, None);
        // Said on the command line, but it does not read: shown again, with the problem at its cell.
        let mut columns = ReadOptions::default();
        columns.sheet.columns = vec![(formats::sheet::Role::Title, "Event".to_owned())];
        let Outcome::MapColumns(sheet) = wait(&start(Purpose::Open, columns.clone())) else {
            panic!("the ambiguous date was not shown");
        };
        let problem = sheet.problem.expect("the problem");
        assert_eq!((problem.position.line, problem.position.column), (3, 1));
        // Said and read: it loads.
        let mut said = columns;
        said.sheet.order = Some(formats::sheet::DayOrder::DayFirst);
        let loading = start(Purpose::Open, said.clone());
        assert_eq!(loading.options(), &said);
        let Outcome::Loaded(timeline) = wait(&loading) else {
            panic!("it did not load");
        };
        assert_eq!(timeline.events.len(), 2);
        // Reading again never asks.
        let Outcome::Failed(_) = wait(&start(Purpose::Reload, ReadOptions::default())) else {
            panic!("a reload asked");
        };
    }

    #[test]
    fn a_table_whose_dates_the_guess_missed_comes_back_to_be_mapped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wann.csv");
        std::fs::write(
            &path,
            "Wann;Was\n2015;Beitritt\nFrühling 2016;Gespräche\n2017;Besuch\n",
        )
        .unwrap();
        assert!(
            formats::load_path(&path).is_err(),
            "not a timeline as it is"
        );
        let start = |options| {
            Loading::start(
                path.clone(),
                formats::MAX_FILE_BYTES,
                Purpose::Open,
                options,
                no_wake(),
            )
        };
        let Outcome::MapColumns(sheet) = wait(&start(ReadOptions::default())) else {
            panic!("not shown to be mapped");
        };
        assert!(sheet.head.starts_with("Wann;Was"));
        // The date column chosen: the row that is no date is told at its cell.
        let mut mapping = formats::sheet::Mapping::default();
        mapping.set(formats::sheet::Role::Date, Some(0));
        mapping.set(formats::sheet::Role::Title, Some(1));
        let mut chosen = ReadOptions::default();
        chosen.sheet.mapping = Some(mapping);
        let Outcome::MapColumns(sheet) = wait(&start(chosen)) else {
            panic!("the row that is no date was not told");
        };
        let problem = sheet.problem.expect("the problem");
        assert_eq!((problem.position.line, problem.position.column), (3, 1));
        assert!(problem.message.contains("Frühling 2016"), "{problem}");
    }

    #[test]
    fn progress_fraction_is_bytes_read_over_size() {
        let p = Progress::Reading {
            read: 25,
            total: 100,
        };
        assert_eq!(p.fraction(), Some(0.25));
        assert_eq!(Progress::Reading { read: 0, total: 0 }.fraction(), None);
        assert_eq!(Progress::Parsing.fraction(), None);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, VALID).unwrap();
        let loading = Loading::start(path, 10, Purpose::Open, ReadOptions::default(), no_wake());
        match wait(&loading) {
            Outcome::Failed(LoadError::TooLarge { size, limit, .. }) => {
                assert_eq!(size, VALID.len() as u64);
                assert_eq!(limit, 10);
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn a_missing_file_fails_with_its_name() {
        let loading = Loading::start(
            PathBuf::from("/nonexistent/dateline/x.json"),
            formats::MAX_FILE_BYTES,
            Purpose::Open,
            ReadOptions::default(),
            no_wake(),
        );
        match wait(&loading) {
            Outcome::Failed(e) => assert!(e.to_string().contains("/nonexistent/dateline/x.json")),
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn a_slow_load_shows_progress_and_can_be_cancelled() {
        let reads = Arc::new(AtomicUsize::new(0));
        let reader = SlowReader {
            left: 1_000_000,
            reads: Arc::clone(&reads),
        };
        let loading = Loading::from_reader(
            PathBuf::from("slow.json"),
            1_000_000,
            reader,
            Purpose::Open,
            no_wake(),
        );
        // Some bytes come in, but far from all.
        let deadline = Instant::now() + Duration::from_secs(5);
        while reads.load(Ordering::SeqCst) < 3 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(matches!(loading.poll(), Outcome::Pending));
        let Progress::Reading { read, total } = loading.progress() else {
            panic!("still reading");
        };
        assert_eq!(total, 1_000_000);
        assert!(read > 0 && read < total, "{read} of {total}");
        loading.cancel();
        assert!(matches!(loading.poll(), Outcome::Cancelled));
        // The thread stops reading soon after.
        std::thread::sleep(Duration::from_millis(50));
        let after_cancel = reads.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(reads.load(Ordering::SeqCst), after_cancel);
    }

    #[test]
    fn broken_content_fails_with_a_position() {
        let loading = Loading::from_reader(
            PathBuf::from("broken.json"),
            7,
            std::io::Cursor::new(b"{\"a\": ".to_vec()),
            Purpose::Reload,
            no_wake(),
        );
        match wait(&loading) {
            Outcome::Failed(e) => {
                assert!(e.first_position().is_some(), "{e}");
                assert!(e.to_string().starts_with("broken.json:"), "{e}");
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }
}
