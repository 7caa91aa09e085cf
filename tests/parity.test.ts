import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { LANGS } from '../scripts/i18n/languages.js';
import { copyProject, editContent, fixtureMetadata, lineOf } from './helpers/project.js';

let project: ReturnType<typeof copyProject>;
beforeEach(() => {
  project = copyProject();
});
afterEach(() => project.remove());

const file = (doc: string, lang: string) => path.join(project.root, 'content', doc, `${lang}.md`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const edit = (doc: string, lang: string, change: (text: string) => string) => editContent(project.root, doc, `${lang}.md`, change);

/** The parity messages of a document (an edit that breaks parity also changes what the text in force is compared with). */
function problems(doc: string): string {
  const result = checkProject(project.root, { docs: [doc] });
  expect(result.ok).toBe(false);
  return formatMessages(result.files)
    .split('\n')
    .filter((line) => !line.endsWith('[hexaglot:base-text]'))
    .join('\n');
}

describe('parity check', () => {
  it('passes on Resolution 71 and its Annex 1 (2028-2031) in all six languages', () => {
    const result = checkProject(project.root, { docs: ['res71-proposal', 'res71-annex1-2028'] });
    expect(formatMessages(result.files)).toBe('');
    for (const build of result.builds) expect(build.versions.map((v) => v.lang).sort(), build.docId).toEqual([...LANGS].sort());
  });

  it('knows that a) and أ) are the same paragraph: each language letters its labels from its own sequence', () => {
    const ar = readFileSync(file('res71-proposal', 'ar'), 'utf8');
    // The Arabic file letters its sub-paragraphs أ) ب) ج)…; the original a) b) c)…
    expect(ar).toContain(':n[أ)]');
    expect(ar).not.toMatch(/:n\[[a-h]\)\]/);
    // A letter out of rank (ب) for a)) breaks the Arabic series, which the check on both readings reports
    // in ar.md alone; parity does not compare a version that fails its own checks.
    const changed = edit('res71-proposal', 'ar', (t) => t.replace(':n[أ)]', ':n[ب)]'));
    const report = problems('res71-proposal');
    expect(report).toContain(
      `ar.md:${lineOf(changed, ':n[ب)]')}:1: error: In both readings, label "ب)" opens a series, which should start at "أ)"`,
    );
    expect(report).not.toContain(':parity-');
  });

  it('names a dropped paragraph in both files', () => {
    const zh = readFileSync(file('res71-proposal', 'zh'), 'utf8');
    // The last of its series, so that the English labels still run a), with nothing skipped.
    const en = edit('res71-proposal', 'en', (t) => t.replace(/\n:n\[b\)\] the glossary of terms[^\n]*\n/, '\n'));
    const report = problems('res71-proposal');
    const zhLine = lineOf(zh, ':n[b)] 本决议附件3提供的词汇表');
    const before = lineOf(en, ':n[a)] the many challenges');
    const message = `zh.md:${zhLine} paragraph b) has no counterpart in en.md (en.md goes on after paragraph a) at line ${before})`;
    // Reported in each file, at its own place there.
    expect(report).toMatch(new RegExp(`/en\\.md:\\d+:\\d+: error: ${escape(message)}`));
    expect(report).toMatch(new RegExp(`/zh\\.md:${zhLine}:1: error: ${escape(message)}`));
    expect(report.split('\n')).toHaveLength(2);
  });

  it('compares no version that fails its own checks: a dropped paragraph that leaves a label skipped is reported there alone', () => {
    const en = edit('res71-proposal', 'en', (t) => t.replace(/\n:n\[2\] to coordinate the implementation[^\n]*\n/, '\n'));
    const report = problems('res71-proposal');
    // The series 1, 3 of the English, by the check on both readings, at the marks that make each reading's 3; no parity message.
    expect(report).toContain(`en.md:${lineOf(en, '{--:n[3] ')}:1: error: In the rejected reading, label "3" after "1" skips a label`);
    expect(report).toContain(`en.md:${lineOf(en, '{++:n[3] ')}:1: error: In the accepted reading, label "3" after "1" skips a label`);
    expect(report).not.toContain(':parity-');
  });

  it('names an extra list item', () => {
    const en = edit('res71-proposal', 'en', (t) =>
      t.replace('- helping ITU to meet', '- an item that is not in the original;\n- helping ITU to meet'),
    );
    const report = problems('res71-proposal');
    // Items have no number to tell them apart: the surplus is reported at the list's last item.
    const last = lineOf(en, '- helping ITU to meet');
    expect(report).toContain(`en.md:${last}:1: error: en.md:${last} list item 3 has no counterpart in zh.md`);
    expect(report).toMatch(/list \(en.md:\d+, zh.md:\d+\): is laid out as 3 items where zh.md has 2 items/);
  });

  it('names a footnote moved to another paragraph', () => {
    const ar = edit('res71-proposal', 'ar', (t) =>
      t.replace('من الاتفاقية[^cv61a]؛', 'من الاتفاقية؛').replace('لنتائج الخطة الاستراتيجية،', 'لنتائج الخطة الاستراتيجية[^cv61a]،'),
    );
    const report = problems('res71-proposal');
    expect(report).toContain(`ar.md:${lineOf(ar, 'من الاتفاقية؛')}:1: error: paragraph 2→1 (ar.md:${lineOf(ar, 'من الاتفاقية؛')}, zh.md:`);
    expect(report).toContain('0 footnote reference(s) where zh.md has 1');
    expect(report).toMatch(/paragraph 3→2 \(ar.md:\d+, zh.md:\d+\): 1 footnote reference\(s\) where zh.md has 0/);
  });

  it('names a changed proposal identifier', () => {
    edit('res71-proposal', 'en', (t) => t.replace('::::proposal{action=MOD id=CL/39A4/1}', '::::proposal{action=MOD id=CL/39A4/2}'));
    const yaml = path.join(project.root, 'content/res71-proposal/document.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('  - CL/39A4/1', '  - CL/39A4/1\n  - CL/39A4/2'));
    const report = problems('res71-proposal');
    expect(report).toMatch(/en.md:9:1: error: en.md:9 proposal MOD CL\/39A4\/2 has no counterpart in zh.md/);
    expect(report).toMatch(/zh.md:6 proposal MOD CL\/39A4\/1 has no counterpart in en.md/);
    // Each difference in both files, and the identifier the original never uses.
    expect(report).toMatch(/document.yaml:\d+:\d+: error: Proposal "CL\/39A4\/2" is declared but zh.md makes no proposal CL\/39A4\/2/);
    expect(report.split('\n')).toHaveLength(5);
  });

  it('names revision marks missing from a block', () => {
    edit('res71-proposal', 'en', (t) => t.replace('to continue {--improving--}{++developing++} and', 'to continue developing and'));
    expect(problems('res71-proposal')).toMatch(
      /paragraph 1 \(en.md:\d+, zh.md:\d+\): has no revision marks where zh.md has insertions and deletions/,
    );
  });

  it('names a table row missing and changed spans', () => {
    const dir = path.join(project.root, 'content/parity-table');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'document.yaml'), fixtureMetadata(project.root, ['zh', 'en', 'ar']));
    const table = (rows: string) => `:::table[表]{#t header=1}\n- - 甲\n  - 乙\n${rows}:::\n`;
    const front = (lang: string, extra = '') => `---\nlang: ${lang}\ntitle: T\n${extra}---\n\n::::proposal{action=MOD id=CL/39A4/1}\n\n`;
    const translation = 'translation:\n  status: working\n  from: zh\n';
    writeFileSync(path.join(dir, 'zh.md'), `${front('zh')}${table('- - 1\n  - 2\n- - :cell{colspan=2} 3\n')}\n::::\n`);
    writeFileSync(path.join(dir, 'en.md'), `${front('en', translation)}${table('- - 1\n  - 2\n')}\n::::\n`);
    writeFileSync(path.join(dir, 'ar.md'), `${front('ar', translation)}${table('- - 1\n  - 2\n- - 3\n  - 4\n')}\n::::\n`);
    const report = problems('parity-table');
    expect(report).toContain(
      'en.md:11:1: error: table 1 (en.md:11, zh.md:8): is laid out as 2 rows × 2 columns: 1x1, 1x1 / 1x1, 1x1 where zh.md has 3 rows × 2 columns: 1x1, 1x1 / 1x1, 1x1 / 2x1',
    );
    expect(report).toContain(
      'ar.md:11:1: error: table 1 (ar.md:11, zh.md:8): is laid out as 3 rows × 2 columns: 1x1, 1x1 / 1x1, 1x1 / 1x1, 1x1 where zh.md has',
    );
    expect(report).toContain('zh.md:8:1: error: table 1 (en.md:11, zh.md:8): is laid out as 2 rows');
    expect(report).toContain('zh.md:8:1: error: table 1 (ar.md:11, zh.md:8): is laid out as 3 rows');
    expect(report.split('\n')).toHaveLength(4);
  });
});
