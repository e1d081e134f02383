//! Writing files so that nothing is ever half-written, and nothing but the file named
//! is ever written.

use std::io::{self, Write};
use std::path::Path;

/// Writes through `fill` into a new temporary file beside `path`, syncs it and renames
/// it over `path`: a reader never sees half a file, and a failure (a full disk, a
/// read-only folder, a kill) leaves the old file as it was. The temporary file's name
/// is random and it is created new (`O_EXCL`), so nothing planted in a shared folder
/// (a symlink at a predictable name) can redirect the write; a replaced file keeps
/// its permissions.
pub fn write_atomically<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the permissions any new file gets (0666 less the umask), not a
    // temporary file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    let mut out = io::BufWriter::new(tmp);
    let value = fill(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(old.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(value)
}

/// Makes the rename itself durable where the platform can (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
