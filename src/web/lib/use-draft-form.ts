import type { DocForm } from '../components/form-fields.js'
import type { Draft } from './profile-form.js'
import { useCallback, useMemo, useState } from 'react'
import { hasCode } from '../api/api-error.js'
import { setAt } from './paths.js'
import { checkDraft } from './profile-form.js'

export interface DraftForm {
  readonly form: DocForm
  readonly draft: Draft
  readonly errors: Readonly<Record<string, string>>
  readonly valid: boolean
  readonly reset: (draft: Draft) => void
  /** Shows every error (a save was attempted) and moves focus to the first invalid field. */
  readonly revealErrors: () => void
  /** Places a 400's field issues next to their fields; returns true when the error was one. */
  readonly acceptServerError: (error: unknown) => boolean
}

/** State of a profile being written: the document, live engine validation, touched fields. */
export function useDraftForm(initial: Draft): DraftForm {
  const [draft, setDraft] = useState<Draft>(initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [showAll, setShowAll] = useState(false)
  const [serverErrors, setServerErrors] = useState<Readonly<Record<string, string>>>({})
  const check = useMemo(() => checkDraft(draft), [draft])
  const errors = useMemo(() => ({ ...serverErrors, ...check.errors }), [check.errors, serverErrors])

  const touch = useCallback(
    (path: string) => setTouched((old) => (old.has(path) ? old : new Set(old).add(path))),
    [],
  )
  const form: DocForm = {
    doc: draft,
    set: (path, value) => {
      setDraft((old) => setAt(old, path, value))
      touch(path)
      if (serverErrors[path]) setServerErrors(({ [path]: _gone, ...rest }) => rest)
    },
    error: (path) => (showAll || touched.has(path) ? errors[path] : serverErrors[path]),
    touch,
  }
  return {
    form,
    draft,
    errors,
    valid: check.profile !== null,
    reset: (next) => {
      setDraft(next)
      setTouched(new Set())
      setShowAll(false)
      setServerErrors({})
    },
    revealErrors: () => {
      setShowAll(true)
      window.setTimeout(
        () => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        0,
      )
    },
    acceptServerError: (error) => {
      if (!hasCode(error, 'INVALID_INPUT') || error.issues.length === 0) return false
      const placed: Record<string, string> = {}
      for (const issue of error.issues) {
        // The API wraps the profile as `{ profile }`; its paths may carry that prefix.
        const path = issue.path.replace(/^profile\.?/, '')
        placed[path] ??= issue.message
      }
      setServerErrors(placed)
      setShowAll(true)
      return true
    },
  }
}
