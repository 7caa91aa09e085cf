/**
 * A model written back as the dialect: what `hexaglot readings` prints, and what a computed
 * redline or renumbering writes in place of a source. Reading the text gives back the same model.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import { directiveToMarkdown } from 'mdast-util-directive';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { stringify } from 'yaml';
import { revisionMarksToMarkdown } from '../../parse/revision-marks/mdast.js';
import type { ModelDocument } from '../../model/types.js';
import { documentTree } from './to-mdast.js';

export function toDialect(doc: ModelDocument): string {
  const frontMatter = stringify(doc.front, { lineWidth: 0 }).trimEnd();
  return toMarkdown(documentTree(doc, frontMatter), {
    extensions: [
      frontmatterToMarkdown(['yaml']),
      gfmToMarkdown(),
      directiveToMarkdown({ preferUnquoted: true }),
      revisionMarksToMarkdown(),
      // micromark-extension-directive reads `:` then a tab as a directive named after the tab.
      { unsafe: [{ character: ':', after: '\\t', inConstruct: 'phrasing' }] },
    ],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
    fences: true,
  });
}
