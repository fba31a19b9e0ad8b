import type { FormEvent } from 'react'
import type { Joined } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { LinkFrame, LinkProblem } from '../components/LinkFrame.js'
import { NewPasswordFields, newPasswordReady } from '../components/PasswordFields.js'
import { ErrorBanner, Field, Loading } from '../components/ui.js'
import { useLoad } from '../lib/use-load.js'

const LEAD =
  'The first account of this server owns its first workspace and can invite everyone else.'

/**
 * `/setup?token=…`, the link the server prints at its first start: creates the first owner and
 * signs them in. The token is read once and dropped from the address bar.
 */
export function SetupPage({ token, onDone }: { token: string; onDone: (joined: Joined) => void }) {
  const [check] = useLoad(() => api.setupCheck(token), [token])
  if (check.state === 'loading')
    return (
      <LinkFrame title="Set up Tandem" lead={LEAD}>
        <Loading what="the setup link" />
      </LinkFrame>
    )
  if (check.state === 'error')
    return (
      <LinkFrame title="Set up Tandem" lead={LEAD}>
        <ErrorBanner error={check.error} />
      </LinkFrame>
    )
  if (check.data.status !== 'pending')
    return (
      <LinkFrame title="Set up Tandem" lead={LEAD}>
        <LinkProblem
          status="used"
          what="setup"
          next="The first owner of this server already exists. Sign in, or ask an owner to invite you."
        />
      </LinkFrame>
    )
  return (
    <LinkFrame title="Set up Tandem" lead={LEAD}>
      <SetupForm token={token} onDone={onDone} />
    </LinkFrame>
  )
}

function SetupForm({ token, onDone }: { token: string; onDone: (joined: Joined) => void }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const emailProblem = touched && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!newPasswordReady(password, confirm) || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      return
    setBusy(true)
    setError(null)
    api
      .setup({
        token,
        email: email.trim(),
        password,
        ...(name.trim() ? { name: name.trim() } : {}),
      })
      .then(onDone, (failure: unknown) => {
        setBusy(false)
        setError(failure)
      })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <h2 id="setup-title">Create the first owner</h2>
      {error !== null && <ErrorBanner error={error} />}
      <Field
        label="Email"
        error={emailProblem ? 'An email address such as you@example.com.' : undefined}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="email"
            autoComplete="username"
            required
            value={email}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field label="Your name" hint="Optional; shown to the people you invite.">
        {({ id, describedBy }) => (
          <input
            id={id}
            autoComplete="name"
            value={name}
            aria-describedby={describedBy}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <NewPasswordFields
        label="Password"
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        touched={touched}
      />
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create the owner and sign in'}
      </button>
      <p className="hint">This link works once.</p>
    </form>
  )
}
