/**
 * The invisible format characters a script needs, allowed in the text of its languages and
 * nowhere else: Arabic shapes letters with the zero-width (non-)joiner and places numbers and Latin
 * words with the directional marks. Keyed by script, so a new language of a script needs nothing here.
 */
import { LANGUAGES, type Lang, type Script } from './languages.js';

export const FORMAT_CHARACTERS_USED: Readonly<Record<Script, readonly number[]>> = {
  arabic: [0x200c, 0x200d, 0x200e, 0x200f, 0x061c],
  han: [],
  latin: [],
  cyrillic: [],
};

/** What a file in `lang` may hold, and the words that say why another character may not stand there. */
export function formatCharactersOf(lang: Lang): { allowed: ReadonlySet<number>; why: string } {
  const script = LANGUAGES[lang].script;
  return { allowed: new Set(FORMAT_CHARACTERS_USED[script]), why: `, which the ${script} script of ${lang} does not use` };
}
