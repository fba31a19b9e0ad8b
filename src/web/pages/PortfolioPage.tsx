import { useState } from 'react'
import { api } from '../api/client.js'
import type { Portfolio } from '../api/types.js'
import { Badge, Empty, Loaded, PageHeader, Section } from '../components/ui.js'
import { antiPatternLabel, STRUCTURE_LABELS, structureLabel } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { useLoad } from '../lib/use-load.js'

/** The workspace at a glance: structures, most common anti-patterns, organizations to restructure. */
export function PortfolioPage({ ws }: { ws: string }) {
  const [load, reload, replace] = useLoad(() => api.portfolio(ws), [ws])
  const [more, setMore] = useState<'idle' | 'loading' | 'failed'>('idle')
  /** Appends the next page of mismatches to the ones shown. */
  const showMore = (portfolio: Portfolio) => {
    if (portfolio.nextCursor === null) return
    setMore('loading')
    api.portfolio(ws, portfolio.nextCursor).then(
      (next) => {
        setMore('idle')
        replace({
          ...next,
          mismatches: [...portfolio.mismatches, ...next.mismatches],
        })
      },
      () => setMore('failed'),
    )
  }
  return (
    <>
      <PageHeader title="Portfolio" lead="Every organization’s latest assessment, side by side." />
      <Loaded load={load} what="the portfolio" onReload={reload}>
        {(portfolio) => {
          const structures = Object.entries(portfolio.byStructure).sort(
            (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
          )
          const assessed = structures.reduce((sum, [, count]) => sum + count, 0)
          const maxStructure = Math.max(1, ...structures.map(([, count]) => count))
          const antiPatterns = [...portfolio.antiPatterns].sort(
            (a, b) => b.count - a.count || a.id.localeCompare(b.id),
          )
          const maxAnti = Math.max(1, ...antiPatterns.map((item) => item.count))
          if (assessed === 0) return <Empty title="No assessed organizations yet." />
          return (
            <div className="portfolio">
              <Section
                id="by-structure"
                title="Organizations per structure"
                lead={`${assessed} assessed organization${assessed === 1 ? '' : 's'}.`}
              >
                <ul className="bars">
                  {structures.map(([id, count]) => (
                    <li key={id}>
                      <span className="bar-label">{structureLabel(id)}</span>
                      <span className="bar-track" aria-hidden="true">
                        <span
                          className={`bar bar-${id in STRUCTURE_LABELS ? id : 'other'}`}
                          style={{ width: `${(count / maxStructure) * 100}%` }}
                        />
                      </span>
                      <span className="bar-value">{count}</span>
                    </li>
                  ))}
                </ul>
              </Section>
              <Section id="common-anti-patterns" title="Most common anti-patterns">
                {antiPatterns.length === 0 ? (
                  <p>No anti-pattern in any organization.</p>
                ) : (
                  <ul className="bars">
                    {antiPatterns.map((item) => (
                      <li key={item.id}>
                        <span className="bar-label">{antiPatternLabel(item.id)}</span>
                        <span className="bar-track" aria-hidden="true">
                          <span
                            className="bar bar-danger"
                            style={{ width: `${(item.count / maxAnti) * 100}%` }}
                          />
                        </span>
                        <span className="bar-value">{item.count}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
              <Section id="mismatches" title="Current structure differs from the recommendation">
                {portfolio.mismatches.length === 0 ? (
                  <p>
                    Every organization already runs its recommended structure (or did not describe
                    today’s).
                  </p>
                ) : (
                  <div
                    className="table-wrap"
                    tabIndex={0}
                    role="region"
                    aria-label="Organizations to restructure"
                  >
                    <table>
                      <caption className="visually-hidden">Organizations to restructure</caption>
                      <thead>
                        <tr>
                          <th scope="col">Organization</th>
                          <th scope="col">Today</th>
                          <th scope="col">Recommended</th>
                        </tr>
                      </thead>
                      <tbody>
                        {portfolio.mismatches.map((item) => (
                          <tr key={item.organizationId}>
                            <th scope="row">
                              <a
                                href={hrefFor({
                                  page: 'organization',
                                  ws,
                                  org: item.organizationId,
                                })}
                              >
                                {item.name}
                              </a>
                            </th>
                            <td>
                              {item.current ? structureLabel(item.current) : 'Not recognised'}
                            </td>
                            <td>
                              <Badge tone="structure">{structureLabel(item.recommended)}</Badge>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {portfolio.nextCursor !== null && (
                  <p className="pager">
                    <span>
                      {portfolio.mismatches.length} of {portfolio.mismatchTotal}
                    </span>
                    <button
                      type="button"
                      className="button small"
                      disabled={more === 'loading'}
                      onClick={() => showMore(portfolio)}
                    >
                      {more === 'loading' ? 'Loading…' : 'Show more'}
                    </button>
                    {more === 'failed' && <span role="alert">Could not load more; try again.</span>}
                  </p>
                )}
              </Section>
            </div>
          )
        }}
      </Loaded>
    </>
  )
}
