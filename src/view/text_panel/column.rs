//! The text's column in the panel: the paragraphs near the view, each a read-only text that can be
//! selected and copied, its runs drawn as the marks say (a passage's background, an expression's
//! underline, the selection), with a node and a tooltip for each mark. Paragraphs far from the view are
//! not laid out: they stand at estimated heights, corrected as they come near, with the words at the
//! top of the view kept in place.

use std::sync::Arc;

use egui::text::{CCursor, CharIndex, LayoutJob, TextFormat};
use egui::{Color32, Sense};

use super::{MAKE_EVENT, PARAGRAPH_GAP, SourceTextView, TextPanel, TextPanelState};
use crate::app::command::Command;
use crate::draft::words;
use crate::model::Timeline;
use crate::view::elide;
use crate::view::palette;
use crate::view::pieces::{self, Piece};
use crate::view::text_heights::{self, Heights};

impl TextPanelState {
    /// Gets the heights ready for `text` laid out `width` wide: the paragraphs are estimated afresh for
    /// another text, width or font size, and the view kept on the words at `top`.
    pub(super) fn prepare(&mut self, ui: &egui::Ui, text: &SourceTextView, width: f32, top: f32) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body);
        let key = (text.text_id, width.to_bits(), row_height.to_bits());
        if self.layout_key == Some(key) {
            return;
        }
        if self.lines_of != Some(text.text_id) {
            self.count_lines(text);
        }
        let kept = self
            .layout_key
            .filter(|k| k.0 == text.text_id)
            .map(|_| self.heights.place(top));
        let chars_per_row = width / average_char_width(ui).max(1.0);
        let min_height = ui.spacing().interact_size.y;
        let estimates = (0..text.paragraphs.len())
            .map(|k| {
                let lines = self
                    .line_starts
                    .get(k)
                    .zip(self.line_starts.get(k + 1))
                    .and_then(|(&a, &b)| self.line_chars.get(a as usize..b as usize))
                    .unwrap_or_default();
                text_heights::estimate(lines, chars_per_row, row_height, min_height)
            })
            .collect();
        self.heights = Heights::new(estimates, PARAGRAPH_GAP);
        self.layout_key = Some(key);
        if let Some(place) = kept {
            self.scroll_to = Some(self.heights.y_of(place));
            ui.ctx().request_repaint();
        }
    }

    /// Counts the characters of every line of every paragraph of `text`, for the estimates.
    fn count_lines(&mut self, text: &SourceTextView) {
        self.line_chars.clear();
        self.line_starts.clear();
        for &(a, b) in &text.paragraphs {
            self.line_starts
                .push(u32::try_from(self.line_chars.len()).unwrap_or(u32::MAX));
            let words = text.text.get(a..b).unwrap_or_default();
            self.line_chars.extend(
                words
                    .split('\n')
                    .map(|line| u32::try_from(line.chars().count()).unwrap_or(u32::MAX)),
            );
        }
        self.line_starts
            .push(u32::try_from(self.line_chars.len()).unwrap_or(u32::MAX));
        self.lines_of = Some(text.text_id);
    }
}

/// The average width of a character of body text, in points.
fn average_char_width(ui: &egui::Ui) -> f32 {
    const SAMPLE: &str =
        "The amendment, enacted in 1974, aimed to promote human rights by tying trade.";
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui.fonts_mut(|f| f.layout_no_wrap(SAMPLE.to_owned(), font, Color32::WHITE));
    galley.size().x / SAMPLE.chars().count() as f32
}

/// How each run of the text is drawn.
struct Look<'a> {
    text: &'a SourceTextView,
    timeline: &'a Timeline,
    font: egui::FontId,
    color: Color32,
    dark: bool,
    /// The selected event's passage (its start), and its highlight's strength.
    selected_passage: Option<(usize, f32)>,
    selection_fill: Color32,
    date: Color32,
    needs_date: Color32,
    other: Color32,
}

