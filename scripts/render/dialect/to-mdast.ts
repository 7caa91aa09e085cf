/**
 * The model back to the syntax tree it was read from (mdast with directives, footnotes and revision
 * marks), the way an editor would have written it: every table as a list table, every label as
 * `:n[…]`, a wholly changed block as one mark around the block. Reading the text this tree prints
 * gives back the same model.
 */
import type {
  BlockContent,
  FootnoteDefinition,
  ListItem as MdastListItem,
  Paragraph as MdastParagraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { BlockNode, Footnote, Heading, InlineNode, ModelDocument, Table, TableCell, TableRow } from '../../model/types.js';

type Block = RootContent;

export function documentTree(doc: ModelDocument, frontMatter: string): Root {
  return {
    type: 'root',
    children: [{ type: 'yaml', value: frontMatter }, ...blocks(doc.body), ...doc.footnotes.map(footnote)],
  };
}

function blocks(nodes: readonly BlockNode[]): Block[] {
  // A resolution's name comes back from the title directive before it.
  return nodes.filter((node) => node.type !== 'heading' || node.role !== 'resolutionName').map(block);
}

function block(node: BlockNode): Block {
  switch (node.type) {
    case 'heading':
      return heading(node);
    case 'paragraph':
    case 'callWordParagraph':
      return paragraph(inlines(node.children));
    case 'labelledParagraph':
      return paragraph(labelled(node.label, node.children));
    case 'list':
      return {
        type: 'list',
        ordered: node.ordered,
        start: node.ordered ? node.start : null,
        spread: false,
        children: node.children.map((item) => listItem(blocks(item.children))),
      };
    case 'blockquote':
      return { type: 'blockquote', children: blocks(node.children) as BlockContent[] };
    case 'table':
      return table(node);
    case 'figure':
      return leafDirective('figure', inlines(node.caption), {
        id: node.id,
        src: node.src,
        alt: node.alt,
      });
    case 'proposal': {
      const reasons = node.reasons.length ? [containerDirective('reasons', blocks(node.reasons))] : [];
      return containerDirective('proposal', [...blocks(node.children), ...reasons], { action: node.action, id: node.id });
    }
    case 'summary':
      return containerDirective(
        'summary',
        node.parts.map((part) => containerDirective('part', blocks(part.children), { key: part.key })),
      );
  }
}

function heading(node: Heading): Block {
  if (node.role === 'resolutionTitle')
    return leafDirective('resolution-title', [], { id: node.id, resolution: node.resolution, reading: node.reading });
  if (node.role === 'annexTitle') return leafDirective('annex-title', [], { id: node.id, reading: node.reading });
  return { type: 'heading', depth: node.depth, children: node.label ? labelled(node.label, node.children) : inlines(node.children) };
}

/**
 * `:n[a)] text`. A label and text wholly inside one mark (the model splits a wholly changed
 * paragraph's mark between them) are written as one mark around both: `{++:n[b)] text++}`.
 */
function labelled(label: readonly InlineNode[], children: readonly InlineNode[]): PhrasingContent[] {
  const [mark] = label;
  const [body, ...rest] = children;
  if (label.length === 1 && (mark?.type === 'insertion' || mark?.type === 'deletion') && body?.type === mark.type) {
    const number = textDirective('n', inlines(mark.children));
    return [{ type: mark.type, children: [number, { type: 'text', value: ' ' }, ...inlines(body.children)] }, ...inlines(rest)];
  }
  return [textDirective('n', inlines(label)), { type: 'text', value: ' ' }, ...inlines(children)];
}

function table(node: Table): Block {
  const rows = [...node.head, ...node.body, ...node.foot];
  const list: Block = { type: 'list', ordered: false, spread: false, children: rows.map(row) };
  return containerDirective(
    'table',
    [list],
    { id: node.id, header: node.head.length === 1 ? undefined : String(node.head.length) },
    inlines(node.caption),
  );
}

function row(node: TableRow): MdastListItem {
  return listItem([{ type: 'list', ordered: false, spread: false, children: node.cells.map(cell) }]);
}

function cell(node: TableCell): MdastListItem {
  const content = blocks(node.children);
  const attributes = {
    colspan: node.colSpan > 1 ? String(node.colSpan) : undefined,
    rowspan: node.rowSpan > 1 ? String(node.rowSpan) : undefined,
    align: node.align,
  };
  if (Object.values(attributes).every((value) => value === undefined)) return listItem(content);
  const span = textDirective('cell', [], attributes);
  const [first, ...rest] = content;
  // The span opens the cell's first paragraph, or stands alone before a cell that starts otherwise.
  if (first?.type === 'paragraph') return listItem([paragraph([span, { type: 'text', value: ' ' }, ...first.children]), ...rest]);
  return listItem([paragraph([span]), ...content]);
}

function footnote(note: Footnote): FootnoteDefinition {
  return { type: 'footnoteDefinition', identifier: note.id, label: note.id, children: blocks(note.children) as BlockContent[] };
}

function inlines(nodes: readonly InlineNode[]): PhrasingContent[] {
  return nodes.map(inline);
}

function inline(node: InlineNode): PhrasingContent {
  switch (node.type) {
    case 'text':
      return node.dataRef ? textDirective('data', [], { ref: node.dataRef }) : { type: 'text', value: node.value };
    case 'emphasis':
    case 'strong':
    case 'insertion':
    case 'deletion':
    case 'editorComment':
      return { type: node.type, children: inlines(node.children) };
    case 'link':
      return { type: 'link', url: node.url, children: inlines(node.children) };
    case 'break':
      return { type: 'break' };
    case 'callWord':
      return textDirective('call', [], { key: node.key });
    case 'footnoteReference':
      return { type: 'footnoteReference', identifier: node.id, label: node.id };
    case 'anchor':
      return textDirective('anchor', [], { id: node.id });
  }
}

type Attributes = Record<string, string | undefined>;

const defined = (attributes: Attributes) =>
  Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined));

function paragraph(children: PhrasingContent[]): MdastParagraph {
  return { type: 'paragraph', children };
}

function listItem(children: Block[]): MdastListItem {
  return { type: 'listItem', spread: false, children: children as MdastListItem['children'] };
}

function textDirective(name: string, children: PhrasingContent[], attributes: Attributes = {}): TextDirective {
  return { type: 'textDirective', name, attributes: defined(attributes), children };
}

function leafDirective(name: string, children: PhrasingContent[], attributes: Attributes = {}): LeafDirective {
  return { type: 'leafDirective', name, attributes: defined(attributes), children };
}

function containerDirective(
  name: string,
  children: Block[],
  attributes: Attributes = {},
  label: PhrasingContent[] = [],
): ContainerDirective {
  const labelParagraph = label.length ? [{ ...paragraph(label), data: { directiveLabel: true } }] : [];
  return {
    type: 'containerDirective',
    name,
    attributes: defined(attributes),
    children: [...labelParagraph, ...children] as ContainerDirective['children'],
  };
}
