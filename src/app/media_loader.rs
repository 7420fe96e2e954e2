//! The bytes of the pictures the details panel shows, for egui's image loaders: a `file://` path is read
//! from disk and an `http(s)://` address fetched with `ureq`, each on a background thread, with a size
//! limit, a timeout and a check of the picture's size in pixels before it is decoded.
//!
//! Caching: the bytes are kept by URI (up to [`Limits::cache_bytes`] in all, the oldest dropped first;
//! a dropped one is read again when asked for), and a failure is kept too, so a missing file is not
//! read again every frame (until the picture is forgotten: then it is tried again). egui's image loader
//! (`egui_extras`, the `image` crate) keeps each decoded picture and its texture loader each texture,
//! until [`egui::Context::forget_image`]: the details panel forgets a picture when it shows another
//! (see [`crate::view::media`]), so only one decoded picture is held.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use egui::load::{Bytes, BytesLoadResult, BytesLoader, BytesPoll, LoadError};
use egui::mutex::Mutex;

use crate::view::elide;

/// The scheme of a path on this machine.
pub const FILE_SCHEME: &str = "file://";

/// How much a picture may cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes one picture may have.
    pub max_bytes: u64,
    /// How long a web server has to send a picture, from the request to the last byte.
    pub timeout: Duration,
    /// The most pixels on a side of a picture (a larger one is refused before it is decoded); never more
    /// than the largest texture the window can hold.
    pub max_side_px: u32,
    /// The most pixels of a picture in all (a decoded picture costs four bytes a pixel).
    pub max_pixels: u64,
    /// The most bytes kept in the cache in all.
    pub cache_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 20 * 1024 * 1024,
            timeout: Duration::from_secs(15),
            max_side_px: 8192,
            max_pixels: 40_000_000,
            cache_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Why a picture's bytes could not be had. Every message names what it is about, shortened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The file is not there.
    #[error("no file at {path}")]
    Missing {
        /// The path, shortened.
        path: String,
    },
    /// The file is there but cannot be read.
    #[error("cannot read {path}: {reason}")]
    Unreadable {
        /// The path, shortened.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// More bytes than [`Limits::max_bytes`].
    #[error("the picture is larger than {} MB, the most dateline loads", limit / 1_000_000)]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// More pixels on a side than [`Limits::max_side_px`], or more than [`Limits::max_pixels`] in all.
    #[error(
        "the picture is {width}×{height} pixels, more than dateline shows (at most {max_side} on a side \
         and {} million in all)",
        max_pixels / 1_000_000
    )]
    TooManyPixels {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// The limit on a side.
        max_side: u32,
        /// The limit in all.
        max_pixels: u64,
    },
    /// The server did not answer in time.
    #[error("no answer from the server within {secs} s")]
    Timeout {
        /// The timeout, in seconds.
        secs: u64,
    },
    /// The server answered with an error status.
    #[error("the server answered {status}")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// The address could not be reached or the answer not read.
    #[error("cannot fetch it: {reason}")]
    Network {
        /// What went wrong, shortened.
        reason: String,
    },
}

/// The most characters of a path or reason in a message.
const MAX_SHOWN_CHARS: usize = 160;

/// What the cache holds for one URI: loading, its bytes and type, or why it failed.
type Entry = Poll<Result<Fetched, FetchError>>;

#[derive(Clone, Debug)]
struct Fetched {
    bytes: Arc<[u8]>,
    mime: Option<String>,
}

/// The cache, with the order URIs came in (the oldest is dropped first).
#[derive(Default)]
struct Cache {
    entries: HashMap<String, Entry>,
    order: Vec<String>,
}

impl Cache {
    fn insert(&mut self, uri: &str, entry: Entry, limit_bytes: usize) {
        if !self.entries.contains_key(uri) {
            self.order.push(uri.to_owned());
        }
        self.entries.insert(uri.to_owned(), entry);
        // Drop the oldest pictures (never the one just read) until the cache fits.
        while self.byte_size() > limit_bytes && self.order.len() > 1 {
            let oldest = self.order.remove(0);
            self.entries.remove(&oldest);
        }
    }

    fn remove(&mut self, uri: &str) {
        self.entries.remove(uri);
        self.order.retain(|u| u != uri);
    }

    fn byte_size(&self) -> usize {
        self.entries
            .values()
            .map(|e| match e {
                Poll::Ready(Ok(f)) => f.bytes.len(),
                _ => 0,
            })
            .sum()
    }
}

/// egui's loader of `file://` and `http(s)://` bytes for dateline's pictures (see the module's notes).
pub struct MediaBytesLoader {
    cache: Arc<Mutex<Cache>>,
    limits: Limits,
    agent: ureq::Agent,
}

impl MediaBytesLoader {
    /// The loader's id among egui's loaders.
    pub const ID: &'static str = egui::generate_loader_id!(MediaBytesLoader);

