import { connectToDiscoveredDaemon, resolveStateDir, type DaemonClient } from "@kokoro-speech/protocol";
import { CliError, EXIT_UNREACHABLE } from "./errors.js";

/** Connects to the daemon that owns `stateDir`, verifying its identity in the handshake. */
export async function connectToDaemon(stateDir: string = resolveStateDir()): Promise<DaemonClient> {
  const connection = await connectToDiscoveredDaemon(stateDir, { clientName: "kokoro-speech-cli" });
  switch (connection.kind) {
    case "connected":
      return connection.client;
    case "absent":
      throw new CliError("the daemon is not running (start it with `kokoro-speech serve`)", EXIT_UNREACHABLE);
    case "no_token":
      throw new CliError(`cannot read the daemon's token at ${connection.tokenPath}`, EXIT_UNREACHABLE);
    case "unreachable":
      throw new CliError(
        `the daemon is not running (nothing answers on port ${connection.port}; start it with \`kokoro-speech serve\`)`,
        EXIT_UNREACHABLE,
      );
  }
}

/** Runs `action` with a connected client and always closes it. */
export async function withDaemon<T>(
  stateDir: string | undefined,
  action: (client: DaemonClient) => Promise<T>,
): Promise<T> {
  const client = await connectToDaemon(stateDir);
  try {
    return await action(client);
  } finally {
    await client.close();
  }
}
