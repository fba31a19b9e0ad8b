import type { AssessmentListItem, AssessmentRecord } from '../api/types.js'
import { useEffect, useState } from 'react'
import { api } from '../api/client.js'
import {
  Badge,
  Empty,
  ErrorBanner,
  Loaded,
  Loading,
  PageHeader,
  Section,
} from '../components/ui.js'
import { antiPatternLabel, formatDate, structureLabel } from '../lib/labels.js'
import { compareAssessments } from '../lib/profile-diff.js'
import { hrefFor } from '../lib/routes.js'
import { useLoad } from '../lib/use-load.js'

/** An organization's assessments over time, and a side-by-side comparison of any two. */
export function HistoryPage({ ws, org }: { ws: string; org: string }) {
  const [load, reload] = useLoad(
    () => Promise.all([api.organization(ws, org), api.assessments(ws, org)]),
    [ws, org],
  )
  return (
    <Loaded load={load} what="the history" onReload={reload}>
      {([organization, list]) => {
        const ordered = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        return (
          <>
            <PageHeader
              title={`History of ${organization.name}`}
              actions={
                <a className="button" href={hrefFor({ page: 'organization', ws, org })}>
                  Back to {organization.name}
                </a>
              }
            />
            {ordered.length === 0 ? (
              <Empty title="No assessments yet." />
            ) : (
              <>
                <Section id="over-time" title="Assessments over time">
                  <ol className="history-line">
                    {ordered.map((item) => (
                      <li key={item.id}>
                        <a href={hrefFor({ page: 'assessment', ws, id: item.id })}>
                          {formatDate(item.createdAt)}
                        </a>
                        <Badge tone="structure">{structureLabel(item.structure)}</Badge>
                        <span className="meta">profile v{item.profileVersion}</span>
                      </li>
                    ))}
                  </ol>
                </Section>
                {ordered.length >= 2 ? (
                  <Compare ws={ws} list={ordered} />
                ) : (
                  <p className="meta">
                    Assess again after changing the profile to compare two assessments.
                  </p>
                )}
              </>
            )}
          </>
        )
      }}
    </Loaded>
  )
}

function Compare({ ws, list }: { ws: string; list: readonly AssessmentListItem[] }) {
  const [left, setLeft] = useState(list[list.length - 2]?.id ?? '')
  const [right, setRight] = useState(list[list.length - 1]?.id ?? '')
  const [pair, setPair] = useState<readonly [AssessmentRecord, AssessmentRecord] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    setPair(null)
    setError(null)
    Promise.all([api.assessment(ws, left), api.assessment(ws, right)]).then(
      (records) => live && setPair(records),
      (failure: unknown) => live && setError(failure),
    )
    return () => {
      live = false
    }
  }, [ws, left, right])

  const option = (item: AssessmentListItem) => (
    <option key={item.id} value={item.id}>
      {formatDate(item.createdAt)} — {structureLabel(item.structure)} (v{item.profileVersion})
    </option>
  )
  const comparison = pair ? compareAssessments(pair[0].result, pair[1].result) : null
  return (
    <Section id="compare" title="Compare two assessments">
      <div className="grid-2">
        <div className="field">
          <label htmlFor="compare-left">Before</label>
          <select id="compare-left" value={left} onChange={(event) => setLeft(event.target.value)}>
            {list.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-right">After</label>
          <select
            id="compare-right"
            value={right}
            onChange={(event) => setRight(event.target.value)}
          >
            {list.map(option)}
          </select>
        </div>
      </div>
      {error !== null && <ErrorBanner error={error} />}
      {!comparison && error === null && <Loading what="both assessments" />}
      {comparison && (
        <div className="comparison">
          <h3>Recommendation</h3>
          <p className="compare-structures">
            <Badge tone="structure">{structureLabel(comparison.structure.before)}</Badge>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden"> became </span>
            <Badge tone="structure">{structureLabel(comparison.structure.after)}</Badge>{' '}
            {comparison.structure.changed ? (
              <strong>changed</strong>
            ) : (
              <span className="meta">unchanged</span>
            )}
          </p>
          <h3>Anti-patterns</h3>
          <ul className="ap-diff">
            {comparison.antiPatterns.added.map((id) => (
              <li key={`+${id}`}>
                <Badge tone="danger">new</Badge> {antiPatternLabel(id)}
              </li>
            ))}
            {comparison.antiPatterns.removed.map((id) => (
              <li key={`-${id}`}>
                <Badge tone="success">resolved</Badge> {antiPatternLabel(id)}
              </li>
            ))}
            {comparison.antiPatterns.kept.map((id) => (
              <li key={`=${id}`}>
                <Badge tone="warning">still there</Badge> {antiPatternLabel(id)}
              </li>
            ))}
            {comparison.antiPatterns.added.length +
              comparison.antiPatterns.removed.length +
              comparison.antiPatterns.kept.length ===
              0 && <li>None in either assessment.</li>}
          </ul>
          <h3>Profile changes</h3>
          {comparison.profile.length === 0 ? (
            <p>The two assessments rest on the same profile.</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Profile changes">
              <table className="diff">
                <caption className="visually-hidden">Profile fields that changed</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.profile.map((change) => (
                    <tr key={change.path}>
                      <th scope="row">
                        <code>{change.path}</code>
                      </th>
                      <td className="before">{change.before ?? '—'}</td>
                      <td className="after">{change.after ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Section>
  )
}
