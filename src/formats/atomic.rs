//! Atomic writes: the new contents go to a temporary file created exclusively, under a random name, in
//! the target's own folder, and are renamed into place, so a crash never leaves a half-written file and a
//! link planted at a guessable name can never redirect the write.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How many symbolic links are followed before the target is given up as a loop.
const MAX_LINKS: usize = 40;

/// Writes `contents` to `path` atomically. See [`write_atomic_with`].
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, &mut |out| out.write_all(contents))
}

/// Writes what `write` produces to `path` atomically: into a temporary file created exclusively with a
/// random name beside the target, flushed to disk, then renamed over it. When `path` is a symbolic link
/// the file it points to is replaced and the link is kept. An existing file keeps its permissions; a new
/// one gets the usual ones (read and write for everyone the process's umask allows). On any failure the
/// target is untouched and the temporary file removed.
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = std::fs::metadata(&target)
        .ok()
        .filter(std::fs::Metadata::is_file);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dateline-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Asked for as any new file is; the umask then takes away what it takes away.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The operating system's own words, without the temporary file's name, which means nothing to anyone.
    let temp = builder.tempfile_in(&dir).map_err(without_temporary_name)?;
    let mut out = BufWriter::new(temp);
    write(&mut out)?;
    let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    if let Some(meta) = &existing {
        // Created with the umask applied; the replaced file's exact permissions are set again.
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A failure to create the temporary file, in the operating system's words: the temporary file's library
/// adds the file's random name ("… at path \"/dir/.dateline-x1y2.tmp\""), which means nothing to anyone.
fn without_temporary_name(error: io::Error) -> io::Error {
    let words = error.to_string();
    match words.rfind(" at path \"") {
        Some(end) => io::Error::new(error.kind(), words[..end].to_owned()),
        None => error,
    }
}

/// The path a write to `path` lands on: `path` itself, or the file at the end of its chain of symbolic
/// links (which need not exist yet).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(
        "too many levels of symbolic links to find the file to write",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        // The name the writer used to pick: guessable from the process id.
        let planted = dir
            .path()
            .join(format!(".out.csv.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let out = dir.path().join("out.csv");
        write_atomic(&out, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        assert!(
            std::fs::symlink_metadata(&planted)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // Nothing else is left behind.
        let mut expected = vec![
            "out.csv".to_owned(),
            "victim.txt".to_owned(),
            planted.file_name().unwrap().to_string_lossy().into_owned(),
        ];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
    }

    #[cfg(unix)]
    #[test]
    fn writing_to_a_link_replaces_the_file_it_points_to_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let file = dir.path().join("real/data.json");
        std::fs::write(&file, "old").unwrap();
        let link = dir.path().join("link.json");
        // A relative link, resolved against the link's own folder.
        std::os::unix::fs::symlink("real/data.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        assert_eq!(names(&dir.path().join("real")), ["data.json"]);
        // A link to a file that does not exist yet creates it.
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink("real/new.csv", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("real/new.csv")).unwrap(),
            "made"
        );
        // A loop of links is an error, not a hang.
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let kept = dir.path().join("kept.csv");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(mode(&kept), 0o640);
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o755)).unwrap();
        write_atomic(&kept, b"newer").unwrap();
        assert_eq!(mode(&kept), 0o755);
        // A new file gets what any new file gets here.
        let plain = dir.path().join("plain.txt");
        std::fs::File::create(&plain).unwrap();
        let created = dir.path().join("created.csv");
        write_atomic(&created, b"x").unwrap();
        assert_eq!(mode(&created), mode(&plain));
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        std::fs::write(&out, "old").unwrap();
        let err = write_atomic_with(&out, &mut |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("the disk is full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "the disk is full");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        assert_eq!(names(dir.path()), ["out.json"]);
    }
}
