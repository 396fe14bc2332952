/**
 * The run-time import graph (`import type` left out, as the compilers leave it out): what may end
 * up in the web bundle and in the packaged desktop app. The layering rules are in
 * .dependency-cruiser.cjs; this file reuses its resolution options.
 */
const { options } = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-bundle-without-typebox',
      comment:
        'The renderer takes schemas from contract/ as types only (or from typebox-free files): typebox stays out of the web bundle.',
      severity: 'error',
      from: { path: '^renderer/(src/main\\.tsx|room/main\\.ts)$' },
      to: { path: 'node_modules/typebox/', reachable: true },
    },
    {
      name: 'packaged-main-is-self-contained',
      comment:
        'electron-builder.yml ships dist/main, dist/contract, dist/preload and dist/pages, no node_modules: main reaches Electron, Node, itself and typebox-free contract files.',
      severity: 'error',
      from: { path: '^main/index\\.ts$' },
      to: {
        path: '^(backend|renderer|preload)/|node_modules/',
        pathNot: 'node_modules/electron/',
        reachable: true,
      },
    },
  ],
  options: { ...options, tsPreCompilationDeps: false },
};
