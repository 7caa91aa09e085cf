/** mdast phrasing content → model inline nodes. */
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { BuildContext } from './context.js';
import type { BlockChange, InlineNode } from './types.js';
import type { FootnoteNumbering } from './footnotes.js';
import { formatFigure } from './data.js';
import { checkDirective } from './directives.js';
import { LINK_SCHEMES, isAllowedLink } from './link-schemes.js';

const STRAY_FIX: Record<string, string> = {
  insertion: 'Close the insertion with `++}` (or escape the braces as `\\{++`)',
  deletion: 'Close the deletion with `--}` (or escape the braces as `\\{--`)',
  substitution: 'Write a substitution as `{~~old~>new~~}`',
  comment: 'Close the comment with `<<}`',
};
const OPENERS: Record<string, string> = { insertion: '{++', deletion: '{--', substitution: '{~~', comment: '{>>' };

export interface InlineOptions {
  /** Text directives allowed here besides `anchor` (`call` in call-word lines). */
  allow?: ReadonlySet<string>;
}

export function buildInlines(
  nodes: readonly PhrasingContent[],
  ctx: BuildContext,
  footnotes: FootnoteNumbering,
  options: InlineOptions = {},
): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const built = buildInline(node, ctx, footnotes, options);
    if (built) out.push(...built);
  }
  return out;
}

function buildInline(
  node: PhrasingContent,
  ctx: BuildContext,
  footnotes: FootnoteNumbering,
  options: InlineOptions,
): InlineNode[] | undefined {
  const position = ctx.place(node.position);
  const children = (list: readonly PhrasingContent[]) => buildInlines(list, ctx, footnotes, options);
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value, position }];
    case 'emphasis':
      return [{ type: 'emphasis', children: children(node.children), position }];
    case 'strong':
      return [{ type: 'strong', children: children(node.children), position }];
    case 'link':
      if (!isAllowedLink(node.url)) {
        ctx.error(
          node.position,
          `A link to "${excerpt(node.url)}" is not allowed: a link leads to a web page or an e-mail address`,
          `Link to an address that starts with ${LINK_SCHEMES.map((scheme) => `${scheme}:`).join(', ')}, or write the text without a link`,
          'link-scheme',
        );
        return children(node.children);
      }
      return [{ type: 'link', url: node.url, children: children(node.children), position }];
    case 'break':
      return [{ type: 'break', position }];
    case 'insertion':
      return [{ type: 'insertion', children: children(node.children), position }];
    case 'deletion':
      return [{ type: 'deletion', children: children(node.children), position }];
    case 'substitution': {
      const [oldPart, newPart] = node.children;
      return [
        { type: 'deletion', children: children(oldPart.children), position: oldPart.position },
        { type: 'insertion', children: children(newPart.children), position: newPart.position },
      ];
    }
    case 'editorComment':
      return [{ type: 'editorComment', children: children(node.children), position }];
    case 'footnoteReference':
      return [{ type: 'footnoteReference', id: node.identifier, number: footnotes.reference(node.identifier, node.position), position }];
    case 'revisionMarkStray':
      reportStray(node, ctx);
      // Kept as text: the build fails, but the model never loses a character.
      return [{ type: 'text', value: node.value, position }];
    case 'textDirective':
      return buildTextDirective(node, ctx, options);
    case 'delete':
      ctx.error(
        node.position,
        'GFM strikethrough `~~text~~` is not a revision mark',
        'Write a deletion as `{--text--}`',
        'unsupported-syntax',
      );
      return [{ type: 'deletion', children: children(node.children), position }];
    case 'inlineCode':
      ctx.error(
        node.position,
        'Inline code is not part of the dialect',
        'Write the text plainly, or escape the backticks as \\`',
        'unsupported-syntax',
      );
      return [{ type: 'text', value: node.value, position }];
    case 'html':
      ctx.error(
        node.position,
        'Raw HTML is not part of the dialect',
        "Use the dialect's constructs (see docs/dialect.md) or escape `<` as `\\<`",
        'unsupported-syntax',
      );
      return [{ type: 'text', value: node.value, position }];
    case 'image':
    case 'imageReference':
      ctx.error(
        node.position,
        'Inline images are not part of the dialect',
        'Use a figure: `::figure[Caption]{src=file.png alt="…"}` on its own line',
        'unsupported-syntax',
      );
      return [{ type: 'text', value: node.alt ?? '', position }];
    case 'linkReference':
      ctx.error(
        node.position,
        `Reference link "[${node.label ?? ''}]" is not part of the dialect`,
        'Write the link inline as `[text](url)`; plain square brackets are kept as text',
        'unsupported-syntax',
      );
      return children(node.children);
    default:
      ctx.error(
        (node as { position?: never }).position,
        `Unsupported inline construct "${(node as { type: string }).type}"`,
        'See docs/dialect.md for what the dialect supports',
        'unsupported-syntax',
      );
      return undefined;
  }
}

