/**
 * The Word style ids the reader knows a block by: those our DOCX writer gives
 * (scripts/render/docx/styles.ts, kept in step by hand since the reader may not import a writer).
 */
export const STYLES = {
  normal: 'Normal',
  resolutionTitle: 'ResolutionTitle',
  annexTitle: 'AnnexTitle',
  /** `Heading1`…`Heading4`. */
  heading: 'Heading',
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
} as const;
