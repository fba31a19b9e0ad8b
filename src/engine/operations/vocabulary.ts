// The fixed vocabularies of the register, the meeting and the signals (operate.md §1–§3).

export const OPERATIONS_SCHEMA_ID = 'tandem/operations@1'

/** Where an initiative stands; `stopped` is reachable from any stage. */
export const STAGES = ['idea', 'pilot', 'production', 'retired', 'stopped'] as const
export type Stage = (typeof STAGES)[number]

/** The two stages behind a gate: moving into them checks the playbook's gate items. */
export const GATED_STAGES = ['pilot', 'production'] as const
export type GatedStage = (typeof GATED_STAGES)[number]

export const LENSES = ['cto', 'caio'] as const
export type Lens = (typeof LENSES)[number]

export const LENS_ANSWERS = ['yes', 'no', 'unsure'] as const
export type LensAnswer = (typeof LENS_ANSWERS)[number]

/** The CTO's three questions ("Can we build this? Will it scale? Is it secure?"). */
export const CTO_QUESTIONS = ['build', 'scale', 'secure'] as const
export type CtoQuestion = (typeof CTO_QUESTIONS)[number]

/** How a stage move came about: through its gate, forced past it, or read in by an import. */
export const MOVE_KINDS = ['move', 'forced', 'imported'] as const
export type MoveKind = (typeof MOVE_KINDS)[number]

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_KINDS = ['alignment', 'portfolio-review', 'other'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]

export const DECISION_STATUSES = ['open', 'done', 'dropped'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

/** Who may see a note, decision text or measurement note: the client, or only the consultancy. */
export const VISIBILITIES = ['client', 'internal'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** Audiences of the digest, calendar, hand-off pack and exports; `client` hides `internal` items. */
export const AUDIENCES = ['client', 'internal'] as const
export type Audience = (typeof AUDIENCES)[number]

export const MEETING_CADENCES = ['weekly', 'biweekly', 'monthly'] as const
export type MeetingCadence = (typeof MEETING_CADENCES)[number]

export const ASSIGNMENT_ROLES = ['holder', 'delegate'] as const
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number]

/** The nine signals of operate.md §3, in the order reports list them. */
export const SIGNAL_IDS = [
  'pilots-proliferate',
  'production-stalls',
  'roi-theoretical',
  'partners-dont-talk',
  'lenses-disagree',
  'infrastructure-cant-support',
  'capability-unaligned',
  'unowned-work',
  'gate-overridden',
] as const
export type SignalId = (typeof SIGNAL_IDS)[number]

/**
 * Every gate requirement the engine knows how to check. A playbook lists which of them each gate
 * needs; `use-case-tier` expands by the use case's EU AI Act tier (transparency duties, obligations,
 * oversight owner, derogation assessment).
 */
export const GATE_ITEM_IDS = [
  'caio-should-yes',
  'caio-metric',
  'caio-baseline-target',
  'cto-build-not-no',
  'cto-build-yes',
  'cto-scale-yes',
  'cto-secure-yes',
  'use-case-not-prohibited',
  'use-case-classified',
  'use-case-tier',
] as const
export type GateItemId = (typeof GATE_ITEM_IDS)[number]

/** The lens each gate requirement belongs to: the seat reviewing that lens acknowledges a forced skip. */
export const GATE_ITEM_LENS: Readonly<Record<GateItemId, Lens>> = {
  'caio-should-yes': 'caio',
  'caio-metric': 'caio',
  'caio-baseline-target': 'caio',
  'cto-build-not-no': 'cto',
  'cto-build-yes': 'cto',
  'cto-scale-yes': 'cto',
  'cto-secure-yes': 'cto',
  // The use case's governance is the AI value function's ("governance ... risk management").
  'use-case-not-prohibited': 'caio',
  'use-case-classified': 'caio',
  'use-case-tier': 'caio',
}

/** Kinds of generated agenda items (operate.md §2), in the order the agenda lists them. */
export const AGENDA_KINDS = [
  'decision-overdue',
  'lenses-disagree',
  'awaiting-lens',
  'gate-due',
  'pilot-stalled',
  'production-unmeasured',
  'handoff-zone',
  'other',
] as const
export type AgendaKind = (typeof AGENDA_KINDS)[number]
