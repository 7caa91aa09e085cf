/**
 * Imports run one way: cli → render → check → passes → model → parse, with
 * i18n, read (the readers of every kind of source file) and diagnostics at the
 * bottom, and no import loops. `npm run lint` runs it.
 */
const layer = (name, mayNotImport) => ({
  name: `${name}-imports-downward`,
  comment: `scripts/${name} sits below ${mayNotImport.join(', ')}: it must not import them`,
  severity: 'error',
  from: { path: `^scripts/${name}/` },
  to: { path: `^scripts/(${mayNotImport.join('|')})/` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'an import loop', severity: 'error', from: {}, to: { circular: true } },
    layer('diagnostics', ['parse', 'model', 'check', 'passes', 'render', 'cli', 'i18n', 'read']),
    layer('read', ['parse', 'model', 'check', 'passes', 'render', 'cli', 'i18n']),
    layer('i18n', ['parse', 'model', 'check', 'passes', 'render', 'cli']),
    layer('parse', ['model', 'check', 'passes', 'render', 'cli']),
    layer('model', ['check', 'passes', 'render', 'cli']),
    layer('check', ['render', 'cli']),
    layer('passes', ['check', 'render', 'cli']),
    layer('render', ['check', 'cli']),
    {
      name: 'writers-apart',
      comment: 'writers never talk to each other: a writer folder imports only shared render code',
      severity: 'error',
      from: { path: '^scripts/render/(html|docx|pdf)/' },
      to: { path: '^scripts/render/(html|docx|pdf)/', pathNot: '^scripts/render/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
