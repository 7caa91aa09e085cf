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
    for (const [sourceBlock, targetBlock] of counterparts(reading(original, which), reading(translation, which))) {
      for (const [from, to] of pairedWords(sourceBlock, targetBlock)) {
        const target = { text: printedText(to.inline), callWords: callWordsOf(to.inline) };
        for (const [term, used] of termsUsed(glossary.terms ?? [], original.lang, from.inline)) {
          if (term.appearsIn(translation.lang, target[term.scope])) continue;
          const place = to.position?.start;
          const key = `${place?.line}:${place?.column}:${term.id}`;
          if (reported.has(key)) continue;
          reported.add(key);
          reportMissingTerm(
            translationFile,
            targetBlock,
            to,
            { term, used, at: `${originalFile.basename}:${from.position?.start.line ?? 1}` },
            {
              lang: translation.lang,
              glossaryFile: glossary.file,
            },
          );
        }
      }
    }
  }
}

/**
 * The terms a run of the original uses, each with the words found. A term found only inside a longer
 * term is that longer term: 成果 in 输出成果 is an output, not an outcome.
 */
function termsUsed(terms: readonly GlossaryTerm[], lang: Lang, inline: readonly InlineNode[]): Map<GlossaryTerm, string> {
  const texts = { text: printedText(inline), callWords: callWordsOf(inline) };
  const found = terms.flatMap((term) => term.occurrences(lang, texts[term.scope]).map((occurrence) => ({ term, ...occurrence })));
  const used = new Map<GlossaryTerm, string>();
  for (const one of found) {
    const inLonger = found.some(
      (other) =>
        other.term.scope === one.term.scope &&
        other.start <= one.start &&
        one.end <= other.end &&
        other.end - other.start > one.end - one.start,
    );
    if (!inLonger && !used.has(one.term)) used.set(one.term, one.text);
  }
  return used;
}

/** The words of the call words of a run, one line each. */
function callWordsOf(inline: readonly InlineNode[]): string {
  const words: string[] = [];
  visitInlineRun(inline, (node) => {
    if (node.type === 'callWord') words.push(node.value);
  });
  return words.join('\n');
}

/** A table's caption and cells are paired one by one when the two tables have the same cells; any other block is one run of words. */
function pairedWords(source: BlockShape, target: BlockShape): [BlockWords, BlockWords][] {
  if (source.words.length === target.words.length) return source.words.map((words, index) => [words, target.words[index]!]);
  const whole = (shape: BlockShape): BlockWords => ({ inline: shape.words.flatMap((w) => w.inline), position: shape.position });
  return [[whole(source), whole(target)]];
}

function reportMissingTerm(
  file: VFile,
  target: BlockShape,
  words: BlockWords,
  found: { term: GlossaryTerm; used: string; at: string },
  where: { lang: ModelDocument['lang']; glossaryFile: VFile },
): void {
  const { term, used, at } = found;
  const expected = term.forms[where.lang].map((form) => `"${form}"`).join(', ');
  const entry = `"${term.id}" (${where.glossaryFile.path}:${term.line})`;
  reportWarning(
    file,
    words.position?.start,
    `Glossary term ${entry}: the original uses "${used}" here (${at}), but this ${target.name} has none of its ${where.lang} forms ${expected}`,
    `Use the term's ${where.lang} form, or, if the translation rightly says it in other words, add that wording to the entry`,
    'glossary-term',
  );
}
