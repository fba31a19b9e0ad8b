import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { buildDigest } from '../../engine/operations/build-digest.js'
import { UsageError } from '../../errors/usage-error.js'
import { readOperations } from '../../io/read-operations.js'
import { renderDigestHtml } from '../../report/render-digest-html.js'
import { renderDigestJson } from '../../report/render-digest-json.js'
import { renderDigestMarkdown } from '../../report/render-digest-markdown.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite, writeOutput } from '../write-output.js'
import { dayOption, today } from './operations-options.js'

interface DigestCliOptions {
  readonly since?: string
  readonly until?: string
  readonly format: 'md' | 'html' | 'json'
  readonly audience: 'client' | 'internal'
  readonly out?: string
  readonly playbook?: string
}

/** `tandem digest <file>`: what happened over a period (operate.md §4). */
export function registerDigest(program: Command, context: CliContext): void {
  program
    .command('digest')
    .summary('the digest of a period: stage moves, reviews, decisions, meetings, signals')
    .description(
      'Read an operations file and summarize a period (default: the last 7 days): stage moves,\n' +
        'lens reviews, measurements, decisions made and due, meetings held, and signals raised\n' +
        'and cleared. The client audience (default) leaves out internal items.',
    )
    .argument('<file>', 'operations file (.yaml, .yml, .json)')
    .option(
      '--since <date>',
      'first day of the period (YYYY-MM-DD; default: 6 days before --until)',
    )
    .option('--until <date>', 'last day of the period (YYYY-MM-DD; default: today)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['md', 'html', 'json'])
        .default('md'),
    )
    .addOption(
      new Option('--audience <audience>', 'who reads it')
        .choices(['client', 'internal'])
        .default('client'),
    )
    .option('-o, --out <file>', 'write the digest to a file instead of stdout')
    .option('-p, --playbook <file>', 'use this playbook instead of the shipped default')
    .action(async (file: string, options: DigestCliOptions) => {
      refuseOverwrite(file, [options.out])
      const until = dayOption('--until', options.until) ?? today()
      const since = dayOption('--since', options.since)
      if (since !== undefined && since > until) {
        throw new UsageError(`--since ${since} is after --until ${until}`)
      }
      const playbook = await resolvePlaybook(options.playbook)
      const operations = await readOperations(file)
      const digest = buildDigest(operations, playbook, { until, since, audience: options.audience })
      const render = { md: renderDigestMarkdown, html: renderDigestHtml, json: renderDigestJson }[
        options.format
      ]
      await writeOutput(render(digest), options.out, context.io)
    })
}
