//! The command line: open the window, or check, list and convert timeline files for scripts.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::formats::{self, LoadError, show};
use crate::model::{DateSpec, Timeline};

/// dateline — explore a text's dated events on a timeline.
#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A timeline file to open in the window (the built-in Kazakhstan–US dataset without one).
    pub file: Option<PathBuf>,
    /// A source text to read beside the timeline in the window (its quoted passages are highlighted).
    #[arg(long, value_name = "FILE")]
    pub text: Option<PathBuf>,
    /// The day treated as today, YYYY-MM-DD (where ongoing spans end); defaults to the system clock.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<NaiveDate>,
    /// For a spreadsheet of your own: which column is which, as ROLE=HEADER pairs, e.g.
    /// `date=When,title=Event,lane=Category` (roles: date, end, title, description, lane, tags, year,
    /// approximate). Columns not named are mapped by their headers and content.
    #[arg(long, global = true, value_name = "ROLE=HEADER,…", value_parser = parse_columns)]
    pub columns: Option<Columns>,
    /// Dates of numbers only in a spreadsheet are day first (30/11/2015).
    #[arg(long, global = true, conflicts_with = "month_first")]
    pub day_first: bool,
    /// Dates of numbers only in a spreadsheet are month first (11/30/2015).
    #[arg(long, global = true)]
    pub month_first: bool,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The columns given with `--columns`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns(pub Vec<(crate::formats::sheet::Role, String)>);

fn parse_columns(spec: &str) -> Result<Columns, String> {
    crate::formats::sheet::SheetOptions::parse_columns(spec).map(Columns)
}

impl Cli {
    /// How to read files, as the command line says (a spreadsheet's columns and order of day and month).
    pub fn read_options(&self) -> formats::ReadOptions {
        use crate::formats::sheet::{DayOrder, SheetOptions};
        let order = if self.day_first {
            Some(DayOrder::DayFirst)
        } else if self.month_first {
            Some(DayOrder::MonthFirst)
        } else {
            None
        };
        formats::ReadOptions {
            sheet: SheetOptions {
                columns: self.columns.clone().map(|c| c.0).unwrap_or_default(),
                order,
                mapping: None,
            },
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check timeline files (dateline JSON or CSV, `TimelineJS` JSON or spreadsheet CSV, Markwhen): one
    /// summary line per valid file (exit 0), or every problem as `FILE:LINE:COL: message` (exit 1).
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the events and periods in chronological order (the built-in dataset without FILE).
    List {
        /// The timeline file to list.
        file: Option<PathBuf>,
        /// One JSON object per line instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Convert a timeline file (any format `check` reads) to dateline JSON, dateline CSV, `TimelineJS`
    /// JSON or Markwhen, or draw it as an SVG or PNG figure (title, source, legend, axis and every label
    /// that fits), chosen by the output's extension and `--format`. Prints one line to stderr on
    /// success; every problem of an invalid input as `FILE:LINE:COL: message` (exit 1). An existing OUT
    /// is replaced (atomically), unless it is FILE itself, under any name, link or hard link: that is
    /// refused (exit 1).
    Export {
        /// The timeline file to convert (the built-in dataset without one).
        file: Option<PathBuf>,
        /// Where to write: a path ending in .json (dateline JSON, or `TimelineJS` JSON with `--format
        /// timelinejs`), .csv (dateline CSV), .mw (Markwhen), .svg or .png (a figure of the whole
        /// timeline, or of --from/--until). An existing file there is replaced, unless it is the input
        /// file itself.
        #[arg(long, value_name = "OUT", value_parser = parse_export_target, required = true)]
        to: ExportTarget,
        /// The format to write, when the extension allows more than one: `dateline` (the default for
        /// .json and .csv), `timelinejs` (`TimelineJS` 3 JSON in a .json file, to publish with Knight
        /// Lab's `TimelineJS`) or `markwhen` (the default for .mw).
        #[arg(long, value_name = "FORMAT")]
        format: Option<FormatChoice>,
        /// For .svg and .png: the figure's width, its range.
        #[command(flatten)]
        image: ImageArgs,
    },
    /// Find the dates in a text (plain text, Markdown or HTML) and draft a timeline from it: with
    /// `--mentions`, print every temporal expression as one JSON object per line; with `--to`, write
    /// a draft timeline of one event per dated statement, each with its sentence.
    #[command(group(clap::ArgGroup::new("output").required(true).args(["mentions", "to"])))]
    Draft {
        /// The text to read.
        text: PathBuf,
        /// The day the text was written, YYYY-MM-DD: "yesterday" and "last year" count from it.
        /// Without it, the date the text states (a dateline, a "Published" line) is used, if any.
        #[arg(long, value_name = "DATE")]
        published: Option<NaiveDate>,
        /// Print every temporal expression: start, end (UTF-8 byte offsets into the text; for HTML,
        /// into its extracted text), text, type and TIMEX3 value.
        #[arg(long)]
        mentions: bool,
        /// Write the draft timeline here (dateline JSON).
        #[arg(long, value_name = "DRAFT.json", value_parser = parse_draft_target)]
        to: Option<PathBuf>,
    },
}

/// The output format of `export`, chosen by the output file's extension and `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// dateline JSON (`.json`).
    Json,
    /// dateline CSV (`.csv`).
    Csv,
    /// `TimelineJS` 3 JSON (`.json` with `--format timelinejs`).
    TimelineJs,
    /// Markwhen (`.mw`).
    Markwhen,
    /// A figure of the whole timeline as SVG (`.svg`).
    Svg,
    /// A figure of the whole timeline as PNG (`.png`).
    Png,
}

impl ExportFormat {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "dateline JSON",
            Self::Csv => "dateline CSV",
            Self::TimelineJs => "TimelineJS JSON",
            Self::Markwhen => "Markwhen",
            Self::Svg => "SVG figure",
            Self::Png => "PNG figure",
        }
    }
}

