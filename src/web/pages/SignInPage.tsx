import type { FormEvent } from 'react'
import { useState } from 'react'
import { hasCode } from '../api/api-error.js'
import { api } from '../api/client.js'
import { ErrorBanner, Field } from '../components/ui.js'

/** Sign in with email and password, or explore the demo workspace when the server offers it. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  const run = (attempt: () => Promise<unknown>) => {
    setBusy(true)
    setProblem(null)
    setError(null)
    attempt().then(
      () => {
        window.location.hash = '#/'
        onSignedIn()
      },
      (failure: unknown) => {
        setBusy(false)
        if (hasCode(failure, 'UNAUTHENTICATED'))
          setProblem('That email and password do not match an account.')
        else if (hasCode(failure, 'NOT_FOUND'))
          setProblem('The demo workspace is turned off on this server.')
        else if (hasCode(failure, 'DEMO_FULL'))
          setProblem(
            'The demo is full right now: every demo workspace is in use. Try again in a while, or sign in.',
          )
        else setError(failure)
      },
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    run(() => api.login(email.trim(), password))
  }

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-intro">
        <svg viewBox="0 0 64 40" width="96" height="60" aria-hidden="true">
          <circle cx="24" cy="20" r="17" fill="var(--cto)" />
          <circle cx="40" cy="20" r="17" fill="var(--caio)" fillOpacity="0.85" />
        </svg>
        <h1 id="page-title" tabIndex={-1}>
          Tandem
        </h1>
        <p className="lead">
          Do you need a CTO, a Chief AI Officer, both — or one person who can do both? Answer five
          questions, get a structure, a charter and a roadmap you can defend.
        </p>
      </div>
      <form
        className="card sign-in-form"
        onSubmit={submit}
        noValidate
        aria-labelledby="sign-in-title"
      >
        <h2 id="sign-in-title">Sign in</h2>
        {problem && (
          <div className="banner banner-error" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {error !== null && <ErrorBanner error={error} />}
        <Field label="Email">
          {({ id, describedBy }) => (
            <input
              id={id}
              type="email"
              autoComplete="username"
              required
              value={email}
              aria-describedby={describedBy}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {({ id, describedBy }) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-describedby={describedBy}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button className="button primary" type="submit" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <div className="divider" role="presentation">
          <span>or</span>
        </div>
        <button
          className="button"
          type="button"
          disabled={busy}
          onClick={() => run(() => api.demo())}
        >
          Explore the demo
        </button>
        <p className="hint">
          The demo gives you a private workspace with the article’s example organizations, already
          assessed. Nobody else sees your changes; it is deleted after a day unused.
        </p>
      </form>
    </main>
  )
}
