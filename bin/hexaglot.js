#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run compile`, which `npm ci` runs); from a checkout
// that has not been compiled, runs the TypeScript sources through tsx's loader instead.
import { existsSync } from 'node:fs';
import module from 'node:module';

// A reader that stops early (`hexaglot check --brackets | head`) closes the pipe: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

// V8 keeps the code it compiled on disk (in the system's temporary folder) for the next start.
module.enableCompileCache?.();

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../scripts/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
