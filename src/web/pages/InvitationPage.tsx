import type { FormEvent } from 'react'
import type { InvitationLookup, Joined } from '../api/types.js'
import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { LinkFrame, LinkProblem } from '../components/LinkFrame.js'
import { NewPasswordFields, newPasswordReady } from '../components/PasswordFields.js'
import { ErrorBanner, Field, Loading } from '../components/ui.js'
import { ROLE_LABELS } from '../lib/labels.js'
import { useLoad } from '../lib/use-load.js'

/** `#/invitation/<token>`: join a workspace — as a new account, or by signing in to yours. */
export function InvitationPage({
  token,
  onJoined,
}: {
  token: string
  onJoined: (joined: Joined) => void
}) {
  const [lookup] = useLoad(() => api.lookupInvitation(token), [token])
  const lead =
    'Tandem helps decide whether an organization needs a CTO, a Chief AI Officer, or both.'
  if (lookup.state === 'loading')
    return (
      <LinkFrame title="Invitation" lead={lead}>
        <Loading what="the invitation" />
      </LinkFrame>
    )
  if (lookup.state === 'error') {
    const unknown = lookup.error instanceof ApiError && lookup.error.status === 404
    return (
      <LinkFrame title="Invitation" lead={lead}>
        {unknown ? (
          <LinkProblem
            status="unknown"
            what="invitation"
            next="Ask the workspace owner for a new invitation."
          />
        ) : (
          <ErrorBanner error={lookup.error} />
        )}
      </LinkFrame>
    )
  }
  const { status, invitation } = lookup.data
  if (status !== 'pending' || !invitation)
    return (
      <LinkFrame title="Invitation" lead={lead}>
        <LinkProblem
          status={status === 'pending' ? 'unknown' : status}
          what="invitation"
          next={
            status === 'used'
              ? 'If you accepted it, sign in with your email and password.'
              : 'Ask the workspace owner for a new invitation.'
          }
        />
      </LinkFrame>
    )
  return (
    <LinkFrame
      title={`Join ${invitation.workspaceName}`}
      lead={
        <>
          {invitation.invitedBy} invited <strong>{invitation.email}</strong> to the workspace “
          {invitation.workspaceName}” as {ROLE_LABELS[invitation.role].toLowerCase()}.
        </>
      }
    >
      <JoinForm token={token} invitation={invitation} onJoined={onJoined} />
    </LinkFrame>
  )
}

function JoinForm({
  token,
  invitation,
  onJoined,
}: {
  token: string
  invitation: NonNullable<InvitationLookup['invitation']>
  onJoined: (joined: Joined) => void
}) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const newAccount = !invitation.accountExists && !invitation.signedIn

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (newAccount && !newPasswordReady(password, confirm)) return
    if (invitation.accountExists && !invitation.signedIn && !password) {
      setProblem('Enter your password.')
      return
    }
    setBusy(true)
    setProblem(null)
    setError(null)
    const account = invitation.signedIn
      ? {}
      : newAccount
        ? { password, ...(name.trim() ? { name: name.trim() } : {}) }
        : { password }
    api.acceptInvitation(token, account).then(onJoined, (failure: unknown) => {
      setBusy(false)
      if (failure instanceof ApiError && failure.status === 401)
        setProblem('That password does not match the account.')
      else if (failure instanceof ApiError && failure.status === 429)
        setProblem('Too many wrong passwords. Wait 15 minutes and try again.')
      else if (failure instanceof ApiError && failure.status === 404)
        setProblem('This invitation no longer works: it was used, withdrawn, or it expired.')
      else setError(failure)
    })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="join-title">
      <h2 id="join-title">
        {invitation.signedIn
          ? 'You are signed in'
          : newAccount
            ? 'Create your account'
            : 'Sign in to join'}
      </h2>
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
            value={invitation.email}
            readOnly
            aria-describedby={describedBy}
          />
        )}
      </Field>
      {newAccount && (
        <>
          <Field label="Your name" hint="Shown to the other members. Optional.">
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
            label="Choose a password"
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            touched={touched}
          />
        </>
      )}
      {invitation.accountExists && !invitation.signedIn && (
        <Field label="Your password" hint="You already have an account with this email.">
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
      )}
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join the workspace'}
      </button>
      <p className="hint">
        This invitation works once, until {new Date(invitation.expiresAt).toLocaleString()}.
      </p>
    </form>
  )
}
