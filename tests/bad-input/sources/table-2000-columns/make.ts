/** A pipe table of 2,000 columns. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () =>
      [`|${' 甲 |'.repeat(2000)}`, `|${'---|'.repeat(2000)}`, `|${' 乙 |'.repeat(2000)}`].join('\n'),
    ),
  );
}
