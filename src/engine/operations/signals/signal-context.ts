import type { Playbook } from '../../compile-playbook.js'
import type { Severity } from '../../vocabulary.js'
import type { OperationsPlaybook } from '../operations-playbook-schema.js'
import type { Initiative, MeetingDecision, Organization } from '../operations-schema.js'
import type { MeetingAsOf, OperationsAsOf } from '../operations-as-of.js'

/** What a signal points at: a link for people, an id for programs. */
export interface SignalEvidence {
  readonly note: string
  readonly initiative?: string
  readonly meeting?: string
  readonly decision?: string
}

export type SubjectKind = 'organization' | 'initiative' | 'decision'

/** A rule's finding before the shared words (title, passage, remedy, anti-pattern) are added. */
export interface RuleFinding {
  readonly subject: { readonly kind: SubjectKind; readonly id: string | null }
  readonly severity: Severity
  readonly evidence: readonly SignalEvidence[]
}

/** A decision with the held meeting that made it. */
export interface MadeDecision {
  readonly decision: MeetingDecision
  readonly meeting: MeetingAsOf
}

/** Everything the signal rules read, computed once per call. */
export interface SignalContext {
  readonly asOf: string
  readonly organization: Organization
  readonly playbook: Playbook
  readonly config: OperationsPlaybook
  readonly view: OperationsAsOf
  /** Decisions of held meetings by the initiatives they link (or move). */
  readonly decisionsByInitiative: ReadonlyMap<string, readonly MadeDecision[]>
  /** Every decision of a held meeting, oldest meeting first. */
  readonly decisions: readonly MadeDecision[]
}

/** The initiative's title in quotes, as evidence names it. */
export function named(initiative: Initiative): string {
  return `“${initiative.title}”`
}

export const ORGANIZATION = { kind: 'organization', id: null } as const

export function aboutInitiative(initiative: Initiative): RuleFinding['subject'] {
  return { kind: 'initiative', id: initiative.id }
}
