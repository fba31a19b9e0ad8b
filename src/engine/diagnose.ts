import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { AntiPatternFinding, Charter, Evidence } from './types.js'
import type { AntiPatternId, Severity } from './vocabulary.js'
import { validateCharter } from './validate-charter.js'

export interface Diagnosis {
  readonly antiPatterns: readonly AntiPatternFinding[]
  /** Inputs the diagnosis needed but did not get. */
  readonly notes: readonly string[]
}

/** Diagnoses today's arrangement against the four (five) anti-patterns of framework.md §5. */
export function diagnose(
  profile: Profile,
  facts: Facts,
  playbook: Playbook,
  charter?: Charter,
): Diagnosis {
  const current = profile.current
  if (!current) return { antiPatterns: [], notes: [] }
  const found: AntiPatternFinding[] = []
  const notes: string[] = []
  const finding = (id: AntiPatternId, severity: Severity, evidence: Evidence[]) => {
    const def = playbook.doc.antiPatterns[id]
    found.push({
      id,
      title: def.title,
      severity,
      evidence,
      remedy: def.remedy,
      source: playbook.doc.passages[def.source] ?? def.source,
    })
  }
  const seats = current.seats
  const cto = seats.findIndex((s) => s.title === 'CTO')
  const caio = seats.findIndex((s) => s.title === 'CAIO')
  const unified = seats.findIndex((s) => s.title === 'CTO/CAIO')

  // "The CTO can handle AI": works for small-scale integration but collapses when AI becomes central.
  if (cto >= 0 && caio < 0 && unified < 0 && facts.aiDemand !== 'none') {
    const t = playbook.doc.thresholds.ctoOverload
    const evidence: Evidence[] = [
      { field: 'current.seats', value: 'CTO', note: 'a CTO and no CAIO or CTO/CAIO seat' },
      {
        field: 'aiDemand',
        value: facts.aiDemand,
        note: 'the AI function needs dedicated leadership',
      },
    ]
    const responsibilities = seats[cto]?.responsibilities
    if (responsibilities !== undefined && responsibilities >= t.responsibilities) {
      evidence.push({
        field: `current.seats[${cto}].responsibilities`,
        value: responsibilities,
        note: `the CTO is responsible for ${responsibilities} areas`,
      })
    }
    const pilots = current.aiPilots
    const production = current.aiInProduction
    if (pilots !== undefined && pilots >= t.pilotsMin) {
      if (
        production === 0 ||
        (production !== undefined && pilots >= t.pilotsPerProduction * production)
      ) {
        evidence.push({
          field: 'current.aiPilots',
          value: pilots,
          note: `${pilots} pilots for ${production} in production: pilots proliferate, production stalls`,
        })
      }
    }
    if (current.roiMeasured === false) {
      evidence.push({ field: 'current.roiMeasured', value: false, note: 'ROI stays theoretical' })
    }
    const critical = facts.aiDemand === 'full' || facts.centrality === 'core'
    finding('cto-can-handle-ai', critical ? 'critical' : 'warning', evidence)
  }

  seats.forEach((seat, i) => {
    if (seat.title === 'CAIO') {
      if (seat.shippedAiSystems === false) {
        finding('caio-without-technical-depth', 'critical', [
          {
            field: `current.seats[${i}].shippedAiSystems`,
            value: false,
            note: 'the CAIO has not built and shipped AI systems',
          },
        ])
      } else if (seat.shippedAiSystems === undefined) {
        notes.push(
          `Has the CAIO (seat ${i + 1}) built and shipped AI systems in past roles? Set current.seats[${i}].shippedAiSystems to check for "${playbook.doc.antiPatterns['caio-without-technical-depth'].title}".`,
        )
      }
    }
    if (seat.title === 'CTO/CAIO') {
      const lacking: Evidence[] = []
      if (seat.shippedAiSystems === false)
        lacking.push({
          field: `current.seats[${i}].shippedAiSystems`,
          value: false,
          note: 'has not built and shipped AI systems',
        })
      if (seat.ledTechOrg === false)
        lacking.push({
          field: `current.seats[${i}].ledTechOrg`,
          value: false,
          note: 'has not led a technology organization',
        })
      if (lacking.length > 0) finding('unified-without-dual-depth', 'critical', lacking)
      else if (seat.shippedAiSystems === undefined || seat.ledTechOrg === undefined) {
        notes.push(
          `Has the CTO/CAIO (seat ${i + 1}) both built AI systems and led a technology organization? Set shippedAiSystems and ledTechOrg to check.`,
        )
      }
    }
  })

  // "We'll figure out roles later."
  const rolesEvidence: Evidence[] = []
  if (seats.length >= 2 && !current.roleCharter) {
    rolesEvidence.push({
      field: 'current.roleCharter',
      value: false,
      note: `${seats.length} leaders and no written division of responsibility`,
    })
  }
  if (charter) {
    for (const issue of validateCharter(charter)) {
      if (issue.code === 'no_accountable' || issue.code === 'several_accountable') {
        rolesEvidence.push({ field: 'charter', value: issue.code, note: issue.message })
      }
    }
  }
  if (rolesEvidence.length > 0) finding('roles-later', 'critical', rolesEvidence)

  // "CTO and CAIO don't need to talk much." They meet weekly for strategic alignment.
  if (cto >= 0 && caio >= 0) {
    const meetings = current.alignmentMeetingsPerMonth
    const t = playbook.doc.thresholds.alignment
    if (meetings === undefined) {
      notes.push(
        'How often do the CTO and CAIO meet for strategic alignment? Set current.alignmentMeetingsPerMonth to check for "CTO and CAIO don\'t need to talk much".',
      )
    } else if (meetings < t.warningBelow) {
      finding('partners-dont-talk', meetings < t.criticalBelow ? 'critical' : 'warning', [
        {
          field: 'current.alignmentMeetingsPerMonth',
          value: meetings,
          note: `${meetings} alignment meeting(s) a month; weekly is ${t.recommendedPerMonth}`,
        },
      ])
    }
  }
  return { antiPatterns: found, notes }
}
