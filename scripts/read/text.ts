/**
 * Every source text file is read as bytes and decoded strictly: a file that is not UTF-8, holds a
 * NUL or a hidden character, or is larger than any real source is reported at the byte's line and
 * column, instead of reaching the outputs as U+FFFD.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.js';
import { checkCharacters } from './characters.js';
import { LIMITS, formatBytes } from './limits.js';

export interface TextSource {
  /** The file, named relative to the project, carrying the problems found. */
  file: VFile;
  /** The text, or undefined when the bytes are no text to go on with. */
  text: string | undefined;
}

export interface TextOptions {
  /** The invisible characters the text's script needs (U+200C, U+200D in Arabic). */
  allowed?: ReadonlySet<number>;
  /** Said after a character reported as invisible: why this file may not have it. */
  why?: string;
  /** How to fix the file's absence. */
  missing?: string;
}

export function readTextFile(fullPath: string, root: string, options: TextOptions = {}): TextSource {
  const file = new VFile({ path: path.relative(root, fullPath), value: '' });
  if (!existsSync(fullPath) || statSync(fullPath).isDirectory()) {
    const what = existsSync(fullPath) ? 'is a folder, not a file' : 'does not exist';
    reportError(file, undefined, `${file.path} ${what}`, options.missing ?? 'Restore it (git checkout), or create it', 'missing-file');
    return { file, text: undefined };
  }
  const size = statSync(fullPath).size;
  if (size > LIMITS.fileBytes) {
    reportError(
      file,
      undefined,
      `The file is ${formatBytes(size)}, more than the ${formatBytes(LIMITS.fileBytes)} any source may be`,
      'Split it, or remove what does not belong in it',
      'file-too-large',
    );
    return { file, text: undefined };
  }
  return decodeSource(file, readFileSync(fullPath), options);
}

/** Decodes `bytes` as the text of `file`, reporting invalid UTF-8 and hidden characters. */
export function decodeSource(file: VFile, bytes: Uint8Array, options: TextOptions = {}): TextSource {
  const bad = invalidSequence(bytes);
  if (bad) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad.start));
    const lines = before.split('\n');
    const shown = [...bytes.subarray(bad.start, bad.end)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    reportError(
      file,
      { line: lines.length, column: lines.at(-1)!.length + 1 },
      `The file is not valid UTF-8: the bytes ${shown} are no character`,
      'Save the file as UTF-8 in your editor, and retype the character at this place',
      'invalid-utf8',
    );
    return { file, text: undefined };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  file.value = text;
  checkCharacters(file, text, options.allowed, options.why);
  return { file, text };
}

/** The first run of bytes that is not valid UTF-8 (from its first byte to the one that breaks it), if any. */
function invalidSequence(bytes: Uint8Array): { start: number; end: number } | undefined {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    strict.decode(bytes);
    return undefined;
  } catch {
    // A prefix decodes (as a stream, a sequence cut at its end waiting for more) exactly when it holds no bad byte.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      if (decodesAsStream(bytes.subarray(0, middle))) good = middle;
      else bad = middle;
    }
    // `bad` is the shortest failing prefix: its last byte breaks a sequence begun at or before it
    // (or, past the end, the file ends inside a sequence).
    const breaking = bad - 1;
    return { start: sequenceStart(bytes, breaking), end: breaking + 1 };
  }
}

function decodesAsStream(prefix: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Where the bad sequence starts: at a lead byte whose sequence `at` breaks, or at `at` itself. */
function sequenceStart(bytes: Uint8Array, at: number): number {
  let lead = at - 1;
  while (lead >= 0 && at - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead >= 0 && bytes[lead]! >= 0xc0 && lead + sequenceLength(bytes[lead]!) > at) return lead;
  return at;
}

const sequenceLength = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);
