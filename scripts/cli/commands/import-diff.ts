/**
 * What an imported text changes against the current one, block by block (blocks are the dialect's,
 * separated by blank lines; both texts are printed by the same writer, so an unchanged block is
 * the same text): `-` the current block, `+` the imported one, with the current line it is at.
 */
export function blockDiff(before: string, after: string, name: string): string {
  const old = blocksOf(before);
  const next = blocksOf(after);
  // Longest common subsequence of whole blocks.
  const table = Array.from({ length: old.length + 1 }, () => new Array<number>(next.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i--)
    for (let j = next.length - 1; j >= 0; j--)
      table[i]![j] = old[i]!.text === next[j]!.text ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: string[] = [];
  let changed = 0;
  let i = 0;
  let j = 0;
  // A block put in place of removed ones is shown at the line of the first removed.
  let replaced: number | undefined;
  const line = () => replaced ?? old[i]?.line ?? (old.at(-1)?.line ?? 0) + 1;
  while (i < old.length || j < next.length) {
    if (i < old.length && j < next.length && old[i]!.text === next[j]!.text) {
      replaced = undefined;
      i++;
      j++;
    } else if (i < old.length && (j === next.length || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      out.push(`${name}:${old[i]!.line}: -\n${indent(old[i]!.text, '- ')}`);
      replaced ??= old[i]!.line;
      changed++;
      i++;
    } else {
      out.push(`${name}:${line()}: +\n${indent(next[j]!.text, '+ ')}`);
      changed++;
      j++;
    }
  }
  return out.length ? `${out.join('\n')}\n${changed} block(s) changed\n` : 'no change\n';
}

function blocksOf(text: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  let lines: string[] = [];
  let start = 1;
  text.split('\n').forEach((content, index) => {
    if (content.trim() === '') {
      if (lines.length) blocks.push({ text: lines.join('\n'), line: start });
      lines = [];
    } else {
      if (!lines.length) start = index + 1;
      lines.push(content);
    }
  });
  if (lines.length) blocks.push({ text: lines.join('\n'), line: start });
  return blocks;
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
