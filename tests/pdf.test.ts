/**
 * PDF read back by readers nobody here wrote: qpdf checks the file's
 * structure, poppler lists its fonts and gives back its text, page by page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, renderOutputs, type Output } from '../scripts/cli/pipeline.js';
import type { BlockNode, Footnote, InlineNode, ModelDocument, Table } from '../scripts/model/types.js';
import { LANGS } from '../scripts/i18n/languages.js';
import { loadStyleSheet } from '../scripts/render/style-sheet.js';
import { repoRoot } from './helpers/build.js';
import { corpusOutputs } from './helpers/corpus.js';
import { memoized } from './helpers/memo.js';

let outputs: Output[];
let dir: string;
const DOCS = ['res71-proposal', 'res71-annex1-2028'];

beforeAll(async () => {
  outputs = await corpusOutputs({ docs: DOCS }, ['pdf']);
  dir = mkdtempSync(path.join(tmpdir(), 'hexaglot-pdf-'));
  for (const output of outputs) writeFileSync(path.join(dir, path.basename(output.file)), output.content);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (output: Output) => path.join(dir, path.basename(output.file));
const find = (docId: string, lang: string, variant: string) =>
  outputs.find((o) => o.doc.docId === docId && o.doc.lang === lang && o.variant === variant)!;

/** Text of each page, once per file (the files do not change once written); poppler marks the direction of embedded runs with control characters, dropped here. */
const pages = memoized((file: string, raw = false): string[] => {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), file, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/[\u200e\u200f\u202a-\u202e]/g, ''));
});
// pdftotext joins a word broken after its hyphen at a line end and drops the hyphen, so hyphens are not compared.
const squash = (s: string) => s.replace(/[\s\u00a0-]+/g, '').toLowerCase();
const arabicWords = (s: string) => s.replace(/[\u064b-\u065f\u0670]/g, '').match(/[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+/g) ?? [];

/**
 * Whether a paragraph's Arabic words come back one after the other in poppler's text, each within a
 * few lines' reach of the one before: in its reading order a table row's neighbouring cells, or the
 * next paragraphs' first lines before a short last line, can come between. poppler also splits words
 * where a glyph is offset (a ligature, a vowel mark) and may give the pieces in visual order, so a
 * word is also found as pieces within reach; vowel marks are not compared.
 */
function arabicParagraphFound(letters: string, words: readonly string[]): boolean {
  const REACH = 400;
  const within = (piece: string, at: number) => {
    const from = Math.max(0, at - REACH);
    const i = letters.slice(from, at + REACH + piece.length).indexOf(piece);
    return i < 0 ? -1 : from + i;
  };
  // The word as pieces, each found within reach: its first k letters, then the rest the same way.
  const inPieces = (word: string, at: number): boolean =>
    within(word, at) >= 0 || [...word].some((_, k) => k > 0 && within(word.slice(0, k), at) >= 0 && inPieces(word.slice(k), at));
  const from = (start: number) => {
    let at = start;
    for (const word of words) {
      const i = within(word, at);
      if (i >= 0) at = Math.max(at, i + word.length);
      else if (!inPieces(word, at)) return false;
    }
    return true;
  };
  if (words.length === 0) return true;
  // Start from where one of the paragraph's longer words comes back whole (or its first letters).
  const anchors = [...new Set([...words.filter((word) => word.length >= 4), words[0]!.slice(0, 2)])];
  for (const anchor of anchors) {
    for (let start = letters.indexOf(anchor); start >= 0; start = letters.indexOf(anchor, start + 1)) if (from(start)) return true;
  }
  return false;
}

/**
 * Arabic text as compared with pdftotext's: no spaces (poppler cuts a word where Amiri sets a letter
 * with an offset, and puts a space on the other side of a figure), no vowel marks, tatweel or
 * directional marks, no commas, colons, full stops or hyphens (poppler sets them on the far side of a
 * figure next to them). Words, figures and brackets remain, in their order.
 */
const arabicText = (s: string) => s.normalize('NFC').replace(/[\s\p{Cf}\u064b-\u065f\u0670\u0640،,؛;:.-]/gu, '');

/**
 * Each word found after the one before, within a few lines' reach (poppler may read a short last line
 * after the next lines). A word whose vowel mark is raised may have its letters after the mark read
 * as part of the line above: such a word may come back as two pieces, each within reach.
 */
function wordsInOrder(text: string, words: readonly string[]): boolean {
  const REACH = 400;
  const find = (word: string, at: number) => {
    const low = Math.max(0, at - REACH);
    const i = text.slice(low, at + REACH + word.length).indexOf(word);
    return i < 0 ? -1 : low + i + word.length;
  };
  const from = (start: number) => {
    let at = start;
    for (const word of words) {
      let end = find(word, at);
      for (let k = 1; end < 0 && k < word.length; k++) {
        const [head, tail] = [find(word.slice(0, k), at), find(word.slice(k), at)];
        if (head >= 0 && tail >= 0) end = Math.max(head, tail);
      }
      if (end < 0) return false;
      at = Math.max(at, end);
    }
    return true;
  };
  if (!words.length) return true;
  for (let start = text.indexOf(words[0]!); start >= 0; start = text.indexOf(words[0]!, start + 1)) if (from(start)) return true;
  return false;
}

/** The clean copy's paragraphs outside tables (poppler reads a table's lines across its cells), labels included, footnote marks left out. */
function uncelledParagraphs(blocks: readonly BlockNode[]): string[] {
  const inline = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text' || n.type === 'callWord') return n.value;
        if (n.type === 'deletion' || n.type === 'editorComment' || n.type === 'footnoteReference') return '';
        return 'children' in n ? inline(n.children) : '';
      })
      .join('');
  return blocks.flatMap((b): string[] => {
    if ('change' in b && b.change === 'deletion') return [];
    switch (b.type) {
      case 'proposal':
        return uncelledParagraphs([...b.children, ...b.reasons]);
      case 'list':
        return b.children.filter((item) => item.change !== 'deletion').flatMap((item) => uncelledParagraphs(item.children));
      case 'blockquote':
        return uncelledParagraphs(b.children);
      case 'summary':
        return b.parts.flatMap((part) => uncelledParagraphs(part.children));
      case 'table':
      case 'figure':
        return [];
      case 'labelledParagraph':
        return [`${inline(b.label)} ${inline(b.children)}`];
      default:
        return [inline(b.children)];
    }
  });
}

