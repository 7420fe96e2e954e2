// Loads dateline's TimelineJS and Markwhen exports in the real clients (the share-check tools: TimelineJS
// 3.9 in headless Chromium, Markwhen's own parser) and compares what they show with what dateline says.
//
//   node .ci/share-check.mjs --dateline target/release/dateline [--tools DIR] [--today YYYY-MM-DD]
//                            [--skip-timelinejs] [--skip-markwhen]
//
// For each input (the built-in dataset and the interop fixtures; for TimelineJS also the deep-time one):
// - TimelineJS: no error, no slide dropped, every event and era drawn, and each slide's headline and date
//   as dateline wrote them;
// - Markwhen: no error or warning, every event and period read, each on the same days as `dateline list`
//   gives (from = first day, to = the day after the last), except where Markwhen 1.2.0 has a known bug
//   (BCE ranges lose their last year; BCE months and days are years), which are listed, not failed.
// Then dateline's reading of tests/fixtures/markwhen-docs.mw is compared with the parser's, and the
// differences are listed (the parser's bugs dateline does not follow).
// Exit 0 when every check passes, 1 otherwise, 2 when the tools cannot run.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dateline = opt("--dateline", "target/release/dateline");
const tools = opt("--tools", "../shared/tools/share-check");
const today = opt("--today", "2026-11-29");
const skipTljs = args.includes("--skip-timelinejs");
const skipMw = args.includes("--skip-markwhen");
const inputs = [null, "tests/fixtures/interop.json", "tests/fixtures/timelinejs.json"];
// Deep time goes to TimelineJS only (its cosmological scale); Markwhen reads years up to five digits.
const timelineJsInputs = [...inputs, "tests/fixtures/deep-time.json"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-share-"));
let failures = 0;

function fail(what) {
  failures += 1;
  console.log(`FAIL ${what}`);
}

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status === 2 || r.error) {
    console.log(`cannot run ${cmd}: ${r.error ?? r.stderr}`);
    process.exit(2);
  }
  return r;
}

