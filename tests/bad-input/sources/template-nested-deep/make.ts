/** A frame template with {{#if}} nested 10,000 deep. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'templates/frames/proposal.hbs');
  writeFileSync(file, `${'{{#if title}}'.repeat(10_000)}${'{{/if}}'.repeat(10_000)}\n${readFileSync(file, 'utf8')}`);
}