impl<'a> Look<'a> {
    fn of(ui: &egui::Ui, panel: &TextPanel<'a>) -> Self {
        let visuals = ui.visuals();
        let dark = visuals.dark_mode;
        let strength = match panel.flash {
            Some(f) => 0.35 + 0.55 * (1.0 - f),
            None => 0.35,
        };
        Self {
            text: panel.text,
            timeline: panel.timeline,
            font: egui::TextStyle::Body.resolve(ui.style()),
            color: visuals.text_color(),
            dark,
            selected_passage: panel
                .selected
                .and_then(|s| panel.text.span_of(s))
                .map(|s| (s.start, strength)),
            selection_fill: visuals.selection.bg_fill,
            date: if dark {
                Color32::from_rgb(0x5a, 0xb4, 0xff)
            } else {
                Color32::from_rgb(0x1f, 0x6f, 0xc4)
            },
            needs_date: visuals.warn_fg_color,
            other: visuals.weak_text_color(),
        }
    }

    /// The colour expression `m` is underlined in.
    fn mention_color(&self, m: usize) -> Color32 {
        match self.text.mentions.get(m).map(words::kind) {
            Some(words::Kind::Date) => self.date,
            Some(words::Kind::NeedsDate) => self.needs_date,
            _ => self.other,
        }
    }

    fn format(&self, piece: &Piece) -> TextFormat {
        let mut format = TextFormat::simple(self.font.clone(), self.color);
        if let Some(span) = piece.quote.and_then(|q| self.text.spans.get(q)) {
            let lane = span
                .events
                .first()
                .and_then(|&e| self.timeline.events.get(e))
                .map_or(0, |e| usize::from(e.lane.0));
            let alpha = match self.selected_passage {
                Some((start, strength)) if start == span.start => strength,
                _ => 0.14,
            };
            format.background = palette::series_color(lane, self.dark).gamma_multiply(alpha);
        }
        if let Some(m) = piece.mention {
            format.underline = egui::Stroke::new(1.5, self.mention_color(m));
        }
        if piece.selected {
            format.background = self.selection_fill;
        }
        format
    }

    /// Paragraph `k`'s runs laid out `wrap_width` wide.
    fn job(&self, runs: &[Piece], wrap_width: f32) -> LayoutJob {
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap_width;
        job.keep_trailing_whitespace = true;
        for piece in runs {
            let words = self
                .text
                .text
                .get(piece.start..piece.end)
                .unwrap_or_default();
            let format = self.format(piece);
            if words.contains(is_hidden_control) {
                // Drawn as a space, one character for one, so the text's characters and the layout's
                // still match.
                let shown: String = words
                    .chars()
                    .map(|c| if is_hidden_control(c) { ' ' } else { c })
                    .collect();
                job.append(&shown, 0.0, format);
            } else {
                job.append(words, 0.0, format);
            }
        }
        job
    }

    /// Paragraph `k`'s runs, with the selection among them when it is to be drawn.
    fn runs(&self, k: usize, selection: Option<(usize, usize)>) -> Vec<Piece> {
        let range = self.text.paragraphs.get(k).copied().unwrap_or_default();
        pieces::pieces(
            &self.text.text,
            range,
            &self.text.spans,
            &self.text.mentions,
            selection,
        )
    }

    /// Paragraph `k` laid out `width` wide, as it is measured (marks change no sizes).
    fn layout(&self, ui: &egui::Ui, k: usize, width: f32) -> Arc<egui::Galley> {
        let job = self.job(&self.runs(k, None), width);
        ui.fonts_mut(|f| f.layout_job(job))
    }

    /// The height paragraph `k` takes laid out `width` wide: its text's, and at least a widget's.
    fn height(&self, ui: &egui::Ui, k: usize, width: f32) -> f32 {
        let min_height = ui.spacing().interact_size.y;
        self.layout(ui, k, width).size().y.max(min_height)
    }
}

