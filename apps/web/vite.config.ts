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

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), initialJsReport()],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
