/**
 * The Word style ids the reader knows a block by: those our DOCX writer gives
 * (scripts/render/docx/style-ids.ts, the one list both read).
 */
import { STYLE } from '../../render/docx/style-ids.js';

export const STYLES = {
  ...STYLE,
  /** `Heading1`…`Heading4`. */
  heading: 'Heading',
} as const;

/** The names Word shows for our styles (scripts/render/docx/styles.ts): another producer keeps the name and may give a new id. */
const NAMES: Record<string, string> = {
  'resolution title': STYLES.resolutionTitle,
  'annex title': STYLES.annexTitle,
  call: STYLES.callWord,
  enumeration: STYLES.labelled,
  'dash list': STYLES.dash,
  proposal: STYLES.proposal,
  reasons: STYLES.reasons,
  source: STYLES.source,
  'document title': STYLES.documentTitle,
  note: STYLES.note,
  'table text': STYLES.tableText,
  'table enumeration': STYLES.tableLabelled,
  'table heading': STYLES.tableHead,
  'table title': STYLES.caption,
  'summary title': STYLES.summaryTitle,
  figure: STYLES.figure,
  'footnote text': STYLES.footnoteText,
  normal: STYLES.normal,
  'heading 1': 'Heading1',
  'heading 2': 'Heading2',
  'heading 3': 'Heading3',
  'heading 4': 'Heading4',
  'heading 5': 'Heading5',
  'heading 6': 'Heading6',
};

const KNOWN = new Set<string>([...Object.values(NAMES)]);

/**
 * The reader's style id of a paragraph style id in this package: ours when the package kept it, else
 * found by the style's name in `word/styles.xml` (LibreOffice writes `Dashlist` for "Dash list").
 */
export function styleResolver(names: ReadonlyMap<string, string>): (id: string) => string {
  return (id) => {
    if (KNOWN.has(id)) return id;
    const name = names.get(id)?.toLowerCase();
    return (name !== undefined && NAMES[name]) || id;
  };
}
