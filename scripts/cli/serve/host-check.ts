/**
 * DNS rebinding: a web site can point a name of its own at 127.0.0.1 and have a visitor's browser read
 * the preview. Such a request still carries the site's name in its Host header, so only the loopback
 * names, with this server's port, are answered.
 */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  // A browser leaves out port 80, the default of http:.
  return LOOPBACK_NAMES.some((loopback) => name === `${loopback}:${port}` || (port === 80 && name === loopback));
}
