import { describe, expect, it } from 'vitest'
import type { Charter } from '../engine/types.js'
import { fintechCharter } from '../../test/fixtures/assessment-fintech.js'
import { exportCharter } from './export-charter.js'

const small: Charter = {
  structure: 'cto-plus-fractional-caio',
  columns: ['CTO', 'CAIO', 'CEO'],
  rows: [
    {
      id: 'platforms',
      group: 'technology-foundation',
      label: 'Platforms',
      cells: { CTO: 'A/R', CAIO: '', CEO: 'I' },
    },
    {
      id: 'ai-strategy',
      group: 'ai-value',
      label: 'AI strategy, "the plan"',
      cells: { CTO: 'C', CAIO: 'A/R', CEO: 'C' },
    },
    {
      id: 'structure-review',
      group: 'partnership',
      label: '=cmd|calc',
      cells: { CTO: 'R', CAIO: 'R', CEO: 'A' },
    },
  ],
}

describe('exportCharter', () => {
  it('writes CSV with a header, one CRLF record per row, quoting and formula-safe labels', () => {
    expect(exportCharter(small, 'csv')).toBe(
      'group,id,area,CTO,CAIO,CEO\r\n' +
        'technology-foundation,platforms,Platforms,A/R,,I\r\n' +
        'ai-value,ai-strategy,"AI strategy, ""the plan""",C,A/R,C\r\n' +
        "partnership,structure-review,'=cmd|calc,R,R,A\r\n",
    )
  })

  it('writes Markdown with a title, the legend and a grouped table', () => {
    expect(exportCharter(small, 'md')).toBe(
      [
        '# Responsibility charter: `cto-plus-fractional-caio`',
        '',
        'For `cto-plus-fractional-caio`. **R** Responsible: does the work; **A** Accountable: owns the outcome (exactly one per row); **C** Consulted; **I** Informed.',
        '',
        '| Area | CTO | CAIO | CEO |',
        '|---|:-:|:-:|:-:|',
        '| **Technology foundation** | | | |',
        '| Platforms | A/R |  | I |',
        '| **AI value** | | | |',
        '| AI strategy, "the plan" | C | A/R | C |',
        '| **The partnership** | | | |',
        '| \\=cmd\\|calc | R | R | A |',
        '',
      ].join('\n'),
    )
  })

  it('keeps rows of an unknown group and escapes cells of a charter read from a file', () => {
    const fromFile = {
      ...small,
      rows: [
        {
          id: 'platforms',
          group: 'custom-group',
          label: 'Platforms',
          cells: { CTO: '<b>|', CAIO: 'A', CEO: '' },
        },
      ],
    } as unknown as Charter
    expect(exportCharter(fromFile, 'md')).toContain(
      '| **custom-group** | | | |\n| Platforms | \\<b\\>\\| | A |  |\n',
    )
  })

  it('writes JSON that parses back to the same charter', () => {
    const json = exportCharter(fintechCharter, 'json')
    expect(JSON.parse(json)).toEqual(fintechCharter)
    expect(json.endsWith('}\n')).toBe(true)
  })

  it('writes one CSV record per charter row plus the header', () => {
    const records = exportCharter(fintechCharter, 'csv').split('\r\n')
    expect(records.length).toBe(fintechCharter.rows.length + 2)
    expect(records[0]).toBe('group,id,area,CTO,CAIO,CEO,Engineering,Business functions')
    expect(records[records.length - 1]).toBe('')
  })
})
