/**
 * The ids of the Word styles the DOCX writer writes and the DOCX reader (scripts/import/docx/) reads
 * back: one list for both directions. It imports nothing, so the reader may read it.
 */
/** The style ids an editor finds in Word's style list. */
export const STYLE = {
  normal: 'Normal',
  resolutionTitle: 'ResolutionTitle',
  annexTitle: 'AnnexTitle',
  heading: (depth: number) => `Heading${Math.min(depth, 4)}`,
  callWord: 'CallWord',
  labelled: 'Enumeration',
  dash: 'DashList',
  proposal: 'ProposalLine',
  reasons: 'Reasons',
  source: 'Source',
  documentTitle: 'DocumentTitle',
  note: 'Note',
  tableText: 'TableText',
  tableHead: 'TableHead',
  tableLabelled: 'TableEnumeration',
  caption: 'TableCaption',
  summaryTitle: 'SummaryTitle',
  figure: 'Figure',
  footnoteText: 'FootnoteText',
  header: 'Header',
} as const;
