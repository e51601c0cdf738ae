// Vite plugins of the widget build (vite.config.ts): the chunk map munikit.js preloads from, and the
// Brotli/gzip copies the server sends instead of the files (serveStatic's `precompressed`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseAst, type Plugin } from 'vite';

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

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Every `html`/`css` tagged template's static parts (start, end, kind), in source order. */
function templateParts(ast: unknown): { start: number; end: number; kind: 'html' | 'css' }[] {
  const parts: { start: number; end: number; kind: 'html' | 'css' }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'TaggedTemplateExpression') {
      const tag = n.tag as Node & { name?: string };
      if (tag.type === 'Identifier' && (tag.name === 'html' || tag.name === 'css')) {
        for (const q of (n.quasi as Node & { quasis: Node[] }).quasis) parts.push({ start: q.start, end: q.end, kind: tag.name });
      }
    }
    for (const key of Object.keys(n)) if (key !== 'type' && key !== 'start' && key !== 'end') visit(n[key]);
  };
  visit(ast);
  // Templates nest (`${cond ? html`…` : nothing}`): their parts interleave with the outer one's.
  return parts.sort((a, b) => a.start - b.start);
}

/** CSS text without comments and with the spaces around braces and semicolons removed (none of our styles quote them). */
export const minifyCss = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}');

/** A run of white space in markup is one space to the browser (outside <pre> and <textarea>). */
export const minifyHtml = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * Lit's `html` and `css` templates keep their source indentation and comments through the minifier;
 * on a slow line those bytes count. Templates containing <pre> or <textarea> (where white space shows)
 * are left alone; elsewhere a run of spaces and newlines becomes one space, never none.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'munikit-minify-templates',
    apply: 'build',
    transform: {
      order: 'post',
      filter: { id: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ },
      handler(code) {
        if (!/\b(html|css)`/.test(code)) return null;
        const parts = templateParts(parseAst(code));
        if (parts.length === 0) return null;
        let out = '';
        let at = 0;
        for (const p of parts) {
          const text = code.slice(p.start, p.end);
          out += code.slice(at, p.start);
          out += p.kind === 'css' ? minifyCss(text) : /<(pre|textarea)\b/i.test(text) ? text : minifyHtml(text);
          at = p.end;
        }
        return { code: out + code.slice(at), map: null };
      },
    },
  };
}
