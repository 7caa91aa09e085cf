/**
 * Mutations of a source, as a careless or hostile editor would make them: bytes flipped, lines lost
 * or doubled, syntax markers dropped in at random, constructs nested deep. Seeded, so that a run can
 * be made again from its seed.
 */
import { randomSource } from '../helpers/random-edits.js';

/** A number in [0, 1), from a seeded generator. */
export type Random = () => number;

export const seeded: (seed: number) => Random = randomSource;

const below = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[below(random, list.length)]!;

/** What an editor may type by mistake where the dialect reads syntax. */
const MARKERS = [
  '{++',
  '++}',
  '{--',
  '--}',
  '{~~',
  '~>',
  '~~}',
  '{>>',
  '<<}',
  ':::',
  '::::',
  ':::table[T]{#t}',
  '::::proposal{action=MOD id=CL/39A4/1}',
  ':::reasons',
  '[^',
  '[^fn1]',
  '[^cv61a]',
  '[^x]: note',
  '[',
  ']',
  '|',
  '+---+',
  '| a | b |',
  '{',
  '}',
  '{#id}',
  '\\',
  ':n[',
  ':n[a)] ',
  ':call{key=noting}',
  ':anchor{#a}',
  ':data{ref=x}',
  '::figure[F]{alt="a"}',
  '::resolution-title',
  '*',
  '**',
  '_',
  '`',
  '<',
  '>',
  '# ',
  '## :n[1] ',
  '- ',
  '- - ',
  '1. ',
  '\n',
  '\n\n',
  '    ',
  '[link](javascript:alert(1))',
  '<https://www.itu.int>',
  'https://www.itu.int/x)',
  '"',
  '«',
  '“',
  '\u0000',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u200b',
  '\r',
];

/** A construct opened `depth` times around a piece of text (or a list `depth` levels deep). */
function nested(random: Random, depth: number): string {
  switch (below(random, 6)) {
    case 0:
      return `${'{++'.repeat(depth)}deep${'++}'.repeat(depth)}`;
    case 1:
      return `${'> '.repeat(depth)}deep`;
    case 2:
      return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- deep`).join('\n');
    case 3:
      return `${'*'.repeat(depth)}deep${'*'.repeat(depth)}`;
    case 4:
      return `${'['.repeat(depth)}deep${']'.repeat(depth)}`;
    default:
      return Array.from({ length: depth }, (_, level) => `${':'.repeat(depth + 3 - level)}part{key=purpose}`).join('\n');
  }
}

export interface MutationOptions {
  /** The deepest nesting a mutation writes. */
  maxDepth: number;
}

/** One mutation of `text`, and what it did (for a report that can be read). */
export function mutateOnce(text: string, random: Random, options: MutationOptions): { text: string; did: string } {
  const lines = text.split('\n');
  const line = below(random, lines.length);
  switch (below(random, 5)) {
    case 0: {
      const bytes = Buffer.from(text, 'utf8');
      const at = below(random, bytes.length);
      bytes[at] = bytes[at]! ^ (1 << below(random, 8));
      // Read back as the pipeline reads a file.
      return { text: bytes.toString('utf8'), did: `flipped a bit of byte ${at}` };
    }
    case 1: {
      const count = 1 + below(random, 3);
      lines.splice(line, count);
      return { text: lines.join('\n'), did: `deleted ${count} line(s) from line ${line + 1}` };
    }
    case 2:
      lines.splice(line, 0, lines[line]!);
      return { text: lines.join('\n'), did: `duplicated line ${line + 1}` };
    case 3: {
      const at = below(random, text.length + 1);
      const marker = pick(random, MARKERS);
      return { text: text.slice(0, at) + marker + text.slice(at), did: `inserted ${JSON.stringify(marker)} at offset ${at}` };
    }
    default: {
      const depth = 2 + below(random, options.maxDepth - 1);
      lines.splice(line, 0, '', nested(random, depth), '');
      return { text: lines.join('\n'), did: `inserted a construct nested ${depth} deep before line ${line + 1}` };
    }
  }
}

/** One to three mutations of `text`. */
export function mutate(text: string, random: Random, options: MutationOptions): { text: string; did: string[] } {
  const did: string[] = [];
  let current = text;
  for (let count = 1 + below(random, 3); count > 0; count--) {
    const step = mutateOnce(current, random, options);
    current = step.text;
    did.push(step.did);
  }
  return { text: current, did };
}
