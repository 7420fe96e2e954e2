//! Criterion benchmarks of the hot paths: the index query, clustering, label stacking, and loading.
#![allow(
    missing_docs,
    reason = "criterion's macros generate undocumented functions"
)]

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use dateline::generate;
use dateline::view::index::EventIndex;
use dateline::view::layout;
use dateline::view::mapping::TimeMapping;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

fn hot_paths(c: &mut Criterion) {
    let timeline = generate::generate(200_000, 1);
    let index = EventIndex::build(
        &timeline,
        TODAY,
        &dateline::view::scale::Scale::linear(),
        |_| true,
    );
    let (s, e) = index.extent.unwrap_or((0.0, 1.0));
    let everything = TimeMapping::new(s, e, 0.0, 1200.0);
    let month = TimeMapping::new(s + (e - s) / 2.0, s + (e - s) / 2.0 + 30.0, 0.0, 1200.0);

    c.bench_function("index query, one lane, one month of 200k", |b| {
        b.iter(|| {
            black_box(
                index.lanes[0]
                    .visible(month.start_days, month.end_days)
                    .count(),
            )
        });
    });
    c.bench_function("clustering, all lanes, everything in view of 200k", |b| {
        b.iter(|| {
            let n: usize = index
                .lanes
                .iter()
                .map(|l| layout::lane_marks(l, &everything, layout::MERGE_POINTS).len())
                .sum();
            black_box(n)
        });
    });
    c.bench_function("clustering, all lanes, one month of 200k", |b| {
        b.iter(|| {
            let n: usize = index
                .lanes
                .iter()
                .map(|l| layout::lane_marks(l, &month, layout::MERGE_POINTS).len())
                .sum();
            black_box(n)
        });
    });
    let labels: Vec<layout::LabelRequest> = (0..600)
        .map(|i| {
            let anchor = i as f32 * 2.0;
            layout::LabelRequest {
                anchor,
                after_x: anchor - 6.0,
                before_end: anchor + 6.0,
                width: 80.0 + (i % 7) as f32 * 10.0,
                priority: (i % 4) as u32,
            }
        })
        .collect();
    let area = layout::LabelArea {
        left: 0.0,
        right: 1200.0,
        rows: 6,
        gap: 8.0,
        min_width: 36.0,
        walls: vec![900.0],
        blocked: Vec::new(),
    };
    c.bench_function("label placing, 600 labels in 6 rows", |b| {
        b.iter(|| black_box(layout::place_labels(&labels, &area)));
    });
    c.bench_function("index build, 200k events", |b| {
        b.iter(|| {
            black_box(
                EventIndex::build(
                    &timeline,
                    TODAY,
                    &dateline::view::scale::Scale::linear(),
                    |_| true,
                )
                .len(),
            )
        });
    });

    let text = serde_json::to_string(&generate::generate_raw(20_000, 2)).unwrap_or_default();
    let mut group = c.benchmark_group("loading 20k events");
    group.sample_size(20);
    group.bench_function(
        "serde_json into the file's raw structs, no validation",
        |b| {
            b.iter(|| {
                black_box(
                    serde_json::from_str::<dateline::formats::native::RawTimeline>(&text)
                        .map(|r| r.events.len()),
                )
            });
        },
    );
    group.bench_function("dateline load, validated", |b| {
        b.iter(|| {
            black_box(
                dateline::formats::load_str(&text, Path::new("bench.json")).map(|t| t.events.len()),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);
