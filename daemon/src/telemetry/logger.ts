import { pino, type Logger } from "pino";
import type { DaemonConfig } from "../config.js";

/** JSON lines on stderr: the supervisor sends the daemon's stderr to its log file. */
export function createLogger(level: DaemonConfig["logLevel"]): Logger {
  return pino({ level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}