function jsonLines(text) {
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

function exportTo(input, out, extra = []) {
  execFileSync(dateline, ["export", ...(input ? [input] : []), "--to", out, "--today", today, ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function listed(file) {
  const out = execFileSync(dateline, ["list", ...(file ? [file] : []), "--json", "--today", today], {
    encoding: "utf8",
  });
  return jsonLines(out);
}

const decode = (html) =>
  html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

// Dates as [year, month, day] from "YYYY-MM-DD…", "-000125-01-01T…" or "+010000-…".
function ymd(text) {
  const m = /^([+-]?)(\d+)-(\d\d)-(\d\d)/.exec(text);
  if (!m) return null;
  return [(m[1] === "-" ? -1 : 1) * Number(m[2]), Number(m[3]), Number(m[4])];
}
function nextDay([y, m, d]) {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d + 1);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
const same = (a, b) => a && b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function checkTimelineJs(input) {
  const name = input ?? "built-in dataset";
  const out = path.join(tmp, `tljs-${path.basename(input ?? "builtin")}.json`);
  exportTo(input, out, ["--format", "timelinejs"]);
  const exported = JSON.parse(fs.readFileSync(out, "utf8"));
  const r = run(path.join(tools, "tljs-render.sh"), [out]);
  const lines = jsonLines(r.stdout);
  const summary = lines.pop();
  const byId = new Map(exported.events.map((e) => [e.unique_id, e]));
  let wrong = 0;
  if (summary.errors.length) fail(`${name}: TimelineJS errors ${JSON.stringify(summary.errors)}`);
  if (summary.dropped_events) fail(`${name}: TimelineJS dropped ${summary.dropped_events} events`);
  if (summary.events !== exported.events.length) fail(`${name}: ${summary.events} of ${exported.events.length} events drawn`);
  if (summary.eras !== (exported.eras ?? []).length) fail(`${name}: ${summary.eras} of ${exported.eras.length} eras drawn`);
  for (const slide of lines.filter((s) => !s.title)) {
    const e = byId.get(slide.id);
    if (!e) {
      fail(`${name}: slide ${slide.id} is not an exported event`);
      continue;
    }
    if (slide.headline !== decode(e.text.headline) || slide.date !== e.display_date) {
      wrong += 1;
      fail(`${name}: slide ${slide.id} shows ${JSON.stringify([slide.headline, slide.date])}`);
    }
  }
  console.log(
    `timelinejs ${name}: ${summary.slides} slides (${summary.events} events, title slide ${summary.title_slide}), ` +
      `${summary.eras} eras, ${summary.groups.length} groups, ${summary.errors.length} errors, ` +
      `${summary.dropped_events} dropped, ${wrong} slides shown otherwise`,
  );
}

function checkMarkwhen(input) {
  const name = input ?? "built-in dataset";
  const out = path.join(tmp, `mw-${path.basename(input ?? "builtin")}.mw`);
  exportTo(input, out);
  const r = run(path.join(tools, "mw-parse.sh"), [out, "--now", `${today}T12:00:00Z`]);
  const events = jsonLines(r.stdout);
  const summary = events.pop();
  const rows = listed(input);
  const byId = new Map(events.map((e) => [e.id, e]));
  let same_days = 0;
  const known = [];
  if (summary.errors.length) fail(`${name}: Markwhen errors ${JSON.stringify(summary.errors)}`);
  if (summary.warnings.length) fail(`${name}: Markwhen warnings ${JSON.stringify(summary.warnings)}`);
  if (events.length !== rows.length) fail(`${name}: Markwhen read ${events.length} events of ${rows.length}`);
  for (const row of rows) {
    const e = byId.get(row.id);
    if (!e) {
      fail(`${name}: ${row.id} is not in what Markwhen read`);
      continue;
    }
    const open = row.date.endsWith("/..");
    const from = ymd(e.from);
    const to = ymd(e.to);
    const fits = same(from, ymd(row.start)) && (open ? same(to, ymd(today)) : same(to, nextDay(ymd(row.end))));
    if (fits) {
      same_days += 1;
    } else if (ymd(row.start)[0] <= 0) {
      known.push(`${row.id} (${row.date}: Markwhen ${e.from.slice(0, 13)} .. ${e.to.slice(0, 13)})`);
    } else {
      fail(`${name}: ${row.id} ${row.date} is ${e.from} .. ${e.to} in Markwhen`);
    }
    if (Boolean(e.now_dependent) !== open) fail(`${name}: ${row.id} depends on now: ${Boolean(e.now_dependent)}`);
  }
  console.log(
    `markwhen ${name}: ${events.length} events read, ${same_days} on the same days, ` +
      `${known.length} BCE dates Markwhen 1.2.0 reads otherwise, ${summary.errors.length} errors, ` +
      `${summary.warnings.length} warnings, ${summary.now_dependent.length} ending now`,
  );
  for (const k of known) console.log(`  known parser bug: ${k}`);
}

function compareReading(file) {
  const r = run(path.join(tools, "mw-parse.sh"), [file, "--now", `${today}T12:00:00Z`]);
  const events = jsonLines(r.stdout);
  const summary = events.pop();
  const rows = listed(file);
  let agree = 0;
  const differ = [];
  for (const e of events) {
    const title = e.title.replace(/^:\s*/, "");
    const row = rows.find((x) => x.title === title);
    if (!row) {
      differ.push(`"${title}" (line ${e.line}) is not an event dateline reads`);
      continue;
    }
    const open = row.date.endsWith("/..");
    const fits = same(ymd(e.from), ymd(row.start)) && (open || same(ymd(e.to), nextDay(ymd(row.end))));
    if (fits) agree += 1;
    else differ.push(`"${title}" (line ${e.line}): Markwhen ${e.from.slice(0, 10)}..${e.to.slice(0, 10)}, dateline ${row.date}`);
  }
  console.log(
    `markwhen reading ${file}: the parser read ${events.length} events, dateline ${rows.length}; ` +
      `${agree} on the same days; parser errors: ${summary.errors.map((x) => `line ${x.line}: ${x.message}`).join("; ")}`,
  );
  for (const d of differ) console.log(`  differs: ${d}`);
}

if (!skipTljs) for (const input of timelineJsInputs) checkTimelineJs(input);
if (!skipMw) {
  for (const input of inputs) checkMarkwhen(input);
  compareReading("tests/fixtures/markwhen-docs.mw");
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(failures ? `${failures} checks failed` : "every check passed");
process.exit(failures ? 1 : 0);
