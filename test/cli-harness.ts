import type { Prompter, PromptOption } from '../src/cli/prompter.js'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../src/cli/main.js'

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `tandem` in-process with in-memory streams. */
export async function runCli(
  argv: readonly string[],
  options: {
    stdin?: string
    isTTY?: boolean
    prompter?: Prompter
    env?: Readonly<Record<string, string>>
  } = {},
): Promise<CliResult> {
  const stdout = collector()
  const stderr = collector()
  const code = await run(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    ...(options.prompter ? { prompter: options.prompter } : {}),
  })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

/**
 * A prompter that answers from a script keyed by each question's prompt (the message's first line)
 * and records what it was asked. `repeats` answers the first asks of a prompt in turn, then `answers`.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = []
  readonly notes: string[] = []
  readonly #answers: Readonly<Record<string, unknown>>
  readonly #repeats: Map<string, unknown[]>

  constructor(answers: Record<string, unknown>, repeats: Record<string, unknown[]> = {}) {
    this.#answers = answers
    this.#repeats = new Map(Object.entries(repeats).map(([key, values]) => [key, [...values]]))
  }

  intro(): void {}
  outro(): void {}
  note(message: string): void {
    this.notes.push(message)
  }
  /** Messages the prompts gave back as the answers were typed, as a user would have seen them. */
  readonly refusals: string[] = []

  text(message: string, validate: (value: string) => string | undefined): Promise<string | null> {
    const prompt = message.split('\n')[0] ?? ''
    for (;;) {
      const answer = this.#next(message)
      if (typeof answer !== 'string') return Promise.resolve(null)
      const error = validate(answer)
      if (!error) return Promise.resolve(answer)
      // Like a person at the prompt: the refusal shows, and the next scripted answer is typed.
      this.refusals.push(error)
      if ((this.#repeats.get(prompt) ?? []).length === 0)
        throw new Error(`scripted answer "${answer}" refused: ${error}`)
    }
  }
  select<V extends string | number>(
    message: string,
    options: readonly PromptOption<V>[],
  ): Promise<V | null> {
    const answer = this.#next(message)
    return Promise.resolve(options.find((option) => option.value === answer)?.value ?? null)
  }
  multiselect<V extends string | number>(
    message: string,
    options: readonly PromptOption<V>[],
  ): Promise<V[] | null> {
    const answer = this.#next(message)
    if (!Array.isArray(answer)) return Promise.resolve(null)
    return Promise.resolve(
      options.filter((option) => answer.includes(option.value)).map((option) => option.value),
    )
  }
  confirm(message: string): Promise<boolean | null> {
    const answer = this.#next(message)
    return Promise.resolve(typeof answer === 'boolean' ? answer : null)
  }

  #next(message: string): unknown {
    this.asked.push(message)
    const prompt = message.split('\n')[0] ?? ''
    const repeat = this.#repeats.get(prompt)
    if (repeat && repeat.length > 0) return repeat.shift()
    if (!(prompt in this.#answers)) throw new Error(`no scripted answer for "${prompt}"`)
    return this.#answers[prompt]
  }
}
