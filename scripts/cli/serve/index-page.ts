/**
 * The page at `/`: every document's HTML files (out/<document>/*.html), one link each, under its
 * document's folder. Plain HTML with no script and no style; names are escaped by the serializer.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

/** Served with the page: it loads nothing and runs nothing. */
export const INDEX_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'";

export async function indexPage(outDir: string): Promise<string> {
  const documents = await documentPages(outDir);
  const title = 'hexaglot preview';
  const body =
    documents.length === 0
      ? [h('p', `No HTML in ${outDir} yet: build a document with --format html.`)]
      : documents.map(({ folder, pages }) =>
          h('section', [
            h('h2', folder),
            h(
              'ul',
              pages.map((page) => h('li', [h('a', { href: `/${encodeURIComponent(folder)}/${encodeURIComponent(page)}` }, page)])),
            ),
          ]),
        );
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [h('head', [h('meta', { charset: 'utf-8' }), h('title', title)]), h('body', [h('h1', title), ...body])]),
  ]);
  return `${toHtml(tree)}\n`;
}

async function documentPages(outDir: string): Promise<{ folder: string; pages: string[] }[]> {
  const documents: { folder: string; pages: string[] }[] = [];
  for (const folder of await entries(outDir)) {
    // Real folders and files only: a symbolic link could lead out of outDir, and is not served.
    if (!folder.isDirectory()) continue;
    const pages = (await entries(path.join(outDir, folder.name)))
      .filter((entry) => entry.isFile() && /\.html?$/i.test(entry.name))
      .map((entry) => entry.name);
    if (pages.length > 0) documents.push({ folder: folder.name, pages: pages.sort() });
  }
  return documents.sort((a, b) => a.folder.localeCompare(b.folder));
}

async function entries(folder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
