// A member's role in a workspace (reliability.md §A). Highest first: the order the members page
// lists them in and the order `roleAllows` ranks them by.
export const ROLES = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** True when `role` is at least `required` (viewer < editor < owner). */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(required)
}
