//! The recovery copy: a few seconds after an edit, the edited timeline is written (as dateline JSON, through
//! the same atomic write as every save) into the app's data folder, with the name of the file it came from.
//! After a crash or a kill the next launch finds it and offers to restore it; a clean quit, a save or a
//! discard removes it.

use std::path::{Path, PathBuf};

use crate::formats;
use crate::model::Timeline;

/// The recovery copy's file name in the data folder.
const COPY: &str = "recovery.json";

/// The file beside it naming where the timeline came from (empty for the built-in dataset).
const ORIGIN: &str = "recovery-origin.txt";

/// A recovery copy found in the data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The copy itself.
    pub copy: PathBuf,
    /// The file the edited timeline came from; `None` for the built-in dataset or a new timeline.
    pub origin: Option<PathBuf>,
    /// When the copy was written, as the file system says.
    pub written: Option<std::time::SystemTime>,
}

/// Writes `timeline`, edited from `origin`, as the recovery copy in `folder` (made when missing).
pub fn write(folder: &Path, timeline: &Timeline, origin: Option<&Path>) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let origin_text = origin
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    formats::write_atomic(&folder.join(ORIGIN), origin_text.as_bytes())?;
    formats::write_atomic_with(&folder.join(COPY), &mut |out| {
        formats::native::write_to(timeline, out)
    })
}

/// The recovery copy in `folder`, if there is one.
pub fn find(folder: &Path) -> Option<Found> {
    let copy = folder.join(COPY);
    let written = std::fs::metadata(&copy).ok()?.modified().ok();
    let origin = std::fs::read_to_string(folder.join(ORIGIN))
        .ok()
        .map(|s| s.trim_end_matches(['\n', '\r']).to_owned())
        .filter(|s| !s.is_empty())
        .map(PathBuf::from);
    Some(Found {
        copy,
        origin,
        written,
    })
}

/// Removes the recovery copy from `folder` (nothing to do when there is none).
pub fn remove(folder: &Path) {
    let _ = std::fs::remove_file(folder.join(COPY));
    let _ = std::fs::remove_file(folder.join(ORIGIN));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_found_with_its_origin_and_reads_back_then_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("recovery");
        assert_eq!(find(&folder), None);
        let timeline = crate::formats::builtin().unwrap();
        write(&folder, &timeline, Some(Path::new("/home/ana/story.json"))).unwrap();
        let found = find(&folder).unwrap();
        assert_eq!(
            found.origin.as_deref(),
            Some(Path::new("/home/ana/story.json"))
        );
        assert_eq!(crate::formats::load_path(&found.copy).unwrap(), timeline);
        write(&folder, &timeline, None).unwrap();
        assert_eq!(find(&folder).unwrap().origin, None);
        remove(&folder);
        assert_eq!(find(&folder), None);
    }
}
