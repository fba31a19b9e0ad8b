import { useEffect, useState } from 'react'
import { api } from '../api/client.js'
import { AssessmentBadges } from '../components/Badges.js'
import { Empty, Loaded, PageHeader } from '../components/ui.js'
import { formatDate } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { useLoad } from '../lib/use-load.js'

const PAGE_SIZE = 20

/** The organizations of a workspace, searchable, with their structure and anti-pattern badges. */
export function OrganizationsPage({ ws }: { ws: string }) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState('')
  // The cursors of the pages before this one (empty on the first page): Previous pops one.
  const [trail, setTrail] = useState<readonly string[]>([])
  // Counted once per search, on its first page, not on every page.
  const [total, setTotal] = useState<number | null>(null)
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSearch(query.trim())
      setTrail([])
    }, 250)
    return () => window.clearTimeout(timer)
  }, [query])
  const after = trail.at(-1) ?? null
  const [page, reload] = useLoad(async () => {
    const result = await api.organizations(ws, search, PAGE_SIZE, after, after === null)
    if (result.total !== undefined) setTotal(result.total)
    return result
  }, [ws, search, after])
  const first = trail.length * PAGE_SIZE

  return (
    <>
      <PageHeader
        title="Organizations"
        lead="Each organization’s profile, its recommended leadership structure and what is going wrong today."
        actions={
          editable && (
            <>
              <a className="button primary" href={hrefFor({ page: 'wizard', ws, org: null })}>
                Start the questionnaire
              </a>
              <a className="button" href={hrefFor({ page: 'new-organization', ws })}>
                New profile
              </a>
            </>
          )
        }
      />
      <div className="search">
        <label htmlFor="org-search">Search organizations</label>
        <input
          id="org-search"
          type="search"
          placeholder="Name…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <Loaded load={page} what="organizations" onReload={reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <Empty
              title={search ? `No organization matches “${search}”.` : 'No organizations yet.'}
            >
              {!search && editable && (
                <p>Start the questionnaire, write a profile, or import a file.</p>
              )}
            </Empty>
          ) : (
            <>
              {total !== null && (
                <p className="count" aria-live="polite">
                  {total} organization{total === 1 ? '' : 's'}
                  {search && ` matching “${search}”`}
                </p>
              )}
              <ul className="org-list">
                {items.map((org) => (
                  <li key={org.id} className="card org-card">
                    <div className="org-main">
                      <h2>
                        <a href={hrefFor({ page: 'organization', ws, org: org.id })}>{org.name}</a>
                      </h2>
                      <p className="meta">
                        Profile v{org.profileVersion} · updated {formatDate(org.updatedAt)}
                      </p>
                    </div>
                    <AssessmentBadges latest={org.latestAssessment} />
                    {org.latestAssessment && (
                      <a
                        className="button small"
                        href={hrefFor({ page: 'assessment', ws, id: org.latestAssessment.id })}
                      >
                        Assessment<span className="visually-hidden"> of {org.name}</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
              {(trail.length > 0 || nextCursor !== null) && (
                <nav className="pager" aria-label="Pages">
                  <button
                    type="button"
                    className="button small"
                    disabled={trail.length === 0}
                    onClick={() => setTrail(trail.slice(0, -1))}
                  >
                    Previous
                  </button>
                  <span>
                    {first + 1}–{first + items.length}
                    {total !== null && ` of ${total}`}
                  </span>
                  <button
                    type="button"
                    className="button small"
                    disabled={nextCursor === null}
                    onClick={() => nextCursor !== null && setTrail([...trail, nextCursor])}
                  >
                    Next
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Loaded>
    </>
  )
}
