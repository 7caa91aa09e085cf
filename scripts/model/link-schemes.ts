/**
 * The addresses a link may lead to: the web and e-mail. Anything else with a scheme (`javascript:`,
 * `data:`, `vbscript:`, `file:`) is an error at the link; an address without one (`#tab-goals`,
 * `annex.html`) stays within the published documents.
 */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** The scheme of a link's address as a browser reads it, lower case; undefined for an address without one. */
export function linkScheme(url: string): string | undefined {
  // Browsers drop tabs and line breaks anywhere in an address and controls and spaces at its ends: `java\tscript:` is javascript:.
  let read = url.replace(/[\t\n\r]/g, '');
  while (read && read.charCodeAt(0) <= 0x20) read = read.slice(1);
  return /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1]?.toLowerCase();
}

export const isAllowedLink = (url: string) => {
  const scheme = linkScheme(url);
  return scheme === undefined || (LINK_SCHEMES as readonly string[]).includes(scheme);
};
