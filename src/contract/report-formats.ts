/** What an assessment report can be written as (CLI `assess --format`, API `…/report?format=`). */
export const REPORT_FORMATS = ['md', 'html', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** What a responsibility charter can be exported as (CLI `charter`, API `…/export?format=`). */
export const CHARTER_FORMATS = ['md', 'csv', 'json'] as const
export type CharterFormat = (typeof CHARTER_FORMATS)[number]
