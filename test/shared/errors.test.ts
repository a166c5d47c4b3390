/**
 * Keeps the error registry, the `ErrorCode` union and the protocol spec in step (as fastify's errors test does): an
 * undocumented code, a stale section or a close code that differs between code and doc fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as shared from "@kokoro-speech/protocol";
import {
  closeCodeToErrorCode,
  ERROR_CODE_LIST,
  ERROR_CODES,
  errorCodeSchema,
  isErrorCode,
  isProtocolError,
  ProtocolError,
  type ErrorCode,
  type ErrorMessage,
  type StreamEventPayloads,
} from "@kokoro-speech/protocol";
import * as limitsModule from "../../shared/src/limits.js";

const SPEC = readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");

/** The text of the `## ` section whose heading contains `title`, up to the next `## ` heading. */
function specSection(title: string): string {
  const sections = SPEC.split(/^(?=## )/m);
  const section = sections.find((text) => text.split("\n", 1)[0]!.includes(title));
  if (!section) throw new Error(`docs/protocol.md has no "## … ${title}" section`);
  return section;
}

interface DocumentedCode {
  code: string;
  meaning: string;
  retryable: string | undefined;
  closeCode: string | undefined;
}

function documentedCodes(): DocumentedCode[] {
  const parts = specSection("Error codes").split(/^### /m).slice(1);
  return parts.map((part) => {
    const [heading = "", ...body] = part.split("\n");
    const text = body.join("\n");
    return {
      code: heading.trim(),
      meaning: text.split(/^- \*\*/m)[0]!.trim(),
      retryable: /^- \*\*Retryable:\*\* (\S+)$/m.exec(text)?.[1],
      closeCode: /^- \*\*Close code:\*\* (\S+)$/m.exec(text)?.[1],
    };
  });
}

describe("the error registry", () => {
  it("lists each code once, in registry order", () => {
    expect(ERROR_CODE_LIST).toEqual(Object.keys(ERROR_CODES));
    expect(new Set(ERROR_CODE_LIST).size).toBe(ERROR_CODE_LIST.length);
  });

  it("matches the ErrorCode union and the schema clients validate codes with", () => {
    expectTypeOf(ERROR_CODE_LIST).toEqualTypeOf<ErrorCode[]>();
    expectTypeOf<ErrorCode>().toEqualTypeOf<keyof typeof ERROR_CODES>();
    expectTypeOf<ErrorMessage["code"]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<StreamEventPayloads["failed"]["code"]>().toEqualTypeOf<ErrorCode>();
    expect(errorCodeSchema.options).toEqual(ERROR_CODE_LIST);
  });

  it("names codes in snake_case", () => {
    for (const code of ERROR_CODE_LIST) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("gives connection-ending codes distinct close codes that map back to their code", () => {
    const closing = ERROR_CODE_LIST.filter((code) => "closeCode" in ERROR_CODES[code]);
    const closeCodes = closing.map((code) => (ERROR_CODES[code] as { closeCode: number }).closeCode);
    expect(new Set(closeCodes).size).toBe(closeCodes.length);
    for (const [index, code] of closing.entries()) {
      const closeCode = closeCodes[index]!;
      // 4000–4999 is the application range; 1009 is the WebSocket layer's own "message too big".
      expect(closeCode === 1009 || (closeCode >= 4000 && closeCode <= 4999)).toBe(true);
      expect(closeCodeToErrorCode(closeCode)).toBe(code);
    }
    // Any other close (1000 normal, 1001 going away, 1006 lost) means the daemon is no longer reachable.
    for (const other of [1000, 1001, 1006]) expect(closeCodeToErrorCode(other)).toBe("daemon_unreachable");
  });

  it.each(ERROR_CODE_LIST)("recognizes %s with isErrorCode", (code) => {
    expect(isErrorCode(code)).toBe(true);
  });

  it.each(["toString", "constructor", "__proto__", "hasOwnProperty", "QUEUE_FULL", "", 42, null])(
    "rejects %j with isErrorCode",
    (value) => {
      expect(isErrorCode(value)).toBe(false);
    },
  );
});

describe("ProtocolError", () => {
  it.each(ERROR_CODE_LIST)("takes retryable and the default message of %s from the registry", (code) => {
    const error = new ProtocolError(code);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(ERROR_CODES[code].retryable);
    expect(error.message).toBe(ERROR_CODES[code].meaning);
    expect(error.streamId).toBeUndefined();
    expect(isProtocolError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });

  it("carries a stream id and a cause", () => {
    const cause = new Error("device gone");
    const error = new ProtocolError("audio_unavailable", "The device went away.", { streamId: 9, cause });
    expect(error).toMatchObject({ code: "audio_unavailable", message: "The device went away.", streamId: 9 });
    expect(error.cause).toBe(cause);
  });

  it("is not confused with a plain error that has a code", () => {
    expect(isProtocolError(Object.assign(new Error("x"), { code: "queue_full" }))).toBe(false);
  });
});

describe("docs/protocol.md error codes", () => {
  const documented = documentedCodes();

  it("has one section per registry code, in registry order, and no section for an unknown code", () => {
    expect(documented.map((entry) => entry.code)).toEqual(ERROR_CODE_LIST);
  });

  it.each(documented)("documents $code with a meaning, its retryable flag and its close code", (entry) => {
    expect(isErrorCode(entry.code)).toBe(true);
    const info = ERROR_CODES[entry.code as ErrorCode] as { retryable: boolean; closeCode?: number };
    expect(entry.meaning.length).toBeGreaterThan(0);
    expect(entry.retryable).toBe(info.retryable ? "yes" : "no");
    expect(entry.closeCode).toBe(info.closeCode === undefined ? "none" : String(info.closeCode));
  });

  it("gives the registry's close code wherever a table pairs a code with a close code", () => {
    const pairs = [...SPEC.matchAll(/\|\s*`([a-z_]+)`\s*\|\s*(\d{4})\s*\|/g)];
    expect(pairs.length).toBeGreaterThan(0);
    for (const [, code, closeCode] of pairs) {
      expect(isErrorCode(code)).toBe(true);
      expect((ERROR_CODES[code as ErrorCode] as { closeCode?: number }).closeCode).toBe(Number(closeCode));
    }
  });
});

describe("docs/protocol.md limits", () => {
  const rows = [...specSection("Limits").matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map(
    ([, name, value]) => ({ name: name!, value: value! }),
  );

  /** A cell holds a number with thousands separators or a JSON string in backticks. */
  function documentedValue(cell: string): unknown {
    const text = cell.replace(/^`|`$/g, "");
    return text.startsWith('"') ? JSON.parse(text) : Number(text.replace(/,/g, ""));
  }

  it.each(rows)("states the value of $name as the shared package defines it", ({ name, value }) => {
    expect(Object.hasOwn(shared, name)).toBe(true);
    expect(documentedValue(value)).toBe(shared[name as keyof typeof shared]);
  });

  it("lists every constant of limits.ts", () => {
    const documented = new Set(rows.map((row) => row.name));
    for (const name of Object.keys(limitsModule)) expect(documented, name).toContain(name);
  });
});
