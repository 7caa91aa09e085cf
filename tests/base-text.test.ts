import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../scripts/cli/pipeline.js';
import { formatMessages } from '../scripts/diagnostics/report.js';
import { copyProject } from './helpers/project.js';

let project: ReturnType<typeof copyProject>;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project.remove());

const proposal = (lang: string) => path.join(project.root, `content/res71-proposal/${lang}.md`);

/** The base-text messages of the proposal after `edit` of one language file (undone afterwards). */
function baseMessages(lang: string, edit: (text: string) => string, file = proposal(lang)): string[] {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, edit(original));
  try {
    const result = checkProject(project.root, { docs: ['res71-proposal'] });
    return formatMessages(result.files)
      .split('\n')
      .filter((line) => line.includes('[hexaglot:base-text]'));
  } finally {
    writeFileSync(file, original);
  }
}

describe('marks checked against the text in force', () => {
  it('finds every language of the proposal, rejected, equal to Resolution 71 (Rev. Dubai, 2018)', () => {
    expect(baseMessages('en', (text) => text)).toEqual([]);
  });

  it('reports words changed without a mark, in the proposal and the text in force', () => {
    const [message, ...rest] = baseMessages('en', (text) => text.replace('{--71/243--}{++75/233++}', '75/233'));
    expect(rest).toEqual([]);
    expect(message).toMatch(
      /^content\/res71-proposal\/en\.md:43:1: error: With every change rejected, this passage reads «.*75\/233.*» where the text in force \(content\/res71-2018\/en\.md:27:1\) reads «.*71\/243.*»/,
    );
  });

  it('reports call words marked the wrong way round (the 2018 word is welcoming)', () => {
    const messages = baseMessages('fr', (text) =>
      text.replace(
        '{--:call{key=welcoming}--}{++:call{key=consideringFurther}++}',
        '{++:call{key=welcoming}++}{--:call{key=consideringFurther}--}',
      ),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/fr\.md:41:1: .*reads «.*» where the text in force \(content\/res71-2018\/fr\.md:25:1\)/);
  });

  it('reports a deleted paragraph left out, and a new one not marked as inserted', () => {
    // The last of the deleted paragraphs, so that the series a) b) c) still runs on without it.
    const lacking = baseMessages('en', (text) => text.replace(/\{--:n\[d\)\] Resolution 72[^\n]*--\}\n\n/, ''));
    expect(lacking).toHaveLength(1);
    expect(lacking[0]).toMatch(
      /The text in force has a passage \(content\/res71-2018\/en\.md:23:1\) that the rejected reading lacks here: «d\) Resolution 72/,
    );
    const extra = baseMessages('en', (text) =>
      text.replace('\n:call{key=noting}\n', '\nA new paragraph without its mark.\n\n:call{key=noting}\n'),
    );
    expect(extra).toHaveLength(1);
    expect(extra[0]).toMatch(
      /this passage is still here, but the text in force \(content\/res71-2018\/en\.md\) has no such passage: «A new paragraph/,
    );
  });

  it('reports a base that is not a document, in document.yaml', () => {
    const yaml = path.join(project.root, 'content/res71-proposal/document.yaml');
    const result = (() => {
      const original = readFileSync(yaml, 'utf8');
      writeFileSync(yaml, original.replace('base: res71-2018', 'base: res71-1865'));
      try {
        return formatMessages(checkProject(project.root, { docs: ['res71-proposal'] }).files);
      } finally {
        writeFileSync(yaml, original);
      }
    })();
    expect(result).toMatch(
      /document\.yaml:\d+:1: error: The base "res71-1865" is not another document under content\/\. Name one of .*res71-2018/,
    );
  });
});
