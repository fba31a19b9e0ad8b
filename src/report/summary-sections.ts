import type { Assessment, Summary } from '../engine/types.js'
import { escapeHtml as h } from './escape-html.js'
import { escapeMarkdown as e } from './escape-markdown.js'

// The executive summary every report opens with, on one screen (framework.md §9): the headline and
// who sits where, at most three findings and three next steps, the dated EU AI Act milestones of the
// profile's use cases, and the line that this is advice, not legal advice.

const SEVERITY_WORD = { blocking: 'Blocking', critical: 'Critical', warning: 'Warning' } as const

/**
 * What an empty seat is called: someone to bring in, unless the profile did not say who leads
 * today, in which case the report cannot know whether the company already has that leader.
 */
export function openSeat(a: Assessment): string {
  return a.profile.current === undefined
    ? 'open (today’s leaders were not given)'
    : 'someone to bring in'
}

/**
 * The `to-confirm` warnings of the use cases' classifications, shortened for the summary (the full
 * text stands above the use cases): one line per passed date.
 */
export function summaryWarnings(a: Assessment): readonly string[] {
  const full = new Set(a.stakes.useCases.flatMap((u) => u.classification?.warnings ?? []))
  return [...full].map((warning) => {
    const date = /changes dated (\d{4}-\d{2}-\d{2})/.exec(warning)?.[1]
    return date === undefined
      ? warning
      : `Changes to the Act dated ${date} are still to confirm and not applied here (see the use cases); have counsel check them.`
  })
}

/** The summary as the Markdown report's first section. */
export function summaryMarkdown(a: Assessment): string[] {
  const s: Summary = a.summary
  const lines = ['## Summary', '', `**${e(s.headline)}**`, '']
  if (s.seats.length > 0) {
    lines.push(
      ...s.seats.map(
        (seat) =>
          `- ${e(seat.title)} (${seat.engagement}): ${seat.holder === null ? openSeat(a) : e(seat.holder)}`,
      ),
      '',
    )
  }
  if (s.findings.length > 0) {
    lines.push(
      '**Findings**',
      '',
      ...s.findings.map((f, i) => `${i + 1}. **${SEVERITY_WORD[f.severity]}:** ${e(f.text)}`),
      '',
    )
  }
  if (s.nextSteps.length > 0) {
    lines.push('**Next steps**', '', ...s.nextSteps.map((step, i) => `${i + 1}. ${e(step)}`), '')
  }
  if (s.milestones.length > 0) {
    lines.push(
      '**EU AI Act dates for your use cases**',
      '',
      ...s.milestones.map(
        (m) =>
          `- ${e(m.date)}${m.status === 'to-confirm' ? ' (to confirm)' : ''}: ${e(m.summary)} ` +
          `(${e(m.ref)}; ${m.useCases.map(e).join(', ')})`,
      ),
      '',
      ...summaryWarnings(a).map((w) => `> **Warning:** ${e(w)}`),
      ...(summaryWarnings(a).length > 0 ? [''] : []),
    )
  }
  lines.push(`_${e(s.disclaimer)}_`)
  return lines
}

/** The summary as the HTML report's first card. */
export function summaryHtml(a: Assessment): string {
  const s: Summary = a.summary
  const seats =
    s.seats.length === 0
      ? ''
      : `<ul class="summary-seats">${s.seats
          .map(
            (seat) =>
              `<li class="seat seat-${seat.title === 'CAIO' ? 'caio' : seat.title === 'CTO' ? 'cto' : 'both'}">` +
              `${h(seat.title)} <small>${h(seat.engagement)}</small><br>` +
              `<span class="holder">${seat.holder === null ? openSeat(a) : h(seat.holder)}</span></li>`,
          )
          .join('')}</ul>`
  const findings =
    s.findings.length === 0
      ? '<p class="empty">No finding that needs action.</p>'
      : `<ol class="summary-list">${s.findings
          .map(
            (f) =>
              `<li><span class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</span> ${h(f.text)}</li>`,
          )
          .join('')}</ol>`
  const steps =
    s.nextSteps.length === 0
      ? '<p class="empty">Nothing to change.</p>'
      : `<ol class="summary-list">${s.nextSteps.map((step) => `<li>${h(step)}</li>`).join('')}</ol>`
  const warnings = summaryWarnings(a)
    .map((w) => `<p class="warning-line">${h(w)}</p>`)
    .join('')
  const milestones =
    s.milestones.length === 0
      ? ''
      : `<h3>EU AI Act dates for your use cases</h3><ul class="summary-dates">${s.milestones
          .map(
            (m) =>
              `<li><strong>${h(m.date)}</strong>${m.status === 'to-confirm' ? ' <em>(to confirm)</em>' : ''}: ` +
              `${h(m.summary)} <span class="meta">(${h(m.ref)}; ${m.useCases.map(h).join(', ')})</span></li>`,
          )
          .join('')}</ul>${warnings}`
  return (
    `<section class="card summary" id="summary" aria-labelledby="summary-title">` +
    `<h2 id="summary-title">Summary</h2><p class="headline">${h(s.headline)}</p>${seats}` +
    `<div class="summary-grid"><div><h3>Findings</h3>${findings}</div>` +
    `<div><h3>Next steps</h3>${steps}</div></div>${milestones}` +
    `<p class="disclaimer">${h(s.disclaimer)}</p></section>`
  )
}
