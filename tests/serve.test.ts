/**
 * `hexaglot serve` as a process: the build, then out/ served on localhost; a save writes the saved
 * page first and the server tells the open pages which files were written (the live reload itself,
 * in Chromium, is tested with the server alone in preview-server.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/build.js';
import { copyProject } from './helpers/project.js';

const bin = path.join(repoRoot, 'bin/hexaglot.js');
let project: ReturnType<typeof copyProject>;
let child: ChildProcess;
let output = '';

async function seen(pattern: RegExp, from = 0): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(output.slice(from));
    if (match) return match;
    if (child.exitCode !== null) throw new Error(`hexaglot serve exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  project = copyProject();
  child = spawn(
    process.execPath,
    [bin, 'serve', '--root', project.root, '--doc', 'res71-proposal', '--lang', 'en', '--format', 'html', '--port', '0'],
    { cwd: project.root },
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await seen(/Watching/);
});
afterAll(() => {
  child.kill();
  project.remove();
});

describe('hexaglot serve', () => {
  it('serves the build on the loopback address, with the reload script added to each page', async () => {
    const [, url] = await seen(/Serving out\/ at (http:\/\/127\.0\.0\.1:\d+\/) \(this machine only\)/);
    const index = await (await fetch(url!)).text();
    expect(index).toContain('href="/res71-proposal/PP22-39-A4-E.html"');
    const page = await (await fetch(new URL('res71-proposal/PP22-39-A4-E.html', url))).text();
    expect(page).toContain('<script>');
    expect(page.replace(/<script>[\s\S]*?<\/script>/, '')).not.toContain('<script');
    // On disk, the page has no script.
    expect(readFileSync(path.join(project.root, 'out/res71-proposal/PP22-39-A4-E.html'), 'utf8')).not.toContain('<script');
  });

  it('writes the saved page first, then builds, and names the page written to the pages open', async () => {
    const [, url] = await seen(/Serving out\/ at (\S+) /);
    const events = await fetch(new URL('__hexaglot/events', url));
    const reader = events.body!.getReader();
    let received = '';
    const from = output.length;
    const source = path.join(project.root, 'content/res71-proposal/en.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('resolves to strengthen', 'resolves to reinforce'));
    await seen(/preview: \S*PP22-39-A4-E\.html written \d+ ms after the save\n/, from);
    while (!received.includes('event: reload')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toMatch(/event: reload\ndata: \[[^\]]*"\/res71-proposal\/PP22-39-A4-E\.html"/);
    await seen(/build done \d+ ms after the save\n/, from);
    await reader.cancel();
    expect(readFileSync(path.join(project.root, 'out/res71-proposal/PP22-39-A4-E.html'), 'utf8')).toContain('reinforce');
  });
});
