/**
 * mdast utility for revision marks: builds `insertion`, `deletion`,
 * `substitution` and `editorComment` nodes from the tokens of `syntax.ts`, and
 * writes them back as CriticMarkup so a computed redline stays editable.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension, Handle } from 'mdast-util-to-markdown';
import type { Parents, PhrasingContent } from 'mdast';
import type { Node } from 'unist';
import type { RevisionMarkKind } from './syntax.js';

export interface Insertion extends Node {
  type: 'insertion';
  children: PhrasingContent[];
}
export interface Deletion extends Node {
  type: 'deletion';
  children: PhrasingContent[];
}
/** `{~~old~>new~~}`: always exactly a deletion followed by an insertion. */
export interface Substitution extends Node {
  type: 'substitution';
  children: [Deletion, Insertion];
}
export interface EditorComment extends Node {
  type: 'editorComment';
  children: PhrasingContent[];
}
/** A marker that could not be paired; the checker reports it. */
export interface RevisionMarkStray extends Node {
  type: 'revisionMarkStray';
  value: string;
  kind: RevisionMarkKind;
  role: 'open' | 'close';
  problem: 'unclosed' | 'unopened' | 'misnested' | 'noSeparator';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    insertion: Insertion;
    deletion: Deletion;
    substitution: Substitution;
    editorComment: EditorComment;
    revisionMarkStray: RevisionMarkStray;
  }
  interface RootContentMap {
    insertion: Insertion;
    deletion: Deletion;
    substitution: Substitution;
    editorComment: EditorComment;
    revisionMarkStray: RevisionMarkStray;
  }
}

export function revisionMarksFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['insertion', 'deletion', 'editorComment'],
    enter: {
      revisionInsertion(token) {
        this.enter({ type: 'insertion', children: [] }, token);
      },
      revisionDeletion(token) {
        this.enter({ type: 'deletion', children: [] }, token);
      },
      revisionComment(token) {
        this.enter({ type: 'editorComment', children: [] }, token);
      },
      revisionSubstitution(token) {
        this.enter({ type: 'substitution', children: [] as unknown as Substitution['children'] }, token);
      },
      revisionSubstitutionOld(token) {
        this.enter({ type: 'deletion', children: [] }, token);
      },
      revisionSubstitutionNew(token) {
        this.enter({ type: 'insertion', children: [] }, token);
      },
      revisionMarkStray(token: Token) {
        this.enter(
          {
            type: 'revisionMarkStray',
            value: this.sliceSerialize(token),
            kind: token._revisionKind!,
            role: token._revisionRole === 'open' ? 'open' : 'close',
            problem: token._revisionProblem ?? 'unclosed',
          },
          token,
        );
      },
    },
    exit: {
      revisionInsertion: exit,
      revisionDeletion: exit,
      revisionComment: exit,
      revisionSubstitution: exit,
      revisionSubstitutionOld: exit,
      revisionSubstitutionNew: exit,
      revisionMarkStray: exit,
    },
  };
}

function exit(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

const DELIMITERS: Record<'insertion' | 'deletion' | 'editorComment', [string, string]> = {
  insertion: ['{++', '++}'],
  deletion: ['{--', '--}'],
  editorComment: ['{>>', '<<}'],
};

function wrapping(kind: keyof typeof DELIMITERS): Handle {
  const [open, close] = DELIMITERS[kind];
  return (node, _parent, state, info) => {
    const tracker = state.createTracker(info);
    let value = tracker.move(open);
    value += state.containerPhrasing(node as Parents, { ...tracker.current(), before: value, after: close[0]! });
    value += tracker.move(close);
    return value;
  };
}

export function revisionMarksToMarkdown(): ToMarkdownExtension {
  return {
    // Text that would open or close a mark is escaped: `\{++`, `a\++}`.
    unsafe: [
      { character: '{', after: '(?:\\+\\+|--|~~|>>)' },
      { character: '+', after: '\\+\\}' },
      { character: '-', after: '-\\}' },
      { character: '~', after: '(?:~\\}|>)' },
      { character: '<', after: '<\\}' },
    ],
    handlers: {
      insertion: wrapping('insertion'),
      deletion: wrapping('deletion'),
      editorComment: wrapping('editorComment'),
      substitution(node, _parent, state, info) {
        const [oldPart, newPart] = (node as Substitution).children;
        const tracker = state.createTracker(info);
        let value = tracker.move('{~~');
        value += state.containerPhrasing(oldPart, { ...tracker.current(), before: value, after: '~' });
        value += tracker.move('~>');
        value += state.containerPhrasing(newPart, { ...tracker.current(), before: value, after: '~' });
        value += tracker.move('~~}');
        return value;
      },
      revisionMarkStray(node) {
        return (node as RevisionMarkStray).value;
      },
    },
  };
}
