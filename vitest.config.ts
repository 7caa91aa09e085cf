import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that replace a module of scripts/ (vi.mock): each needs a module graph of its own. */
const MOCKING = ['tests/line-layout.test.ts'];

// Whole builds (every document, language and format) run in a few seconds alone, longer beside the
// other test files on two cores: tests that build get room, speed goals live in bench/.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Processes, not threads: the in-process CLI runs in the project copy's folder (process.chdir).
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a two-core machine, where a test's
    // time is mostly its own process's work. Two keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'hexaglot',
          exclude: [...configDefaults.exclude, ...MOCKING],
          // Compiled first (for the tests that start the real process), then the corpus built once
          // for every test that reads outputs.
          globalSetup: ['tests/setup/compile.ts', 'tests/setup/corpus.ts'],
          // The files of a worker share its modules: scripts/, its dependencies and fonts are loaded
          // once per worker, not once per file, and the corpus is checked once per worker
          // (tests/helpers/corpus.ts). scripts/ keeps no state but caches keyed by file and time.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
