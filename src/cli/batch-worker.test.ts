import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../test/cli-harness.js'
import { aTempDir } from '../../test/io-builders.js'

const HEADER =
  'name,employees,engineers,products,industry,ai.centrality,ai.functions,budget.fullTimeLeaders'
const GOOD = (i: number) =>
  `Org ${i},${10 + (i % 300)},${i % 9},${1 + (i % 3)},software,important,sales;finance,${i % 3}`

// 1,500 rows (three worker chunks) with refused rows at the start, in the middle and at the end.
const ROWS = Array.from({ length: 1500 }, (_, i) =>
  i === 0 || i === 777 || i === 1499 ? `Bad ${i},12,5,1,software,central,,1` : GOOD(i),
)
const CSV = [HEADER, ...ROWS, ''].join('\n')

async function batch(dir: string, worker: 'always' | 'never') {
  const out = join(dir, `out-${worker}.csv`)
  const errors = join(dir, `errors-${worker}.ndjson`)
  const result = await runCli(['batch', join(dir, 'in.csv'), '--out', out, '--errors', errors], {
    env: { TANDEM_BATCH_WORKER: worker },
  })
  return { ...result, out: readFileSync(out, 'utf8'), errors: readFileSync(errors, 'utf8') }
}

describe('tandem batch on a worker thread', () => {
  it('writes exactly what one thread writes: the same rows in the same order, the same refusals', async () => {
    const dir = aTempDir({ 'in.csv': CSV })
    const [threaded, single] = [await batch(dir, 'always'), await batch(dir, 'never')]
    expect(threaded).toEqual(single)
    expect(threaded.code).toBe(1)
    expect(threaded.out.split('\n').filter(Boolean)).toHaveLength(1 + 1497)
    expect(
      threaded.errors
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { row: number }).row),
    ).toEqual([2, 779, 1501])
    expect(threaded.stderr).toContain('tandem batch: 1497 profile(s) assessed, 3 refused')
  })
})
