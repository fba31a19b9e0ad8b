import type { Playbook } from '../engine/compile-playbook.js'
import { defaultPlaybook, loadPlaybook } from '../io/load-playbook.js'

/** The playbook named by `--playbook`, or the shipped default. */
export async function resolvePlaybook(path: string | undefined): Promise<Playbook> {
  return path === undefined ? defaultPlaybook() : loadPlaybook(path)
}
