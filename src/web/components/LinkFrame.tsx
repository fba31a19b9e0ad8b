import type { ReactNode } from 'react'
import type { LinkStatus } from '../api/types.js'

// The frame of the pages a one-time link opens (invitation, password reset, first-run setup): the
// sign-in page's layout, since whoever opens them is usually not signed in yet.

export function LinkFrame({
  title,
  lead,
  children,
}: {
  title: string
  lead: ReactNode
  children: ReactNode
}) {
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-intro">
        <svg viewBox="0 0 64 40" width="96" height="60" aria-hidden="true">
          <circle cx="24" cy="20" r="17" fill="var(--cto)" />
          <circle cx="40" cy="20" r="17" fill="var(--caio)" fillOpacity="0.85" />
        </svg>
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        <p className="lead">{lead}</p>
      </div>
      <div className="card sign-in-form">{children}</div>
    </main>
  )
}

const WHY: Readonly<Record<Exclude<LinkStatus, 'pending'> | 'unknown', string>> = {
  used: 'This link has already been used. Each link works once.',
  revoked: 'This link was withdrawn by the owner who made it.',
  expired: 'This link has expired.',
  unknown: 'This link is not valid. It may be incomplete: copy the whole link and try again.',
}

/** What a link that no longer works says, and where to go instead. */
export function LinkProblem({
  status,
  what,
  next,
}: {
  status: Exclude<LinkStatus, 'pending'> | 'unknown'
  what: string
  next: string
}) {
  return (
    <>
      <h2>This {what} link does not work</h2>
      <div className="banner banner-warning" role="status">
        <p>{WHY[status]}</p>
      </div>
      <p>{next}</p>
      <a className="button primary" href="/#/sign-in">
        Go to sign in
      </a>
    </>
  )
}
