import type { FormEvent } from 'react'
import type { Role } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { ROLES } from '../api/types.js'
import { ErrorBanner, Field, Loaded, Notice, PageHeader } from '../components/ui.js'
import { ROLE_LABELS } from '../lib/labels.js'
import { roleIn, useSession } from '../lib/session.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'

/** Members and roles of a workspace (owners change them), and a new workspace. */
export function MembersPage({ ws }: { ws: string }) {
  const { me, refresh } = useSession()
  const owner = roleIn(me, ws) === 'owner'
  const [members, reload] = useLoad(() => api.members(ws), [ws])
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const [workspaceName, setWorkspaceName] = useState('')

  const act = (attempt: Promise<unknown>, message: string) => {
    setError(null)
    setDone(null)
    attempt.then(() => {
      setDone(message)
      reload()
      refresh()
    }, setError)
  }
  const add = (event: FormEvent) => {
    event.preventDefault()
    act(
      api.addMember(ws, email.trim(), role),
      `${email.trim()} was added as ${ROLE_LABELS[role].toLowerCase()}.`,
    )
    setEmail('')
  }
  const createWorkspace = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
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
      {done && <Notice tone="success">{done}</Notice>}
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
          <button className="button primary" type="submit" disabled={!email.trim()}>
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
