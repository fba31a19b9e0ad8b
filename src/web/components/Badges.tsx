import type { LatestAssessment } from '../api/types.js'
import { antiPatternLabel, structureLabel } from '../lib/labels.js'
import { Badge } from './ui.js'

/** The recommended structure and the anti-pattern badges of an organization's latest assessment. */
export function AssessmentBadges({ latest }: { latest: LatestAssessment | null }) {
  if (!latest) return <Badge tone="muted">Not assessed yet</Badge>
  return (
    <span className="badges">
      <Badge tone="structure">{structureLabel(latest.structure)}</Badge>
      {latest.currentStructure !== null && latest.currentStructure !== latest.structure && (
        <Badge tone="warning" title={`Today: ${structureLabel(latest.currentStructure)}`}>
          Differs from today
        </Badge>
      )}
      {latest.antiPatterns.map((id) => (
        <Badge key={id} tone="danger">
          {antiPatternLabel(id)}
        </Badge>
      ))}
    </span>
  )
}
