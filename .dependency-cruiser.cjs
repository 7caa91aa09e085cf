/**
 * Imports run one way: cli → render | check → passes → model → parse (the writers and the checks side
 * by side, neither importing the other; cli → import → model), with
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
    layer('diagnostics', ['parse', 'model', 'check', 'passes', 'render', 'cli', 'i18n', 'read', 'import']),
    layer('read', ['parse', 'model', 'check', 'passes', 'render', 'cli', 'i18n', 'import']),
    layer('i18n', ['parse', 'model', 'check', 'passes', 'render', 'cli', 'import']),
    layer('parse', ['model', 'check', 'passes', 'render', 'cli', 'import']),
    layer('model', ['check', 'passes', 'render', 'cli', 'import']),
    layer('check', ['render', 'cli', 'import']),
    layer('passes', ['check', 'render', 'cli', 'import']),
    layer('render', ['check', 'cli', 'import']),
    // The readers of other formats (a DOCX): they build the model, and are read by the CLI alone. Of a
    // writer they read only what it writes and they read back: the DOCX writer's style ids.
    {
      ...layer('import', ['parse', 'check', 'passes', 'render', 'cli']),
      to: { path: '^scripts/(parse|check|passes|render|cli)/', pathNot: '^scripts/render/docx/style-ids\\.ts$' },
    },
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