    /// A loader within `limits`.
    pub fn new(limits: Limits) -> Self {
        let agent = agent_config(&limits).build().into();
        Self {
            cache: Arc::default(),
            limits,
            agent,
        }
    }

    /// Installs the loader and egui's image decoders on `ctx`, once.
    pub fn install(ctx: &egui::Context, limits: Limits) {
        if !ctx.is_loader_installed(Self::ID) {
            ctx.add_bytes_loader(Arc::new(Self::new(limits)));
        }
        egui_extras::install_image_loaders(ctx);
    }
}

impl BytesLoader for MediaBytesLoader {
    fn id(&self) -> &str {
        Self::ID
    }

    fn load(&self, ctx: &egui::Context, uri: &str) -> BytesLoadResult {
        let source = if let Some(path) = uri.strip_prefix(FILE_SCHEME) {
            Source::File(PathBuf::from(path))
        } else if is_http(uri) {
            Source::Web(uri.to_owned())
        } else {
            return Err(LoadError::NotSupported);
        };
        let mut cache = self.cache.lock();
        if let Some(entry) = cache.entries.get(uri) {
            return match entry {
                Poll::Ready(Ok(f)) => Ok(BytesPoll::Ready {
                    size: None,
                    bytes: Bytes::Shared(Arc::clone(&f.bytes)),
                    mime: f.mime.clone(),
                }),
                Poll::Ready(Err(e)) => Err(LoadError::Loading(e.to_string())),
                Poll::Pending => Ok(BytesPoll::Pending { size: None }),
            };
        }
        cache.insert(uri, Poll::Pending, self.limits.cache_bytes);
        drop(cache);
        let ctx = ctx.clone();
        let cache = Arc::clone(&self.cache);
        let mut limits = self.limits;
        // The window's largest texture: a larger picture could not be drawn.
        let max_texture = ctx.input(|i| i.max_texture_side);
        limits.max_side_px = limits
            .max_side_px
            .min(u32::try_from(max_texture).unwrap_or(u32::MAX));
        let agent = self.agent.clone();
        let key = uri.to_owned();
        let spawned = std::thread::Builder::new()
            .name("dateline-media".into())
            .spawn(move || {
                let result = match source {
                    Source::File(path) => read_file(&path, limits.max_bytes),
                    Source::Web(url) => fetch(&agent, &url, &limits),
                }
                .and_then(|f| check_pixels(f, limits.max_side_px, limits.max_pixels));
                cache
                    .lock()
                    .insert(&key, Poll::Ready(result), limits.cache_bytes);
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let error = FetchError::Network {
                reason: format!("no thread to load it on: {e}"),
            };
            self.cache.lock().insert(
                uri,
                Poll::Ready(Err(error.clone())),
                self.limits.cache_bytes,
            );
            return Err(LoadError::Loading(error.to_string()));
        }
        Ok(BytesPoll::Pending { size: None })
    }

    /// Forgets a failure, so that the next look tries again; bytes read stay in the cache, which holds
    /// at most [`Limits::cache_bytes`] and drops the oldest first.
    fn forget(&self, uri: &str) {
        let mut cache = self.cache.lock();
        if !matches!(cache.entries.get(uri), Some(Poll::Ready(Ok(_)))) {
            cache.remove(uri);
        }
    }

    fn forget_all(&self) {
        *self.cache.lock() = Cache::default();
    }

    fn byte_size(&self) -> usize {
        self.cache.lock().byte_size()
    }

    fn has_pending(&self) -> bool {
        self.cache
            .lock()
            .entries
            .values()
            .any(|e| matches!(e, Poll::Pending))
    }
}

/// How pictures are fetched: within the timeout, at most five redirects, an error status read as an
/// answer (to name it), through the proxy the environment names (`HTTPS_PROXY`, `NO_PROXY`, …).
fn agent_config(limits: &Limits) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
    ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
}

enum Source {
    File(PathBuf),
    Web(String),
}

/// Whether `uri` is an `http` or `https` address.
fn is_http(uri: &str) -> bool {
    let head = uri.get(..8).unwrap_or(uri).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

fn shown(text: &str) -> String {
    elide::one_line(text, MAX_SHOWN_CHARS).into_owned()
}

/// Reads a file of at most `max_bytes`: a larger one is refused before it is read.
fn read_file(path: &Path, max_bytes: u64) -> Result<Fetched, FetchError> {
    let shown_path = || shown(&path.display().to_string());
    let unreadable = |e: std::io::Error| FetchError::Unreadable {
        path: shown_path(),
        reason: shown(&e.to_string()),
    };
    let file = std::fs::File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            FetchError::Missing { path: shown_path() }
        } else {
            unreadable(e)
        }
    })?;
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(FetchError::Unreadable {
            path: shown_path(),
            reason: "it is not a file".into(),
        });
    }
    if metadata.len() > max_bytes {
        return Err(FetchError::TooLarge { limit: max_bytes });
    }
    let mut bytes = Vec::new();
    // A file growing while it is read is cut at one byte over the limit, and refused.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(FetchError::TooLarge { limit: max_bytes });
    }
    Ok(Fetched {
        bytes: bytes.into(),
        mime: None,
    })
}

