import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { NotMeasured, round, type BenchRow } from './lib';

const TARGET_KB = 250;

/** Files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(source: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/**
 * Renderer JS on first load: every script and modulepreload index.html names, plus every
 * chunk those import statically (lazy `import()` chunks are not first load), each gzipped
 * with zlib at its default level, as a web server would send it.
 */
export function measureBundleSize(rendererDir: string): BenchRow {
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new NotMeasured('out/renderer is not built');
  const html = fs.readFileSync(indexFile, 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => path.resolve(rendererDir, m[1]!));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const spec of staticImports(source)) {
      // A string that merely looks like an import (inside a library) names no emitted file.
      const target = path.resolve(path.dirname(file), spec);
      if (fs.existsSync(target)) queue.push(target);
    }
  }
  let raw = 0;
  let gzipped = 0;
  for (const file of seen) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzipped += zlib.gzipSync(bytes).length;
  }
  const kb = round(gzipped / 1024, 1);
  return {
    id: 'bundle',
    name: 'renderer JS on first load (gzip)',
    value: kb,
    unit: 'KB',
    target: `≤ ${TARGET_KB} KB`,
    pass: kb <= TARGET_KB,
    runs: 1,
    note: `${seen.size} file(s), ${round(raw / 1024, 1)} KB before gzip (deterministic: one measurement)`,
  };
}
