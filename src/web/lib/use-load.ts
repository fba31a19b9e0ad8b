import { useCallback, useEffect, useState } from 'react'

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: T }

/** Loads data for a page; `reload` fetches again (after a save, or a 409). */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): [Load<T>, () => void, (data: T) => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    setResult({ state: 'loading' })
    load().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) => live && setResult({ state: 'error', error }),
    )
    return () => {
      live = false
    }
  }, [...deps, generation])
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  const replace = useCallback((data: T) => setResult({ state: 'ready', data }), [])
  return [result, reload, replace]
}
