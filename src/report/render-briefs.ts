import type { SeatBriefs } from '../engine/hiring/build-briefs.js'
import { renderBriefsHtml } from './render-briefs-html.js'
import { renderBriefsMarkdown } from './render-briefs-markdown.js'

export const BRIEF_FORMATS = ['md', 'html', 'json'] as const
export type BriefFormat = (typeof BRIEF_FORMATS)[number]

/** The seat briefs in one of the three formats (shared by the CLI and the API). */
export function renderBriefs(doc: SeatBriefs, format: BriefFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`
    case 'html':
      return renderBriefsHtml(doc)
    case 'md':
      return renderBriefsMarkdown(doc)
  }
}
