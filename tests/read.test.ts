/** The readers of scripts/read: every problem of a source file at its line and column. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeSource } from '../scripts/read/text.js';
import { parseJson, validateJson } from '../scripts/read/json.js';
import { readYaml } from '../scripts/read/yaml.js';
import { readTemplate } from '../scripts/read/template.js';
import { formatCharactersOf } from '../scripts/i18n/format-characters.js';

const messages = (file: VFile) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

function decode(bytes: number[] | string, lang?: 'ar' | 'zh') {
  const file = new VFile({ path: 'x' });
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
  const { text } = decodeSource(file, data, lang ? formatCharactersOf(lang) : {});
  return { text, messages: messages(file) };
}

describe('source text', () => {
  it('finds the first byte that is not UTF-8, at its line and column', () => {
    expect(decode([0x61, 0x0a, 0x62, 0xc3, 0x28])).toEqual({ text: undefined, messages: ['2:2 invalid-utf8'] });
    expect(decode([0xe4, 0xb8, 0xad, 0x0a, 0x61, 0xe4, 0xb8])).toEqual({ text: undefined, messages: ['2:2 invalid-utf8'] });
    expect(decode([0x61, 0x80, 0x62]).messages).toEqual(['1:2 invalid-utf8']);
  });

  it('drops a byte order mark at the start, and reports one inside the text', () => {
    expect(decode('\ufeffa')).toEqual({ text: 'a', messages: [] });
    expect(decode('a\ufeffb').messages).toEqual(['1:2 invisible-character']);
  });

  it('allows the joiners to the scripts that use them, by script', () => {
    expect(decode('لا\u200cحول', 'ar').messages).toEqual([]);
    expect(decode('中\u200c文', 'zh').messages).toEqual(['1:2 invisible-character']);
    expect(decode('a\u202eb', 'ar').messages).toEqual(['1:2 bidi-control']);
  });
});

describe('JSON and YAML with positions', () => {
  it('reports a JSON syntax error, a key given twice and a value of the wrong type at their places', () => {
    const parse = (text: string) => {
      const file = new VFile({ path: 'x.json', value: text });
      return { json: parseJson(file, text, 'file'), file };
    };
    expect(messages(parse('{\n  "a": 1\n  "b": 2\n}').file)).toEqual(['3:3 invalid-json']);
    expect(messages(parse('{ "a": 1, "a": 2 }').file)).toEqual(['1:11 duplicate-key']);
    const { json, file } = parse('{\n  "size": "12pt",\n  "extra": true\n}');
    validateJson(json, z.strictObject({ size: z.number() }), 'sheet');
    expect(messages(file)).toEqual(['2:11 invalid-json-value', '3:3 invalid-json-value']);
  });

  it('stops a YAML alias bomb and deep nesting before they exhaust memory', () => {
    const read = (text: string) => {
      const file = new VFile({ path: 'x.yaml', value: text });
      readYaml(file, text, 0, z.unknown(), 'metadata');
      return messages(file);
    };
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdef'.split('').map((n, i) => `${n}: &${n} [${`*${'abcdef'[i]}, `.repeat(10)}]`),
    ];
    expect(read(bomb.join('\n'))).toEqual(['2:8 invalid-yaml']);
    expect(read(`title: it's\nlist: ${'['.repeat(1000)}${']'.repeat(1000)}`)).toEqual(['2:39 invalid-yaml']);
  });

  it('reports one line for one YAML syntax fault, not the errors that follow from it', () => {
    const read = (text: string) => {
      const file = new VFile({ path: 'x.yaml', value: text });
      readYaml(file, text, 0, z.unknown(), 'metadata');
      return messages(file);
    };
    // A quote left open inside a flow list or map (the parser also finds the list's end missing), a flow map left open, a bad indent.
    for (const text of ["a: [ 'x, y ]\n", "- { a: 'abc, b: 1 }\n", 'a: [x, "y]\n', 'a: { b: 1\nc: 2\n', 'a:\n  b: 1\n c: 2\n'])
      expect(read(text), JSON.stringify(text)).toEqual([expect.stringMatching(/^\d+:\d+ invalid-yaml$/)]);
  });
});

describe('templates', () => {
  const read = (text: string) => {
    const file = new VFile({ path: 't.hbs', value: text });
    readTemplate(file, text, { shape: { title: true, items: [{ name: true }] } });
    return file.messages.map((m) => `${m.line}:${m.column} ${m.reason.split('.')[0]}`);
  };

  it('knows the values it is given, in each block', () => {
    expect(read('{{title}} {{#each items}}{{name}} {{../title}} {{@index}}{{/each}} {{items.length}}')).toEqual([]);
    expect(read('{{titel}}\n{{#each items}}{{title}}{{/each}}')).toEqual([
      '1:3 Unknown template variable "titel": the pipeline gives no such value here',
      '2:18 Unknown template variable "title": the pipeline gives no such value here',
    ]);
  });

  it('reports a syntax error, a helper and a partial nobody registered', () => {
    expect(read('a\n{{#if title}}b')).toEqual(['2:15 The template ends inside a {{…}} or a block that is not closed']);
    expect(read('{{shout title}}')).toEqual(['1:3 Unknown helper "shout"']);
    expect(read('{{> footer}}')).toEqual(['1:1 A partial or decorator; the pipeline registers none']);
  });
});
