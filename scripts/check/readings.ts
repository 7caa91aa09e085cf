/**
 * The checks on both readings of a marked document: with every change accepted, and with every
 * change rejected (the text as it stood). Each reading must read as a text of its own: its label
 * series run on, no words run together or spaced twice where a mark stood, its square brackets
 * balanced. A problem both readings share is reported once, at the mark responsible.
 */
import type { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.js';
import type { ModelDocument } from '../model/types.js';
import { reading, type Reading } from '../passes/readings.js';
import type { Finding } from './finding.js';
import { labelSeriesFaults } from './label-series.js';
import { spacingFaults } from './spacing-at-marks.js';
import { squareBracketFaults } from './square-brackets.js';

const READINGS: readonly Reading[] = ['accepted', 'rejected'];

export function readingFaults(doc: ModelDocument, which: Reading): Finding[] {
  const clean = reading(doc, which);
  return [...labelSeriesFaults(clean, doc, which), ...spacingFaults(doc, which), ...squareBracketFaults(clean)];
}

export function checkReadings(doc: ModelDocument, file: VFile): void {
  const found = new Map<string, { finding: Finding; readings: Reading[] }>();
  for (const which of READINGS) {
    for (const finding of readingFaults(doc, which)) {
      const start = finding.place && 'start' in finding.place ? finding.place.start : finding.place;
      const key = `${finding.rule} ${start?.line}:${start?.column} ${finding.problem}`;
      const entry = found.get(key) ?? { finding, readings: [] };
      entry.readings.push(which);
      found.set(key, entry);
    }
  }
  for (const { finding, readings } of found.values()) {
    const where = readings.length === READINGS.length ? 'In both readings' : `In the ${readings[0]} reading`;
    reportError(file, finding.place, `${where}, ${finding.problem}`, finding.fix, finding.rule);
  }
}
