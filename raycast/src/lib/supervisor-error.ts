/** Failures of starting, finding or stopping the daemon process: the extension's side, not protocol errors. */

export const SUPERVISOR_ERROR_CODES = {
  daemon_script_missing: "The daemon script was not found; build the repository or set “Daemon Script”.",
  node_missing: "No Node.js binary was found to run the daemon.",
  start_failed: "The daemon exited before it accepted connections.",
  start_timeout: "The daemon did not accept connections in time.",
  not_our_process: "The recorded daemon pid belongs to another program; it was left alone.",
  stop_failed: "The old daemon did not exit.",
} as const;

export type SupervisorErrorCode = keyof typeof SUPERVISOR_ERROR_CODES;

export class SupervisorError extends Error {
  readonly code: SupervisorErrorCode;

  constructor(code: SupervisorErrorCode, message: string = SUPERVISOR_ERROR_CODES[code]) {
    super(message);
    this.name = "SupervisorError";
    this.code = code;
  }
}

export function isSupervisorError(value: unknown): value is SupervisorError {
  return value instanceof SupervisorError;
}
