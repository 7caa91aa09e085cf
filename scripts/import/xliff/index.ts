/**
 * XLIFF 2.0 read back (the format `hexaglot xliff export` writes, render/xliff/): each unit's target
 * as inline nodes, rebuilt from the codes the unit's block has (model/inline-codes.ts). A unit whose
 * protected codes were damaged — one missing, one twice, one the block does not have, a pair not
 * closed, a code without its original data — is refused with its place in the .xlf file and what to
 * do; the other units come in.
 *
 * CAT tools may write a `<pc>` as `<sc/>`…`<ec/>`, split a unit into several segments, or wrap words
 * in `<mrk>`: all are read. fast-xml-parser gives no positions, so a problem is placed by finding the
 * unit (and the code) in the text by its id.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inlineCodes, type InlineCode } from '../../model/inline-codes.js';
import type { InlineNode } from '../../model/types.js';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

export interface XliffPoint {
  line: number;
  column: number;
}

export interface XliffProblem extends XliffPoint {
  message: string;
}

/** A code as the target writes it. */
export type TargetPart =
  | { type: 'text'; value: string }
  | { type: 'ph'; id: string; dataRef: string | undefined }
  | { type: 'pc'; id: string; dataRefs: (string | undefined)[]; children: TargetPart[] };

export interface XliffUnit {
  id: string;
  /** Where `<unit` starts. */
  at: XliffPoint;
  source: TargetPart[];
  /** Undefined when no segment has a target. */
  target: TargetPart[] | undefined;
  dataIds: Set<string>;
  /** Problems found while reading the unit (a code pair not closed). */
  problems: XliffProblem[];
  /** Where a code of the target is written, by its id: for problems found later. */
  placeOf: (codeId: string) => XliffPoint;
}

export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  /** The ids of its `<file>` elements: the document each was exported from. */
  fileIds: string[];
  units: XliffUnit[];
}

