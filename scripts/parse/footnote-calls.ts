/**
 * GFM reads `[^id]` as a footnote call only when a definition for `id`
 * exists, and otherwise leaves it as text: a missing definition would pass
 * silently, and grid-table cells (parsed as detached documents) could never
 * call a footnote. This construct reads every `[^id]` as a call; the checker
 * then reports calls without a definition, with their position.
 */
import { markdownLineEndingOrSpace } from 'micromark-util-character';
import type { Code, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const CARET = 94;
const BACKSLASH = 92;

const tokenizeFootnoteCall: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('gfmFootnoteCall');
    effects.enter('gfmFootnoteCallLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallLabelMarker');
    return caret;
  }

  function caret(code: Code): State | undefined {
    if (code !== CARET) return nok(code);
    effects.enter('gfmFootnoteCallMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallMarker');
    effects.enter('gfmFootnoteCallString');
    effects.enter('chunkString').contentType = 'string';
    return label;
  }

  function label(code: Code): State | undefined {
    if (code === null || code === LEFT_BRACKET || code === BACKSLASH || markdownLineEndingOrSpace(code)) {
      return nok(code);
    }
    if (code === RIGHT_BRACKET) {
      if (size === 0) return nok(code);
      effects.exit('chunkString');
      effects.exit('gfmFootnoteCallString');
      effects.enter('gfmFootnoteCallLabelMarker');
      effects.consume(code);
      effects.exit('gfmFootnoteCallLabelMarker');
      effects.exit('gfmFootnoteCall');
      return ok;
    }
    size++;
    effects.consume(code);
    return label;
  }
};

export const footnoteCalls: Extension = {
  text: { [LEFT_BRACKET]: { name: 'footnoteCall', tokenize: tokenizeFootnoteCall, add: 'before' } },
};
