// A daemon of an older protocol left running after an update: it publishes a discovery file and a token like the
// real daemon, then refuses every hello with `protocol_mismatch` (close code 4001), as a daemon of another protocol
// version does. Started as `<somewhere>/daemon/dist/cli.js serve --state-dir <dir>` so its command line looks like
// an installed daemon's. SIGTERM ends it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { WebSocketServer } from "ws";

const stateDir = process.argv[process.argv.indexOf("--state-dir") + 1];
const OLD_PROTOCOL = 0;
const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
server.on("connection", (socket) => {
  socket.once("message", () => {
    const message = `This daemon speaks protocol ${OLD_PROTOCOL}.`;
    socket.send(JSON.stringify({ type: "error", code: "protocol_mismatch", message, retryable: false }));
    socket.close(4001, message);
  });
});
server.on("listening", () => {
  const tokenPath = join(stateDir, "token");
  writeFileSync(tokenPath, `${"cd".repeat(32)}\n`, { mode: 0o600 });
  const discovery = {
    name: "kokoro-speech",
    pid: process.pid,
    port: server.address().port,
    host: "127.0.0.1",
    version: "0.0.1",
    protocol: OLD_PROTOCOL,
    tokenPath,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(join(stateDir, "daemon.json"), JSON.stringify(discovery));
});
process.on("SIGTERM", () => process.exit(0));
