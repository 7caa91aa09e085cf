/** An empty Chinese file. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export default function make(root: string): void {
  writeFileSync(path.join(root, 'content/tiny/zh.md'), '');
}
