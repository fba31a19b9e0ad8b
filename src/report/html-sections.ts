import type {
  Assessment,
  Charter,
  Classification,
  Evidence,
  UseCaseStakes,
} from '../engine/types.js'
import { escapeHtml as h } from './escape-html.js'
import {
  capitalize,
  QUESTION_TITLES,
  RACI_LEGEND,
  SEVERITY_LABELS,
  STRUCTURE_LABELS,
  TIER_LABELS,
} from './labels.js'
import { assignmentLine, departureLines, factWords } from './people.js'
import { openSeat } from './summary-sections.js'
import { charterGrid } from './svg-charter-grid.js'
import { questionChart } from './svg-question-chart.js'
import { registerNote } from './register-note.js'

// The sections of the HTML report up to the charter, in report order. Every string from the
// assessment goes through `h()`: organization and use case names are user input.

// Drawn rather than an emoji: the report must not depend on the reader having an emoji font.
const STOP_ICON =
  '<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">' +
  '<path d="M7.1 2h9.8L22 7.1v9.8L16.9 22H7.1L2 16.9V7.1z" fill="#b42318"/>' +
  '<rect x="10.6" y="6" width="2.8" height="8" rx="1.2" fill="#fff"/>' +
  '<circle cx="12" cy="17.2" r="1.6" fill="#fff"/></svg>'

/** Blocking findings as a banner at the top; empty without any. */
export function blockingHtml(a: Assessment): string {
  if (a.findings.length === 0) return ''
  const items = a.findings
    .map(
      (finding) =>
        `<li><strong>${h(finding.message)}</strong> <code>${h(finding.id)}</code>` +
        `${evidenceList(finding.evidence)}<blockquote>${h(finding.source)}</blockquote></li>`,
    )
    .join('')
  return (
    `<section class="banner" id="blocking" role="alert" aria-labelledby="blocking-title">` +
    `<h2 id="blocking-title">${STOP_ICON}Blocking: resolve before acting on this report</h2>` +
    `<ul>${items}</ul></section>`
  )
}

/** The recommendation: structure, seats, rule, why, facts, passages and the change from today. */
export function recommendationHtml(a: Assessment): string {
  const r = a.recommendation
  const seats = r.seats
    .map(
      (seat) =>
        `<li class="seat seat-${seat.title === 'CTO' ? 'cto' : seat.title === 'CAIO' ? 'caio' : 'unified'}">` +
        `${h(seat.title)} <small>${h(seat.engagement)}</small></li>`,
    )
    .join('')
  const cap = r.cap === null ? '' : `, then budget cap <code>${h(r.cap)}</code>`
  const facts = r.facts
    .map((fact) => {
      const [name, value] = factWords(fact.name, fact.value)
      return `<div><dt>${h(name)}</dt><dd>${h(value)}</dd></div>`
    })
    .join('')
  const fit =
    r.fit === null
      ? ''
      : `<p class="fit"><strong>Fitted to your people:</strong> ${h(r.fit.reason)} ` +
        `<span class="meta">(the table alone gives ${h(STRUCTURE_LABELS[r.fit.table])}.)</span></p>`
  const who =
    r.change.assignments.length === 0
      ? ''
      : `<h4>Who sits where</h4><ul class="plain">${r.change.assignments
          .map((seat) => `<li>${h(assignmentLine(a, seat, openSeat(a)))}</li>`)
          .join('')}${departureLines(a)
          .map((line) => `<li>Leaves: ${h(line)}</li>`)
          .join('')}</ul>`
  const { change } = r
  const from =
    change.from === null
      ? `No recognised structure today; move to <code>${h(change.to)}</code>.`
      : change.from === change.to
        ? `Today’s structure is already <code>${h(change.to)}</code>.`
        : `From <code>${h(change.from)}</code> (${h(STRUCTURE_LABELS[change.from])}) to <code>${h(change.to)}</code>.`
  return (
    `<section class="card verdict" id="recommendation" aria-labelledby="recommendation-title">` +
    `<h2 id="recommendation-title">Recommendation</h2>` +
    `<p class="structure">${h(r.label)}</p><ul class="seats" aria-label="Seats">${seats}</ul>` +
    `<p class="meta">Structure <code>${h(r.structure)}</code>, stage ${r.stage} of the fractional ` +
    `path. Rule <code>${h(r.rule)}</code>${cap}.</p>` +
    `<h3>Why</h3><ul class="plain">${r.why.map((reason) => `<li>${h(reason)}</li>`).join('')}</ul>` +
    `<h3>Facts that matched</h3><dl class="facts">${facts}</dl>` +
    `<h3>In the article’s words</h3>` +
    r.source.map((passage) => `<blockquote>${h(passage)}</blockquote>`).join('') +
    `<div class="change"><h3>Change from today: ${h(capitalize(change.kind))}</h3>` +
    `<p>${from} ${h(change.summary)}</p>${fit}${who}` +
    `<ol>${change.steps.map((step) => `<li>${h(step)}</li>`).join('')}</ol></div></section>`
  )
}

