//! The window as a screen reader and a keyboard-only user meet it, through its AccessKit tree: every
//! focusable node named, the timeline one Tab stop with the arrows inside it, one node per event with a
//! stable id and the selected and focused states, lanes as groups, periods and the range in view, the
//! list's places, and announcements in a live region.

mod common;

use dateline::app::DatelineApp;
use dateline::view::nodes::event_node_id;
use egui::accesskit::{Action, Live, Role};
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};

/// Every node under `node`, itself included.
fn all_nodes(node: Node<'_>) -> Vec<Node<'_>> {
    let mut out = vec![node];
    out.extend(node.children_recursive());
    out
}

/// A node's name as a screen reader would read it: its label, else its value (egui names labels by
/// their value), else what labels it.
fn name_of(node: &Node<'_>) -> Option<String> {
    let data = node.accesskit_node();
    let data = data.data();
    data.label()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .or_else(|| {
            data.value()
                .filter(|v| !v.trim().is_empty())
                .map(str::to_owned)
        })
        .or_else(|| (!data.labelled_by().is_empty()).then(|| "(labelled by)".to_owned()))
}

fn is_focusable(node: &Node<'_>) -> bool {
    node.accesskit_node().data().supports_action(Action::Focus)
}

/// The timeline's list box.
fn timeline_node<'t>(h: &'t Harness<'static, DatelineApp>) -> Node<'t> {
    h.get_all_by_role(Role::ListBox)
        .find(|n| name_of(n).is_some_and(|l| l.starts_with("Timeline, ")))
        .expect("the timeline is a named list box")
}

/// The id of the node the keyboard focus is on, when any.
fn focused_name(h: &Harness<'static, DatelineApp>) -> Option<String> {
    all_nodes(h.root())
        .into_iter()
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| name_of(&n))
}

/// Runs frames until the window is still (a scroll to the focused row may take a few).
fn settle(h: &mut Harness<'static, DatelineApp>) {
    h.run_steps(12);
}

/// Presses Tab until the focus is in the timeline; returns how many presses it took.
fn tab_into_timeline(h: &mut Harness<'static, DatelineApp>) -> usize {
    for presses in 1..=40 {
        h.key_press(egui::Key::Tab);
        settle(h);
        let timeline = timeline_node(h);
        if all_nodes(timeline)
            .iter()
            .any(|n| n.accesskit_node().is_focused())
        {
            return presses;
        }
    }
    panic!("Tab never reached the timeline");
}

#[test]
fn no_focusable_node_is_without_a_name() {
    let mut h = common::harness();
    // With an event selected, its details are open too.
    h.state_mut()
        .apply(dateline::app::command::Command::Step(1));
    settle(&mut h);
    assert_all_named(&h, "an event selected");
    // The window is named, and the menu bar is a named menu bar of menu items.
    assert!(name_of(&h.root()).is_some_and(|n| n.contains("dateline")));
    let bar = h.get_by_role(Role::MenuBar);
    assert_eq!(name_of(&bar).as_deref(), Some("Menu bar"));
    assert!(bar.get_all_by_role(Role::MenuItem).count() >= 4);
    // The details title is a heading.
    let title = h.state().timeline().events[h.state().selected().unwrap()]
        .title()
        .to_owned();
    let heading = h.get_by_role(Role::Heading);
    assert_eq!(name_of(&heading).as_deref(), Some(title.as_str()));
    // The editor, the source text and the help window name theirs too.
    h.key_press(egui::Key::E);
    settle(&mut h);
    assert!(h.state().is_editing());
    assert_all_named(&h, "the editor open");
    h.key_press(egui::Key::Escape);
    h.key_press(egui::Key::T);
    settle(&mut h);
    assert_all_named(&h, "the source text shown");
    h.key_press(egui::Key::Questionmark);
    settle(&mut h);
    assert_all_named(&h, "the help window open");
}

/// Fails, naming their roles, when a focusable node has no name.
fn assert_all_named(h: &Harness<'static, DatelineApp>, when: &str) {
    let unnamed: Vec<String> = all_nodes(h.root())
        .iter()
        .filter(|n| is_focusable(n) && name_of(n).is_none())
        .map(|n| format!("{:?} at {:?}", n.accesskit_node().role(), n.rect()))
        .collect();
    assert!(
        unnamed.is_empty(),
        "{when}: focusable nodes without a name: {unnamed:?}"
    );
}

