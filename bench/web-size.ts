import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// First-load JavaScript of the web app, gzipped, measured on apps/web/dist (run `npm run build:web` first):
// the login page loads the entry script and its static imports (index.html's module script and
// modulepreload links, followed through `import` statements); the people list adds its lazy page chunk
// (and that chunk's static imports) when it is not in the entry. Target: under 300 KB each.

const DIST = path.resolve(import.meta.dirname, '../apps/web/dist');

function staticImports(file: string): string[] {
  const code = fs.readFileSync(path.join(DIST, 'assets', file), 'utf8');
  const out = new Set<string>();
  // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
  for (const m of code.matchAll(/(?:from\s*|import\s*)["']\.\/([^"']+\.js)["']/g)) out.add(m[1]);
  return [...out];
}

function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f) || !fs.existsSync(path.join(DIST, 'assets', f))) return;
    seen.add(f);
    staticImports(f).forEach(walk);
  };
  roots.forEach(walk);
  return seen;
}

const gz = (files: Iterable<string>) => {
  let n = 0;
  for (const f of files) n += zlib.gzipSync(fs.readFileSync(path.join(DIST, 'assets', f))).length;
  return n;
};
// What a browser downloads: the build's own brotli file (quality 11) where there is one.
const br = (files: Iterable<string>) => {
  let n = 0;
  for (const f of files) {
    const file = path.join(DIST, 'assets', f);
    n += fs.existsSync(`${file}.br`)
      ? fs.statSync(`${file}.br`).size
      : zlib.brotliCompressSync(fs.readFileSync(file)).length;
  }
  return n;
};

export function measureWebSize() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const initial = closure(roots);
  const assets = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  // The people list comes with the signed-in app (its own chunk since the login page was split off).
  const peopleChunks = assets.filter(
    (f) => /^(signed-in-routes|people-(list|page|search))/.test(f) && !initial.has(f),
  );
  const people = closure([...initial, ...peopleChunks]);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    loginKB: kb(gz(initial)),
    peopleKB: kb(gz(people)),
    loginBrotliKB: kb(br(initial)),
    peopleBrotliKB: kb(br(people)),
    loginFiles: [...initial],
    peopleExtraFiles: [...people].filter((f) => !initial.has(f)),
    targetKB: 300,
    note: 'JS files only (CSS not counted): gzip level 6 (zlib default), and the brotli files the build writes',
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(JSON.stringify(measureWebSize(), null, 2));
