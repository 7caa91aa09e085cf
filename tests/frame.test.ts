/**
 * The first-page frame: the date under the document number in each language's own form, the
 * meeting line of conference documents, and the working-translation note as each language says it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { CheckResult } from '../scripts/cli/pipeline.js';
import { listDocuments, readDocumentMeta } from '../scripts/model/build.js';
import { dateParts } from '../scripts/model/frame.js';
import { headingLineStyle, loadFrameTemplates } from '../scripts/render/frame.js';
import { LANGS, type Lang } from '../scripts/i18n/languages.js';
import { paths, repoRoot } from './helpers/build.js';
import { checkCorpus, corpusOutputs } from './helpers/corpus.js';

let result: CheckResult;
beforeAll(() => {
  result = checkCorpus({ docs: ['res71-proposal', 'council-report-c26'] });
  expect(result.ok).toBe(true);
});
const version = (docId: string, lang: Lang) => result.builds.find((b) => b.docId === docId)!.versions.find((v) => v.lang === lang)!;
const layoutOf = loadFrameTemplates(path.join(repoRoot, 'templates'));

describe('first-page frame', () => {
  it('dates every document', () => {
    for (const docId of listDocuments(paths)) {
      expect(readDocumentMeta(paths, docId).meta?.date, docId).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('prints the date in each language’s own form, Western digits in Arabic', () => {
    const dates = Object.fromEntries(LANGS.map((lang) => [lang, version('res71-proposal', lang).frame.date]));
    expect(dates).toEqual({
      en: '1 January 2022',
      fr: '1 janvier 2022',
      es: '1 de enero de 2022',
      ru: '1 января 2022 года',
      ar: '1 يناير 2022',
      zh: '2022年1月1日',
    });
    expect(dateParts('2026-04-30', 'ar-u-nu-latn')).toEqual({ day: '30', month: 'أبريل', year: '2026' });
  });

  it('sets the date under the document number, and the meeting line on the conference side of conference documents', () => {
    for (const lang of LANGS) {
      const frame = version('res71-proposal', lang).frame;
      const layout = layoutOf(frame, 'proposal');
      expect(layout.document.map((line) => line.text)).toEqual([frame.addendum, frame.documentNumber, frame.date, frame.original]);
      expect(layout.conference.at(-1)).toEqual({ text: frame.meeting, style: 'meeting' });
    }
    expect(version('res71-proposal', 'en').frame.meeting).toBe('PLENARY MEETING');
    expect(version('res71-proposal', 'zh').frame.meeting).toBe('全体会议');
    expect(version('res71-proposal', 'ru').frame.meeting).toBe('ПЛЕНАРНОЕ ЗАСЕДАНИЕ');
    const council = version('council-report-c26', 'en').frame;
    expect(council.meeting).toBeUndefined();
    expect(layoutOf(council, 'councilReport').document.map((line) => line.text)).toEqual([
      'Document C26/30-E',
      '1 April 2026',
      'Original: Chinese',
    ]);
    // Council documents print their title under the submitting body, in the document title style.
    expect(layoutOf(council, 'councilReport').heading.map((line) => [line.text, headingLineStyle(line)])).toEqual([
      ['Chair of the Council Working Group for Strategic and Financial Plans', 'source'],
      [council.title, 'documentTitle'],
      ['Working translation from Chinese, not an official text', 'note'],
    ]);
  });

  it('says where a working translation comes from as each language says it', () => {
    const notes = Object.fromEntries(LANGS.map((lang) => [lang, version('res71-proposal', lang).frame.workingTranslation]));
    expect(notes).toEqual({
      zh: undefined,
      en: 'Working translation from Chinese, not an official text',
      fr: 'Traduction de travail du chinois, texte non officiel',
      es: 'Traducción de trabajo del chino, texto no oficial',
      ru: 'Рабочий перевод с китайского языка; неофициальный текст',
      ar: 'ترجمة عمل عن الصينية، ليست نصاً رسمياً',
    });
  });

  it('prints date, meeting line and note on the first page of the PDF and the DOCX', async () => {
    const outputs = await corpusOutputs({ docs: ['res71-proposal'], langs: ['ru'] }, ['pdf', 'docx']);
    const dir = mkdtempSync(path.join(tmpdir(), 'hexaglot-frame-'));
    try {
      const pdf = outputs.find((o) => o.format === 'pdf' && o.variant === 'marked')!;
      const file = path.join(dir, 'frame.pdf');
      writeFileSync(file, pdf.content);
      const first = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      const docx = outputs.find((o) => o.format === 'docx' && o.variant === 'marked')!;
      const xml = await (await JSZip.loadAsync(docx.content as Buffer)).file('word/document.xml')!.async('string');
      for (const words of ['1 января 2022 года', 'ПЛЕНАРНОЕ ЗАСЕДАНИЕ', 'Рабочий перевод с китайского языка; неофициальный текст']) {
        expect(first).toContain(words);
        expect(xml).toContain(words);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
