/** `hexaglot readings`: one language version with every change accepted (or rejected), printed as clean dialect. */
import path from 'node:path';
import { reading } from '../../passes/index.js';
import { toDialect } from '../../render/dialect/index.js';
import { checkProject } from '../pipeline.js';
import { UsageError } from '../usage-error.js';
import type { Lang } from '../../i18n/languages.js';
import type { CommandContext } from './context.js';
import { reporterOf } from './reporter.js';

export function runReadings(options: { doc: string; lang: Lang; rejected?: boolean; root: string }, context: CommandContext): void {
  const reporter = reporterOf(context);
  const root = path.resolve(options.root);
  const result = checkProject(root, { docs: [options.doc], langs: [options.lang] });
  if (!result.ok) return reporter.fail(result, root);
  const version = result.builds[0]!.versions.find((doc) => doc.lang === options.lang);
  if (!version) throw new UsageError(`document "${options.doc}" has no "${options.lang}" version`);
  reporter.out.write(toDialect(reading(version, options.rejected ? 'rejected' : 'accepted')));
}
