// The reports: rendered from a `tandem/assessment@1` object alone. Pure: no I/O.
export { renderMarkdown } from './render-markdown.js'
export { renderHtml } from './render-html.js'
export { exportCharter } from './export-charter.js'
export { CHARTER_FORMATS } from '../contract/report-formats.js'
export type { CharterFormat } from './export-charter.js'
export { csvCell, csvRow } from './csv-cell.js'
export { escapeMarkdown } from './escape-markdown.js'
export { escapeHtml } from './escape-html.js'
