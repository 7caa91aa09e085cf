/**
 * The proposals of document.yaml and the text that makes them: each fault is one line that names
 * the file, line and column of the value at fault, what is wrong and how to fix it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { copyProject } from './helpers/project.js';

const DOC = 'content/ms-proposals-example';
let project: ReturnType<typeof copyProject>;
let yaml: string;
let en: string;

beforeAll(() => {
  project = copyProject();
  yaml = readFileSync(path.join(project.root, DOC, 'document.yaml'), 'utf8');
  en = readFileSync(path.join(project.root, DOC, 'en.md'), 'utf8');
});
afterAll(() => project.remove());

/** The messages `check` gives on the English original with these sources. */
function check(yamlText: string, enText = en): string[] {
  writeFileSync(path.join(project.root, DOC, 'document.yaml'), yamlText);
  writeFileSync(path.join(project.root, DOC, 'en.md'), enText);
  const result = checkProject(project.root, { docs: ['ms-proposals-example'], langs: ['en'] });
  return formatMessages(result.files).split('\n').filter(Boolean);
}

/** `file:line:column` of the `occurrence`-th `needle` in `text`, counted by hand. */
function at(file: string, text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" not in ${file}`);
  const line = text.slice(0, index).split('\n').length;
  const column = index - text.lastIndexOf('\n', index - 1);
  return `${DOC}/${file}:${line}:${column}`;
}
const inYaml = (text: string, needle: string, occurrence = 1) => at('document.yaml', text, needle, occurrence);
const inEn = (text: string, needle: string, occurrence = 1) => at('en.md', text, needle, occurrence);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One message, at its place, with what is wrong and how to fix it. */
function expectOne(messages: string[], place: string, problem: RegExp, fix: RegExp): void {
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatch(new RegExp(`^${escape(place)}: error: `));
  expect(messages[0]).toMatch(problem);
  expect(messages[0]).toMatch(fix);
}

describe('proposals in document.yaml', () => {
  it('the example passes as it is', () => {
    expect(check(yaml)).toEqual([]);
  });

  it('reports an unknown key at the key', () => {
    const bad = yaml.replace('      title: officialLanguages', '      title: officialLanguages\n      colour: red');
    expectOne(
      check(bad),
      inYaml(bad, 'colour'),
      /Invalid document metadata: "proposals\.1\.resolution": Unrecognized key: "colour"/,
      /Remove or rename "colour"/,
    );
  });

  it('reports a draft number left out of quotes, which YAML reads as a list', () => {
    const bad = yaml.replace("number: '[XXX]'", 'number: [XXX]');
    expectOne(
      check(bad),
      inYaml(bad, '[XXX]'),
      /"proposals\.0\.resolution\.number": expected a resolution number such as 154, or a draft number such as "\[XXX\]"/,
      /a draft number in quotes \(number: "\[XXX\]"\)/,
    );
  });

  it('reports a value of the wrong type at the value', () => {
    const bad = yaml.replace('{ place: dubai, year: 2018 }', '{ place: dubai, year: twenty-eighteen }');
    expectOne(
      check(bad),
      inYaml(bad, 'twenty-eighteen'),
      /"proposals\.1\.resolution\.revisions\.0\.year": Invalid input: expected number, received string/,
      /Give a value of type number/,
    );
  });

  it('reports a revision history on a draft new resolution, and none on a numbered one', () => {
    const draft = yaml.replace(/number: '\[XXX\]'.*\n/, "number: '[XXX]'\n      revisions: [{ place: dubai, year: 2018 }]\n");
    expectOne(
      check(draft),
      inYaml(draft, '[{ place: dubai'),
      /"proposals\.0\.resolution\.revisions": the draft new resolution \[XXX\] has no revision history/,
      /Remove "revisions": a new resolution is dated with the place and year of the conference/,
    );
    const numbered = yaml.replace(/(title: documentsAndPublications\n)\s+revisions:\n.*\n/, '$1');
    expectOne(
      check(numbered),
      inYaml(numbered, '66\n'),
      /"proposals\.2\.resolution\.number": Resolution 66 has no revision history/,
      /Add "revisions: \[\{ place: dubai, year: 2018 \}\]"/,
    );
  });

  it('reports a proposal declared twice at the second declaration', () => {
    const bad = yaml.replace('- id: MS/61/3', '- id: MS/61/2');
    expectOne(
      check(bad),
      inYaml(bad, 'MS/61/2', 2),
      /"proposals\.2\.id": proposal MS\/61\/2 is declared twice \(first as item 2\)/,
      /Declare each proposal once/,
    );
  });

  it('takes a base edition that is a document of the project, and reports one that is not', () => {
    const based = (base: string) => yaml.replace('      title: officialLanguages', `      title: officialLanguages\n      base: ${base}`);
    mkdirSync(path.join(project.root, 'content/res154-dubai-2018'), { recursive: true });
    writeFileSync(path.join(project.root, 'content/res154-dubai-2018/document.yaml'), 'type: resolution\n');
    expect(check(based('res154-dubai-2018'))).toEqual([]);
    const missing = based('res154-busan-2014');
    expectOne(
      check(missing),
      inYaml(missing, 'res154-busan-2014'),
      /The base edition "res154-busan-2014" of Resolution 154 is not a document \(no content\/res154-busan-2014\/document\.yaml\)/,
      /Name one of: .*res154-dubai-2018.*; or add the text in force as content\/res154-busan-2014\//,
    );
    const itself = based('ms-proposals-example');
    expectOne(
      check(itself),
      inYaml(itself, 'ms-proposals-example'),
      /The base edition of Resolution 154 is this document itself/,
      /Name the document that holds the text in force/,
    );
  });
});