/// A control character the fonts have no glyph for (tabs and line breaks are laid out as such).
fn is_hidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The paragraphs in view (and a little around it), each a read-only text that can be selected.
pub(super) fn paragraphs_ui(
    ui: &mut egui::Ui,
    viewport: egui::Rect,
    panel: &TextPanel<'_>,
    state: &mut TextPanelState,
    commands: &mut Vec<Command>,
) {
    let text = panel.text;
    let width = ui.available_width();
    state.prepare(ui, text, width, viewport.min.y);
    let look = Look::of(ui, panel);
    let margin = viewport.height() * 0.5;
    // Lay out what comes near the view; the words at its top stay where they are on screen (this frame
    // draws them shifted; the next starts there).
    let mut shift = 0.0;
    for _ in 0..3 {
        let top = viewport.min.y + shift;
        let near = state
            .heights
            .between(top - margin, viewport.max.y + shift + margin);
        let todo: Vec<usize> = near.filter(|&k| !state.heights.is_measured(k)).collect();
        if todo.is_empty() {
            break;
        }
        let place = state.heights.place(top);
        for k in todo {
            state.heights.measure(k, look.height(ui, k, width));
        }
        state.heights.settle();
        shift = state.heights.y_of(place) - viewport.min.y;
    }
    if shift != 0.0 {
        state.scroll_to = Some(viewport.min.y + shift);
        ui.ctx().request_repaint();
    }
    if panel.reveal
        && let Some(target) = reveal_target(ui, panel, state, &look, width, viewport, shift)
    {
        state.scroll_to = Some(target);
        ui.ctx().request_repaint();
    }

    ui.set_min_size(egui::vec2(width, state.heights.total()));
    let origin = ui.max_rect().min;
    let shown = state
        .heights
        .between(viewport.min.y + shift, viewport.max.y + shift);
    for k in shown {
        let rect = egui::Rect::from_min_size(
            egui::pos2(origin.x, origin.y + state.heights.top(k) - shift),
            egui::vec2(width, state.heights.height(k)),
        );
        let drawn = paragraph_ui(ui, rect, k, panel, &look, state, commands);
        // A paragraph drawn taller or shorter than measured (a font loaded meanwhile) is placed again.
        if (drawn - state.heights.height(k)).abs() > 0.5 {
            state.heights.measure(k, drawn);
            state.heights.settle();
            ui.ctx().request_repaint();
        }
    }
}

/// Where to scroll so the selected event's passage is in the middle of the view, when it is not in view
/// already. The paragraphs around it are laid out first, so the view lands on its words.
fn reveal_target(
    ui: &egui::Ui,
    panel: &TextPanel<'_>,
    state: &mut TextPanelState,
    look: &Look<'_>,
    width: f32,
    viewport: egui::Rect,
    shift: f32,
) -> Option<f32> {
    let text = panel.text;
    let span = panel.selected.and_then(|s| text.span_of(s))?;
    let k = text.paragraph_of(span.start)?;
    let view = viewport.height();
    let mut passage = (0.0, 0.0);
    for _ in 0..2 {
        let around = state.heights.top(k);
        let near = state.heights.between(around - view, around + view);
        for j in near.chain(std::iter::once(k)) {
            if !state.heights.is_measured(j) {
                state.heights.measure(j, look.height(ui, j, width));
            }
        }
        state.heights.settle();
        let galley = look.layout(ui, k, width);
        let (a, b) = text.paragraphs[k];
        let chars = |at: usize| {
            let at = at.clamp(a, b);
            text.text.get(a..at).map_or(0, |s| s.chars().count())
        };
        let first = galley.pos_from_cursor(CCursor::new(chars(span.start)));
        let last = galley.pos_from_cursor(CCursor::new(chars(span.end)));
        let top = state.heights.top(k);
        passage = (top + first.min.y, top + last.max.y);
    }
    let view_top = viewport.min.y + shift;
    if passage.0 >= view_top && passage.1 <= view_top + view {
        return None;
    }
    let target = if passage.1 - passage.0 > view * 0.8 {
        passage.0 - PARAGRAPH_GAP
    } else {
        (passage.0 + passage.1 - view) / 2.0
    };
    Some(target.clamp(0.0, (state.heights.total() - view).max(0.0)))
}