/// What `--format` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatChoice {
    /// dateline's own format for the extension (JSON or CSV).
    Dateline,
    /// `TimelineJS` 3 JSON.
    Timelinejs,
    /// Markwhen text.
    Markwhen,
}

impl ExportTarget {
    /// The target with the format `--format` asks for, or why that format cannot be written under this
    /// file name.
    pub fn with_choice(mut self, choice: Option<FormatChoice>) -> Result<Self, String> {
        let wanted = match (choice, self.format) {
            (None | Some(FormatChoice::Dateline), ExportFormat::Json | ExportFormat::Csv)
            | (None | Some(FormatChoice::Markwhen), ExportFormat::Markwhen)
            | (None, ExportFormat::Svg | ExportFormat::Png) => self.format,
            (Some(FormatChoice::Timelinejs), ExportFormat::Json)
            | (None, ExportFormat::TimelineJs) => ExportFormat::TimelineJs,
            (Some(choice), _) => {
                let (name, extension) = match choice {
                    FormatChoice::Dateline => ("dateline", ".json or .csv"),
                    FormatChoice::Timelinejs => ("TimelineJS", ".json"),
                    FormatChoice::Markwhen => ("Markwhen", ".mw"),
                };
                return Err(format!(
                    "--format {}: a {name} file is written to a name ending in {extension}, not {}",
                    clap::ValueEnum::to_possible_value(&choice)
                        .map_or_else(String::new, |v| v.get_name().to_owned()),
                    show::quoted(&self.path.to_string_lossy())
                ));
            }
        };
        self.format = wanted;
        Ok(self)
    }
}

/// Where `export` writes, and in which format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportTarget {
    /// The output file.
    pub path: PathBuf,
    /// Its format.
    pub format: ExportFormat,
}

/// Reads `--to OUT`: the format comes from OUT's extension (`.json`, `.csv` or `.mw`, any case).
pub fn parse_export_target(value: &str) -> Result<ExportTarget, String> {
    let path = PathBuf::from(value);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = match extension.as_str() {
        "json" => ExportFormat::Json,
        "csv" => ExportFormat::Csv,
        "mw" => ExportFormat::Markwhen,
        "svg" => ExportFormat::Svg,
        "png" => ExportFormat::Png,
        _ => {
            return Err(format!(
                "cannot tell the format of {}: the file name must end in .json (dateline JSON, or TimelineJS JSON with --format timelinejs), .csv (dateline CSV), .mw (Markwhen), .svg or .png (a figure)",
                show::quoted(value)
            ));
        }
    };
    Ok(ExportTarget { path, format })
}

