import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The login page and the people list must stay light: everything else is lazy-loaded.
const INITIAL_JS_BUDGET_KB = 300;

/** Prints the gzipped size of the JS a first visit downloads (entry + its static imports). */
function initialJsReport(): Plugin {
  return {
    name: 'hoanhap-initial-js',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (entry?.type !== 'chunk') return;
      const files = new Set<string>();
      const walk = (file: string) => {
        const chunk = bundle[file];
        if (files.has(file) || chunk?.type !== 'chunk') return;
        files.add(file);
        chunk.imports.forEach(walk);
      };
      walk(entry.fileName);
      let gz = 0;
      for (const f of files) {
        const chunk = bundle[f];
        if (chunk.type === 'chunk') gz += zlib.gzipSync(chunk.code).length;
      }
      const kb = gz / 1024;
      const line = `initial JS: ${kb.toFixed(1)} KB gzipped (${files.size} files; budget ${INITIAL_JS_BUDGET_KB} KB)`;
      if (kb > INITIAL_JS_BUDGET_KB) this.warn(`over budget — ${line}`);
      else process.stdout.write(`${line}\n`);
    },
  };
}

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every text file of the build, once: the server sends them
 * as they are (@fastify/static `preCompressed`), so a phone on a slow link downloads the smallest form and the
 * server spends no CPU per request.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|webmanifest|txt)$/;
  return {
    name: 'hoanhap-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const files = [...Object.keys(bundle), 'index.html'].filter((f) => compressible.test(f));
      for (const f of new Set(files)) {
        const file = path.join(dir, f);
        if (!fs.existsSync(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), initialJsReport(), precompress()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Browsers the app supports preload modules themselves: no polyfill in the first download.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
