/**
 * The one Markdown reader: CommonMark + GFM (footnotes, pipe tables) + directives
 * + YAML front matter + grid tables + CJK-friendly emphasis + revision marks
 * + literal autolinks that end where Chinese text begins.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGridTables from '@adobe/remark-gridtables';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import remarkRevisionMarks from './revision-marks/index.js';
import { footnoteCalls } from './footnote-calls.js';
import { autolinkLiterals } from './autolink-literal.js';

function remarkCjkFriendly(this: Processor): undefined {
  (this.data().micromarkExtensions ??= []).push(cjkFriendlyExtension());
}

function remarkFootnoteCalls(this: Processor): undefined {
  (this.data().micromarkExtensions ??= []).push(footnoteCalls);
}

/** Literal autolinks that end where Chinese text begins (tried before GFM's, which end only at whitespace). */
function remarkAutolinkLiterals(this: Processor): undefined {
  (this.data().micromarkExtensions ??= []).push(autolinkLiterals);
}

export function createMarkdownReader() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkGridTables)
    .use(remarkCjkFriendly)
    .use(remarkRevisionMarks)
    .use(remarkFootnoteCalls)
    .use(remarkAutolinkLiterals);
}
