// User strings (organization and use case names) and engine prose are data, not Markdown: they are
// rendered literally. Escaping follows CommonMark's backslash escapes for ASCII punctuation.

const INLINE_SIGNIFICANT = /[\\`*_[\]<>|~]/g
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g
// Characters that open a block (heading, list, quote, thematic break) when they start a line or a
// list item's content.
const BLOCK_START = /^([#>+=-]|\d+[.)])/

/** Escapes text so that Markdown renders it literally, on one line (safe inside table cells). */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  const escaped = oneLine.replace(INLINE_SIGNIFICANT, '\\$&').replace(ENTITY, '\\&')
  return escaped.replace(BLOCK_START, (marker) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  )
}

/** Renders an id or field path as inline code, choosing a fence the text cannot close. */
export function code(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${oneLine}${pad}${fence}`
}
