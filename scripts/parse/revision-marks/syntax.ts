/**
 * micromark syntax extension for CriticMarkup revision marks:
 *
 *   {++inserted++}   {--deleted--}   {~~old~>new~~}   {>>editor's comment<<}
 *
 * The tokenizers only recognise the marker sequences. Pairing happens in
 * `resolveAll`, after the whole inline run is known, so marks nest properly
 * inside emphasis, links, table cells and footnotes. A marker that cannot be
 * paired (unclosed, closed by the wrong kind, or crossing another span)
 * becomes a `revisionMarkStray` token: it keeps its text and carries enough
 * information for the checking pass to report it with its position.
 */
import { splice } from 'micromark-util-chunked';
import { resolveAll } from 'micromark-util-resolve-all';
import type { Code, Construct, Event, Extension, Resolver, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';

export type RevisionMarkKind = 'insertion' | 'deletion' | 'substitution' | 'comment';
type MarkerRole = 'open' | 'close' | 'separator';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    revisionMarkTemporary: 'revisionMarkTemporary';
    revisionMarkStray: 'revisionMarkStray';
    revisionMarker: 'revisionMarker';
    revisionInsertion: 'revisionInsertion';
    revisionDeletion: 'revisionDeletion';
    revisionSubstitution: 'revisionSubstitution';
    revisionSubstitutionOld: 'revisionSubstitutionOld';
    revisionSubstitutionNew: 'revisionSubstitutionNew';
    revisionComment: 'revisionComment';
  }
  interface Token {
    _revisionKind?: RevisionMarkKind;
    _revisionRole?: MarkerRole;
    /** Why a marker could not be paired; read by the mdast utility. */
    _revisionProblem?: 'unclosed' | 'unopened' | 'misnested' | 'noSeparator';
  }
}

const c = {
  plus: 43,
  dash: 45,
  tilde: 126,
  greaterThan: 62,
  lessThan: 60,
  leftCurly: 123,
  rightCurly: 125,
} as const;

/** The three characters of every marker, by kind and role. */
const MARKERS: ReadonlyArray<{ kind: RevisionMarkKind; role: MarkerRole; codes: number[] }> = [
  { kind: 'insertion', role: 'open', codes: [c.leftCurly, c.plus, c.plus] },
  { kind: 'insertion', role: 'close', codes: [c.plus, c.plus, c.rightCurly] },
  { kind: 'deletion', role: 'open', codes: [c.leftCurly, c.dash, c.dash] },
  { kind: 'deletion', role: 'close', codes: [c.dash, c.dash, c.rightCurly] },
  { kind: 'substitution', role: 'open', codes: [c.leftCurly, c.tilde, c.tilde] },
  { kind: 'substitution', role: 'close', codes: [c.tilde, c.tilde, c.rightCurly] },
  { kind: 'substitution', role: 'separator', codes: [c.tilde, c.greaterThan] },
  { kind: 'comment', role: 'open', codes: [c.leftCurly, c.greaterThan, c.greaterThan] },
  { kind: 'comment', role: 'close', codes: [c.lessThan, c.lessThan, c.rightCurly] },
];

const WRAPPER_TOKEN: Record<RevisionMarkKind, Token['type']> = {
  insertion: 'revisionInsertion',
  deletion: 'revisionDeletion',
  substitution: 'revisionSubstitution',
  comment: 'revisionComment',
};

export function revisionMarks(): Extension {
  const byFirstCode = new Map<number, Construct>();
  for (const marker of MARKERS) {
    const first = marker.codes[0]!;
    if (!byFirstCode.has(first)) {
      byFirstCode.set(first, {
        name: 'revisionMark',
        // Run before GFM strikethrough (`~`) and autolinks/HTML (`<`).
        add: 'before',
        tokenize: tokenizeMarker(MARKERS.filter((m) => m.codes[0] === first)),
        resolveAll: resolveAllRevisionMarks,
      });
    }
  }
  const text: Extension['text'] = {};
  for (const [code, construct] of byFirstCode) text[code] = construct;
  return {
    text,
    insideSpan: { null: [{ resolveAll: resolveAllRevisionMarks }] },
  };
}

function tokenizeMarker(candidates: typeof MARKERS): Tokenizer {
  return function (this: TokenizeContext, effects, ok, nok) {
    let matching = candidates;
    let index = 0;
    let token: Token | undefined;

    return start;

    function start(code: Code): State | undefined {
      token = effects.enter('revisionMarkTemporary');
      return step(code);
    }

    function step(code: Code): State | undefined {
      matching = matching.filter((m) => m.codes[index] === code);
      if (matching.length === 0) return nok(code);
      effects.consume(code);
      index++;
      const complete = matching.find((m) => m.codes.length === index);
      if (complete) {
        token!._revisionKind = complete.kind;
        token!._revisionRole = complete.role;
        effects.exit('revisionMarkTemporary');
        return ok;
      }
      return step;
    }
  };
}

