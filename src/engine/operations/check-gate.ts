import type { Playbook } from '../compile-playbook.js'
import type { Classification } from '../types.js'
import type { AiActTier } from '../vocabulary.js'
import type { Initiative, Organization } from './operations-schema.js'
import type { GateItemId, GatedStage, Lens, LensAnswer } from './vocabulary.js'
import { classify } from '../stakes/classify.js'
import { currentMeasure, latestCaio, latestCto } from './latest-review.js'
import { lensSeat } from './lens-seat.js'
import { operationsConfig } from './operations-config.js'
import { GATE_ITEM_LENS } from './vocabulary.js'

/** One requirement of a gate that the initiative does not meet yet, with the seat that can meet it. */
export interface MissingItem {
  readonly item: GateItemId
  /** The duty, obligation or question within the item, where it has several. */
  readonly detail?: string
  readonly lens: Lens
  readonly seat: string
  readonly message: string
  /** The use case's EU AI Act tier, on `use-case-tier` items. */
  readonly tier?: AiActTier
}

export interface GateContext {
  readonly organization: Organization
  readonly playbook: Playbook
}

const CTO_QUESTION_TEXT = {
  build: 'Can we build this?',
  scale: 'Will it scale?',
  secure: 'Is it secure?',
} as const

/**
 * The requirements of the gate into `to` that the initiative misses (operate.md §1 "Gates"), in the
 * playbook's order. A prohibited use case never passes a gate, whatever the playbook lists.
 */
export function checkGate(
  initiative: Initiative,
  to: GatedStage,
  context: GateContext,
): readonly MissingItem[] {
  const items = [...operationsConfig(context.playbook).gates[to]]
  if (!items.includes('use-case-not-prohibited')) items.push('use-case-not-prohibited')
  const classification = classificationOf(initiative, context.playbook)
  const missing: MissingItem[] = []
  for (const item of items) {
    const seat = lensSeat(context.organization, GATE_ITEM_LENS[item])
    for (const gap of CHECKS[item](initiative, classification, context.playbook)) {
      missing.push({ item, lens: GATE_ITEM_LENS[item], seat, ...gap })
    }
  }
  return missing
}

/** The classification of the initiative's use case; null without a use case or a classifier. */
export function classificationOf(
  initiative: Initiative,
  playbook: Playbook,
): Classification | null {
  if (!initiative.useCase || !playbook.classifier) return null
  return classify(initiative.useCase, playbook.classifier)
}

type Gap = Pick<MissingItem, 'message'> & { detail?: string; tier?: AiActTier }
type Check = (
  initiative: Initiative,
  classification: Classification | null,
  playbook: Playbook,
) => readonly Gap[]

const CHECKS: Readonly<Record<GateItemId, Check>> = {
  'caio-should-yes': (initiative) => {
    const should = latestCaio(initiative)?.should
    return should === 'yes'
      ? []
      : [{ message: `CAIO lens: "Should we build this?" is not yes (${answered(should)})` }]
  },
  'caio-metric': (initiative) =>
    currentMeasure(initiative) ? [] : [{ message: 'CAIO lens: no success metric is named' }],
  'caio-baseline-target': (initiative) => {
    const measure = currentMeasure(initiative)
    if (!measure) return [{ message: 'CAIO lens: no success metric with a baseline and a target' }]
    const lacks = [
      ...(measure.baseline === undefined ? ['baseline'] : []),
      ...(measure.target === undefined ? ['target'] : []),
    ]
    if (lacks.length > 0) {
      return [
        { message: `CAIO lens: the metric "${measure.metric}" has no ${lacks.join(' and no ')}` },
      ]
    }
    return measure.baseline === measure.target
      ? [
          {
            message: `CAIO lens: the metric "${measure.metric}" has its target equal to its baseline`,
          },
        ]
      : []
  },
  'cto-build-not-no': (initiative) =>
    latestCto(initiative)?.build === 'no'
      ? [{ message: 'CTO lens: "Can we build this?" is no' }]
      : [],
  'cto-build-yes': (initiative) => ctoYes(initiative, 'build'),
  'cto-scale-yes': (initiative) => ctoYes(initiative, 'scale'),
  'cto-secure-yes': (initiative) => ctoYes(initiative, 'secure'),
  'use-case-not-prohibited': (_initiative, classification) =>
    classification?.tier === 'prohibited'
      ? [
          {
            tier: 'prohibited',
            message: `use case: a prohibited practice under the EU AI Act (${refsOf(classification)})`,
          },
        ]
      : [],
  'use-case-classified': (initiative, _classification, playbook) => {
    if (!initiative.useCase)
      return [{ message: 'use case: none is recorded, so it is not classified' }]
    return playbook.classifier
      ? []
      : [{ message: 'use case: the playbook has no EU AI Act classifier to classify it' }]
  },
  'use-case-tier': tierDuties,
}

function ctoYes(initiative: Initiative, question: 'build' | 'scale' | 'secure'): readonly Gap[] {
  const answer = latestCto(initiative)?.[question]
  return answer === 'yes'
    ? []
    : [{ message: `CTO lens: "${CTO_QUESTION_TEXT[question]}" is not yes (${answered(answer)})` }]
}

function tierDuties(initiative: Initiative, classification: Classification | null): readonly Gap[] {
  const gaps: Gap[] = []
  const duties = new Map(initiative.compliance.duties.map((duty) => [duty.id, duty]))
  if (initiative.useCase?.derogation !== undefined && !initiative.compliance.derogationAssessment) {
    gaps.push({
      detail: 'derogation-assessment',
      message: `EU AI Act: the Art. 6(3) derogation claimed ("${initiative.useCase.derogation}") has no documented assessment`,
    })
  }
  if (!classification) return gaps
  const tier = classification.tier
  // A prohibited practice is refused by `use-case-not-prohibited`, which every gate checks.
  if (tier === 'prohibited') return gaps
  if (tier === 'limited' || tier === 'high') {
    for (const duty of classification.transparency) {
      if (duties.get(duty)?.done !== true) {
        gaps.push({
          tier,
          detail: duty,
          message: `EU AI Act ${tier} tier: transparency duty ${duty} is not marked done`,
        })
      }
    }
  }
  if (tier === 'high') {
    for (const id of new Set(classification.obligations.map(dutyId))) {
      const duty = duties.get(id)
      if (duty?.done !== true || !duty.evidence) {
        gaps.push({
          tier,
          detail: id,
          message: `EU AI Act high tier: the ${id} obligation is not marked done with an evidence link`,
        })
      }
    }
    if (!initiative.compliance.oversightOwner) {
      gaps.push({
        tier,
        detail: 'oversight-owner',
        message: 'EU AI Act high tier: no human-oversight owner is named',
      })
    }
  }
  return gaps
}

/**
 * The id a duty is recorded under: an obligation line's article reference without its role
 * ("Art. 26 (deployer): Use the system…" → "Art. 26"), so a transparency duty and the obligation
 * behind it share one record ("Art. 50(1)").
 */
export function dutyId(obligation: string): string {
  const ref = obligation.split(': ')[0] ?? obligation
  return ref.replace(/ \((provider|deployer|any)\)$/, '')
}

function answered(answer: LensAnswer | undefined): string {
  return answer === undefined ? 'not reviewed' : `latest review: ${answer}`
}

function refsOf(classification: Classification): string {
  return classification.basis.map((cite) => cite.ref).join(', ') || 'Art. 5'
}
