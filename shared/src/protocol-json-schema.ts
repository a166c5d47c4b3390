/**
 * docs/protocol.schema.json, generated from the zod schemas: every message of protocol v1 in both directions, so an
 * implementer who cannot read TypeScript has the exact shapes. `npm run protocol-schema` writes the file; a test
 * checks that the committed file is what this produces.
 */
import { z } from "zod";
import { PROTOCOL_VERSION } from "./limits.js";
import {
  downloadSchema,
  endSchema,
  helloSchema,
  pauseSchema,
  playSchema,
  resumeSchema,
  setSchema,
  skipSchema,
  speakSchema,
  statusSchema,
  stopSchema,
  subscribeSchema,
} from "./messages.js";
import {
  ackSchema,
  daemonEventSchema,
  daemonStatusSchema,
  errorMessageSchema,
  streamEventSchema,
  welcomeSchema,
} from "./server-messages.js";

/** Named definitions, in the order the document lists them. */
const DEFINITIONS: ReadonlyArray<readonly [string, z.ZodType, string]> = [
  ["HelloMessage", helloSchema, "client → daemon: the first frame of every connection (§2)."],
  ["SpeakRequest", speakSchema, "client → daemon: synthesize text and play it (§4.1)."],
  ["PlayRequest", playSchema, "client → daemon: open a stream the client feeds with chunk frames (§4.2)."],
  ["EndRequest", endSchema, "client → daemon: a play stream has received its last chunk (§4.3)."],
  ["PauseRequest", pauseSchema, "client → daemon (§4.4)."],
  ["ResumeRequest", resumeSchema, "client → daemon (§4.5)."],
  ["StopRequest", stopSchema, "client → daemon (§4.6)."],
  ["SkipRequest", skipSchema, "client → daemon (§4.7)."],
  ["SubscribeRequest", subscribeSchema, "client → daemon (§4.8)."],
  ["StatusRequest", statusSchema, "client → daemon; the ack's `result` is a DaemonStatus (§4.9)."],
  ["DownloadRequest", downloadSchema, "client → daemon (§4.10)."],
  ["SetRequest", setSchema, "client → daemon (§4.11)."],
  ["WelcomeMessage", welcomeSchema, "daemon → client: the answer to a good hello (§2)."],
  ["AckMessage", ackSchema, "daemon → client: the success answer to one request (§3)."],
  ["ErrorMessage", errorMessageSchema, "daemon → client: a failure, answering a request or not (§3)."],
  ["StreamEvent", streamEventSchema, "daemon → client: an event of one stream (§6)."],
  ["DaemonEvent", daemonEventSchema, "daemon → client: a daemon-wide notice for the `daemon` topic (§4.8)."],
  ["DaemonStatus", daemonStatusSchema, "The `result` of a `status` ack and the body of GET /status (§4.9)."],
];

const CLIENT_MESSAGES = DEFINITIONS.slice(0, 12).map(([name]) => name);
const SERVER_MESSAGES = ["WelcomeMessage", "AckMessage", "ErrorMessage", "StreamEvent", "DaemonEvent"];

/** The JSON Schema (draft 2020-12) of protocol v1's JSON messages. */
export function protocolJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of DEFINITIONS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/$defs/${id}`, unrepresentable: "any" });
  const definitions: Record<string, unknown> = {};
  for (const [id, , description] of DEFINITIONS) {
    // `$id` with a fragment is not allowed in 2020-12; the definitions are addressed by their `$defs` path instead.
    const { $schema: _dialect, $id: _id, ...definition } = schemas[id] as Record<string, unknown>;
    definitions[id] = { description, ...definition };
  }
  const refs = (names: readonly string[]): Array<{ $ref: string }> =>
    names.map((name) => ({ $ref: `#/$defs/${name}` }));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `Kokoro Speech protocol v${PROTOCOL_VERSION} JSON messages`,
    description:
      "Generated from the zod schemas in shared/src/ by `npm run protocol-schema`; do not edit. A text frame holds " +
      "one message: a ClientMessage from the client, a ServerMessage from the daemon. docs/protocol.md specifies " +
      "behaviour; binary chunk frames are specified there (§7).",
    $defs: {
      ...definitions,
      ClientMessage: { description: "Any client → daemon text frame.", oneOf: refs(CLIENT_MESSAGES) },
      ServerMessage: { description: "Any daemon → client text frame.", oneOf: refs(SERVER_MESSAGES) },
    },
    oneOf: refs(["ClientMessage", "ServerMessage"]),
  };
}

/** The file's exact text. */
export function protocolJsonSchemaText(): string {
  return `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`;
}
