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
          {
            code: 'invalid_value',
            path: 'ai.centrality',
            message: 'expected one of peripheral|important|core',
          },
          {
            code: 'too_small',
            path: ['profile', 'ai', 'useCases', 0, 'name'],
            message: 'Required',
          },
          { path: 'name', message: 'from an older server, without a code' },
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
      {
        code: 'invalid_value',
        path: 'ai.centrality',
        message: 'expected one of peripheral|important|core',
      },
      { code: 'too_small', path: 'profile.ai.useCases[0].name', message: 'Required' },
      { code: 'invalid_value', path: 'name', message: 'from an older server, without a code' },
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
    [409, 'CONFLICT', 'Someone else changed this in the meantime. Reload to see their version.'],
    [403, 'FORBIDDEN', 'Your role in this workspace does not allow this.'],
    [403, 'INSUFFICIENT_SCOPE', 'raw'],
    [404, 'NOT_FOUND', 'This no longer exists, or it is not in this workspace.'],
    [429, 'RATE_LIMITED', 'Too many attempts. Wait a minute and try again.'],
    [400, 'INVALID_INPUT', 'raw'],
  ])('says what a %d with code %s means', (status, code, message) => {
    expect(describeError(new ApiError(status, code, 'raw'))).toBe(message)
  })

  it('goes by the code, not the status: a 404 from a gateway is a server failure', () => {
    expect(describeError(new ApiError(404, 'HTTP_404', 'Request failed (404)', [], 'r2'))).toBe(
      'The server could not complete this request (reference r2). Try again in a moment.',
    )
  })

  it('says the server cannot be reached when fetch itself fails', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      'The server cannot be reached. Check your connection and try again.',
    )
  })
})
