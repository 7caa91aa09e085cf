/**
 * XLIFF 2.0 for CAT tools (`hexaglot xliff export|import`): every translation of both marked
 * documents goes out and comes back unchanged; an edited unit changes its block and no other; a unit
 * whose protected codes were damaged is refused at its place in the .xlf, and the others come in.
 *
 * The OASIS XLIFF 2.0 core schema is in none of the project's dependencies (nor is xmllint on the
 * machine), so the export is checked here for what the core schema and its constraints ask of it: namespace and version, languages, unique ids, codes whose
 * data is in <originalData>, and target codes that are the source's or the block's own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/build.js';
import { hexaglot } from './helpers/cli.js';
import { copyProject, editContent } from './helpers/project.js';

const DOCUMENTS = ['res71-proposal', 'res71-annex1-2028'] as const;
const TRANSLATIONS = ['ar', 'en', 'fr', 'ru', 'es'] as const;

const folder = mkdtempSync(path.join(os.tmpdir(), 'hexaglot-xliff-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const exported = new Map<string, string>();

/** The export of one translation, written to a file of its own; once per document and language. */
async function exportOf(doc: string, lang: string): Promise<{ file: string; text: string }> {
  const file = path.join(folder, `${doc}-${lang}.xlf`);
  if (!exported.has(file)) {
    const run = await hexaglot(repoRoot, ['xliff', 'export', '--doc', doc, '--lang', lang, '--out', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    exported.set(file, readFileSync(file, 'utf8'));
  }
  return { file, text: exported.get(file)! };
}

/** `text` with one change made in it; a change that changes nothing is a broken test. */
function damaged(text: string, name: string, change: (text: string) => string): string {
  const changed = change(text);
  if (changed === text) throw new Error(`the change "${name}" changed nothing`);
  const file = path.join(folder, `${name}.xlf`);
  writeFileSync(file, changed);
  return file;
}

const importOf = (file: string, doc: string, lang: string, ...more: string[]) =>
  hexaglot(repoRoot, ['xliff', 'import', file, '--doc', doc, '--lang', lang, ...more]);

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const nameOf = (node: Ordered) => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: Ordered) => (Array.isArray(node[nameOf(node)]) ? (node[nameOf(node)] as Ordered[]) : []);
const elements = (nodes: Ordered[], name: string): Ordered[] =>
  nodes.flatMap((node) => [...(nameOf(node) === name ? [node] : []), ...elements(childrenOf(node), name)]);

/** What the XLIFF 2.0 core schema and its processing requirements ask of an export, as messages. */
function xliffProblems(text: string, srcLang: string, trgLang: string): string[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as Ordered[];
  const problems: string[] = [];
  const [root] = elements(tree, 'xliff');
  const attributes = root?.[':@'] ?? {};
  if (attributes.xmlns !== 'urn:oasis:names:tc:xliff:document:2.0') problems.push(`namespace ${attributes.xmlns}`);
  if (attributes.version !== '2.0') problems.push(`version ${attributes.version}`);
  if (attributes.srcLang !== srcLang || attributes.trgLang !== trgLang)
    problems.push(`languages ${attributes.srcLang} ${attributes.trgLang}`);
  const files = elements(tree, 'file');
  if (files.length !== 1 || !files[0]![':@']?.id) problems.push('one <file> with an id');
  const unitIds = new Set<string>();
  for (const unit of elements(tree, 'unit')) {
    const id = unit[':@']?.id ?? '';
    if (!/^[A-Za-z0-9._:-]+$/.test(id) || unitIds.has(id)) problems.push(`unit id "${id}"`);
    unitIds.add(id);
    const order = childrenOf(unit)
      .map(nameOf)
      .filter((name) => name !== '#text');
    if (order.join(' ') !== ['notes', ...(order.includes('originalData') ? ['originalData'] : []), 'segment'].join(' '))
      problems.push(`unit ${id}: children ${order.join(' ')}`);
    const data = elements([unit], 'data').map((d) => d[':@']?.id ?? '');
    if (new Set(data).size !== data.length) problems.push(`unit ${id}: data ids repeat`);
    const segment = elements([unit], 'segment')[0]!;
    const [source] = elements([segment], 'source');
    const [target] = elements([segment], 'target');
    const state = segment[':@']?.state;
    // Without a target a segment is initial; with one, translated or reviewed (as the language's translation status says).
    if (target ? !['translated', 'reviewed'].includes(state ?? '') : state !== 'initial') problems.push(`unit ${id}: state ${state}`);
    const subState = segment[':@']?.subState;
    if (subState !== undefined && !/^[A-Za-z0-9_.-]+:[^\s]+$/.test(subState)) problems.push(`unit ${id}: subState ${subState}`);
    const codesOf = (node: Ordered | undefined) => (node ? [...elements([node], 'ph'), ...elements([node], 'pc')] : []);
    const sourceIds = new Set<string>();
    for (const [part, codes] of [
      ['source', codesOf(source)],
      ['target', codesOf(target)],
    ] as const) {
      const ids = codes.map((code) => code[':@']?.id ?? '');
      if (new Set(ids).size !== ids.length) problems.push(`unit ${id}: ${part} code ids repeat`);
      for (const code of codes) {
        const a = code[':@'] ?? {};
        for (const ref of [a.dataRef, a.dataRefStart, a.dataRefEnd])
          if (ref !== undefined && !data.includes(ref)) problems.push(`unit ${id}: ${ref}`);
        if (a.subType && !a.type) problems.push(`unit ${id}: subType without type`);
        if (part === 'source') sourceIds.add(a.id!);
      }
    }
  }
  return problems;
}

describe('xliff export and import', () => {
  for (const doc of DOCUMENTS) {
    for (const lang of TRANSLATIONS) {
      it(`${doc} ${lang}: the export is XLIFF 2.0 and comes back without a change`, async () => {
        const { file, text } = await exportOf(doc, lang);
        expect(xliffProblems(text, 'zh', lang)).toEqual([]);
        const diff = await importOf(file, doc, lang, '--diff');
        expect(diff.stderr).toBe('');
        expect(diff.stdout).toBe('no change\n');
        expect(diff.code).toBe(0);
      });
    }
  }

  it('an edited unit changes its block and no other', async () => {
    const { text } = await exportOf('res71-proposal', 'fr');
    const file = damaged(text, 'edited', (t) =>
      t.replace(/(<target xml:space="preserve">)La Conférence de plénipotentiaires/, '$1LA CONFÉRENCE de plénipotentiaires'),
    );
    const run = await importOf(file, 'res71-proposal', 'fr', '--diff');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => /^content\/res71-proposal\/fr\.md:\d+: [-+]$/.test(line))).toHaveLength(2);
    expect(lines.find((line) => line.startsWith('+ '))).toMatch(
      /^\+ LA CONFÉRENCE de plénipotentiaires .*\{--Dubaï, 2018--\}\{\+\+Bucarest, 2022\+\+\}\),$/,
    );
    expect(lines.find((line) => line.startsWith('- '))).toMatch(/^- La Conférence de plénipotentiaires/);
  });

  it('a filled target of a translated table cell comes in with its codes', async () => {
    const { text } = await exportOf('res71-annex1-2028', 'en');
    // A cell's first unit: its target replaced by the source's content, words and codes, as a CAT tool copies it.
    const unit =
      /<unit id="(b\d+\.r\d+\.c\d+\.b0)"[\s\S]*?<source xml:space="preserve">(.*)<\/source>\n\s*<target xml:space="preserve">(.*)<\/target>/.exec(
        text,
      )!;
    const file = damaged(text, 'copied-source', (t) =>
      t.replace(`<target xml:space="preserve">${unit[3]}</target>`, `<target xml:space="preserve">${unit[2]}</target>`),
    );
    const run = await importOf(file, 'res71-annex1-2028', 'en', '--diff');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n2 block\(s\) changed\n$/);
  });
});

