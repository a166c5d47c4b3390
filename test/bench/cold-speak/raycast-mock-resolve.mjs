/**
 * Module hooks (see raycast-mock-hooks.mjs): `@raycast/api` → the test mock. `@raycast/utils` imports names the mock
 * does not define (AI, List, …); Vitest lets those be undefined, Node's ESM linker refuses them, so for importers
 * inside `@raycast/utils` a generated module re-exports the mock's value of each name it asks for (undefined when the
 * mock lacks it).
 */
import { readFileSync } from "node:fs";
import { URL } from "node:url";

const MOCK_URL = new URL("../../mocks/raycast-api.ts", import.meta.url).href;
const FOR_UTILS_URL = "kokoro-bench:raycast-api-for-utils";

export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "@raycast/api") return nextResolve(specifier, context);
  const fromUtils = context.parentURL?.includes("/@raycast/utils/") ?? false;
  return {
    url: fromUtils ? `${FOR_UTILS_URL}?from=${encodeURIComponent(context.parentURL)}` : MOCK_URL,
    shortCircuit: true,
  };
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(FOR_UTILS_URL)) return nextLoad(url, context);
  const importer = new URL(decodeURIComponent(new URL(url).searchParams.get("from")));
  const source = readFileSync(importer, "utf8");
  const names = new Set();
  for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@raycast\/api"/g)) {
    for (const binding of match[1].split(",")) {
      const name = binding.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  const lines = [`import * as mock from ${JSON.stringify(MOCK_URL)};`];
  for (const name of names) lines.push(`export const ${name} = mock[${JSON.stringify(name)}];`);
  return { format: "module", source: lines.join("\n"), shortCircuit: true };
}