#[test]
fn the_timeline_is_one_tab_stop_a_few_tabs_from_the_start() {
    let mut h = common::harness();
    let presses = tab_into_timeline(&mut h);
    assert!(
        presses <= 8,
        "the timeline is {presses} Tabs from the start"
    );
    // Its stop is named with what it shows.
    let name = focused_name(&h).expect("the focused node is named");
    assert!(name.starts_with("Timeline, 17 events, "), "{name}");
    // One more Tab leaves it (there is no second stop inside), and Shift+Tab comes back to it.
    h.key_press(egui::Key::Tab);
    settle(&mut h);
    assert!(
        !all_nodes(timeline_node(&h))
            .iter()
            .any(|n| n.accesskit_node().is_focused()),
        "one Tab leaves the timeline"
    );
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    settle(&mut h);
    assert!(focused_name(&h).is_some_and(|n| n.starts_with("Timeline, ")));
    // With an event selected, its node is the stop, and still the only one.
    h.key_press(egui::Key::ArrowRight);
    settle(&mut h);
    h.key_press(egui::Key::Tab);
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    settle(&mut h);
    let i = h.state().selected().expect("Right selected an event");
    let title = h.state().timeline().events[i].title().to_owned();
    assert!(focused_name(&h).is_some_and(|n| n.starts_with(&title)));
}

#[test]
fn arrows_move_focus_and_selection_together_after_tab() {
    let mut h = common::harness();
    tab_into_timeline(&mut h);
    let mut seen = Vec::new();
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowRight);
        settle(&mut h);
        let i = h.state().selected().expect("Right selects an event");
        let id = h.state().timeline().events[i].id().to_owned();
        let node = all_nodes(h.root())
            .into_iter()
            .find(|n| n.accesskit_node().locate().0 == event_node_id(&id).accesskit_id())
            .expect("the selected event has a node");
        assert!(node.accesskit_node().is_focused(), "the focus is on it");
        assert!(node.accesskit_node().data().is_selected() == Some(true));
        seen.push(i);
    }
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "in time order: {seen:?}"
    );
    h.key_press(egui::Key::ArrowLeft);
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(seen[1]));
    assert!(
        focused_name(&h)
            .is_some_and(|n| n.starts_with(h.state().timeline().events[seen[1]].title()))
    );
    // End and Home: the last and the first shown event, the focus with them.
    h.key_press(egui::Key::End);
    settle(&mut h);
    let last = *h.state().listed().last().unwrap();
    assert_eq!(h.state().selected(), Some(last));
    h.key_press(egui::Key::Home);
    settle(&mut h);
    let first = h.state().listed()[0];
    assert_eq!(h.state().selected(), Some(first));
    assert!(
        focused_name(&h).is_some_and(|n| n.starts_with(h.state().timeline().events[first].title()))
    );
    // Down goes to another lane, keeping the focus in the timeline.
    let lane = h.state().timeline().events[first].lane;
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    let below = h.state().selected().unwrap();
    assert_ne!(
        h.state().timeline().events[below].lane,
        lane,
        "Down changes lane"
    );
    assert!(
        focused_name(&h).is_some_and(|n| n.starts_with(h.state().timeline().events[below].title()))
    );
}

#[test]
fn every_event_in_view_has_one_node_whose_id_survives_a_zoom() {
    let mut h = common::harness();
    let ids_in_view = |h: &Harness<'static, DatelineApp>| -> Vec<(String, usize)> {
        let nodes = all_nodes(timeline_node(h));
        h.state()
            .timeline()
            .events
            .iter()
            .map(|e| {
                let id = event_node_id(e.id()).accesskit_id();
                let n = nodes
                    .iter()
                    .filter(|n| n.accesskit_node().locate().0 == id)
                    .count();
                (e.id().to_owned(), n)
            })
            .collect()
    };
    let before = ids_in_view(&h);
    assert!(
        before.iter().all(|(_, n)| *n <= 1),
        "never two nodes for one event"
    );
    let named = before.iter().filter(|(_, n)| *n == 1).count();
    let clusters = timeline_node(&h)
        .get_all_by_role(Role::ListBoxOption)
        .filter(|n| name_of(n).is_some_and(|l| l.starts_with("Cluster of ")))
        .count();
    assert!(
        named >= 10,
        "most events have a node of their own ({named}, {clusters} clusters)"
    );
    // A node is named "title, date in words, lane, status".
    let wto = h
        .state()
        .timeline()
        .events
        .iter()
        .find(|e| e.when.short_label() == "30 Nov 2015")
        .expect("the WTO entry")
        .clone();
    let node = all_nodes(h.root())
        .into_iter()
        .find(|n| n.accesskit_node().locate().0 == event_node_id(wto.id()).accesskit_id())
        .expect("the WTO entry has a node");
    let name = name_of(&node).unwrap();
    assert!(name.starts_with(wto.title()), "{name}");
    assert!(name.contains(", 30 November 2015, "), "{name}");
    // It is inside its lane's group.
    let lane = h.state().timeline().lane_label(wto.lane).to_owned();
    let group = node.parent().expect("a parent");
    assert_eq!(group.accesskit_node().role(), Role::Group);
    assert!(name_of(&group).is_some_and(|g| g.starts_with(&format!("Lane {lane}, "))));
    // Zooming in keeps the ids of the events still in view.
    h.key_press(egui::Key::Plus);
    settle(&mut h);
    let after = ids_in_view(&h);
    let kept = before
        .iter()
        .zip(&after)
        .filter(|((_, b), (_, a))| *b == 1 && *a == 1)
        .count();
    assert!(
        kept >= 3,
        "events in view before and after keep their node ({kept})"
    );
    assert!(after.iter().all(|(_, n)| *n <= 1));
}

