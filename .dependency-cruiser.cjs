// The project's layers, enforced (issue 17, `npm run deps`; README "Layout"). Bottom to top:
//
//   model/          pure models: model/, node:crypto, node:buffer, @noble/*, pure-rand; no files, no ajv, no fast-check
//   src/lib/        shared library: plain utilities (errors, paths, JSON files, schemas, budgets) and the
//                   draft's printed quantities; imports model/ and src/lib/
//   src/engine/     the claim engine: claim and theorem declaration, search, replay, outcomes,
//                   counterexample records, generator domains, the vitest bridge; imports the two below
//   properties/     one file per theorem, with its generators and test rigs; imports the three below
//   applications    src/registry (the theorems), src/validate, src/audit, src/vectors, src/receipts,
//                   src/report, src/calibrate, src/pipeline, src/mutation, src/wire (the broker over sockets,
//                   the XDP limiter), src/annotate (the annotated draft); import everything below;
//                   src/validate sits on top of the others
//   entry points    src/cli (bin/perfsec.js), bench/ and test/; nothing below imports them
//
// Nothing imports upwards and no file imports itself through others (no-circular). Type-only imports
// count (tsPreCompilationDeps), dynamic imports too.

/** Folders of the applications layer (see above). */
const APPS = '^src/(registry|validate|audit|vectors|receipts|report|calibrate|pipeline|mutation|wire|annotate)/';
/** Every entry point: nothing below them imports one. */
const ENTRY = '^(src/cli/|bench/|test/|bin/)';

/* global module -- CommonJS: dependency-cruiser loads this file with require() */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // --- model purity ---
    {
      name: 'model-not-above',
      comment: 'model/ is the bottom layer: it imports nothing from src/, properties/ or the entry points.',
      severity: 'error',
      from: { path: '^model/' },
      to: { path: '^(src|properties|bench|test|bin)/' },
    },
    {
      name: 'model-pure-packages',
      comment:
        'model/ imports only model/, @noble/* and pure-rand among packages: no ajv, no fast-check, no file or ' +
        'schema library.',
      severity: 'error',
      from: { path: '^model/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^model/', '^node_modules/@noble/', '^node_modules/pure-rand/'] },
    },
    {
      name: 'model-pure-node',
      comment:
        'model/ uses only node:crypto and node:buffer among Node built-ins (no file system, no paths, no process).',
      severity: 'error',
      from: { path: '^model/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?(crypto|buffer)$' },
    },
    {
      name: 'model-no-fs',
      comment:
        'model/ reads no files: decoding from user input, with its schema, belongs above (src/lib/snapshot-decode.ts).',
      severity: 'error',
      from: { path: '^model/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'model-no-ajv',
      comment:
        'model/ does not validate with ajv: it takes a check function as an argument (model/snapshot.ts ' +
        'SnapshotCheck).',
      severity: 'error',
      from: { path: '^model/' },
      to: { path: '^node_modules/(ajv|ajv-formats)/' },
    },
    {
      name: 'model-no-fast-check',
      comment: 'model/ does not generate: random draws are an argument (model/detection.ts DetectionTrial).',
      severity: 'error',
      from: { path: '^model/' },
      to: { path: '^node_modules/(fast-check|@fast-check/[^/]+)/' },
    },
    // --- layers: X may not import Y ---
    {
      name: 'lib-not-above',
      comment: 'src/lib/ imports only model/ and src/lib/: not the engine, properties, applications or entry points.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^(src/(?!lib/)|properties/|bench/|test/|bin/)' },
    },
    {
      name: 'lib-no-fast-check',
      comment: 'src/lib/ searches nothing: fast-check belongs to the claim engine and above.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^node_modules/(fast-check|@fast-check/[^/]+)/' },
    },
    {
      name: 'engine-not-above',
      comment:
        'src/engine/ imports only src/engine/, src/lib/ and model/: not properties/, applications or entry points.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^(src/(?!engine/|lib/)|properties/|bench/|test/|bin/)' },
    },
    {
      name: 'properties-not-above',
      comment:
        'properties/ imports only properties/, src/engine/, src/lib/ and model/: not the registry, applications ' +
        'or entry points.',
      severity: 'error',
      from: { path: '^properties/' },
      to: { path: '^(src/(?!engine/|lib/)|bench/|test/|bin/)' },
    },
    {
      name: 'apps-not-entry',
      comment: 'The registry and the applications do not import the CLI, bench/, test/ or bin/.',
      severity: 'error',
      from: { path: APPS },
      to: { path: ENTRY },
    },
    {
      name: 'apps-not-validate',
      comment: 'src/validate/ is the top of the applications (it checks all the others): none of them imports it.',
      severity: 'error',
      from: { path: APPS, pathNot: '^src/validate/' },
      to: { path: '^src/validate/' },
    },
    {
      name: 'cli-not-bench-test',
      comment: 'The CLI imports everything below it, but not bench/, test/ or bin/.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^(bench|test|bin)/' },
    },
    {
      name: 'bin-only-cli',
      comment: 'bin/perfsec.js starts the CLI and nothing else.',
      severity: 'error',
      from: { path: '^bin/' },
      to: {
        dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^src/cli/',
      },
    },
    {
      name: 'bench-not-test',
      comment:
        'bench/ (an entry point) may import everything below it and the CLI output helpers, but not test/ or bin/.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^(test|bin)/' },
    },
    {
      name: 'test-not-bench',
      comment:
        'test/ may import everything (the CLI included) but bench/ and bin/ (the CLI tests spawn bin/perfsec.js, ' +
        'never import it).',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: '^(bench|bin)/' },
    },
    // --- vitest only where vitest runs ---
    {
      name: 'vitest-only-in-bridge',
      comment:
        'Below the entry points only the vitest bridge (loaded under vitest alone) and the mutation reporter ' +
        'import vitest.',
      severity: 'error',
      from: {
        path: '^(model|src|properties)/',
        pathNot: '^(src/engine/vitest-bridge\\.ts|src/mutation/load-failure-reporter\\.ts)$',
      },
      to: { path: '^node_modules/(vitest|@vitest/[^/]+|@fast-check/vitest)/' },
    },
    // --- the graph itself ---
    {
      name: 'no-circular',
      comment: 'No file reaches itself through its imports (type-only and dynamic imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every relative import resolves (a .js specifier to its .ts file): a rule cannot judge what it cannot see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a cycle through a type is still a cycle.
    tsPreCompilationDeps: true,
    // NodeNext resolution: `./x.js` in a .ts file resolves to ./x.ts.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
