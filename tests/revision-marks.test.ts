import { describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';
import { createMarkdownReader } from '../scripts/parse/processor.js';
import { revisionMarksToMarkdown } from '../scripts/parse/revision-marks/mdast.js';

const reader = createMarkdownReader();

function parse(markdown: string): Root {
  return JSON.parse(JSON.stringify(reader.parse(markdown), (key, v: unknown) => (key === 'position' ? undefined : v))) as Root;
}

function firstParagraph(markdown: string) {
  const node = parse(markdown).children[0];
  if (node?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${node?.type}`);
  return node.children;
}

const text = (value: string) => ({ type: 'text', value });

describe('revision marks syntax', () => {
  it('reads insertions, deletions, substitutions and comments', () => {
    expect(firstParagraph('a{++b++}c{--d--}e{~~f~>g~~}h{>>note<<}')).toEqual([
      text('a'),
      { type: 'insertion', children: [text('b')] },
      text('c'),
      { type: 'deletion', children: [text('d')] },
      text('e'),
      {
        type: 'substitution',
        children: [
          { type: 'deletion', children: [text('f')] },
          { type: 'insertion', children: [text('g')] },
        ],
      },
      text('h'),
      { type: 'editorComment', children: [text('note')] },
    ]);
  });

  it('works inside and around emphasis, and next to Chinese punctuation', () => {
    expect(firstParagraph('**{++强调++}**，{++**粗体**++}。')).toEqual([
      { type: 'strong', children: [{ type: 'insertion', children: [text('强调')] }] },
      text('，'),
      { type: 'insertion', children: [{ type: 'strong', children: [text('粗体')] }] },
      text('。'),
    ]);
  });

  it('works inside links, headings, list items and footnotes', () => {
    const tree = parse('# T{++i++}tle\n\n- item {--old--}\n\n[l{++i++}nk](u) x[^1]\n\n[^1]: note {++new++}');
    const json = JSON.stringify(tree);
    expect(tree.children[0]).toMatchObject({ type: 'heading', children: [text('T'), { type: 'insertion' }, text('tle')] });
    expect(json).toContain('{"type":"deletion","children":[{"type":"text","value":"old"}]}');
    expect(json).toContain('"type":"link","title":null,"url":"u","children":[{"type":"text","value":"l"},{"type":"insertion"');
    expect(tree.children.at(-1)).toMatchObject({
      type: 'footnoteDefinition',
      children: [{ type: 'paragraph', children: [text('note '), { type: 'insertion', children: [text('new')] }] }],
    });
  });

  it('works in pipe-table and grid-table cells', () => {
    const pipe = parse('| a | b |\n|---|---|\n| {++x++} | {--y--} |');
    expect(JSON.stringify(pipe)).toContain('"type":"tableCell","children":[{"type":"insertion"');
    const grid = parse('+---------+\n| h       |\n+=========+\n| {++x++} |\n+---------+');
    expect(JSON.stringify(grid)).toContain('{"type":"insertion","children":[{"type":"text","value":"x"}]}');
  });

  it('nests a comment inside an insertion', () => {
    expect(firstParagraph('{++a {>>why<<} b++}')).toEqual([
      { type: 'insertion', children: [text('a '), { type: 'editorComment', children: [text('why')] }, text(' b')] },
    ]);
  });

  it('leaves unpaired markers as stray nodes that say what is wrong', () => {
    expect(firstParagraph('a {++b')).toEqual([
      text('a '),
      { type: 'revisionMarkStray', value: '{++', kind: 'insertion', role: 'open', problem: 'unclosed' },
      text('b'),
    ]);
    expect(firstParagraph('b--} c')).toMatchObject([text('b'), { type: 'revisionMarkStray', problem: 'unopened' }, text(' c')]);
    expect(firstParagraph('{++a--}')).toMatchObject([
      { type: 'revisionMarkStray', value: '{++', problem: 'misnested' },
      text('a'),
      { type: 'revisionMarkStray', value: '--}', problem: 'misnested' },
    ]);
    expect(firstParagraph('{~~old new~~}')).toMatchObject([{ problem: 'noSeparator' }, text('old new'), { problem: 'noSeparator' }]);
  });

  it('does not pair a mark across an emphasis boundary', () => {
    const nodes = firstParagraph('*a {++b* c++}');
    expect(JSON.stringify(nodes)).not.toContain('"type":"insertion"');
    expect(nodes.filter((n) => n.type === 'revisionMarkStray')).toHaveLength(1);
    expect(JSON.stringify(nodes)).toContain('"problem":"unclosed"');
  });

  it('keeps square brackets and lone braces as text', () => {
    expect(firstParagraph('[2022年，布加勒斯特，修订版] {+ a +} ~> b')).toEqual([text('[2022年，布加勒斯特，修订版] {+ a +} ~> b')]);
  });

  it('writes the marks back as CriticMarkup', () => {
    const tree = reader.parse('a{++b++}c{--d--}e{~~f~>g~~}h{>>note<<}') as Root;
    expect(toMarkdown(tree, { extensions: [revisionMarksToMarkdown()] }).trim()).toBe('a{++b++}c{--d--}e{~~f~>g~~}h{>>note<<}');
  });
});
