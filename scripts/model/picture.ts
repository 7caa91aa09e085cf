/**
 * What a figure's file is, read from its first bytes rather than its name: PNG or JPEG, and its size in
 * pixels, which the DOCX and PDF need to place it. Any other kind of file (SVG among them: no
 * maintained library here draws it into the DOCX and PDF alike) is not a picture the pipeline prints.
 */
export type PictureFormat = 'png' | 'jpeg';

export interface PictureSize {
  format: PictureFormat;
  /** Pixels. */
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pictureSize(bytes: Buffer): PictureSize | undefined {
  return pngSize(bytes) ?? jpegSize(bytes);
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
