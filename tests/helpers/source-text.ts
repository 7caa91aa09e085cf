/** Whether every text of a Markdown source reaches a page: each text node of the source, in order, in the page's text. */
import type { Root as MdastRoot } from 'mdast';
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { createMarkdownReader } from '../../scripts/parse/processor.js';

const reader = createMarkdownReader();
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

function textContent(node: HastNodes | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textContent(child)).join('') : '';
}

/** The first text of `source` (editors' comments and front matter aside) missing from the page's body, in order; undefined when none is. */
export function missingSourceText(source: string, page: HastRoot): { text: string; after: number } | undefined {
  const tree = reader.parse(source) as MdastRoot;
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'editorComment' || node.type === 'yaml') return 'skip';
    if (node.type === 'text') texts.push(normalize(node.value));
    return undefined;
  });
  // The text as written (textContent, not the rendered innerText, which costs more and says no more here).
  const html = normalize(textContent(select('body', page)));
  let from = 0;
  for (const text of texts.filter(Boolean)) {
    const at = html.indexOf(text, from);
    if (at < 0) return { text, after: from };
    from = at + text.length;
  }
  return undefined;
}
