/** 5,000 insertions, one inside the other. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () => `:n[b)] ${'{++'.repeat(5000)}深${'++}'.repeat(5000)}`),
  );
}
