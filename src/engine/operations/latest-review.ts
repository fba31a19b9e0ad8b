import type { CaioReview, CtoReview, Initiative, Measure } from './operations-schema.js'

/** The latest CTO lens review (lists are sorted by date on validation). */
export function latestCto(initiative: Initiative): CtoReview | undefined {
  return initiative.lenses.cto.at(-1)
}

/** The latest CAIO lens review. */
export function latestCaio(initiative: Initiative): CaioReview | undefined {
  return initiative.lenses.caio.at(-1)
}

/** The metric the initiative is measured by: the latest CAIO review that names one. */
export function currentMeasure(initiative: Initiative): Measure | undefined {
  const reviews = initiative.lenses.caio
  for (let i = reviews.length - 1; i >= 0; i--) {
    const measure = reviews[i]?.measure
    if (measure) return measure
  }
  return undefined
}
