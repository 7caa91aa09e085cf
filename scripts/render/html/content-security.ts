/**
 * The Content-Security-Policy every page carries: nothing runs, and the page loads only its own style
 * element (by its hash), and style sheets, fonts and pictures from beside it. A page that a document's
 * text managed to put markup into could still neither run a script nor send anything anywhere.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `scriptElementText`: the one inline script a page may run (the review page's column toggles), admitted by its hash. */
export function contentSecurityPolicy(styleElementText: string, scriptElementText?: string): string {
  const hash = createHash('sha256').update(styleElementText, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    ...(scriptElementText === undefined ? [] : [`script-src ${sha256(scriptElementText)}`]),
    `style-src 'self' 'sha256-${hash}'`,
    "font-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
