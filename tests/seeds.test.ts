/**
 * Every converted document keeps the text of its seed to the letter: the
 * original-language model, with deletions and insertions both kept, against
 * the plain-text export once its markers are interpreted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, listDocuments } from '../scripts/model/build.js';
import { firstDifference, modelText, seedText } from '../scripts/check/seed-text.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { paths, repoRoot } from './helpers/build.js';
import { completeModel } from '../scripts/passes/index.js';
import { wordsOf } from '../scripts/model/context.js';
import { loadLocale } from '../scripts/i18n/locales.js';

const seeds = path.resolve(repoRoot, '../shared/seeds');
const documents = listDocuments(paths).filter((doc) =>
  readFileSync(path.join(paths.content, doc, 'document.yaml'), 'utf8').includes('\nseed:'),
);

describe('text to the letter', () => {
  it('finds the seeds beside the repository', () => {
    expect(existsSync(seeds), `expected the seed exports in ${seeds}`).toBe(true);
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents)('%s keeps every character of its seed', (docId) => {
    const build = buildDocument(paths, docId);
    expect(formatMessages(build.files)).toBe('');
    const original = build.versions.find((v) => v.lang === v.meta.originalLanguage)!;
    const seed = seedText(readFileSync(path.join(seeds, original.meta.seed!), 'utf8'));
    // The passes print what the seed prints and the source does not type: table numbers.
    const file = build.versionFiles.get(original.lang)!;
    const model = modelText(completeModel(original, wordsOf(loadLocale(paths.locales, original.lang), file)));
    expect(formatMessages([file])).toBe('');
    expect(firstDifference(seed.body, model.body) ?? 'identical').toBe('identical');
    expect(model.footnotes.length).toBe(seed.footnotes.length);
    seed.footnotes.forEach((text, index) => {
      expect(firstDifference(text, model.footnotes[index]!) ?? 'identical', `footnote ${index + 1}`).toBe('identical');
    });
  });

  it('notices a lost character', () => {
    const seed = seedText('甲[footnoteRef:1] [1: 注]乙\n–\t丙');
    expect(seed).toEqual({ body: '甲乙丙', footnotes: ['注'] });
    expect(firstDifference(seed.body, '甲丙')).toMatch(/at character 1/);
  });

  it('reads a dash after the bracket that opens a line as a list marker', () => {
    expect(seedText('\t[–\t甲\n–\t乙]\n丙 – 丁').body).toBe('[甲乙]丙–丁');
  });
});