/// The timeline `export` writes: `file` read (or the built-in dataset), unless `file` is the target
/// itself under any name (compared by device and inode, or the platform's file id). What goes wrong is
/// said on `err`.
fn read_for_export(
    file: Option<&Path>,
    options: &formats::ReadOptions,
    target: &ExportTarget,
    err: &mut dyn Write,
) -> Option<Timeline> {
    if let Some(input) = file
        && same_file::is_same_file(input, &target.path).unwrap_or(false)
    {
        let _ = writeln!(
            err,
            "{}: not written: it is the input file {} itself; choose another --to",
            show::path(&target.path),
            show::path(input)
        );
        return None;
    }
    match open(file, options) {
        Ok(t) => Some(t),
        Err(e) => {
            let _ = writeln!(err, "{e}");
            None
        }
    }
}

/// Runs `export`: reads `file` (or the built-in dataset), writes it to `target` atomically, and says so
/// in one line on `err`. Every problem of an unreadable input or a failed write goes to `err` too.
/// `today` is where spans still going on end, for formats that need an end (`TimelineJS` eras).
/// Returns the exit code.
pub fn export(
    file: Option<&Path>,
    options: &formats::ReadOptions,
    target: &ExportTarget,
    today: NaiveDate,
    err: &mut dyn Write,
) -> i32 {
    let Some(timeline) = read_for_export(file, options, target, err) else {
        return 1;
    };
    if matches!(target.format, ExportFormat::Svg | ExportFormat::Png) {
        return export_image(file, options, target, &ImageArgs::default(), today, err);
    }
    // Written straight to the file, each event converted as it is written.
    let name = target.format.name();
    let mut write = |out: &mut dyn Write| match target.format {
        ExportFormat::Json => formats::native::write_to(&timeline, out),
        ExportFormat::Csv => formats::write_csv_to(&timeline, out),
        ExportFormat::TimelineJs => formats::timelinejs::write_to(&timeline, today, out),
        ExportFormat::Markwhen => formats::markwhen::write_to(&timeline, out),
        // Drawn above.
        ExportFormat::Svg | ExportFormat::Png => Ok(()),
    };
    match formats::write_atomic_with(&target.path, &mut write) {
        Ok(()) => {
            let _ = writeln!(
                err,
                "wrote {} ({name}): {} events, {} periods",
                show::path(&target.path),
                timeline.events.len(),
                timeline.periods.len()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "{}: cannot write the file: {}",
                show::path(&target.path),
                show::escaped(&e.to_string())
            );
            1
        }
    }
}

/// How `export` draws a figure (`--to OUT.svg` or `OUT.png`).
#[derive(Clone, Debug, Default, PartialEq, Eq, clap::Args)]
pub struct ImageArgs {
    /// The figure's width in pixels (.svg and .png only; 1600 without it).
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// Draw from this date on: YYYY, YYYY-MM or YYYY-MM-DD (.svg and .png only).
    #[arg(long, value_name = "DATE", value_parser = parse_date_bound)]
    pub from: Option<DateSpec>,
    /// Draw up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (.svg and .png only).
    #[arg(long, value_name = "DATE", value_parser = parse_date_bound)]
    pub until: Option<DateSpec>,
}

impl ImageArgs {
    /// Whether any of the figure's options is given.
    pub fn any(&self) -> bool {
        self.width.is_some() || self.from.is_some() || self.until.is_some()
    }
}

/// Reads `--from` and `--until`: a date as dateline writes one (`1974`, `2015-11`, `2015-11-30`).
fn parse_date_bound(value: &str) -> Result<DateSpec, String> {
    DateSpec::parse(value).map_err(|e| format!("{}: {}", show::quoted(value), e.reason()))
}

