/**
 * GFM's literal autolinks (`https://…`, `www.…`) end only at whitespace, so in
 * Chinese, which has none, `材料见https://www.itu.int/…/zh查阅，另见报告。`
 * becomes one link that swallows the rest of the sentence, footnote calls and
 * emphasis included. These constructs, tried before GFM's own, read the same
 * links but end them where Chinese text or full-width punctuation begins, as
 * a reader would. They make the same tokens as GFM's, so mdast-util-gfm turns
 * them into the same link nodes; e-mail addresses are left to GFM.
 */
import { asciiAlpha, asciiControl, markdownLineEndingOrSpace, unicodePunctuation, unicodeWhitespace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import { ADDRESS_TRAILING_PUNCTUATION, endsBareAddress } from '../i18n/characters.js';
import type { Code, Construct, Event, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    literalAutolink: 'literalAutolink';
    literalAutolinkHttp: 'literalAutolinkHttp';
    literalAutolinkWww: 'literalAutolinkWww';
  }
}

/** Where Chinese text or full-width punctuation begins: the end of an address written without spaces around it. */
export function endsAddress(code: Code): boolean {
  // Quotation marks, dashes and ellipsis (full-width in Chinese) too: an address never holds them.
  return code === null || endsBareAddress(code);
}

const isEnd = (code: Code) => code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) || endsAddress(code);

/** Punctuation that ends an address when only more of it (and then its end) follows: `see https://itu.int.` */
const TRAILING = new Set<Code>([...ADDRESS_TRAILING_PUNCTUATION].map((char) => char.codePointAt(0)!));

const trail: Construct = { partial: true, tokenize: tokenizeTrail };
const domain: Construct = { partial: true, tokenize: tokenizeDomain };
const path: Construct = { partial: true, tokenize: tokenizePath };
const wwwPrefix: Construct = { partial: true, tokenize: tokenizeWwwPrefix };
const footnoteCall: Construct = { partial: true, tokenize: tokenizeFootnoteCallStart };

const tokenizeProtocol: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let scheme = '';
  let slashes = 0;
  const start = (code: Code): State | undefined => {
    if (!previousProtocol(this.previous) || previousUnbalanced(this.events)) return nok(code);
    effects.enter('literalAutolink');
    effects.enter('literalAutolinkHttp');
    return inScheme(code);
  };
  const inScheme = (code: Code): State | undefined => {
    if (code !== null && asciiAlpha(code) && scheme.length < 5) {
      scheme += String.fromCodePoint(code);
      effects.consume(code);
      return inScheme;
    }
    if (code === codes.colon && (scheme.toLowerCase() === 'http' || scheme.toLowerCase() === 'https')) {
      effects.consume(code);
      return inSlashes;
    }
    return nok(code);
  };
  const inSlashes = (code: Code): State | undefined => {
    if (code !== codes.slash) return nok(code);
    effects.consume(code);
    return ++slashes === 2 ? afterProtocol : inSlashes;
  };
  const afterProtocol = (code: Code): State | undefined =>
    isEnd(code) || asciiControl(code) || unicodePunctuation(code)
      ? nok(code)
      : effects.attempt(domain, effects.attempt(path, done), nok)(code);
  const done = (code: Code): State | undefined => {
    effects.exit('literalAutolinkHttp');
    effects.exit('literalAutolink');
    return ok(code);
  };
  return start;
};

const tokenizeWww: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const start = (code: Code): State | undefined => {
    if (!previousWww(this.previous) || previousUnbalanced(this.events)) return nok(code);
    effects.enter('literalAutolink');
    effects.enter('literalAutolinkWww');
    return effects.check(wwwPrefix, effects.attempt(domain, effects.attempt(path, done), nok), nok)(code);
  };
  const done = (code: Code): State | undefined => {
    effects.exit('literalAutolinkWww');
    effects.exit('literalAutolink');
    return ok(code);
  };
  return start;
};

function tokenizeWwwPrefix(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let size = 0;
  const inside = (code: Code): State | undefined => {
    if ((code === codes.uppercaseW || code === codes.lowercaseW) && size < 3) {
      size++;
      effects.consume(code);
      return inside;
    }
    if (code === codes.dot && size === 3) {
      effects.consume(code);
      return (next: Code) => (next === null ? nok(next) : ok(next));
    }
    return nok(code);
  };
  return inside;
}

