import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/build.js';
import { hexaglot as run } from './helpers/cli.js';
import { copyProject } from './helpers/project.js';

/** `hexaglot <args> --root <root>` in this process, from the repository's folder. */
const hexaglot = (root: string, ...args: string[]) => run(repoRoot, [...args, '--root', root]);

describe('hexaglot readings', () => {
  it('prints the accepted reading by default and the rejected one on request, as clean dialect', async () => {
    const accepted = await hexaglot(repoRoot, 'readings', '--doc', 'res71-proposal', '--lang', 'en');
    const rejected = await hexaglot(repoRoot, 'readings', '--doc', 'res71-proposal', '--lang', 'en', '--rejected');
    expect([accepted.code, rejected.code]).toEqual([0, 0]);
    for (const text of [accepted.stdout, rejected.stdout]) {
      expect(text).toMatch(/^---\nlang: en\n/);
      expect(text).not.toMatch(/\{\+\+|\{--|--\}|\+\+\}/);
    }
    expect(accepted.stdout).toContain('The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),');
    expect(rejected.stdout).toContain('The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),');
    expect(accepted.stdout).toContain('::resolution-title{#_Toc536018272 reading=accepted}');
    expect(rejected.stdout).toContain(':n[b)] Article 19 of the Convention');
    expect(accepted.stdout).not.toContain('Article 19 of the Convention');
  });

  it('reports a problem in the sources with file:line:column and exits 1; wrong usage exits 2', async () => {
    const project = copyProject();
    try {
      appendFileSync(path.join(project.root, 'content/res71-proposal/en.md'), '\nan {++unclosed insertion\n');
      const broken = await hexaglot(project.root, 'readings', '--doc', 'res71-proposal', '--lang', 'en');
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toMatch(/content\/res71-proposal\/en\.md:\d+:4: error: .*insertion/);
    } finally {
      project.remove();
    }
    const both = await hexaglot(repoRoot, 'readings', '--doc', 'res71-proposal', '--lang', 'en', '--accepted', '--rejected');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --accepted or --rejected, not both');
    expect((await hexaglot(repoRoot, 'readings', '--doc', 'res71-proposal', '--lang', 'xx')).code).toBe(2);
    expect((await hexaglot(repoRoot, 'readings', '--doc', 'no-such-doc', '--lang', 'en')).code).toBe(2);
  });
});
