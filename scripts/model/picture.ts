/**
 * What a figure's file is, read from its bytes rather than its name: PNG or JPEG, and its size in
 * pixels, which the DOCX and PDF need to place it. Any other kind of file (SVG among them: no
 * maintained library here draws it into the DOCX and PDF alike) is not a picture the pipeline prints,
 * nor is a PNG whose image data does not unpack: the PDF writer would fail on it halfway through.
 */
import { inflateSync } from 'node:zlib';
export type PictureFormat = 'png' | 'jpeg';

export interface PictureSize {
  format: PictureFormat;
  /** Pixels. */
  width: number;
  height: number;
}

/** The most pixels a side: more than any printed page needs, and few enough to unpack safely. */
export const MAX_PICTURE_SIDE = 10_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The picture's size, or what is wrong with the file, said for the editor. */
export function readPicture(bytes: Buffer): PictureSize | { problem: string } {
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return { problem: 'is not a PNG or JPEG picture' };
  if (size.width > MAX_PICTURE_SIDE || size.height > MAX_PICTURE_SIDE) {
    return { problem: `is ${size.width} × ${size.height} pixels, more than the ${MAX_PICTURE_SIDE} a side a figure may have` };
  }
  if (size.format === 'png' && !pngUnpacks(bytes, size)) return { problem: 'is a damaged PNG: its image data does not unpack' };
  return size;
}

/** Whether a PNG's chunks are whole and its image data unpacks to the rows its header promises. */
function pngUnpacks(bytes: Buffer, size: PictureSize): boolean {
  const data: Buffer[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) return false;
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return false;
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[bytes[25]!];
  const depth = bytes[24]!;
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) return false;
  const rowBytes = 1 + Math.ceil((size.width * channels * depth) / 8);
  // Interlaced rows are shorter and more: the whole is at most a few bytes a row more than plain rows.
  const expected = size.height * rowBytes;
  try {
    const unpacked = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 8 * size.height + 64 });
    return bytes[28] === 1 ? unpacked.length > 0 : unpacked.length === expected;
  } catch {
    return false;
  }
}

/** The width and height of the header chunk, which a PNG file has first. */
function pngSize(bytes: Buffer): PictureSize | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return positive({ format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
}

/** The size in the frame header (a SOF segment), found by walking the segments from the start of the image. */
function jpegSize(bytes: Buffer): PictureSize | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  for (let at = 2; at + 9 <= bytes.length;) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    // SOF0-SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive({ format: 'jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) });
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

const positive = (size: PictureSize) => (size.width > 0 && size.height > 0 ? size : undefined);
