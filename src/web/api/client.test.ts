import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, describeError } from './api-error.js'
import { request } from './client.js'

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(body === undefined ? null : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  )
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('the request did not fail')
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('request', () => {
  it('returns the parsed JSON of a 2xx answer', async () => {
    answer(200, { id: 'o1' })
    expect(await request('GET', '/x')).toEqual({ id: 'o1' })
  })

  it('returns undefined for a 204', async () => {
    answer(204, undefined)
    expect(await request('POST', '/auth/logout')).toBeUndefined()
  })

  it('turns a 400 into an ApiError with field paths, whether sent as text or as arrays', async () => {
    answer(400, {
      error: {
        code: 'INVALID_INPUT',
        message: 'profile is invalid',
        issues: [
          { path: 'ai.centrality', message: 'expected one of peripheral|important|core' },
          { path: ['profile', 'ai', 'useCases', 0, 'name'], message: 'Required' },
        ],
        requestId: 'r1',
      },
    })
    const error = await failure(request('POST', '/x', { json: {} }))
    expect([error.status, error.code, error.message, error.requestId]).toEqual([
      400,
      'INVALID_INPUT',
      'profile is invalid',
      'r1',
    ])
    expect(error.issues).toEqual([
      { path: 'ai.centrality', message: 'expected one of peripheral|important|core' },
      { path: 'profile.ai.useCases[0].name', message: 'Required' },
    ])
  })

  it('keeps a request id of a 500 and never shows the server internals', async () => {
    answer(500, { error: { code: 'INTERNAL', requestId: 'req-9' } })
    const error = await failure(request('GET', '/x'))
    expect(describeError(error)).toBe(
      'The server could not complete this request (reference req-9). Try again in a moment.',
    )
  })
})

describe('describeError', () => {
  it.each([
    [409, 'Someone else changed this in the meantime. Reload to see their version.'],
    [403, 'Your role in this workspace does not allow this.'],
    [404, 'This no longer exists, or it is not in this workspace.'],
    [429, 'Too many attempts. Wait a minute and try again.'],
  ])('says what a %d means', (status, message) => {
    expect(describeError(new ApiError(status, 'X', 'raw'))).toBe(message)
  })

  it('says the server cannot be reached when fetch itself fails', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      'The server cannot be reached. Check your connection and try again.',
    )
  })
})
