/**
 * Ogg framing (RFC 3533) for one logical stream: packets are laid out in pages with the lacing values, granule
 * position, sequence number and CRC the format defines. Written here rather than taken from a package: the npm
 * Ogg muxers come inside whole media toolkits built around WebCodecs, and the page layout is a few dozen lines.
 */

const OGG_CAPTURE = [0x4f, 0x67, 0x67, 0x53]; // "OggS"
const HEADER_BYTES = 27;
const MAX_SEGMENTS = 255;

export const PAGE_BOS = 0x02;
export const PAGE_EOS = 0x04;

/** CRC-32 with Ogg's parameters: polynomial 0x04C11DB7, no reflection, initial value 0, no final XOR. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000_0000 ? (crc << 1) ^ 0x04c1_1db7 : crc << 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

/** Lacing values of one packet: 255 for each full 255 bytes, then the remainder (0 when it divides exactly). */
function lacing(packet: Uint8Array): number[] {
  const values = new Array<number>(Math.floor(packet.byteLength / 255)).fill(255);
  values.push(packet.byteLength % 255);
  return values;
}

export class OggStream {
  readonly #serial: number;
  #sequence = 0;

  constructor(serial: number) {
    this.#serial = serial >>> 0;
  }

  /**
   * Pages holding `packets` whole (never split across pages), the last page carrying `granule` and, with
   * `PAGE_EOS`, the end of the stream. Earlier pages of the same call get `granuleOf` of their last packet.
   */
  pages(packets: readonly Uint8Array[], granuleOf: (packetIndex: number) => bigint, flags = 0): Uint8Array[] {
    const pages: Uint8Array[] = [];
    let first = 0;
    while (first < packets.length) {
      let segments = 0;
      let last = first;
      while (last < packets.length && segments + lacing(packets[last]!).length <= MAX_SEGMENTS) {
        segments += lacing(packets[last]!).length;
        last++;
      }
      if (last === first) throw new RangeError("an Ogg packet longer than one page");
      const isLast = last === packets.length;
      const pageFlags = (this.#sequence === 0 ? PAGE_BOS : 0) | (isLast ? flags & PAGE_EOS : 0);
      pages.push(this.#page(packets.slice(first, last), granuleOf(last - 1), pageFlags));
      first = last;
    }
    return pages;
  }

  #page(packets: readonly Uint8Array[], granule: bigint, flags: number): Uint8Array {
    const laces = packets.flatMap(lacing);
    const bodyBytes = packets.reduce((sum, packet) => sum + packet.byteLength, 0);
    const page = new Uint8Array(HEADER_BYTES + laces.length + bodyBytes);
    const view = new DataView(page.buffer);
    page.set(OGG_CAPTURE, 0);
    page[4] = 0; // stream structure version
    page[5] = flags;
    view.setBigInt64(6, granule, true);
    view.setUint32(14, this.#serial, true);
    view.setUint32(18, this.#sequence++, true);
    // bytes 22–25: the CRC, computed over the page with this field zero
    page[26] = laces.length;
    page.set(laces, HEADER_BYTES);
    let offset = HEADER_BYTES + laces.length;
    for (const packet of packets) {
      page.set(packet, offset);
      offset += packet.byteLength;
    }
    view.setUint32(22, oggCrc(page), true);
    return page;
  }
}
