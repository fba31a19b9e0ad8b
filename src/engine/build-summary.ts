import type { Playbook } from './compile-playbook.js'
import type { Profile } from './profile-schema.js'
import type {
  AntiPatternFinding,
  BlockingFinding,
  Milestone,
  Recommendation,
  Stakes,
  Summary,
  SummaryFinding,
  SummaryMilestone,
} from './types.js'
import { fill, holderName, sentence } from './describe-change.js'
import { compareText } from './compare-text.js'

const MAX_ITEMS = 3

/**
 * The executive summary (framework.md §9): the structure and who sits where, at most three findings
 * (blocking first, then critical), at most three next steps, the dated EU AI Act milestones that apply
 * to the use cases, and the line that this is advice, not legal advice.
 */
export function buildSummary(
  profile: Profile,
  recommendation: Recommendation,
  antiPatterns: readonly AntiPatternFinding[],
  findings: readonly BlockingFinding[],
  stakes: Stakes,
  playbook: Playbook,
): Summary {
  const texts = playbook.doc.summary
  const today = profile.current?.seats ?? []
  const seats = recommendation.change.assignments.map((a) => ({
    title: a.title,
    engagement: a.engagement,
    holder: a.holder === 'new' ? null : holderName(today, a.holder.current),
  }))
  const parts = seats.map((s) => {
    const seat = `${s.engagement} ${s.title}`
    if (s.holder !== null) return fill(texts.holder, { holder: s.holder, seat })
    return fill(today.length > 0 ? texts.newSeat : texts.openSeat, { seat })
  })
  const headline = sentence(
    today.length > 0
      ? texts.headline
      : profile.current
        ? texts.headlineNoLeader
        : texts.headlineWithoutCurrent,
    {
      structure: recommendation.label,
      seats: parts.join(', '),
    },
  )
  const ranked: SummaryFinding[] = [
    ...findings.map((f) => ({ id: f.id, severity: f.severity, text: f.message })),
    ...[...antiPatterns]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1))
      .map((f) => ({
        id: f.id,
        severity: f.severity,
        text: `${f.title}: ${f.evidence.map((e) => e.text).join('; ')}.`,
      })),
  ]
  return {
    headline,
    seats,
    findings: ranked.slice(0, MAX_ITEMS),
    nextSteps: [...findings.map((f) => f.message), ...recommendation.change.steps].slice(
      0,
      MAX_ITEMS,
    ),
    milestones: milestonesOf(stakes),
    disclaimer: texts.disclaimer,
  }
}

/** The classifier's dated milestones of each use case, once each, by date, with the use cases they concern. */
function milestonesOf(stakes: Stakes): SummaryMilestone[] {
  const byId = new Map<string, { milestone: Milestone; useCases: string[] }>()
  for (const useCase of stakes.useCases) {
    for (const m of useCase.classification?.milestones ?? []) {
      const entry = byId.get(m.id) ?? { milestone: m, useCases: [] }
      if (!entry.useCases.includes(useCase.name)) entry.useCases.push(useCase.name)
      byId.set(m.id, entry)
    }
  }
  return [...byId.values()]
    .sort(
      (a, b) =>
        compareText(a.milestone.date, b.milestone.date) ||
        compareText(a.milestone.id, b.milestone.id),
    )
    .map(({ milestone: m, useCases }) => ({
      date: m.date,
      ref: m.ref,
      summary: m.summary,
      source: m.source,
      status: m.status,
      useCases,
    }))
}
