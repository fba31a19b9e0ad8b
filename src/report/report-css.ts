// The HTML report's only stylesheet, inlined: the report is one file with no network access (the
// CSP forbids everything but inline styles and data: images). System fonts only.

export const REPORT_CSS = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #0f766e; --accent-soft: #ccfbf1; --danger: #b42318; --danger-soft: #fef3f2;
  --warn: #b54708; --warn-soft: #fffaeb; --cto: #1d4ed8; --caio: #6d28d9;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
header.report-head { margin-bottom: 16px; }
.eyebrow { margin: 0; color: var(--accent); font-size: 13px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 0 0 16px; font-size: 22px; line-height: 1.3; }
h3 { margin: 20px 0 8px; font-size: 17px; }
p { margin: 0 0 12px; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); border-radius: 4px; padding: 1px 5px; overflow-wrap: anywhere; }
.lede { color: var(--muted); margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; padding: 0; list-style: none; }
.chip { background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px; font-size: 14px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 24px; margin: 0 0 20px; }
.banner { background: var(--danger-soft); border: 2px solid var(--danger); border-radius: 12px; padding: 20px 24px; margin: 0 0 20px; }
.banner h2 { color: var(--danger); }
.banner ul { margin: 8px 0 0; padding-left: 20px; }
.banner h2 { display: flex; align-items: center; gap: 10px; }
.banner blockquote { border-left-color: var(--danger); background: var(--paper); }
.icon { flex: none; }
.verdict { border-top: 6px solid var(--accent); }
.verdict .structure { font-size: 26px; font-weight: 700; margin: 0 0 8px; line-height: 1.25; }
.seats { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 16px; padding: 0; list-style: none; }
.seat { border-radius: 8px; padding: 6px 12px; font-weight: 600; color: #fff; background: var(--accent); }
.seat-cto { background: var(--cto); }
.seat-caio { background: var(--caio); }
.seat small { font-weight: 400; opacity: .9; }
.meta { color: var(--muted); font-size: 14px; }
.warning-line { border-left: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; margin: 8px 0; }
blockquote { margin: 12px 0; padding: 8px 16px; border-left: 4px solid var(--accent); background: var(--wash); color: var(--ink); font-style: italic; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0; }
.facts div { background: var(--wash); border-radius: 8px; padding: 8px 12px; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.change { background: var(--accent-soft); border-radius: 10px; padding: 16px 20px; margin-top: 20px; }
.change h3 { margin-top: 0; }
.change ol { margin: 8px 0 0; padding-left: 22px; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.level { display: inline-block; border-radius: 6px; padding: 0 8px; background: var(--accent-soft); color: var(--accent); font-weight: 700; white-space: nowrap; }
.chart { display: block; width: 100%; height: auto; margin: 0 auto 16px; font-family: inherit; }
.chart-questions { max-width: 420px; }
.chart-charter { min-width: 560px; }
.chart-roadmap { width: auto; max-width: 100%; }
.chart-label { font-size: 14px; font-weight: 600; fill: var(--ink); }
.chart-value { font-size: 14px; font-weight: 700; fill: var(--accent); }
.seg-on { fill: var(--accent); }
.seg-off { fill: #e4e7eb; }
.seg-label-on { font-size: 12px; fill: #fff; }
.seg-label-off { font-size: 12px; fill: var(--muted); }
.grid-head { font-size: 13px; font-weight: 700; fill: var(--ink); }
.grid-group { fill: var(--wash); }
.grid-group-label { font-size: 12px; font-weight: 700; fill: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.grid-row-label { font-size: 14px; fill: var(--ink); }
.grid-cell { font-size: 13px; font-weight: 700; }
.raci-a { fill: var(--accent); } .raci-a-text { fill: #fff; }
.raci-r { fill: #99f6e4; } .raci-r-text { fill: #134e4a; }
.raci-c { fill: #fde68a; } .raci-c-text { fill: #78350f; }
.raci-i { fill: #e2e8f0; } .raci-i-text { fill: #334155; }
.raci-none { fill: #fff; stroke: var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 0 0 12px; padding: 0; list-style: none; font-size: 14px; color: var(--muted); }
.legend li { display: flex; align-items: baseline; }
.legend b { display: inline-block; min-width: 34px; text-align: center; border-radius: 4px; padding: 0 6px; margin-right: 4px; color: #134e4a; }
.legend .key-a { background: var(--accent); color: #fff; } .legend .key-r { background: #99f6e4; }
.legend .key-c { background: #fde68a; color: #78350f; } .legend .key-i { background: #e2e8f0; color: #334155; }
.timeline { stroke: var(--line); stroke-width: 4; }
.stop { stroke: #fff; stroke-width: 3; }
.stage-0 { fill: #9aa5b1; } .stage-1 { fill: #2dd4bf; } .stage-2 { fill: #0d9488; } .stage-3 { fill: #115e59; }
.stop-changed { stroke: #f59e0b; }
.stop-at { font-size: 14px; font-weight: 700; fill: var(--ink); }
.stop-stage { font-size: 12px; font-weight: 700; fill: #fff; }
.stop-label { font-size: 13px; fill: var(--muted); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--warn); border-radius: 10px; padding: 16px 20px; margin: 0 0 16px; }
.finding.critical { border-left-color: var(--danger); }
.finding h3 { margin-top: 0; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; vertical-align: middle; margin-right: 6px; }
.badge-critical, .badge-prohibited { background: var(--danger); color: #fff; }
.badge-warning { background: var(--warn-soft); color: var(--warn); border: 1px solid var(--warn); }
.badge-high { background: var(--danger-soft); color: var(--danger); border: 1px solid var(--danger); }
.badge-limited { background: var(--warn-soft); color: var(--warn); border: 1px solid var(--warn); }
.badge-minimal, .badge-unclassified { background: var(--wash); color: var(--muted); border: 1px solid var(--line); }
.use-case { border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 0 0 16px; }
.use-case h3 { margin-top: 0; overflow-wrap: anywhere; }
ul.plain { margin: 4px 0 12px; padding-left: 20px; }
.empty { color: var(--muted); font-style: italic; }
footer.report-foot { color: var(--muted); font-size: 13px; text-align: center; margin-top: 24px; }
@media (max-width: 600px) {
  main { padding: 20px 12px 32px; }
  section.card, .banner { padding: 16px; border-radius: 10px; }
  .finding, .use-case { padding: 12px 14px; }
  .change { padding: 12px 14px; }
  h1 { font-size: 26px; }
  .verdict .structure { font-size: 22px; }
  th, td { padding: 6px; font-size: 14px; }
  table.stack thead { display: none; }
  table.stack tr { display: block; padding: 10px 0; border-bottom: 1px solid var(--line); }
  table.stack td { display: block; border: 0; padding: 2px 0; }
}
.summary { border-top: 6px solid var(--accent); }
.summary { padding: 18px 24px; }
.summary h2 { margin-bottom: 6px; }
.summary .headline { font-size: 18px; font-weight: 700; line-height: 1.35; margin: 0 0 8px; }
.summary-grid li, .summary-dates li { font-size: 14px; line-height: 1.45; }
.summary-seats { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; padding: 0; list-style: none; font-size: 14px; }
.summary-seats .seat { line-height: 1.3; }
.seat-both { background: linear-gradient(90deg, var(--cto), var(--caio)); }
.summary-seats .holder { font-weight: 400; }
.summary-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 24px; }
.summary-grid h3, .summary h3 { margin: 8px 0 6px; font-size: 15px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.summary-list { margin: 0; padding-left: 20px; }
.summary-list li { margin: 0 0 4px; }
.summary-dates { margin: 0 0 6px; padding-left: 18px; font-size: 13px; }
.summary .warning-line { font-size: 13px; margin: 4px 0; }
.sev { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 4px; padding: 0 6px; color: #fff; background: var(--warn); }
.sev-blocking, .sev-critical { background: var(--danger); }
.disclaimer { margin: 8px 0 0; font-size: 13px; color: var(--muted); font-style: italic; }
details.shrink { margin-top: 8px; }
details.shrink summary { cursor: pointer; color: var(--muted); }
@media (max-width: 640px) { .summary-grid { grid-template-columns: 1fr; } }
@media print {
  .summary { break-after: page; border-top: 4pt solid var(--accent); padding: 0; }
  .summary-grid li, .summary-dates li, .summary .warning-line { font-size: 9.5pt; line-height: 1.35; }
  .report-head { margin-bottom: 8pt; }
  .summary-grid { grid-template-columns: 1fr 1fr; }
  details.shrink > * { display: block; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  @page { margin: 16mm 14mm; }
  .banner, .finding, .use-case, .change, blockquote, svg, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.card { border: none; padding: 0 0 12pt; border-radius: 0; }
  .table-wrap { overflow: visible; }
  .chart-charter { min-width: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
