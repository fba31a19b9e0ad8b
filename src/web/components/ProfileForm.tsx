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

/** The whole profile (framework.md §2) as a form; the surrounding DocFormContext holds the document. */
export function ProfileForm({ editable }: { editable: boolean }) {
  return (
    <>
      <fieldset className="card form-section">
        <legend>Organization</legend>
        <div className="grid-3">
          <TextField path="name" label="Name" />
          <NumberField path="employees" label="Employees" min={1} />
          <NumberField
            path="engineers"
            label="Engineers"
            min={0}
            hint="Engineering headcount, at most the employees."
          />
          <NumberField path="products" label="Distinct products" min={1} />
          <SelectField path="industry" label="Industry" options={optionsOf(INDUSTRIES)} />
        </div>
      </fieldset>
      <fieldset className="card form-section">
        <legend>AI</legend>
        <div className="grid-3">
          <SelectField
            path="ai.centrality"
            label="How core is AI to your competitive position?"
            options={optionsOf(CENTRALITY_LEVELS)}
            hint="core = your primary differentiator"
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
            label="Full-time senior technology leaders you can fund"
            min={0}
            hint="0 = fractional only"
          />
        </div>
        <CheckboxGroupField
          path="ai.functions"
          legend="Functions beyond engineering with AI opportunities"
          options={optionsOf(AI_FUNCTIONS)}
        />
      </fieldset>
      <fieldset className="card form-section">
        <legend>AI use cases</legend>
        <UseCaseEditor editable={editable} />
      </fieldset>
      <CurrentSection editable={editable} />
      <GrowthSection editable={editable} />
    </>
  )
}

function CurrentSection({ editable }: { editable: boolean }) {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('ProfileForm used outside a DocFormContext')
  const raw = getAt(form.doc, 'current.seats')
  const seats = Array.isArray(raw) ? (raw as unknown[]) : []
  return (
    <fieldset className="card form-section">
      <legend>Today’s leadership (for the diagnosis)</legend>
      {seats.map((_, index) => (
        <div key={index} className="row-card">
          <div className="grid-3">
            <SelectField
              path={`current.seats[${index}].title`}
              label={`Seat ${index + 1} title`}
              options={optionsOf(SEAT_TITLES)}
            />
            <SelectField
              path={`current.seats[${index}].engagement`}
              label={`Seat ${index + 1} engagement`}
              options={optionsOf(ENGAGEMENTS)}
            />
            <NumberField
              path={`current.seats[${index}].responsibilities`}
              label={`Seat ${index + 1} areas of responsibility`}
              min={0}
            />
            <TriStateField
              path={`current.seats[${index}].shippedAiSystems`}
              label="Has built and shipped AI systems"
            />
            <TriStateField
              path={`current.seats[${index}].ledTechOrg`}
              label="Has led a technology organization"
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
          label="CTO–CAIO alignment meetings per month"
          min={0}
        />
        <NumberField path="current.aiPilots" label="AI initiatives in pilot" min={0} />
        <NumberField path="current.aiInProduction" label="AI initiatives in production" min={0} />
        <TriStateField path="current.roiMeasured" label="AI outcomes measured against a baseline" />
      </div>
      <CheckboxField
        path="current.roleCharter"
        label="A written division of responsibility exists"
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
