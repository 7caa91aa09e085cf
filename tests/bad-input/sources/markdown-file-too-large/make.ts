/** A Chinese file of more than 2 MB (a paragraph repeated). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  const file = path.join(root, 'content/tiny/zh.md');
  writeFileSync(file, readFileSync(file, 'utf8') + ':n[c)] 第三段，很长。\n\n'.repeat(70_000));
}
