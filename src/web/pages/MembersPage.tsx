import type { FormEvent } from 'react'
import type { Role } from '../api/types.js'
import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { ROLES } from '../api/types.js'
import { PendingLinks } from '../components/PendingLinks.js'
import { ErrorBanner, Field, Loaded, Notice, PageHeader } from '../components/ui.js'
import { ROLE_LABELS } from '../lib/labels.js'
import { roleIn, useSession } from '../lib/session.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'

interface IssuedLinkInfo {
  readonly label: string
  readonly link: string
  readonly note: string
}

/**
 * Members and roles of a workspace; owners invite people, hand out password reset links, and see
 * and revoke the links still pending. Anyone can start a new workspace here.
 */
export function MembersPage({ ws }: { ws: string }) {
  const { me, refresh } = useSession()
  const owner = roleIn(me, ws) === 'owner'
  const [members, reload] = useLoad(() => api.members(ws), [ws])
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [inviteEmail, setInviteEmail] = useState('')
  const [inviteRole, setInviteRole] = useState<Role>('editor')
  const [error, setError] = useState<unknown>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [issued, setIssued] = useState<IssuedLinkInfo | null>(null)
  const [linksVersion, setLinksVersion] = useState(0)
  const [workspaceName, setWorkspaceName] = useState('')

  const clear = () => {
    setError(null)
    setRefusal(null)
    setDone(null)
  }
  // A refusal the server explains (already invited, a member of workspaces you do not own) is
  // shown in its words; anything else as a failed request.
  const fail = (failure: unknown) => {
    if (failure instanceof ApiError && (failure.code === 'CONFLICT' || failure.status === 403)) {
      const text = failure.message
      setRefusal(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`)
    } else setError(failure)
  }
  const act = (attempt: Promise<unknown>, message: string) => {
    clear()
    attempt.then(() => {
      setDone(message)
      reload()
      refresh()
      setLinksVersion((n) => n + 1)
    }, fail)
  }
  const add = (event: FormEvent) => {
    event.preventDefault()
    act(
      api.addMember(ws, email.trim(), role),
      `${email.trim()} was added as ${ROLE_LABELS[role].toLowerCase()}.`,
    )
    setEmail('')
  }
  const invite = (event: FormEvent) => {
    event.preventDefault()
    clear()
    api.invite(ws, inviteEmail.trim(), inviteRole).then((created) => {
      setInviteEmail('')
      setIssued({
        label: `Invitation for ${created.email}`,
        link: created.link,
        note: created.emailed
          ? `An email with this link was sent to ${created.email}; you can also pass it on yourself.`
          : `Send this link to ${created.email}. It works once, until ${until(created.expiresAt)}.`,
      })
      setLinksVersion((n) => n + 1)
    }, fail)
  }
  const issueReset = (userId: string, address: string) => {
    clear()
    api.issuePasswordReset(ws, userId).then((created) => {
      setIssued({
        label: `Password reset link for ${address}`,
        link: created.link,
        note: `Give this link to ${address} yourself. It sets a new password once, until ${until(created.expiresAt)}.`,
      })
      setLinksVersion((n) => n + 1)
    }, fail)
  }
  const createWorkspace = (event: FormEvent) => {
    event.preventDefault()
    clear()
    api.createWorkspace(workspaceName.trim()).then((workspace) => {
      refresh()
      navigate({ page: 'organizations', ws: workspace.id })
    }, setError)
  }

  return (
    <>
      <PageHeader
        title="Members"
        lead="Owners manage members; editors change organizations, assessments and charters; viewers read."
      />
      {error !== null && <ErrorBanner error={error} />}
      {refusal && (
        <div className="banner banner-error" role="alert">
          <p>{refusal}</p>
        </div>
      )}
      {done && <Notice tone="success">{done}</Notice>}
      {issued && <IssuedLink {...issued} onClose={() => setIssued(null)} />}
      <Loaded load={members} what="members" onReload={reload}>
        {(list) => (
          <div className="card table-wrap" tabIndex={0} role="region" aria-label="Members">
            <table>
              <caption className="visually-hidden">Members of this workspace</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  {owner && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((member) => {
                  const self = member.userId === me.user.id
                  return (
                    <tr key={member.userId}>
                      <td>{member.name || '—'}</td>
                      <td>{member.email}</td>
                      <td>
                        {owner && !self ? (
                          <>
                            <label htmlFor={`role-${member.userId}`} className="visually-hidden">
                              Role of {member.email}
                            </label>
                            <select
                              id={`role-${member.userId}`}
                              value={member.role}
                              onChange={(event) =>
                                act(
                                  api.setRole(ws, member.userId, event.target.value as Role),
                                  `${member.email} is now ${ROLE_LABELS[event.target.value as Role].toLowerCase()}.`,
                                )
                              }
                            >
                              {ROLES.map((r) => (
                                <option key={r} value={r}>
                                  {ROLE_LABELS[r]}
                                </option>
                              ))}
                            </select>
                          </>
                        ) : (
                          ROLE_LABELS[member.role]
                        )}
                      </td>
                      {owner && (
                        <td className="row-actions">
                          {!self && (
                            <>
                              <button
                                type="button"
                                className="button small"
                                onClick={() => issueReset(member.userId, member.email)}
                              >
                                Reset link
                                <span className="visually-hidden"> for {member.email}</span>
                              </button>
                              <button
                                type="button"
                                className="button danger small"
                                onClick={() =>
                                  act(
                                    api.removeMember(ws, member.userId),
                                    `${member.email} was removed.`,
                                  )
                                }
                              >
                                Remove<span className="visually-hidden"> {member.email}</span>
                              </button>
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      {owner && (
        <PendingLinks
          ws={ws}
          version={linksVersion}
          onRevoked={(message) => {
            clear()
            setDone(message)
          }}
          onError={fail}
        />
      )}
      {owner && (
        <form className="card inline-form" onSubmit={invite} aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <Field label="Email to invite" hint="They get a one-time link to join with this role.">
            {({ id, describedBy }) => (
              <input
                id={id}
                type="email"
                value={inviteEmail}
                aria-describedby={describedBy}
                onChange={(event) => setInviteEmail(event.target.value)}
              />
            )}
          </Field>
          <Field label="Role of the invitee">
            {({ id, describedBy }) => (
              <select
                id={id}
                value={inviteRole}
                aria-describedby={describedBy}
                onChange={(event) => setInviteRole(event.target.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button className="button primary" type="submit" disabled={!inviteEmail.trim()}>
            Create invitation
          </button>
        </form>
      )}
      {owner && (
        <form className="card inline-form" onSubmit={add} aria-labelledby="add-member-title">
          <h2 id="add-member-title">Add a member</h2>
          <Field label="Email of an existing user">
            {({ id, describedBy }) => (
              <input
                id={id}
                type="email"
                value={email}
                aria-describedby={describedBy}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </Field>
          <Field label="Role">
            {({ id, describedBy }) => (
              <select
                id={id}
                value={role}
                aria-describedby={describedBy}
                onChange={(event) => setRole(event.target.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button className="button" type="submit" disabled={!email.trim()}>
            Add member
          </button>
        </form>
      )}
      <form
        className="card inline-form"
        onSubmit={createWorkspace}
        aria-labelledby="new-workspace-title"
      >
        <h2 id="new-workspace-title">New workspace</h2>
        <Field label="Workspace name" hint="You become its owner.">
          {({ id, describedBy }) => (
            <input
              id={id}
              value={workspaceName}
              aria-describedby={describedBy}
              onChange={(event) => setWorkspaceName(event.target.value)}
            />
          )}
        </Field>
        <button className="button" type="submit" disabled={!workspaceName.trim()}>
          Create workspace
        </button>
      </form>
    </>
  )
}

function until(iso: string): string {
  return new Date(iso).toLocaleString()
}

/** A one-time link just made: shown once, with a button that copies it. */
function IssuedLink({ label, link, note, onClose }: IssuedLinkInfo & { onClose: () => void }) {
  const [copied, setCopied] = useState(false)
  return (
    <section className="card token-once" aria-labelledby="issued-link-title">
      <h2 id="issued-link-title">{label}</h2>
      <p>{note}</p>
      <label htmlFor="issued-link" className="visually-hidden">
        The one-time link
      </label>
      <input id="issued-link" className="link-once" readOnly value={link} />
      <div className="actions issued-actions">
        <button
          type="button"
          className="button primary small"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true))
          }}
        >
          {copied ? 'Copied' : 'Copy the link'}
        </button>
        <button type="button" className="button small" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  )
}
