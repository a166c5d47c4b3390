/**
 * A minimal WAV reader for tests: walks the RIFF chunks, returns the format and the samples. A `data` size of
 * 0xFFFFFFFF (a stream of unknown length) means "to the end of the file".
 */
export interface DecodedWav {
  formatTag: number;
  channelCount: number;
  sampleRateHz: number;
  bitsPerSample: number;
  riffSize: number;
  dataSize: number;
  data: Buffer;
}

export function decodeWav(bytes: Buffer): DecodedWav {
  if (bytes.toString("ascii", 0, 4) !== "RIFF" || bytes.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a RIFF/WAVE file");
  }
  let format: Pick<DecodedWav, "formatTag" | "channelCount" | "sampleRateHz" | "bitsPerSample"> | null = null;
  for (let offset = 12; offset + 8 <= bytes.byteLength;) {
    const id = bytes.toString("ascii", offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      format = {
        formatTag: bytes.readUInt16LE(body),
        channelCount: bytes.readUInt16LE(body + 2),
        sampleRateHz: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (!format) throw new Error("data chunk before fmt chunk");
      const end = size === 0xffff_ffff ? bytes.byteLength : body + size;
      return { ...format, riffSize: bytes.readUInt32LE(4), dataSize: size, data: bytes.subarray(body, end) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error("no data chunk");
}
