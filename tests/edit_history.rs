//! Edits as data: any sequence of edits, undone in reverse, gives back the timeline exactly (the same dateline
//! JSON), redone gives the edited one, and what is saved reads back with every field.

use std::path::Path;

use dateline::formats;
use dateline::model::edit::{self, Edit, Ids};
use dateline::model::structure;
use dateline::model::{
    DateSpec, DetailsRef, Event, Lane, LaneId, Period, Provenance, QuoteRef, Status, Tag, TagId,
    Timeline,
};
use proptest::prelude::*;

/// An edit described by numbers, made concrete against the timeline as it is when its turn comes.
#[derive(Clone, Debug)]
enum Op {
    AddEvent {
        year: i32,
        month: u8,
        lane: usize,
        tag: bool,
    },
    RemoveEvent(usize),
    Redate {
        at: usize,
        year: i32,
    },
    Retitle(usize),
    SetLane {
        at: usize,
        lane: usize,
    },
    AddPeriod {
        year: i32,
    },
    RemovePeriod(usize),
    AddLane(usize),
    RemoveLane(usize),
    RenameLane(usize),
    MoveLane {
        from: usize,
        to: usize,
    },
    AddTag(usize),
    RemoveTag(usize),
    RenameTag(usize),
    MoveTag {
        from: usize,
        to: usize,
    },
    DeleteLaneWith {
        at: usize,
        to: usize,
        delete: bool,
    },
    DeleteTagWith(usize),
    TwoAtOnce(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1900..2030i32, 0..13u8, 0..6usize, any::<bool>()).prop_map(|(year, month, lane, tag)| {
            Op::AddEvent {
                year,
                month,
                lane,
                tag,
            }
        }),
        (0..40usize).prop_map(Op::RemoveEvent),
        (0..40usize, 1900..2030i32).prop_map(|(at, year)| Op::Redate { at, year }),
        (0..40usize).prop_map(Op::Retitle),
        (0..40usize, 0..6usize).prop_map(|(at, lane)| Op::SetLane { at, lane }),
        (1900..2030i32).prop_map(|year| Op::AddPeriod { year }),
        (0..6usize).prop_map(Op::RemovePeriod),
        (0..6usize).prop_map(Op::AddLane),
        (0..6usize).prop_map(Op::RemoveLane),
        (0..6usize).prop_map(Op::RenameLane),
        (0..6usize, 0..6usize).prop_map(|(from, to)| Op::MoveLane { from, to }),
        (0..4usize).prop_map(Op::AddTag),
        (0..4usize).prop_map(Op::RemoveTag),
        (0..4usize).prop_map(Op::RenameTag),
        (0..4usize, 0..4usize).prop_map(|(from, to)| Op::MoveTag { from, to }),
        (0..6usize, 0..6usize, any::<bool>()).prop_map(|(at, to, delete)| Op::DeleteLaneWith {
            at,
            to,
            delete
        }),
        (0..4usize).prop_map(Op::DeleteTagWith),
        (0..40usize, 0..40usize).prop_map(|(a, b)| Op::TwoAtOnce(a, b)),
    ]
}

/// A small timeline with a bit of everything: lanes, tags, details, quotes, periods.
fn base() -> Timeline {
    let json = r#"{
      "format": "dateline/1", "title": "Base", "description": "For edits.",
      "lanes": [ { "id": "a", "label": "A" }, { "id": "b", "label": "B" } ],
      "tags": [ { "id": "t", "label": "T" }, { "id": "u", "label": "U" } ],
      "periods": [ { "id": "era", "title": "An era", "date": "1950/1960", "lane": "a", "provenance": "context" } ],
      "events": [
        { "id": "one", "title": "One", "date": "1974-12-20", "lane": "a", "tags": ["t", "u"],
          "summary": "S", "note": "N", "people": ["P"], "places": ["Q"],
          "quotes": [ { "text": "Said.", "speaker": "Her", "at": 12 } ], "provenance": "article",
          "sources": [ { "label": "L", "url": "https://example.org" } ] },
        { "id": "two", "title": "Two", "date": "1974-12-20", "lane": "b", "status": "planned" },
        { "id": "three", "title": "Three", "date": "2015~", "lane": "b", "tags": ["u"], "provenance": "context" }
      ]
    }"#;
    formats::load_str(json, Path::new("base.json")).expect("the base timeline is valid")
}

