import type { SeatBrief, SeatBriefs } from '../engine/hiring/build-briefs.js'
import { briefHeading, daysText, KIND_LEAD } from './brief-words.js'
import { escapeHtml as h } from './escape-html.js'
import { REPORT_CSS } from './report-css.js'

// Self-contained like the assessment report: inline CSS only, no scripts, nothing from the network.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// Each seat starts a printed page; cards never split a list across pages where it can be helped.
const BRIEF_CSS = `
.brief h2 { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.kind { font-size: 13px; font-weight: 700; border-radius: 999px; padding: 2px 10px; background: var(--accent-soft); color: var(--accent); }
.kind-development { background: var(--warn-soft); color: var(--warn); }
.brief blockquote { margin: 0 0 12px; padding: 8px 16px; border-left: 4px solid var(--accent); background: var(--wash); }
.brief ul, .brief ol { margin: 0 0 12px; padding-left: 22px; }
.scorecard { width: 100%; border-collapse: collapse; font-size: 15px; }
.scorecard th, .scorecard td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.scorecard td.score { width: 96px; }
.note { color: var(--muted); font-style: italic; }
@media print {
  @page { size: A4; margin: 16mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.card { border: none; padding: 0; margin: 0 0 12pt; }
  section.brief { break-before: page; }
  section.brief:first-of-type { break-before: auto; }
  h3, li, tr, blockquote { break-inside: avoid; }
  h3 { break-after: avoid; }
}
`

/** Renders the seat briefs as one self-contained HTML page that prints one seat per page. */
export function renderBriefsHtml(doc: SeatBriefs): string {
  const title = `Seat briefs: ${doc.organization}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${REPORT_CSS}${BRIEF_CSS}</style>
</head>
<body>
<main>
<header class="report-head">
<p class="eyebrow">Tandem seat briefs</p>
<h1>${h(doc.organization)}</h1>
<p class="lede">Recommended structure: <strong>${h(doc.label)}</strong>.</p>
<p class="note">${h(doc.note)}</p>
</header>
${doc.briefs.map(briefHtml).join('\n')}
<footer><p class="lede">Made with playbook ${h(doc.playbook.id)} ${h(doc.playbook.version)}.</p></footer>
</main>
</body>
</html>
`
}

function briefHtml(b: SeatBrief): string {
  const list = (items: readonly string[], tag = 'ul') =>
    `<${tag}>${items.map((i) => `<li>${h(i)}</li>`).join('')}</${tag}>`
  const gaps =
    b.gaps.length === 0
      ? ''
      : `<h3>Gaps to close</h3>${list(b.gaps.map((g) => `${g.id}: ${g.closes}, within ${g.months} months.`))}`
  return `<section class="card brief" aria-labelledby="seat-${slug(b.title)}">
<h2 id="seat-${slug(b.title)}">${h(briefHeading(b))} <span class="kind kind-${b.kind}">${h(daysText(b))}</span></h2>
<p>${h(KIND_LEAD[b.kind](b))}</p>
${list(b.why)}
${gaps}
<h3>What the seat answers for</h3>
<ul><li><strong>Accountable:</strong> ${h(b.accountable.map((d) => d.label).join(', ') || 'none')}</li>
<li><strong>Responsible:</strong> ${h(b.responsible.map((d) => d.label).join(', ') || 'none')}</li></ul>
<h3>The seat’s lens</h3>
<blockquote><p>“${h(b.lens.quote)}”</p></blockquote>
<h3>Must-haves</h3>
<ul>${b.mustHaves.map((m) => `<li><q>${h(m.quote)}</q> — ${h(m.means)}</li>`).join('')}</ul>
<h3>Evidence to ask for</h3>
${list(b.evidence)}
<h3>Interview questions</h3>
${list(b.questions, 'ol')}
<h3>Handoff zones</h3>
<ul>${b.handoffZones.map((z) => `<li><strong>${h(z.label)}:</strong> ${h(z.brings)}</li>`).join('')}</ul>
<h3>Scorecard</h3>
<table class="scorecard"><thead><tr><th scope="col">Criterion</th><th scope="col">Look for</th><th scope="col">Score (1–4)</th></tr></thead>
<tbody>${b.scorecard.map((s) => `<tr><td>${h(s.criterion)}</td><td>${h(s.lookFor)}</td><td class="score"></td></tr>`).join('')}</tbody></table>
</section>`
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z]+/g, '-')
}
