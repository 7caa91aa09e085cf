/**
 * A function run once for each distinct arguments, its result kept: for a reader nobody here wrote
 * (pandoc, poppler) asked several times about a file that does not change.
 */
export function memoized<Args extends unknown[], Result>(run: (...args: Args) => Result): (...args: Args) => Result {
  const results = new Map<string, Result>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!results.has(key)) results.set(key, run(...args));
    return results.get(key)!;
  };
}