describe('xliff with a translation still being made', () => {
  const project = copyProject();
  afterAll(() => project.remove());
  const out = (name: string) => path.join(folder, name);

  it('a block the translation lacks is a unit without target, and the import leaves it out', async () => {
    editContent(project.root, 'res71-proposal', 'fr.md', (text) => text.replace(/^:n\[b\)\] le glossaire .*\n\n/m, ''));
    const run = await hexaglot(project.root, ['xliff', 'export', '--doc', 'res71-proposal', '--lang', 'fr', '--out', out('lacking.xlf')]);
    expect(run.stderr).toBe('');
    const text = readFileSync(out('lacking.xlf'), 'utf8');
    expect(xliffProblems(text, 'zh', 'fr')).toEqual([]);
    const untranslated = text.split('<unit ').filter((unit) => unit.includes('state="initial"'));
    expect(untranslated).toHaveLength(1);
    expect(untranslated[0]).not.toContain('<target');
    const back = await hexaglot(project.root, ['xliff', 'import', out('lacking.xlf'), '--doc', 'res71-proposal', '--lang', 'fr', '--diff']);
    expect(back.stderr).toBe('');
    expect(back.stdout).toBe('no change\n');
  });

  it('a language with no file yet: every unit without target; the import makes the file from the original', async () => {
    rmSync(path.join(project.root, 'content/res71-proposal/es.md'));
    const run = await hexaglot(project.root, ['xliff', 'export', '--doc', 'res71-proposal', '--lang', 'es', '--out', out('new.xlf')]);
    expect(run.stderr).toBe('');
    const text = readFileSync(out('new.xlf'), 'utf8');
    expect(xliffProblems(text, 'zh', 'es')).toEqual([]);
    expect(text).not.toContain('<target');
    // One unit translated, as a CAT tool writes it: the source's codes kept around the new words.
    const translated = text.replace(
      /(<source xml:space="preserve">)国际电信联盟全权代表大会(.*)(<\/source>)/,
      (_, open: string, rest: string, close: string) =>
        `${open}国际电信联盟全权代表大会${rest}${close}\n        <target xml:space="preserve">La Conferencia de Plenipotenciarios${rest
          .replace('（', ' (')
          .replace('），', '),')
          .replace('2018年，迪拜', 'Dubái, 2018')
          .replace('2022年，布加勒斯特', 'Bucarest, 2022')}</target>`,
    );
    writeFileSync(out('new-translated.xlf'), translated);
    const file = path.join(project.root, 'content/res71-proposal/es.md');
    const back = await hexaglot(project.root, [
      'xliff',
      'import',
      out('new-translated.xlf'),
      '--doc',
      'res71-proposal',
      '--lang',
      'es',
      '--out',
      file,
    ]);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/^---\nlang: es\n[^]*translation:\n {2}status: working\n {2}from: zh\n---\n/);
    expect(written.split('\n')).toContain('La Conferencia de Plenipotenciarios ({--Dubái, 2018--}{++Bucarest, 2022++}),');
    // The other blocks are the original's, to be translated.
    expect(written).toContain('国际电信联盟');
  });
});

