import { describe, expect, it } from 'vitest'
import { createStore, openDatabase } from '../store/index.js'
import { aProfile, aUser, aWorkspace } from '../../test/server-harness.js'
import { ImportWorker } from './import-worker.js'
import { createLogger } from './logger.js'

describe('ImportWorker', () => {
  it('processes each job exactly once when several workers drain at the same time', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database })
    const owner = await aUser(store, 'owner@example.com')
    const ws = await aWorkspace(store, owner, 'Jobs')
    const jobs = []
    for (let j = 0; j < 3; j++) {
      const rows = Array.from({ length: 70 }, (_, i) =>
        JSON.stringify(i === 5 ? { name: `Bad ${j}` } : aProfile({ name: `Job ${j} row ${i}` })),
      )
      jobs.push(
        await store.imports.create({ userId: owner.id }, ws, {
          mediaType: 'application/x-ndjson',
          payload: `${rows.join('\n')}\n`,
          total: rows.length,
        }),
      )
    }
    const log = createLogger('silent')
    const workers = [new ImportWorker(store, log), new ImportWorker(store, log)]
    const counts = await Promise.all(workers.map((worker) => worker.drain()))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3)
    for (const job of jobs) {
      expect(await store.imports.get(ws, job.id)).toMatchObject({
        status: 'done',
        processed: 70,
        accepted: 69,
        refused: 1,
      })
      const { items: errors } = await store.imports.errors(ws, job.id)
      expect(errors.map((e) => `${e.row} ${e.field}`).sort()).toEqual([
        '6 ai',
        '6 employees',
        '6 engineers',
      ])
    }
    const { total } = await store.organizations.list(ws, { limit: 1, count: true })
    expect(total).toBe(3 * 69)
    await database.close()
  })

  it('takes over a job whose worker died once the lease has run out', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database })
    const owner = await aUser(store, 'owner@example.com')
    const ws = await aWorkspace(store, owner, 'Jobs')
    const job = await store.imports.create({ userId: owner.id }, ws, {
      mediaType: 'application/x-ndjson',
      payload: `${JSON.stringify(aProfile({ name: 'Orphan' }))}\n`,
      total: 1,
    })
    expect((await store.imports.claim('worker-that-dies', 1))?.id).toBe(job.id)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await new ImportWorker(store, createLogger('silent')).drain()).toBe(1)
    expect(await store.imports.get(ws, job.id)).toMatchObject({ status: 'done', accepted: 1 })
    await database.close()
  })
})
