/** 40 container directives, one inside the other. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':n[b)] 第二段。', () =>
      [
        ...Array.from({ length: 40 }, (_, depth) => `${':'.repeat(44 - depth)}part{key=purpose}`),
        '深',
        ...Array.from({ length: 40 }, (_, depth) => ':'.repeat(5 + depth)),
      ].join('\n\n'),
    ),
  );
}
