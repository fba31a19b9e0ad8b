import type { Playbook } from '../compile-playbook.js'
import type { AntiPatternId, Severity } from '../vocabulary.js'
import type { Operations, Organization } from './operations-schema.js'
import type { SignalId } from './vocabulary.js'
import type {
  MadeDecision,
  RuleFinding,
  SignalContext,
  SignalEvidence,
  SubjectKind,
} from './signals/signal-context.js'
import { operationsAsOf } from './operations-as-of.js'
import { operationsConfig } from './operations-config.js'
import { capabilityUnaligned } from './signals/capability-unaligned.js'
import { gateOverridden } from './signals/gate-overridden.js'
import { infrastructureCantSupport } from './signals/infrastructure-cant-support.js'
import { lensesDisagree } from './signals/lenses-disagree.js'
import { partnersDontTalk } from './signals/partners-dont-talk.js'
import { pilotsProliferate } from './signals/pilots-proliferate.js'
import { productionStalls } from './signals/production-stalls.js'
import { roiTheoretical } from './signals/roi-theoretical.js'
import { unownedWork } from './signals/unowned-work.js'
import { SIGNAL_IDS } from './vocabulary.js'

export type { SignalEvidence, SubjectKind } from './signals/signal-context.js'

/** One signal (operate.md §3): the rule, its subject, and the failure of the article it points at. */
export interface Signal {
  /** The rule id plus its subject: `roi-theoretical:organization`, `lenses-disagree:initiative/ini-7`. */
  readonly key: string
  readonly id: SignalId
  readonly subject: { readonly kind: SubjectKind; readonly id: string | null }
  readonly title: string
  readonly antiPattern: AntiPatternId
  readonly severity: Severity
  readonly evidence: readonly SignalEvidence[]
  /** The article's words, verbatim. */
  readonly passage: string
  readonly remedy: string
  /** Present while an acknowledgement of this key runs: the signal is shown, marked, never hidden. */
  readonly acknowledged?: { readonly reason: string; readonly until: string; readonly by: string }
}

export interface SignalsResult {
  readonly asOf: string
  readonly playbook: { readonly id: string; readonly version: string }
  readonly signals: readonly Signal[]
}

const RULES: Readonly<Record<SignalId, (context: SignalContext) => readonly RuleFinding[]>> = {
  'pilots-proliferate': pilotsProliferate,
  'production-stalls': productionStalls,
  'roi-theoretical': roiTheoretical,
  'partners-dont-talk': partnersDontTalk,
  'lenses-disagree': lensesDisagree,
  'infrastructure-cant-support': infrastructureCantSupport,
  'capability-unaligned': capabilityUnaligned,
  'unowned-work': unownedWork,
  'gate-overridden': gateOverridden,
}

/**
 * The signals of an organization's register and meetings at the end of `asOf` (operate.md §3).
 * Pure and deterministic: records dated after `asOf` are left out, and the order is the rules' order,
 * then the subject's id.
 */
export function signals(operations: Operations, playbook: Playbook, asOf: string): SignalsResult {
  const config = operationsConfig(playbook)
  const view = operationsAsOf(operations, asOf)
  const decisions: MadeDecision[] = []
  const decisionsByInitiative = new Map<string, MadeDecision[]>()
  for (const meeting of view.meetings) {
    if (meeting.status !== 'held') continue
    for (const decision of meeting.decisions) {
      const made = { decision, meeting }
      decisions.push(made)
      const linked = new Set(decision.initiatives)
      if (decision.stageMove) linked.add(decision.stageMove.initiative)
      for (const id of linked) {
        const list = decisionsByInitiative.get(id)
        if (list) list.push(made)
        else decisionsByInitiative.set(id, [made])
      }
    }
  }
  const context: SignalContext = {
    asOf,
    organization: operations.organization,
    playbook,
    config,
    view,
    decisions,
    decisionsByInitiative,
  }
  const acknowledgements = new Map(
    operations.acknowledgements
      .filter((ack) => ack.until >= asOf && (ack.at === undefined || ack.at.slice(0, 10) <= asOf))
      .map((ack) => [ack.key, ack]),
  )
  const out: Signal[] = []
  for (const id of SIGNAL_IDS) {
    const words = config.signals[id]
    const antiPattern = antiPatternOf(id, operations.organization)
    const findings = [...RULES[id](context)].sort((a, b) =>
      compareIds(a.subject.id ?? '', b.subject.id ?? ''),
    )
    for (const finding of findings) {
      const key = signalKey(id, finding.subject)
      const ack = acknowledgements.get(key)
      out.push({
        key,
        id,
        subject: finding.subject,
        title: words.title,
        antiPattern,
        severity: finding.severity,
        evidence: finding.evidence,
        passage: config.passages[words.passage] ?? '',
        remedy: words.remedy,
        ...(ack ? { acknowledged: { reason: ack.reason, until: ack.until, by: ack.by } } : {}),
      })
    }
  }
  return { asOf, playbook: { id: playbook.id, version: playbook.version }, signals: out }
}

/** A signal's key: its rule id and subject, stable across calls so it can be acknowledged. */
export function signalKey(id: SignalId, subject: Signal['subject']): string {
  return subject.kind === 'organization'
    ? `${id}:organization`
    : `${id}:${subject.kind}/${subject.id ?? ''}`
}

/**
 * The anti-pattern a signal names (operate.md §3, framework.md §5): `roles-later` for unowned work and
 * overridden gates; `partners-dont-talk` for missed meetings; otherwise `cto-can-handle-ai` without a
 * seat holding the AI function, `caio-without-technical-depth` when its holder has not shipped AI
 * systems, else `partners-dont-talk`.
 */
export function antiPatternOf(id: SignalId, organization: Organization): AntiPatternId {
  if (id === 'unowned-work' || id === 'gate-overridden') return 'roles-later'
  if (id === 'partners-dont-talk') return 'partners-dont-talk'
  const aiSeats = organization.seats.filter((s) => s.title === 'CAIO' || s.title === 'CTO/CAIO')
  if (aiSeats.length === 0) return 'cto-can-handle-ai'
  if (aiSeats.some((s) => s.shippedAiSystems === false)) return 'caio-without-technical-depth'
  return 'partners-dont-talk'
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
