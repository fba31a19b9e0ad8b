import { z } from 'zod'
import { questionDefinitionSchema } from './playbook-schema.js'

// The playbook's `today:` block: the questions about today's arrangement (framework.md §2 `current`)
// and the growth plan that the terminal questionnaire and the web wizard ask after the five questions.

const text = z.string().trim().min(1)
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes')

/** When a question about today is worth asking, from the leaders given so far. */
export const TODAY_WHEN = ['always', 'two-leaders', 'cto-and-caio'] as const
export type TodayWhen = (typeof TODAY_WHEN)[number]

const todayQuestionSchema = questionDefinitionSchema.extend({
  when: z.enum(TODAY_WHEN).default('always'),
})

const promptSchema = z.strictObject({
  prompt: text,
  help: text,
  /** The passage `help` is a part of; null when the help is the playbook's own words. */
  source: id.nullable().default(null),
  another: text,
})

export const todaySchema = z.strictObject({
  leaders: promptSchema.extend({ none: text }),
  /** One leader's questions; each `field` is relative to a `current.seats[]` item. */
  seat: z.array(questionDefinitionSchema).min(1),
  /** Each `field` is a profile path under `current`. */
  questions: z.array(todayQuestionSchema),
  growth: promptSchema.extend({
    /** One step's questions; each `field` is relative to a `growth[]` item. */
    step: z.array(questionDefinitionSchema).min(1),
  }),
})

export type TodaySection = z.output<typeof todaySchema>
export type TodayQuestion = TodaySection['questions'][number]

/** Whether a question about today applies to the leaders given (titles of `current.seats`). */
export function todayQuestionApplies(when: TodayWhen, titles: readonly string[]): boolean {
  switch (when) {
    case 'always':
      return true
    case 'two-leaders':
      return titles.length >= 2
    case 'cto-and-caio':
      return titles.includes('CTO') && titles.includes('CAIO')
  }
}
