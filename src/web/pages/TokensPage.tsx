import type { FormEvent } from 'react'
import type { CreatedToken, TokenScope } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { TOKEN_SCOPES } from '../api/types.js'
import { Empty, ErrorBanner, Field, Loaded, PageHeader } from '../components/ui.js'
import { formatDate, TOKEN_SCOPE_LABELS } from '../lib/labels.js'
import { useSession } from '../lib/session.js'
import { useLoad } from '../lib/use-load.js'

const ALL_WORKSPACES = ''

/** API tokens of the signed-in user: create (shown once) with a scope, and revoke. */
export function TokensPage() {
  const { me } = useSession()
  const [tokens, reload] = useLoad(() => api.tokens(), [])
  const [name, setName] = useState('')
  // Least privilege first, as the API's default: write access is a deliberate choice.
  const [scope, setScope] = useState<TokenScope>('read')
  const [workspace, setWorkspace] = useState(ALL_WORKSPACES)
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [copied, setCopied] = useState(false)

  const create = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setCopied(false)
    api
      .createToken(name.trim(), scope, workspace === ALL_WORKSPACES ? null : workspace)
      .then((token) => {
        setCreated(token)
        setName('')
        reload()
      }, setError)
  }
  const revoke = (id: string) => {
    setError(null)
    api.revokeToken(id).then(() => {
      if (created?.id === id) setCreated(null)
      reload()
    }, setError)
  }
  const workspaceName = (id: string | null) =>
    id === null
      ? 'All workspaces'
      : (me.workspaces.find((ws) => ws.id === id)?.name ?? 'A workspace you left')
  const copy = (token: string) => {
    navigator.clipboard.writeText(token).then(
      () => setCopied(true),
      () => setCopied(false),
    )
  }

  return (
    <>
      <PageHeader
        title="API tokens"
        lead={
          <>
            Tokens let scripts and the CLI call the API as you, within the access you give them:
            send <code>Authorization: Bearer &lt;token&gt;</code>. A token never does more than your
            role allows, and cannot create tokens or change your password.
          </>
        }
      />
      {error !== null && <ErrorBanner error={error} />}
      <form className="card inline-form" onSubmit={create}>
        <Field label="Token name" hint="What will use it, e.g. “nightly import”.">
          {({ id, describedBy }) => (
            <input
              id={id}
              value={name}
              aria-describedby={describedBy}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label="Access" hint="Read only: the token can look but not change anything.">
          {({ id, describedBy }) => (
            <select
              id={id}
              value={scope}
              aria-describedby={describedBy}
              onChange={(event) => setScope(event.target.value as TokenScope)}
            >
              {TOKEN_SCOPES.map((value) => (
                <option key={value} value={value}>
                  {TOKEN_SCOPE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Limit to workspace"
          hint="A limited token cannot reach your other workspaces."
        >
          {({ id, describedBy }) => (
            <select
              id={id}
              value={workspace}
              aria-describedby={describedBy}
              onChange={(event) => setWorkspace(event.target.value)}
            >
              <option value={ALL_WORKSPACES}>No limit: all my workspaces</option>
              {me.workspaces.map((ws) => (
                <option key={ws.id} value={ws.id}>
                  {ws.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button className="button primary" type="submit" disabled={!name.trim()}>
          Create token
        </button>
      </form>
      {created && (
        <div className="card token-once" role="status">
          <h2>Copy your new token now</h2>
          <p>
            This is the only time “{created.name}” is shown. Store it somewhere safe. Access:{' '}
            {TOKEN_SCOPE_LABELS[created.scope]}, {workspaceName(created.workspaceId)}.
          </p>
          <div className="token-row">
            <label htmlFor="new-token" className="visually-hidden">
              New token
            </label>
            <input
              id="new-token"
              className="mono"
              readOnly
              value={created.token}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="button" onClick={() => copy(created.token)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
      <Loaded load={tokens} what="tokens" onReload={reload}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No tokens yet." />
          ) : (
            <div className="card table-wrap" tabIndex={0} role="region" aria-label="API tokens">
              <table>
                <caption className="visually-hidden">Your API tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Access</th>
                    <th scope="col">Workspace</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((token) => (
                    <tr key={token.id}>
                      <td>{token.name}</td>
                      <td>{TOKEN_SCOPE_LABELS[token.scope]}</td>
                      <td>{workspaceName(token.workspaceId)}</td>
                      <td>{formatDate(token.createdAt)}</td>
                      <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button danger small"
                          onClick={() => revoke(token.id)}
                        >
                          Revoke<span className="visually-hidden"> {token.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  )
}
