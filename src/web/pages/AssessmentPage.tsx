import type { Assessment, AssessmentRecord } from '../api/types.js'
import { useState } from 'react'
import { api, links } from '../api/client.js'
import { CharterGrid } from '../components/CharterGrid.js'
import { ClassificationView } from '../components/Classification.js'
import { QuestionsChart } from '../components/QuestionsChart.js'
import { Roadmap } from '../components/Roadmap.js'
import { SeatsDiagram } from '../components/SeatsDiagram.js'
import { SummaryCard } from '../components/SummaryCard.js'
import { Badge, ErrorBanner, Loaded, PageHeader, Passage, Section } from '../components/ui.js'
import { formatDate, structureLabel } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'

/** The assessment, read top to bottom: blocking findings, the structure, why, and what to do next. */
export function AssessmentPage({ ws, id }: { ws: string; id: string }) {
  const [load, reload] = useLoad(() => api.assessment(ws, id), [ws, id])
  return (
    <Loaded load={load} what="the assessment" onReload={reload}>
      {(record) => <AssessmentView ws={ws} record={record} />}
    </Loaded>
  )
}

function AssessmentView({ ws, record }: { ws: string; record: AssessmentRecord }) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const a = record.result
  const rec = a.recommendation
  const [error, setError] = useState<unknown>(null)
  const grow = a.counterfactuals.filter((c) => c.direction === 'grow')
  const shrink = a.counterfactuals.filter((c) => c.direction !== 'grow')
  const [busy, setBusy] = useState(false)

  const editCharter = () => {
    setBusy(true)
    setError(null)
    api.createCharter(ws, record.id).then(
      (charter) => navigate({ page: 'charter', ws, id: charter.id }),
      (failure: unknown) => {
        setBusy(false)
        setError(failure)
      },
    )
  }

  return (
    <article className="assessment">
      <PageHeader
        title={a.profile.name}
        lead={`Assessed ${formatDate(record.createdAt)} · profile v${record.profileVersion} · playbook ${a.playbook.id} ${a.playbook.version}`}
        actions={
          <>
            <a className="button" href={links.report(ws, record.id, 'html')} download>
              HTML
            </a>
            <a className="button" href={links.report(ws, record.id, 'md')} download>
              Markdown
            </a>
            <a className="button" href={links.report(ws, record.id, 'json')} download>
              JSON
            </a>
            <button type="button" className="button" onClick={() => window.print()}>
              Print / PDF
            </button>
            <a
              className="button no-print"
              href={hrefFor({ page: 'history', ws, org: record.organizationId })}
            >
              History
            </a>
          </>
        }
      />
      {error !== null && <ErrorBanner error={error} />}

      <SummaryCard assessment={a} />

      {a.findings.length > 0 && (
        <section className="blocking" aria-labelledby="blocking-title">
          <h2 id="blocking-title">Blocking findings</h2>
          {a.findings.map((finding) => (
            <div key={finding.id} className="blocking-finding" role="alert">
              <p>
                <strong>{finding.message}</strong>
              </p>
              <Evidence evidence={finding.evidence} />
              {finding.source && <Passage>{finding.source}</Passage>}
            </div>
          ))}
        </section>
      )}

      <section className="card hero" aria-labelledby="structure-title">
        <div>
          <p className="eyebrow">Recommended structure</p>
          <h2 id="structure-title">{rec.label || structureLabel(rec.structure)}</h2>
          <p className="meta">
            Fractional-path stage {rec.stage} · rule <code>{rec.rule}</code>
            {rec.cap && (
              <>
                {' '}
                · budget cap <code>{rec.cap}</code>
              </>
            )}
          </p>
          <div className={`change change-${rec.change.kind}`}>
            <p>
              <Badge tone="structure">{rec.change.kind}</Badge> {rec.change.summary}
            </p>
            {rec.change.steps.length > 0 && (
              <ol>
                {rec.change.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            )}
          </div>
        </div>
        <SeatsDiagram seats={rec.seats} label={rec.label || structureLabel(rec.structure)} />
      </section>

      <Section id="why" title="Why">
        <ul className="why">
          {rec.why.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {rec.facts.length > 0 && (
          <dl className="facts">
            {rec.facts.map((fact) => (
              <div key={fact.name}>
                <dt>{fact.name}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {rec.source.map((passage) => (
          <Passage key={passage}>{passage}</Passage>
        ))}
        {a.notes.length > 0 && (
          <ul className="notes">
            {a.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="questions" title="The five questions">
        <QuestionsChart questions={a.questions} />
      </Section>

      <Section id="anti-patterns" title="Anti-patterns">
        {a.antiPatterns.length === 0 ? (
          <p>None of the article’s four failing structures shows in today’s arrangement.</p>
        ) : (
          <ul className="anti-patterns">
            {a.antiPatterns.map((finding) => (
              <li key={finding.id} className={`anti-pattern severity-${finding.severity}`}>
                <h3>
                  <Badge tone={finding.severity === 'critical' ? 'danger' : 'warning'}>
                    {finding.severity}
                  </Badge>{' '}
                  {finding.title}
                </h3>
                <Evidence evidence={finding.evidence} />
                <p>
                  <strong>Remedy:</strong> {finding.remedy}
                </p>
                <Passage>{finding.source}</Passage>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="counterfactuals"
        title="What would change this"
        lead="The nearest changes of each input that would lead to another structure."
      >
        {a.counterfactuals.length === 0 ? (
          <p>No single nearby change of an input alters the recommendation.</p>
        ) : (
          <>
            {/* The triggers to plan for lead; the shrinking ones are folded away. */}
            {grow.length === 0 ? (
              <p>No growth changes the structure.</p>
            ) : (
              <ul className="counterfactuals">{grow.map(counterfactualItem)}</ul>
            )}
            {shrink.length > 0 && (
              <details className="shrink">
                <summary>If the organization shrinks ({shrink.length})</summary>
                <ul className="counterfactuals">{shrink.map(counterfactualItem)}</ul>
              </details>
            )}
          </>
        )}
      </Section>

      <Section id="roadmap" title="Roadmap">
        {a.roadmap.length <= 1 ? (
          <p>
            {a.roadmap.length === 1
              ? 'No planned growth in the profile; the structure holds as long as the inputs do.'
              : 'No roadmap.'}{' '}
            Add growth steps to the profile to see the path.
          </p>
        ) : (
          <Roadmap points={a.roadmap} />
        )}
      </Section>

      <Section
        id="use-cases"
        title="AI use cases under the EU AI Act"
        lead={`Stakes: ${a.stakes.level}${a.stakes.overridden ? ` (overridden; derived ${a.stakes.derived})` : ''}.`}
      >
        {a.stakes.useCases.length === 0 ? (
          <p>The profile lists no AI use cases.</p>
        ) : (
          <ul className="use-case-results">
            {a.stakes.useCases.map((useCase, index) => (
              <li key={`${useCase.name}-${index}`} className="card inner">
                <h3>{useCase.name}</h3>
                <p className="meta">
                  Stakes {useCase.level}: {useCase.reason}
                </p>
                {useCase.classification ? (
                  <ClassificationView classification={useCase.classification} />
                ) : (
                  <p className="meta">Not classified (no facts for the EU AI Act classifier).</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="cadence" title="Partnership operating model">
        <p>{a.cadence.summary}</p>
        {a.cadence.handoffZones.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Handoff zones">
            <table>
              <caption>Handoff zones</caption>
              <thead>
                <tr>
                  <th scope="col">Zone</th>
                  <th scope="col">CTO brings</th>
                  <th scope="col">CAIO brings</th>
                </tr>
              </thead>
              <tbody>
                {a.cadence.handoffZones.map((zone) => (
                  <tr key={zone.id}>
                    <th scope="row">{zone.label}</th>
                    <td>{zone.cto}</td>
                    <td>{zone.caio}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="charter" title="Responsibility charter">
        <CharterGrid charter={a.charter} />
        {editable && (
          <p className="no-print">
            <button type="button" className="button" onClick={editCharter} disabled={busy}>
              {busy ? 'Opening…' : 'Edit the charter'}
            </button>
          </p>
        )}
      </Section>
    </article>
  )
}

function Evidence({
  evidence,
}: {
  evidence: AssessmentRecord['result']['antiPatterns'][number]['evidence']
}) {
  if (evidence.length === 0) return null
  return (
    <ul className="evidence">
      {evidence.map((item) => (
        <li key={`${item.field}-${item.text}`}>{item.text}</li>
      ))}
    </ul>
  )
}

function counterfactualItem(item: Assessment['counterfactuals'][number]) {
  return (
    <li key={`${item.field}-${String(item.to)}`}>
      <span className="cf-change">{item.summary}</span>
      <span className="cf-arrow" aria-hidden="true">
        ⟶
      </span>
      <Badge tone="structure">{structureLabel(item.structure)}</Badge>
    </li>
  )
}
