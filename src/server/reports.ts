import type { CharterFormat, ReportFormat } from '../contract/report-formats.js'
import type { Assessment, Charter } from '../engine/types.js'
import { exportCharter, renderHtml, renderMarkdown } from '../report/index.js'

export { CHARTER_FORMATS, REPORT_FORMATS } from '../contract/report-formats.js'

/** The content type of each report, charter and brief format. */
export const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const

/** An assessment report as the response body and its content type. */
export function renderReport(
  assessment: Assessment,
  format: ReportFormat,
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
  format: CharterFormat,
): { body: string; contentType: string; extension: string } {
  return {
    body: exportCharter(charter, format),
    contentType: CONTENT_TYPES[format],
    extension: format,
  }
}
