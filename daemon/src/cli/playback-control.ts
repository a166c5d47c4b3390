import type { Command } from "commander";
import { CliError, EXIT_USAGE } from "./errors.js";
import { withDaemon } from "./connect.js";

interface ControlFlags {
  stream?: string;
  all?: boolean;
  stateDir?: string;
}

function parseStreamId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new CliError(`--stream takes a positive stream id, got "${value}"`, EXIT_USAGE);
  return id;
}

/** `pause`, `resume` and `stop`: one request each, acting on the stream now playing unless told otherwise. */
export function registerPlaybackControlCommands(program: Command): void {
  for (const type of ["pause", "resume"] as const) {
    program
      .command(type)
      .description(`${type} the speech now playing`)
      .option("--stream <id>", "the stream to act on (default: the one playing)")
      .option("--state-dir <dir>", "state folder of the daemon to ask")
      .action(async (flags: ControlFlags) => {
        const streamId = parseStreamId(flags.stream);
        await withDaemon(flags.stateDir, (client) =>
          client.request(streamId === undefined ? { type } : { type, streamId }),
        );
      });
  }
  program
    .command("stop")
    .description("stop the speech now playing (or everything with --all)")
    .option("--stream <id>", "the stream to stop (default: the one playing)")
    .option("--all", "stop every playing and queued stream")
    .option("--state-dir <dir>", "state folder of the daemon to ask")
    .action(async (flags: ControlFlags) => {
      const streamId = parseStreamId(flags.stream);
      if (flags.all && streamId !== undefined) throw new CliError("--all and --stream exclude each other", EXIT_USAGE);
      await withDaemon(flags.stateDir, (client) =>
        client.request(
          flags.all
            ? { type: "stop", all: true }
            : streamId === undefined
              ? { type: "stop" }
              : { type: "stop", streamId },
        ),
      );
    });
}