export class XliffError extends Error {
  constructor(
    readonly at: XliffPoint,
    message: string,
  ) {
    super(message);
  }
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

export function readXliff(text: string): XliffDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XliffError({ line: valid.err.line, column: valid.err.col }, `not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
  });
  const tree = parser.parse(text) as Ordered[];
  const root = tree.find((node) => nameOf(node) === 'xliff');
  const rootAt = pointAt(text, Math.max(0, text.indexOf('<xliff')));
  if (!root) throw new XliffError(rootAt, 'no <xliff> element: this is not an XLIFF file');
  const attributes = root[':@'] ?? {};
  if (attributes.xmlns !== XLIFF_NAMESPACE || !String(attributes.version ?? '').startsWith('2.'))
    throw new XliffError(
      rootAt,
      `not XLIFF 2 (version "${attributes.version ?? ''}", namespace "${attributes.xmlns ?? ''}"): export it from the CAT tool as XLIFF 2.0`,
    );
  const units: XliffUnit[] = [];
  const fileIds: string[] = [];
  const collect = (nodes: Ordered[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'unit') units.push(readUnit(node, text));
      else if (name === 'file' || name === 'group') {
        if (name === 'file') fileIds.push(node[':@']?.id ?? '');
        collect(childrenOf(node));
      }
    }
  };
  collect(childrenOf(root));
  return { srcLang: attributes.srcLang ?? '', trgLang: attributes.trgLang ?? '', fileIds, units };
}

function readUnit(unit: Ordered, text: string): XliffUnit {
  const id = unit[':@']?.id ?? '';
  const start = findUnit(text, id);
  const end = text.indexOf('</unit>', start);
  const span = text.slice(start, end < 0 ? undefined : end);
  const targetStart = span.indexOf('<target');
  const at = pointAt(text, start);
  const placeOf = (codeId: string): XliffPoint => {
    const found = targetStart < 0 ? -1 : span.indexOf(`id="${codeId}"`, targetStart);
    const offset = found < 0 ? (targetStart < 0 ? 0 : targetStart) : span.lastIndexOf('<', found);
    return pointAt(text, start + offset);
  };
  const dataIds = new Set<string>();
  const problems: XliffProblem[] = [];
  let target: TargetPart[] | undefined;
  const source: TargetPart[] = [];
  const segments: boolean[] = [];
  for (const part of childrenOf(unit)) {
    const name = nameOf(part);
    if (name === 'originalData') for (const data of childrenOf(part)) if (nameOf(data) === 'data') dataIds.add(data[':@']?.id ?? '');
    if (name !== 'segment' && name !== 'ignorable') continue;
    const targetNode = childrenOf(part).find((n) => nameOf(n) === 'target');
    const sourceNode = childrenOf(part).find((n) => nameOf(n) === 'source');
    // Whitespace between segments is an ignorable's source when the tool gives it no target.
    if (sourceNode) source.push(...readInline(childrenOf(sourceNode), () => undefined));
    const chosen = targetNode ?? (name === 'ignorable' ? sourceNode : undefined);
    if (name === 'segment') segments.push(Boolean(targetNode));
    if (!chosen) continue;
    target = [...(target ?? []), ...readInline(childrenOf(chosen), (message, codeId) => problems.push({ ...placeOf(codeId), message }))];
  }
  // A unit the tool split into segments, some translated and some not: half a block is not taken.
  if (segments.includes(true) && segments.includes(false))
    problems.push({
      ...at,
      message: `${segments.filter((t) => !t).length} of its ${segments.length} segments have no target: translate them all`,
    });
  return { id, at, source, target, dataIds, problems, placeOf };
}

/** Inline content as parts; `<sc/>`…`<ec/>` paired into one part, `<mrk>` unwrapped, `<cp/>` as its character. */
function readInline(nodes: Ordered[], problem: (message: string, codeId: string) => void): TargetPart[] {
  const root: TargetPart[] = [];
  const open: { id: string; part: Extract<TargetPart, { type: 'pc' }> }[] = [];
  const here = () => open.at(-1)?.part.children ?? root;
  const walk = (list: Ordered[], into: () => TargetPart[]) => {
    for (const node of list) {
      const name = nameOf(node);
      const attributes = node[':@'] ?? {};
      if (name === '#text') into().push({ type: 'text', value: String(node['#text']) });
      else if (name === 'ph') into().push({ type: 'ph', id: attributes.id ?? '', dataRef: attributes.dataRef });
      else if (name === 'pc') {
        const part: TargetPart = {
          type: 'pc',
          id: attributes.id ?? '',
          dataRefs: [attributes.dataRefStart, attributes.dataRefEnd],
          children: [],
        };
        into().push(part);
        const depth = open.length;
        walk(childrenOf(node), () => (open.length > depth ? here() : part.children));
        if (open.length > depth) {
          problem(`<sc id="${open.at(-1)!.id}"/> is closed outside the <pc> it starts in`, open.at(-1)!.id);
          open.length = depth;
        }
      } else if (name === 'sc') {
        const part: TargetPart = { type: 'pc', id: attributes.id ?? '', dataRefs: [attributes.dataRef, undefined], children: [] };
        into().push(part);
        open.push({ id: part.id, part });
      } else if (name === 'ec') {
        const ref = attributes.startRef ?? attributes.id ?? '';
        const last = open.at(-1);
        if (last?.id !== ref) {
          problem(
            last
              ? `<ec startRef="${ref}"/> closes a pair that is not the last one opened (<sc id="${last.id}"/>): put the end codes back in order`
              : `<ec startRef="${ref}"/> has no <sc id="${ref}"/> before it: copy the pair again from the source`,
            ref,
          );
          continue;
        }
        last.part.dataRefs[1] = attributes.dataRef;
        open.pop();
      } else if (name === 'mrk') walk(childrenOf(node), into);
      else if (name === 'cp') into().push({ type: 'text', value: String.fromCodePoint(parseInt(attributes.hex ?? '0', 16)) });
    }
  };
  walk(nodes, here);
  for (const { id } of open)
    problem(`<sc id="${id}"/> is never closed by an <ec startRef="${id}"/>: copy the pair again from the source`, id);
  return root;
}

/**
 * Whether the unit's source is still the original's words at its place: when the original has
 * changed since the export, the place may now hold another block.
 */
export function sourceMatches(
  unit: XliffUnit,
  original: { run: readonly InlineNode[]; label?: readonly InlineNode[] | undefined },
): boolean {
  const codes = inlineCodes(original.run, original.label);
  const label = codes.get('label');
  const ofRun = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((node) => {
        const code = codes.get(node);
        if (!code) return node.type === 'text' ? node.value : '';
        return code.kind === 'ph' ? `<${code.id}/>` : `<${code.id}>${'children' in node ? ofRun(node.children) : ''}</${code.id}>`;
      })
      .join('');
  const ofParts = (parts: readonly TargetPart[]): string =>
    parts
      .map((part) =>
        part.type === 'text' ? part.value : part.type === 'ph' ? `<${part.id}/>` : `<${part.id}>${ofParts(part.children)}</${part.id}>`,
      )
      .join('');
  return ofParts(unit.source) === (label ? `<${label.id}/>` : '') + ofRun(original.run);
}

/**
 * The target rebuilt as inline nodes from the codes of `reference` (the translation's block as it
 * is) and of `source` (the original's): problems when a protected code of the reference is missing
 * or the target names a code neither has.
 */
export function decodeTarget(
  unit: XliffUnit,
  reference: { run: readonly InlineNode[]; label?: readonly InlineNode[] | undefined },
  source: { run: readonly InlineNode[]; label?: readonly InlineNode[] | undefined },
): { nodes: InlineNode[] } | { problems: XliffProblem[] } {
  const problems = [...unit.problems];
  const codes = new Map<string, InlineCode>();
  for (const code of inlineCodes(source.run, source.label).values()) codes.set(code.id, code);
  const theirs = [...inlineCodes(reference.run, reference.label).values()];
  for (const code of theirs) codes.set(code.id, code);
  const required = (theirs.length || reference.run.length ? theirs : [...codes.values()]).filter((code) => code.protected);
  const seen = new Map<string, number>();
  const say = (message: string, codeId: string) => problems.push({ ...unit.placeOf(codeId), message });
  const build = (parts: readonly TargetPart[]): InlineNode[] => {
    const out: InlineNode[] = [];
    for (const part of parts) {
      if (part.type === 'text') {
        const last = out.at(-1);
        if (last?.type === 'text' && last.dataRef === undefined) out[out.length - 1] = { type: 'text', value: last.value + part.value };
        else out.push({ type: 'text', value: part.value });
        continue;
      }
      seen.set(part.id, (seen.get(part.id) ?? 0) + 1);
      const code = codes.get(part.id);
      const element = part.type === 'ph' ? 'ph' : 'pc';
      if (!code) {
        say(
          `<${element} id="${part.id}"/> is not a code of this block or of its source: remove it, or copy the code from the source`,
          part.id,
        );
        continue;
      }
      for (const ref of part.type === 'ph' ? [part.dataRef] : part.dataRefs)
        if (ref !== undefined && !unit.dataIds.has(ref))
          say(
            `<${element} id="${part.id}"/> refers to data "${ref}", which <originalData> does not have: copy the code again from the source`,
            part.id,
          );
      if (code.kind !== part.type) {
        say(`"${part.id}" is a <${code.kind}> in the source, a <${element}> here: copy the code again from the source`, part.id);
        continue;
      }
      if (code.id === 'label') continue;
      if (part.type === 'ph') out.push(structuredClone(withoutPosition(code.node)));
      else {
        const node = code.node as Extract<InlineNode, { children: InlineNode[] }>;
        out.push({ ...withoutPosition(node), children: build(part.children) } as InlineNode);
      }
    }
    return out;
  };
  const nodes = build(unit.target ?? []);
  for (const code of required) {
    const count = seen.get(code.id) ?? 0;
    if (count === 0)
      say(`the protected code "${code.id}" (${spelled(code)}) is missing from the target: copy it from the source to its place`, code.id);
  }
  for (const [id, count] of seen) if (count > 1) say(`the code "${id}" is in the target ${count} times; keep it once`, id);
  return problems.length ? { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) } : { nodes };
}

const spelled = (code: InlineCode) => (typeof code.dialect === 'string' ? code.dialect : code.dialect.join('…'));

function withoutPosition<T extends InlineNode>(node: T): T {
  const copy = { ...node };
  delete copy.position;
  return copy;
}

const nameOf = (node: Ordered) => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: Ordered) => {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as Ordered[]) : [];
};

function findUnit(text: string, id: string): number {
  const pattern = new RegExp(`<unit\\b[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
  const match = pattern.exec(text);
  return match ? match.index : 0;
}

export function pointAt(text: string, offset: number): XliffPoint {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
