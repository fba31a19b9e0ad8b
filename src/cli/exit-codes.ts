// The exit codes and the code → exit mapping live with the error codes in the contract
// (src/contract/error-codes.ts, docs/errors.md).
export { EXIT, exitCodeFor } from '../contract/error-codes.js'
