import { Field } from './ui.js'
import { PASSWORD_HINT, passwordProblem } from '../lib/password-rules.js'

/** A new password typed twice, with the rules checked as typed (shown once the field is left). */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  touched,
  label = 'New password',
}: {
  password: string
  confirm: string
  onPassword: (value: string) => void
  onConfirm: (value: string) => void
  /** Show problems (after a first submit or once the field was left). */
  touched: boolean
  label?: string
}) {
  const problem = touched ? passwordProblem(password) : null
  const mismatch = touched && confirm !== password ? 'The two passwords differ.' : undefined
  return (
    <>
      <Field label={label} hint={PASSWORD_HINT} error={problem ?? undefined}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => onPassword(event.target.value)}
          />
        )}
      </Field>
      <Field label="Repeat the password" error={mismatch}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => onConfirm(event.target.value)}
          />
        )}
      </Field>
    </>
  )
}

/** True when the pair can be sent: the rules hold and both entries match. */
export function newPasswordReady(password: string, confirm: string): boolean {
  return passwordProblem(password) === null && password === confirm
}
