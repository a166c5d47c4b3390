/**
 * The Ogg page writer against RFC 3533, read back by a small parser here: capture pattern, flags, granule, serial,
 * sequence, lacing and the CRC. The CRC's oracle is the published check value of CRC-32/CKSUM (same polynomial,
 * initial value 0, unreflected), whose final XOR Ogg does not apply: 0x765E7680 ^ 0xFFFFFFFF for "123456789".
 * ffmpeg decoding whole Ogg Opus responses (encoded-formats.test.ts) checks the rest end to end.
 */
import { describe, expect, it } from "vitest";
import { OggStream, oggCrc, PAGE_EOS } from "../../../../daemon/src/server/openai/encoders/ogg-pages.js";

interface ParsedPage {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  laces: number[];
  body: Buffer;
  crcMatches: boolean;
}

function parsePage(page: Uint8Array): ParsedPage {
  const bytes = Buffer.from(page);
  expect(bytes.toString("ascii", 0, 4)).toBe("OggS");
  expect(bytes[4]).toBe(0);
  const segmentCount = bytes[26]!;
  const laces = [...bytes.subarray(27, 27 + segmentCount)];
  const body = bytes.subarray(27 + segmentCount);
  expect(body.byteLength).toBe(laces.reduce((sum, lace) => sum + lace, 0));
  const zeroed = Buffer.from(bytes);
  zeroed.writeUInt32LE(0, 22);
  return {
    flags: bytes[5]!,
    granule: bytes.readBigInt64LE(6),
    serial: bytes.readUInt32LE(14),
    sequence: bytes.readUInt32LE(18),
    laces,
    body,
    crcMatches: oggCrc(zeroed) === bytes.readUInt32LE(22),
  };
}

describe("Ogg pages", () => {
  it("computes Ogg's CRC-32 (the published check value)", () => {
    expect(oggCrc(new TextEncoder().encode("123456789"))).toBe((0x765e7680 ^ 0xffff_ffff) >>> 0);
  });

  it("lays packets out with RFC 3533's lacing, flags, granule, serial, sequence and CRC", () => {
    const stream = new OggStream(0xdead_beef);
    const head = stream.pages([new Uint8Array(19).fill(1)], () => 0n);
    const packets = [new Uint8Array(255).fill(2), new Uint8Array(10).fill(3), new Uint8Array(0)];
    const audio = stream.pages(packets, (index) => BigInt(960 * (index + 1)), PAGE_EOS);
    expect(head).toHaveLength(1);
    expect(audio).toHaveLength(1);
    const first = parsePage(head[0]!);
    expect(first).toMatchObject({ flags: 0x02, granule: 0n, serial: 0xdead_beef, sequence: 0, laces: [19] });
    expect(first.crcMatches).toBe(true);
    const last = parsePage(audio[0]!);
    // 255 bytes need a 0 lace to end the packet; an empty packet is a single 0 lace.
    expect(last).toMatchObject({ flags: PAGE_EOS, granule: 2880n, sequence: 1, laces: [255, 0, 10, 0] });
    expect(last.crcMatches).toBe(true);
    expect(last.body.equals(Buffer.concat(packets))).toBe(true);
  });

  it("starts a new page when 255 lacing values are used, with the granule of each page's last packet", () => {
    const stream = new OggStream(1);
    // 300 packets of one lace each: 255 on the first page, 45 on the second.
    const packets = Array.from({ length: 300 }, (_, i) => new Uint8Array([i & 0xff]));
    const pages = stream.pages(packets, (index) => BigInt(index + 1), PAGE_EOS).map(parsePage);
    expect(pages.map((page) => page.laces.length)).toEqual([255, 45]);
    expect(pages.map((page) => page.granule)).toEqual([255n, 300n]);
    expect(pages.map((page) => page.flags)).toEqual([0x02, PAGE_EOS]);
    expect(pages.every((page) => page.crcMatches)).toBe(true);
  });
});
