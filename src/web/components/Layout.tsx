import type { ReactNode } from 'react'
import type { Route } from '../lib/routes.js'
import { ROLE_LABELS } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { roleIn, useSession } from '../lib/session.js'
import { navigate } from '../lib/use-route.js'

const SECTIONS = [
  { page: 'organizations', label: 'Organizations' },
  { page: 'wizard', label: 'Questionnaire' },
  { page: 'import', label: 'Import' },
  { page: 'portfolio', label: 'Portfolio' },
  { page: 'members', label: 'Members' },
] as const

/** The frame around every signed-in page: brand, workspace switcher, sections, account. */
export function Layout({
  route,
  onSignOut,
  children,
}: {
  route: Route
  onSignOut: () => void
  children: ReactNode
}) {
  const { me } = useSession()
  const ws = 'ws' in route ? route.ws : (me.workspaces[0]?.id ?? null)
  const role = ws ? roleIn(me, ws) : null
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/" aria-label="Tandem home">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <circle cx="12" cy="16" r="9" fill="var(--cto)" />
            <circle cx="20" cy="16" r="9" fill="var(--caio)" fillOpacity="0.85" />
          </svg>
          <span>Tandem</span>
        </a>
        {me.workspaces.length > 0 && (
          <div className="switcher">
            <label htmlFor="workspace-switcher" className="visually-hidden">
              Workspace
            </label>
            <select
              id="workspace-switcher"
              value={ws ?? ''}
              onChange={(event) => navigate({ page: 'organizations', ws: event.target.value })}
            >
              {me.workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name} ({ROLE_LABELS[workspace.role]})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="account">
          <span className="account-name" title={me.user.email}>
            {me.user.name || me.user.email}
          </span>
          <a
            href={hrefFor({ page: 'account' })}
            aria-current={route.page === 'account' ? 'page' : undefined}
          >
            Account
          </a>
          <a
            href={hrefFor({ page: 'tokens' })}
            aria-current={route.page === 'tokens' ? 'page' : undefined}
          >
            API tokens
          </a>
          <button type="button" className="link-button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      {ws && (
        <nav className="sections" aria-label="Workspace">
          <ul>
            {SECTIONS.map((section) => {
              const target: Route =
                section.page === 'wizard'
                  ? { page: 'wizard', ws, org: null }
                  : { page: section.page, ws }
              const current = isIn(route, section.page)
              return (
                <li key={section.page}>
                  <a href={hrefFor(target)} aria-current={current ? 'page' : undefined}>
                    {section.label}
                  </a>
                </li>
              )
            })}
          </ul>
          {role === 'viewer' && (
            <p className="viewer-note" role="note">
              You can view this workspace; only owners and editors can change it.
            </p>
          )}
        </nav>
      )}
      <main id="main" className="main">
        {children}
      </main>
      <footer className="footer">
        <p>
          Tandem applies “The CTO-CAIO Partnership: Why You Need Both (And When You Don’t)”.
          Assessments are advice, not legal opinion.
        </p>
      </footer>
    </>
  )
}

function isIn(route: Route, section: (typeof SECTIONS)[number]['page']): boolean {
  if (section === 'organizations') {
    return [
      'organizations',
      'organization',
      'new-organization',
      'edit-organization',
      'history',
      'assessment',
      'charter',
    ].includes(route.page)
  }
  return route.page === section
}