fn event(ids: &Ids, base: &str, date: &str, lane: usize, tags: &[TagId]) -> Event {
    let id = ids.fresh(base);
    let details = DetailsRef {
        summary: "made by an edit",
        quotes: std::iter::once(QuoteRef::new("words")).collect(),
        ..DetailsRef::default()
    };
    let mut e = Event::new(
        &id,
        &format!("Title of {id}"),
        DateSpec::parse(date).unwrap(),
        tags,
        &details,
    );
    e.lane = LaneId(lane as u16);
    e.status = Status::Occurred;
    e.provenance = Provenance::Article;
    e
}

/// The concrete edit for `op` on `t`, or `None` when it names nothing there.
fn concrete(t: &Timeline, ids: &Ids, op: &Op, n: &mut usize) -> Option<Edit> {
    *n += 1;
    let lanes = t.lanes.len();
    let events = t.events.len();
    let date = |year: i32, month: u8| {
        if month == 0 {
            format!("{year}")
        } else {
            format!("{year}-{month:02}")
        }
    };
    Some(match *op {
        Op::AddEvent {
            year,
            month,
            lane,
            tag,
        } => {
            let tags: Vec<TagId> = if tag && !t.tags.is_empty() {
                vec![TagId(0)]
            } else {
                Vec::new()
            };
            Edit::InsertEvent {
                at: None,
                event: event(
                    ids,
                    &format!("e{n}"),
                    &date(year, month),
                    lane % lanes.max(1),
                    &tags,
                ),
            }
        }
        Op::RemoveEvent(i) if events > 0 => Edit::RemoveEvent { at: i % events },
        Op::Redate { at, year } if events > 0 => {
            let old = &t.events[at % events];
            let mut new = Event::new(
                old.id(),
                old.title(),
                DateSpec::parse(&date(year, 3)).unwrap(),
                &old.tags().collect::<Vec<_>>(),
                &old.details_ref(),
            );
            new.lane = old.lane;
            new.status = old.status;
            new.provenance = old.provenance;
            Edit::ReplaceEvent {
                at: at % events,
                event: new,
                to: None,
            }
        }
        Op::Retitle(i) if events > 0 => {
            let old = &t.events[i % events];
            let mut new = Event::new(
                &ids.fresh(&format!("r{n}")),
                &format!("{} again", old.title()),
                old.when,
                &old.tags().collect::<Vec<_>>(),
                &old.details_ref(),
            );
            new.lane = old.lane;
            Edit::ReplaceEvent {
                at: i % events,
                event: new,
                to: None,
            }
        }
        Op::SetLane { at, lane } if events > 0 && lanes > 0 => {
            Edit::SetLanes(vec![(at % events, LaneId((lane % lanes) as u16))])
        }
        Op::AddPeriod { year } => Edit::InsertPeriod {
            at: None,
            period: Period {
                id: ids.fresh(&format!("p{n}")),
                title: format!("Period {n}"),
                when: DateSpec::parse(&format!("{year}/{}", year + 3)).unwrap(),
                lane: None,
                summary: String::new(),
                provenance: Provenance::Unstated,
                sources: Vec::new(),
            },
        },
        Op::RemovePeriod(i) if !t.periods.is_empty() => Edit::RemovePeriod {
            at: i % t.periods.len(),
        },
        Op::AddLane(at) => Edit::InsertLane {
            at: at % (lanes + 1),
            lane: Lane {
                id: format!("lane{n}"),
                label: format!("Lane {n}"),
            },
        },
        Op::RemoveLane(at) if lanes > 0 => Edit::RemoveLane { at: at % lanes },
        Op::RenameLane(at) if lanes > 0 => Edit::ReplaceLane {
            at: at % lanes,
            lane: Lane {
                id: format!("renamed{n}"),
                label: format!("Renamed {n}"),
            },
        },
        Op::MoveLane { from, to } if lanes > 0 => Edit::MoveLane {
            from: from % lanes,
            to: to % lanes,
        },
        Op::MoveTag { from, to } if !t.tags.is_empty() => Edit::MoveTag {
            from: from % t.tags.len(),
            to: to % t.tags.len(),
        },
        Op::DeleteLaneWith { at, to, delete } if lanes > 1 => {
            let fate = if delete {
                structure::LaneFate::DeleteWith
            } else {
                structure::LaneFate::MoveTo((at + 1 + to % (lanes - 1)) % lanes)
            };
            structure::remove_lane(t, at % lanes, fate)
        }
        Op::DeleteTagWith(at) if !t.tags.is_empty() => structure::remove_tag(t, at % t.tags.len()),
        Op::AddTag(at) => Edit::InsertTag {
            at: at % (t.tags.len() + 1),
            tag: Tag {
                id: format!("tag{n}"),
                label: format!("Tag {n}"),
            },
        },
        Op::RemoveTag(at) if !t.tags.is_empty() => Edit::RemoveTag {
            at: at % t.tags.len(),
        },
        Op::RenameTag(at) if !t.tags.is_empty() => Edit::ReplaceTag {
            at: at % t.tags.len(),
            tag: Tag {
                id: format!("tagged{n}"),
                label: format!("Tagged {n}"),
            },
        },
        Op::TwoAtOnce(a, b) if events > 1 && lanes > 0 => Edit::Batch(vec![
            Edit::SetLanes(vec![(a % events, LaneId(0))]),
            Edit::RemoveEvent { at: b % events },
        ]),
        _ => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undoing_every_edit_gives_back_the_timeline_and_redoing_gives_the_edited_one(
        ops in proptest::collection::vec(op(), 1..40)
    ) {
        let original = base();
        let original_json = formats::native::to_string(&original);
        let mut t = original.clone();
        let mut ids = Ids::of(&t);
        let mut done = Vec::new();
        let mut n = 0;
        for op in &ops {
            let Some(e) = concrete(&t, &ids, op, &mut n) else { continue };
            let before = t.clone();
            if let Ok(applied) = edit::apply(&mut t, &mut ids, e.clone()) {
                done.push((e, applied.inverse));
            } else {
                // A refused edit changes nothing.
                prop_assert_eq!(&t, &before);
            }
            prop_assert_eq!(&ids, &Ids::of(&t));
            prop_assert!(t.events.is_sorted_by_key(|e| e.when.first_day()));
        }
        let edited = t.clone();
        let edited_json = formats::native::to_string(&edited);
        // Saved and read back: every field kept.
        let back = formats::load_str(&edited_json, Path::new("edited.json"));
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(formats::native::to_string(&back.unwrap()), edited_json.clone());
        // Undo all, newest first.
        for (_, inverse) in done.iter().rev() {
            let applied = edit::apply(&mut t, &mut ids, inverse.clone());
            prop_assert!(applied.is_ok(), "an undo was refused: {:?}", applied.err());
        }
        prop_assert_eq!(formats::native::to_string(&t), original_json);
        prop_assert_eq!(&t, &original);
        // Redo all, oldest first.
        for (forward, _) in &done {
            let applied = edit::apply(&mut t, &mut ids, forward.clone());
            prop_assert!(applied.is_ok(), "a redo was refused: {:?}", applied.err());
        }
        prop_assert_eq!(formats::native::to_string(&t), edited_json);
    }
}
