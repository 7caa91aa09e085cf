/**
 * A Content-Security-Policy as its directives, and the one change the preview makes to it: admitting
 * its own live-reload script (by hash) and that script's connection back to the server. Every other
 * directive is kept as written, so the served page is as locked down as the page on disk.
 */

interface Directive {
  name: string;
  sources: string[];
}

/** The directives of a policy, in order (CSP 3, "parse a serialized CSP"; a repeated name counts once). */
export function parsePolicy(policy: string): Directive[] {
  const directives: Directive[] = [];
  for (const token of policy.split(';')) {
    const [name, ...sources] = token.trim().split(/[\t\n\f\r ]+/);
    if (!name) continue;
    if (directives.some((directive) => directive.name === name.toLowerCase())) continue;
    directives.push({ name: name.toLowerCase(), sources });
  }
  return directives;
}

export function serializePolicy(directives: readonly Directive[]): string {
  return directives.map((directive) => [directive.name, ...directive.sources].join(' ')).join('; ');
}

/**
 * `policy` with the script whose hash is `scriptHash` ('sha256-…') allowed to run and to connect to
 * 'self'. Where the policy had no script-src (or connect-src), the new one starts from default-src's
 * sources, as the browser did; 'none' gives way to the one source added.
 */
export function admitLiveReload(policy: string, scriptHash: string): string {
  const directives = parsePolicy(policy);
  const fallback = directives.find((directive) => directive.name === 'default-src');
  const find = (name: string) => directives.find((directive) => directive.name === name);
  const allow = (name: string, source: string, governs: (sources: string[]) => boolean) => {
    // Without its own directive the fetch is governed by default-src; with none of that, all is allowed.
    const directive = find(name);
    const sources = directive?.sources ?? fallback?.sources;
    if (!sources || governs(sources)) return;
    const admitted = [...sources.filter((item) => item.toLowerCase() !== "'none'"), source];
    if (directive) directive.sources = admitted;
    else directives.push({ name, sources: admitted });
  };

  const hashSource = `'${scriptHash}'`;
  allow('script-src', hashSource, (sources) => sources.includes(hashSource) || allowsAnyInlineScript(sources));
  // script-src-elem, where a policy has it, decides for <script> elements instead of script-src.
  if (find('script-src-elem'))
    allow('script-src-elem', hashSource, (sources) => sources.includes(hashSource) || allowsAnyInlineScript(sources));
  allow('connect-src', "'self'", (sources) => sources.some((item) => item.toLowerCase() === "'self'"));
  return serializePolicy(directives);
}

/** 'unsafe-inline' already runs every inline script, unless a hash or nonce beside it turns it off. */
function allowsAnyInlineScript(sources: readonly string[]): boolean {
  const lower = sources.map((item) => item.toLowerCase());
  return (
    lower.includes("'unsafe-inline'") && !lower.some((item) => /^'(sha256|sha384|sha512|nonce)-/.test(item) || item === "'strict-dynamic'")
  );
}