/**
 * Pairs each closer with the nearest unpaired opener in the same span.
 * Walking back, `depth` counts the other spans (emphasis, links, marks
 * already paired) we step into; an opener is only eligible at depth 0, and
 * stepping out of an enclosing span (depth below 0) means the closer has no
 * opener in its own span.
 */
const resolveAllRevisionMarks: Resolver = (events, context) => {
  let index = -1;
  while (++index < events.length) {
    const event = events[index]!;
    const closer = event[1];
    if (event[0] !== 'enter' || closer.type !== 'revisionMarkTemporary') continue;
    if (closer._revisionRole !== 'close') continue;

    let open = index;
    let depth = 0;
    let separator: number | undefined;
    let opener: number | undefined;
    while (--open >= 0) {
      const [kind, token] = events[open]!;
      if (token.type === 'revisionMarkTemporary') {
        if (kind !== 'exit' || depth !== 0) continue;
        if (token._revisionRole === 'separator') {
          separator ??= open;
          continue;
        }
        if (token._revisionRole === 'open') {
          opener = open;
          break;
        }
        continue;
      }
      depth += kind === 'exit' ? 1 : -1;
      if (depth < 0) break;
    }

    if (opener === undefined) {
      closer._revisionProblem = 'unopened';
      continue;
    }
    const openToken = events[opener]![1];
    if (openToken._revisionKind !== closer._revisionKind) {
      // `{++a --}`: leave both for the checker, which names both kinds.
      closer._revisionProblem = 'misnested';
      openToken._revisionProblem = 'misnested';
      continue;
    }
    if (closer._revisionKind === 'substitution' && separator === undefined) {
      closer._revisionProblem = 'noSeparator';
      openToken._revisionProblem = 'noSeparator';
      continue;
    }

    const replacement = wrap(events, opener, index, separator, context);
    // `opener - 1` is the opener's enter event; `index + 1` the closer's exit.
    splice(events, opener - 1, index - opener + 3, replacement);
    index = opener - 1 + replacement.length - 1;
  }

  for (const [, token] of events) {
    if (token.type !== 'revisionMarkTemporary') continue;
    if (token._revisionRole === 'separator') {
      token.type = 'data';
    } else {
      token.type = 'revisionMarkStray';
      token._revisionProblem ??= token._revisionRole === 'open' ? 'unclosed' : 'unopened';
    }
  }
  return events;
};

function wrap(events: Event[], opener: number, closer: number, separator: number | undefined, context: TokenizeContext): Event[] {
  const openToken = events[opener]![1];
  const closeToken = events[closer]![1];
  const kind = openToken._revisionKind!;
  const insideSpan = context.parser.constructs.insideSpan.null ?? [];
  const resolveInner = (from: number, to: number): Event[] => resolveAll(insideSpan, events.slice(from, to), context);

  const wrapper: Token = {
    type: WRAPPER_TOKEN[kind],
    start: { ...openToken.start },
    end: { ...closeToken.end },
  };
  openToken.type = 'revisionMarker';
  closeToken.type = 'revisionMarker';

  const result: Event[] = [
    ['enter', wrapper, context],
    ['enter', openToken, context],
    ['exit', openToken, context],
  ];

  if (kind === 'substitution' && separator !== undefined) {
    const separatorToken = events[separator]![1];
    separatorToken.type = 'revisionMarker';
    const oldPart: Token = {
      type: 'revisionSubstitutionOld',
      start: { ...openToken.end },
      end: { ...separatorToken.start },
    };
    const newPart: Token = {
      type: 'revisionSubstitutionNew',
      start: { ...separatorToken.end },
      end: { ...closeToken.start },
    };
    result.push(['enter', oldPart, context]);
    splice(result, result.length, 0, resolveInner(opener + 1, separator - 1));
    result.push(
      ['exit', oldPart, context],
      ['enter', separatorToken, context],
      ['exit', separatorToken, context],
      ['enter', newPart, context],
    );
    splice(result, result.length, 0, resolveInner(separator + 1, closer));
    result.push(['exit', newPart, context]);
  } else {
    splice(result, result.length, 0, resolveInner(opener + 1, closer));
  }

  result.push(['enter', closeToken, context], ['exit', closeToken, context], ['exit', wrapper, context]);
  return result;
}
