import { defineConfig } from 'vitest/config';

// Whole builds (every document, language and format) run in a few seconds alone, longer beside the
// other test files on two cores: tests that build get room, speed goals live in bench/.
export default defineConfig({
  test: { testTimeout: 180_000, hookTimeout: 300_000, globalSetup: ['tests/setup/compile.ts'] },
});
