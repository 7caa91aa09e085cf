/** A list table whose one row has 2,000 cells. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(':::table[输入]{#tab-input}\n- - 甲\n  - 乙\n- - 丙\n  - 丁\n:::', () =>
      [':::table', '- - 甲', ...Array.from({ length: 1999 }, () => '  - 乙'), ':::'].join('\n'),
    ),
  );
}
