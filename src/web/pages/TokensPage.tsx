import type { FormEvent } from 'react'
import type { CreatedToken } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { Empty, ErrorBanner, Field, Loaded, PageHeader } from '../components/ui.js'
import { formatDate } from '../lib/labels.js'
import { useLoad } from '../lib/use-load.js'

/** API tokens of the signed-in user: create (shown once) and revoke. */
export function TokensPage() {
  const [tokens, reload] = useLoad(() => api.tokens(), [])
  const [name, setName] = useState('')
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [copied, setCopied] = useState(false)

  const create = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setCopied(false)
    api.createToken(name.trim()).then((token) => {
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
            Tokens let scripts and the CLI call the API as you: send{' '}
            <code>Authorization: Bearer &lt;token&gt;</code>.
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
        <button className="button primary" type="submit" disabled={!name.trim()}>
          Create token
        </button>
      </form>
      {created && (
        <div className="card token-once" role="status">
          <h2>Copy your new token now</h2>
          <p>This is the only time “{created.name}” is shown. Store it somewhere safe.</p>
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
