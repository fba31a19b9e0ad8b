import type { Initiative, StageMoveRecord } from './operations-schema.js'
import type { Stage } from './vocabulary.js'
import { dayOf } from './dates.js'

/** The initiative's stage: the last move of its history, else its `stage`, else `idea`. */
export function currentStage(initiative: Initiative): Stage {
  return initiative.history.at(-1)?.to ?? initiative.stage ?? 'idea'
}

/** The day the initiative entered its current stage (its creation day when it never moved). */
export function stageSince(initiative: Initiative): string {
  const last = initiative.history.at(-1)
  return dayOf(last?.at ?? initiative.createdAt)
}

/** The initiative's stage at the end of a day: its history replayed up to that day. */
export function stageOn(initiative: Initiative, day: string): Stage | null {
  if (dayOf(initiative.createdAt) > day) return null
  let stage: Stage = initiative.history.length === 0 ? (initiative.stage ?? 'idea') : 'idea'
  for (const move of initiative.history) {
    if (dayOf(move.at) > day) break
    stage = move.to
  }
  return stage
}

/** The moves made on or before a day, oldest first. */
export function movesUntil(initiative: Initiative, day: string): readonly StageMoveRecord[] {
  return initiative.history.filter((move) => dayOf(move.at) <= day)
}
