/** 300 lists nested by indentation, each item two columns further in. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () =>
      Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- 深`).join('\n'),
    ),
  );
}
