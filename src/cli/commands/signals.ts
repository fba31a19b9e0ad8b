import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { signals } from '../../engine/operations/signals.js'
import { readOperations } from '../../io/read-operations.js'
import { renderSignalsMarkdown } from '../../report/render-signals-markdown.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { writeOutput } from '../write-output.js'
import { dayOption, today } from './operations-options.js'

interface SignalsOptions {
  readonly asOf?: string
  readonly format: 'md' | 'json'
  readonly playbook?: string
}

/** `tandem signals <file>`: the signals of an operations file (operate.md §3). */
export function registerSignals(program: Command, context: CliContext): void {
  program
    .command('signals')
    .summary('the signals of an AI initiative register and its meetings')
    .description(
      'Read an operations file (tandem/operations@1: the register, the meetings and the\n' +
        'acknowledgements of one organization) and list the signals it raises as of a day:\n' +
        'pilots that proliferate, production that stalls, ROI that stays theoretical, partners\n' +
        "who don't meet, lenses that disagree, work without an owner, overridden gates.\n" +
        'Exit code 0 whether or not signals are raised.',
    )
    .argument('<file>', 'operations file (.yaml, .yml, .json)')
    .option('--as-of <date>', 'the day to compute the signals for (YYYY-MM-DD; default: today)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
    .option('-p, --playbook <file>', 'use this playbook instead of the shipped default')
    .action(async (file: string, options: SignalsOptions) => {
      const asOf = dayOption('--as-of', options.asOf) ?? today()
      const playbook = await resolvePlaybook(options.playbook)
      const operations = await readOperations(file)
      const result = signals(operations, playbook, asOf)
      const text =
        options.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : renderSignalsMarkdown(result, operations.organization.name)
      await writeOutput(text, undefined, context.io)
    })
}
