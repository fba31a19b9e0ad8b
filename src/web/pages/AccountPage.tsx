import type { FormEvent } from 'react'
import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { NewPasswordFields, newPasswordReady } from '../components/PasswordFields.js'
import { ErrorBanner, Field, Notice, PageHeader } from '../components/ui.js'
import { useSession } from '../lib/session.js'

/** `#/account`: who is signed in, and a password change (other sessions end). */
export function AccountPage() {
  const { me } = useSession()
  const demo = me.user.email.endsWith('@demo.tandem.invalid')
  const [current, setCurrent] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    setDone(false)
    if (!current) {
      setProblem('Enter your current password.')
      return
    }
    if (!newPasswordReady(password, confirm)) return
    setBusy(true)
    setProblem(null)
    setError(null)
    api.changePassword(current, password).then(
      () => {
        setBusy(false)
        setDone(true)
        setTouched(false)
        setCurrent('')
        setPassword('')
        setConfirm('')
      },
      (failure: unknown) => {
        setBusy(false)
        if (failure instanceof ApiError && failure.status === 401)
          setProblem('The current password is wrong.')
        else if (failure instanceof ApiError && failure.status === 429)
          setProblem('Too many wrong passwords. Wait 15 minutes and try again.')
        else setError(failure)
      },
    )
  }

  return (
    <>
      <PageHeader title="Your account" lead={`Signed in as ${me.user.name} (${me.user.email}).`} />
      {demo ? (
        <Notice>
          This is a demo visitor account: it has no password. Sign in with an account of your own to
          change passwords.
        </Notice>
      ) : (
        <form
          className="card account-form"
          onSubmit={submit}
          noValidate
          aria-labelledby="password-title"
        >
          <h2 id="password-title">Change your password</h2>
          <p className="section-lead">Your other signed-in browsers are signed out.</p>
          {done && <Notice tone="success">Your password was changed.</Notice>}
          {problem && (
            <div className="banner banner-error" role="alert">
              <p>{problem}</p>
            </div>
          )}
          {error !== null && <ErrorBanner error={error} />}
          <Field label="Current password">
            {({ id, describedBy }) => (
              <input
                id={id}
                type="password"
                autoComplete="current-password"
                required
                value={current}
                aria-describedby={describedBy}
                onChange={(event) => setCurrent(event.target.value)}
              />
            )}
          </Field>
          <NewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            touched={touched}
          />
          <button className="button primary" type="submit" disabled={busy}>
            {busy ? 'Changing…' : 'Change the password'}
          </button>
        </form>
      )}
    </>
  )
}
