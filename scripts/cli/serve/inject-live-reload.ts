/**
 * The copy of a page the preview serves: the live-reload script before `</body>`, and each
 * Content-Security-Policy meta element of the head rewritten to admit that script and its connection.
 * The page is parsed to find the two places, and only they change: the rest of the served copy is the
 * file's own bytes. Nothing is written back to the file.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { admitLiveReload } from './content-security-policy.js';
import { liveReloadScript, liveReloadScriptHash } from './live-reload-script.js';

interface Splice {
  start: number;
  end: number;
  text: string;
}

export function injectLiveReload(html: string): string {
  // verbose: the positions of end tags too, to put the script before `</body>` rather than after it.
  const tree = fromHtml(html, { verbose: true });
  const splices: Splice[] = [];

  const head = childElement(tree, 'html', 'head');
  for (const meta of head ? policyElements(head) : []) {
    const position = meta.position;
    if (!position || position.start.offset === undefined || position.end.offset === undefined) continue;
    const content = String(meta.properties.content ?? '');
    // allowDangerousCharacters keeps the policy's ' readable; " and & are still escaped.
    const rewritten: Element = { ...meta, properties: { ...meta.properties, content: admitLiveReload(content, liveReloadScriptHash) } };
    splices.push({ start: position.start.offset, end: position.end.offset, text: toHtml(rewritten, { allowDangerousCharacters: true }) });
  }

  const at = scriptPlace(tree, html.length);
  splices.push({ start: at, end: at, text: `<script>${liveReloadScript}</script>\n` });

  let served = html;
  for (const splice of splices.sort((a, b) => b.start - a.start)) {
    served = served.slice(0, splice.start) + splice.text + served.slice(splice.end);
  }
  return served;
}

/** `<meta http-equiv="Content-Security-Policy">` children of the head (a policy elsewhere is ignored by browsers). */
function policyElements(head: Element): Element[] {
  return head.children.filter(
    (child): child is Element =>
      isElement(child, 'meta') && String(child.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy',
  );
}

/** Where `</body>` starts; failing that, the end of the body's content or of the page. */
function scriptPlace(tree: Root, length: number): number {
  const body = childElement(tree, 'html', 'body');
  const closing = (body?.data as { position?: { closing?: { start: { offset?: number } } } } | undefined)?.position?.closing;
  return closing?.start.offset ?? body?.position?.end.offset ?? length;
}

function childElement(root: Root, ...names: string[]): Element | undefined {
  let node: Root | Element = root;
  for (const name of names) {
    const children: RootContent[] = node.children;
    const child = children.find((item): item is Element => isElement(item, name));
    if (!child) return undefined;
    node = child;
  }
  return node === root ? undefined : (node as Element);
}

const isElement = (node: RootContent, name: string): node is Element => node.type === 'element' && node.tagName === name;