describe('xliff export says where each translation stands', () => {
  const project = copyProject();
  afterAll(() => project.remove());

  it('reviewed where the record says so; outdated, in its sub-state, where the original changed since', async () => {
    editContent(project.root, 'res71-proposal', 'zh.md', (text) => text.replace('加强区域代表处的职能', '加强各区域代表处的职能'));
    const run = await hexaglot(project.root, ['xliff', 'export', '--doc', 'res71-proposal', '--lang', 'fr']);
    expect(run.stderr).toBe('');
    const units = run.stdout.split('<unit ').slice(1);
    const outdated = units.filter((unit) => unit.includes('subState="hexaglot:outdated"'));
    expect(outdated).toHaveLength(1);
    expect(outdated[0]).toContain('加强各区域代表处的职能');
    expect(outdated[0]).toContain('state="translated"');
    expect(outdated[0]).toContain('<note category="hexaglot" id="state">outdated</note>');
    // Every other translated unit was reviewed against the original as it is.
    const others = units.filter((unit) => unit.includes('<target') && !outdated.includes(unit));
    expect(others.length).toBeGreaterThan(40);
    for (const unit of others) expect(unit).toContain('<segment state="reviewed">');
  });

  it('a damaged record: one positioned line and no export', async () => {
    const record = path.join(project.root, 'content/res71-proposal/translation-status/ru.yaml');
    writeFileSync(record, 'reviewed:\n  - { translation: nothex, source: 0 }\n');
    const run = await hexaglot(project.root, ['xliff', 'export', '--doc', 'res71-proposal', '--lang', 'ru']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/translation-status\/ru\.yaml:2:\d+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('xliff import refuses damaged units', () => {
  const DOC = 'res71-proposal';
  const LANG = 'fr';
  /** The target line of a unit that has a footnote call, and what is on it. */
  async function footnoteTarget() {
    const { text } = await exportOf(DOC, LANG);
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.includes('<target') && line.includes('<ph id="fn-'));
    const [call] = /<ph id="fn-[^"]*"[^>]*\/>/.exec(lines[index]!)!;
    const unitId = lines
      .slice(0, index)
      .reverse()
      .map((line) => /<unit id="([^"]+)"/.exec(line)?.[1])
      .find(Boolean)!;
    const onLine = (change: (line: string) => string) => lines.map((line, i) => (i === index ? change(line) : line)).join('\n');
    return {
      text,
      line: index + 1,
      call,
      id: /id="([^"]+)"/.exec(call)![1]!,
      unitId,
      onLine,
      column: (needle: string) => lines[index]!.indexOf(needle) + 1,
    };
  }

  /** Imports `file`: every other unit comes in, this one is refused with one line per problem. */
  async function refused(file: string): Promise<string[]> {
    const run = await importOf(file, DOC, LANG, '--diff');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('no change\n');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^✗ 1 unit\(s\) of \d+ not imported; the others are\.$/);
    return lines.slice(0, -1);
  }

  it('a protected code removed', async () => {
    const t = await footnoteTarget();
    const file = damaged(t.text, 'removed-ph', () => t.onLine((line) => line.replace(t.call, '')));
    expect(await refused(file)).toEqual([
      `${file}:${t.line}:${t.column('<target')}: unit ${t.unitId}: the protected code "${t.id}" ([^${t.id.slice(3)}]) is missing from the target: copy it from the source to its place; the unit is not imported`,
    ]);
  });

  it('a protected code twice', async () => {
    const t = await footnoteTarget();
    const file = damaged(t.text, 'extra-ph', () => t.onLine((line) => line.replace(t.call, t.call + t.call)));
    const [line] = await refused(file);
    expect(line).toBe(
      `${file}:${t.line}:${t.column(t.call)}: unit ${t.unitId}: the code "${t.id}" is in the target 2 times; keep it once; the unit is not imported`,
    );
  });

  it("a code's id changed", async () => {
    const t = await footnoteTarget();
    const file = damaged(t.text, 'changed-id', () => t.onLine((line) => line.replace(`id="${t.id}"`, 'id="fn-x9"')));
    expect(await refused(file)).toEqual([
      `${file}:${t.line}:${t.column('<target')}: unit ${t.unitId}: the protected code "${t.id}" ([^${t.id.slice(3)}]) is missing from the target: copy it from the source to its place; the unit is not imported`,
      `${file}:${t.line}:${t.column(t.call)}: unit ${t.unitId}: <ph id="fn-x9"/> is not a code of this block or of its source: remove it, or copy the code from the source; the unit is not imported`,
    ]);
  });

  it('a code whose data is not in <originalData>', async () => {
    const t = await footnoteTarget();
    const file = damaged(t.text, 'unknown-data', () =>
      t.onLine((line) => line.replace(t.call, t.call.replace(/dataRef="[^"]*"/, 'dataRef="d99"'))),
    );
    expect(await refused(file)).toEqual([
      `${file}:${t.line}:${t.column(t.call)}: unit ${t.unitId}: <ph id="${t.id}"/> refers to data "d99", which <originalData> does not have: copy the code again from the source; the unit is not imported`,
    ]);
  });

  it('a pair not closed: <sc/> without its <ec/>', async () => {
    const { text } = await exportOf(DOC, LANG);
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.includes('<target') && /<pc id="del1"[^>]*>[^<]*<\/pc>/.test(line));
    const unitId = lines
      .slice(0, index)
      .reverse()
      .map((line) => /<unit id="([^"]+)"/.exec(line)?.[1])
      .find(Boolean)!;
    const file = damaged(text, 'unbalanced', () =>
      lines.map((line, i) => (i === index ? line.replace(/<pc id="del1"([^>]*)>([^<]*)<\/pc>/, '<sc id="del1"$1/>$2') : line)).join('\n'),
    );
    const column = readFileSync(file, 'utf8').split('\n')[index]!.indexOf('<sc id="del1"') + 1;
    const [line] = await refused(file);
    expect(line).toBe(
      `${file}:${index + 1}:${column}: unit ${unitId}: <sc id="del1"/> is never closed by an <ec startRef="del1"/>: copy the pair again from the source; the unit is not imported`,
    );
  });

  it('a pair written as <sc/>…<ec/> by the tool comes in like the <pc>', async () => {
    const { text } = await exportOf(DOC, LANG);
    const file = damaged(text, 'sc-ec', (t) => {
      const lines = t.split('\n');
      const index = lines.findIndex((line) => line.includes('<target') && /<pc id="del1"[^>]*>[^<]*<\/pc>/.test(line));
      lines[index] = lines[index]!.replace(
        /<pc id="del1"([^>]*)dataRefStart="(\w+)" dataRefEnd="(\w+)"([^>]*)>([^<]*)<\/pc>/,
        '<sc id="del1"$1dataRef="$2"$4/>$5<ec startRef="del1" dataRef="$3"/>',
      );
      return lines.join('\n');
    });
    const run = await importOf(file, DOC, LANG, '--diff');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('no change\n');
  });

  it('a unit that addresses no block', async () => {
    const { text } = await exportOf(DOC, LANG);
    const file = damaged(text, 'no-block', (t) => t.replace('<unit id="b0.b2"', '<unit id="b0.b999"'));
    const line = text.split('\n').findIndex((l) => l.includes('<unit id="b0.b2"')) + 1;
    expect(await refused(file)).toEqual([
      `${file}:${line}:5: unit b0.b999: no block of ${DOC} is at "b0.b999" (the original changed since the export?): export the document again; the unit is not imported`,
    ]);
  });

  it('a unit whose source is no longer the words at its place', async () => {
    const { text } = await exportOf(DOC, LANG);
    const file = damaged(text, 'other-source', (t) =>
      t.replace('<source xml:space="preserve">国际电信联盟全权代表大会', '<source xml:space="preserve">国际电信联盟全权代表'),
    );
    const line = text.split('\n').findIndex((l) => l.includes('<unit id="b0.b2"')) + 1;
    expect(await refused(file)).toEqual([
      `${file}:${line}:5: unit b0.b2: its source is not the paragraph now at this place of the original (zh.md changed since the export): export again, and let the CAT tool's translation memory carry the translation over; the unit is not imported`,
    ]);
  });

  it('a unit the tool split into segments, one left without target', async () => {
    const { text } = await exportOf(DOC, LANG);
    const file = damaged(text, 'half-translated', (t) => {
      const start = t.indexOf('<source xml:space="preserve">国际电信联盟全权代表大会');
      const end = t.indexOf('，</source>', start);
      const segmentEnd = t.indexOf('</segment>', start);
      return (
        t.slice(0, end) +
        t.slice(end + 1, segmentEnd) +
        '</segment>\n      <segment state="initial"><source xml:space="preserve">，</source></segment>' +
        t.slice(segmentEnd + '</segment>'.length)
      );
    });
    const line = text.split('\n').findIndex((l) => l.includes('<unit id="b0.b2"')) + 1;
    expect(await refused(file)).toEqual([
      `${file}:${line}:5: unit b0.b2: 1 of its 2 segments have no target: translate them all; the unit is not imported`,
    ]);
  });

  it('a file exported for another document or language', async () => {
    const { file } = await exportOf(DOC, LANG);
    const otherDoc = await importOf(file, 'res71-annex1-2028', LANG);
    expect([otherDoc.code, otherDoc.stdout]).toEqual([1, '']);
    expect(otherDoc.stderr).toBe(
      `${file}:1:1: this file was exported from ${DOC}, not res71-annex1-2028: give the --doc it was exported from\n`,
    );
    const otherLang = await importOf(file, DOC, 'ru');
    expect([otherLang.code, otherLang.stdout]).toEqual([1, '']);
    expect(otherLang.stderr).toBe(
      `${file}:1:1: this file translates zh into ${LANG}, not zh into ru: give the --lang it was exported for\n`,
    );
  });

  it('malformed XML: one line at its place, no stack trace', async () => {
    const { text } = await exportOf(DOC, LANG);
    const file = damaged(text, 'malformed', (t) => t.replace('</target>', '</targe>'));
    const run = await importOf(file, DOC, LANG);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const line = text.split('\n').findIndex((l) => l.includes('</target>')) + 1;
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: not well-formed XML: .*\n$`));
  });
});
