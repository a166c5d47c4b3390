// The real daemon (`daemon/dist/cli.js`) with the test fixture synthesizer, for the extension's supervisor to start
// as its "Daemon Script": the supervisor passes no Node flags, so this script registers tsx (the fixture is
// TypeScript) and adds the hidden `--synthesizer-module` flag itself. The fixture renders patterns, not speech.
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
process.argv.push("--synthesizer-module", join(import.meta.dirname, "..", "..", "fixtures", "tone-synthesizer.ts"));
await import("../../../daemon/dist/cli.js");
