//! A picture, video, map, document or post shown with an event, as `TimelineJS` slides carry one: its
//! address and the words around it. Only the address is required; every other part is kept as the file
//! gives it, so that writing the event back loses nothing.

/// The media of an event (`TimelineJS`'s `media` object, and `TimelineJS` 2's `asset`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Media {
    /// Where it is: a web address, or a path relative to the timeline's file.
    pub url: String,
    /// A sentence shown under it.
    pub caption: Option<String>,
    /// Who made it or holds its rights.
    pub credit: Option<String>,
    /// A smaller picture standing for it (`TimelineJS` shows it in its navigation bar).
    pub thumbnail: Option<String>,
    /// What it shows, for someone who cannot see it.
    pub alt: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Where a click on it leads.
    pub link: Option<String>,
    /// The browser window the link opens in (`_blank`, …), as `TimelineJS` writes it.
    pub link_target: Option<String>,
}

/// The same parts as borrowed text, to build and read an event without copying (see [`Media`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MediaRef<'a> {
    /// Where it is.
    pub url: &'a str,
    /// A sentence shown under it.
    pub caption: Option<&'a str>,
    /// Who made it.
    pub credit: Option<&'a str>,
    /// A smaller picture standing for it.
    pub thumbnail: Option<&'a str>,
    /// What it shows, in words.
    pub alt: Option<&'a str>,
    /// Its title.
    pub title: Option<&'a str>,
    /// Where a click on it leads.
    pub link: Option<&'a str>,
    /// The browser window the link opens in.
    pub link_target: Option<&'a str>,
}

impl Media {
    /// Media at `url` with nothing else said about it.
    pub fn at(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            ..Self::default()
        }
    }

    /// The same media as borrowed text.
    pub fn borrowed(&self) -> MediaRef<'_> {
        MediaRef {
            url: &self.url,
            caption: self.caption.as_deref(),
            credit: self.credit.as_deref(),
            thumbnail: self.thumbnail.as_deref(),
            alt: self.alt.as_deref(),
            title: self.title.as_deref(),
            link: self.link.as_deref(),
            link_target: self.link_target.as_deref(),
        }
    }

    /// Whether nothing at all is said: no address and no words.
    pub fn is_empty(&self) -> bool {
        self.borrowed().is_empty()
    }
}

impl MediaRef<'_> {
    /// An owned copy.
    pub fn to_owned_media(&self) -> Media {
        Media {
            url: self.url.to_owned(),
            caption: self.caption.map(str::to_owned),
            credit: self.credit.map(str::to_owned),
            thumbnail: self.thumbnail.map(str::to_owned),
            alt: self.alt.map(str::to_owned),
            title: self.title.map(str::to_owned),
            link: self.link.map(str::to_owned),
            link_target: self.link_target.map(str::to_owned),
        }
    }

    /// The optional parts in a fixed order (caption, credit, thumbnail, alt, title, link, link target),
    /// as they are stored.
    pub fn optional_parts(&self) -> [Option<&str>; 7] {
        [
            self.caption,
            self.credit,
            self.thumbnail,
            self.alt,
            self.title,
            self.link,
            self.link_target,
        ]
    }

    /// Media from its address and the parts of [`optional_parts`](Self::optional_parts), in that order.
    pub fn from_parts<'a>(url: &'a str, parts: [Option<&'a str>; 7]) -> MediaRef<'a> {
        let [caption, credit, thumbnail, alt, title, link, link_target] = parts;
        MediaRef {
            url,
            caption,
            credit,
            thumbnail,
            alt,
            title,
            link,
            link_target,
        }
    }

    /// Whether nothing at all is said: no address and no words.
    pub fn is_empty(&self) -> bool {
        self.url.is_empty() && self.optional_parts().iter().all(Option::is_none)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_and_borrowed_media_are_the_same() {
        let media = Media {
            url: "media/dot.png".into(),
            caption: Some("A dot".into()),
            credit: Some("Me".into()),
            thumbnail: Some("t.png".into()),
            alt: Some("A black dot".into()),
            title: Some("Dot".into()),
            link: Some("https://example.org".into()),
            link_target: Some("_blank".into()),
        };
        let back = media.borrowed();
        assert_eq!(back.to_owned_media(), media);
        assert_eq!(MediaRef::from_parts(back.url, back.optional_parts()), back);
        assert!(!media.is_empty());
        assert!(Media::default().is_empty());
        assert!(!Media::at("x").is_empty());
    }
}
