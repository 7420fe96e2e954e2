//! Where the keyboard is. The timeline and the event list are one Tab stop each, with the arrow keys
//! moving inside them (the roving focus of WAI-ARIA's list box pattern): the selected event's node is the
//! stop, and when the selection moves while the keyboard is there, the focus moves with it. Both stops
//! are put in the Tab order right after the search box, so Tab goes menu, search, timeline, list, and on.

/// Where the keyboard focus is at the start of a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Region {
    /// Nothing has the focus.
    #[default]
    Nowhere,
    /// The timeline's Tab stop.
    Timeline,
    /// The event list's Tab stop.
    List,
    /// A text field: it keeps its keys.
    TextField,
    /// Another widget (a button, a checkbox).
    Elsewhere,
}

/// The Tab stops of the timeline and the list as last drawn, and where the focus is.
#[derive(Debug, Default)]
pub struct Focus {
    /// The timeline's Tab stop, as last drawn.
    pub timeline_stop: Option<egui::Id>,
    /// The list's Tab stop, as last drawn.
    pub list_stop: Option<egui::Id>,
    /// Where the focus is this frame.
    pub region: Region,
    /// The region whose stop takes the focus this frame (the selection moved while it was there).
    take: Option<Region>,
    /// The region whose stop takes the focus on the next frame.
    pub pending: Option<Region>,
}

impl Focus {
    /// Reads where the focus is, at the start of a frame.
    pub fn read(&mut self, ctx: &egui::Context) {
        self.take = self.pending.take();
        let focused = ctx.memory(egui::Memory::focused);
        self.region = match focused {
            None => Region::Nowhere,
            Some(_) if ctx.text_edit_focused() => Region::TextField,
            Some(id) if Some(id) == self.timeline_stop => Region::Timeline,
            Some(id) if Some(id) == self.list_stop => Region::List,
            Some(_) => Region::Elsewhere,
        };
        // A focused widget that is not a text field leaves the arrow keys to the app's shortcuts (egui
        // would move the focus with them).
        if let Some(id) = focused
            && self.region != Region::TextField
        {
            ctx.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    },
                );
            });
        }
    }

    /// Puts the timeline's and the list's stops in the Tab order here (right after the search box).
    pub fn register_stops(&self, ui: &egui::Ui) {
        let layer = egui::LayerId::background();
        for id in [self.timeline_stop, self.list_stop].into_iter().flatten() {
            ui.ctx().memory_mut(|m| m.interested_in_focus(id, layer));
        }
    }

    /// After the frame's commands: when the selection moved while the keyboard was in the timeline or
    /// the list, its stop takes the focus on the next frame.
    pub fn follow_selection(&mut self, moved: bool) {
        if moved && matches!(self.region, Region::Timeline | Region::List) && self.pending.is_none()
        {
            self.pending = Some(self.region);
        }
    }

    /// Whether `region`'s stop is to take the focus this frame; asked once per frame by each region.
    pub fn takes(&self, region: Region) -> bool {
        self.take == Some(region)
    }
}