/** The clean copy's text of each paragraph, footnote marks included where the reader sees them. */
function paragraphs(blocks: readonly BlockNode[]): string[] {
  const inline = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'callWord') return n.value;
        if (n.type === 'footnoteReference') return String(n.number);
        if (n.type === 'deletion' || n.type === 'editorComment') return '';
        return 'children' in n ? inline(n.children) : '';
      })
      .join('');
  return blocks.flatMap((b): string[] => {
    if ('change' in b && b.change === 'deletion') return [];
    switch (b.type) {
      case 'proposal':
        return paragraphs([...b.children, ...b.reasons]);
      case 'list':
        return b.children.filter((item) => item.change !== 'deletion').flatMap((item) => paragraphs(item.children));
      case 'blockquote':
        return paragraphs(b.children);
      case 'table':
        return [...b.head, ...b.body, ...b.foot].flatMap((row) => row.cells.flatMap((cell) => paragraphs(cell.children)));
      case 'labelledParagraph':
        return [inline(b.children)];
      case 'heading':
      case 'paragraph':
      case 'callWordParagraph':
        return [inline(b.children)];
      case 'figure':
        return [];
      case 'summary':
        return b.parts.flatMap((part) => [part.title, ...paragraphs(part.children)]);
    }
  });
}

/**
 * Checks that every text comes back, in order. Page heads and footnotes are
 * taken out first: a paragraph that goes on to the next page has them in
 * the middle.
 */
