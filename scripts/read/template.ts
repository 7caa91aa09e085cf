/**
 * Handlebars templates read once, with positions: a syntax error, a variable the pipeline does
 * not give, a helper or partial it does not know is reported at its line and column when the
 * template is read (by `check`), never as an exception halfway through a build.
 */
import Handlebars from 'handlebars';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { reportError } from '../diagnostics/report.js';
import { LIMITS } from './limits.js';

/** What a template may read: a plain value, the fields of an object, or the items of a list (`[fields]`). */
export type TemplateValue = true | TemplateShape | readonly [TemplateShape];
export interface TemplateShape {
  readonly [name: string]: TemplateValue;
}

/** A helper the pipeline registers, and what it asks of the places it is called from. */
export interface TemplateHelper {
  block: boolean;
  /** A problem with one call (its parameters, where it stands), or undefined. `within`: the enclosing block helpers. */
  check?(call: Call, within: readonly string[]): string | undefined;
}

export type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

export interface TemplateSpec {
  /** The data the template is rendered with. */
  shape: TemplateShape;
  helpers?: Readonly<Record<string, TemplateHelper>>;
}

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);
const BUILT_IN_HELPERS = new Set(['lookup', 'log']);
const FIX = 'See the template variables in docs/dialect.md';

/** Parses and checks a template; the AST (which Handlebars.compile takes as it is), or undefined after a problem. */
export function readTemplate(file: VFile, text: string, spec: TemplateSpec): hbs.AST.Program | undefined {
  const deep = tooDeep(text);
  if (deep) {
    reportError(file, deep, `Blocks nested more than ${LIMITS.templateNesting} deep`, 'Flatten the template', 'template-syntax');
    return undefined;
  }
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (error) {
    reportSyntaxError(file, error);
    return undefined;
  }
  const before = file.messages.length;
  new TemplateChecker(file, spec).program(ast, [spec.shape], []);
  return file.messages.length === before ? ast : undefined;
}

