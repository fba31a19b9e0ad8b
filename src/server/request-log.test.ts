import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aServer, aUser } from '../../test/server-harness.js'
import { loadConfig } from './config.js'
import { createLogger } from './logger.js'
import { logFormatOf } from './main.js'

// reliability.md §G "Logs are read in a test": a formatter once emptied every request line
// (`"req":{"url":""}`, `"res":{}`). Each request now writes one line with what an operator greps for.

let server: TestServer
let alice: TestUser

beforeAll(async () => {
  server = await aServer({ TANDEM_LOG_LEVEL: 'info' })
  alice = await aUser(server.store, 'alice@example.com')
})
afterAll(() => server.close())

describe('request log lines', () => {
  it('has method, route, URL, status, duration and request id, one line per request', async () => {
    const ok = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: alice.bearer },
    })
    const missing = await server.app.inject({ method: 'GET', url: '/api/v1/nothing?token=s3cret' })
    const lines = server.logs.filter((line) => line.msg === 'request')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      level: 30,
      reqId: ok.headers['x-request-id'],
      method: 'GET',
      route: '/api/v1/me',
      url: '/api/v1/me',
      status: 200,
    })
    expect(lines[1]).toMatchObject({
      reqId: missing.headers['x-request-id'],
      method: 'GET',
      route: null,
      url: '/api/v1/nothing?token=[redacted]',
      status: 404,
    })
    for (const line of lines) expect(line.durationMs).toEqual(expect.any(Number))
    expect(JSON.stringify(server.logs)).not.toContain('s3cret')
  })
})

describe('log format', () => {
  it('is pretty on a terminal and JSON otherwise, unless TANDEM_LOG_FORMAT says', () => {
    const auto = loadConfig({})
    expect(logFormatOf(auto, { isTTY: true })).toBe('pretty')
    expect(logFormatOf(auto, { isTTY: false })).toBe('json')
    expect(logFormatOf(loadConfig({ TANDEM_LOG_FORMAT: 'json' }), { isTTY: true })).toBe('json')
  })

  it('writes readable lines with the fields when pretty', () => {
    let text = ''
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8')
        done()
      },
    })
    createLogger('info', sink, 'pretty').info({ status: 200, route: '/readyz' }, 'request')
    // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '')
    expect(plain).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: request\n {4}status: 200\n {4}route: "\/readyz"\n$/,
    )
  })
})
