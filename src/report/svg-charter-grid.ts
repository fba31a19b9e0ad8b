import type { Charter } from '../engine/types.js'
import { escapeHtml as h } from './escape-html.js'
import { groupRows } from './group-rows.js'
import { wrapText } from './wrap-text.js'

const LABEL_WIDTH = 260
const COLUMN_WIDTH = 92
const HEADER_HEIGHT = 44
const ROW_HEIGHT = 30
const GROUP_HEIGHT = 28
const LINE_HEIGHT = 16
const LABEL_CHARS = 30

const CELL_CLASS: Readonly<Partial<Record<string, string>>> = {
  A: 'raci-a',
  'A/R': 'raci-a',
  R: 'raci-r',
  C: 'raci-c',
  I: 'raci-i',
  '': 'raci-none',
}

/** The RACI charter as an inline SVG grid, colour-coded by letter and grouped as in §6. */
export function charterGrid(charter: Charter): string {
  const width = LABEL_WIDTH + COLUMN_WIDTH * charter.columns.length
  const parts: string[] = [header(charter.columns)]
  let y = HEADER_HEIGHT
  for (const group of groupRows(charter)) {
    parts.push(
      `<rect class="grid-group" x="0" y="${y}" width="${width}" height="${GROUP_HEIGHT}"/>` +
        `<text class="grid-group-label" x="8" y="${y + 19}">${h(group.label)}</text>`,
    )
    y += GROUP_HEIGHT
    for (const row of group.rows) {
      // Long labels (the handoff zones', or a custom playbook's) wrap; the row grows to fit them.
      const lines = wrapText(row.label, LABEL_CHARS)
      const height = ROW_HEIGHT + Math.max(0, lines.length - 1) * LINE_HEIGHT
      const firstY = y + height / 2 + 5 - ((lines.length - 1) * LINE_HEIGHT) / 2
      const tspans = lines
        .map((line, n) => `<tspan x="8" y="${firstY + n * LINE_HEIGHT}">${h(line)}</tspan>`)
        .join('')
      parts.push(`<text class="grid-row-label">${tspans}<title>${h(row.label)}</title></text>`)
      charter.columns.forEach((column, index) => {
        const cell: string = row.cells[column] ?? ''
        // A charter read from a file may hold any text; it is drawn as an empty cell, escaped.
        const kind = CELL_CLASS[cell] ?? 'raci-none'
        const x = LABEL_WIDTH + index * COLUMN_WIDTH
        const cellY = y + (height - ROW_HEIGHT) / 2
        parts.push(
          `<rect class="${kind}" x="${x + 3}" y="${cellY + 3}" width="${COLUMN_WIDTH - 6}" ` +
            `height="${ROW_HEIGHT - 6}" rx="4"><title>${h(`${row.label}: ${column} ${cell || '(none)'}`)}</title></rect>` +
            (cell === ''
              ? ''
              : `<text class="grid-cell ${kind}-text" x="${x + COLUMN_WIDTH / 2}" ` +
                `y="${cellY + 20}" text-anchor="middle">${h(cell)}</text>`),
        )
      })
      y += height
    }
  }
  return (
    `<svg class="chart chart-charter" viewBox="0 0 ${width} ${y}" ` +
    `role="img" aria-labelledby="charter-grid-title"><title id="charter-grid-title">` +
    `Responsibility charter for ${h(charter.structure)}: ${charter.rows.length} areas, ` +
    `${charter.columns.length} columns</title>${parts.join('')}</svg>`
  )
}

function header(columns: readonly string[]): string {
  return columns
    .map((column, index) => {
      const x = LABEL_WIDTH + index * COLUMN_WIDTH + COLUMN_WIDTH / 2
      const lines = wrapText(column, 12).slice(0, 2)
      const firstY = lines.length === 1 ? 28 : 18
      const tspans = lines
        .map((line, n) => `<tspan x="${x}" y="${firstY + n * 15}">${h(line)}</tspan>`)
        .join('')
      return `<text class="grid-head" text-anchor="middle">${tspans}</text>`
    })
    .join('')
}
