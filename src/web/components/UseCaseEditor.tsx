import type { Classification } from '../api/types.js'
import type { WalkQuestion } from '../../engine/stakes/classifier-questions.js'
import type { DocForm } from './form-fields.js'
import { useContext, useEffect, useId, useState } from 'react'
import { useCaseSchema } from '../../engine/profile-schema.js'
import { describeError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { questionsOnPath } from '../lib/classifier-walk.js'
import { getAt } from '../lib/paths.js'
import { usePublicPlaybook } from '../lib/use-public-playbook.js'
import { ClassificationView } from './Classification.js'
import { DocFormContext, SelectField, TextField } from './form-fields.js'

// The AI use cases of a profile (stakes.md "The use case record"), each described by answering the
// EU AI Act classifier's own questions, in the classifier's order, as the answers open its branches:
// no fact that changes the tier is behind a fold. The server classifies it live.

const ROLE_OPTIONS = [
  { value: 'provider', label: 'Provider: we develop it, or have it developed, under our name' },
  { value: 'deployer', label: 'Deployer: we use it under our own authority' },
]

/** Edits `ai.useCases` of the document in the surrounding form. */
export function UseCaseEditor({ editable }: { editable: boolean }) {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('UseCaseEditor used outside a DocFormContext')
  const raw = getAt(form.doc, 'ai.useCases')
  const useCases = Array.isArray(raw) ? (raw as unknown[]) : []
  const add = () => {
    form.set('ai.useCases', [...useCases, { name: '' }])
  }
  const remove = (index: number) => {
    form.set(
      'ai.useCases',
      useCases.filter((_, i) => i !== index),
    )
  }
  return (
    <div className="use-cases">
      {useCases.length === 0 && (
        <p className="meta">
          No AI use cases listed. Add one to see how the EU AI Act classifies it.
        </p>
      )}
      {useCases.map((useCase, index) => (
        <UseCaseCard
          key={index}
          index={index}
          useCase={useCase}
          editable={editable}
          onRemove={() => remove(index)}
        />
      ))}
      {editable && (
        <button type="button" className="button" onClick={add}>
          Add a use case
        </button>
      )}
    </div>
  )
}

function UseCaseCard({
  index,
  useCase,
  editable,
  onRemove,
}: {
  index: number
  useCase: unknown
  editable: boolean
  onRemove: () => void
}) {
  const base = `ai.useCases[${index}]`
  const name = getAt(useCase, 'name')
  return (
    <fieldset className="card use-case">
      <legend>
        Use case {index + 1}
        {typeof name === 'string' && name.trim() ? `: ${name}` : ''}
      </legend>
      <div className="grid-3">
        <TextField path={`${base}.name`} label="Name" />
        <SelectField
          path={`${base}.role`}
          label="Your role"
          options={ROLE_OPTIONS}
          empty="Both, or not sure"
        />
      </div>
      <ClassifierQuestionsList base={base} useCase={useCase} />
      <LiveClassification useCase={useCase} />
      {editable && (
        <button type="button" className="button danger small" onClick={onRemove}>
          Remove use case {index + 1}
        </button>
      )}
    </fieldset>
  )
}

/** The classifier's questions on this use case's path, each answered in place. */
function ClassifierQuestionsList({ base, useCase }: { base: string; useCase: unknown }) {
  const form = useContext(DocFormContext)
  const playbook = usePublicPlaybook()
  if (!form) throw new Error('UseCaseEditor used outside a DocFormContext')
  const tree = playbook?.classifier
  if (!tree) return <p className="meta">Loading the classifier’s questions…</p>
  const facts =
    typeof useCase === 'object' && useCase !== null ? (useCase as Record<string, unknown>) : {}
  return (
    <ol className="use-case-questions">
      {questionsOnPath(tree, facts).map((question) => (
        <li key={question.id}>
          <ClassifierQuestionInput
            question={question}
            choices={tree.choices[question.reads] ?? []}
            path={`${base}.${question.reads}`}
            form={form}
          />
        </li>
      ))}
    </ol>
  )
}

function ClassifierQuestionInput({
  question,
  choices,
  path,
  form,
}: {
  question: WalkQuestion
  choices: readonly { value: string; label: string }[]
  path: string
  form: DocForm
}) {
  const id = useId()
  const value = getAt(form.doc, path)
  const help = question.help ? (
    <p className="help-text" id={`${id}-help`}>
      {question.help}
    </p>
  ) : null
  const source = (
    <p className="meta">
      {question.ref}: {question.summary}
    </p>
  )
  if (question.answers.some((answer) => answer.value === true)) {
    return (
      <fieldset className="yes-no-question" aria-describedby={help ? `${id}-help` : undefined}>
        <legend className="ask">{question.ask}</legend>
        {help}
        <div className="yes-no">
          {(['yes', 'no'] as const).map((answer) => (
            <label key={answer}>
              <input
                type="radio"
                name={`${path}-${id}`}
                checked={answer === 'yes' ? value === true : value === false}
                onChange={() => form.set(path, answer === 'yes')}
              />{' '}
              {answer === 'yes' ? 'Yes' : 'No'}
            </label>
          ))}
        </div>
        {source}
      </fieldset>
    )
  }
  // A choice: an insisting question offers only its own answers; the others every value known.
  const own = question.answers.flatMap((answer) =>
    typeof answer.value === 'string' ? [{ value: answer.value, label: answer.label }] : [],
  )
  const options = question.insist ? own : choices.filter((choice) => choice.value !== 'none')
  return (
    <div className="field">
      <label className="ask" htmlFor={id}>
        {question.ask}
      </label>
      {help}
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) =>
          form.set(path, event.target.value === '' ? undefined : event.target.value)
        }
      >
        <option value="">{question.insist ? 'Not sure' : 'None of these, or not sure'}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {source}
    </div>
  )
}

type Live =
  | { state: 'idle' }
  | { state: 'ready'; value: Classification }
  | { state: 'error'; message: string }

function LiveClassification({ useCase }: { useCase: unknown }) {
  const [live, setLive] = useState<Live>({ state: 'idle' })
  const key = JSON.stringify(useCase)
  useEffect(() => {
    const parsed = useCaseSchema.safeParse(useCase)
    if (!parsed.success) {
      setLive({ state: 'idle' })
      return
    }
    let current = true
    const timer = window.setTimeout(() => {
      api.classify(parsed.data).then(
        (value) => current && setLive({ state: 'ready', value }),
        (error: unknown) => current && setLive({ state: 'error', message: describeError(error) }),
      )
    }, 350)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
    // The key stands for the use case's content; the object itself changes identity on every edit.
  }, [key])
  return (
    <div className="live-classification" aria-live="polite">
      {live.state === 'ready' && <ClassificationView classification={live.value} compact />}
      {live.state === 'error' && <p className="meta">Classification unavailable: {live.message}</p>}
    </div>
  )
}
