import type { QuestionAnswer } from '../engine/types.js'
import type { QuestionId } from '../engine/vocabulary.js'
import { escapeHtml as h } from './escape-html.js'
import { QUESTION_SCALES } from './labels.js'

const WIDTH = 360
const ROW = 62
const BAR_Y = 22
const BAR_HEIGHT = 26
const GAP = 4

const SHORT_TITLES: Readonly<Record<QuestionId, string>> = {
  complexity: 'Complexity',
  'ai-centrality': 'AI centrality',
  'cross-functional-reach': 'Cross-functional reach',
  'failure-stakes': 'Stakes of failure',
  budget: 'Budget',
}

/** The five questions as an inline SVG bar chart: each level drawn as a share of its scale. */
export function questionChart(questions: readonly QuestionAnswer[]): string {
  const height = questions.length * ROW
  const rows = questions.map((q, index) => questionRow(q, index * ROW)).join('')
  const summary = questions.map((q) => `${SHORT_TITLES[q.id]}: ${q.level}`).join('; ')
  return (
    `<svg class="chart chart-questions" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
    `aria-labelledby="questions-chart-title"><title id="questions-chart-title">${h(summary)}</title>` +
    `${rows}</svg>`
  )
}

function questionRow(q: QuestionAnswer, top: number): string {
  const scale = QUESTION_SCALES[q.id]
  const reached = scale.indexOf(q.level)
  // A level outside the framework's scale (a custom playbook) is drawn as one full bar.
  const segments = reached === -1 ? [q.level] : scale
  const width = (WIDTH - GAP * (segments.length - 1)) / segments.length
  const bars = segments
    .map((level, index) => {
      const filled = reached === -1 || index <= reached
      const x = index * (width + GAP)
      return (
        `<rect class="${filled ? 'seg-on' : 'seg-off'}" x="${x.toFixed(1)}" y="${top + BAR_Y}" ` +
        `width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="4"/>` +
        `<text class="${filled ? 'seg-label-on' : 'seg-label-off'}" x="${(x + width / 2).toFixed(1)}" ` +
        `y="${top + BAR_Y + 17}" text-anchor="middle">${h(level)}</text>`
      )
    })
    .join('')
  return (
    `<text class="chart-label" x="0" y="${top + 15}">${SHORT_TITLES[q.id]}</text>` +
    `<text class="chart-value" x="${WIDTH}" y="${top + 15}" text-anchor="end">${h(q.level)}</text>` +
    bars
  )
}
