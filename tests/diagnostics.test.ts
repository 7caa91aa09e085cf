import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { build, testMeta } from './helpers/build.js';
import { copyProject } from './helpers/project.js';

/** zh test files have 5 front-matter lines and a blank line: the body starts on line 6. */
const L = (n: number) => n + 5;

function only(markdown: string, lang: 'zh' | 'en' = 'zh') {
  const { messages } = build(markdown, lang);
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

describe('positioned diagnostics', () => {
  it('reports an unclosed insertion at its opening marker, with the fix', () => {
    expect(only('第一段\n\n第二段{++新增文字')).toBe(
      `${L(3)}:4 Unclosed insertion \`{++\`. Close the insertion with \`++}\` (or escape the braces as \`\\{++\`)`,
    );
  });

  it('reports a closer without opener and wrongly nested marks', () => {
    expect(only('文字--}')).toMatch(new RegExp(`^${L(1)}:3 \`--}\` closes a deletion that was never opened`));
    const { messages } = build('{++甲--}');
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${L(1)}:1 Wrongly nested revision mark \`\\{\\+\\+\``)),
      expect.stringMatching(new RegExp(`^${L(1)}:5 Wrongly nested revision mark \`--}\``)),
    ]);
  });

  it('reports a substitution without separator', () => {
    expect(build('{~~旧新~~}').messages[0]).toMatch(/Substitution `\{~~` has no `~>`/);
  });

  it('reports unbalanced marks inside table cells and footnotes', () => {
    expect(only('| a |\n|---|\n| {--x |')).toMatch(new RegExp(`^${L(3)}:3 Unclosed deletion`));
    expect(only('甲[^1]\n\n[^1]: 注{++文')).toMatch(new RegExp(`^${L(3)}:8 Unclosed insertion`));
  });

  it('reports a footnote reference without definition and a definition never referenced', () => {
    expect(only('甲[^x]乙')).toBe(`${L(1)}:2 Footnote [^x] has no definition. Add a line "[^x]: text of the footnote" after the paragraph`);
    expect(only('甲\n\n[^y]: 多余')).toMatch(new RegExp(`^${L(3)}:1 Footnote \\[\\^y\\] is defined but never referenced`));
  });

  it('reports unknown directives, actions, call words and misplaced labels', () => {
    expect(only('::box')).toMatch(new RegExp(`^${L(1)}:1 Unknown directive "::box"`));
    expect(only(':::aside\n文字\n:::')).toMatch(/Unknown directive ":::aside"/);
    expect(only('文字:bogus[x]')).toMatch(/Unknown directive ":bogus"/);
    expect(only(':::proposal{action=CHANGE id=CL/39A4/1}\n:::')).toMatch(
      /Unknown proposal action "CHANGE". Use one of ADD, ADD\*, MOD, \(MOD\), SUP, SUP\*, NOC/,
    );
    expect(only(':::proposal{action=MOD id=CL/99/1}\n:::')).toMatch(/Proposal "CL\/99\/1" is not listed in document.yaml/);
    expect(only(':call{key=pondering}')).toMatch(new RegExp(`^${L(1)}:1 Unknown call word key "pondering". Use one of: considering,`));
    expect(only('文字 :n[a)] 其后')).toMatch(/A paragraph label `:n\[…\]` must open its paragraph/);
  });

  it('reports list tables whose rows do not line up', () => {
    expect(only(':::table\n- - a\n  - b\n- - c\n:::')).toMatch(
      new RegExp(`^${L(2)}:1 Table row 2 is 1 columns wide where the table has 2`),
    );
    expect(only(':::table\n- a\n:::')).toMatch(/Row 1 of the list table is not a list of cells/);
    expect(only(':::table\n- - :cell{colspan=x} a\n:::')).toMatch(/colspan must be a whole number/);
  });

  it('reports duplicate ids with the first place', () => {
    expect(only(':anchor{#x}甲\n\n:anchor{#x}乙')).toBe(
      `${L(3)}:1 Duplicate id "x" (first used at line ${L(1)}:1). Give each heading, table, figure and anchor its own id`,
    );
  });

  it('reports invalid and missing front matter at the value at fault', () => {
    expect(build('---\nlang: zh\ntitle: 标题\ncolour: red\n---\n\n正文', 'zh', { raw: true }).messages).toEqual([
      expect.stringMatching(/^4:1 Invalid front matter: "\(top level\)": Unrecognized key: "colour"/),
    ]);
    expect(build('---\nlang: zh\ntitle: 3\n---\n', 'zh', { raw: true }).messages[0]).toMatch(/^3:8 Invalid front matter: "title"/);
    expect(build('正文', 'zh', { raw: true }).messages[0]).toMatch(/^1:1 Missing front matter/);
    expect(build('---\nlang: en\ntitle: x\n---\n', 'en', { raw: true }).messages[0]).toMatch(/en.md is a translation but does not say so/);
  });

  it('reports a missing locale key as an error, never falling back to another language', () => {
    const meta = { ...testMeta, resolution: { number: 71, revisions: [{ place: 'atlantis', year: 2030 }] } };
    const { messages, doc } = build('::resolution-title', 'zh', { meta });
    expect(messages).toEqual([
      expect.stringMatching(
        /^6:1 Missing locale key "places.atlantis" for language "zh". Add "places.atlantis" to .*locales\/zh\/common.json/,
      ),
    ]);
    expect(JSON.stringify(doc)).not.toContain('Atlantis');
  });

  it('reports a frame word missing from the locale at check time, not as a crash when rendering', () => {
    const meta = { ...testMeta, conference: { key: 'pp99', place: 'doha', year: 2026 } };
    expect(build('正文', 'zh', { meta }).messages).toEqual([
      expect.stringMatching(
        /^1:1 Missing locale key "conference.pp99" for language "zh". Add "conference.pp99" to .*locales\/zh\/common.json/,
      ),
    ]);
  });

  it('reports constructs outside the dialect instead of dropping them', () => {
    expect(only('~~删除~~')).toMatch(/GFM strikethrough `~~text~~` is not a revision mark. Write a deletion as `\{--text--\}`/);
    expect(build('<b>粗</b>').messages).toEqual([expect.stringMatching(/^6:1 Raw HTML/), expect.stringMatching(/^6:5 Raw HTML/)]);
    expect(only('    代码')).toMatch(/A code block is not part of the dialect/);
    expect(only('正文\n\n***')).toMatch(/A thematic break/);
  });
});

describe('document metadata', () => {
  it('reports an invalid value in document.yaml at its line and column', () => {
    const project = copyProject();
    try {
      const file = path.join(project.root, 'content/res71-proposal/document.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('type: proposal', 'type: memo').replace('originalLanguage: zh', 'originalLanguage: la'),
      );
      const result = checkProject(project.root, {});
      expect(result.ok).toBe(false);
      const report = formatMessages(result.files);
      expect(report).toMatch(
        /document.yaml:2:7: error: Invalid document metadata: "type": .*Use one of: proposal, resolution, annex, councilReport, workingGroupDocument/,
      );
      expect(report).toMatch(/document.yaml:\d+:19: error: Invalid document metadata: "originalLanguage"/);
    } finally {
      project.remove();
    }
  });
});
