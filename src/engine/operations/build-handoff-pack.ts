import type { Playbook } from '../compile-playbook.js'
import type { MissingItem } from './check-gate.js'
import type { Assignment, Duty, Operations } from './operations-schema.js'
import type { Signal } from './signals.js'
import type { Audience, Stage } from './vocabulary.js'
import { checkGate, classificationOf, dutyId } from './check-gate.js'
import { currentStage } from './current-stage.js'
import { dayOf } from './dates.js'
import { gateDebt } from './gate-debt.js'
import { decisionStatusOn, operationsAsOf } from './operations-as-of.js'
import { signals } from './signals.js'
import { STAGES } from './vocabulary.js'

export const HANDOFF_SCHEMA_ID = 'tandem/handoff@1'

/** What a fractional leader taking over needs on day one (operate.md §4 "Hand-off pack"). */
export interface HandoffPack {
  readonly schema: typeof HANDOFF_SCHEMA_ID
  readonly organization: string
  readonly asOf: string
  readonly audience: Audience
  readonly seats: readonly {
    readonly title: string
    readonly engagement: string | null
    readonly name: string | null
    readonly assignments: readonly Assignment[]
  }[]
  readonly openDecisions: readonly {
    readonly id: string
    readonly meeting: string
    readonly text: string
    readonly owner: string | null
    readonly due: string | null
  }[]
  readonly stages: readonly {
    readonly stage: Stage
    readonly initiatives: readonly {
      readonly id: string
      readonly title: string
      readonly owner: string | null
      /** What the next gate still needs (ideas: the pilot gate; pilots: the production gate). */
      readonly gateGaps: readonly MissingItem[]
    }[]
  }[]
  readonly openSignals: readonly Signal[]
  readonly overrides: readonly {
    readonly initiative: string
    readonly title: string
    readonly at: string
    readonly to: Stage
    readonly by: string | null
    readonly reason: string | null
    readonly open: readonly string[]
  }[]
  readonly highRisk: readonly {
    readonly initiative: string
    readonly title: string
    readonly oversightOwner: string | null
    readonly obligations: readonly {
      readonly id: string
      readonly done: boolean
      readonly evidence: string | null
    }[]
  }[]
}

/** Builds the hand-off pack of an organization at the end of `asOf`. */
export function buildHandoffPack(
  operations: Operations,
  playbook: Playbook,
  asOf: string,
  audience: Audience = 'client',
): HandoffPack {
  const view = operationsAsOf(operations, asOf)
  const context = { organization: operations.organization, playbook }
  const initiatives = view.initiatives.filter(
    (i) => audience === 'internal' || i.visibility === 'client',
  )
  const hidden = new Set(
    operations.initiatives.filter((i) => !initiatives.includes(i)).map((i) => i.id),
  )
  const seats = operations.organization.seats.map((seat) => ({
    title: seat.title,
    engagement: seat.engagement ?? null,
    name: seat.name ?? null,
    assignments: operations.organization.assignments.filter(
      (a) => a.seat === seat.title && a.from <= asOf,
    ),
  }))
  const openDecisions = view.meetings
    .filter((m) => m.status === 'held')
    .flatMap((meeting) =>
      meeting.decisions
        .filter(
          (d) =>
            decisionStatusOn(d, asOf) === 'open' &&
            (audience === 'internal' || d.visibility === 'client') &&
            !d.initiatives.some((id) => hidden.has(id)),
        )
        .map((d) => ({
          id: d.id,
          meeting: meeting.id,
          text: d.text,
          owner: d.owner?.seat ?? null,
          due: d.due ?? null,
        })),
    )
  const stages = STAGES.map((stage) => ({
    stage,
    initiatives: initiatives
      .filter((i) => currentStage(i) === stage)
      .map((i) => ({
        id: i.id,
        title: i.title,
        owner: i.owner?.seat ?? null,
        gateGaps:
          stage === 'idea'
            ? checkGate(i, 'pilot', context)
            : stage === 'pilot'
              ? checkGate(i, 'production', context)
              : [],
      })),
  })).filter((group) => group.initiatives.length > 0)
  const overrides = initiatives.flatMap((initiative) => {
    const debt = gateDebt(initiative, context)
    return initiative.history
      .filter((move) => move.kind === 'forced')
      .map((move) => ({
        initiative: initiative.id,
        title: initiative.title,
        at: dayOf(move.at),
        to: move.to,
        by: move.by?.seat ?? null,
        reason: move.reason ?? null,
        open: debt.filter((d) => d.move === move).map((d) => d.message),
      }))
  })
  const highRisk = initiatives.flatMap((initiative) => {
    const classification = classificationOf(initiative, playbook)
    if (classification?.tier !== 'high') return []
    const duties = new Map<string, Duty>(initiative.compliance.duties.map((d) => [d.id, d]))
    return [
      {
        initiative: initiative.id,
        title: initiative.title,
        oversightOwner: initiative.compliance.oversightOwner ?? null,
        obligations: [...new Set(classification.obligations.map(dutyId))].map((id) => ({
          id,
          done: duties.get(id)?.done === true,
          evidence: duties.get(id)?.evidence ?? null,
        })),
      },
    ]
  })
  const openSignals = signals(operations, playbook, asOf).signals.filter(
    (s) => s.subject.kind !== 'initiative' || !hidden.has(s.subject.id ?? ''),
  )
  return {
    schema: HANDOFF_SCHEMA_ID,
    organization: operations.organization.name,
    asOf,
    audience,
    seats,
    openDecisions,
    stages,
    openSignals,
    overrides,
    highRisk,
  }
}
