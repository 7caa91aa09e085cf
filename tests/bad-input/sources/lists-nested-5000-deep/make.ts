/** 5,000 lists, one inside the other, on one line. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () => `${'- '.repeat(5000)}深`),
  );
}
