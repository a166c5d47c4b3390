/** Writes docs/protocol.schema.json from the zod schemas (`npm run protocol-schema`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { protocolJsonSchemaText } from "../protocol-json-schema.js";

// Compiled to shared/dist/build/: the repository root is three levels up.
const target = fileURLToPath(new URL("../../../docs/protocol.schema.json", import.meta.url));
writeFileSync(target, protocolJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
