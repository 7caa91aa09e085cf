/** document.yaml with a flow list nested 100,000 deep. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/document.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('proposals: [CL/39A4/1]', () => `proposals: ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  );
}
