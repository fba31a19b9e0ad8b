import type { RoadmapPoint } from '../engine/types.js'
import { escapeHtml as h } from './escape-html.js'
import { STRUCTURE_LABELS } from './labels.js'
import { wrapText } from './wrap-text.js'

const SLOT = 170
const MARGIN = 24
const LINE_Y = 56
const HEIGHT = 150

/** The roadmap as an inline SVG timeline: one stop per point, coloured by fractional-path stage. */
export function roadmapTimeline(roadmap: readonly RoadmapPoint[]): string {
  const width = Math.max(480, roadmap.length * SLOT + MARGIN * 2)
  const step = roadmap.length > 1 ? (width - MARGIN * 2 - SLOT) / (roadmap.length - 1) : 0
  const xOf = (index: number): number =>
    roadmap.length > 1 ? MARGIN + SLOT / 2 + index * step : width / 2
  const first = xOf(0)
  const last = xOf(roadmap.length - 1)
  const stops = roadmap.map((point, index) => stop(point, xOf(index))).join('')
  const summary = roadmap.map((point) => `${point.at}: ${point.structure}`).join('; ')
  return (
    `<svg class="chart chart-roadmap" width="${width}" height="${HEIGHT}" ` +
    `viewBox="0 0 ${width} ${HEIGHT}" role="img" ` +
    `aria-labelledby="roadmap-chart-title"><title id="roadmap-chart-title">${h(summary)}</title>` +
    `<line class="timeline" x1="${first}" y1="${LINE_Y}" x2="${last}" y2="${LINE_Y}"/>` +
    `${stops}</svg>`
  )
}

function stop(point: RoadmapPoint, x: number): string {
  const stage = Math.min(Math.max(point.stage, 0), 3)
  const label = wrapText(STRUCTURE_LABELS[point.structure], 22)
    .slice(0, 3)
    .map((line, n) => `<tspan x="${x}" y="${LINE_Y + 40 + n * 16}">${h(line)}</tspan>`)
    .join('')
  const changed = point.trigger === null ? '' : ' stop-changed'
  return (
    `<text class="stop-at" x="${x}" y="${LINE_Y - 26}" text-anchor="middle">${h(point.at)}</text>` +
    `<circle class="stop stage-${stage}${changed}" cx="${x}" cy="${LINE_Y}" r="13"/>` +
    `<text class="stop-stage" x="${x}" y="${LINE_Y + 5}" text-anchor="middle">${point.stage}</text>` +
    `<text class="stop-label" text-anchor="middle">${label}</text>`
  )
}
