import type { ReactNode } from 'react'
import { createContext, useContext, useId, useState } from 'react'
import { getAt } from '../lib/paths.js'
import { countFromTyping } from '../lib/profile-form.js'
import { Field } from './ui.js'

// Inputs bound to a path of the document being edited, with the engine's inline error for that path.

export interface DocForm {
  readonly doc: unknown
  readonly set: (path: string, value: unknown) => void
  /** The error to show for a path now (touched fields, or every field after a save attempt). */
  readonly error: (path: string) => string | undefined
  readonly touch: (path: string) => void
}

export const DocFormContext = createContext<DocForm | null>(null)

function useDocForm(): DocForm {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('form field used outside a DocFormContext')
  return form
}

export interface Option {
  readonly value: string
  readonly label: string
}

/** Options from an `as const` vocabulary, labelled with the id itself. */
export function optionsOf(values: readonly string[]): readonly Option[] {
  return values.map((value) => ({ value, label: value }))
}

export function TextField({
  path,
  label,
  hint,
}: {
  path: string
  label: string
  hint?: ReactNode
}) {
  const form = useDocForm()
  const value = getAt(form.doc, path)
  return (
    <Field label={label} error={form.error(path)} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={path}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => form.set(path, event.target.value)}
          onBlur={() => form.touch(path)}
        />
      )}
    </Field>
  )
}

/** A whole number: what is not digits is refused as it is typed, with a word saying so. */
export function NumberField({
  path,
  label,
  hint,
  min,
}: {
  path: string
  label: string
  hint?: ReactNode
  min?: number
}) {
  const form = useDocForm()
  const value = getAt(form.doc, path)
  const [refused, setRefused] = useState(false)
  return (
    <Field
      label={label}
      error={form.error(path)}
      hint={refused ? 'Digits only, such as 12.' : hint}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={path}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          data-min={min}
          value={typeof value === 'number' && !Number.isNaN(value) ? String(value) : ''}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            const count = countFromTyping(event.target.value)
            setRefused(count === null)
            if (count !== null) form.set(path, count)
          }}
          onBlur={() => {
            setRefused(false)
            form.touch(path)
          }}
        />
      )}
    </Field>
  )
}

export function SelectField({
  path,
  label,
  options,
  hint,
  empty,
}: {
  path: string
  label: string
  options: readonly Option[]
  hint?: ReactNode
  /** Label of the "nothing chosen" entry; without it a value is required. */
  empty?: string
}) {
  const form = useDocForm()
  const value = getAt(form.doc, path)
  return (
    <Field label={label} error={form.error(path)} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={path}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            form.set(path, event.target.value === '' ? undefined : event.target.value)
            form.touch(path)
          }}
        >
          <option value="">{empty ?? 'Choose…'}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function CheckboxField({
  path,
  label,
  hint,
}: {
  path: string
  label: string
  hint?: ReactNode
}) {
  const form = useDocForm()
  const id = useId()
  const checked = getAt(form.doc, path) === true
  const error = form.error(path)
  return (
    <div className={error ? 'check has-error' : 'check'}>
      <input
        id={id}
        type="checkbox"
        name={path}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => form.set(path, event.target.checked ? true : undefined)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  )
}

/** A yes/no question where "not answered" is different from "no" (e.g. ROI measured). */
export function TriStateField({
  path,
  label,
  hint,
}: {
  path: string
  label: string
  hint?: ReactNode
}) {
  const form = useDocForm()
  const value = getAt(form.doc, path)
  return (
    <Field label={label} error={form.error(path)} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={path}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          aria-describedby={describedBy}
          onChange={(event) =>
            form.set(path, event.target.value === '' ? undefined : event.target.value === 'yes')
          }
        >
          <option value="">Not answered</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      )}
    </Field>
  )
}

export function CheckboxGroupField({
  path,
  legend,
  options,
  hint,
}: {
  path: string
  legend: string
  options: readonly Option[]
  hint?: ReactNode
}) {
  const form = useDocForm()
  const id = useId()
  const raw = getAt(form.doc, path)
  const chosen = Array.isArray(raw)
    ? raw.filter((item): item is string => typeof item === 'string')
    : []
  const error = form.error(path)
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((item) => item !== value)
    // Keep the vocabulary's order so the saved document reads the same way every time.
    form.set(
      path,
      options.map((option) => option.value).filter((item) => next.includes(item)),
    )
  }
  return (
    <fieldset
      className={error ? 'group has-error' : 'group'}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="chips">
        {options.map((option) => (
          <label key={option.value} className="chip">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && <p className="error">{error}</p>}
    </fieldset>
  )
}