/** The five questions: a bar chart of the levels, then the table of findings and passages. */
export function questionsHtml(a: Assessment): string {
  const rows = a.questions
    .map(
      (q) =>
        `<tr><td><strong>${h(QUESTION_TITLES[q.id])}</strong></td><td><span class="level">${h(q.level)}</span></td>` +
        `<td>${h(q.finding)}<br><span class="meta">“${h(q.source)}”</span></td></tr>`,
    )
    .join('')
  return (
    `<section class="card" id="questions" aria-labelledby="questions-title">` +
    `<h2 id="questions-title">The five questions</h2>${questionChart(a.questions)}` +
    `<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Question</th>` +
    `<th scope="col">Level</th><th scope="col">Finding</th></tr></thead><tbody>${rows}</tbody>` +
    `</table></div></section>`
  )
}

/** Each use case with its EU AI Act tier, basis and obligations; empty without use cases. */
export function stakesHtml(a: Assessment): string {
  const { stakes } = a
  if (stakes.useCases.length === 0) return ''
  const overall = stakes.overridden
    ? `Overall stakes: <span class="level">${h(stakes.level)}</span>, set by <code>ai.stakes</code> ` +
      `(derived from the profile: ${h(stakes.derived)}).`
    : `Overall stakes: <span class="level">${h(stakes.level)}</span>, derived from the profile.`
  return (
    `<section class="card" id="stakes" aria-labelledby="stakes-title">` +
    `<h2 id="stakes-title">Stakes per use case</h2><p>${overall}</p>` +
    [...new Set(stakes.useCases.flatMap((u) => u.classification?.warnings ?? []))]
      .map((w) => `<p class="warning-line">${h(w)}</p>`)
      .join('') +
    `${stakes.useCases.map(useCaseHtml).join('')}</section>`
  )
}

function useCaseHtml(useCase: UseCaseStakes): string {
  const c = useCase.classification
  const reason = `<p>Stakes <strong>${h(useCase.level)}</strong>: ${h(useCase.reason)}</p>`
  if (c === null) {
    return (
      `<article class="use-case"><h3><span class="badge badge-unclassified">not classified</span>` +
      `${h(useCase.name)}</h3>${reason}</article>`
    )
  }
  const transparency =
    c.transparency.length === 0
      ? ''
      : `<p>Transparency duties: ${c.transparency.map(h).join(', ')}</p>`
  const obligations =
    c.obligations.length === 0
      ? '<p class="empty">No obligations.</p>'
      : `<ul class="plain">${c.obligations.map((duty) => `<li>${h(duty)}</li>`).join('')}</ul>`
  return (
    `<article class="use-case"><h3><span class="badge badge-${c.tier}">${h(TIER_LABELS[c.tier])}</span>` +
    `${h(useCase.name)}</h3>${reason}${transparency}<h4>Basis</h4><ul class="plain">` +
    c.basis.map((item) => `<li><strong>${h(item.ref)}</strong>: ${h(item.summary)}</li>`).join('') +
    `</ul><h4>Obligations</h4>${obligations}${milestonesHtml(c)}` +
    `<p class="meta">As of ${h(c.asOf)}</p></article>`
  )
}

/** The dated milestones of a classification (its warnings are shown once, above the use cases). */
function milestonesHtml(c: Classification): string {
  const dates =
    c.milestones.length === 0
      ? ''
      : `<h4>Dates that apply</h4><ul class="plain">${c.milestones
          .map(
            (m) =>
              `<li><strong>${h(m.date)}</strong>${m.status === 'to-confirm' ? ' <em>(to confirm)</em>' : ''}, ` +
              `${h(m.ref)}: ${h(m.summary)}</li>`,
          )
          .join('')}</ul>`
  return dates
}

/** Anti-pattern findings with severity, evidence, remedy and passage. */
export function antiPatternsHtml(a: Assessment): string {
  const body =
    a.antiPatterns.length === 0
      ? `<p class="empty">${
          a.profile.current === undefined
            ? 'No current arrangement was given, so there is nothing to diagnose.'
            : 'None found in the current arrangement.'
        }</p>`
      : a.antiPatterns
          .map(
            (finding) =>
              `<article class="finding ${finding.severity}"><h3>` +
              `<span class="badge badge-${finding.severity}">${SEVERITY_LABELS[finding.severity]}</span>` +
              `${h(finding.title)} <code>${h(finding.id)}</code></h3>` +
              `${evidenceList(finding.evidence)}<p><strong>Remedy:</strong> ${h(finding.remedy)}</p>` +
              `<blockquote>${h(finding.source)}</blockquote></article>`,
          )
          .join('')
  const fromRegister = registerNote(a)
  const note = fromRegister ? `<p class="meta register-note">${h(fromRegister)}</p>` : ''
  return (
    `<section class="card" id="anti-patterns" aria-labelledby="anti-patterns-title">` +
    `<h2 id="anti-patterns-title">Anti-patterns</h2>${note}${body}</section>`
  )
}

/** The RACI charter as a colour-coded grid with its legend. */
export function charterHtml(charter: Charter): string {
  const legend = RACI_LEGEND.map(
    ([letter, meaning]) =>
      `<li><b class="key-${letter.toLowerCase()}">${letter}</b>${meaning}</li>`,
  ).join('')
  return (
    `<section class="card" id="charter" aria-labelledby="charter-title">` +
    `<h2 id="charter-title">Responsibility charter</h2>` +
    `<p class="meta">For <code>${h(charter.structure)}</code>. Every row has exactly one ` +
    `Accountable.</p><ul class="legend">${legend}</ul>` +
    `<div class="table-wrap">${charterGrid(charter)}</div></section>`
  )
}

function evidenceList(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return ''
  return `<ul class="plain">${evidence.map((item) => `<li>${h(item.text)}</li>`).join('')}</ul>`
}
