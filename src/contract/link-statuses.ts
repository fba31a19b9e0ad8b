// Where a one-time link (an invitation, a password reset) stands: usable, used, revoked, or past its
// expiry. The API reports it and the web app's link pages say which.
export const LINK_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const
export type LinkStatus = (typeof LINK_STATUSES)[number]
