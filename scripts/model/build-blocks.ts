/** mdast blocks (directives included) → model blocks. */
import path from 'node:path';
import type { Heading as MdastHeading, Paragraph as MdastParagraph, PhrasingContent, RootContent, Node as UnistNode } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { BuildContext } from './context.js';
import { buildInlines, wholeChange } from './build-inline.js';
import { buildGridTable, buildListTable, buildPipeTable, type GridTable } from './build-table.js';
import { trimStart } from './trim-start.js';
import type { FootnoteNumbering } from './footnotes.js';
import { checkDirective } from './directives.js';
import { brokenGridTable } from './grid-lines.js';
import { checkContainerClosed } from './container-fence.js';
import { findFigure } from './figure-file.js';
import { annexTitle, resolutionTitle, type ProposalPlace } from './resolution-title.js';
import {
  PROPOSAL_ACTIONS,
  type BlockNode,
  type Heading,
  type InlineNode,
  type ProposalAction,
  type Summary,
  type SummaryPart,
  type Table,
} from './types.js';

const CALL_ONLY = new Set(['call']);

export class BlockBuilder {
  /** The proposal whose blocks are being built: a resolution title inside it titles its resolution. */
  private proposal: ProposalPlace | undefined;
  private readonly proposalPlaces = new Map<string, Position | undefined>();

  constructor(
    private readonly ctx: BuildContext,
    private readonly footnotes: FootnoteNumbering,
  ) {}

  /** Bound so that table cells can build their blocks with the same rules. */
  readonly blocks = (nodes: readonly UnistNode[], ctx: BuildContext = this.ctx): BlockNode[] => {
    const out: BlockNode[] = [];
    for (const node of nodes) out.push(...this.block(node as RootContent, ctx));
    return out;
  };

  private inlines(nodes: readonly PhrasingContent[], allow?: ReadonlySet<string>): InlineNode[] {
    return buildInlines(nodes, this.ctx, this.footnotes, allow ? { allow } : {});
  }

