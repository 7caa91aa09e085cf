declare module '@adobe/remark-gridtables' {
  import type { Plugin } from 'unified';
  const remarkGridTables: Plugin<[options?: Record<string, unknown>]>;
  export default remarkGridTables;
}
