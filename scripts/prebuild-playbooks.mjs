// Part of `npm run build`: writes the shipped playbooks' prebuilt JSON (src/io/prebuilt-playbooks.ts)
// and fails the build when the default playbook, read from it, does not compile.
import {
  DEFAULT_CLASSIFIER_PATH,
  DEFAULT_PLAYBOOK_PATH,
  defaultPlaybook,
} from '../dist/io/load-playbook.js'
import { readPrebuilt, writePrebuilt } from '../dist/io/prebuilt-playbooks.js'
import { readFileSync } from 'node:fs'
import process from 'node:process'

const paths = [DEFAULT_PLAYBOOK_PATH, DEFAULT_CLASSIFIER_PATH]
const written = writePrebuilt(paths)
for (const path of paths) {
  if (readPrebuilt(path, readFileSync(path, 'utf8')) === undefined) {
    throw new Error(`the prebuilt form of ${path} does not read back`)
  }
}
const playbook = defaultPlaybook()
process.stdout.write(
  `prebuilt ${written.join(', ')} (playbook ${playbook.id} ${playbook.version})\n`,
)