/// Runs `export` to an image: reads `file` (or the built-in dataset), lays out its figure as `image`
/// says, and writes it to `target` (SVG, or PNG rendered from that SVG) atomically, saying so in one line
/// on `err`. Like the other exports, an existing OUT is replaced unless it is the input itself.
/// Returns the exit code.
pub fn export_image(
    file: Option<&Path>,
    options: &formats::ReadOptions,
    target: &ExportTarget,
    image: &ImageArgs,
    today: NaiveDate,
    err: &mut dyn Write,
) -> i32 {
    use crate::figure;
    let Some(timeline) = read_for_export(file, options, target, err) else {
        return 1;
    };
    let extent = crate::view::index::EventIndex::build(
        &timeline,
        today,
        &crate::view::scale::Scale::linear(),
        |_| true,
    );
    let day = |d: crate::model::Day| d.days();
    let range = match (image.from, image.until) {
        (None, None) => None,
        (from, until) => {
            let (s0, e0) = extent.extent.unwrap_or((0.0, 1.0));
            let s = from.map_or(s0, |f| day(f.covered(today).0));
            let e = until.map_or(e0, |u| day(u.covered(today).1) + 1.0);
            Some((s, e))
        }
    };
    let options = figure::FigureOptions {
        width: image.width.unwrap_or(figure::DEFAULT_WIDTH),
        range,
        today,
    };
    let made = figure::layout(&timeline, &extent, &options).and_then(|fig| {
        let svg = figure::svg::to_string(&fig);
        let bytes = match target.format {
            ExportFormat::Png => figure::raster::render_png(&svg)?,
            _ => svg.into_bytes(),
        };
        Ok((fig, bytes))
    });
    let (fig, bytes) = match made {
        Ok(made) => made,
        Err(e) => {
            let _ = writeln!(err, "{}: not written: {e}", show::path(&target.path));
            return if matches!(
                e,
                figure::FigureError::Width(_) | figure::FigureError::Range
            ) {
                2
            } else {
                1
            };
        }
    };
    let name = if target.format == ExportFormat::Png {
        "PNG figure"
    } else {
        "SVG figure"
    };
    match formats::write_atomic(&target.path, &bytes) {
        Ok(()) => {
            let _ = writeln!(
                err,
                "wrote {} ({name}, {}×{} pixels): {} events, {} lanes, {} labels",
                show::path(&target.path),
                fig.width,
                fig.height,
                fig.events,
                fig.lanes.len(),
                fig.labels.len()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "{}: cannot write the file: {}",
                show::path(&target.path),
                show::escaped(&e.to_string())
            );
            1
        }
    }
}

/// Reads `draft --to OUT`: a dateline JSON file, so its name must end in `.json`.
pub fn parse_draft_target(value: &str) -> Result<PathBuf, String> {
    match parse_export_target(value)? {
        ExportTarget {
            path,
            format: ExportFormat::Json,
        } => Ok(path),
        ExportTarget { .. } => Err(format!(
            "a draft is written as dateline JSON: the file name \"{value}\" must end in .json"
        )),
    }
}

/// Runs `draft`: reads `text_path`, then prints its temporal expressions to `out` (without `to`) or
/// writes a draft timeline to `to`, saying so on `err`. Returns the exit code.
pub fn draft(
    text_path: &Path,
    published: Option<NaiveDate>,
    to: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let source = match crate::draft::input::read_path(text_path) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let text = source.text.as_str();
    let published = published.or_else(|| crate::draft::published::stated(text));
    let Some(to) = to else {
        let mentions = crate::draft::mentions(text, published);
        return match crate::draft::write_mentions(text, &mentions, out).and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(err, "dateline: {e}");
                1
            }
        };
    };
    let draft = crate::draft::draft(
        text,
        published,
        &crate::draft::DraftOptions::for_file(text_path),
    );
    let json = formats::native::to_string(&draft.timeline);
    match formats::write_atomic(to, json.as_bytes()) {
        Ok(()) => {
            let count = |n: usize, one: &str, many: &str| {
                if n == 1 {
                    format!("1 {one}")
                } else {
                    format!("{n} {many}")
                }
            };
            let _ = writeln!(
                err,
                "wrote {} (dateline JSON): {}, {}",
                to.display(),
                count(
                    draft.timeline.events.len(),
                    "drafted event",
                    "drafted events"
                ),
                count(
                    draft.undated.len(),
                    "mention needing a date",
                    "mentions needing a date"
                )
            );
            for item in &draft.undated {
                let _ = writeln!(err, "  needs a date: {}", item.describe());
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{}: cannot write the file: {e}", to.display());
            1
        }
    }
}

