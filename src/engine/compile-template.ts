/** A finding template with its `{name}` placeholders resolved against values. */
export type Template = (values: Readonly<Record<string, string | number>>) => string

// A `{name}` placeholder; split with its capture group puts literals at even positions, names at odd.
const PLACEHOLDER = /\{(\w+)\}/

/** Compiles a template once; a placeholder whose name has no value stays as written. */
export function compileTemplate(template: string): Template {
  const compiled = compileText(template)
  return typeof compiled === 'string' ? () => compiled : compiled
}

/**
 * The text itself when it has no placeholder, so it reads the same whatever the values; else the
 * compiled template.
 */
export function compileText(template: string): string | Template {
  const parts = template.split(PLACEHOLDER)
  if (parts.length === 1) return template
  return (values) => {
    let out = parts[0] ?? ''
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] ?? ''
      out += Object.hasOwn(values, name) ? String(values[name]) : `{${name}}`
      out += parts[i + 1] ?? ''
    }
    return out
  }
}
