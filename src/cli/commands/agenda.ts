import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { generateAgenda } from '../../engine/operations/generate-agenda.js'
import { readOperations } from '../../io/read-operations.js'
import { renderAgendaMarkdown } from '../../report/render-signals-markdown.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { writeOutput } from '../write-output.js'
import { dayOption, today } from './operations-options.js'

interface AgendaOptions {
  readonly asOf?: string
  readonly format: 'md' | 'json'
  readonly playbook?: string
}

/** `tandem agenda <file>`: the generated agenda of the next alignment meeting (operate.md §2). */
export function registerAgenda(program: Command, context: CliContext): void {
  program
    .command('agenda')
    .summary('the generated agenda of the next alignment meeting')
    .description(
      'Read an operations file and generate the agenda of the next alignment meeting: overdue\n' +
        'decisions, lenses that disagree, initiatives awaiting a lens, gates that are due, stalled\n' +
        'pilots, production without a measurement, and one handoff-zone topic in rotation.',
    )
    .argument('<file>', 'operations file (.yaml, .yml, .json)')
    .option('--as-of <date>', 'the day to prepare the agenda on (YYYY-MM-DD; default: today)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
    .option('-p, --playbook <file>', 'use this playbook instead of the shipped default')
    .action(async (file: string, options: AgendaOptions) => {
      const asOf = dayOption('--as-of', options.asOf) ?? today()
      const playbook = await resolvePlaybook(options.playbook)
      const operations = await readOperations(file)
      const agenda = generateAgenda(operations, playbook, asOf)
      const text =
        options.format === 'json'
          ? `${JSON.stringify(agenda, null, 2)}\n`
          : renderAgendaMarkdown(agenda, operations.organization.name)
      await writeOutput(text, undefined, context.io)
    })
}
