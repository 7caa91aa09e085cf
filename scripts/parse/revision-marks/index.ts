/** remark plugin: CriticMarkup revision marks (`{++ ++}`, `{-- --}`, `{~~ ~> ~~}`, `{>> <<}`). */
import type { Data, Processor } from 'unified';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';
import { revisionMarks } from './syntax.js';
import { revisionMarksFromMarkdown, revisionMarksToMarkdown } from './mdast.js';

export type { Insertion, Deletion, Substitution, EditorComment, RevisionMarkStray } from './mdast.js';

export default function remarkRevisionMarks(this: Processor): undefined {
  const data = this.data() as Data & { toMarkdownExtensions?: ToMarkdownExtension[] };
  (data.micromarkExtensions ??= []).push(revisionMarks());
  (data.fromMarkdownExtensions ??= []).push(revisionMarksFromMarkdown());
  (data.toMarkdownExtensions ??= []).push(revisionMarksToMarkdown());
}