/// Paragraph `k` in `rect`: a read-only text over its runs, with a node (and a tooltip) for each of its
/// passages and expressions. Returns the height it was drawn.
fn paragraph_ui(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    k: usize,
    panel: &TextPanel<'_>,
    look: &Look<'_>,
    state: &mut TextPanelState,
    commands: &mut Vec<Command>,
) -> f32 {
    let text = panel.text;
    let Some(&(a, b)) = text.paragraphs.get(k) else {
        return 0.0;
    };
    let id = egui::Id::unique("dateline-text-paragraph")
        .with(text.text_id)
        .with(k);
    // egui draws the selection of the paragraph with the keyboard; a selection elsewhere (or one about
    // to lose the keyboard to a press outside) is drawn here.
    let pressed_outside = ui.input(|i| {
        i.pointer.any_pressed() && i.pointer.interact_pos().is_some_and(|p| !rect.contains(p))
    });
    let egui_draws_it = ui.memory(|m| m.has_focus(id)) && !pressed_outside;
    let selection = state
        .selection(text)
        .filter(|&(s, e)| !egui_draws_it && s < b && e > a);
    let runs = look.runs(k, selection);
    let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, wrap_width: f32| {
        ui.fonts_mut(|f| f.layout_job(look.job(&runs, wrap_width)))
    };
    // A right-click opens the selection's context menu: the selection stays (egui would move the cursor
    // to the click).
    let right_press = ui.input(|i| {
        i.pointer.button_pressed(egui::PointerButton::Secondary)
            && i.pointer.interact_pos().is_some_and(|p| rect.contains(p))
    });
    let kept_cursor = right_press
        .then(|| egui::TextEdit::load_state(ui.ctx(), id).and_then(|s| s.cursor.char_range()))
        .flatten();
    let mut words: &str = text.text.get(a..b).unwrap_or_default();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let output = egui::TextEdit::multiline(&mut words)
        .id(id)
        .frame(egui::Frame::NONE)
        .desired_width(rect.width())
        .desired_rows(1)
        .layouter(&mut layouter)
        .show(&mut child);
    let response = &output.response.response;
    let marks = marks(&output.galley, output.galley_pos, &runs, text);

    // A node for each mark, named for what it is, so it can be found and read.
    for (n, mark) in marks.iter().enumerate() {
        let Some(&first) = mark.rects.first() else {
            continue;
        };
        let label = mark_label(mark, text);
        ui.interact(first, id.with(("mark", n)), Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Mark, true, &label));
    }
    // One tooltip, for the marks under the pointer: the expression, then the passage it lies in.
    if let Some(pointer) = response.hover_pos() {
        let mut under: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.rects.iter().any(|r| r.contains(pointer)))
            .collect();
        under.sort_by_key(|m| m.mention.is_none());
        if !under.is_empty() {
            let lines: Vec<String> = under.iter().map(|m| mark_tooltip(m, panel, text)).collect();
            response.clone().on_hover_text_at_pointer(lines.join("\n"));
        }
    }
    if response.clicked() && !ui.input(|i| i.modifiers.shift) {
        // A click on a passage (not a selection made by dragging) selects the event quoting it.
        let collapsed = output
            .state
            .cursor
            .char_range()
            .is_none_or(|r| r.is_empty());
        if collapsed
            && let Some(pointer) = response.interact_pointer_pos()
            && let Some(span) = marks
                .iter()
                .filter(|m| m.rects.iter().any(|r| r.contains(pointer)))
                .find_map(|m| m.quote.and_then(|q| text.spans.get(q)))
            && let Some(&first) = span.events.first()
        {
            let next = match panel
                .selected
                .and_then(|s| span.events.iter().position(|&e| e == s))
            {
                Some(i) => span.events[(i + 1) % span.events.len()],
                None => first,
            };
            commands.push(Command::SelectAndReveal(next));
        }
    }
    if right_press && let Some(mut kept) = egui::TextEdit::load_state(ui.ctx(), id) {
        kept.cursor.set_char_range(kept_cursor);
        egui::TextEdit::store_state(ui.ctx(), id, kept);
    } else if ui.memory(|m| m.has_focus(id)) {
        state.focused = Some(id);
        let words = text.text.get(a..b).unwrap_or_default();
        state.selection = output
            .state
            .cursor
            .char_range()
            .filter(|r| !r.is_empty())
            .map(|r| {
                let range = r.as_sorted_char_range();
                (
                    text.text_id,
                    a + byte_of_char(words, range.start),
                    a + byte_of_char(words, range.end),
                )
            });
    }
    let selection = state.selection(text);
    response.context_menu(|ui| {
        if ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new(MAKE_EVENT).shortcut_text("M"),
            )
            .clicked()
            && let Some((start, end)) = selection
        {
            commands.push(Command::EventFromText { start, end });
        }
    });
    response.rect.height()
}

