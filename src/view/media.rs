//! An event's media in the details panel: a picture shown with its caption, credit and alt text (loaded in
//! the background by egui's image loaders, see [`crate::app::media_loader`]), anything else as a link that
//! names its kind (a video on `YouTube`). A picture that cannot be shown leaves a message in its place.

use std::path::Path;

use egui::RichText;
use egui::load::TexturePoll;

use super::elide;
use crate::app::media_loader::FILE_SCHEME;
use crate::model::{Media, MediaKind};

/// The tallest a picture is drawn, in points.
pub const MAX_IMAGE_HEIGHT: f32 = 360.0;

/// The most characters of a caption, credit or alt text laid out.
const MAX_TEXT_CHARS: usize = 2_000;

/// The most characters of an address in a message.
const MAX_URL_CHARS: usize = 120;

/// Why a media address cannot be loaded as a picture.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MediaUriError {
    /// A relative path, but the timeline was not read from a file.
    #[error("the path {path} is relative to the timeline's file, and this timeline has none")]
    NoFile {
        /// The path, shortened.
        path: String,
    },
    /// A `data:` address.
    #[error("pictures written into their address (data:) are not shown")]
    Data,
    /// An address of a scheme dateline does not load.
    #[error(
        "dateline loads pictures from files and web (http, https) addresses only, not {scheme}:"
    )]
    Scheme {
        /// The scheme, shortened.
        scheme: String,
    },
    /// An empty address.
    #[error("the media has no address")]
    Empty,
    /// An address longer than any real one.
    #[error("its address is {chars} characters long, more than the {MAX_URI_CHARS} dateline loads")]
    TooLong {
        /// Its length, in bytes.
        chars: usize,
    },
}

/// The longest address a picture is loaded from (egui's loaders keep each address as the key of their
/// caches).
pub const MAX_URI_CHARS: usize = 8_192;

/// The URI egui's loaders load the picture at `url` from: web and `file://` addresses as they are, an
/// absolute path as a `file://` URI, and a relative path against `file`'s folder (the timeline's file).
pub fn image_uri(url: &str, file: Option<&Path>) -> Result<String, MediaUriError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(MediaUriError::Empty);
    }
    if url.len() > MAX_URI_CHARS {
        return Err(MediaUriError::TooLong { chars: url.len() });
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with(FILE_SCHEME)
    {
        return Ok(url.to_owned());
    }
    if lower.starts_with("data:") {
        return Err(MediaUriError::Data);
    }
    let path = Path::new(url);
    if path.is_absolute() {
        return Ok(format!("{FILE_SCHEME}{url}"));
    }
    // A scheme is letters, digits, `+`, `-` or `.` before a `:` that comes before any `/`.
    if let Some((scheme, _)) = url.split_once(':')
        && !scheme.contains(['/', '\\'])
        && scheme.len() > 1
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return Err(MediaUriError::Scheme {
            scheme: elide::one_line(scheme, 20).into_owned(),
        });
    }
    let folder = file
        .and_then(Path::parent)
        .ok_or_else(|| MediaUriError::NoFile {
            path: elide::one_line(url, MAX_URL_CHARS).into_owned(),
        })?;
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned());
    Ok(format!("{FILE_SCHEME}{}", folder.join(path).display()))
}

/// The words a message about a picture that cannot be shown begins with.
pub const CANNOT_SHOW: &str = "The picture cannot be shown";

/// Shows `media`; `file` is the timeline's file, which relative paths are read against.
pub fn media_ui(ui: &mut egui::Ui, media: &Media, file: Option<&Path>) {
    let kind = MediaKind::of(&media.url);
    let alt = media
        .alt
        .as_deref()
        .filter(|a| !a.trim().is_empty())
        .map(|a| elide::one_line(a, MAX_TEXT_CHARS).into_owned());
    match kind {
        MediaKind::Image => image_ui(ui, &media.url, alt.as_deref(), file),
        _ if media.url.trim().is_empty() => {}
        other => {
            let mut label = other.words();
            if let Some(title) = media.title.as_deref().filter(|t| !t.trim().is_empty()) {
                label = format!("{label}: {}", elide::one_line(title, MAX_TEXT_CHARS));
            }
            super::link::link_ui(ui, &label, media.url.trim());
            if let Some(alt) = &alt {
                ui.weak(alt);
            }
        }
    }
    if let Some(caption) = media.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        ui.label(elide::bounded(caption, MAX_TEXT_CHARS));
    }
    if let Some(credit) = media.credit.as_deref().filter(|c| !c.trim().is_empty()) {
        ui.weak(format!(
            "Credit: {}",
            elide::bounded(credit, MAX_TEXT_CHARS)
        ));
    }
    if let Some(link) = media.link.as_deref().filter(|l| !l.trim().is_empty()) {
        super::link::link_ui(ui, "Linked page", link.trim());
    }
}