/// Today's date from the system clock.
pub fn system_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Opens a file (read as `options` say), or the built-in dataset without one.
pub fn open(file: Option<&Path>, options: &formats::ReadOptions) -> Result<Timeline, LoadError> {
    match file {
        Some(path) => formats::load_path_with(path, options),
        None => formats::builtin(),
    }
}

/// Runs `check`: writes a summary line per good file to `out`, every problem of bad files to `err`.
/// Returns the exit code.
pub fn check(
    files: &[PathBuf],
    options: &formats::ReadOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut code = 0;
    for path in files {
        match formats::load_path_with(path, options) {
            Ok(t) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}, {} events, {} periods, {} lanes, {} tags",
                    show::path(path),
                    show::quoted(&t.title),
                    t.events.len(),
                    t.periods.len(),
                    t.lanes.len(),
                    t.tags.len()
                );
            }
            Err(e) => {
                code = 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    code
}

/// One row of `list`: an event or a period.
struct Row<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    when: DateSpec,
    status: &'static str,
    lane: &'a str,
    tags: Vec<&'a str>,
    provenance: Option<&'static str>,
}

fn rows(timeline: &Timeline) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = timeline
        .events
        .iter()
        .map(|e| Row {
            kind: "event",
            id: e.id(),
            title: e.title(),
            when: e.when,
            status: e.status.as_str(),
            lane: timeline
                .lanes
                .get(usize::from(e.lane.0))
                .map_or("", |l| l.id.as_str()),
            tags: e.tags().map(|t| timeline.tag_id(t)).collect(),
            provenance: e.provenance.as_str(),
        })
        .chain(timeline.periods.iter().map(|p| {
            Row {
                kind: "period",
                id: &p.id,
                title: &p.title,
                when: p.when,
                status: if p.when.is_open() {
                    "ongoing"
                } else {
                    "occurred"
                },
                lane: p
                    .lane
                    .and_then(|l| timeline.lanes.get(usize::from(l.0)))
                    .map_or("", |l| l.id.as_str()),
                tags: Vec::new(),
                provenance: p.provenance.as_str(),
            }
        }))
        .collect();
    rows.sort_by_key(|r| r.when.first_day());
    rows
}

/// The JSON form of a `list` row, keys in the documented order.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    kind: &'a str,
    id: &'a str,
    title: &'a str,
    date: String,
    start: String,
    end: String,
    precision: &'a str,
    approximate: bool,
    uncertain: bool,
    status: &'a str,
    lane: &'a str,
    tags: &'a [&'a str],
    /// `null` when the file does not say.
    provenance: Option<&'a str>,
}

/// Runs `list`: every event and period in chronological order, as text or as JSON lines.
pub fn list(
    timeline: &Timeline,
    json: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for row in rows(timeline) {
        let (start, end) = row.when.covered(today);
        if json {
            let value = JsonRow {
                kind: row.kind,
                id: row.id,
                title: row.title,
                date: row.when.to_string(),
                start: start.to_string(),
                end: end.to_string(),
                precision: row.when.precision().as_str(),
                approximate: row.when.approximate(),
                uncertain: row.when.uncertain(),
                status: row.status,
                lane: row.lane,
                tags: &row.tags,
                provenance: row.provenance,
            };
            let value = serde_json::to_string(&value).map_err(std::io::Error::other)?;
            writeln!(out, "{value}")?;
        } else {
            let lane = if row.lane.is_empty() {
                String::new()
            } else {
                format!("  [{}]", show::escaped(row.lane))
            };
            // In brackets: the provenance when the file states it, and the status unless it occurred.
            let notes: Vec<&str> = row
                .provenance
                .into_iter()
                .chain((row.status != "occurred").then_some(row.status))
                .collect();
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!("  ({})", notes.join(", "))
            };
            writeln!(
                out,
                "{:<24} {:<6} {}{lane}{notes}",
                row.when.to_string(),
                row.kind,
                show::escaped(row.title),
            )?;
        }
    }
    Ok(())
}
