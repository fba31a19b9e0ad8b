import type { FormEvent } from 'react'
import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { LinkFrame, LinkProblem } from '../components/LinkFrame.js'
import { NewPasswordFields, newPasswordReady } from '../components/PasswordFields.js'
import { ErrorBanner, Field, Loading } from '../components/ui.js'
import { useLoad } from '../lib/use-load.js'

const LEAD = 'Set a new password for your Tandem account. Other sign-ins of the account end.'

/** `#/reset-password/<token>`: set a new password with a link an owner issued. */
export function ResetPasswordPage({ token, onDone }: { token: string; onDone: () => void }) {
  const [lookup] = useLoad(() => api.lookupPasswordReset(token), [token])
  if (lookup.state === 'loading')
    return (
      <LinkFrame title="New password" lead={LEAD}>
        <Loading what="the link" />
      </LinkFrame>
    )
  if (lookup.state === 'error' || lookup.data.status !== 'pending' || !lookup.data.reset) {
    const failure = lookup.state === 'error' ? lookup.error : null
    if (failure !== null && !(failure instanceof ApiError && failure.status === 404))
      return (
        <LinkFrame title="New password" lead={LEAD}>
          <ErrorBanner error={failure} />
        </LinkFrame>
      )
    const status = lookup.state === 'ready' ? lookup.data.status : 'unknown'
    return (
      <LinkFrame title="New password" lead={LEAD}>
        <LinkProblem
          status={status === 'pending' ? 'unknown' : status}
          what="password reset"
          next="Ask an owner of your workspace for a new link, or sign in if you know your password."
        />
      </LinkFrame>
    )
  }
  return (
    <LinkFrame title="New password" lead={LEAD}>
      <ResetForm token={token} email={lookup.data.reset.email} onDone={onDone} />
    </LinkFrame>
  )
}

function ResetForm({ token, email, onDone }: { token: string; email: string; onDone: () => void }) {
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!newPasswordReady(password, confirm)) return
    setBusy(true)
    setError(null)
    api.completePasswordReset(token, password).then(onDone, (failure: unknown) => {
      setBusy(false)
      setError(failure)
    })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-title">
      <h2 id="reset-title">Choose a new password</h2>
      {error !== null && <ErrorBanner error={error} />}
      <Field label="Email">
        {({ id, describedBy }) => (
          <input
            id={id}
            type="email"
            autoComplete="username"
            value={email}
            readOnly
            aria-describedby={describedBy}
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
        {busy ? 'Saving…' : 'Set the password and sign in'}
      </button>
    </form>
  )
}
