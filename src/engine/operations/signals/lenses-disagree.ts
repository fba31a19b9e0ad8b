import type { CaioReview, CtoReview, Initiative } from '../operations-schema.js'
import type { RuleFinding, SignalContext } from './signal-context.js'
import { currentStage } from '../current-stage.js'
import { dayOf, daysBetween } from '../dates.js'
import { aboutInitiative, named } from './signal-context.js'

/** `lenses-disagree`: a lens disagreement open `openDays` days without a decision on the initiative. */
export function lensesDisagree(context: SignalContext): readonly RuleFinding[] {
  const config = context.config.signals['lenses-disagree']
  const findings: RuleFinding[] = []
  for (const initiative of context.view.initiatives) {
    if (!isActive(initiative)) continue
    const since = disagreeingSince(initiative)
    if (since === null) continue
    const open = daysBetween(since, context.asOf)
    if (open < config.openDays) continue
    const decided = (context.decisionsByInitiative.get(initiative.id) ?? []).some(
      (made) => made.meeting.date >= since,
    )
    if (decided) continue
    findings.push({
      subject: aboutInitiative(initiative),
      severity: 'warning',
      evidence: [
        {
          note: `the lenses on ${named(initiative)} have disagreed since ${since} (${describe(initiative)}) and no meeting has decided on it`,
          initiative: initiative.id,
        },
      ],
    })
  }
  return findings
}

/** Whether two lens reviews disagree: CAIO `should` yes with a CTO no, or CAIO no with a CTO yes. */
export function disagree(cto: CtoReview | undefined, caio: CaioReview | undefined): boolean {
  if (!cto || !caio) return false
  const answers = [cto.build, cto.scale, cto.secure]
  return (
    (caio.should === 'yes' && answers.includes('no')) ||
    (caio.should === 'no' && answers.includes('yes'))
  )
}

/** The day the current disagreement began; null when the latest lenses agree. */
export function disagreeingSince(initiative: Initiative): string | null {
  const { cto, caio } = initiative.lenses
  if (!disagree(cto.at(-1), caio.at(-1))) return null
  // Walk back through the reviews, newest first, while the lenses in force still disagree.
  let i = cto.length - 1
  let j = caio.length - 1
  let since = ''
  while (i >= 0 && j >= 0) {
    const a = cto[i] as CtoReview
    const b = caio[j] as CaioReview
    if (!disagree(a, b)) break
    since = a.at > b.at ? dayOf(a.at) : dayOf(b.at)
    if (a.at > b.at) i--
    else j--
  }
  return since
}

function isActive(initiative: Initiative): boolean {
  const stage = currentStage(initiative)
  return stage === 'idea' || stage === 'pilot' || stage === 'production'
}

function describe(initiative: Initiative): string {
  const cto = initiative.lenses.cto.at(-1)
  const caio = initiative.lenses.caio.at(-1)
  return `CAIO: should ${caio?.should ?? '?'}; CTO: build ${cto?.build ?? '?'}, scale ${cto?.scale ?? '?'}, secure ${cto?.secure ?? '?'}`
}
