/**
 * Counting one run of labels: the series open at a place, innermost last, each with its kind, its
 * last label and the labels it has had. A label runs on from the innermost series of its kind it can
 * follow (closing the series opened inside that one), or opens a series of its own; anything else
 * is reported, and the series counts on from it.
 */
import { kindOf, nextAfter, opensSeries, precedes, runsOn, spell, type Label } from '../model/labels.js';

interface OpenSeries {
  kind: string;
  last: Label;
  seen: Set<string>;
  /** After a heading, a call word or a new group of rows, the series may start again at its first label. */
  mayRestart: boolean;
}

/** The series open at one place of a container, innermost last. */
export class SeriesState<At> {
  private open: OpenSeries[] = [];

  constructor(
    private readonly letters: readonly string[],
    private readonly report: (problem: string, at: At) => void,
  ) {}

  /** From here, the series open at `depth` and inside it may start again at their first label. */
  boundary(depth: number): void {
    for (const series of this.open.slice(depth)) series.mayRestart = true;
  }

  /** A label, read each way it may be read (`i)`: a letter or a roman numeral), at its place. */
  add(candidates: readonly Label[], at: At): void {
    for (let depth = this.open.length - 1; depth >= 0; depth--) {
      const series = this.open[depth]!;
      const label = candidates.find((r) => kindOf(r) === series.kind && runsOn(series.last, r));
      if (!label) continue;
      // After a label out of place the series counts on from it, so a number may come round again (1.5, 1.6, 1.7 twice).
      if (series.seen.has(this.spelt(label))) this.faultAt(series, label, at);
      return this.goOn(depth, label);
    }
    for (const label of candidates.filter(opensSeries)) {
      const depth = this.open.findIndex((series) => series.kind === kindOf(label));
      if (depth < 0) return this.begin(this.open.length, label);
      if (this.open[depth]!.mayRestart) return this.begin(depth, label);
    }
    const kinds = new Set(candidates.map(kindOf));
    const series = this.open.filter((open) => kinds.has(open.kind)).at(-1);
    const depth = series ? this.open.indexOf(series) : -1;
    const label = candidates.find((r) => kindOf(r) === series?.kind) ?? candidates[0]!;
    if (!series) {
      const shown = this.spelt(label);
      const first = spell(label, [...label.value.slice(0, -1), 1], this.letters);
      this.report(`label "${shown}" opens a series, which should start at "${first}"`, at);
      return this.begin(this.open.length, label);
    }
    this.faultAt(series, label, at);
    this.goOn(depth, label);
  }

  private faultAt(series: OpenSeries, label: Label, at: At): void {
    const shown = this.spelt(label);
    const how = series.seen.has(shown) ? 'comes a second time' : precedes(label, series.last) ? 'goes back' : 'skips a label';
    const next = nextAfter(series.last, this.letters);
    this.report(`label "${shown}" after "${this.spelt(series.last)}" ${how} in its series (next would be "${next}")`, at);
  }

  private spelt(label: Label): string {
    return spell(label, label.value, this.letters);
  }

  private goOn(depth: number, label: Label): void {
    this.open.length = depth + 1;
    const series = this.open[depth]!;
    series.last = label;
    series.mayRestart = false;
    series.seen.add(this.spelt(label));
  }

  private begin(depth: number, label: Label): void {
    this.open.length = depth;
    this.open.push({ kind: kindOf(label), last: label, seen: new Set([this.spelt(label)]), mayRestart: false });
  }
}
