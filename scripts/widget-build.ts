// Vite plugins of the widget build (vite.config.ts): the chunk map munikit.js preloads from, and the
// Brotli/gzip copies the server sends instead of the files (serveStatic's `precompressed`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** An element chunk's build name (its package folder): what munikit.ts keys its map by. */
export const elementOf = (facadeModuleId: string | null | undefined): string | undefined =>
  facadeModuleId?.match(/packages\/([^/]+)\/src\/define\.ts$/)?.[1];

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
  code: string;
}

/**
 * Writes into munikit.js, for each element, its chunk and every chunk that chunk imports statically
 * (the bundle's own import graph), so munikit.js can ask for all of them at once.
 */
export function elementChunkMap(placeholder = '__MUNIKIT_CHUNKS__'): Plugin {
  return {
    name: 'munikit-element-chunks',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkInfo => o.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (file: string, seen: string[] = []): string[] => {
        if (seen.includes(file)) return seen;
        seen.push(file);
        for (const dep of byFile.get(file)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) this.error('no entry chunk');
      const map: Record<string, string[]> = {};
      for (const file of entry.dynamicImports) {
        const name = elementOf(byFile.get(file)?.facadeModuleId);
        // Paths relative to munikit.js, which sits one folder above chunks/.
        if (name) map[name] = closure(file);
      }
      const literal = new RegExp(`(["'\`])${placeholder}\\1`);
      if (!literal.test(entry.code)) this.error(`${placeholder} not found in ${entry.fileName}`);
      entry.code = entry.code.replace(literal, () => JSON.stringify(JSON.stringify(map)));
    },
  };
}

/** Files worth compressing: the server would otherwise send them as they are. */
const COMPRESSIBLE = /\.(js|json|css|svg|html|txt|map)$/;

/** `<file>.br` (quality 11) and `<file>.gz` (level 9) next to every file of the output folder. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'munikit-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const bytes = readFileSync(file);
        const br = brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        });
        const gz = gzipSync(bytes, { level: 9 });
        // A copy that is not smaller would only cost a stat per request.
        if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
        if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}
