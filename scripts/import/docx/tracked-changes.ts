/**
 * Word's tracked changes as the model's marks. A move is a deletion where the text was and an
 * insertion where it went, which is what accepting or rejecting it does.
 */
import { report, type Report } from './messages.js';
import { child, type XmlNode } from './xml.js';

/** The change a piece of text is in, if any. */
export type Mark = 'insertion' | 'deletion' | undefined;

const CHANGES: Record<string, Mark> = {
  'w:ins': 'insertion',
  'w:moveTo': 'insertion',
  'w:del': 'deletion',
  'w:moveFrom': 'deletion',
};

/** The mark a run container stands for (`w:ins` → insertion), if it is a change. */
export function tracked(tag: string): Mark {
  return Object.hasOwn(CHANGES, tag) ? CHANGES[tag] : undefined;
}

/**
 * The change a properties element records on its paragraph mark or run (`<w:rPr><w:ins …/></w:rPr>`):
 * an inserted or deleted paragraph mark makes the whole paragraph inserted or deleted.
 */
export function trackedAt(properties: XmlNode | undefined): Mark {
  if (!properties) return undefined;
  for (const tag of Object.keys(CHANGES)) if (child(properties, tag)) return CHANGES[tag];
  return undefined;
}

/** A formatting change on a paragraph (`w:pPrChange`) or a run (`w:rPrChange`): reported, not taken. */
export function reportFormattingChange(properties: XmlNode | undefined, tag: 'w:pPrChange' | 'w:rPrChange', context: Report): void {
  if (!properties || !child(properties, tag)) return;
  const what = tag === 'w:pPrChange' ? 'a paragraph formatting change' : 'a formatting change';
  report(
    context,
    'warning',
    `${what} (${tag}) is not taken: the dialect tracks text, not formatting`,
    'accept or reject it in Word if it matters',
  );
}
