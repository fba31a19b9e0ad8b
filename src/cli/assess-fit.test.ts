import { describe, expect, it } from 'vitest'
import type { Assessment } from '../engine/types.js'
import { runCli } from '../../test/cli-harness.js'

// framework.md §4a: the six canonical cases, each an example profile, through `tandem assess`.
const CASES = [
  {
    file: 'examples/fit/keep-the-cto.yaml',
    table: 'unified-fractional',
    structure: 'cto-plus-fractional-caio',
    kind: 'evolve',
    assignments: [
      { title: 'CTO', engagement: 'full-time', holder: { current: 0 }, gaps: ['ai-fluency'] },
      { title: 'CAIO', engagement: 'fractional', holder: 'new', gaps: [] },
    ],
    departures: [],
  },
  {
    file: 'examples/fit/founder-takes-cto.yaml',
    table: 'separate-fractional',
    structure: 'cto-plus-fractional-caio',
    kind: 'evolve',
    assignments: [
      { title: 'CTO', engagement: 'full-time', holder: { current: 0 }, gaps: [] },
      { title: 'CAIO', engagement: 'fractional', holder: 'new', gaps: [] },
    ],
    departures: [],
  },
  {
    file: 'examples/fit/split-the-unified-seat.yaml',
    table: 'separate-fractional',
    structure: 'separate-fractional',
    kind: 'evolve',
    assignments: [
      { title: 'CTO', engagement: 'fractional', holder: { current: 0 }, gaps: [] },
      { title: 'CAIO', engagement: 'fractional', holder: 'new', gaps: [] },
    ],
    departures: [],
  },
  {
    file: 'examples/fit/founder-with-a-gap.yaml',
    table: 'unified-full-time',
    structure: 'unified-full-time',
    kind: 'keep',
    assignments: [
      {
        title: 'CTO/CAIO',
        engagement: 'full-time',
        holder: { current: 0 },
        gaps: ['tech-leadership'],
      },
    ],
    departures: [],
  },
  {
    file: 'examples/fit/nothing-to-change.yaml',
    table: 'unified-fractional',
    structure: 'cto-plus-fractional-caio',
    kind: 'keep',
    assignments: [
      { title: 'CTO', engagement: 'full-time', holder: { current: 0 }, gaps: [] },
      { title: 'CAIO', engagement: 'fractional', holder: { current: 1 }, gaps: [] },
    ],
    departures: [],
  },
  {
    file: 'examples/fit/caio-needs-depth.yaml',
    table: 'cto-plus-fractional-caio',
    structure: 'cto-plus-fractional-caio',
    kind: 'restructure',
    assignments: [
      { title: 'CTO', engagement: 'full-time', holder: { current: 0 }, gaps: ['ai-fluency'] },
      { title: 'CAIO', engagement: 'fractional', holder: 'new', gaps: [] },
    ],
    departures: [{ current: 1, reason: 'not-qualified' }],
  },
] as const

describe('tandem assess: the canonical cases of fitting the people in the seats', () => {
  it.each(CASES)('$file: $structure (table: $table)', async (c) => {
    const { code, stdout } = await runCli(['assess', c.file, '--format', 'json'])
    const a = JSON.parse(stdout) as Assessment
    const r = a.recommendation
    const kind: string = c.kind
    expect([code, r.structure, r.fit?.table ?? r.structure, r.change.kind]).toEqual([
      0,
      c.structure,
      c.table,
      c.kind,
    ])
    expect([r.change.assignments, r.change.departures]).toEqual([c.assignments, c.departures])
    // The steps name the people, and never tell a kept holder to make way.
    const names = (a.profile.current?.seats ?? []).map((s) => s.name ?? '')
    const kept = r.change.assignments.flatMap((x) => (x.holder === 'new' ? [] : [x.holder.current]))
    for (const i of kept) {
      if (kind !== 'keep') expect(r.change.steps.join(' ')).toContain(names[i])
      expect(r.change.steps.some((s) => s.startsWith(`${names[i]}'s`) && s.includes('ends'))).toBe(
        false,
      )
    }
  })

  it('says why the recommendation differs from the table, naming who is kept', async () => {
    const { stdout } = await runCli([
      'assess',
      'examples/fit/keep-the-cto.yaml',
      '--format',
      'json',
    ])
    const a = JSON.parse(stdout) as Assessment
    expect(a.recommendation.fit).toEqual({
      table: 'unified-fractional',
      rule: 'startup-default',
      reason:
        "Keeps Dana Okafor as full-time CTO and adds a fractional CAIO rather than the table's One fractional CTO/CAIO (unified-fractional), which would replace Dana Okafor.",
    })
  })

  it('names the gap as a warning for the founder without technology depth, and the missing CAIO depth as critical', async () => {
    const gap = JSON.parse(
      (await runCli(['assess', 'examples/fit/founder-with-a-gap.yaml', '--format', 'json'])).stdout,
    ) as Assessment
    expect(gap.antiPatterns.map((p) => [p.id, p.severity])).toEqual([
      ['unified-without-dual-depth', 'warning'],
    ])
    const depth = JSON.parse(
      (await runCli(['assess', 'examples/fit/caio-needs-depth.yaml', '--format', 'json'])).stdout,
    ) as Assessment
    expect(depth.antiPatterns.map((p) => [p.id, p.severity])).toEqual([
      ['caio-without-technical-depth', 'critical'],
    ])
  })
})
