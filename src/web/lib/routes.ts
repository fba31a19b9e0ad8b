// The app's pages as data, and the hash URLs they live at (`#/w/{ws}/orgs`). A hash router needs no
// server fallback, so `tandem serve` only has to serve index.html at `/`.

export type Route =
  | { readonly page: 'sign-in' }
  | { readonly page: 'home' }
  | { readonly page: 'tokens' }
  | { readonly page: 'account' }
  | { readonly page: 'invitation'; readonly token: string }
  | { readonly page: 'reset-password'; readonly token: string }
  | { readonly page: 'organizations'; readonly ws: string }
  | { readonly page: 'new-organization'; readonly ws: string }
  | { readonly page: 'organization'; readonly ws: string; readonly org: string }
  | { readonly page: 'edit-organization'; readonly ws: string; readonly org: string }
  | { readonly page: 'history'; readonly ws: string; readonly org: string }
  | { readonly page: 'wizard'; readonly ws: string; readonly org: string | null }
  | { readonly page: 'assessment'; readonly ws: string; readonly id: string }
  | { readonly page: 'charter'; readonly ws: string; readonly id: string }
  | { readonly page: 'import'; readonly ws: string }
  | { readonly page: 'portfolio'; readonly ws: string }
  | { readonly page: 'members'; readonly ws: string }
  | { readonly page: 'not-found'; readonly path: string }

/** Reads a location hash such as `#/w/ws1/orgs/o2/history` as a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const [head, ws, section, id, tail] = parts
  if (parts.length === 0) return { page: 'home' }
  if (head === 'sign-in' && parts.length === 1) return { page: 'sign-in' }
  if (head === 'tokens' && parts.length === 1) return { page: 'tokens' }
  if (head === 'account' && parts.length === 1) return { page: 'account' }
  if (head === 'invitation' && ws !== undefined && parts.length === 2)
    return { page: 'invitation', token: ws }
  if (head === 'reset-password' && ws !== undefined && parts.length === 2)
    return { page: 'reset-password', token: ws }
  if (head !== 'w' || ws === undefined) return { page: 'not-found', path }
  if (parts.length === 2) return { page: 'organizations', ws }
  if (parts.length === 3) {
    if (section === 'orgs') return { page: 'organizations', ws }
    if (section === 'import') return { page: 'import', ws }
    if (section === 'portfolio') return { page: 'portfolio', ws }
    if (section === 'members') return { page: 'members', ws }
    if (section === 'wizard') return { page: 'wizard', ws, org: null }
  }
  if (id !== undefined && parts.length === 4) {
    if (section === 'orgs')
      return id === 'new' ? { page: 'new-organization', ws } : { page: 'organization', ws, org: id }
    if (section === 'assessments') return { page: 'assessment', ws, id }
    if (section === 'charters') return { page: 'charter', ws, id }
  }
  if (section === 'orgs' && id !== undefined && parts.length === 5) {
    if (tail === 'edit') return { page: 'edit-organization', ws, org: id }
    if (tail === 'history') return { page: 'history', ws, org: id }
    if (tail === 'wizard') return { page: 'wizard', ws, org: id }
  }
  return { page: 'not-found', path }
}

/** The hash URL of a route; `parseRoute(hrefFor(route))` gives the route back. */
export function hrefFor(route: Route): string {
  const w = (ws: string, ...rest: string[]): string =>
    `#/w/${[ws, ...rest].map(encodeURIComponent).join('/')}`
  switch (route.page) {
    case 'sign-in':
      return '#/sign-in'
    case 'home':
      return '#/'
    case 'tokens':
      return '#/tokens'
    case 'account':
      return '#/account'
    case 'invitation':
      return `#/invitation/${encodeURIComponent(route.token)}`
    case 'reset-password':
      return `#/reset-password/${encodeURIComponent(route.token)}`
    case 'organizations':
      return w(route.ws, 'orgs')
    case 'new-organization':
      return w(route.ws, 'orgs', 'new')
    case 'organization':
      return w(route.ws, 'orgs', route.org)
    case 'edit-organization':
      return w(route.ws, 'orgs', route.org, 'edit')
    case 'history':
      return w(route.ws, 'orgs', route.org, 'history')
    case 'wizard':
      return route.org === null ? w(route.ws, 'wizard') : w(route.ws, 'orgs', route.org, 'wizard')
    case 'assessment':
      return w(route.ws, 'assessments', route.id)
    case 'charter':
      return w(route.ws, 'charters', route.id)
    case 'import':
      return w(route.ws, 'import')
    case 'portfolio':
      return w(route.ws, 'portfolio')
    case 'members':
      return w(route.ws, 'members')
    case 'not-found':
      return `#${route.path}`
  }
}
