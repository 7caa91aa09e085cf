/**
 * The glossary check: where a block of the original uses a glossary term, its counterpart in a
 * translation should use that term's form in its own language. Blocks are paired as the parity
 * check pairs them, in each reading (every change accepted, every change rejected), so a term in
 * deleted words is looked for in the translation's deleted words. A term missing is a warning, not
 * an error: a translation may say the same thing in other words, and a person decides.
 */
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.js';
import type { DocumentBuild } from '../model/build.js';
import type { InlineNode, ModelDocument } from '../model/types.js';
import type { Lang } from '../i18n/languages.js';
import { printedText } from '../model/text.js';
import { visitInlineRun } from '../model/walk.js';
import { reading, type Reading } from '../passes/readings.js';
import { counterparts, type BlockShape, type BlockWords } from './parity.js';
import type { Glossary, GlossaryTerm } from './glossary-data.js';

const READINGS: readonly Reading[] = ['accepted', 'rejected'];

export function checkDocumentGlossary(build: DocumentBuild, glossary: Glossary | undefined): void {
  const original = build.versions.find((version) => version.lang === build.meta?.originalLanguage);
  if (!original || !glossary?.terms) return;
  for (const version of build.versions) {
    if (version === original) continue;
    checkGlossary(original, build.versionFiles.get(original.lang)!, version, build.versionFiles.get(version.lang)!, glossary);
  }
}

export function checkGlossary(
  original: ModelDocument,
  originalFile: VFile,
  translation: ModelDocument,
  translationFile: VFile,
  glossary: Glossary,
): void {
  const reported = new Set<string>();
  for (const which of READINGS) {
    for (const [source, target] of counterparts(reading(original, which), reading(translation, which))) {
      for (const [from, to] of pairedWords(source, target)) {
        const translated = wordsOf(to.inline);
        for (const [term, used] of termsUsed(glossary.terms ?? [], original.lang, from.inline)) {
          const place = to.position?.start;
          const key = `${place?.line}:${place?.column}:${term.id}`;
          if (term.appearsIn(translation.lang, translated[term.scope]) || reported.has(key)) continue;
          reported.add(key);
          const entry = `"${term.id}" (${glossary.file.path}:${term.line})`;
          const forms = term.forms[translation.lang].map((form) => `"${form}"`).join(', ');
          reportWarning(
            translationFile,
            place,
            `Glossary term ${entry}: the original uses "${used}" here (${originalFile.basename}:${from.position?.start.line ?? 1}), ` +
              `but this ${target.name} has none of its ${translation.lang} forms ${forms}`,
            `Use the term's ${translation.lang} form, or, if the translation rightly says it in other words, add that wording to the entry`,
            'glossary-term',
          );
        }
      }
    }
  }
}

/** A run's printed words, and the words of its call words alone (where call-word terms are looked for). */
function wordsOf(inline: readonly InlineNode[]): Record<GlossaryTerm['scope'], string> {
  const callWords: string[] = [];
  visitInlineRun(inline, (node) => {
    if (node.type === 'callWord') callWords.push(node.value);
  });
  return { text: printedText(inline), callWords: callWords.join('\n') };
}

/** What termsUsed found, by language and words: the original's words are the same for every translation and both readings. */
const found = new WeakMap<readonly GlossaryTerm[], Map<string, Map<GlossaryTerm, string>>>();

/**
 * The terms a run of the original uses, each with the words found. A term found only inside a longer
 * term is that longer term: 成果 in 输出成果 is an output, not an outcome.
 */
function termsUsed(terms: readonly GlossaryTerm[], lang: Lang, inline: readonly InlineNode[]): Map<GlossaryTerm, string> {
  const words = wordsOf(inline);
  const key = `${lang}\u0000${words.text}\u0000${words.callWords}`;
  const known = found.get(terms) ?? found.set(terms, new Map()).get(terms)!;
  const cached = known.get(key);
  if (cached) return cached;
  const occurrences = terms.flatMap((term) => term.occurrences(lang, words[term.scope]).map((occurrence) => ({ term, ...occurrence })));
  const inLonger = (one: (typeof occurrences)[number]) =>
    occurrences.some(
      (other) =>
        other.term.scope === one.term.scope &&
        other.start <= one.start &&
        one.end <= other.end &&
        other.end - other.start > one.end - one.start,
    );
  const used = new Map<GlossaryTerm, string>();
  for (const one of occurrences) if (!used.has(one.term) && !inLonger(one)) used.set(one.term, one.text);
  known.set(key, used);
  return used;
}

/** A table's caption and cells are paired one by one when the two tables have as many; any other block is one run of words. */
function pairedWords(source: BlockShape, target: BlockShape): [BlockWords, BlockWords][] {
  if (source.words.length === target.words.length) return source.words.map((words, index) => [words, target.words[index]!]);
  const whole = (shape: BlockShape): BlockWords => ({ inline: shape.words.flatMap((w) => w.inline), position: shape.position });
  return [[whole(source), whole(target)]];
}
