/**
 * Cheap format checks that read a few bytes, not the whole file: is this an ONNX model, is this a ZIP (`.npz`)? They
 * catch a wrong or truncated file before the engine spends seconds loading it; a full session load stays the engine's
 * job.
 */
import { open, type FileHandle } from "node:fs/promises";
import type { FileSignature } from "./catalog.js";
import { fileSystemError, ModelError } from "./errors.js";

/** ONNX `ModelProto` field numbers (onnx.proto) the check relies on. */
const ONNX_FIELD_IR_VERSION = 1;
const ONNX_FIELD_GRAPH = 7;
/** IR versions released so far are 1–11; leave headroom for future ones without accepting random bytes. */
const MAX_ONNX_IR_VERSION = 64;
/** A real model has about ten top-level fields; walking more than this means the bytes are not a model. */
const MAX_ONNX_TOP_LEVEL_FIELDS = 10_000;

const PROTOBUF_WIRE_VARINT = 0;
const PROTOBUF_WIRE_I64 = 1;
const PROTOBUF_WIRE_LEN = 2;
const PROTOBUF_WIRE_I32 = 5;
/** A varint is at most 10 bytes. */
const MAX_VARINT_BYTES = 10;

const ZIP_LOCAL_HEADER_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END_OF_CENTRAL_DIRECTORY_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes. */
const ZIP_EOCD_SEARCH_BYTES = 22 + 0xffff;

/** Throws `bad_signature` unless the file at `path` has the expected format. */
export async function checkSignature(path: string, signature: FileSignature): Promise<void> {
  if (signature === "none") return;
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw fileSystemError(error, path);
  }
  try {
    const { size } = await handle.stat();
    const ok = signature === "onnx" ? await isOnnxModel(handle, size) : await isZipArchive(handle, size);
    if (!ok)
      throw new ModelError(
        "bad_signature",
        `${path} is not ${signature === "onnx" ? "an ONNX model" : "a ZIP archive"}`,
      );
  } catch (error) {
    throw fileSystemError(error, path);
  } finally {
    await handle.close();
  }
}

/**
 * Walks the top-level protobuf fields of a `ModelProto` by their length prefixes, reading only each field's key.
 * A model has an `ir_version` in range, a non-empty `graph`, and fields that tile the file exactly: a truncated
 * download or a file of another kind fails one of these.
 */
async function isOnnxModel(handle: FileHandle, sizeBytes: number): Promise<boolean> {
  let position = 0;
  let irVersion: bigint | undefined;
  let graphBytes = 0;
  for (let fieldCount = 0; position < sizeBytes; fieldCount++) {
    if (fieldCount >= MAX_ONNX_TOP_LEVEL_FIELDS) return false;
    const key = await readVarint(handle, position, sizeBytes);
    if (key === undefined) return false;
    position += key.byteLength;
    const fieldNumber = Number(key.value >> 3n);
    const wireType = Number(key.value & 7n);
    if (fieldNumber === 0) return false;
    if (wireType === PROTOBUF_WIRE_VARINT) {
      const value = await readVarint(handle, position, sizeBytes);
      if (value === undefined) return false;
      if (fieldNumber === ONNX_FIELD_IR_VERSION) irVersion = value.value;
      position += value.byteLength;
    } else if (wireType === PROTOBUF_WIRE_LEN) {
      const length = await readVarint(handle, position, sizeBytes);
      if (length === undefined) return false;
      position += length.byteLength + Number(length.value);
      if (fieldNumber === ONNX_FIELD_GRAPH) graphBytes += Number(length.value);
    } else if (wireType === PROTOBUF_WIRE_I64) {
      position += 8;
    } else if (wireType === PROTOBUF_WIRE_I32) {
      position += 4;
    } else {
      return false;
    }
  }
  const irVersionOk = irVersion !== undefined && irVersion >= 1n && irVersion <= BigInt(MAX_ONNX_IR_VERSION);
  return position === sizeBytes && irVersionOk && graphBytes > 0;
}

async function readVarint(
  handle: FileHandle,
  position: number,
  sizeBytes: number,
): Promise<{ value: bigint; byteLength: number } | undefined> {
  const length = Math.min(MAX_VARINT_BYTES, sizeBytes - position);
  if (length <= 0) return undefined;
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, position);
  let value = 0n;
  for (let index = 0; index < length; index++) {
    const byte = buffer[index] ?? 0;
    value |= BigInt(byte & 0x7f) << BigInt(7 * index);
    if ((byte & 0x80) === 0) return { value, byteLength: index + 1 };
  }
  return undefined;
}

/** A ZIP starts with a local file header and ends with an end-of-central-directory record; truncation loses the end. */
async function isZipArchive(handle: FileHandle, sizeBytes: number): Promise<boolean> {
  if (sizeBytes < ZIP_LOCAL_HEADER_MAGIC.length + 22) return false;
  const head = Buffer.alloc(ZIP_LOCAL_HEADER_MAGIC.length);
  await handle.read(head, 0, head.length, 0);
  if (!head.equals(ZIP_LOCAL_HEADER_MAGIC)) return false;
  const tailLength = Math.min(sizeBytes, ZIP_EOCD_SEARCH_BYTES);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, sizeBytes - tailLength);
  return tail.lastIndexOf(ZIP_END_OF_CENTRAL_DIRECTORY_MAGIC) !== -1;
}
