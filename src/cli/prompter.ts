import type { Readable, Writable } from 'node:stream'
import * as clack from '@clack/prompts'

export interface PromptOption<V> {
  readonly value: V
  readonly label: string
  readonly hint?: string
}

/** The prompts the questionnaire uses; `null` means the user cancelled (Ctrl-C, Esc). */
export interface Prompter {
  intro(title: string): void
  note(message: string, title: string): void
  outro(message: string): void
  text(message: string, validate: (value: string) => string | undefined): Promise<string | null>
  select<V extends string | number>(
    message: string,
    options: readonly PromptOption<V>[],
  ): Promise<V | null>
  multiselect<V extends string | number>(
    message: string,
    options: readonly PromptOption<V>[],
    required: boolean,
  ): Promise<V[] | null>
  /** `initial`: the answer a bare Enter gives (yes when not said). */
  confirm(message: string, initial?: boolean): Promise<boolean | null>
}

/** The terminal UI, drawn on `output` (stderr, so stdout can carry the profile). */
export function clackPrompter(input: Readable, output: Writable): Prompter {
  const common = { input, output }
  const orNull = <T>(value: T | symbol): T | null => (clack.isCancel(value) ? null : (value as T))
  return {
    intro: (title) => clack.intro(title, { output }),
    note: (message, title) => clack.note(message, title, { output }),
    outro: (message) => clack.outro(message, { output }),
    text: async (message, validate) =>
      orNull<string>(
        await clack.text({ ...common, message, validate: (value) => validate(value ?? '') }),
      ),
    select: async <V extends string | number>(
      message: string,
      options: readonly PromptOption<V>[],
    ) =>
      orNull<V>(
        await clack.select<V>({ ...common, message, options: options.map(toClack) as never }),
      ),
    multiselect: async <V extends string | number>(
      message: string,
      options: readonly PromptOption<V>[],
      required: boolean,
    ) =>
      orNull<V[]>(
        await clack.multiselect<V>({
          ...common,
          message,
          options: options.map(toClack) as never,
          required,
        }),
      ),
    confirm: async (message, initial = true) =>
      orNull<boolean>(await clack.confirm({ ...common, message, initialValue: initial })),
  }
}

function toClack<V>(option: PromptOption<V>): { value: V; label: string; hint?: string } {
  return option.hint === undefined
    ? { value: option.value, label: option.label }
    : { value: option.value, label: option.label, hint: option.hint }
}
