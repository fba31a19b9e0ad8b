/** Where a background import job is: the store records it, the API and the web app show it. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]
