import type { ReactNode } from 'react'
import type { Load } from '../lib/use-load.js'
import { useId } from 'react'
import { describeError, hasCode } from '../api/api-error.js'

// Small building blocks every page uses: labelled fields, banners, loading and empty states.

export function PageHeader(props: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1 tabIndex={-1} id="page-title">
          {props.title}
        </h1>
        {props.lead && <p className="lead">{props.lead}</p>}
      </div>
      {props.actions && <div className="actions">{props.actions}</div>}
    </header>
  )
}

export interface FieldProps {
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: ReactNode
  readonly children: (ids: {
    id: string
    describedBy: string | undefined
    invalid: boolean
  }) => ReactNode
}

/** A label, the control, its hint and its inline error, wired together for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : null
  const errorId = error ? `${id}-error` : null
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p className="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error" id={errorId ?? undefined}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A failed request, said plainly; a 409 offers to reload. */
export function ErrorBanner({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const conflict = hasCode(error, 'CONFLICT')
  return (
    <div className="banner banner-error" role="alert">
      <p>
        {conflict
          ? 'Someone else changed this — reload to see their version, then redo your change.'
          : describeError(error)}
      </p>
      {conflict && onReload && (
        <button type="button" className="button" onClick={onReload}>
          Reload
        </button>
      )}
    </div>
  )
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode
  tone?: 'info' | 'success' | 'warning'
}) {
  return (
    <div className={`banner banner-${tone}`} role="status">
      {children}
    </div>
  )
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  )
}

/** Renders a page's loaded data, or its loading and error states. */
export function Loaded<T>({
  load,
  what,
  onReload,
  children,
}: {
  load: Load<T>
  what: string
  onReload?: () => void
  children: (data: T) => ReactNode
}) {
  if (load.state === 'loading') return <Loading what={what} />
  if (load.state === 'error')
    return onReload ? (
      <ErrorBanner error={load.error} onReload={onReload} />
    ) : (
      <ErrorBanner error={load.error} />
    )
  return <>{children(load.data)}</>
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}

export function Badge({
  children,
  tone = 'neutral',
  title,
}: {
  children: ReactNode
  tone?: string
  title?: string
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  )
}

export function Section({
  id,
  title,
  children,
  lead,
}: {
  id: string
  title: string
  children: ReactNode
  lead?: ReactNode
}) {
  return (
    <section className="card section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="section-lead">{lead}</p>}
      {children}
    </section>
  )
}

/** A quoted passage of the article (or of the playbook's design notes). */
export function Passage({ children }: { children: ReactNode }) {
  return <blockquote className="passage">{children}</blockquote>
}
