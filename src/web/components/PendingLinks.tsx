import { api } from '../api/client.js'
import { ROLE_LABELS } from '../lib/labels.js'
import { useLoad } from '../lib/use-load.js'
import { Loaded } from './ui.js'

/** The workspace's invitations and password reset links still pending, each revocable. */
export function PendingLinks({
  ws,
  version,
  onRevoked,
  onError,
}: {
  ws: string
  /** Bumped by the page after it issues a link, to list it. */
  version: number
  onRevoked: (message: string) => void
  onError: (error: unknown) => void
}) {
  const [links, reload] = useLoad(
    () => Promise.all([api.invitations(ws), api.passwordResets(ws)]),
    [ws, version],
  )
  const revoke = (attempt: Promise<unknown>, message: string) => {
    attempt.then(() => {
      onRevoked(message)
      reload()
    }, onError)
  }
  return (
    <Loaded load={links} what="pending links" onReload={reload}>
      {([invitations, resets]) =>
        invitations.length + resets.length === 0 ? null : (
          <section className="card section" aria-labelledby="pending-title">
            <h2 id="pending-title">Pending links</h2>
            <p className="section-lead">
              Each works once, until it expires. Revoking one stops it at once.
            </p>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Pending links">
              <table>
                <caption className="visually-hidden">Invitations and password reset links</caption>
                <thead>
                  <tr>
                    <th scope="col">For</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td>Invitation as {ROLE_LABELS[invitation.role].toLowerCase()}</td>
                      <td>{new Date(invitation.expiresAt).toLocaleString()}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button danger small"
                          onClick={() =>
                            revoke(
                              api.revokeInvitation(ws, invitation.id),
                              `The invitation for ${invitation.email} was revoked.`,
                            )
                          }
                        >
                          Revoke
                          <span className="visually-hidden">
                            {' '}
                            the invitation for {invitation.email}
                          </span>
                        </button>
                      </td>
                    </tr>
                  ))}
                  {resets.map((reset) => (
                    <tr key={reset.id}>
                      <td>{reset.email}</td>
                      <td>Password reset</td>
                      <td>{new Date(reset.expiresAt).toLocaleString()}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button danger small"
                          onClick={() =>
                            revoke(
                              api.revokePasswordReset(ws, reset.id),
                              `The password reset link for ${reset.email} was revoked.`,
                            )
                          }
                        >
                          Revoke
                          <span className="visually-hidden"> the reset link for {reset.email}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      }
    </Loaded>
  )
}
