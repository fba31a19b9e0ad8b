import type { Assessment, Charter } from '../engine/types.js'
import { exportCharter, renderHtml, renderMarkdown } from '../report/index.js'

export const REPORT_FORMATS = ['md', 'html', 'json'] as const
export const CHARTER_FORMATS = ['csv', 'md', 'json'] as const

const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const

/** An assessment report as the response body and its content type. */
export function renderReport(
  assessment: Assessment,
  format: (typeof REPORT_FORMATS)[number],
): { body: string; contentType: string } {
  const body =
    format === 'md'
      ? renderMarkdown(assessment)
      : format === 'html'
        ? renderHtml(assessment)
        : JSON.stringify(assessment, null, 2)
  return { body, contentType: CONTENT_TYPES[format] }
}

/** A charter file as the response body, content type and file extension. */
export function exportCharterAs(
  charter: Charter,
  format: (typeof CHARTER_FORMATS)[number],
): { body: string; contentType: string; extension: string } {
  return {
    body: exportCharter(charter, format),
    contentType: CONTENT_TYPES[format],
    extension: format,
  }
}
