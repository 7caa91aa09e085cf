/** A DOCX package opened: its parts read with jszip and parsed with fast-xml-parser, order kept. */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { attribute, child, childrenOf, descendant, tagOf, textOf, type XmlNode } from './xml.js';

export interface DocxPackage {
  /** The children of `w:body`. */
  body: XmlNode[];
  /** `word/footnotes.xml`'s `w:footnote` elements; empty when there is none. */
  footnotes: XmlNode[];
  /** `word/comments.xml`'s `w:comment` elements; empty when there is none. */
  comments: XmlNode[];
  /** Style names by style id, from `word/styles.xml`. */
  styleNames: Map<string, string>;
  /** Custom document properties (`docProps/custom.xml`): name → value as text. */
  properties: Map<string, string>;
}

/** A package that cannot be read: the part, and what is wrong with it. */
export class PackageError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

async function part(zip: JSZip, name: string): Promise<XmlNode[] | undefined> {
  const entry = zip.file(name);
  if (!entry) return undefined;
  try {
    return parser.parse(await entry.async('string')) as XmlNode[];
  } catch (error) {
    throw new PackageError(name, `not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
}

export async function readPackage(data: Uint8Array): Promise<DocxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new PackageError('(package)', 'not a DOCX file: it is not a zip archive');
  }
  const document = await part(zip, 'word/document.xml');
  const body = document && descendant(document, 'w:body');
  if (!body) throw new PackageError('word/document.xml', 'the package has no document body (w:body)');
  const footnotes = await part(zip, 'word/footnotes.xml');
  const comments = await part(zip, 'word/comments.xml');
  const styles = await part(zip, 'word/styles.xml');
  const styleNames = new Map<string, string>();
  for (const style of styles ? childrenOf(descendant(styles, 'w:styles') ?? {}) : []) {
    const id = attribute(style, 'w:styleId');
    const name = child(style, 'w:name');
    if (id !== undefined && name) styleNames.set(id, attribute(name, 'w:val') ?? id);
  }
  const custom = await part(zip, 'docProps/custom.xml');
  const properties = new Map<string, string>();
  for (const property of custom ? childrenOf(descendant(custom, 'Properties') ?? {}) : []) {
    const name = attribute(property, 'name');
    // Its one child is the typed value (`vt:lpwstr`, `vt:i4`…).
    const value = childrenOf(property).find((c) => tagOf(c) !== '#text');
    if (name !== undefined && value) properties.set(name, textOf(value));
  }
  return {
    styleNames,
    properties,
    body: childrenOf(body),
    footnotes: footnotes ? childrenOf(descendant(footnotes, 'w:footnotes') ?? {}).filter((n) => 'w:footnote' in n) : [],
    comments: comments ? childrenOf(descendant(comments, 'w:comments') ?? {}).filter((n) => 'w:comment' in n) : [],
  };
}
