#!/usr/bin/env node
/**
 * The `kokoro-speech` entry. A `speak` that will have to start the daemon starts it first, before this process loads
 * the rest of the CLI (the protocol's validation and WebSocket client, about a quarter of a second on a 2-core
 * machine): the two processes then load side by side and the daemon listens sooner. See cli/prestart.ts.
 */
import { prestartDaemon } from "./cli/prestart.js";

prestartDaemon(process.argv.slice(2));
await import("./cli/program.js");
