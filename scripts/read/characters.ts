/**
 * Characters a source must not hide: controls that are no text, invisible characters, and the
 * bidirectional controls that make an editor show the text in another order than it is stored
 * ("Trojan Source"). A source is exactly what its editors see, or `check` says where it is not.
 */
import type { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.js';

interface Suspect {
  name: string;
  ruleId: 'control-character' | 'invisible-character' | 'bidi-control';
}

const INVISIBLE: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the text)',
};

const BIDI: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

export const codeOf = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a character a source may not hold, or undefined for a character it may. */
export function suspect(code: number): Suspect | undefined {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return undefined;
  if (code === 0) return { name: 'NUL', ruleId: 'control-character' };
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { name: 'a control character', ruleId: 'control-character' };
  if (INVISIBLE[code]) return { name: INVISIBLE[code], ruleId: 'invisible-character' };
  if (BIDI[code]) return { name: BIDI[code], ruleId: 'bidi-control' };
  return undefined;
}

export const FIXES: Record<Suspect['ruleId'], string> = {
  'control-character': 'Delete it: it is no text, and a writer would drop it or turn it into U+FFFD',
  'invisible-character': 'Delete it (or write the visible character meant): editors cannot see it',
  'bidi-control': 'Delete it: it makes editors show the text in another order than it is stored; the pipeline sets every direction itself',
};

/**
 * Reports the first place of each suspect character in `text` (with how many more there are).
 * `allowed`: the invisible characters the file's script needs (U+200C and U+200D in Arabic).
 */
export function checkCharacters(file: VFile, text: string, allowed: ReadonlySet<number> = new Set(), why = ''): void {
  const found = new Map<number, { line: number; column: number; count: number }>();
  let line = 1;
  let column = 1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      line++;
      column = 1;
      continue;
    }
    if (!allowed.has(code) && suspect(code)) {
      const first = found.get(code);
      if (first) first.count++;
      else found.set(code, { line, column, count: 1 });
    }
    column++;
  }
  for (const [code, { line: at, column: col, count }] of found) {
    const { name, ruleId } = suspect(code)!;
    const more = count > 1 ? ` (and ${count - 1} more in this file)` : '';
    const because = ruleId === 'invisible-character' ? why : '';
    reportError(file, { line: at, column: col }, `${codeOf(code)} ${name}${because}${more}`, FIXES[ruleId], ruleId);
  }
}
