/**
 * Bare addresses in running text: a link ends where Chinese text or
 * full-width punctuation begins, and before a footnote call, while GFM's
 * endings (whitespace, trailing punctuation, balanced brackets) still hold.
 */
import { describe, expect, it } from 'vitest';
import type { Link, Paragraph, PhrasingContent } from 'mdast';
import { createMarkdownReader } from '../scripts/parse/processor.js';

const reader = createMarkdownReader();

/** The paragraph's content as text with every link written `<url|text>`, and a footnote call as `^id`. */
function linked(markdown: string): string {
  const paragraph = reader.parse(markdown).children[0] as Paragraph;
  const show = (node: PhrasingContent): string => {
    if (node.type === 'link') return `<${(node as Link).url}|${node.children.map(show).join('')}>`;
    if (node.type === 'footnoteReference') return `^${node.identifier}`;
    if ('children' in node) return node.children.map(show).join('');
    return 'value' in node ? node.value : '';
  };
  return paragraph.children.map(show).join('');
}

describe('bare addresses', () => {
  it('end where Chinese text begins, leaving the rest of the sentence as text', () => {
    expect(linked('材料见https://www.itu.int/md/S22-CL-C/zh查阅，另见报告。')).toBe(
      '材料见<https://www.itu.int/md/S22-CL-C/zh|https://www.itu.int/md/S22-CL-C/zh>查阅，另见报告。',
    );
  });

  it('end at full-width punctuation and Chinese quotation marks', () => {
    expect(linked('见（https://itu.int/b）和“www.itu.int/c”。')).toBe(
      '见（<https://itu.int/b|https://itu.int/b>）和“<http://www.itu.int/c|www.itu.int/c>”。',
    );
  });

  it('end before a footnote call, which stays a call', () => {
    expect(linked('链接https://itu.int/a[^1]在此。\n\n[^1]: 注。')).toBe('链接<https://itu.int/a|https://itu.int/a>^1在此。');
  });

  it('keep emphasis around them', () => {
    expect(linked('**见https://x.org/a**。')).toBe('见<https://x.org/a|https://x.org/a>。');
    const strong = (reader.parse('**见https://x.org/a**。').children[0] as Paragraph).children[0]!;
    expect(strong.type).toBe('strong');
  });

  it('still end as GFM ends them in Latin text', () => {
    expect(linked('See https://itu.int/x, www.itu.int/y. (https://en.wikipedia.org/wiki/A_(b)) https://x.org/a[b]c')).toBe(
      'See <https://itu.int/x|https://itu.int/x>, <http://www.itu.int/y|www.itu.int/y>. ' +
        '(<https://en.wikipedia.org/wiki/A_(b)|https://en.wikipedia.org/wiki/A_(b)>) <https://x.org/a[b]c|https://x.org/a[b]c>',
    );
  });

  it('are not links inside a word or inside the text of a link', () => {
    expect(linked('xhttps://itu.int and [see https://x.org](https://y.org)')).toBe(
      'xhttps://itu.int and <https://y.org|see https://x.org>',
    );
  });
});
