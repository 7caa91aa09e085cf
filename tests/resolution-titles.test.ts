/**
 * The title of each kind of proposal on a resolution, in the six languages' own forms: a draft new
 * resolution dated with the conference, a MOD with the place and year in force struck and the
 * proposed ones underlined, a SUP with the title in force; and the resolution's name under it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../scripts/cli/pipeline.js';
import { reading } from '../scripts/passes/index.js';
import { LANGS, type Lang } from '../scripts/i18n/languages.js';
import type { BlockNode, Heading, InlineNode, ModelDocument } from '../scripts/model/types.js';
import { checkCorpus } from './helpers/corpus.js';
import { EXAMPLE_NAMES, EXAMPLE_TITLES, titleIn } from './helpers/example-titles.js';

let result: CheckResult;
beforeAll(() => {
  result = checkCorpus({ docs: ['ms-proposals-example'] });
  expect(result.ok).toBe(true);
});
const version = (lang: Lang): ModelDocument => result.builds[0]!.versions.find((v) => v.lang === lang)!;

/** A title as a reader of the marked copy sees it: struck text in [-…-], underlined text in {+…+}. */
function marked(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type === 'deletion') return `[-${marked(node.children)}-]`;
      if (node.type === 'insertion') return `{+${marked(node.children)}+}`;
      return 'children' in node ? marked(node.children) : '';
    })
    .join('');
}

/** Each proposal's action, its resolution title and the heading under it. */
function titles(body: readonly BlockNode[]): { action: string; title: string; name: string }[] {
  return body.flatMap((block) => {
    if (block.type !== 'proposal') return [];
    const [title, name] = block.children.filter((b): b is Heading => b.type === 'heading');
    expect(title?.role).toBe('resolutionTitle');
    return [{ action: block.action, title: marked(title!.children), name: marked(name!.children) }];
  });
}

describe('titles of the proposals on resolutions', () => {
  it.each(LANGS)('%s: ADD, MOD and SUP each print their title in the language’s form, and the name under it', (lang) => {
    const found = titles(version(lang).body);
    expect(found.map((t) => t.action)).toEqual(['ADD', 'MOD', 'SUP']);
    expect(found.map((t) => t.title)).toEqual(EXAMPLE_TITLES[lang]);
    // The draft's name is the text's own heading; the names of resolutions in force come from the locale.
    expect(found.map((t) => t.name)).toEqual(EXAMPLE_NAMES[lang]);
  });

  it.each(LANGS)('%s: the clean copy titles the MOD with the proposed edition, the rejected reading with the one in force', (lang) => {
    const [draft, mod, sup] = EXAMPLE_TITLES[lang];
    const readingTitles = (which: 'accepted' | 'rejected') => titles(reading(version(lang), which).body).map((t) => t.title);
    expect(readingTitles('accepted')).toEqual([draft, titleIn(mod, 'accepted'), sup]);
    expect(readingTitles('rejected')).toEqual([draft, titleIn(mod, 'rejected'), sup]);
  });
});
