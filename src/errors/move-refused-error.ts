import type { Problem } from './app-error.js'
import { AppError } from './app-error.js'

export type MoveRefusedCode =
  | 'GATE_NOT_MET'
  | 'MOVE_NOT_ALLOWED'
  | 'FORCE_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'ACKNOWLEDGEMENT_REQUIRED'
  | 'PROHIBITED_USE_CASE'

/** A stage move refused by the register's rules (422); each problem names a missing gate item. */
export class MoveRefusedError extends AppError {
  override readonly code: MoveRefusedCode

  constructor(code: MoveRefusedCode, message: string, problems: readonly Problem[]) {
    super(message, { problems })
    this.code = code
  }
}
