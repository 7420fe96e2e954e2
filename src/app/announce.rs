//! What the window says aloud: a new selection, a search's match count, a filter's "N of M events
//! shown" and a zoom's new range, told in a live region of the status bar (AccessKit's polite live
//! region, which screen readers read out when it changes), and seen there too. Errors and notices are
//! live regions of their own, where they are shown.

/// What the window last told, and what it was telling about.
#[derive(Debug, Default)]
pub struct Announcer {
    /// The words in the live region.
    pub text: String,
    last: Option<Seen>,
}

/// What an announcement is about, as of one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seen {
    /// The selected event's name (see `view::access::event_name`), when one is selected.
    pub selection: Option<String>,
    /// The search and how many events match it.
    pub search: (String, usize),
    /// How many events pass the filters, and how many there are.
    pub shown: (usize, usize),
    /// The range in view in words, when a zoom asked for a new one this frame.
    pub zoomed_to: Option<String>,
}

impl Announcer {
    /// Compares this frame's `now` with the last and tells what changed; returns whether it told
    /// anything.
    pub fn observe(&mut self, now: Seen) -> bool {
        let Some(last) = self.last.take() else {
            self.last = Some(now);
            return false;
        };
        let told = self.tell(&last, &now);
        self.last = Some(now);
        told
    }

    fn tell(&mut self, last: &Seen, now: &Seen) -> bool {
        let mut said: Vec<String> = Vec::new();
        if now.search != last.search && !now.search.0.is_empty() {
            let query = crate::view::elide::one_line(&now.search.0, 60);
            said.push(match now.search.1 {
                0 => format!("No event matches “{query}”"),
                1 => format!("1 event matches “{query}”"),
                n => format!("{n} events match “{query}”"),
            });
        } else if now.shown != last.shown && now.search.0.is_empty() {
            let (shown, total) = now.shown;
            said.push(if shown == total {
                format!("All {total} events shown")
            } else {
                format!("{shown} of {total} events shown")
            });
        }
        if now.selection != last.selection
            && let Some(name) = &now.selection
        {
            said.push(format!("Selected: {name}"));
        }
        if let Some(range) = &now.zoomed_to
            && said.is_empty()
        {
            said.push(range.clone());
        }
        if said.is_empty() {
            return false;
        }
        self.text = said.join(". ");
        true
    }
}

/// Shows the live region: its words, read out by screen readers each time they change.
pub fn live_region_ui(ui: &mut egui::Ui, text: &str) {
    let response = ui.label(if text.is_empty() { " " } else { text });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen() -> Seen {
        Seen {
            shown: (17, 17),
            ..Seen::default()
        }
    }

    #[test]
    fn the_first_frame_says_nothing_and_a_selection_is_told() {
        let mut a = Announcer::default();
        assert!(!a.observe(seen()));
        let mut now = seen();
        now.selection = Some("Kazakhstan joins the WTO, 30 November 2015".into());
        assert!(a.observe(now.clone()));
        assert_eq!(
            a.text,
            "Selected: Kazakhstan joins the WTO, 30 November 2015"
        );
        // The same again says nothing new.
        assert!(!a.observe(now));
    }

    #[test]
    fn searches_filters_and_zooms_are_told() {
        let mut a = Announcer::default();
        a.observe(seen());
        let mut now = seen();
        now.search = ("wto".into(), 3);
        assert!(a.observe(now.clone()));
        assert_eq!(a.text, "3 events match “wto”");
        now.search = ("wtoo".into(), 0);
        a.observe(now.clone());
        assert_eq!(a.text, "No event matches “wtoo”");
        now.search = (String::new(), 17);
        now.shown = (12, 17);
        a.observe(now.clone());
        assert_eq!(a.text, "12 of 17 events shown");
        now.zoomed_to = Some("Showing 1990 to 2000".into());
        a.observe(now.clone());
        assert_eq!(a.text, "Showing 1990 to 2000");
        // A zoom while something else is told leaves it to that.
        now.shown = (13, 17);
        a.observe(now);
        assert_eq!(a.text, "13 of 17 events shown");
    }
}
