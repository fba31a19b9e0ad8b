import type { Assessment, RoadmapPoint } from '../engine/types.js'

/** The roadmap to draw: the engine leaves it empty without `growth`, so it is then today's structure. */
export function roadmapPoints(a: Assessment): readonly RoadmapPoint[] {
  if (a.roadmap.length > 0) return a.roadmap
  const { structure, stage } = a.recommendation
  return [{ at: 'now', structure, stage, trigger: null }]
}
