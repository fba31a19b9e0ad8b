import type { PublicPlaybook, QuestionDefinition } from '../api/types.js'
import type { Option } from './form-fields.js'
import { useContext } from 'react'
import {
  AI_FUNCTIONS,
  CENTRALITY_LEVELS,
  ENGAGEMENTS,
  INDUSTRIES,
  SEAT_TITLES,
  STAKES_LEVELS,
} from '../../engine/vocabulary.js'
import { getAt } from '../lib/paths.js'
import { usePublicPlaybook } from '../lib/use-public-playbook.js'
import {
  CheckboxField,
  CheckboxGroupField,
  DocFormContext,
  NumberField,
  SelectField,
  TextField,
  TriStateField,
  optionsOf,
} from './form-fields.js'
import { UseCaseEditor } from './UseCaseEditor.js'

/** Every field path the profile form shows outside lists (used to place server errors). */
export const PROFILE_FORM_FIELDS = [
  'name',
  'employees',
  'engineers',
  'products',
  'industry',
  'ai.centrality',
  'ai.functions',
  'ai.stakes',
  'budget.fullTimeLeaders',
  'current.roleCharter',
  'current.alignmentMeetingsPerMonth',
  'current.aiPilots',
  'current.aiInProduction',
  'current.roiMeasured',
] as const

/**
 * The wording of a field: the playbook's question for it, as the questionnaire asks it, so the form
 * and the wizard use the same labels and option names; the fallback until the playbook has loaded.
 */
function labelsFrom(playbook: PublicPlaybook | null) {
  const questions: QuestionDefinition[] = [
    ...(playbook?.questionnaire ?? []),
    ...(playbook?.today?.questions ?? []),
  ]
  const seat = playbook?.today?.seat ?? []
  const find = (field: string) => questions.find((q) => q.field === field)
  return {
    label: (field: string, fallback: string) => find(field)?.prompt ?? fallback,
    seatLabel: (field: string, fallback: string) =>
      seat.find((q) => q.field === field)?.prompt ?? fallback,
    options: (field: string, values: readonly string[]): readonly Option[] => {
      const named = find(field)?.options ?? seat.find((q) => q.field === field)?.options ?? []
      return values.map((value) => ({
        value,
        label: named.find((o) => String(o.value) === value)?.label ?? value,
      }))
    },
  }
}

/** The whole profile (framework.md §2) as a form; the surrounding DocFormContext holds the document. */
export function ProfileForm({ editable }: { editable: boolean }) {
  const words = labelsFrom(usePublicPlaybook())
  return (
    <>
      <fieldset className="card form-section">
        <legend>Organization</legend>
        <div className="grid-3">
          <TextField path="name" label={words.label('name', 'Name')} />
          <NumberField path="employees" label={words.label('employees', 'Employees')} min={1} />
          <NumberField
            path="engineers"
            label={words.label('engineers', 'Engineers')}
            min={0}
            hint="At most the number of people."
          />
          <NumberField
            path="products"
            label={words.label('products', 'Distinct products')}
            min={1}
          />
          <SelectField
            path="industry"
            label={words.label('industry', 'Industry')}
            options={words.options('industry', INDUSTRIES)}
          />
        </div>
      </fieldset>
      <fieldset className="card form-section">
        <legend>AI</legend>
        <div className="grid-3">
          <SelectField
            path="ai.centrality"
            label={words.label('ai.centrality', 'How core is AI to your competitive position?')}
            options={words.options('ai.centrality', CENTRALITY_LEVELS)}
          />
          <SelectField
            path="ai.stakes"
            label="Stakes override"
            options={optionsOf(STAKES_LEVELS)}
            empty="Derive from industry and use cases"
            hint="Only to overrule the derived stakes; reports say so."
          />
          <NumberField
            path="budget.fullTimeLeaders"
            label={words.label(
              'budget.fullTimeLeaders',
              'How many full-time senior technology leaders can you fund?',
            )}
            min={0}
            hint="0 = fractional only"
          />
        </div>
        <CheckboxGroupField
          path="ai.functions"
          legend={words.label(
            'ai.functions',
            'Which functions beyond engineering have AI opportunities?',
          )}
          options={words.options('ai.functions', AI_FUNCTIONS)}
        />
      </fieldset>
      <fieldset className="card form-section">
        <legend>AI use cases</legend>
        <UseCaseEditor editable={editable} />
      </fieldset>
      <CurrentSection editable={editable} words={words} />
      <GrowthSection editable={editable} />
    </>
  )
}

