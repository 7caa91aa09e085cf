/**
 * Character references (`&#8203;`, `&zwnj;`, `&#0;`) write a character without showing it: the
 * Markdown reader turns them into the character, or into U+FFFD when they are none. Each that writes
 * a character a source may not hold, or none, is reported at its place, as the character itself would be.
 */
import type { VFile } from 'vfile';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { location } from 'vfile-location';
import { reportError } from '../diagnostics/report.js';
import { FIXES, codeOf, suspect } from '../read/characters.js';

const REFERENCE = /(?<!\\)&(?:#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** `allowed`: the invisible characters the file's script needs. */
export function checkCharacterReferences(file: VFile, text: string, allowed: ReadonlySet<number> = new Set()): void {
  const where = location(text);
  for (const match of text.matchAll(REFERENCE)) {
    const place = where.toPoint(match.index);
    const [written, numeric, named] = match;
    const codes = numeric
      ? [parseInt(numeric.replace(/^[xX]/, ''), /^[xX]/.test(numeric) ? 16 : 10)]
      : [...(decodeNamedCharacterReference(named!) || '')].map((char) => char.codePointAt(0)!);
    for (const code of codes) {
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        reportError(
          file,
          place,
          `${written} is no character: it would be printed as U+FFFD`,
          'Write the character meant, or delete the reference',
          'control-character',
        );
      } else if (!allowed.has(code)) {
        const found = suspect(code);
        if (found) reportError(file, place, `${written} writes ${codeOf(code)} ${found.name}`, FIXES[found.ruleId], found.ruleId);
      }
    }
  }
}