function reportStray(node: Extract<PhrasingContent, { type: 'revisionMarkStray' }>, ctx: BuildContext) {
  const name = node.kind === 'comment' ? "editor's comment" : node.kind;
  switch (node.problem) {
    case 'unclosed':
      ctx.error(node.position, `Unclosed ${name} \`${node.value}\``, STRAY_FIX[node.kind]!, 'unbalanced-revision-mark');
      break;
    case 'unopened':
      ctx.error(
        node.position,
        `\`${node.value}\` closes a ${name} that was never opened`,
        `Open it with \`${OPENERS[node.kind]}\`, or remove the stray marker`,
        'unbalanced-revision-mark',
      );
      break;
    case 'misnested':
      ctx.error(
        node.position,
        `Wrongly nested revision mark \`${node.value}\``,
        'Close the inner mark before the outer one: `{++a {>>note<<} b++}`, and do not cross emphasis or link boundaries',
        'misnested-revision-mark',
      );
      break;
    case 'noSeparator':
      ctx.error(
        node.position,
        `Substitution \`${node.value}\` has no \`~>\` between the old and the new text`,
        'Write it as `{~~old~>new~~}`',
        'unbalanced-revision-mark',
      );
      break;
  }
}

function buildTextDirective(node: TextDirective, ctx: BuildContext, options: InlineOptions): InlineNode[] {
  const position = ctx.place(node.position);
  const placed = node.name === 'anchor' || node.name === 'data' || (node.name === 'call' && options.allow?.has('call'));
  if (placed) checkDirective(node, ctx);
  if (node.name === 'anchor') {
    const id = node.attributes?.id;
    if (!id) {
      ctx.error(node.position, 'Anchor without an id', 'Write `:anchor{#name}`', 'invalid-directive');
      return [];
    }
    if (!ctx.claimId(id, node.position)) return [];
    return [{ type: 'anchor', id, position }];
  }
  if (node.name === 'data') {
    const ref = node.attributes?.ref ?? '';
    const value = ctx.data.values.get(ref);
    if (value === undefined) {
      const known = [...ctx.data.values.keys()].slice(0, 6).join(', ');
      ctx.error(
        node.position,
        `No figure "${ref}" in the document's data`,
        known ? `Use a name.row.column of data/*.yaml, such as ${known}` : 'Add the figure to content/<document>/data/<name>.yaml',
        'unknown-data',
      );
      return [{ type: 'text', value: ref, position }];
    }
    return [
      {
        type: 'text',
        value: formatFigure(value, ctx.t('numbers.intl', node.position), ctx.t('numbers.group', node.position)),
        dataRef: ref,
        position,
      },
    ];
  }
  if (node.name === 'call' && options.allow?.has('call')) {
    const key = node.attributes?.key ?? '';
    if (!key || !ctx.locale.has(`callWords.${key}`)) {
      const known = ctx.locale.keys('callWords').join(', ');
      ctx.error(
        node.position,
        `Unknown call word key "${key}"`,
        `Use one of: ${known} (or add it to every locales/<lang>/common.json under "callWords")`,
        'unknown-call-word',
      );
      return [{ type: 'text', value: key, position }];
    }
    return [{ type: 'callWord', key, value: ctx.t(`callWords.${key}`, node.position), position }];
  }
  if (node.name === 'call') {
    ctx.error(
      node.position,
      'A call word must stand alone on its line',
      'Put `:call{key=…}` in a paragraph of its own',
      'misplaced-directive',
    );
  } else if (node.name === 'n') {
    ctx.error(
      node.position,
      'A paragraph label `:n[…]` must open its paragraph',
      'Move it to the start of the paragraph, followed by a space',
      'misplaced-directive',
    );
  } else {
    ctx.error(
      node.position,
      `Unknown directive ":${node.name}"`,
      'Inline directives are :n[label], :call{key=…}, :data{ref=…} and :anchor{#id}',
      'unknown-directive',
    );
  }
  return [{ type: 'text', value: `:${node.name}`, position }];
}

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Whether all the visible content of a block is inside insertions (or deletions). */
export function wholeChange(nodes: readonly InlineNode[]): BlockChange {
  let kind: BlockChange;
  let any = false;
  for (const node of nodes) {
    if (node.type === 'anchor' || node.type === 'editorComment') continue;
    if (node.type === 'text' && node.value.trim() === '') continue;
    if (node.type !== 'insertion' && node.type !== 'deletion') return undefined;
    if (any && kind !== node.type) return undefined;
    kind = node.type;
    any = true;
  }
  return kind;
}
