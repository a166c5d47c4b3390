/** Failures of starting, finding or stopping the daemon process: the extension's side, not protocol errors. */

export const SUPERVISOR_ERROR_CODES = {
  daemon_script_missing: "The daemon script was not found; build the repository or set “Daemon Script”.",
  node_missing: "No Node.js binary was found to run the daemon.",
  start_failed: "The daemon exited before it accepted connections.",
  start_timeout: "The daemon did not accept connections in time.",
  not_our_process: "The recorded daemon pid belongs to another program; it was left alone.",
  stop_failed: "The old daemon did not exit.",
  npm_missing: "No npm was found to install the speech engine with; install Node.js (it includes npm).",
  engine_install_failed: "The speech engine could not be installed.",
} as const;

export type SupervisorErrorCode = keyof typeof SUPERVISOR_ERROR_CODES;

/** What the failure toast can offer beyond the message: the log to open and a command to copy and run. */
export interface SupervisorErrorHint {
  readonly logPath?: string;
  readonly copyCommand?: string;
}

export class SupervisorError extends Error {
  readonly code: SupervisorErrorCode;
  readonly hint: SupervisorErrorHint;

  constructor(
    code: SupervisorErrorCode,
    message: string = SUPERVISOR_ERROR_CODES[code],
    hint: SupervisorErrorHint = {},
  ) {
    super(message);
    this.name = "SupervisorError";
    this.code = code;
    this.hint = hint;
  }
}

export function isSupervisorError(value: unknown): value is SupervisorError {
  return value instanceof SupervisorError;
}