/** A domain: anything up to punctuation other than `-`, `.` and `_`; no `_` in its last two labels. */
function tokenizeDomain(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  let seen = false;
  const after = (code: Code): State | undefined => (underscoreInLast || underscoreInLastButOne || !seen ? nok(code) : ok(code));
  const atPunctuation = (code: Code): State | undefined => {
    if (code === codes.underscore) underscoreInLast = true;
    else {
      underscoreInLastButOne = underscoreInLast;
      underscoreInLast = false;
    }
    effects.consume(code);
    return inside;
  };
  const inside = (code: Code): State | undefined => {
    if (code === codes.dot || code === codes.underscore) return effects.check(trail, after, atPunctuation)(code);
    if (isEnd(code) || (code !== codes.dash && unicodePunctuation(code))) return after(code);
    seen = true;
    effects.consume(code);
    return inside;
  };
  return inside;
}

/** A path: anything up to the end of the address, without trailing punctuation and unbalanced `)`. */
function tokenizePath(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State): State {
  let open = 0;
  let closed = 0;
  const atPunctuation = (code: Code): State | undefined => {
    if (code === codes.rightParenthesis) closed++;
    effects.consume(code);
    return inside;
  };
  const inside = (code: Code): State | undefined => {
    if (code === codes.leftParenthesis) {
      open++;
      effects.consume(code);
      return inside;
    }
    if (code === codes.rightParenthesis && closed < open) return atPunctuation(code);
    if (code === codes.leftSquareBracket) return effects.check(footnoteCall, ok, atPunctuation)(code);
    if (TRAILING.has(code) || code === codes.ampersand || code === codes.lessThan || code === codes.rightSquareBracket) {
      return effects.check(trail, ok, atPunctuation)(code);
    }
    if (isEnd(code)) return ok(code);
    effects.consume(code);
    return inside;
  };
  return inside;
}

/** Whether what follows is trailing punctuation and then the end of the address. */
function tokenizeTrail(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  const inside = (code: Code): State | undefined => {
    if (TRAILING.has(code)) {
      effects.consume(code);
      return inside;
    }
    if (code === codes.ampersand) {
      effects.consume(code);
      return referenceStart;
    }
    if (code === codes.rightSquareBracket) {
      effects.consume(code);
      return afterBracket;
    }
    return code === codes.lessThan || isEnd(code) ? ok(code) : nok(code);
  };
  const afterBracket = (code: Code): State | undefined =>
    isEnd(code) || code === codes.leftParenthesis || code === codes.leftSquareBracket ? ok(code) : inside(code);
  const referenceStart = (code: Code): State | undefined => (code !== null && asciiAlpha(code) ? reference(code) : nok(code));
  const reference = (code: Code): State | undefined => {
    if (code === codes.semicolon) {
      effects.consume(code);
      return inside;
    }
    if (code !== null && asciiAlpha(code)) {
      effects.consume(code);
      return reference;
    }
    return nok(code);
  };
  return inside;
}

/** `[^`: a footnote call, which ends the address before it. */
function tokenizeFootnoteCallStart(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  return (code: Code) => {
    effects.consume(code);
    return (next: Code) => (next === codes.caret ? ok(next) : nok(next));
  };
}

/** An address starts after anything but a Latin letter (so `见https://…` starts one). */
const previousProtocol = (code: Code) => code === null || !asciiAlpha(code);

const previousWww = (code: Code) =>
  code === null ||
  code === codes.leftParenthesis ||
  code === codes.asterisk ||
  code === codes.underscore ||
  code === codes.leftSquareBracket ||
  code === codes.rightSquareBracket ||
  code === codes.tilde ||
  markdownLineEndingOrSpace(code) ||
  endsAddress(code);

/** Inside the text of a link not yet closed, an address is not a link of its own (as in GFM). */
function previousUnbalanced(events: Event[]): boolean {
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index]![1] as Event[1] & { _balanced?: boolean; _gfmAutolinkLiteralWalkedInto?: boolean };
    if ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced) return true;
    if (token._gfmAutolinkLiteralWalkedInto) return false;
  }
  return false;
}

const protocolAutolink: Construct = { name: 'protocolAutolink', tokenize: tokenizeProtocol, add: 'before' };
const wwwAutolink: Construct = { name: 'wwwAutolink', tokenize: tokenizeWww, add: 'before' };

export const autolinkLiterals: Extension = {
  text: {
    [codes.uppercaseH]: protocolAutolink,
    [codes.lowercaseH]: protocolAutolink,
    [codes.uppercaseW]: wwwAutolink,
    [codes.lowercaseW]: wwwAutolink,
  },
};
