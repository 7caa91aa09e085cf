/**
 * A document and one translation as XLIFF 2.0 (OASIS core), for translators' CAT tools.
 *
 * - One `<unit>` per place of the original's text (model/block-places.ts), its id the place (`b12`,
 *   `b7.r3.c1.b0`, `fn2.b0`): `hexaglot xliff import` puts the target back there. Its notes name the
 *   block, its line in both files, and its state.
 * - `<source>`: the original's words; `<target>`: the translation's counterpart, absent when the
 *   translation has none (the segment's state is then `initial`).
 * - What is not words is a code (model/inline-codes.ts), its dialect text in `<originalData>`:
 *   footnote calls, call words, `:data` figures, anchors, labels, line breaks and editors' comments
 *   as `<ph/>`; revision marks, emphasis, strong and links as `<pc>` around their words. Protected
 *   codes say `canDelete="no" canCopy="no"`, which CAT tools honour: the import rejects a unit that
 *   lost one. A unit with no words, only codes (a line of call words), says `translate="no"`.
 */
import { inlineCodes, type InlineCode } from '../../model/inline-codes.js';
import type { BlockPlace } from '../../model/block-places.js';
import type { InlineNode } from '../../model/types.js';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** A unit's translation: none yet, or translated, and where the language keeps a translation status, how it stands (check/translation-status.ts). */
export type UnitState = 'missing' | 'translated' | 'current' | 'outdated' | 'unrecorded';

export interface XliffUnitInput {
  original: BlockPlace;
  translation: BlockPlace | undefined;
  /** The block's translation status, where the language keeps one. */
  status?: 'current' | 'outdated' | 'unrecorded' | undefined;
}

export interface XliffInput {
  docId: string;
  srcLang: string;
  trgLang: string;
  /** The two sources, as the project names them (`content/<doc>/<lang>.md`). */
  originalFile: string;
  translationFile: string;
  units: readonly XliffUnitInput[];
}

/** Where a unit's translation stands: missing, or its block's translation status (translated where none is kept). */
export function unitStatus(unit: XliffUnitInput): UnitState {
  if (!unit.translation || unit.translation.run.length === 0) return 'missing';
  return unit.status ?? 'translated';
}

/**
 * XLIFF's state for it: `initial` without a target, `reviewed` when reviewed against the original as
 * it is now, else `translated` — an outdated or unreviewed one says so in its sub-state, which CAT
 * tools show and filter on.
 */
function segmentState(state: UnitState): string {
  if (state === 'missing') return 'state="initial"';
  if (state === 'current') return 'state="reviewed"';
  if (state === 'translated') return 'state="translated"';
  return `state="translated" subState="hexaglot:${state}"`;
}

export function toXliff(input: XliffInput): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0" srcLang="${attr(input.srcLang)}" trgLang="${attr(input.trgLang)}">`,
    `  <file id="${attr(input.docId)}" original="${attr(input.originalFile)}">`,
    '    <notes>',
    `      <note category="hexaglot" id="translation">${text(input.translationFile)}</note>`,
    '    </notes>',
  ];
  for (const unit of input.units) lines.push(...unitLines(unit, input));
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

function unitLines(unit: XliffUnitInput, input: XliffInput): string[] {
  const { original, translation } = unit;
  const state = unitStatus(unit);
  const data = new Map<string, string>();
  const dataId = (dialect: string) => {
    let id = data.get(dialect);
    if (!id) data.set(dialect, (id = `d${data.size + 1}`));
    return id;
  };
  const source = content(original.run, original.label, dataId);
  const target = translation && state !== 'missing' ? content(translation.run, translation.label, dataId) : undefined;
  const line = (place: BlockPlace | undefined) => place?.position?.start.line;
  const out = [
    `    <unit id="${attr(original.id)}" name="${attr(original.kind)}"${hasWords(original.run) ? '' : ' translate="no"'}>`,
    '      <notes>',
    `        <note category="location" id="source">${text(`${input.originalFile}:${line(original) ?? 1}`)}</note>`,
  ];
  if (translation)
    out.push(`        <note category="location" id="target">${text(`${input.translationFile}:${line(translation) ?? 1}`)}</note>`);
  out.push(`        <note category="hexaglot" id="state">${state}</note>`, '      </notes>');
  if (data.size) {
    out.push('      <originalData>');
    for (const [dialect, id] of data) out.push(`        <data id="${id}" xml:space="preserve">${text(dialect)}</data>`);
    out.push('      </originalData>');
  }
  out.push(`      <segment ${segmentState(state)}>`);
  out.push(`        <source xml:space="preserve">${source}</source>`);
  if (target !== undefined) out.push(`        <target xml:space="preserve">${target}</target>`);
  out.push('      </segment>', '    </unit>');
  return out;
}

/** A run as XLIFF inline content: its words as text, everything else as codes. */
function content(run: readonly InlineNode[], label: readonly InlineNode[] | undefined, dataId: (dialect: string) => string): string {
  const codes = inlineCodes(run, label);
  const protect = (code: InlineCode) => (code.protected ? ' canDelete="no" canCopy="no"' : '');
  const point = (code: InlineCode) =>
    `<ph id="${attr(code.id)}" dataRef="${dataId(code.dialect as string)}" disp="${attr(code.display)}"${protect(code)}/>`;
  const write = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((node) => {
        const code = codes.get(node);
        if (!code) return node.type === 'text' ? text(node.value) : '';
        if (code.kind === 'ph') return point(code);
        const [start, end] = code.dialect as [string, string];
        const kind =
          node.type === 'emphasis'
            ? 'type="fmt" subType="xlf:i"'
            : node.type === 'strong'
              ? 'type="fmt" subType="xlf:b"'
              : node.type === 'link'
                ? 'type="link"'
                : `type="other" subType="hexaglot:${node.type}"`;
        const children = 'children' in node ? write(node.children) : '';
        return `<pc id="${attr(code.id)}" ${kind} dataRefStart="${dataId(start)}" dataRefEnd="${dataId(end)}"${protect(code)}>${children}</pc>`;
      })
      .join('');
  const labelCode = codes.get('label');
  return (labelCode ? point(labelCode) : '') + write(run);
}

/** Whether a run has words to translate, not only codes (a line of call words has none). */
const hasWords = (run: readonly InlineNode[]): boolean =>
  run.some((node) =>
    node.type === 'text'
      ? node.dataRef === undefined && node.value.trim() !== ''
      : node.type !== 'editorComment' && 'children' in node && hasWords(node.children),
  );

const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (value: string) => text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
