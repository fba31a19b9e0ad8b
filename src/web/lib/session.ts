import type { Me, Role } from '../api/types.js'
import { createContext, useContext } from 'react'

export interface Session {
  readonly me: Me
  /** Reads `/me` again (after creating a workspace, or a role change). */
  readonly refresh: () => void
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in user; pages below the sign-in gate always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession used outside the signed-in app')
  return session
}

/** The user's role in a workspace, or null when they are not a member. */
export function roleIn(me: Me, ws: string): Role | null {
  return me.workspaces.find((workspace) => workspace.id === ws)?.role ?? null
}

/** Owners and editors change things; viewers only read (the server enforces this too). */
export function canEdit(role: Role | null): boolean {
  return role === 'owner' || role === 'editor'
}
