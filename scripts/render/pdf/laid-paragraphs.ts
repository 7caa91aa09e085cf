/**
 * The paragraphs of one language version of a document, laid out once: its
 * clean copy repeats every paragraph without revision marks of its marked
 * copy, and a running header comes back on every page.
 */
import type { Line, ParagraphSpec } from './lines.js';

export class LaidParagraphs {
  private version = '';
  private readonly laid = new Map<string, readonly Line[]>();

  /** Remembers the paragraphs of the version being laid out, forgetting those of the last. */
  startVersion(docId: string, lang: string): void {
    const version = `${docId}\u0000${lang}`;
    if (version === this.version) return;
    this.version = version;
    this.laid.clear();
  }

  /** The lines of a paragraph, laid out by `layOut` the first time; each caller gets lines of its own to add to. */
  lines(spec: ParagraphSpec, layOut: () => Line[]): Line[] {
    const key = JSON.stringify(spec);
    let lines = this.laid.get(key);
    if (!lines) this.laid.set(key, (lines = layOut()));
    return lines.map((line) => ({ ...line, ops: [...line.ops], footnotes: [...line.footnotes] }));
  }
}