  private block(node: RootContent | GridTable, ctx: BuildContext): BlockNode[] {
    const position = ctx.place(node.position);
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node)];
      case 'heading':
        return [this.heading(node)];
      case 'list':
        return [
          {
            type: 'list',
            ordered: node.ordered === true,
            start: node.start ?? 1,
            position,
            children: node.children.map((item) => {
              const children = this.blocks(item.children);
              const first = children[0];
              const change = children.length === 1 && first && 'change' in first ? first.change : undefined;
              return { type: 'listItem', change, children, position: ctx.place(item.position) };
            }),
          },
        ];
      case 'blockquote':
        return [{ type: 'blockquote', children: this.blocks(node.children), position }];
      case 'table':
        return [buildPipeTable(node, ctx, this.blocks)];
      case 'gridTable':
        return [buildGridTable(node, ctx, this.blocks)];
      case 'containerDirective':
        return this.container(node);
      case 'leafDirective':
        return this.leaf(node);
      case 'footnoteDefinition':
      case 'yaml':
        // Collected by the document builder before the body is built.
        return [];
      case 'thematicBreak':
        ctx.error(
          node.position,
          'A thematic break (`---`, `***`) is not part of the dialect',
          'Remove it: pages and sections are laid out by the templates',
          'unsupported-syntax',
        );
        return [];
      case 'definition':
        ctx.error(
          node.position,
          `Link definition "[${node.label ?? ''}]: …" is not part of the dialect`,
          'Write links inline as `[text](url)`',
          'unsupported-syntax',
        );
        return [];
      case 'code':
      case 'html':
        ctx.error(
          node.position,
          `${node.type === 'code' ? 'A code block' : 'Raw HTML'} is not part of the dialect`,
          'Write the text as paragraphs; indent nothing by four spaces',
          'unsupported-syntax',
        );
        return [{ type: 'paragraph', change: undefined, children: [{ type: 'text', value: node.value, position }], position }];
      default:
        ctx.error(
          node.position,
          `Unsupported block "${node.type}"`,
          'See docs/dialect.md for what the dialect supports',
          'unsupported-syntax',
        );
        return [];
    }
  }

  private heading(node: MdastHeading): Heading {
    const labelled = splitLabel(node.children);
    if (labelled) checkDirective(labelled.directive, this.ctx);
    const label = labelled ? this.inlines(labelled.label) : undefined;
    const children = this.inlines(labelled ? labelled.body : node.children);
    const anchor = children.find((c) => c.type === 'anchor');
    return {
      type: 'heading',
      depth: node.depth,
      id: anchor?.type === 'anchor' ? anchor.id : undefined,
      label,
      change: wholeChange([...(label ?? []), ...children]),
      children,
      position: this.ctx.place(node.position),
    };
  }

  private paragraph(node: MdastParagraph): BlockNode {
    const position = this.ctx.place(node.position);
    this.reportBrokenGrid(node);
    if (isCallWordLine(node.children)) {
      const children = this.inlines(node.children, CALL_ONLY);
      return { type: 'callWordParagraph', change: wholeChange(children), children, position };
    }
    const labelled = splitLabel(node.children);
    if (labelled) {
      checkDirective(labelled.directive, this.ctx);
      const label = this.inlines(labelled.label);
      const children = this.inlines(labelled.body);
      return { type: 'labelledParagraph', label, change: wholeChange([...label, ...children]), children, position };
    }
    const children = this.inlines(node.children);
    return { type: 'paragraph', change: wholeChange(children), children, position };
  }

  private isBrokenGrid(node: MdastParagraph): boolean {
    const { start, end } = node.position ?? {};
    return (
      start?.offset !== undefined &&
      end?.offset !== undefined &&
      !!brokenGridTable(String(this.ctx.file.value).slice(start.offset, end.offset))
    );
  }

  /** A grid table the reader could not read stays a paragraph of `+---+` text: said where it breaks. */
  private reportBrokenGrid(node: MdastParagraph): boolean {
    const start = node.position?.start;
    if (this.ctx.gridCell || start?.offset === undefined || !node.position?.end.offset) return false;
    const broken = brokenGridTable(String(this.ctx.file.value).slice(start.offset, node.position.end.offset));
    if (!broken) return false;
    this.ctx.error(
      { line: start.line + broken.line, column: (broken.line ? 1 : start.column) + broken.column - 1 },
      broken.problem,
      'Give every line of a grid table the same number of characters, its | and + under those of the first line (see Tables in docs/dialect.md)',
      'grid-table',
    );
    return true;
  }

  private container(node: ContainerDirective): BlockNode[] {
    const ctx = this.ctx;
    checkContainerClosed(node, ctx);
    const position = ctx.place(node.position);
    checkDirective(node, ctx);
    const [first, ...rest] = node.children;
    const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
    const label = hasLabel ? first.children : [];
    const content = hasLabel ? rest : node.children;
    switch (node.name) {
      case 'proposal': {
        const action = node.attributes?.action ?? '';
        const id = node.attributes?.id ?? '';
        if (!PROPOSAL_ACTIONS.includes(action as ProposalAction)) {
          ctx.error(
            node.position,
            `Unknown proposal action "${action}"`,
            `Use one of ${PROPOSAL_ACTIONS.join(', ')}: \`:::proposal{action=MOD id=CL/39A4/1}\``,
            'unknown-action',
          );
        }
        if (!id) {
          ctx.error(
            node.position,
            'Proposal without an identifier',
            'Add the identifier listed in document.yaml: `id=CL/39A4/1`',
            'invalid-directive',
          );
        } else if (!ctx.meta.proposals.some((declared) => declared.id === id)) {
          ctx.error(
            node.position,
            `Proposal "${id}" is not listed in document.yaml`,
            `Add it under "proposals" in ${path.join(ctx.docDir, 'document.yaml')}, or correct the identifier`,
            'unknown-proposal',
          );
        } else {
          this.claimProposal(id, node.position);
        }
        const reasons = content.filter((c) => c.type === 'containerDirective' && c.name === 'reasons') as ContainerDirective[];
        if (reasons.length > 1) {
          ctx.error(reasons[1]!.position, 'A proposal has at most one Reasons part', 'Merge the `:::reasons` blocks', 'invalid-directive');
        }
        const outer = this.proposal;
        this.proposal = { id, action: action as ProposalAction };
        try {
          return [
            {
              type: 'proposal',
              action: action as ProposalAction,
              id,
              children: this.blocks(content.filter((c) => !reasons.includes(c as ContainerDirective))),
              reasons: reasons.flatMap((r) => this.blocks(r.children)),
              position,
            },
          ];
        } finally {
          this.proposal = outer;
        }
      }
      case 'reasons':
        ctx.error(
          node.position,
          '`:::reasons` outside a proposal',
          'Move it inside the `::::proposal` block it gives the reasons for',
          'misplaced-directive',
        );
        return this.blocks(content);
      case 'summary':
        return [this.summary(node, content)];
      case 'part':
        ctx.error(
          node.position,
          '`:::part` outside a summary',
          'Move it inside the `::::summary` block whose part it is',
          'misplaced-directive',
        );
        return this.blocks(content);
      case 'table': {
        const [only] = content;
        const id = node.attributes?.id ?? undefined;
        if (id) ctx.claimId(id, node.position);
        let table: Table;
        if (content.length === 1 && only?.type === 'list') {
          table = buildListTable(only, this.headerRows(node), ctx, this.blocks);
        } else if (content.length === 1 && (only?.type === 'table' || (only as UnistNode | undefined)?.type === 'gridTable')) {
          table = this.blocks(content)[0] as Table;
        } else {
          // A grid table that failed to read is reported as such when its paragraph is built.
          const brokenGrid = content.length === 1 && only?.type === 'paragraph' && this.isBrokenGrid(only);
          if (!brokenGrid) {
            ctx.error(
              node.position,
              '`:::table` must hold exactly one table and nothing else',
              'Put one list table, grid table or pipe table between `:::table[Caption]{#id}` and `:::`',
              'invalid-directive',
            );
          }
          return this.blocks(content);
        }
        return [{ ...table, id, caption: this.inlines(label), position }];
      }
      default:
        ctx.error(
          node.position,
          `Unknown directive ":::${node.name}"`,
          'Block directives are :::proposal, :::reasons, :::summary, :::part and :::table (see docs/dialect.md)',
          'unknown-directive',
        );
        return this.blocks(content);
    }
  }

  /**
   * `::::summary` holding `:::part{key=purpose}` blocks: each part's heading comes from the locale
   * (`summary.purpose`), so every language titles the parts of its box alike.
   */
  private summary(node: ContainerDirective, content: readonly RootContent[]): Summary {
    const ctx = this.ctx;
    const keys = ctx.locale.keys('summary');
    const parts: SummaryPart[] = [];
    for (const child of content) {
      if (child.type !== 'containerDirective' || child.name !== 'part') {
        ctx.error(
          child.position,
          'A summary holds only its parts',
          'Put the text inside a `:::part{key=…}` block of the `::::summary`',
          'invalid-directive',
        );
        continue;
      }
      const key = child.attributes?.key ?? '';
      if (!keys.includes(key)) {
        ctx.error(
          child.position,
          `Unknown summary part "${key}"`,
          `Use one of: ${keys.join(', ')} (summary.<key> in the locales)`,
          'invalid-directive',
        );
        continue;
      }
      const title = ctx.t(`summary.${key}`, child.position);
      parts.push({ key, title, children: this.blocks(child.children), position: ctx.place(child.position) });
    }
    return { type: 'summary', parts, position: ctx.place(node.position) };
  }

  /** `header=2`: how many leading rows of a list table are header rows (1 unless said). */
  private headerRows(node: ContainerDirective): number {
    const value = node.attributes?.header ?? '1';
    const rows = Number(value);
    if (!Number.isInteger(rows) || rows < 0) {
      this.ctx.error(
        node.position,
        `header must be a whole number of rows, not "${value}"`,
        'Write `:::table{header=1}`, or header=0 for no header row',
        'invalid-directive',
      );
      return 1;
    }
    return rows;
  }

  private leaf(node: LeafDirective): BlockNode[] {
    const ctx = this.ctx;
    const position = ctx.place(node.position);
    checkDirective(node, ctx);
    switch (node.name) {
      case 'resolution-title': {
        const id = node.attributes?.id ?? undefined;
        if (id) ctx.claimId(id, node.position);
        const resolution = node.attributes?.resolution ?? undefined;
        const [title, ...name] = resolutionTitle(ctx, position, this.titleReading(node), this.proposal, resolution);
        return [{ ...title!, id }, ...name];
      }
      case 'annex-title': {
        const id = node.attributes?.id ?? undefined;
        if (id) ctx.claimId(id, node.position);
        return [{ ...annexTitle(ctx, position, this.titleReading(node)), id }];
      }
      case 'figure': {
        const alt = node.attributes?.alt ?? '';
        if (!alt) ctx.error(node.position, 'Figure without alt text', 'Describe the picture: `::figure[Caption]{alt="…"}`', 'figure-alt');
        const id = node.attributes?.id ?? undefined;
        if (id) ctx.claimId(id, node.position);
        const src = node.attributes?.src ?? undefined;
        const picture = src === undefined ? undefined : findFigure(src, ctx, node.position);
        return [{ type: 'figure', id, caption: this.inlines(node.children), alt, src, picture, position }];
      }
      default:
        ctx.error(
          node.position,
          `Unknown directive "::${node.name}"`,
          'Leaf directives are ::resolution-title, ::annex-title and ::figure (see docs/dialect.md)',
          'unknown-directive',
        );
        return node.children.length ? [{ type: 'paragraph', change: undefined, children: this.inlines(node.children), position }] : [];
    }
  }

  /** Each proposal is made once: a second proposal with the same identifier is an error naming the first. */
  private claimProposal(id: string, position: Position | undefined): void {
    const first = this.proposalPlaces.get(id);
    if (!this.proposalPlaces.has(id)) {
      this.proposalPlaces.set(id, this.ctx.place(position));
      return;
    }
    this.ctx.error(
      position,
      `Proposal "${id}" is made twice (first at line ${first?.start.line ?? '?'}:${first?.start.column ?? '?'})`,
      'Give each proposal its own identifier, and declare it in document.yaml',
      'duplicate-proposal',
    );
  }

  /** `reading=accepted|rejected` on a title: the title as it reads with its revision accepted or rejected. */
  private titleReading(node: LeafDirective): Heading['reading'] {
    const value = node.attributes?.reading ?? undefined;
    if (value === undefined || value === 'accepted' || value === 'rejected') return value;
    this.ctx.error(
      node.position,
      `A title's reading is accepted or rejected, not "${value}"`,
      `Write \`::${node.name}{reading=accepted}\`, or leave reading out to mark the revision`,
      'invalid-directive',
    );
    return undefined;
  }
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/** A paragraph of call words only, possibly inside revision marks. */
function isCallWordLine(nodes: readonly PhrasingContent[]): boolean {
  let calls = 0;
  const walk = (list: readonly PhrasingContent[]): boolean =>
    list.every((node) => {
      if (isBlank(node)) return true;
      if (node.type === 'textDirective' && node.name === 'call') return ++calls > 0;
      if (node.type === 'insertion' || node.type === 'deletion') return walk(node.children);
      return false;
    });
  return walk(nodes) && calls > 0;
}

/**
 * `:n[a)] text` → label `a)`, body `text`. When a revision mark wraps the
 * whole paragraph (`{++:n[3] text++}`), the mark is split in two so that the
 * label and the body each carry it.
 */
function splitLabel(
  nodes: readonly PhrasingContent[],
): { directive: TextDirective; label: PhrasingContent[]; body: PhrasingContent[] } | undefined {
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  if (first.type === 'textDirective' && first.name === 'n') {
    return { directive: first, label: first.children, body: trimStart(rest, /^[ \t]+/) };
  }
  if (
    (first.type === 'insertion' || first.type === 'deletion') &&
    first.children[0]?.type === 'textDirective' &&
    first.children[0].name === 'n'
  ) {
    const [directive, ...inside] = first.children;
    return {
      directive,
      label: [{ ...first, children: directive.children }],
      body: [{ ...first, children: trimStart(inside, /^[ \t]+/) }, ...rest],
    };
  }
  return undefined;
}