/// The picture at `url`, or a spinner while it loads, or a message saying why it cannot be shown.
fn image_ui(ui: &mut egui::Ui, url: &str, alt: Option<&str>, file: Option<&Path>) {
    let uri = match image_uri(url, file) {
        Ok(uri) => uri,
        Err(e) => {
            cannot_show(ui, &e.to_string(), alt);
            return;
        }
    };
    forget_the_last_shown(ui.ctx(), &uri);
    let max = egui::vec2(ui.available_width().max(16.0), MAX_IMAGE_HEIGHT);
    let mut image = egui::Image::new(uri)
        .fit_to_original_size(1.0)
        .max_size(max)
        .show_loading_spinner(false);
    if let Some(alt) = alt {
        image = image.alt_text(alt);
    }
    match image.load_for_size(ui.ctx(), max) {
        Ok(TexturePoll::Ready { .. }) => {
            let response = ui.add(image);
            if let Some(alt) = alt {
                response.on_hover_text(alt);
            }
        }
        Ok(TexturePoll::Pending { .. }) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("Loading the picture…");
            });
        }
        Err(e) => cannot_show(ui, &load_error_words(&e), alt),
    }
}

/// Frees the decoded picture and texture of the picture shown before `uri`, when that was another one:
/// egui's loaders keep every picture until it is forgotten, and the panel shows one at a time. Its bytes
/// stay in the media loader's bounded cache.
fn forget_the_last_shown(ctx: &egui::Context, uri: &str) {
    let id = egui::Id::unique("dateline-media-shown");
    let last: Option<String> = ctx.data(|d| d.get_temp(id));
    if last.as_deref() == Some(uri) {
        return;
    }
    if let Some(last) = last {
        ctx.forget_image(&last);
        // An animated format's frames are kept under their own names.
        ctx.forget_image(&format!("{last}#0"));
    }
    ctx.data_mut(|d| d.insert_temp(id, uri.to_owned()));
}

/// A loader's error in words.
fn load_error_words(error: &egui::load::LoadError) -> String {
    use egui::load::LoadError;
    match error {
        LoadError::Loading(message) => message.clone(),
        LoadError::FormatNotSupported { detected_format } => match detected_format {
            Some(format) => format!("its format ({format}) is not one dateline reads"),
            None => "its format is not one dateline reads".to_owned(),
        },
        LoadError::NotSupported | LoadError::NoMatchingBytesLoader => {
            "dateline cannot load this address".to_owned()
        }
        LoadError::NoImageLoaders | LoadError::NoMatchingImageLoader { .. } => {
            "it is not a PNG, JPEG, GIF or WebP picture".to_owned()
        }
        LoadError::NoMatchingTextureLoader => "no texture loader".to_owned(),
    }
}

/// The message in place of a picture: why, and what it shows in words when the file says.
fn cannot_show(ui: &mut egui::Ui, why: &str, alt: Option<&str>) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{CANNOT_SHOW}: {}",
                    elide::bounded(why, MAX_TEXT_CHARS)
                ))
                .color(ui.visuals().warn_fg_color),
            );
            if let Some(alt) = alt {
                ui.label(format!("It shows: {alt}"));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_paths_resolve_against_the_timelines_folder() {
        let file = Path::new("/data/timelines/t.json");
        assert_eq!(
            image_uri("media/dot.png", Some(file)),
            Ok("file:///data/timelines/media/dot.png".to_owned())
        );
        assert_eq!(
            image_uri(" https://example.org/a.png ", None),
            Ok("https://example.org/a.png".to_owned())
        );
        assert_eq!(
            image_uri("/abs/a.png", None),
            Ok("file:///abs/a.png".to_owned())
        );
        assert_eq!(
            image_uri("file:///abs/a.png", None),
            Ok("file:///abs/a.png".to_owned())
        );
        assert!(matches!(
            image_uri("media/dot.png", None),
            Err(MediaUriError::NoFile { .. })
        ));
        assert_eq!(
            image_uri("data:image/png;base64,AAAA", Some(file)),
            Err(MediaUriError::Data)
        );
        assert_eq!(
            image_uri("ftp://example.org/a.png", Some(file)),
            Err(MediaUriError::Scheme {
                scheme: "ftp".into()
            })
        );
        assert_eq!(image_uri("  ", Some(file)), Err(MediaUriError::Empty));
        // A colon after a slash is part of the path.
        assert_eq!(
            image_uri("a/b:c.png", Some(file)),
            Ok("file:///data/timelines/a/b:c.png".to_owned())
        );
    }

    #[test]
    fn media_messages_bound_long_addresses() {
        let long = format!("{}.png", "x".repeat(10_000_000));
        let error = image_uri(&long, None).unwrap_err().to_string();
        assert!(error.chars().count() < 300, "{} chars", error.len());
        let long = format!("https://example.org/{}.png", "x".repeat(10_000));
        assert!(matches!(
            image_uri(&long, None),
            Err(MediaUriError::TooLong { .. })
        ));
        let error = image_uri(&format!("{}:x", "s".repeat(1000)), None).unwrap_err();
        assert!(error.to_string().chars().count() < 200, "{error}");
    }
}
