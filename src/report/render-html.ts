import type { Assessment } from '../engine/types.js'
import { escapeHtml as h } from './escape-html.js'
import { plural } from './format-value.js'
import {
  antiPatternsHtml,
  blockingHtml,
  charterHtml,
  questionsHtml,
  recommendationHtml,
  stakesHtml,
} from './html-sections.js'
import { capitalize, STRUCTURE_LABELS } from './labels.js'
import { REPORT_CSS } from './report-css.js'
import { byDirection, derivedWords } from './people.js'
import { roadmapPoints } from './roadmap-points.js'
import { summaryHtml } from './summary-sections.js'
import { roadmapTimeline } from './svg-roadmap.js'

// Nothing may load from the network: the CSP allows inline styles and data: images only, so the
// report also opens offline, from a mail attachment, without running any script.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Renders the assessment as one self-contained HTML page (inline CSS and SVG, no scripts). */
export function renderHtml(a: Assessment): string {
  const p = a.profile
  const title = `Tandem assessment: ${p.name}`
  const body = [
    headerHtml(a),
    summaryHtml(a),
    blockingHtml(a),
    recommendationHtml(a),
    questionsHtml(a),
    stakesHtml(a),
    antiPatternsHtml(a),
    charterHtml(a.charter),
    cadenceHtml(a),
    counterfactualsHtml(a),
    roadmapHtml(a),
    notesHtml(a),
  ]
    .filter((part) => part !== '')
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
<footer class="report-foot">Playbook <code>${h(a.playbook.id)}</code> version <code>${h(a.playbook.version)}</code> · <code>${h(a.schema)}</code> · made with Tandem</footer>
</main>
</body>
</html>
`
}

function headerHtml(a: Assessment): string {
  const p = a.profile
  return (
    `<header class="report-head"><p class="eyebrow">Tandem assessment</p><h1>${h(p.name)}</h1>` +
    `<p class="lede">${plural(p.employees, 'employee')}, ${plural(p.engineers, 'engineer')}, ` +
    `${plural(p.products, 'product')}, industry ${h(p.industry)}.</p><ul class="chips">` +
    `<li class="chip">Size: <strong>${h(derivedWords(a).size)}</strong></li>` +
    `<li class="chip">${h(derivedWords(a).demand)}</li>` +
    `<li class="chip">Recommended: <strong>${h(a.recommendation.label)}</strong></li></ul></header>`
  )
}

function cadenceHtml(a: Assessment): string {
  const { cadence } = a
  const perMonth =
    cadence.alignmentPerMonth === null
      ? ''
      : `<p>Strategic alignment: <strong>${plural(cadence.alignmentPerMonth, 'meeting')} a month</strong>.</p>`
  const zones =
    cadence.handoffZones.length === 0
      ? '<p class="empty">None: one seat holds both functions.</p>'
      : `<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Zone</th><th scope="col">CTO brings</th>` +
        `<th scope="col">CAIO brings</th></tr></thead><tbody>${cadence.handoffZones
          .map(
            (zone) =>
              `<tr><td><strong>${h(zone.label)}</strong></td><td>${h(zone.cto)}</td><td>${h(zone.caio)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`
  return (
    `<section class="card" id="cadence" aria-labelledby="cadence-title">` +
    `<h2 id="cadence-title">Partnership cadence</h2><p>${h(cadence.summary)}</p>${perMonth}` +
    `<h3>Handoff zones</h3>${zones}</section>`
  )
}

function counterfactualsHtml(a: Assessment): string {
  const item = (change: Assessment['counterfactuals'][number]) =>
    `<li>${h(capitalize(change.summary))} <span class="meta">(${h(STRUCTURE_LABELS[change.structure])})</span></li>`
  const { grow, shrink } = byDirection(a)
  // The triggers to plan for lead; the shrinking ones are folded away.
  const body =
    a.counterfactuals.length === 0
      ? '<p class="empty">No single change of one input changes the recommended structure.</p>'
      : (grow.length === 0
          ? '<p class="empty">No growth changes the structure.</p>'
          : `<p>As you grow:</p><ul class="plain">${grow.map(item).join('')}</ul>`) +
        (shrink.length === 0
          ? ''
          : `<details class="shrink"><summary>If the organization shrinks (${shrink.length})</summary>` +
            `<ul class="plain">${shrink.map(item).join('')}</ul></details>`)
  return (
    `<section class="card" id="counterfactuals" aria-labelledby="counterfactuals-title">` +
    `<h2 id="counterfactuals-title">What would change the answer</h2>${body}</section>`
  )
}

function roadmapHtml(a: Assessment): string {
  const intro =
    a.profile.growth.length === 0
      ? '<p class="empty">No growth plan was given: the roadmap is today’s structure only.</p>'
      : ''
  const points = roadmapPoints(a)
  const steps = points
    .map(
      (point) =>
        `<li><strong>${h(point.at)}</strong>: ${h(STRUCTURE_LABELS[point.structure])} ` +
        `(<code>${h(point.structure)}</code>, stage ${point.stage})` +
        `${point.trigger === null ? '' : `. Trigger: ${h(point.trigger)}`}</li>`,
    )
    .join('')
  return (
    `<section class="card" id="roadmap" aria-labelledby="roadmap-title">` +
    `<h2 id="roadmap-title">Roadmap</h2>${intro}<div class="table-wrap">${roadmapTimeline(points)}</div>` +
    `<p class="meta">Numbers are stages of the fractional path: 1 unified fractional, 2 separate ` +
    `fractional, 3 full-time hires. A ringed stop is a change of structure.</p>` +
    `<ol class="plain">${steps}</ol></section>`
  )
}

function notesHtml(a: Assessment): string {
  if (a.notes.length === 0) return ''
  return (
    `<section class="card" id="notes" aria-labelledby="notes-title"><h2 id="notes-title">Notes</h2>` +
    `<ul class="plain">${a.notes.map((note) => `<li>${h(note)}</li>`).join('')}</ul></section>`
  )
}
