/**
 * Word's font table: the faces the styles name, each with the character set
 * and family Word chooses a stand-in by when the face is missing. The docx
 * package writes a font table only for embedded fonts, so it is built here.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { StyleSheet } from '../style-sheet.js';

const WORDPROCESSING_ML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true });

export function fontTableXml(sheet: StyleSheet): string {
  const fonts = Object.values(sheet.fonts).map((name) => {
    const face = sheet.fontTable[name];
    if (!face) throw new Error(`templates/styles.json: fontTable has no entry for "${name}", a face named under "fonts"`);
    // CT_Font's order: altName, charset, family, pitch.
    return {
      '@w:name': name,
      ...(face.altName ? { 'w:altName': { '@w:val': face.altName } } : {}),
      'w:charset': { '@w:val': face.charset },
      'w:family': { '@w:val': face.family },
      'w:pitch': { '@w:val': face.pitch },
    };
  });
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8', '@standalone': 'yes' },
    'w:fonts': { '@xmlns:w': WORDPROCESSING_ML, 'w:font': fonts },
  }) as string;
}
