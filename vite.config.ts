import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { elementChunkMap, elementOf, minifyTemplates, precompress } from './scripts/widget-build.ts';

// Builds the drop-in bundle: dist/widgets/munikit.js (tiny loader) + one hashed lazy chunk per element
// (plus shared chunks). Served by the MuniKit server under /widgets/.
export default defineConfig({
  // Chunks import each other relatively, so the bundle works from any origin and path.
  base: './',
  publicDir: false,
  plugins: [minifyTemplates(), elementChunkMap(), precompress()],
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    target: 'es2022',
    outDir: 'dist/widgets',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    // No preload helper: it would resolve chunk URLs against the host page, not our server. munikit.js
    // preloads each element's chunks itself, from the map elementChunkMap() writes into it.
    modulePreload: false,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('./packages/munikit/src/munikit.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'munikit.js',
    },
    rolldownOptions: {
      output: {
        entryFileNames: 'munikit.js',
        // Name each lazy chunk after its element package, and the shared one (Lit, i18next, core) "core".
        chunkFileNames: (chunk) => {
          const element = elementOf(chunk.facadeModuleId);
          if (element) return `chunks/${element}-[hash].js`;
          // A chunk of core's own loaded on demand (blocked-origin.ts) keeps its module's name.
          if (!chunk.isDynamicEntry && chunk.moduleIds.some((id) => id.includes('/packages/core/src/'))) return 'chunks/core-[hash].js';
          return 'chunks/[name]-[hash].js';
        },
        // Keep dynamic imports as separate chunks (never inline them into munikit.js).
        codeSplitting: true,
        // Vite's library mode leaves ES output unminified for whitespace; we ship to slow links.
        minify: true,
        // /* @__PURE__ */ marks are for a bundler after us; there is none, so they are bytes on the wire.
        comments: { annotation: false },
      },
    },
  },
});
