/**
 * The example of a Member State's proposals on three resolutions (ADD, MOD, SUP) in HTML, DOCX and
 * PDF, read back by readers nobody here wrote: hast for the HTML, pandoc for the tracked DOCX, poppler
 * for the PDF. Each proposal comes with its line, its title in the language's form and its Reasons.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Output } from '../scripts/cli/pipeline.js';
import { LANGS, type Lang } from '../scripts/i18n/languages.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { paths } from './helpers/build.js';
import { corpusOutputs } from './helpers/corpus.js';
import { EXAMPLE_NAMES, EXAMPLE_TITLES, titleIn } from './helpers/example-titles.js';

const IDS = ['MS/61/1', 'MS/61/2', 'MS/61/3'];
let outputs: Output[];
let dir: string;

beforeAll(async () => {
  outputs = await corpusOutputs({ docs: ['ms-proposals-example'] }, ['html', 'docx', 'pdf']);
  dir = mkdtempSync(path.join(tmpdir(), 'hexaglot-proposals-'));
  for (const output of outputs) writeFileSync(path.join(dir, path.basename(output.file)), output.content);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (lang: Lang, format: string, variant?: string) => {
  const output = outputs.find((o) => o.doc.lang === lang && o.format === format && (variant === undefined || o.variant === variant))!;
  return path.join(dir, path.basename(output.file));
};
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
// Poppler marks the direction of embedded runs with control characters; they are not the text.
const squash = (s: string) => s.replace(/[\s\u00a0\u200e\u200f\u202a-\u202e]+/g, '');
const arabicWords = (s: string) => s.replace(/[\u064b-\u065f\u0670]/g, '').match(/[\u0621-\u064a]+/g) ?? [];

describe('HTML', () => {
  it.each(LANGS)('%s: three proposals, each with its line, its title, its name and its Reasons', (lang) => {
    const tree = fromHtml(outputs.find((o) => o.doc.lang === lang && o.format === 'html')!.content as string);
    const sections = selectAll('section.proposal', tree);
    expect(sections.map((s) => s.properties.dataAction)).toEqual(['ADD', 'MOD', 'SUP']);
    expect(sections.map((s) => toText(select('.proposal-id', s)!))).toEqual(IDS);
    expect(sections.map((s) => normalize(toText(select('h1.resolutionTitle', s)!)))).toEqual(
      EXAMPLE_TITLES[lang].map((title) => titleIn(title, 'both')),
    );
    expect(sections.map((s) => normalize(toText(select('h2', s)!)))).toEqual(EXAMPLE_NAMES[lang]);
    const mod = select('h1.resolutionTitle', sections[1]!)!;
    expect(selectAll('del', mod).map((n) => toText(n))).toEqual([EXAMPLE_TITLES[lang][1].match(/\[-(.*?)-\]/)![1]]);
    expect(selectAll('ins', mod).map((n) => toText(n))).toEqual([EXAMPLE_TITLES[lang][1].match(/\{\+(.*?)\+\}/)![1]]);
    const reasons = loadLocale(paths.locales, lang).t('proposal.reasons');
    expect(sections.map((s) => toText(select('.reasons-label', s)!))).toEqual([reasons, reasons, reasons]);
  });
});

describe('DOCX', () => {
  const pandoc = (file: string, changes: 'accept' | 'reject') =>
    execFileSync('pandoc', ['-f', 'docx', `--track-changes=${changes}`, '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });

  it.each(LANGS)('%s: the tracked copy accepted gives the proposed titles, rejected the titles in force', (lang) => {
    const file = fileOf(lang, 'docx', 'tracked');
    const accepted = pandoc(file, 'accept').split('\n');
    const rejected = pandoc(file, 'reject').split('\n');
    for (const title of EXAMPLE_TITLES[lang]) {
      expect(accepted).toContain(titleIn(title, 'accepted'));
      expect(rejected).toContain(titleIn(title, 'rejected'));
    }
    for (const name of EXAMPLE_NAMES[lang]) expect(accepted).toContain(name);
    expect(accepted.filter((line) => IDS.some((id) => line.includes(id)))).toHaveLength(3);
  });
});

describe('PDF', () => {
  const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

  it.each(LANGS)('%s: the marked copy prints the three proposals in order, each title in the language’s form', (lang) => {
    const printed = text(fileOf(lang, 'pdf', 'marked'));
    const places = IDS.map((id) => printed.indexOf(id));
    expect(places.every((at, i) => at >= 0 && (i === 0 || at > places[i - 1]!))).toBe(true);
    for (const [index, title] of EXAMPLE_TITLES[lang].entries()) {
      const both = titleIn(title, 'both');
      // Poppler gives Arabic lines in its own order of runs: the title's words are compared, in order.
      if (lang === 'ar') expect(arabicWords(printed).join(' ')).toContain(arabicWords(both).join(' '));
      else expect(squash(printed)).toContain(squash(both));
      expect(squash(printed)).toContain(squash(EXAMPLE_NAMES[lang][index]!).replace(/[\u064b-\u065f\u0670]/g, ''));
    }
  });

  it.each(LANGS)('%s: the clean copy prints the MOD title with the proposed edition only', (lang) => {
    const raw = text(fileOf(lang, 'pdf', 'clean'));
    const printed = squash(raw);
    const [, mod] = EXAMPLE_TITLES[lang];
    const inForce = mod.match(/\[-(.*?)-\]/)![1]!;
    const proposed = mod.match(/\{\+(.*?)\+\}/)![1]!;
    if (lang === 'ar') {
      expect(arabicWords(raw).join(' ')).toContain(arabicWords(titleIn(mod, 'accepted')).join(' '));
      expect(arabicWords(raw).join(' ')).not.toContain(arabicWords(titleIn(mod, 'both')).join(' '));
    } else {
      expect(printed).toContain(squash(titleIn(mod, 'accepted')));
      expect(printed).not.toContain(squash(inForce + proposed));
    }
  });
});
