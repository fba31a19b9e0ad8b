// The server's password rules (docs/operations.md), checked as the user types so a refusal is
// seen before the form is sent. The server checks again, with the common-password list too.

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128
export const PASSWORD_HINT = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters; a few words make a good passphrase.`

/** Why a new password would be refused, or null. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length
  if (length === 0) return 'Choose a password.'
  if (password.trim() === '') return 'Use characters you can see, not only spaces.'
  if (length < PASSWORD_MIN) return `At least ${PASSWORD_MIN} characters (now ${length}).`
  if (length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters (now ${length}).`
  if (new Set(password).size === 1) return 'Not one character repeated: try a few words.'
  return null
}
