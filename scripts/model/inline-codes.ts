/**
 * The inline nodes of a run that are not words, as codes with stable names, for exchange formats
 * whose tools keep codes apart from text (XLIFF's `<ph>` and `<pc>`). A code's id says what it is,
 * not where it is, so the same call in the original and in a translation has the same id:
 * `fn-<footnote>`, `call-<key>`, `data-<ref>`, `anchor-<id>`, `label`; marks and formatting are
 * counted in reading order (`ins1`, `del2`, `em1`, `strong1`, `link1`, `note1`, `br1`).
 *
 * Protected codes carry the document's structure or figures and must come back, once each:
 * footnote calls, call words, `:data` figures, anchors, labels, revision marks and editors' comments.
 * Emphasis, strong, links and line breaks are the translator's to move or drop.
 */
import type { InlineNode } from './types.js';

export interface InlineCode {
  id: string;
  /** `ph`: a point with nothing translatable inside; `pc`: a pair around translatable words. */
  kind: 'ph' | 'pc';
  node: InlineNode;
  protected: boolean;
  /** What the code stands for in the dialect: the whole of a `ph`, or a `pc`'s opening and closing. */
  dialect: string | [start: string, end: string];
  /** What a tool shows for it. */
  display: string;
}

/** Every code of a run (and of its label, first), keyed by the node it stands for. */
export function inlineCodes(run: readonly InlineNode[], label?: readonly InlineNode[]): Map<InlineNode | 'label', InlineCode> {
  const codes = new Map<InlineNode | 'label', InlineCode>();
  const counts = new Map<string, number>();
  const taken = new Set<string>();
  const name = (base: string, counted: boolean) => {
    const clean = base.replace(/[^A-Za-z0-9._-]/g, '_');
    if (counted) {
      const n = (counts.get(clean) ?? 0) + 1;
      counts.set(clean, n);
      return `${clean}${n}`;
    }
    let id = clean;
    for (let n = 2; taken.has(id); n++) id = `${clean}-${n}`;
    taken.add(id);
    return id;
  };
  if (label?.length) {
    const text = plainLabel(label);
    codes.set('label', { id: 'label', kind: 'ph', node: label[0]!, protected: true, dialect: `:n[${text}]`, display: text });
  }
  const visit = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      const code = codeOf(node, name);
      if (code) codes.set(node, code);
      if ('children' in node && node.type !== 'editorComment') visit(node.children);
    }
  };
  visit(run);
  return codes;
}

function codeOf(node: InlineNode, name: (base: string, counted: boolean) => string): InlineCode | undefined {
  switch (node.type) {
    case 'text':
      if (node.dataRef === undefined) return undefined;
      return ph(name(`data-${node.dataRef}`, false), node, `:data{ref=${node.dataRef}}`, node.value);
    case 'footnoteReference':
      return ph(name(`fn-${node.id}`, false), node, `[^${node.id}]`, String(node.number));
    case 'callWord':
      return ph(name(`call-${node.key}`, false), node, `:call{key=${node.key}}`, node.value);
    case 'anchor':
      return ph(name(`anchor-${node.id}`, false), node, `:anchor{id=${node.id}}`, `#${node.id}`);
    case 'editorComment': {
      const text = plainText(node.children);
      return ph(name('note', true), node, `{>>${text}<<}`, `{>>${text}<<}`);
    }
    case 'break':
      return { id: name('br', true), kind: 'ph', node, protected: false, dialect: '\\\n', display: '↵' };
    case 'insertion':
      return pc(name('ins', true), node, true, ['{++', '++}']);
    case 'deletion':
      return pc(name('del', true), node, true, ['{--', '--}']);
    case 'emphasis':
      return pc(name('em', true), node, false, ['*', '*']);
    case 'strong':
      return pc(name('strong', true), node, false, ['**', '**']);
    case 'link':
      return pc(name('link', true), node, false, ['[', `](${node.url})`]);
  }
}

const ph = (id: string, node: InlineNode, dialect: string, display: string): InlineCode => ({
  id,
  kind: 'ph',
  node,
  protected: true,
  dialect,
  display,
});

const pc = (id: string, node: InlineNode, isProtected: boolean, dialect: [string, string]): InlineCode => ({
  id,
  kind: 'pc',
  node,
  protected: isProtected,
  dialect,
  display: dialect.join('…'),
});

/** A label's characters with its marks spelled as the dialect spells them: `{--5--}{++6++}`. */
function plainLabel(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) =>
      node.type === 'insertion'
        ? `{++${plainLabel(node.children)}++}`
        : node.type === 'deletion'
          ? `{--${plainLabel(node.children)}--}`
          : plainText([node]),
    )
    .join('');
}

function plainText(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : 'children' in node ? plainText(node.children) : '')).join('');
}
