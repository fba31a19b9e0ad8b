import { describe, expect, it } from 'vitest'
import type { Charter, QuestionAnswer, RoadmapPoint } from '../engine/types.js'
import { fintechCharter } from '../../test/fixtures/assessment-fintech.js'
import { charterGrid } from './svg-charter-grid.js'
import { questionChart } from './svg-question-chart.js'
import { roadmapTimeline } from './svg-roadmap.js'

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
const question = (id: QuestionAnswer['id'], level: string): QuestionAnswer => ({
  id,
  level,
  finding: 'f',
  source: 's',
})

describe('questionChart', () => {
  it.each([
    ['complexity', 'low', 1, 2],
    ['complexity', 'medium', 2, 1],
    ['failure-stakes', 'high', 3, 0],
    ['budget', 'fractional', 1, 2],
  ] as const)('fills the %s bar up to %s', (id, level, on, off) => {
    const svg = questionChart([question(id, level)])
    expect([count(svg, /class="seg-on"/g), count(svg, /class="seg-off"/g)]).toEqual([on, off])
  })

  it('draws a level outside the scale as one full bar, escaped', () => {
    const svg = questionChart([question('complexity', '<extreme>')])
    expect([count(svg, /class="seg-on"/g), count(svg, /class="seg-off"/g)]).toEqual([1, 0])
    expect(svg).toContain('&lt;extreme&gt;')
  })
})

describe('charterGrid', () => {
  it('colours every cell by its letter', () => {
    const svg = charterGrid(fintechCharter)
    const cells = fintechCharter.rows.flatMap((row) =>
      fintechCharter.columns.map((c) => row.cells[c] ?? ''),
    )
    expect(count(svg, /<rect class="raci-a"/g)).toBe(
      cells.filter((c) => c === 'A' || c === 'A/R').length,
    )
    expect(count(svg, /<rect class="raci-r"/g)).toBe(cells.filter((c) => c === 'R').length)
    expect(count(svg, /<rect class="raci-none"/g)).toBe(cells.filter((c) => c === '').length)
    expect(count(svg, /<rect class="grid-group"/g)).toBe(4)
  })
})

describe('charterGrid with a charter read from a file', () => {
  it('escapes unknown cell text, draws it as an empty cell and keeps unknown groups', () => {
    const charter = {
      structure: 'cto-owns-ai',
      columns: ['CTO'],
      rows: [{ id: 'platforms', group: 'custom', label: 'P', cells: { CTO: '<script>' } }],
    } as unknown as Charter
    const svg = charterGrid(charter)
    expect(svg).toContain('<rect class="raci-none"')
    expect(svg).toContain('>&lt;script&gt;</text>')
    expect(svg).toContain('<text class="grid-group-label" x="8" y="63">custom</text>')
    expect(svg).not.toContain('<script>')
  })
})

describe('roadmapTimeline', () => {
  it('draws one stop per point, coloured by stage, marking the transitions', () => {
    const roadmap: RoadmapPoint[] = [
      { at: 'now', structure: 'unified-fractional', stage: 1, trigger: null },
      {
        at: '2027-Q1',
        structure: 'separate-fractional',
        stage: 2,
        trigger: 'reach narrow → broad',
      },
    ]
    const svg = roadmapTimeline(roadmap)
    expect(svg.match(/<circle class="[^"]+"/g)).toEqual([
      '<circle class="stop stage-1"',
      '<circle class="stop stage-2 stop-changed"',
    ])
    expect(svg).toContain(
      '<title id="roadmap-chart-title">now: unified-fractional; 2027-Q1: separate-fractional</title>',
    )
  })
})
