import type { Classification } from '../api/types.js'
import { TIER_LABELS } from '../lib/labels.js'
import { Badge } from './ui.js'

const TIER_TONES = {
  prohibited: 'danger',
  high: 'warning',
  limited: 'info',
  minimal: 'success',
} as const

/** One use case's EU AI Act classification: tier, basis article by article, obligations, as-of date. */
export function ClassificationView({
  classification,
  compact = false,
}: {
  classification: Classification
  compact?: boolean
}) {
  return (
    <div className="classification">
      <p className="tier-line">
        <Badge tone={TIER_TONES[classification.tier]}>{TIER_LABELS[classification.tier]}</Badge>
        {classification.transparency.length > 0 && (
          <span className="meta">
            {' '}
            + transparency duties: {classification.transparency.join(', ')}
          </span>
        )}
        <span className="meta"> · as of {classification.asOf}</span>
      </p>
      {classification.basis.length > 0 && (
        <ul className="basis">
          {classification.basis.map((basis) => (
            <li key={`${basis.ref}-${basis.summary}`}>
              <strong>{basis.ref}</strong> — {basis.summary}
            </li>
          ))}
        </ul>
      )}
      {!compact && classification.milestones.length > 0 && (
        <>
          <h4>Dates that apply</h4>
          <ul className="milestones">
            {classification.milestones.map((m) => (
              <li key={m.id}>
                <strong>{m.date}</strong>
                {m.status === 'to-confirm' ? ' (to confirm)' : ''}, {m.ref}: {m.summary}
              </li>
            ))}
          </ul>
        </>
      )}
      {!compact &&
        classification.warnings.map((warning) => (
          <p key={warning} className="meta warning-line">
            {warning}
          </p>
        ))}
      {!compact && classification.obligations.length > 0 && (
        <>
          <h4>Obligations</h4>
          <ul className="obligations">
            {classification.obligations.map((obligation) => (
              <li key={obligation}>{obligation}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
