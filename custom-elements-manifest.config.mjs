/** `npx custom-elements-manifest analyze --config custom-elements-manifest.config.mjs` -> ./custom-elements.json */
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/test/**', 'packages/*/src/define.ts', 'packages/*/src/**/*.test.ts', 'packages/munikit/src/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
