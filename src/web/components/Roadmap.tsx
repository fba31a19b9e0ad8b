import type { RoadmapPoint } from '../../engine/types.js'
import { structureLabel } from '../lib/labels.js'

/** The roadmap as a timeline: the structure at each growth step and what triggers each change. */
export function Roadmap({ points }: { points: readonly RoadmapPoint[] }) {
  return (
    <ol className="roadmap">
      {points.map((point, index) => {
        const changed = index > 0 && points[index - 1]?.structure !== point.structure
        return (
          <li
            key={`${point.at}-${index}`}
            className={changed ? 'roadmap-point changed' : 'roadmap-point'}
          >
            <span className="roadmap-at">{point.at}</span>
            <span className="roadmap-dot" aria-hidden="true" />
            <div className="roadmap-body">
              <strong>{structureLabel(point.structure)}</strong>
              <span className="meta"> · fractional-path stage {point.stage}</span>
              {point.trigger && <p>{point.trigger}</p>}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
