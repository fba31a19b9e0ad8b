import type { PublicPlaybook } from '../api/types.js'
import { useEffect, useState } from 'react'
import { api } from '../api/client.js'

// The playbook's public view is the same for the whole session: fetched once, shared by every form.
let shared: Promise<PublicPlaybook> | null = null

/** The playbook's public view (questionnaire labels, today's questions, the classifier's questions). */
export function usePublicPlaybook(): PublicPlaybook | null {
  const [playbook, setPlaybook] = useState<PublicPlaybook | null>(null)
  useEffect(() => {
    let live = true
    shared ??= api.playbook()
    shared.then(
      (value) => live && setPlaybook(value),
      () => {
        shared = null
      },
    )
    return () => {
      live = false
    }
  }, [])
  return playbook
}