function expectText(doc: ModelDocument, pageTexts: string[], texts: string[], notes = false): void {
  let all = pageTexts.join('\n');
  const furniture = notes ? [] : doc.footnotes.filter((note) => noteText(note).trim()).map((note) => `${note.number}${noteText(note)}`);
  if (doc.lang !== 'ar') {
    const header = new RegExp(`-\\d+-?${squash(doc.frame.runningHeader).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'g');
    let squashed = squash(all).replace(header, '');
    for (const piece of furniture) squashed = squashed.split(squash(piece)).join('');
    // Header rows repeated where a table goes on to the next page.
    for (const head of tableHeads(doc.body)) {
      const [first, ...rest] = squashed.split(squash(head));
      if (rest.length > 1) squashed = `${first}${squash(head)}${rest.join('')}`;
    }
    all = squashed;
  }
  if (doc.lang === 'ar') {
    const letters = arabicWords(all).join('');
    for (const text of texts) expect(arabicParagraphFound(letters, arabicWords(text)), text).toBe(true);
    return;
  }
  const pageSquashed = pageTexts.map(squash);
  for (const text of texts) {
    const wanted = squash(text);
    // A table row cut at the foot of a page: the text starts on one page and ends on the next.
    const cut = (k: number) =>
      pageSquashed.some(
        (page, i) => nearlyIncludes(page, wanted.slice(0, k)) && nearlyIncludes(pageSquashed[i + 1] ?? '', wanted.slice(k)),
      );
    const found = nearlyIncludes(all, wanted) || [...wanted].some((_, k) => k > 0 && cut(k));
    expect(found, `${text}\n${all}`).toBe(true);
  }
}

/**
 * Whether `needle` is in `hay`, allowing a character or two between two of
 * its characters: poppler reads a table row line by line across its cells,
 * so the dash of the next cell's list can come between two lines of a cell.
 */
function nearlyIncludes(hay: string, needle: string, gap = 2): boolean {
  if (hay.includes(needle)) return true;
  for (let start = hay.indexOf(needle[0] ?? ''); start >= 0; start = hay.indexOf(needle[0]!, start + 1)) {
    let at = start + 1;
    let j = 1;
    for (; j < needle.length; j++) {
      const next = hay.indexOf(needle[j]!, at);
      if (next < 0 || next - at > gap) break;
      at = next + 1;
    }
    if (j === needle.length) return true;
  }
  return false;
}

function tableHeads(blocks: readonly BlockNode[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.type === 'table' && b.head.length)
      return [b.head.flatMap((row) => row.cells.flatMap((cell) => paragraphs(cell.children))).join('')];
    if (b.type === 'proposal' || b.type === 'blockquote') return tableHeads(b.children);
    return [];
  });
}

const noteText = (note: Footnote) => paragraphs(note.children).join('');

describe('PDF', () => {
  it('writes a marked and a clean copy of every language of both documents', () => {
    for (const docId of DOCS) {
      const langs = new Set(outputs.filter((o) => o.doc.docId === docId).map((o) => o.doc.lang));
      for (const lang of langs) {
        expect((find(docId, lang, 'marked').content as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
        expect((find(docId, lang, 'clean').content as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
  });

  it('sets Arabic upright: no italic face in the Arabic copies, while the English ones set their note in one', () => {
    const italic = (output: Output) => /Italic/.test(execFileSync('pdffonts', [fileOf(output)], { encoding: 'utf8' }));
    for (const docId of DOCS) {
      expect(italic(find(docId, 'ar', 'marked')), docId).toBe(false);
      expect(italic(find(docId, 'en', 'marked')), docId).toBe(true);
    }
  });

  it('passes qpdf --check, and poppler finds every font embedded', () => {
    for (const output of outputs) {
      const check = spawnSync('qpdf', ['--check', fileOf(output)], { encoding: 'utf8' });
      expect(check.status, `${output.file}\n${check.stdout}${check.stderr}`).toBe(0);
      const fonts = execFileSync('pdffonts', [fileOf(output)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, output.file).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
  });

  it('pdftotext gives back every paragraph and every footnote of the clean copy, in every language of the proposal', () => {
    const langs = outputs.filter((o) => o.doc.docId === 'res71-proposal' && o.variant === 'clean').map((o) => o.doc.lang);
    expect([...langs].sort()).toEqual([...LANGS].sort());
    for (const lang of langs) {
      const output = find('res71-proposal', lang, 'clean');
      const texts = pages(fileOf(output));
      expectText(output.doc, texts, paragraphs(output.doc.body));
      expectText(output.doc, texts, output.doc.footnotes.map(noteText), true);
    }
  });

  it.each(LANGS)('%s Annex 1: every paragraph, table cell and footnote comes back', (lang) => {
    const output = find('res71-annex1-2028', lang, 'clean');
    // In drawing order: table cells are drawn one after the other, where poppler's own reading order
    // runs across neighbouring cells whose lines share a baseline.
    const texts = pages(fileOf(output), true);
    expect(texts.length).toBeGreaterThan(10);
    expectText(output.doc, texts, paragraphs(output.doc.body));
    expectText(output.doc, texts, output.doc.footnotes.map(noteText), true);
  });

  it('pdftotext gives back every Arabic paragraph word by word in logical order, brackets as written (both documents, clean copy)', () => {
    for (const docId of DOCS) {
      const output = find(docId, 'ar', 'clean');
      const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', fileOf(output), '-'], { encoding: 'utf8' });
      // Brackets round Latin words and figures as written, never turned round or left behind.
      expect(raw.replace(/\p{Cf}/gu, '')).not.toMatch(/\(\)[A-Za-z]|\)[A-Za-z0-9.-]+\(/);
      const text = arabicText(raw);
      for (const paragraph of uncelledParagraphs(output.doc.body).concat(
        output.doc.footnotes.flatMap((n) => uncelledParagraphs(n.children)),
      )) {
        const words = paragraph.split(/\s+/).map(arabicText).filter(Boolean);
        expect(wordsInOrder(text, words), `${docId}: ${paragraph}`).toBe(true);
      }
    }
    expect(
      execFileSync('pdftotext', ['-enc', 'UTF-8', fileOf(find('res71-proposal', 'ar', 'clean')), '-'], { encoding: 'utf8' }),
    ).toContain('PP22/39(Add.4)-A');
  });

  it('draws no word over another, on any page of any language (table rows cut across pages included)', () => {
    const overlapping: string[] = [];
    for (const output of outputs.filter((o) => o.variant === 'marked')) {
      const layout = execFileSync('pdftotext', ['-bbox-layout', fileOf(output), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      layout
        .split('<page ')
        .slice(1)
        .forEach((page, index) => {
          const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
            .map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5]! }))
            .sort((a, b) => a.y1 - b.y1);
          for (let i = 0; i < words.length; i++) {
            const a = words[i]!;
            for (let j = i + 1; j < words.length && words[j]!.y1 < a.y2; j++) {
              const b = words[j]!;
              const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
              const height = Math.min(a.y2, b.y2) - b.y1;
              if (width > 2 && height > 0.3 * Math.min(a.y2 - a.y1, b.y2 - b.y1)) {
                overlapping.push(`${output.file} page ${index + 1}: "${a.text}" and "${b.text}"`);
              }
            }
          }
        });
    }
    expect(overlapping).toEqual([]);
  });

  it('aligns figures in their cells as the cells say: to the right, in English and in Arabic alike', () => {
    for (const lang of ['en', 'ar']) {
      const file = fileOf(find('res71-annex1-2028', lang, 'marked'));
      const last = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).split('<page ').pop()!;
      const box = (word: string) => {
        const m = new RegExp(`xMin="([\\d.]+)"[^>]*xMax="([\\d.]+)"[^>]*>${word}<`).exec(last)!;
        return { left: Number(m[1]), right: Number(m[2]) };
      };
      // 202 114 and 49 376 end at the same place and start at different ones.
      expect(Math.abs(box('114').right - box('376').right), lang).toBeLessThan(0.5);
      expect(box('49').left - box('202').left, lang).toBeGreaterThan(2);
    }
  });

  it('sets the Arabic proposal line and lettered labels at the right margin, as the HTML and DOCX do', () => {
    const file = fileOf(find('res71-proposal', 'ar', 'marked'));
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'], { encoding: 'utf8' });
    const box = (word: string) => {
      const m = new RegExp(`xMin="([\\d.]+)"[^>]*xMax="([\\d.]+)"[^>]*>${word}<`).exec(first)!;
      return { left: Number(m[1]), right: Number(m[2]) };
    };
    const right = Math.max(...[...first.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    // The action at the start (right) edge, the identifier after it, to its left.
    expect(right - box('MOD').right).toBeLessThan(1);
    expect(box('CL/39A4/1').right).toBeLessThan(box('MOD').left);
  });

  it('prints each footnote at the foot of the page that refers to it', () => {
    for (const docId of DOCS) {
      const output = find(docId, 'zh', 'marked');
      const texts = pages(fileOf(output)).map(squash);
      for (const note of output.doc.footnotes) {
        // The reference: the footnote's number right after the words it follows.
        const before = referenceContext(output.doc.body, note.number);
        expect(before, `footnote ${note.number} is referenced`).toBeTruthy();
        const page = texts.findIndex((t) => t.includes(squash(before!) + String(note.number)));
        expect(page, `footnote ${note.number} of ${docId}: reference`).toBeGreaterThanOrEqual(0);
        // The footnote starts at the foot of that page.
        expect(texts[page], `footnote ${note.number} of ${docId} on page ${page + 1}`).toContain(squash(noteText(note)).slice(0, 30));
      }
    }
  });

  it('keeps closing Chinese punctuation off the start of a line and opening punctuation off its end', () => {
    const output = find('res71-annex1-2028', 'zh', 'marked');
    const lines = pages(fileOf(output)).flatMap((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) {
      expect(line, line).not.toMatch(/^[，。、；：？！）》」』]/);
      expect(line, line).not.toMatch(/[（《「『]$/);
    }
  });

  it('marks insertions and deletions in the marked copy only', () => {
    const marked = pages(fileOf(find('res71-proposal', 'en', 'marked'))).join('');
    const clean = pages(fileOf(find('res71-proposal', 'en', 'clean'))).join('');
    // The deleted years are in the marked copy and gone from the clean one.
    expect(squash(marked)).toContain(squash('2020-2023'));
    expect(squash(clean)).not.toContain(squash('2020-2023'));
  });

  it('has a title, a language, an outline and tagged structure', () => {
    const { languageTags } = loadStyleSheet(path.join(repoRoot, 'templates'));
    for (const lang of LANGS) {
      const output = find('res71-proposal', lang, 'marked');
      const info = execFileSync('pdfinfo', [fileOf(output)], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Title:\\s+${output.doc.front.title.slice(0, 10).replace(/[()[\]]/g, '.')}`));
      expect(info).toMatch(/Tagged:\s+yes/);
      const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', fileOf(output), '-'], { maxBuffer: 1 << 28 }).toString(
        'latin1',
      );
      expect(qdf).toMatch(new RegExp(`/Lang \\(${languageTags[lang]}\\)`));
      expect(qdf).toMatch(/\/Outlines \d+ 0 R/);
      expect(qdf).toMatch(/\/StructTreeRoot \d+ 0 R/);
    }
  });

  it('tags every table row and cell once, header cells as TH, though tables run over pages and repeat their header rows', () => {
    for (const lang of ['en', 'ar']) {
      const output = find('res71-annex1-2028', lang, 'marked');
      const tree = execFileSync('pdfinfo', ['-struct', fileOf(output)], { encoding: 'utf8' }).split('\n');
      const count = (tag: string) => tree.filter((line) => line.trim() === tag).length;
      const tables = output.doc.body.filter((b): b is Table => b.type === 'table');
      const rows = tables.flatMap((t) => [...t.head, ...t.body, ...t.foot]);
      expect(tree.filter((line) => line.trim().startsWith('Table')).length, lang).toBe(tables.length);
      expect(count('TR'), lang).toBe(rows.length);
      expect(count('TH'), lang).toBe(tables.flatMap((t) => t.head).flatMap((row) => row.cells).length);
      expect(count('TH') + count('TD'), lang).toBe(rows.flatMap((row) => row.cells).length);
    }
  });

  it('gives the same bytes for the same sources', async () => {
    const result = checkProject(repoRoot, { docs: ['res71-proposal'], langs: ['ar'] });
    const again = await renderOutputs(result, ['pdf']);
    for (const output of again) {
      const first = find(output.doc.docId, output.doc.lang, output.variant!);
      expect(Buffer.compare(first.content as Buffer, output.content as Buffer), output.file).toBe(0);
    }
  }, 60_000);
});

/** Up to eight characters of text right before a footnote reference. */
function referenceContext(blocks: readonly BlockNode[], number: number): string | undefined {
  let found: string | undefined;
  const walk = (nodes: readonly (BlockNode | InlineNode)[], before: { text: string }) => {
    for (const node of nodes) {
      if (found !== undefined) return;
      if (node.type === 'footnoteReference' && node.number === number) found = before.text.replace(/\s+/g, '').slice(-8);
      else if (node.type === 'text' || node.type === 'callWord') before.text += node.value;
      else if (node.type === 'table')
        for (const row of [...node.head, ...node.body]) for (const cell of row.cells) walk(cell.children, { text: '' });
      else if ('children' in node) walk(node.children as (BlockNode | InlineNode)[], before);
      if (node.type === 'proposal') walk(node.reasons, { text: '' });
      if ('label' in node && node.type === 'labelledParagraph') continue;
    }
  };
  walk(blocks, { text: '' });
  return found;
}
