import type { Me } from './api/types.js'
import type { Route } from './lib/routes.js'
import { useCallback, useEffect, useRef, useState } from 'react'
import { hasCode } from './api/api-error.js'
import { api } from './api/client.js'
import { Layout } from './components/Layout.js'
import { ErrorBanner, Loading } from './components/ui.js'
import { hrefFor } from './lib/routes.js'
import { SessionContext, useSession } from './lib/session.js'
import { navigate, useRoute } from './lib/use-route.js'
import type { Joined } from './api/types.js'
import { AccountPage } from './pages/AccountPage.js'
import { AssessmentPage } from './pages/AssessmentPage.js'
import { CharterPage } from './pages/CharterPage.js'
import { HistoryPage } from './pages/HistoryPage.js'
import { ImportPage } from './pages/ImportPage.js'
import { InvitationPage } from './pages/InvitationPage.js'
import { MembersPage } from './pages/MembersPage.js'
import { OrganizationPage } from './pages/OrganizationPage.js'
import { OrganizationsPage } from './pages/OrganizationsPage.js'
import { PortfolioPage } from './pages/PortfolioPage.js'
import { ProfilePage } from './pages/ProfilePage.js'
import { ResetPasswordPage } from './pages/ResetPasswordPage.js'
import { SetupPage } from './pages/SetupPage.js'
import { SignInPage } from './pages/SignInPage.js'
import { TokensPage } from './pages/TokensPage.js'
import { WizardPage } from './pages/WizardPage.js'

type SessionState =
  | { readonly state: 'loading' }
  | { readonly state: 'signed-out' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'signed-in'; readonly me: Me }

/** The app: asks the server who is signed in, then shows the page the URL names. */
export function App() {
  const route = useRoute()
  const [setupToken] = useState(takeSetupToken)
  const [session, setSession] = useState<SessionState>({ state: 'loading' })

  const refresh = useCallback(() => {
    api.me().then(
      (me) => setSession({ state: 'signed-in', me }),
      (error: unknown) =>
        setSession(
          hasCode(error, 'UNAUTHENTICATED') ? { state: 'signed-out' } : { state: 'failed', error },
        ),
    )
  }, [])
  useEffect(refresh, [refresh])
  useFocusOnNavigation(route)
  const firstWorkspace =
    session.state === 'signed-in' ? (session.me.workspaces[0]?.id ?? null) : null
  const atHome = route.page === 'home' || route.page === 'sign-in'
  useEffect(() => {
    // Signed in at `#/` or `#/sign-in`: open the first workspace (replace, so Back does not bounce).
    if (atHome && firstWorkspace) {
      window.location.replace(hrefFor({ page: 'organizations', ws: firstWorkspace }))
    }
  }, [atHome, firstWorkspace])

  // Pages a one-time link opens: shown whoever is (or is not) signed in. Afterwards the app starts
  // over at the workspace, with the session the link's page started.
  const landIn = (joined: Joined) => {
    window.location.replace(`/${hrefFor({ page: 'organizations', ws: joined.workspace.id })}`)
    refresh()
  }
  if (setupToken !== null) return <SetupPage token={setupToken} onDone={landIn} />
  if (route.page === 'invitation') return <InvitationPage token={route.token} onJoined={landIn} />
  if (route.page === 'reset-password')
    return (
      <ResetPasswordPage
        token={route.token}
        onDone={() => {
          window.location.replace('/#/')
          refresh()
        }}
      />
    )

  if (session.state === 'loading')
    return (
      <main className="boot">
        <Loading what="Tandem" />
      </main>
    )
  if (session.state === 'failed')
    return (
      <main className="boot">
        <ErrorBanner error={session.error} onReload={refresh} />
      </main>
    )
  if (session.state === 'signed-out') return <SignInPage onSignedIn={refresh} />

  const { me } = session
  const signOut = () => {
    const done = () => {
      setSession({ state: 'signed-out' })
      navigate({ page: 'sign-in' })
    }
    // Signing out locally is right even when the server is unreachable.
    api.logout().then(done, done)
  }
  return (
    <SessionContext.Provider value={{ me, refresh }}>
      <Layout route={route} onSignOut={signOut}>
        <Page route={route} />
      </Layout>
    </SessionContext.Provider>
  )
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
    case 'sign-in':
      return <NoWorkspace />
    case 'tokens':
      return <TokensPage />
    case 'account':
      return <AccountPage />
    case 'invitation':
    case 'reset-password':
      // Rendered before the session gate (App); never reached here.
      return null
    case 'organizations':
      return <OrganizationsPage ws={route.ws} />
    case 'new-organization':
      return <ProfilePage ws={route.ws} org={null} />
    case 'edit-organization':
      return <ProfilePage ws={route.ws} org={route.org} />
    case 'organization':
      return <OrganizationPage ws={route.ws} org={route.org} />
    case 'history':
      return <HistoryPage ws={route.ws} org={route.org} />
    case 'wizard':
      return <WizardPage ws={route.ws} org={route.org} />
    case 'assessment':
      return <AssessmentPage ws={route.ws} id={route.id} />
    case 'charter':
      return <CharterPage ws={route.ws} id={route.id} />
    case 'import':
      return <ImportPage ws={route.ws} />
    case 'portfolio':
      return <PortfolioPage ws={route.ws} />
    case 'members':
      return <MembersPage ws={route.ws} />
    case 'not-found':
      return (
        <div className="card">
          <h1 id="page-title" tabIndex={-1}>
            Page not found
          </h1>
          <p>Nothing lives at “{route.path}”.</p>
          <a className="button" href="#/">
            Go to your organizations
          </a>
        </div>
      )
  }
}

function NoWorkspace() {
  const { me } = useSession()
  // With a workspace, App is about to open it; without one there is nothing to open.
  if (me.workspaces.length > 0) return <Loading what="your workspace" />
  return (
    <div className="card">
      <h1 id="page-title" tabIndex={-1}>
        No workspace yet
      </h1>
      <p>
        You are not a member of any workspace. Ask an owner to add you, or create one from the
        workspace menu.
      </p>
    </div>
  )
}

/**
 * The token of `/setup?token=…` (the first-run link), or null elsewhere. It is taken out of the
 * address bar at once, so it stays in no history entry or bookmark.
 */
function takeSetupToken(): string | null {
  if (window.location.pathname !== '/setup') return null
  const token = new URLSearchParams(window.location.search).get('token') ?? ''
  window.history.replaceState(null, '', '/setup')
  return token
}

/** Moves focus to the new page's heading, so keyboard and screen-reader users land on it. */
function useFocusOnNavigation(route: Route): void {
  const first = useRef(true)
  const key = hrefFor(route)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = window.setTimeout(() => document.getElementById('page-title')?.focus(), 50)
    return () => window.clearTimeout(timer)
  }, [key])
}
