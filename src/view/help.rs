//! The keyboard help: every shortcut in one place.

/// Every shortcut and what it does.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Left / Right arrow", "previous / next event in time"),
    (
        "Tab",
        "menus, search, timeline, event list, then the rest (the timeline and the list are one stop each)",
    ),
    (
        "Up / Down (in the timeline)",
        "the nearest event in the lane above / below",
    ),
    ("Up / Down (in the list)", "previous / next event"),
    ("Home / End (in the timeline or list)", "first / last event"),
    (
        "Enter (in the timeline or list)",
        "show the event's details",
    ),
    (
        "F, Home, or double-click above the lanes",
        "fit everything in view",
    ),
    ("+ / -", "zoom in / out"),
    ("S", "scale for stories: compress long empty stretches"),
    ("Mouse wheel, pinch", "zoom around the pointer"),
    ("Drag empty space", "pan"),
    ("Drag the overview", "pan; drag its edges to zoom"),
    ("Click an event", "read its details"),
    ("Click a cluster", "zoom into it"),
    ("Esc", "clear the search, then the selection"),
    ("Ctrl+F or /", "search"),
    ("Enter / Shift+Enter", "next / previous match"),
    ("T", "show the source text"),
    ("N, or double-click in a lane", "new event"),
    ("E, or double-click an event", "edit the selected event"),
    (
        "Drag an event",
        "change its date (in steps of its precision) or lane",
    ),
    ("Drag a span's end", "change that end"),
    ("Delete", "delete the selected event"),
    ("Ctrl+D", "duplicate the selected event"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
    ("Ctrl+S / Ctrl+Shift+S", "save / save as"),
    ("A / R", "accept / reject the selected draft"),
    ("J", "next draft to review"),
    (
        "M",
        "make an event from the words selected in the source text",
    ),
    ("Ctrl+O", "open a timeline file (a text file is drafted)"),
    ("Drop a file on the window", "open it"),
    (
        "Open a spreadsheet of your own",
        "a dialog shows which column is which and the first rows; change them, then Open",
    ),
    ("?", "this help"),
    ("P", "present: story mode, one event at a time"),
    ("Right / Space, Left", "story mode: next / previous event"),
    ("Home (story mode)", "the title slide"),
    ("Esc (story mode)", "leave story mode"),
    ("F11", "full screen"),
];

/// Shows the help window while `open` is true.
pub fn help_window(ctx: &egui::Context, open: &mut bool) {
    let id = egui::Id::unique("dateline-help-window");
    egui::Window::new("Keyboard shortcuts")
        .id(id)
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for &(keys, what) in SHORTCUTS {
                        ui.strong(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
    super::nodes::name_window_title(ctx, id, "Keyboard shortcuts");
}
