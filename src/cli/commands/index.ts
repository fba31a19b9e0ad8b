import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { registerAdmin } from './admin.js'
import { registerAssess } from './assess.js'
import { registerBatch } from './batch.js'
import { registerCharter } from './charter.js'
import { registerClassify } from './classify.js'
import { registerPlaybook } from './playbook.js'
import { registerQuestionnaire } from './questionnaire.js'
import { registerServe } from './serve.js'

/** Adds one command (with its options, help and action) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void

/** Every command of `tandem`, in the order `--help` lists them. Add a command with one line. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerAssess,
  registerBatch,
  registerQuestionnaire,
  registerCharter,
  registerClassify,
  registerPlaybook,
  registerServe,
  registerAdmin,
]