/// A passage or an expression in a paragraph drawn on screen.
struct Mark {
    /// Where it is on screen, a rectangle for each row it is on.
    rects: Vec<egui::Rect>,
    /// The passage (an index into the text's spans).
    quote: Option<usize>,
    /// The expression (an index into the text's mentions).
    mention: Option<usize>,
    /// Its bytes in the text (the part in the paragraph drawn).
    bytes: (usize, usize),
}

/// The passages and expressions of a paragraph whose `runs` were laid out as `galley` at `pos`: a run
/// of runs with the same passage, or the same expression, is one.
fn marks(
    galley: &egui::Galley,
    pos: egui::Pos2,
    runs: &[Piece],
    text: &SourceTextView,
) -> Vec<Mark> {
    // The character each run starts at.
    let mut chars = Vec::with_capacity(runs.len() + 1);
    let mut n = 0;
    for piece in runs {
        chars.push(n);
        n += text
            .text
            .get(piece.start..piece.end)
            .map_or(0, |s| s.chars().count());
    }
    chars.push(n);
    let mut out = Vec::new();
    let group = |key: &dyn Fn(&Piece) -> Option<usize>, quote: bool, out: &mut Vec<Mark>| {
        let mut i = 0;
        while i < runs.len() {
            let Some(which) = key(&runs[i]) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < runs.len() && key(&runs[j]) == Some(which) {
                j += 1;
            }
            out.push(Mark {
                rects: row_rects(galley, chars[i], chars[j])
                    .into_iter()
                    .map(|r| r.translate(pos.to_vec2()))
                    .collect(),
                quote: quote.then_some(which),
                mention: (!quote).then_some(which),
                bytes: (runs[i].start, runs[j - 1].end),
            });
            i = j;
        }
    };
    group(&|p: &Piece| p.quote, true, &mut out);
    group(&|p: &Piece| p.mention, false, &mut out);
    out
}

/// The rectangles (one per row) that characters `from..to` of `galley` take, in the galley's frame.
fn row_rects(galley: &egui::Galley, from: usize, to: usize) -> Vec<egui::Rect> {
    let mut out = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let len = row.row.char_count_excluding_newline().0;
        let (a, b) = (from.max(row_start), to.min(row_start + len));
        if a < b {
            let x0 = row.pos.x + row.row.x_offset(CharIndex(a - row_start));
            let x1 = row.pos.x + row.row.x_offset(CharIndex(b - row_start));
            out.push(egui::Rect::from_x_y_ranges(
                x0..=x1,
                row.min_y()..=row.max_y(),
            ));
        }
        row_start += row.char_count_including_newline().0;
        if row_start >= to {
            break;
        }
    }
    out
}

/// A mark's accessible name: what an expression was understood to be, or a passage's words.
fn mark_label(mark: &Mark, text: &SourceTextView) -> String {
    match mark.mention {
        Some(m) => text.understood(m),
        None => format!(
            "Quoted passage: {}",
            elide::one_line(
                text.text
                    .get(mark.bytes.0..mark.bytes.1)
                    .unwrap_or_default(),
                300
            )
        ),
    }
}

/// A mark's tooltip: what an expression was understood to be, and who quotes a passage.
fn mark_tooltip(mark: &Mark, panel: &TextPanel<'_>, text: &SourceTextView) -> String {
    match (mark.mention, mark.quote) {
        (Some(m), _) => text.understood(m),
        (None, Some(q)) => {
            let titles: Vec<_> = text
                .spans
                .get(q)
                .map(|s| s.events.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|&e| panel.timeline.events.get(e))
                .map(|e| elide::bounded(e.title(), 300))
                .collect();
            format!("Quoted by: {}", titles.join("; "))
        }
        (None, None) => String::new(),
    }
}

/// The byte offset of character `index` in `words` (its end past the last).
fn byte_of_char(words: &str, index: CharIndex) -> usize {
    words
        .char_indices()
        .nth(index.0)
        .map_or(words.len(), |(i, _)| i)
}
