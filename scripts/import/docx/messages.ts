/** What the reader reports: each message with its place in the package, as an editor finds it in Word. */
export interface ImportMessage {
  severity: 'warning' | 'error';
  /** The part (`word/document.xml`, `word/footnotes.xml`). */
  part: string;
  /** "paragraph 12 (“Resolution 71…”)": the paragraph's number in its part, and its first words. */
  place: string;
  message: string;
  fix: string;
}

/** Where the reader is: the part, and the paragraph being read (its number counted from 1, and its first words). */
export interface Place {
  part: string;
  paragraph: number;
  words: string;
}

export interface Report {
  messages: ImportMessage[];
  place: Place;
}

export function describePlace(place: Place): string {
  const words = place.words.length > 40 ? `${place.words.slice(0, 40)}…` : place.words;
  return `paragraph ${place.paragraph} (“${words}”)`;
}

export function report(into: Report, severity: ImportMessage['severity'], message: string, fix: string): void {
  into.messages.push({ severity, part: into.place.part, place: describePlace(into.place), message, fix });
}

/** One line per message: `word/document.xml: paragraph 3 (“…”): warning: … — fix`. */
export function formatMessage(message: ImportMessage): string {
  return `${message.part}: ${message.place}: ${message.severity}: ${message.message}; ${message.fix}`;
}
