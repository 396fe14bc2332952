/**
 * The import rules between the parts (`npm run deps`, part of `npm test`): contract/ is the one
 * thing every part shares; the backend and its clients never import each other; main and the
 * renderer reach the preload only through the bridge type in contract/; no cycles anywhere.
 * Type-only imports count too (an `import type` cycle is still a cycle in the design).
 * The runtime rules (what must not end up in a bundle or the packaged app) are in
 * .dependency-cruiser-runtime.cjs.
 */
const clients = '^(renderer|main|preload)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-no-part',
      comment: 'contract/ describes the boundaries; it may import only itself and libraries.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: '^(backend|renderer|main|preload)/' },
    },
    {
      name: 'backend-imports-no-client',
      comment: 'The backend shares only contract/ with its clients.',
      severity: 'error',
      from: { path: '^backend/' },
      to: { path: clients },
    },
    {
      name: 'client-imports-no-backend',
      comment: 'Clients reach the backend over HTTP and Socket.IO; shapes come from contract/.',
      severity: 'error',
      from: { path: clients },
      to: { path: '^backend/' },
    },
    {
      name: 'main-and-renderer-import-no-preload',
      comment: 'The preload is a leaf: its bridge type lives in contract/desktop-bridge.ts.',
      severity: 'error',
      from: { path: '^(main|renderer)/' },
      to: { path: '^preload/' },
    },
    {
      name: 'preload-imports-no-main',
      comment: 'The IPC channel map lives in contract/ipc.ts; the preload never reaches into main.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^main/' },
    },
    {
      name: 'renderer-imports-no-main',
      comment: 'Web content and the main process meet only through the bridge.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one; split the shared part out instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(vite\\.config|dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
