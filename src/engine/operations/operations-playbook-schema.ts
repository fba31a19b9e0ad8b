import { z } from 'zod'
import { GATE_ITEM_IDS, MEETING_CADENCES, SIGNAL_IDS } from './vocabulary.js'

// The playbook's `operations:` block (operate.md §1–§3): gates, signal thresholds and windows,
// and the words signals speak in. Data, so a consultancy's playbook can change every number here.

const text = z.string().trim().min(1)
const days = z.number().int().min(0)
const share = z.number().min(0).max(1)
const gateItems = z.array(z.enum(GATE_ITEM_IDS))

const signalText = {
  title: text,
  /** Key of `operations.passages`: the article's words this signal quotes. */
  passage: text,
  remedy: text,
}

export const signalsConfigSchema = z.strictObject({
  'pilots-proliferate': z.strictObject({
    ...signalText,
    minPilots: z.number().int().min(1),
    minPilotAgeDays: days,
    windowDays: days,
    concludedShareBelow: share,
  }),
  'production-stalls': z.strictObject({
    ...signalText,
    graceDays: days,
    minPromotions: z.number().int().min(1),
    windowDays: days,
    maxMedianDays: days,
  }),
  'roi-theoretical': z.strictObject({
    ...signalText,
    liveDays: days,
    measuredShareBelow: share,
  }),
  'partners-dont-talk': z.strictObject({
    ...signalText,
    windowDays: z.number().int().min(1),
    tolerance: z.number().min(0),
  }),
  'lenses-disagree': z.strictObject({ ...signalText, openDays: days }),
  'infrastructure-cant-support': z.strictObject({ ...signalText, pilotDays: days }),
  'capability-unaligned': z.strictObject(signalText),
  'unowned-work': z.strictObject(signalText),
  'gate-overridden': z.strictObject({
    ...signalText,
    /** Skipping one of these items makes the signal critical. */
    criticalItems: gateItems,
    /** Skipping a duty of a high-risk use case makes the signal critical. */
    criticalTiers: z.array(z.enum(['limited', 'high'])),
  }),
})

export const operationsPlaybookSchema = z.strictObject({
  /** The article's words the signals quote, verbatim, by key. */
  passages: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), text),
  gates: z.strictObject({ pilot: gateItems, production: gateItems }),
  /** Days after entering pilot a pilot is due its production decision, unless it names `reviewBy`. */
  pilotReviewDays: days,
  /** A production initiative counts as ROI measured with a measurement this many days old or newer. */
  roiWindowDays: days,
  /** Held meetings per 28 days each cadence expects. */
  meetingsPer28Days: z.strictObject(
    Object.fromEntries(MEETING_CADENCES.map((c) => [c, z.number().min(0)])) as Record<
      (typeof MEETING_CADENCES)[number],
      z.ZodNumber
    >,
  ),
  signals: signalsConfigSchema,
  agenda: z.strictObject({
    /** Handoff-zone topics discussed in rotation, one per meeting (the article's overlap). */
    rotation: z.array(z.strictObject({ id: text, label: text, prompt: text })).min(1),
  }),
})

export type OperationsPlaybook = z.output<typeof operationsPlaybookSchema>
export type SignalsConfig = z.output<typeof signalsConfigSchema>

/** Every signal id has its config: checked at compile time, since the schema lists them by hand. */
export const SIGNAL_CONFIG_KEYS: readonly (keyof SignalsConfig)[] = SIGNAL_IDS
