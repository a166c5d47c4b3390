import { bytesToMs, BYTES_PER_FRAME, type DaemonStatus } from "@kokoro-speech/protocol";
import type { Command } from "commander";
import { withDaemon } from "./connect.js";

function describeStatus(status: DaemonStatus): string {
  const { daemon, player, audio, counters } = status;
  const position = (bytesToMs(player.samplesPlayed * BYTES_PER_FRAME) / 1000).toFixed(1);
  const lines = [
    `daemon   ${daemon.name} ${daemon.version}, pid ${daemon.pid}, protocol ${daemon.protocol}, up ${Math.round(daemon.uptimeMs / 1000)} s`,
    `player   ${player.state}${player.currentStreamId === null ? "" : `, stream ${player.currentStreamId} at ${position} s`}, ${player.queuedStreamIds.length} queued`,
    `audio    ${audio.sink}: ${audio.state}${audio.lastError ? ` (${audio.lastError.code}: ${audio.lastError.message})` : ""}`,
    `streams  ${counters.streamsStarted} started, ${counters.streamsCompleted} completed, ${counters.streamsCancelled} cancelled, ${counters.streamsFailed} failed; ${counters.underruns} underruns`,
  ];
  return `${lines.join("\n")}\n`;
}

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description("show what the daemon is doing")
    .option("--json", "print the full status as JSON")
    .option("--state-dir <dir>", "state folder of the daemon to ask")
    .action(async (flags: { json?: boolean; stateDir?: string }) => {
      const status = await withDaemon(flags.stateDir, (client) => client.status());
      process.stdout.write(flags.json ? `${JSON.stringify(status, null, 2)}\n` : describeStatus(status));
    });
}