/// Fetches a web address within the limits: a status other than success, a body over the size limit or
/// an answer later than the timeout is an error.
fn fetch(agent: &ureq::Agent, url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    let network = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            secs: limits.timeout.as_secs().max(1),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: limits.max_bytes,
        },
        other => FetchError::Network {
            reason: shown(&other.to_string()),
        },
    };
    let mut response = agent.get(url).call().map_err(network)?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status { status });
    }
    if response
        .body()
        .content_length()
        .is_some_and(|n| n > limits.max_bytes)
    {
        return Err(FetchError::TooLarge {
            limit: limits.max_bytes,
        });
    }
    let mime = response.body().mime_type().map(str::to_owned);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(network)?;
    Ok(Fetched {
        bytes: bytes.into(),
        mime,
    })
}

/// Refuses a picture with more than `max_side` pixels on a side or `max_pixels` in all, from its header
/// alone (before it is decoded). Bytes whose format or size cannot be told are passed on: the decoder says
/// what is wrong.
fn check_pixels(fetched: Fetched, max_side: u32, max_pixels: u64) -> Result<Fetched, FetchError> {
    let reader = image::ImageReader::new(std::io::Cursor::new(&*fetched.bytes))
        .with_guessed_format()
        .ok();
    if let Some((width, height)) = reader.and_then(|r| r.into_dimensions().ok())
        && (width > max_side
            || height > max_side
            || u64::from(width) * u64::from(height) > max_pixels)
    {
        return Err(FetchError::TooManyPixels {
            width,
            height,
            max_side,
            max_pixels,
        });
    }
    Ok(fetched)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&vec![0; (width * height) as usize])
            .unwrap();
        writer.finish().unwrap();
        bytes
    }

    #[test]
    fn media_files_are_read_within_the_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dot.png");
        std::fs::write(&path, png(2, 2)).unwrap();
        assert!(read_file(&path, 1000).is_ok());
        assert_eq!(
            read_file(&path, 10).err(),
            Some(FetchError::TooLarge { limit: 10 })
        );
        let missing = read_file(&dir.path().join("no.png"), 1000).unwrap_err();
        assert!(matches!(missing, FetchError::Missing { .. }));
        assert!(missing.to_string().contains("no.png"));
        let folder = read_file(dir.path(), 1000).unwrap_err();
        assert!(matches!(folder, FetchError::Unreadable { .. }), "{folder}");
    }

    #[test]
    fn media_with_too_many_pixels_is_refused_before_decoding() {
        let small = Fetched {
            bytes: png(4, 3).into(),
            mime: None,
        };
        assert!(check_pixels(small.clone(), 4, 12).is_ok());
        let error = check_pixels(small.clone(), 3, 12).err().unwrap();
        assert!(matches!(
            error,
            FetchError::TooManyPixels {
                width: 4,
                height: 3,
                ..
            }
        ));
        assert!(check_pixels(small, 4, 11).is_err());
        let error = FetchError::TooManyPixels {
            width: 9000,
            height: 10,
            max_side: 8192,
            max_pixels: 40_000_000,
        };
        assert_eq!(
            error.to_string(),
            "the picture is 9000×10 pixels, more than dateline shows (at most 8192 on a side and 40 \
             million in all)"
        );
        // Bytes that are no picture are for the decoder to refuse.
        let junk = Fetched {
            bytes: b"not a picture".to_vec().into(),
            mime: None,
        };
        assert!(check_pixels(junk, 3, 1).is_ok());
    }

    #[test]
    fn media_messages_are_bounded() {
        let long = "x".repeat(100_000);
        let error = read_file(Path::new(&long), 10).unwrap_err();
        assert!(error.to_string().chars().count() < 400, "{error}");
        assert_eq!(
            FetchError::TooLarge { limit: 20_000_000 }.to_string(),
            "the picture is larger than 20 MB, the most dateline loads"
        );
    }

    /// A web server on this machine answering each request with the next of `answers` (status line,
    /// headers and body), after `delay`; its address.
    fn local_server(answers: Vec<Vec<u8>>, delay: Duration) -> String {
        use std::io::Write as _;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for answer in answers {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let mut request = [0; 4096];
                let _ = stream.read(&mut request);
                std::thread::sleep(delay);
                let _ = stream.write_all(&answer);
            }
        });
        address
    }

    fn answer(status: &str, body: &[u8]) -> Vec<u8> {
        let mut bytes = format!(
            "HTTP/1.1 {status}\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        bytes.extend_from_slice(body);
        bytes
    }

    #[test]
    fn media_from_the_web_is_fetched_within_the_limits() {
        let picture = png(2, 2);
        let limits = Limits {
            max_bytes: 1000,
            timeout: Duration::from_millis(400),
            ..Limits::default()
        };
        // Straight to the server on this machine, whatever proxy the environment names.
        let agent: ureq::Agent = agent_config(&limits).proxy(None).build().into();
        let server = local_server(
            vec![
                answer("200 OK", &picture),
                answer("404 Not Found", b""),
                answer("200 OK", &[0; 2000]),
            ],
            Duration::ZERO,
        );
        let fetched = fetch(&agent, &format!("{server}/dot.png"), &limits).unwrap();
        assert_eq!(&*fetched.bytes, &picture[..]);
        assert_eq!(fetched.mime.as_deref(), Some("image/png"));
        assert_eq!(
            fetch(&agent, &format!("{server}/gone.png"), &limits).err(),
            Some(FetchError::Status { status: 404 })
        );
        assert_eq!(
            fetch(&agent, &format!("{server}/big.png"), &limits).err(),
            Some(FetchError::TooLarge { limit: 1000 })
        );
        // A body longer than the limit whose length is not announced is cut at the limit.
        let mut unannounced =
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n".to_vec();
        unannounced.extend_from_slice(&[0; 2000]);
        let server = local_server(vec![unannounced], Duration::ZERO);
        assert_eq!(
            fetch(&agent, &format!("{server}/big.png"), &limits).err(),
            Some(FetchError::TooLarge { limit: 1000 })
        );
        // A server that does not answer in time.
        let server = local_server(vec![answer("200 OK", &picture)], Duration::from_secs(2));
        let started = std::time::Instant::now();
        assert_eq!(
            fetch(&agent, &format!("{server}/slow.png"), &limits).err(),
            Some(FetchError::Timeout { secs: 1 })
        );
        assert!(started.elapsed() < Duration::from_millis(1500));
        // Nothing listening.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}/x.png", closed.local_addr().unwrap());
        drop(closed);
        assert!(matches!(
            fetch(&agent, &address, &limits),
            Err(FetchError::Network { .. })
        ));
    }

    #[test]
    fn media_cache_drops_the_oldest_first() {
        let mut cache = Cache::default();
        let fetched = |n: usize| {
            Poll::Ready(Ok(Fetched {
                bytes: vec![0; n].into(),
                mime: None,
            }))
        };
        cache.insert("a", fetched(6), 10);
        cache.insert("b", fetched(3), 10);
        assert_eq!(cache.byte_size(), 9);
        cache.insert("c", fetched(5), 10);
        assert!(!cache.entries.contains_key("a"));
        assert!(cache.entries.contains_key("b") && cache.entries.contains_key("c"));
        // One picture larger than the whole cache is still kept while it is the newest.
        cache.insert("d", fetched(50), 10);
        assert_eq!(cache.order, ["d"]);
    }

    #[test]
    fn media_loader_reads_files_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dot.png");
        std::fs::write(&path, png(2, 2)).unwrap();
        let loader = MediaBytesLoader::new(Limits::default());
        let ctx = egui::Context::default();
        let uri = format!("{FILE_SCHEME}{}", path.display());
        assert!(matches!(
            loader.load(&ctx, "ftp://x"),
            Err(LoadError::NotSupported)
        ));
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            match loader.load(&ctx, &uri) {
                Ok(BytesPoll::Ready { bytes, .. }) => {
                    assert_eq!(bytes.len(), png(2, 2).len());
                    break;
                }
                Ok(BytesPoll::Pending { .. }) => {
                    assert!(std::time::Instant::now() < deadline, "never loaded");
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => panic!("{e}"),
            }
        }
        assert!(!loader.has_pending());
        assert!(loader.byte_size() > 0);
        // Bytes read stay when egui forgets the picture; a failure is tried again.
        loader.forget(&uri);
        assert!(loader.byte_size() > 0);
        let missing = format!("{FILE_SCHEME}{}", dir.path().join("later.png").display());
        while loader.load(&ctx, &missing).is_ok() {
            assert!(std::time::Instant::now() < deadline, "never failed");
            std::thread::sleep(Duration::from_millis(5));
        }
        std::fs::write(dir.path().join("later.png"), png(2, 2)).unwrap();
        loader.forget(&missing);
        while !matches!(loader.load(&ctx, &missing), Ok(BytesPoll::Ready { .. })) {
            assert!(std::time::Instant::now() < deadline, "never read again");
            std::thread::sleep(Duration::from_millis(5));
        }
        loader.forget_all();
        assert_eq!(loader.byte_size(), 0);
    }
}
