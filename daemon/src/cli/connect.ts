import { DaemonClient, readDiscovery, readToken, resolveStateDir } from "@kokoro-speech/shared";
import { CliError, EXIT_UNREACHABLE } from "./errors.js";

/** Connects to the daemon that owns `stateDir`, verifying its identity in the handshake. */
export async function connectToDaemon(stateDir: string = resolveStateDir()): Promise<DaemonClient> {
  const discovery = await readDiscovery(stateDir);
  if (!discovery)
    throw new CliError("the daemon is not running (start it with `kokoro-speech serve`)", EXIT_UNREACHABLE);
  const token = await readToken(discovery.tokenPath);
  if (token === null) throw new CliError(`cannot read the daemon's token at ${discovery.tokenPath}`, EXIT_UNREACHABLE);
  try {
    return await DaemonClient.connect({ port: discovery.port, token, clientName: "kokoro-speech-cli" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "daemon_unreachable") {
      throw new CliError(
        `the daemon is not running (nothing answers on port ${discovery.port}; start it with \`kokoro-speech serve\`)`,
        EXIT_UNREACHABLE,
      );
    }
    throw error;
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
