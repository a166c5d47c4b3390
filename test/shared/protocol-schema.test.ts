/**
 * docs/protocol.schema.json is generated from the zod schemas; an outside implementer reads it instead of the
 * TypeScript. It must be exactly what the code produces now, and document every field it lists.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REQUEST_TYPES } from "@kokoro-speech/protocol";
import { protocolJsonSchemaText } from "../../shared/src/protocol-json-schema.js";

const committed = readFileSync(new URL("../../docs/protocol.schema.json", import.meta.url), "utf8");
const schema = JSON.parse(committed) as { $defs: Record<string, Record<string, unknown>> };

/** Every property of every object schema below `node`, with its path. */
function properties(node: unknown, path: string): Array<[string, Record<string, unknown>]> {
  if (typeof node !== "object" || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => properties(item, `${path}[${index}]`));
  const found: Array<[string, Record<string, unknown>]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        found.push([`${path}.${name}`, property]);
      }
    }
    found.push(...properties(value, `${path}.${key}`));
  }
  return found;
}

describe("docs/protocol.schema.json", () => {
  it("is what the zod schemas produce (regenerate with `npm run protocol-schema`)", () => {
    expect(committed).toBe(protocolJsonSchemaText());
  });

  it("defines hello, every request type of v1 and every daemon message", () => {
    const defined = Object.keys(schema.$defs);
    for (const type of REQUEST_TYPES) {
      expect(defined).toContain(`${type.charAt(0).toUpperCase()}${type.slice(1)}Request`);
    }
    for (const name of ["HelloMessage", "WelcomeMessage", "AckMessage", "ErrorMessage", "StreamEvent", "DaemonEvent"]) {
      expect(defined).toContain(name);
    }
  });

  it("describes every field except the type tags", () => {
    const undocumented = properties(schema.$defs, "$defs")
      .filter(([path, property]) => !/\.(type|event)$/.test(path) && typeof property.description !== "string")
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it("documents the fields that once existed only in the code", () => {
    const started = (
      schema.$defs.StreamEvent!.oneOf as Array<{ properties: Record<string, { description?: string }> }>
    ).find((variant) => "synthesizer" in variant.properties)!;
    expect(started.properties.synthesizer!.description).toMatch(/kokoro.*fallback/);
    const player = (schema.$defs.DaemonStatus!.properties as Record<string, { properties: Record<string, unknown> }>)
      .player!.properties;
    expect(player).toHaveProperty("currentVoice.description");
    expect(player).toHaveProperty("currentSpeed.description");
  });
});
