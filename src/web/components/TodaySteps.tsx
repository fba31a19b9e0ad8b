import type { QuestionDefinition } from '../api/types.js'
import type { DocForm } from './form-fields.js'
import type { TodaySection } from '../../engine/today-schema.js'
import { todayQuestionApplies } from '../../engine/today-schema.js'
import { getAt } from '../lib/paths.js'
import { leaderTitles } from '../lib/wizard.js'
import { QuestionInput } from './QuestionInput.js'

// The questionnaire's steps about today (the playbook's `today:` block): the leaders, or none; how AI
// work goes; and the growth plan. Each question is the playbook's, with its help.

/** Today's leaders, one card each, or "we have no technology leader today". */
export function LeadersStep({
  today,
  form,
  error,
}: {
  today: TodaySection
  form: DocForm
  error: string | null
}) {
  const raw = getAt(form.doc, 'current.seats')
  const seats = Array.isArray(raw) ? (raw as unknown[]) : null
  const none = seats !== null && seats.length === 0
  const setSeats = (next: unknown[]) => form.set('current.seats', next)
  return (
    <div className="question-input">
      <h2 className="question-prompt">{today.leaders.prompt}</h2>
      <QuoteOrHelp help={today.leaders.help} source={today.leaders.source} />
      <label className="check none-leader">
        <input
          type="checkbox"
          checked={none}
          onChange={(event) => setSeats(event.target.checked ? [] : [{}])}
        />{' '}
        {today.leaders.none}
      </label>
      {(seats ?? []).map((_, index) => (
        <fieldset key={index} className="leader-card">
          <legend>Leader {index + 1}</legend>
          {today.seat.map((question) => (
            <Asked
              key={question.id}
              question={{
                ...question,
                id: `${question.id}-${index}`,
                field: `current.seats[${index}].${question.field}`,
              }}
              form={form}
            />
          ))}
          <button
            type="button"
            className="button danger small"
            onClick={() => setSeats((seats ?? []).filter((__, i) => i !== index))}
          >
            Remove leader {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => setSeats([...(seats ?? []), {}])}>
        {seats && seats.length > 0 ? 'Add another leader' : 'Add a leader'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** How AI work goes today: the questions that apply to the leaders given. All optional. */
export function TodayStep({ today, form }: { today: TodaySection; form: DocForm }) {
  const titles = leaderTitles(form.doc)
  return (
    <div className="question-input today-questions">
      <h2 className="question-prompt">How does AI work go today?</h2>
      <p className="help-text">Optional: answer what you know.</p>
      {today.questions
        .filter((question) => todayQuestionApplies(question.when, titles))
        .map((question) => (
          <Asked key={question.id} question={question} form={form} />
        ))}
    </div>
  )
}

/** The optional growth plan, step by step. */
export function GrowthStep({ today, form }: { today: TodaySection; form: DocForm }) {
  const raw = getAt(form.doc, 'growth')
  const steps = Array.isArray(raw) ? (raw as unknown[]) : []
  return (
    <div className="question-input">
      <h2 className="question-prompt">{today.growth.prompt}</h2>
      <QuoteOrHelp help={today.growth.help} source={today.growth.source} />
      {steps.map((_, index) => (
        <fieldset key={index} className="growth-card">
          <legend>Step {index + 1}</legend>
          {today.growth.step.map((question) => (
            <Asked
              key={question.id}
              question={{
                ...question,
                id: `${question.id}-${index}`,
                field: `growth[${index}].${question.field}`,
              }}
              form={form}
            />
          ))}
          <button
            type="button"
            className="button danger small"
            onClick={() =>
              form.set(
                'growth',
                steps.filter((__, i) => i !== index),
              )
            }
          >
            Remove step {index + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => form.set('growth', [...steps, { at: '' }])}
      >
        {steps.length > 0 ? 'Add a further step' : 'Add a growth step'}
      </button>
    </div>
  )
}

function Asked({ question, form }: { question: QuestionDefinition; form: DocForm }) {
  return (
    <QuestionInput
      question={question}
      value={getAt(form.doc, question.field)}
      error={form.error(question.field) ?? null}
      onChange={(value) => form.set(question.field, value)}
    />
  )
}

function QuoteOrHelp({ help, source }: { help: string; source: string | null }) {
  if (!source) return <p className="help-text">{help}</p>
  return (
    <figure className="question-help">
      <blockquote className="passage">{help}</blockquote>
      <figcaption className="meta source">From the article</figcaption>
    </figure>
  )
}
