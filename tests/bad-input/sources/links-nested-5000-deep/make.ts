/** 5,000 links, one inside the other. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () => `:n[b)] ${'['.repeat(5000)}深${'](https://www.itu.int)'.repeat(5000)}`),
  );
}
