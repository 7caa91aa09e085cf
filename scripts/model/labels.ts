/**
 * Labels as a series reads them: `a)` `b)` in the language's own letters (`أ)` `ب)` in Arabic),
 * `1` `2`, dotted `1.1` `1.2` `2.1`, `i)` `ii)`, `A` `B`. A label is its value and what stands around
 * it (`(1)` and `1)` are two kinds of series); the square brackets of unagreed text and the colon
 * that separates a number from its words (`1.5：`) are not part of it.
 */

export type LabelFamily = 'number' | 'letter' | 'capital' | 'roman';

export interface Label {
  /** As printed, trimmed. */
  text: string;
  family: LabelFamily;
  prefix: string;
  suffix: string;
  /** A dotted number's parts (`2.1` → [2, 1]); a letter's or a roman numeral's rank from 1 (`c)` → [3]). */
  value: number[];
}

const ROMAN = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
  'xiii',
  'xiv',
  'xv',
  'xvi',
  'xvii',
  'xviii',
  'xix',
  'xx',
];
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DOTTED = /^\d+(?:\.\d+)*$/u;
const AROUND = /^([(（]?)(.*?)([)）.]?)$/u;

/** The ways a label may be read: one, or two where a letter is also a roman numeral (`i)`, `v)`); none if it is no label. */
export function readLabel(printed: string, letters: readonly string[]): Label[] {
  const text = printed.trim();
  const bare = text
    .replace(/^\[/u, '')
    .replace(/\]$/u, '')
    .replace(/[:：]$/u, '');
  const [, prefix = '', core = '', suffix = ''] = AROUND.exec(bare) ?? [];
  const label = (family: LabelFamily, value: number[]): Label => ({ text, family, prefix, suffix, value });
  if (DOTTED.test(core)) return [label('number', core.split('.').map(Number))];
  const candidates: Label[] = [];
  const letter = letters.indexOf(core);
  if (letter >= 0) candidates.push(label('letter', [letter + 1]));
  if (core.length === 1 && CAPITALS.includes(core)) candidates.push(label('capital', [CAPITALS.indexOf(core) + 1]));
  if (ROMAN.includes(core)) candidates.push(label('roman', [ROMAN.indexOf(core) + 1]));
  return candidates;
}

/** Labels of one kind count in one series: `a)` and `b)`, not `a)` and `(b)` or `1`. */
export function kindOf(label: Label): string {
  return `${label.family} ${label.prefix}…${label.suffix}`;
}

/** Whether a series may begin with the label: `a)`, `i)`, `1`, `1.1`, `2.1` (the first under 2). */
export function opensSeries(label: Label): boolean {
  return label.value.at(-1) === 1;
}

/**
 * Whether `next` runs on from `last`: the next letter or number; for dotted numbers also the first
 * number one level down (2 → 2.1) or the next at a level up, then down again (1.7 → 2 or 2.1).
 */
export function runsOn(last: Label, next: Label): boolean {
  if (last.family !== 'number') return next.value[0] === last.value[0]! + 1;
  const [a, b] = [last.value, next.value];
  if (b.length === a.length + 1 && a.every((part, index) => part === b[index]) && b.at(-1) === 1) return true;
  for (let level = 0; level < a.length && level < b.length; level++) {
    const samePrefix = a.slice(0, level).every((part, index) => part === b[index]);
    const nextHere = b[level] === a[level]! + 1;
    const firstsBelow = b.slice(level + 1).every((part) => part === 1);
    if (samePrefix && nextHere && firstsBelow) return true;
  }
  return false;
}

/** Whether `a` comes before `b` in counting order. */
export function precedes(a: Label, b: Label): boolean {
  for (let index = 0; index < Math.max(a.value.length, b.value.length); index++) {
    const [x, y] = [a.value[index] ?? 0, b.value[index] ?? 0];
    if (x !== y) return x < y;
  }
  return false;
}

/** The label that would run on from `last` at its own level (`1.7` → `1.8`, `b)` → `c)`). */
export function nextAfter(last: Label, letters: readonly string[]): string {
  const value = [...last.value.slice(0, -1), last.value.at(-1)! + 1];
  return spell(last, value, letters);
}

/** The label of `label`'s kind with another value. */
export function spell(label: Label, value: readonly number[], letters: readonly string[]): string {
  const rank = value[0]! - 1;
  const core =
    label.family === 'number'
      ? value.join('.')
      : label.family === 'letter'
        ? (letters[rank] ?? '?')
        : label.family === 'capital'
          ? (CAPITALS[rank] ?? '?')
          : (ROMAN[rank] ?? '?');
  return `${label.prefix}${core}${label.suffix}`;
}
