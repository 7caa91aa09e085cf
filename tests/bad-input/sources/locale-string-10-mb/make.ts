/** A French locale word of 10 MB. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'locales/fr/common.json');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('"considérant"', () => `"${'considérant '.repeat(900_000)}"`),
  );
}
