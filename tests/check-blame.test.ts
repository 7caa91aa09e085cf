/**
 * Checks that used to pass what they should not, or to blame correct files: a fault in one file is
 * reported once, in that file; a difference between two versions in both; nothing is compared with a
 * version that failed its own checks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { copyProject, editContent, lineOf } from './helpers/project.js';
import { build } from './helpers/build.js';

let project: ReturnType<typeof copyProject>;
beforeEach(() => {
  project = copyProject();
});
afterEach(() => project.remove());

const file = (doc: string, name: string) => path.join(project.root, 'content', doc, name);
const edit = (doc: string, name: string, change: (text: string) => string) => editContent(project.root, doc, name, change);

/** Every message of a document, one a line, as `hexaglot check` prints them. */
function messages(doc: string): string[] {
  const result = checkProject(project.root, { docs: [doc] });
  expect(result.ok).toBe(false);
  return formatMessages(result.files).split('\n');
}

/** The files the messages are in. */
const filesOf = (lines: string[]) => [...new Set(lines.map((line) => path.basename(line.split(':')[0]!)))].sort();

describe('a fault in one file is reported once, in that file', () => {
  it('an unclosed mark in the original blames no translation', () => {
    const zh = edit('res71-proposal', 'zh.md', (t) => t.replace('{++2022年，布加勒斯特++}', '{++2022年，布加勒斯特'));
    const report = messages('res71-proposal');
    expect(filesOf(report)).toEqual(['zh.md']);
    expect(report[0]).toContain(`zh.md:${lineOf(zh, '{++2022年，布加勒斯特')}:`);
    expect(report[0]).toMatch(/Unclosed insertion `\{\+\+`.*\[hexaglot:unbalanced-revision-mark\]$/);
  });

  it('a footnote without its definition in one translation gives one message, about that footnote', () => {
    const ru = edit('res71-annex1-2028', 'ru.md', (t) => t.replace(/\n\[\^fn1\]: [^\n]*\n/, '\n'));
    const report = messages('res71-annex1-2028');
    expect(report).toEqual([
      `content/res71-annex1-2028/ru.md:${lineOf(ru, '[^fn1]')}:${ru.split('\n')[lineOf(ru, '[^fn1]') - 1]!.indexOf('[^fn1]') + 1}: error: Footnote [^fn1] has no definition. Add a line "[^fn1]: text of the footnote" after the paragraph [hexaglot:missing-footnote]`,
    ]);
  });

  it('an unclosed ::::proposal is an error at its opening, and swallows nothing unsaid', () => {
    const zh = edit('res71-proposal', 'zh.md', (t) => t.replace(/\n::::\n/, '\n'));
    const report = messages('res71-proposal');
    expect(report).toEqual([
      `content/res71-proposal/zh.md:${lineOf(zh, '::::proposal')}:1: error: \`::::proposal\` is never closed: it runs to the end of the file or of the block around it. Close it with a line of 4 colons, \`::::\`, after its last line [hexaglot:unclosed-directive]`,
    ]);
  });

  it('an unclosed :::table is reported at that table, not at the next one, whose fence closes it', () => {
    const en = edit('res71-annex1-2028', 'en.md', (t) => t.replace(/(:::table\{#tab-framework[^]*?)\n:::\n/, '$1\n'));
    const report = messages('res71-annex1-2028');
    const next = lineOf(en, ':::table{#tab-targets-2027');
    expect(report[0]).toContain(
      `en.md:${lineOf(en, ':::table{#tab-framework')}:1: error: \`:::table\` is not closed before the \`:::table\` at line ${next}. Close it with a line \`:::\` before line ${next}`,
    );
    expect(report.join('\n')).not.toContain(`en.md:${next}:`);
    expect(filesOf(report)).toEqual(['en.md']);
  });

  it("an unclosed :::reasons is reported at the reasons, which the proposal's fence closes", () => {
    const source = ['::::proposal{action=MOD id=CL/39A4/1}', '', 'Text.', '', ':::reasons', 'Why.', '', '::::', ''].join('\n');
    expect(build(source, 'en').messages).toEqual([
      '13:1 `:::reasons` is never closed: it runs to the end of the file or of the block around it. Close it with a line of 3 colons, `:::`, after its last line',
    ]);
  });
});

describe('a difference between two versions is reported in both files', () => {
  it('a second paragraph in a table cell of one language only', () => {
    const en = edit('res71-annex1-2028', 'en.md', (t) =>
      t.replace(
        '  - The better world that ITU wishes to see.\n',
        '  - The better world that ITU wishes to see.\n\n    A second paragraph.\n',
      ),
    );
    const zh = readFileSync(file('res71-annex1-2028', 'zh.md'), 'utf8');
    const report = messages('res71-annex1-2028');
    const enLine = lineOf(en, ':::table{#tab-framework');
    const zhLine = lineOf(zh, ':::table{#tab-framework');
    expect(report).toHaveLength(2);
    expect(filesOf(report)).toEqual(['en.md', 'zh.md']);
    for (const line of report) {
      expect(line).toContain(
        `table 1 (en.md:${enLine}, zh.md:${zhLine}): is laid out as 10 rows × 2 columns: 1x1, 1x1 / 1x1, 1x1 [p p] / `,
      );
      expect(line).toMatch(/where zh.md has 10 rows × 2 columns: 1x1, 1x1 \/ 1x1, 1x1 \/ .*\[hexaglot:parity-layout\]$/);
    }
  });

  it('a footnote dropped from a translation, with its call, is matched by label: the other footnotes stay paired', () => {
    edit('res71-annex1-2028', 'ru.md', (t) =>
      t.replace('развивающихся стран[^fn1]', 'развивающихся стран').replace(/\n\[\^fn1\]: [^\n]*\n/, '\n'),
    );
    const report = messages('res71-annex1-2028');
    expect(filesOf(report)).toEqual(['ru.md', 'zh.md']);
    // The paragraph that lost its call, the footnote and its paragraph: each in both files, and nothing about fn2, fn3 or fn4.
    expect(report).toHaveLength(6);
    expect(report.filter((line) => line.includes('paragraph 3 (ru.md:19, zh.md:'))).toHaveLength(2);
    expect(report.filter((line) => /zh\.md:\d+ footnote 1(: paragraph "[^"]*")? has no counterpart in ru\.md/.test(line))).toHaveLength(4);
  });
});

describe('a proposal listed in document.yaml', () => {
  it('but never made in the text is reported at its entry', () => {
    const yaml = edit('res71-proposal', 'document.yaml', (t) => t.replace('  - CL/39A4/1\n', '  - CL/39A4/1\n  - CL/39A4/7\n'));
    expect(messages('res71-proposal')).toEqual([
      `content/res71-proposal/document.yaml:${lineOf(yaml, 'CL/39A4/7')}:5: error: Proposal "CL/39A4/7" is declared but zh.md makes no proposal CL/39A4/7. Add \`::::proposal{action=… id=CL/39A4/7}\` to zh.md, or remove the entry from "proposals" [hexaglot:unused-proposal]`,
    ]);
  });
});
