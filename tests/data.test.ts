import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { formatFigure } from '../scripts/model/data.js';
import { copyProject, fixtureMetadata } from './helpers/project.js';

/** The resource-allocation figures of Annex 1 (2028-2031), as stated there: rounded, so some totals are off by one or two. */
const ALLOCATION = `rounding: 1
columns: [2028-2029, 2030-2031]
rows:
  A: { 2028-2029: 99892, 2030-2031: 102223, total: 202114 }
  B: { 2028-2029: 61340, 2030-2031: 59960, total: 121300 }
  C: { 2028-2029: 42836, 2030-2031: 41860, total: 84696 }
  D: { 2028-2029: 24971, 2030-2031: 24406, total: 49376 }
  E: { 2028-2029: 94941, 2030-2031: 94529, total: 189470 }
  total: { 2028-2029: 323978, 2030-2031: 322978, total: 646956 }
`;

let project: ReturnType<typeof copyProject>;
let dir: string;
beforeEach(() => {
  project = copyProject();
  dir = path.join(project.root, 'content/data-fixture');
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'document.yaml'), fixtureMetadata(project.root, ['zh', 'en', 'ar']));
  writeFileSync(path.join(dir, 'data/allocation.yaml'), ALLOCATION);
  const body =
    '::::proposal{action=MOD id=CL/39A4/1}\n\n重点工作A :data{ref=allocation.A.2028-2029} 合计 :data{ref=allocation.total.total}\n\n::::\n';
  const front = (lang: string, extra = '') => `---\nlang: ${lang}\ntitle: T\n${extra}---\n\n`;
  const translation = 'translation:\n  status: working\n  from: zh\n';
  writeFileSync(path.join(dir, 'zh.md'), front('zh') + body);
  writeFileSync(path.join(dir, 'en.md'), front('en', translation) + body.replace('重点工作A', 'Priority A').replace('合计', 'total'));
  writeFileSync(path.join(dir, 'ar.md'), front('ar', translation) + body.replace('重点工作A', 'الأولوية A').replace('合计', 'المجموع'));
});
afterEach(() => project.remove());

function paragraphText(lang: string): string {
  const result = checkProject(project.root, { docs: ['data-fixture'] });
  expect(formatMessages(result.files)).toBe('');
  const doc = result.builds[0]!.versions.find((v) => v.lang === lang)!;
  const proposal = doc.body[0]!;
  if (proposal.type !== 'proposal' || proposal.children[0]?.type !== 'paragraph') throw new Error('unexpected model');
  return proposal.children[0].children.map((n) => (n.type === 'text' ? n.value : '')).join('');
}

describe('numbers as data', () => {
  it('prints the shared figures in each language, grouped as ITU writes them, with Western digits in Arabic', () => {
    expect(paragraphText('zh')).toBe('重点工作A 99\u00a0892 合计 646\u00a0956');
    expect(paragraphText('en')).toBe('Priority A 99\u00a0892 total 646\u00a0956');
    expect(paragraphText('ar')).toBe('الأولوية A 99\u00a0892 المجموع 646\u00a0956');
  });

  it('accepts the rounding differences of the stated totals but not a wrong total', () => {
    writeFileSync(path.join(dir, 'data/allocation.yaml'), ALLOCATION.replace('total: 121300', 'total: 121390'));
    const report = formatMessages(checkProject(project.root, { docs: ['data-fixture'] }).files);
    expect(report).toBe(
      'content/data-fixture/data/allocation.yaml:5:51: error: The total of row "B" is stated as 121390 but its parts add up to 121300 (more than the rounding allows: ±1.5). Correct the total or the figure that is wrong [hexaglot:data-total]\n' +
        'content/data-fixture/data/allocation.yaml:9:57: error: The total of column "total" is stated as 646956 but its parts add up to 647046 (more than the rounding allows: ±3). Correct the total or the figure that is wrong [hexaglot:data-total]',
    );
  });

  it('reports a reference to a figure that does not exist', () => {
    writeFileSync(
      path.join(dir, 'zh.md'),
      readFileSync(path.join(dir, 'zh.md'), 'utf8').replace('allocation.A.2028-2029', 'allocation.F.2028-2029'),
    );
    expect(formatMessages(checkProject(project.root, { docs: ['data-fixture'] }).files)).toMatch(
      /zh.md:8:7: error: No figure "allocation.F.2028-2029" in the document's data. Use a name.row.column/,
    );
  });

  it('formats with Intl and the locale group separator', () => {
    expect(formatFigure(1234567, 'ru', ' ')).toBe('1 234 567');
    expect(formatFigure(646956, 'ar-u-nu-latn', ' ')).toBe('646 956');
  });
});
