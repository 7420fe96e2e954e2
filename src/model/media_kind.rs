//! What kind of thing a media address points at, told from the address alone (nothing is fetched): a
//! picture dateline shows, or a video, sound, map, document or post it links to by name.

/// The kind of a media address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// A PNG, JPEG, GIF or WebP picture (by its extension, or a `data:image/…;base64,` address).
    Image,
    /// A video on `YouTube`.
    YouTube,
    /// A video on Vimeo.
    Vimeo,
    /// A sound on `SoundCloud`.
    SoundCloud,
    /// A map (Google Maps, OpenStreetMap).
    Map,
    /// A document: a PDF, or a Google document, sheet or slide deck.
    Document,
    /// A post on a social network, naming the network.
    Post(&'static str),
    /// Any other address: a web page.
    Web,
}

/// The picture formats dateline decodes, by extension.
const IMAGE_EXTENSIONS: [&str; 5] = ["png", "jpg", "jpeg", "gif", "webp"];

/// The `data:` types dateline decodes.
const IMAGE_DATA_TYPES: [&str; 5] = ["png", "jpeg", "jpg", "gif", "webp"];

/// Social networks by host (without `www.`), and the name shown.
const POST_HOSTS: [(&str, &str); 9] = [
    ("twitter.com", "X"),
    ("x.com", "X"),
    ("instagram.com", "Instagram"),
    ("facebook.com", "Facebook"),
    ("fb.com", "Facebook"),
    ("bsky.app", "Bluesky"),
    ("threads.net", "Threads"),
    ("tiktok.com", "TikTok"),
    ("linkedin.com", "LinkedIn"),
];

impl MediaKind {
    /// The kind of `url`. A path with no scheme (relative to the timeline's file) is told by its
    /// extension.
    pub fn of(url: &str) -> Self {
        let url = url.trim();
        if let Some(rest) = strip_prefix_ignore_case(url, "data:") {
            let is_image = strip_prefix_ignore_case(rest, "image/").is_some_and(|rest| {
                let (subtype, _) = rest.split_once(';').unwrap_or((rest, ""));
                IMAGE_DATA_TYPES
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(subtype))
                    && rest.contains(";base64,")
            });
            return if is_image { Self::Image } else { Self::Web };
        }
        let (host, path) = host_and_path(url);
        let extension = extension(path);
        if IMAGE_EXTENSIONS.contains(&extension.as_str()) {
            return Self::Image;
        }
        let host = host.to_ascii_lowercase();
        let host = ["www.", "m.", "mobile."]
            .iter()
            .find_map(|p| host.strip_prefix(p))
            .unwrap_or(&host);
        let on = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
        let path_lower = path.to_ascii_lowercase();
        if on("youtube.com") || on("youtu.be") || on("youtube-nocookie.com") {
            Self::YouTube
        } else if on("vimeo.com") {
            Self::Vimeo
        } else if on("soundcloud.com") {
            Self::SoundCloud
        } else if is_google(host) && path_lower.starts_with("/maps")
            || host.starts_with("maps.google.")
            || host == "maps.app.goo.gl"
            || host == "goo.gl" && path_lower.starts_with("/maps")
            || on("openstreetmap.org")
            || on("osm.org")
        {
            Self::Map
        } else if extension == "pdf" || on("docs.google.com") {
            Self::Document
        } else if let Some(&(_, name)) = POST_HOSTS.iter().find(|(domain, _)| on(domain)) {
            Self::Post(name)
        } else {
            Self::Web
        }
    }

    /// Words naming the kind, for a link to it (such as "Video on `YouTube`").
    pub fn words(self) -> String {
        match self {
            Self::Image => "Image".to_owned(),
            Self::YouTube => "Video on YouTube".to_owned(),
            Self::Vimeo => "Video on Vimeo".to_owned(),
            Self::SoundCloud => "Sound on SoundCloud".to_owned(),
            Self::Map => "Map".to_owned(),
            Self::Document => "Document".to_owned(),
            Self::Post(network) => format!("Post on {network}"),
            Self::Web => "Web page".to_owned(),
        }
    }
}

/// `text` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The host (empty for a path without a scheme) and the path of an address, without its query,
/// fragment, user or port.
fn host_and_path(url: &str) -> (&str, &str) {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let Some((_, rest)) = url.split_once("://") else {
        return ("", url);
    };
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    (host, path)
}

/// The lowercase extension of a path's last segment, or an empty string.
fn extension(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a host (without `www.`) is one of Google's (`google.com`, `google.co.uk`, …).
fn is_google(host: &str) -> bool {
    host.starts_with("google.")
}

#[cfg(test)]
mod tests {
    use super::MediaKind::{self, *};

    #[test]
    fn pictures_are_told_by_their_extension() {
        for url in [
            "media/dot.png",
            "dot.PNG",
            "https://example.org/a/photo.jpg?size=large",
            "http://example.org/p.jpeg#top",
            "https://upload.wikimedia.org/x/Flag.gif",
            "pic.webp",
            "file:///tmp/a b.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:image/WEBP;base64,UklGR",
        ] {
            assert_eq!(MediaKind::of(url), Image, "{url}");
        }
        for url in [
            "https://example.org/photo.svg",
            "https://example.org/png",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png,notbase64",
            "https://example.org/a.png/page",
        ] {
            assert_ne!(MediaKind::of(url), Image, "{url}");
        }
    }

    #[test]
    fn hosted_media_are_named_by_their_site() {
        let cases = [
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YouTube),
            ("https://youtu.be/dQw4w9WgXcQ", YouTube),
            ("https://m.youtube.com/watch?v=x", YouTube),
            ("https://vimeo.com/76979871", Vimeo),
            ("https://player.vimeo.com/video/1", Vimeo),
            ("https://soundcloud.com/artist/track", SoundCloud),
            ("https://www.google.com/maps/place/Astana", Map),
            ("https://maps.google.com/?q=Astana", Map),
            ("https://www.google.co.uk/maps/@51.5,-0.1,12z", Map),
            ("https://maps.app.goo.gl/abc", Map),
            ("https://www.openstreetmap.org/#map=5/51/71", Map),
            ("https://example.org/report.pdf", Document),
            ("report.PDF", Document),
            ("https://docs.google.com/document/d/1/edit", Document),
            ("https://twitter.com/user/status/1", Post("X")),
            ("https://x.com/user/status/1", Post("X")),
            ("https://www.instagram.com/p/abc/", Post("Instagram")),
            ("https://www.facebook.com/page/posts/1", Post("Facebook")),
            ("https://bsky.app/profile/a/post/b", Post("Bluesky")),
            ("https://example.org/article", Web),
            ("https://www.google.com/search?q=maps", Web),
            ("https://notyoutube.com/watch", Web),
            ("https://user@vimeo.com:443/1", Vimeo),
            ("", Web),
            ("javascript:alert(1)", Web),
        ];
        for (url, kind) in cases {
            assert_eq!(MediaKind::of(url), kind, "{url}");
        }
    }

    #[test]
    fn every_kind_has_words() {
        assert_eq!(YouTube.words(), "Video on YouTube");
        assert_eq!(Post("X").words(), "Post on X");
        assert_eq!(Map.words(), "Map");
        assert_eq!(Web.words(), "Web page");
    }
}
