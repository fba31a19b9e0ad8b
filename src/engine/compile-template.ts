/** A finding template with its `{name}` placeholders resolved against values. */
export type Template = (values: Readonly<Record<string, string | number>>) => string

/** Compiles a template once; a placeholder whose name has no value stays as written. */
export function compileTemplate(template: string): Template {
  // split with a capture group: literals at even positions, placeholder names at odd ones.
  const parts = template.split(/\{(\w+)\}/)
  if (parts.length === 1) return () => template
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
