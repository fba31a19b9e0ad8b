// The one zod-to-issue mapping lives in the contract, so the engine, the server and the CLI map
// alike; this path stays for the engine's own imports.
export { issuesFromZod } from '../contract/issues-from-zod.js'