function reportSyntaxError(file: VFile, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const exception = error as { lineNumber?: number; column?: number };
  // Jison leaves the place of the token it stopped at on the lexer.
  const lexer = (Handlebars as unknown as { Parser: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
  const place =
    exception.lineNumber !== undefined
      ? { line: exception.lineNumber, column: (exception.column ?? 0) + 1 }
      : lexer?.yylloc
        ? { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 }
        : undefined;
  const got = /got '(\w+)'/.exec(message)?.[1];
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const problem = mismatch
    ? `\`{{#${mismatch[1]}}}\` is not closed before \`{{/${mismatch[2]}}}\``
    : got
      ? got === 'EOF'
        ? 'The template ends inside a {{…}} or a block that is not closed'
        : `Handlebars cannot read the template here (${got === 'INVALID' ? 'a character that cannot stand here' : `unexpected ${got.toLowerCase()}`})`
      : `Handlebars cannot read the template: ${message.split('\n')[0]!.replace(/ - \d+:\d+$/, '')}`;
  reportError(file, place, problem, 'Close every {{ with }}, every {{#block}} with its {{/block}}', 'template-syntax');
}

class TemplateChecker {
  constructor(
    private readonly file: VFile,
    private readonly spec: TemplateSpec,
  ) {}

  /** `scopes`: the data each enclosing block gives, innermost last; `within`: the enclosing block helpers. */
  program(program: hbs.AST.Program | undefined, scopes: TemplateValue[], within: string[]): void {
    for (const statement of program?.body ?? []) this.statement(statement, scopes, within);
  }

  private statement(node: hbs.AST.Statement, scopes: TemplateValue[], within: string[]): void {
    switch (node.type) {
      case 'MustacheStatement':
        return this.call(node as hbs.AST.MustacheStatement, scopes, within);
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        this.call(block, scopes, within);
        const name = block.path.original;
        const inner = name === 'each' || name === 'with' ? this.inner(block, scopes) : undefined;
        this.program(block.program, inner ? [...scopes, inner] : scopes, [...within, name]);
        this.program(block.inverse, scopes, within);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        this.problem(node, 'A partial or decorator; the pipeline registers none', 'Write the text into the template itself');
        return;
      default:
        return;
    }
  }

  private call(node: Call, scopes: TemplateValue[], within: readonly string[]): void {
    const path = node.path as hbs.AST.PathExpression | hbs.AST.Literal;
    const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined;
    const helper = name === undefined ? undefined : this.helper(name, node.type === 'BlockStatement');
    const takesArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'BlockStatement';
    if (helper === false) {
      this.problem(path, `Unknown helper "${name}"`, `Use one of: ${this.helperNames().join(', ')}`);
    } else if (helper) {
      const problem = helper.check?.(node, within);
      if (problem) this.problem(node, problem, FIX);
    } else if (takesArguments && name !== undefined) {
      this.problem(path, `Unknown helper "${name}"`, `Use one of: ${this.helperNames().join(', ')}`);
    } else if (path.type === 'PathExpression') {
      this.variable(path as hbs.AST.PathExpression, scopes);
    }
    for (const param of [...node.params, ...(node.hash?.pairs.map((pair) => pair.value) ?? [])]) this.expression(param, scopes, within);
  }

  private expression(node: hbs.AST.Expression, scopes: TemplateValue[], within: readonly string[]): void {
    if (node.type === 'PathExpression') this.variable(node as hbs.AST.PathExpression, scopes);
    else if (node.type === 'SubExpression') this.call(node as hbs.AST.SubExpression, scopes, within);
  }

  /** A registered helper, false for a name that calls a helper nobody registered, undefined for a variable. */
  private helper(name: string, asBlock: boolean): TemplateHelper | false | undefined {
    const own = this.spec.helpers?.[name];
    if (own) return own.block === asBlock ? own : false;
    if (BUILT_IN_BLOCKS.has(name)) return asBlock ? { block: true } : false;
    if (BUILT_IN_HELPERS.has(name)) return { block: false };
    return asBlock ? false : undefined;
  }

  private helperNames(): string[] {
    return [...BUILT_IN_BLOCKS, ...BUILT_IN_HELPERS, ...Object.keys(this.spec.helpers ?? {})];
  }

  /** The data inside `{{#each list}}` (an item of the list) or `{{#with object}}`. */
  private inner(block: hbs.AST.BlockStatement, scopes: TemplateValue[]): TemplateValue {
    const [param] = block.params;
    const value = param?.type === 'PathExpression' ? this.resolve(param as hbs.AST.PathExpression, scopes) : undefined;
    if (block.path.original === 'each' && Array.isArray(value)) return (value as readonly [TemplateShape])[0];
    return value ?? {};
  }

  private variable(path: hbs.AST.PathExpression, scopes: TemplateValue[]): void {
    if (path.data || path.parts.length === 0) return;
    if (this.resolve(path, scopes) === undefined) {
      const scope = scopes[scopes.length - 1 - path.depth];
      const known = scope && scope !== true && !Array.isArray(scope) ? Object.keys(scope).join(', ') : '';
      this.problem(
        path,
        `Unknown template variable "${path.original}": the pipeline gives no such value here`,
        known ? `Use one of: ${known}` : FIX,
      );
    }
  }

  private resolve(path: hbs.AST.PathExpression, scopes: TemplateValue[]): TemplateValue | undefined {
    let value: TemplateValue | undefined = scopes[scopes.length - 1 - path.depth];
    for (const part of path.parts) {
      if (value === undefined || value === true) return undefined;
      if (Array.isArray(value)) return part === 'length' ? true : undefined;
      value = Object.hasOwn(value, part) ? (value as TemplateShape)[part] : undefined;
    }
    return value;
  }

  private problem(node: hbs.AST.Node, problem: string, fix: string): void {
    reportError(this.file, pointOf(node), problem, fix, 'template-variable');
  }
}

const pointOf = (node: hbs.AST.Node): Point | undefined =>
  node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : undefined;

/** Where `{{#` blocks first nest past the limit: Handlebars' compiler recurses once per level. */
function tooDeep(text: string): Point | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  // Comments may mention blocks; an `{{^}}` alone is an else, not a block.
  const code = text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of code.matchAll(/\n|\{\{~?\s*([#^/])(?!\s*~?\}\})/g)) {
    if (match[0] === '\n') {
      line++;
      lineStart = match.index + 1;
    } else if (match[1] === '/') depth--;
    else if (++depth > LIMITS.templateNesting) return { line, column: match.index - lineStart + 1 };
  }
  return undefined;
}