#[test]
fn periods_the_range_and_today_are_read() {
    let h = common::harness();
    let timeline = timeline_node(&h);
    let names: Vec<String> = all_nodes(timeline).iter().filter_map(name_of).collect();
    let periods = h.state().timeline().periods.len();
    assert!(periods > 0);
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Period: ")).count(),
        periods,
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("Period: Cold War, from ")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("Showing ") && n.contains(" to ")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.starts_with("Today, ")), "{names:?}");
}

#[test]
fn the_event_list_is_a_list_box_whose_rows_know_their_place() {
    let mut h = common::harness();
    let list = h
        .get_all_by_role(Role::ListBox)
        .find(|n| name_of(n).is_some_and(|l| l.starts_with("Events")))
        .expect("the event list is a list box");
    let rows: Vec<_> = list.get_all_by_role(Role::ListBoxOption).collect();
    let first_row = rows[0].rect();
    assert!(!rows.is_empty());
    let total = h.state().listed().len();
    for (k, row) in rows.iter().enumerate() {
        let data = row.accesskit_node();
        assert_eq!(data.data().size_of_set(), Some(total));
        assert_eq!(data.data().position_in_set(), Some(k + 1));
    }
    // One Tab stop: only one row takes the focus.
    assert_eq!(rows.iter().filter(|r| is_focusable(r)).count(), 1);
    drop(rows);
    // In the list, Down selects the next event and the focus follows.
    let first = h.state().listed()[0];
    let second = h.state().listed()[1];
    h.hover_at(first_row.center());
    h.run();
    h.get_all_by_role(Role::ListBoxOption)
        .find(|n| n.rect() == first_row)
        .expect("the first row")
        .click();
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(first));
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    assert_eq!(h.state().selected(), Some(second));
    let focused = all_nodes(h.root())
        .into_iter()
        .find(|n| n.accesskit_node().is_focused())
        .expect("something has the focus");
    assert_eq!(focused.accesskit_node().role(), Role::ListBoxOption);
    assert_eq!(focused.accesskit_node().data().position_in_set(), Some(2));
}

#[test]
fn a_selection_a_search_and_a_zoom_are_announced() {
    let mut h = common::harness();
    let live = |h: &Harness<'static, DatelineApp>| -> String {
        all_nodes(h.root())
            .iter()
            .find(|n| n.accesskit_node().data().live() == Some(Live::Polite))
            .and_then(name_of)
            .unwrap_or_default()
    };
    h.key_press(egui::Key::ArrowRight);
    settle(&mut h);
    let i = h.state().selected().expect("Right selects");
    let said = live(&h);
    assert!(
        said.starts_with(&format!(
            "Selected: {}",
            h.state().timeline().events[i].title()
        )),
        "{said}"
    );
    h.key_press(egui::Key::Minus);
    settle(&mut h);
    assert!(live(&h).starts_with("Showing "), "{}", live(&h));
    h.get_by_label("Search").click();
    settle(&mut h);
    h.get_by_label("Search").type_text("WTO");
    settle(&mut h);
    let said = live(&h);
    assert!(said.ends_with("match “WTO”"), "{said}");
}

#[test]
fn shortcuts_work_whatever_has_the_focus_and_arrows_do_not_move_it() {
    let mut h = common::harness();
    tab_into_timeline(&mut h);
    // Two more Tabs: past the list, onto a button of the title bar.
    h.key_press(egui::Key::Tab);
    settle(&mut h);
    h.key_press(egui::Key::Tab);
    settle(&mut h);
    let on = focused_name(&h).expect("a button has the focus");
    assert!(!on.starts_with("Timeline, "), "{on}");
    assert!(h.state().selected().is_none());
    let range = h.state().view_range().unwrap();
    h.key_press(egui::Key::ArrowRight);
    settle(&mut h);
    assert!(
        h.state().selected().is_some(),
        "Right selects, whatever has the focus"
    );
    assert_eq!(
        focused_name(&h).as_deref(),
        Some(on.as_str()),
        "and does not move the focus"
    );
    h.key_press(egui::Key::Plus);
    settle(&mut h);
    let zoomed = h.state().view_range().unwrap();
    assert!(zoomed.1 - zoomed.0 < range.1 - range.0, "+ zooms in");
}
