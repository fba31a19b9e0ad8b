import type { Command } from 'commander'
import type { SeatTitle } from '../../engine/vocabulary.js'
import type { BriefFormat } from '../../report/index.js'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { extname } from 'node:path'
import { assess } from '../../engine/assess.js'
import { buildBriefs } from '../../engine/hiring/build-briefs.js'
import { SEAT_TITLES } from '../../engine/vocabulary.js'
import { UsageError } from '../../errors/usage-error.js'
import { readProfile } from '../../io/read-profile.js'
import { BRIEF_FORMATS, renderBriefs } from '../../report/index.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite, writeOutput } from '../write-output.js'

interface BriefOptions {
  readonly seat?: SeatTitle
  readonly format?: BriefFormat
  readonly out?: string
  readonly playbook?: string
}

/** `tandem brief <file|->`: assess, then write a brief for each seat of the recommended structure. */
export function registerBrief(program: Command, context: CliContext): void {
  program
    .command('brief')
    .summary('write a seat brief for each seat of the recommended structure')
    .description(
      'Assess one profile and write a brief for each seat of the recommended structure: days a week,\n' +
        'what the seat answers for, the must-haves in the article’s words, evidence to ask for,\n' +
        'interview questions and a scorecard; a development brief where today’s holder keeps the seat.',
    )
    .argument('<file>', 'profile file (.yaml, .yml, .json), or - for stdin')
    .addOption(new Option('-s, --seat <title>', 'only this seat').choices(SEAT_TITLES))
    .addOption(
      new Option(
        '-f, --format <format>',
        'brief format (default: from --out extension, else md)',
      ).choices(BRIEF_FORMATS),
    )
    .option('-o, --out <file>', 'write the briefs to a file instead of stdout')
    .option('-p, --playbook <file>', 'assess with this playbook instead of the shipped default')
    .action(async (file: string, options: BriefOptions) => {
      refuseOverwrite(file, [options.out])
      const playbook = await resolvePlaybook(options.playbook)
      const { profile } = await readProfile(file, context.io.stdin)
      const doc = buildBriefs(assess(profile, playbook), playbook)
      if (!doc) {
        throw new UsageError(
          `playbook "${playbook.id}" has no hiring: block, so it gives no seat briefs`,
        )
      }
      const briefs = options.seat ? doc.briefs.filter((b) => b.title === options.seat) : doc.briefs
      if (briefs.length === 0) {
        throw new UsageError(
          `--seat ${options.seat}: the recommended structure (${doc.label}) has no such seat; its seats are ${doc.briefs.map((b) => b.title).join(', ')}`,
        )
      }
      const format = options.format ?? formatFromPath(options.out)
      await writeOutput(renderBriefs({ ...doc, briefs }, format), options.out, context.io)
    })
}

function formatFromPath(out: string | undefined): BriefFormat {
  const extension = out === undefined ? '' : extname(out).toLowerCase()
  if (extension === '.html' || extension === '.htm') return 'html'
  if (extension === '.json') return 'json'
  return 'md'
}