function CurrentSection({
  editable,
  words,
}: {
  editable: boolean
  words: ReturnType<typeof labelsFrom>
}) {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('ProfileForm used outside a DocFormContext')
  const raw = getAt(form.doc, 'current.seats')
  const seats = Array.isArray(raw) ? (raw as unknown[]) : []
  return (
    <fieldset className="card form-section">
      <legend>Today’s leadership (for the diagnosis)</legend>
      {seats.length === 0 && <p className="meta">No technology leader today.</p>}
      {seats.map((_, index) => (
        <div key={index} className="row-card">
          <h3 className="row-title">Leader {index + 1}</h3>
          <div className="grid-3">
            <SelectField
              path={`current.seats[${index}].title`}
              label={words.seatLabel('title', 'Role')}
              options={words.options('title', SEAT_TITLES)}
            />
            <SelectField
              path={`current.seats[${index}].engagement`}
              label={words.seatLabel('engagement', 'Engagement')}
              options={words.options('engagement', ENGAGEMENTS)}
            />
            <TextField
              path={`current.seats[${index}].name`}
              label={words.seatLabel('name', 'Name (optional)')}
            />
            <NumberField
              path={`current.seats[${index}].responsibilities`}
              label={words.seatLabel('responsibilities', 'Areas of responsibility')}
              min={0}
            />
            <TriStateField
              path={`current.seats[${index}].shippedAiSystems`}
              label={words.seatLabel('shippedAiSystems', 'Has built and shipped AI systems')}
            />
            <TriStateField
              path={`current.seats[${index}].ledTechOrg`}
              label={words.seatLabel('ledTechOrg', 'Has led a technology organization')}
            />
          </div>
          {editable && (
            <button
              type="button"
              className="button danger small"
              onClick={() =>
                form.set(
                  'current.seats',
                  seats.filter((__, i) => i !== index),
                )
              }
            >
              Remove seat {index + 1}
            </button>
          )}
        </div>
      ))}
      {editable && (
        <button
          type="button"
          className="button"
          onClick={() =>
            form.set('current.seats', [...seats, { title: 'CTO', engagement: 'full-time' }])
          }
        >
          Add a seat
        </button>
      )}
      <div className="grid-3">
        <NumberField
          path="current.alignmentMeetingsPerMonth"
          label={words.label(
            'current.alignmentMeetingsPerMonth',
            'CTO–CAIO alignment meetings per month',
          )}
          min={0}
        />
        <NumberField
          path="current.aiPilots"
          label={words.label('current.aiPilots', 'AI initiatives in pilot')}
          min={0}
        />
        <NumberField
          path="current.aiInProduction"
          label={words.label('current.aiInProduction', 'AI initiatives in production')}
          min={0}
        />
        <TriStateField
          path="current.roiMeasured"
          label={words.label('current.roiMeasured', 'AI outcomes measured against a baseline')}
        />
      </div>
      <CheckboxField
        path="current.roleCharter"
        label={words.label('current.roleCharter', 'A written division of responsibility exists')}
      />
    </fieldset>
  )
}

function GrowthSection({ editable }: { editable: boolean }) {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('ProfileForm used outside a DocFormContext')
  const raw = getAt(form.doc, 'growth')
  const steps = Array.isArray(raw) ? (raw as unknown[]) : []
  return (
    <fieldset className="card form-section">
      <legend>Planned growth (for the roadmap)</legend>
      <p className="hint">
        Each step applies on top of the previous one; dates ascend (YYYY-MM or YYYY-Qn).
      </p>
      {steps.map((_, index) => (
        <div key={index} className="row-card">
          <div className="grid-3">
            <TextField path={`growth[${index}].at`} label={`Step ${index + 1} date`} />
            <NumberField
              path={`growth[${index}].employees`}
              label={`Step ${index + 1} employees`}
              min={1}
            />
            <NumberField
              path={`growth[${index}].engineers`}
              label={`Step ${index + 1} engineers`}
              min={0}
            />
            <NumberField
              path={`growth[${index}].products`}
              label={`Step ${index + 1} products`}
              min={1}
            />
            <SelectField
              path={`growth[${index}].ai.centrality`}
              label={`Step ${index + 1} AI centrality`}
              options={optionsOf(CENTRALITY_LEVELS)}
              empty="Unchanged"
            />
            <NumberField
              path={`growth[${index}].budget.fullTimeLeaders`}
              label={`Step ${index + 1} full-time leaders`}
              min={0}
            />
          </div>
          {editable && (
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
          )}
        </div>
      ))}
      {editable && (
        <button
          type="button"
          className="button"
          onClick={() => form.set('growth', [...steps, { at: '' }])}
        >
          Add a growth step
        </button>
      )}
    </fieldset>
  )
}
