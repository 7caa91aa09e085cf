/**
 * The script the preview puts in every page it serves. It listens to the server's events and reloads
 * the page when a build wrote the page itself or a file the page loaded (style sheet, font, figure:
 * whatever the browser's resource timing lists); when the server goes away it keeps trying to come
 * back, and reloads once it reaches a new server, whose builds the page may have missed.
 */
import { createHash } from 'node:crypto';

export const EVENTS_PATH = '/__hexaglot/events';

// Plain ES2017 in one constant string, so that its hash is known before any page is served.
export const liveReloadScript = `
(function () {
  var decode = function (path) {
    try { return decodeURIComponent(path); } catch (error) { return path; }
  };
  var used = function () {
    var paths = [decode(location.pathname)];
    performance.getEntriesByType('resource').forEach(function (entry) {
      var url = new URL(entry.name, location.href);
      if (url.origin === location.origin) paths.push(decode(url.pathname));
    });
    return paths;
  };
  var server;
  var connect = function () {
    var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
    events.addEventListener('hello', function (event) {
      if (server !== undefined && server !== event.data) location.reload();
      server = event.data;
    });
    events.addEventListener('reload', function (event) {
      var written = JSON.parse(event.data);
      var paths = used();
      if (written.some(function (path) { return paths.indexOf(path) !== -1; })) location.reload();
    });
    events.addEventListener('error', function () {
      // The browser retries by itself after a dropped stream, but gives up on a refused one.
      if (events.readyState !== EventSource.CLOSED) return;
      events.close();
      setTimeout(connect, 1000);
    });
  };
  connect();
})();
`;

/** The script's CSP hash source, without the quotes: 'sha256-…'. */
export const liveReloadScriptHash = `sha256-${createHash('sha256').update(liveReloadScript, 'utf8').digest('base64')}`;
