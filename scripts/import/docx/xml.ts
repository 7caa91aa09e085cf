/**
 * WordprocessingML as fast-xml-parser reads it with `preserveOrder`: every element an object with one
 * tag key (its children, in order) and `:@` (its attributes). Small accessors, so that the reader
 * never matches text against XML.
 */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';

/** The element's tag (`w:p`), or `#text` for text. */
export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ATTRIBUTES) ?? '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

export function childrenNamed(node: XmlNode, tag: string): XmlNode[] {
  return childrenOf(node).filter((c) => tagOf(c) === tag);
}

/** The first descendant with this tag, depth first. */
export function descendant(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = descendant(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}

/** The text of an element's `#text` children. */
export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((c) => (tagOf(c) === '#text' ? String(c['#text']) : ''))
    .join('');
}

/** A `w:val` on/off property (`<w:b/>`, `<w:b w:val="0"/>`) of a properties element. */
export function isOn(properties: XmlNode | undefined, tag: string): boolean {
  const property = properties && child(properties, tag);
  if (!property) return false;
  const value = attribute(property, 'w:val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}
