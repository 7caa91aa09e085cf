import { defineConfig } from 'vitest/config';

// Whole builds (every document, language and format) run in a few seconds alone, longer beside the
// other test files on two cores: tests that build get room, speed goals live in bench/.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Compiled first (for the tests that start the real process), then the corpus built once for every test that reads outputs.
    globalSetup: ['tests/setup/compile.ts', 'tests/setup/corpus.ts'],
    // Processes, not threads: the in-process CLI runs in the project copy's folder (process.chdir).
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine, while
    // most of a test's time is this process's own work. Two workers keep both cores busy.
    maxWorkers: 2,
  },
});
