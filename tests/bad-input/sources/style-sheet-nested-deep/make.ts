/** styles.json with a value nested 100,000 deep. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'templates/styles.json');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('"italic": ["latin", "cyrillic"]', () => `"italic": ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  );
}
