/**
 * What each directive of the dialect takes: a label (`[…]`) or none, and which attributes. Words in
 * the label of a directive that takes none, an attribute it does not know, a label left open: each
 * would vanish from every output, so each is an error at its place.
 */
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { BuildContext } from './context.js';

type Directive = TextDirective | LeafDirective | ContainerDirective;

interface DirectiveSpec {
  label: 'none' | 'optional' | 'required';
  attributes: readonly string[];
  /** How to write it, for messages. */
  example: string;
}

const DIRECTIVES: Record<Directive['type'], Readonly<Record<string, DirectiveSpec>>> = {
  textDirective: {
    n: { label: 'required', attributes: [], example: ':n[a)]' },
    call: { label: 'none', attributes: ['key'], example: ':call{key=considering}' },
    anchor: { label: 'none', attributes: ['id'], example: ':anchor{#name}' },
    data: { label: 'none', attributes: ['ref'], example: ':data{ref=allocation.A.2028-2029}' },
    cell: { label: 'none', attributes: ['colspan', 'rowspan', 'align'], example: ':cell{colspan=2}' },
  },
  leafDirective: {
    'resolution-title': { label: 'none', attributes: ['id', 'reading', 'resolution'], example: '::resolution-title{#id}' },
    'annex-title': { label: 'none', attributes: ['id', 'reading'], example: '::annex-title' },
    figure: { label: 'optional', attributes: ['id', 'src', 'alt'], example: '::figure[Caption]{#id src=file.png alt="…"}' },
  },
  containerDirective: {
    proposal: { label: 'none', attributes: ['action', 'id'], example: '::::proposal{action=MOD id=CL/39A4/1}' },
    reasons: { label: 'none', attributes: [], example: ':::reasons' },
    summary: { label: 'none', attributes: [], example: '::::summary' },
    part: { label: 'none', attributes: ['key'], example: ':::part{key=purpose}' },
    table: { label: 'optional', attributes: ['id', 'header'], example: ':::table[Caption]{#id header=1}' },
  },
};

const MARKERS: Record<Directive['type'], string> = { textDirective: ':', leafDirective: '::', containerDirective: ':::' };

/** Whether the dialect knows a directive of this kind and name. */
export const isKnownDirective = (node: Directive): boolean => Object.hasOwn(DIRECTIVES[node.type], node.name);

/** Reports a label or attribute that a known directive does not take, and a label left open. */
export function checkDirective(node: Directive, ctx: BuildContext): void {
  if (!isKnownDirective(node)) return;
  const spec = DIRECTIVES[node.type][node.name]!;
  const written = `${MARKERS[node.type]}${node.name}`;
  const label = hasLabel(node);
  if (spec.label === 'none' && label) {
    ctx.error(
      node.position,
      `\`${written}\` takes no label: the words in its [ ] would be printed nowhere`,
      `Write \`${spec.example}\` and put the words outside it`,
      'directive-label',
    );
  } else if (spec.label === 'required' && !label) {
    const open = labelLeftOpen(node, ctx);
    ctx.error(
      open ? node.position?.end : node.position,
      open ? `The label of \`${written}[\` is not closed` : `\`${written}\` needs a label`,
      `Close it with \`]\` before the text: \`${spec.example} text\``,
      'directive-label',
    );
  }
  for (const name of Object.keys(node.attributes ?? {})) {
    if (spec.attributes.includes(name)) continue;
    const takes = spec.attributes.length ? `it takes ${spec.attributes.join(', ')}` : 'it takes none';
    ctx.error(
      node.position,
      `Unknown attribute "${name}" on \`${written}\` (${takes})`,
      `Remove it: \`${spec.example}\``,
      'directive-attribute',
    );
  }
}

function hasLabel(node: Directive): boolean {
  if (node.type === 'containerDirective') {
    const [first] = node.children;
    return first?.type === 'paragraph' && first.data?.directiveLabel === true;
  }
  return node.children.length > 0;
}

/** `:n[b) text` without `]`: the reader keeps `:n` with no label and the rest as text beginning with `[`. */
function labelLeftOpen(node: Directive, ctx: BuildContext): boolean {
  const end = node.position?.end.offset;
  if (ctx.gridCell || end === undefined || Object.keys(node.attributes ?? {}).length) return false;
  return String(ctx.file.value).charAt(end) === '[';
}
