import type { Route } from './routes.js'
import { describe, expect, it } from 'vitest'
import { hrefFor, parseRoute } from './routes.js'

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/sign-in', { page: 'sign-in' }],
    ['#/tokens', { page: 'tokens' }],
    ['#/account', { page: 'account' }],
    ['#/invitation/Ab_c-9', { page: 'invitation', token: 'Ab_c-9' }],
    ['#/reset-password/Xy-1_z', { page: 'reset-password', token: 'Xy-1_z' }],
    ['#/invitation', { page: 'not-found', path: '/invitation' }],
    ['#/w/ws1', { page: 'organizations', ws: 'ws1' }],
    ['#/w/ws1/orgs', { page: 'organizations', ws: 'ws1' }],
    ['#/w/ws1/orgs/new', { page: 'new-organization', ws: 'ws1' }],
    ['#/w/ws1/orgs/o2', { page: 'organization', ws: 'ws1', org: 'o2' }],
    ['#/w/ws1/orgs/o2/edit', { page: 'edit-organization', ws: 'ws1', org: 'o2' }],
    ['#/w/ws1/orgs/o2/history', { page: 'history', ws: 'ws1', org: 'o2' }],
    ['#/w/ws1/orgs/o2/wizard', { page: 'wizard', ws: 'ws1', org: 'o2' }],
    ['#/w/ws1/wizard', { page: 'wizard', ws: 'ws1', org: null }],
    ['#/w/ws1/assessments/a3', { page: 'assessment', ws: 'ws1', id: 'a3' }],
    ['#/w/ws1/charters/c4', { page: 'charter', ws: 'ws1', id: 'c4' }],
    ['#/w/ws1/import', { page: 'import', ws: 'ws1' }],
    ['#/w/ws1/portfolio', { page: 'portfolio', ws: 'ws1' }],
    ['#/w/ws1/members', { page: 'members', ws: 'ws1' }],
    ['#/w/ws1/orgs/o2/unknown', { page: 'not-found', path: '/w/ws1/orgs/o2/unknown' }],
    ['#/elsewhere', { page: 'not-found', path: '/elsewhere' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
  })

  it('decodes ids that need escaping', () => {
    expect(parseRoute(hrefFor({ page: 'organization', ws: 'a b', org: 'x/y' }))).toEqual({
      page: 'organization',
      ws: 'a b',
      org: 'x/y',
    })
  })
})

describe('hrefFor', () => {
  it('writes the hash for a page of a workspace', () => {
    expect(hrefFor({ page: 'history', ws: 'ws1', org: 'o2' })).toBe('#/w/ws1/orgs/o2/history')
  })
})
