import type { Playbook } from '../compile-playbook.js'
import type { AgendaItem, Initiative, Operations } from './operations-schema.js'
import type { MeetingAsOf } from './operations-as-of.js'
import { checkGate } from './check-gate.js'
import { currentStage, stageSince } from './current-stage.js'
import { daysBetween } from './dates.js'
import { decisionStatusOn, operationsAsOf } from './operations-as-of.js'
import { operationsConfig } from './operations-config.js'
import { roiOf } from './roi-of.js'
import { disagreeingSince } from './signals/lenses-disagree.js'
import { reviewDay } from './signals/production-stalls.js'

export interface Agenda {
  readonly asOf: string
  readonly items: readonly AgendaItem[]
}

/**
 * The generated agenda of the next meeting (operate.md §2): overdue decisions, disagreeing lenses,
 * initiatives awaiting a lens, gates that are due, stalled pilots, unmeasured production, and one
 * handoff-zone topic in rotation. Each item links to its initiative or decision.
 */
export function generateAgenda(operations: Operations, playbook: Playbook, asOf: string): Agenda {
  const config = operationsConfig(playbook)
  const view = operationsAsOf(operations, asOf)
  const context = { organization: operations.organization, playbook }
  const items: AgendaItem[] = [...overdueDecisions(view.meetings, asOf)]
  const disagreeing: AgendaItem[] = []
  const awaiting: AgendaItem[] = []
  const gates: AgendaItem[] = []
  const stalled: AgendaItem[] = []
  const unmeasured: AgendaItem[] = []
  const stallDays = config.signals['production-stalls'].graceDays
  for (const initiative of sortedByTitle(view.initiatives)) {
    const stage = currentStage(initiative)
    if (stage !== 'idea' && stage !== 'pilot' && stage !== 'production') continue
    const link = { initiative: initiative.id }
    const since = disagreeingSince(initiative)
    if (since !== null) {
      disagreeing.push({
        kind: 'lenses-disagree',
        text: `${quote(initiative)}: the CTO and CAIO lenses disagree (since ${since})`,
        ...link,
      })
    }
    const lacking = [
      ...(initiative.lenses.cto.length === 0 ? ['CTO'] : []),
      ...(initiative.lenses.caio.length === 0 ? ['CAIO'] : []),
    ]
    if (lacking.length > 0) {
      awaiting.push({
        kind: 'awaiting-lens',
        text: `${quote(initiative)} awaits the ${lacking.join(' and ')} lens review`,
        ...link,
      })
    }
    if (
      stage === 'idea' &&
      lacking.length === 0 &&
      since === null &&
      checkGate(initiative, 'pilot', context).length === 0
    ) {
      gates.push({
        kind: 'gate-due',
        text: `${quote(initiative)} meets the pilot gate: decide whether to start the pilot`,
        ...link,
      })
    }
    if (stage === 'pilot') {
      const due = reviewDay(initiative, config.pilotReviewDays)
      const late = daysBetween(due, asOf)
      if (late >= stallDays) {
        stalled.push({
          kind: 'pilot-stalled',
          text: `${quote(initiative)} has been in pilot since ${stageSince(initiative)} and is ${late} days past its production decision`,
          ...link,
        })
      } else if (late >= 0) {
        const missing = checkGate(initiative, 'production', context)
        gates.push({
          kind: 'gate-due',
          text:
            missing.length === 0
              ? `${quote(initiative)} is due its production decision (since ${due}) and meets the gate`
              : `${quote(initiative)} is due its production decision (since ${due}); missing: ${missing.map((m) => m.message).join('; ')}`,
          ...link,
        })
      }
    }
    if (stage === 'production' && !roiOf(initiative, asOf, config.roiWindowDays).measured) {
      unmeasured.push({
        kind: 'production-unmeasured',
        text: `${quote(initiative)} is in production without a measurement in the last ${config.roiWindowDays} days`,
        ...link,
      })
    }
  }
  items.push(...disagreeing, ...awaiting, ...gates, ...stalled, ...unmeasured)
  const rotation = config.agenda.rotation
  const heldBefore = view.meetings.filter((m) => m.status === 'held' && m.date < asOf).length
  const topic = rotation[heldBefore % rotation.length]
  if (topic) items.push({ kind: 'handoff-zone', text: `${topic.label}. ${topic.prompt}` })
  return { asOf, items }
}

function overdueDecisions(meetings: readonly MeetingAsOf[], asOf: string): AgendaItem[] {
  const items: AgendaItem[] = []
  for (const meeting of meetings) {
    if (meeting.status !== 'held') continue
    for (const decision of meeting.decisions) {
      if (decision.due === undefined || decision.due >= asOf) continue
      if (decisionStatusOn(decision, asOf) !== 'open') continue
      items.push({
        kind: 'decision-overdue',
        text: `Decision “${decision.text}” (${decision.owner?.seat ?? 'no owner'}) was due ${decision.due}`,
        decision: decision.id,
        ...(decision.initiatives[0] !== undefined ? { initiative: decision.initiatives[0] } : {}),
      })
    }
  }
  return items
}

function sortedByTitle(initiatives: readonly Initiative[]): Initiative[] {
  return [...initiatives].sort((a, b) =>
    a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1,
  )
}

function quote(initiative: Initiative): string {
  return `“${initiative.title}”`
}
