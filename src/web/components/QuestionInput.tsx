import type { QuestionDefinition } from '../api/types.js'
import { useId, useState } from 'react'
import { countFromTyping } from '../lib/profile-form.js'

/** The control for one playbook question, typed by its definition; the prompt is its label. */
export function QuestionInput({
  question,
  value,
  error,
  onChange,
}: {
  question: QuestionDefinition
  value: unknown
  error: string | null
  onChange: (value: unknown) => void
}) {
  const id = useId()
  const [refused, setRefused] = useState(false)
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy = [helpId, error ? errorId : null].filter(Boolean).join(' ')
  const errorLine = error && (
    <p className="error" id={errorId} role="alert">
      {error}
    </p>
  )

  if (
    question.type === 'choice' ||
    question.type === 'multi-choice' ||
    question.type === 'boolean'
  ) {
    const multi = question.type === 'multi-choice'
    const options: readonly { value: string | number; label: string; hint?: string | undefined }[] =
      question.type === 'boolean'
        ? [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]
        : question.options
    const list: readonly unknown[] = Array.isArray(value) ? value : []
    const chosen = (option: string | number): boolean => {
      if (question.type === 'boolean') return value === (option === 'yes')
      return multi ? list.includes(option) : value === option
    }
    // Option values keep their type (the budget question's are numbers), so the profile stays valid.
    const pick = (option: string | number, on: boolean) => {
      if (question.type === 'boolean') onChange(option === 'yes')
      else if (!multi) onChange(option)
      else {
        const next = on ? [...list, option] : list.filter((item) => item !== option)
        onChange(options.map((o) => o.value).filter((o) => next.includes(o)))
      }
    }
    return (
      <fieldset className="question-input" aria-describedby={describedBy}>
        <legend className="question-prompt">{question.prompt}</legend>
        <Help question={question} id={helpId} />
        <div className={multi ? 'option-grid' : 'option-list'}>
          {options.map((option) => (
            <label
              key={String(option.value)}
              className={chosen(option.value) ? 'option chosen' : 'option'}
            >
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={`${question.id}-${id}`}
                value={option.value}
                checked={chosen(option.value)}
                onChange={(event) => pick(option.value, event.target.checked)}
              />
              <span className="option-text">
                <span className="option-label">{option.label}</span>
                {option.hint && <span className="option-hint">{option.hint}</span>}
              </span>
            </label>
          ))}
        </div>
        {errorLine}
      </fieldset>
    )
  }

  return (
    <div className="question-input">
      <label htmlFor={id} className="question-prompt">
        {question.prompt}
      </label>
      <Help question={question} id={helpId} />
      <input
        id={id}
        className="big-input"
        type="text"
        inputMode={question.type === 'integer' ? 'numeric' : undefined}
        autoComplete="off"
        value={
          (typeof value === 'number' && !Number.isNaN(value)) || typeof value === 'string'
            ? String(value)
            : ''
        }
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        onChange={(event) => {
          if (question.type !== 'integer') {
            onChange(event.target.value === '' ? undefined : event.target.value)
            return
          }
          // A whole number: anything but digits is refused as it is typed, and the field says so.
          const count = countFromTyping(event.target.value)
          setRefused(count === null)
          if (count !== null) onChange(count)
        }}
      />
      {refused && (
        <p className="hint" role="status">
          Digits only, such as 45.
        </p>
      )}
      {errorLine}
    </div>
  )
}

function Help({ question, id }: { question: QuestionDefinition; id: string }) {
  // Styled and labelled as a quote only where the help is the article's words (a passage's part).
  if (!question.source) {
    return (
      <div className="question-help" id={id}>
        <p className="help-text">{question.help}</p>
      </div>
    )
  }
  return (
    <figure className="question-help" id={id}>
      <blockquote className="passage">{question.help}</blockquote>
      <figcaption className="meta source">From the article</figcaption>
    </figure>
  )
}
