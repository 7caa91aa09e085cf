/**
 * Right-to-left text: where digits would meet across a change's edge (docs/dialect.md, "Numbers at
 * a mark's edge"), the change takes the kept text next to it into both its deletion and its
 * insertion, a space first, until a space stands at every edge: `للفترة{-- 2027-2024--}{++ 2031-2028++}`.
 */
import { numberAcross } from '../../i18n/bidi-numbers.js';
import type { Token } from './tokens.js';
import { withoutEmptyStretches, type Change, type Stretch } from './stretches.js';

/** The stretches with every change grown so that no number runs across its edges; undefined when one cannot be (a run that is one number). */
export function keepNumbersApart(stretches: readonly Stretch[]): Stretch[] | undefined {
  let out = withoutEmptyStretches(stretches.map(copy));
  // Each turn moves one kept token into a change, so this ends.
  for (;;) {
    const index = out.findIndex((_, at) => meeting(out, at) !== undefined);
    if (index < 0) return out;
    const side = meeting(out, index);
    const [change, before, after] = [out[index] as Change, out[index - 1], out[index + 1]];
    const ends: ('start' | 'end')[] = side === 'before' ? ['start'] : side === 'after' ? ['end'] : spaceFirst(before, after);
    const end = ends.find((which) => (which === 'start' ? edgeToken(before, 'end') : edgeToken(after, 'start')));
    if (end === 'start') takeIn(change, (before as Kept).tokens.pop()!, 'start');
    else if (end === 'end') takeIn(change, (after as Kept).tokens.shift()!, 'end');
    else return undefined;
    out = withoutEmptyStretches(out);
  }
}

function copy(stretch: Stretch): Stretch {
  return stretch.type === 'kept' ? { type: 'kept', tokens: [...stretch.tokens] } : { ...stretch };
}

function takeIn(change: Change, token: Token, end: 'start' | 'end'): void {
  if (end === 'start')
    [change.deleted, change.inserted] = [
      [token, ...change.deleted],
      [token, ...change.inserted],
    ];
  else
    [change.deleted, change.inserted] = [
      [...change.deleted, token],
      [...change.inserted, token],
    ];
}

type Kept = Extract<Stretch, { type: 'kept' }>;

/** Between a deletion and an insertion, the space next to the change is taken in first, on whichever side it is. */
function spaceFirst(before: Stretch | undefined, after: Stretch | undefined): ('start' | 'end')[] {
  return edgeToken(before, 'end')?.kind !== 'space' && edgeToken(after, 'start')?.kind === 'space' ? ['end', 'start'] : ['start', 'end'];
}

/** The kept text token next to a change, which it may take in; never an atom (a footnote call taken into both would be called twice). */
function edgeToken(stretch: Stretch | undefined, end: 'start' | 'end'): Token | undefined {
  const token = stretch?.type === 'kept' ? (end === 'start' ? stretch.tokens[0] : stretch.tokens.at(-1)) : undefined;
  return token?.kind === 'atom' ? undefined : token;
}

/** Which edge of the change at `index` a number runs across, if any: its start, between its deletion and insertion, or its end. */
function meeting(stretches: readonly Stretch[], index: number): 'before' | 'between' | 'after' | undefined {
  const change = stretches[index]!;
  if (change.type !== 'change') return undefined;
  const printed = (tokens: readonly Token[]) => tokens.map((token) => token.printed).join('');
  const before = stretches
    .slice(0, index)
    .map((stretch) => (stretch.type === 'kept' ? printed(stretch.tokens) : printed(stretch.deleted) + printed(stretch.inserted)))
    .join('')
    .slice(-2);
  const after = stretches
    .slice(index + 1)
    .map((stretch) => (stretch.type === 'kept' ? printed(stretch.tokens) : printed(stretch.deleted) + printed(stretch.inserted)))
    .join('')
    .slice(0, 2);
  const [deleted, inserted] = [printed(change.deleted), printed(change.inserted)];
  const text = before + deleted + inserted + after;
  if (deleted + inserted === '') return undefined;
  if (numberAcross(text, before.length)) return 'before';
  if (deleted && inserted && numberAcross(text, before.length + deleted.length)) return 'between';
  if (numberAcross(text, before.length + deleted.length + inserted.length)) return 'after';
  return undefined;
}
