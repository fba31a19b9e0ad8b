import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { renderErrorDocs } from '../src/contract/render-error-docs.js'

export const errorDocsPath = fileURLToPath(new URL('../docs/errors.md', import.meta.url))

/** docs/errors.md as it should read: the contract's table, formatted as the repository formats. */
export async function formattedErrorDocs(): Promise<string> {
  const options = await resolveConfig(errorDocsPath)
  return format(renderErrorDocs(), { ...options, parser: 'markdown' })
}