describe('proposals declared and proposals made', () => {
  it('reports a declared proposal the text never makes, at its line in document.yaml', () => {
    const bad = yaml.replace('revisionAuthor:', "  - id: MS/61/4\n    resolution: { number: '[YYY]' }\nrevisionAuthor:");
    expectOne(
      check(bad),
      inYaml(bad, 'MS/61/4'),
      /Proposal "MS\/61\/4" is declared but en\.md makes no proposal MS\/61\/4/,
      /Add `::::proposal\{action=… id=MS\/61\/4\}` to en\.md, or remove the entry from "proposals"/,
    );
  });

  it('reports a proposal the text makes but document.yaml does not declare, and the declared one left unmade', () => {
    const text = en.replace('id=MS/61/3', 'id=MS/61/9');
    const messages = check(yaml, text);
    expect(messages).toHaveLength(2);
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`^${escape(inYaml(yaml, 'MS/61/3'))}: error: Proposal "MS/61/3" is declared`)),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${escape(inEn(text, '::::proposal{action=SUP'))}: error: Proposal "MS/61/9" is not listed in document.yaml. Add it under "proposals"`,
        ),
      ),
    );
  });

  it('reports a proposal made twice at the second one', () => {
    const sup = en.slice(en.indexOf('::::proposal{action=SUP'));
    const text = `${en.trimEnd()}\n\n${sup}`;
    expectOne(
      check(yaml, text),
      inEn(text, '::::proposal{action=SUP', 2),
      new RegExp(
        `Proposal "MS/61/3" is made twice \\(first at line ${inEn(text, '::::proposal{action=SUP').split(':').slice(1).join(':')}\\)`,
      ),
      /Give each proposal its own identifier/,
    );
  });
});

describe('the resolution a title names', () => {
  it('reports a title that names another resolution than its proposal', () => {
    const text = en.replace('::resolution-title{resolution=154}', '::resolution-title{resolution=66}');
    expectOne(
      check(yaml, text),
      inEn(text, '::resolution-title{resolution=66}'),
      /The title names Resolution 66, but proposal MS\/61\/2 is on Resolution 154 in document\.yaml/,
      /Write `::resolution-title\{resolution=154\}`, or correct the resolution of MS\/61\/2 in document\.yaml/,
    );
  });

  it('reports a title naming a resolution document.yaml does not declare', () => {
    const bare = yaml.replace(/ {2}- id: MS\/61\/3\n( {4,}.*\n)*/, '  - MS/61/3\n');
    const text = en.replace('::resolution-title{resolution=66}', '::resolution-title{resolution=67}');
    expectOne(
      check(bare, text),
      inEn(text, '::resolution-title{resolution=67}'),
      /Resolution 67 is not declared in document\.yaml/,
      /Declare it under proposal MS\/61\/3 in document\.yaml: `resolution: \{number: 67, revisions: \[\{place: dubai, year: 2018\}\]\}`/,
    );
  });

  it('reports an action that does not fit the resolution: ADD of a numbered one, SUP of a draft, MOD without a proposed revision', () => {
    const add = en.replace('action=MOD id=MS/61/2', 'action=ADD id=MS/61/2');
    expectOne(
      check(yaml, add),
      inEn(add, '::resolution-title{resolution=154}'),
      /ADD of Resolution 154: a new resolution has no number yet/,
      /Give it a draft number in document\.yaml \(number: "\[XXX\]"\), or make the proposal MOD/,
    );
    const sup = en.replace('action=ADD id=MS/61/1', 'action=SUP id=MS/61/1');
    expectOne(
      check(yaml, sup),
      inEn(sup, '::resolution-title{resolution="[XXX]"}'),
      /SUP of the draft resolution \[XXX\]: a resolution with a draft number can only be added/,
      /Make the proposal `action=ADD`/,
    );
    const mod = en.replace('action=SUP id=MS/61/3', 'action=MOD id=MS/61/3');
    expectOne(
      check(yaml, mod),
      inEn(mod, '::resolution-title{resolution=66}'),
      /MOD of Resolution 66 gives no proposed revision/,
      /List the proposed revision after the one in force under "revisions" in document\.yaml/,
    );
  });

  it('reports a resolution name missing from the locales at the title that prints it', () => {
    const bad = yaml.replace('title: officialLanguages', 'title: sixLanguages');
    expectOne(
      check(bad),
      inEn(en, '::resolution-title{resolution=154}'),
      /Missing locale key "resolutionNames\.sixLanguages" for language "en"/,
      /Add "resolutionNames\.sixLanguages" to .*locales\/en\/common\.json/,
    );
  });
});
