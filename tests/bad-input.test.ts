/**
 * Bad input of every kind gets one positioned line, `file:line:column: error: what. how [hexaglot:rule]`,
 * exit 1, never a stack trace, a hang or a touched out/. The cases are folders under tests/bad-input/
 * (see tests/helpers/bad-input.ts); a new kind of bad input is a new folder.
 */
import { describe, expect, it } from 'vitest';
import {
  checkInProcess,
  loadCases,
  projectFor,
  runCli,
  runMain,
  seedOut,
  snapshotOut,
  type BadInputCase,
  type Outcome,
} from './helpers/bad-input.js';

const cases = loadCases();

async function run(testCase: BadInputCase, root: string): Promise<Outcome> {
  const via = testCase.via ?? (testCase.command === 'build' ? 'main' : 'api');
  if (via === 'api') return checkInProcess(root, testCase.docs);
  return (via === 'main' ? runMain : runCli)(root, testCase.command, testCase.docs, testCase.args);
}

describe('bad input', () => {
  it('starts from a document that passes check', async () => {
    const project = await projectFor(undefined);
    try {
      expect(checkInProcess(project.root, ['tiny']).messages).toEqual([]);
    } finally {
      project.remove();
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const project = await projectFor(testCase);
    try {
      seedOut(project.root);
      const before = snapshotOut(project.root);
      const started = Date.now();
      const outcome = await run(testCase, project.root);
      expect(Date.now() - started, 'no input may take 10 s').toBeLessThan(10_000);
      const { where, rule, says } = testCase.expect;
      expect(outcome.messages, testCase.about).toHaveLength(1);
      const [message] = outcome.messages as [string];
      expect(message.startsWith(`${where}: error: `), message).toBe(true);
      expect(message.endsWith(`[hexaglot:${rule}]`), message).toBe(true);
      if (says) expect(message).toContain(says);
      expect(outcome.exit).toBe(testCase.exit);
      expect(outcome.stray, 'nothing but the message and the summary line').toEqual([]);
      expect(snapshotOut(project.root)).toEqual(before);
    } finally {
      project.remove();
    }
  });
});
