import type { Assessment } from '../api/types.js'

const SEVERITY_WORD = { blocking: 'Blocking', critical: 'Critical', warning: 'Warning' } as const

/**
 * The executive summary, first on the assessment page and within the first screen: the headline and
 * who sits where, at most three findings and next steps, the EU AI Act dates of the use cases, and
 * the line that this is advice, not legal advice.
 */
export function SummaryCard({ assessment }: { assessment: Assessment }) {
  const s = assessment.summary
  const warnings = [
    ...new Set(assessment.stakes.useCases.flatMap((u) => u.classification?.warnings ?? [])),
  ]
  return (
    <section className="card summary-card" id="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      <p className="summary-headline">{s.headline}</p>
      {s.seats.length > 0 && (
        <ul className="summary-seats" aria-label="Who sits where">
          {s.seats.map((seat, i) => (
            <li key={`${seat.title}-${i}`}>
              <strong>{seat.title}</strong> <span className="meta">{seat.engagement}</span>:{' '}
              {seat.holder ??
                (assessment.profile.current === undefined
                  ? 'open (today’s leaders were not given)'
                  : 'someone to bring in')}
            </li>
          ))}
        </ul>
      )}
      <div className="summary-grid">
        <div>
          <h3>Findings</h3>
          {s.findings.length === 0 ? (
            <p className="meta">No finding that needs action.</p>
          ) : (
            <ol>
              {s.findings.map((f) => (
                <li key={f.id}>
                  <span className={`sev sev-${f.severity}`}>{SEVERITY_WORD[f.severity]}</span>{' '}
                  {f.text}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>Next steps</h3>
          {s.nextSteps.length === 0 ? (
            <p className="meta">Nothing to change.</p>
          ) : (
            <ol>
              {s.nextSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )}
        </div>
      </div>
      {s.milestones.length > 0 && (
        <>
          <h3>EU AI Act dates for your use cases</h3>
          <ul className="summary-dates">
            {s.milestones.map((m) => (
              <li key={`${m.date}-${m.ref}`}>
                <strong>{m.date}</strong>
                {m.status === 'to-confirm' ? ' (to confirm)' : ''}: {m.summary}{' '}
                <span className="meta">
                  ({m.ref}; {m.useCases.join(', ')})
                </span>
              </li>
            ))}
          </ul>
          {warnings.map((w) => (
            <p key={w} className="meta warning-line">
              {w}
            </p>
          ))}
        </>
      )}
      <p className="summary-disclaimer">{s.disclaimer}</p>
    </section>
  )
}
