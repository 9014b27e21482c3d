// The last step of `npm run build`: bundles the command line and the scan's worker thread into dist/bin/main.cjs,
// writes V8's code cache for it from a warm-up scan of the fixtures, and builds the two small launchers that load it
// (dist/bin/cli.js, the bin, and dist/bin/scan-worker.js, where the scan finds its worker). One file instead of some
// 300 modules saves 0.3 s of every run, and the code cache most of the bundle's compile time (src/bundle-loader.ts).
// The bundle is CommonJS because only a script, not an ES module, takes a code cache on Node 20. The TypeScript parser
// and the tree-sitter runtime stay in node_modules: the parser loads lazily, and the runtime finds its WebAssembly
// beside itself.
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { codeCacheFile, WRITE_CODE_CACHE_ENV } from '../src/bundle-loader.js';
import { NODE_ESM } from './esbuild-node.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));
export const CLI_DIR = join(REPO, 'dist', 'bin');
const BUNDLE = 'main.cjs';

export async function bundleCli(outDir: string = CLI_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    ...NODE_ESM,
    absWorkingDir: REPO,
    entryPoints: ['src/bundle-main.ts'],
    outfile: join(outDir, BUNDLE),
    format: 'cjs',
    // The sources ask where they are (the worker and the hook installer sit beside the bundle); a script has no
    // import.meta, so the bundle answers from its own file name.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    external: ['@typescript-eslint/typescript-estree', 'web-tree-sitter'],
    // Strings and most patterns escaped to ASCII; comments are made ASCII below (see asciiComments).
    charset: 'ascii',
  });
  asciiComments(join(outDir, BUNDLE));
  await build({
    ...NODE_ESM,
    absWorkingDir: REPO,
    entryPoints: [
      { in: 'src/bin.ts', out: 'cli' },
      { in: 'src/bin-worker.ts', out: 'scan-worker' },
    ],
    outdir: outDir,
  });
  // npm links the bin before `prepare` builds it, so it cannot rely on npm to mark it executable. The unbundled entry
  // tsc emits stays runnable too: it was the bin before, and npx keeps links to it in its cache.
  chmodSync(join(outDir, 'cli.js'), 0o755);
  if (outDir === CLI_DIR) chmodSync(join(REPO, 'dist', 'src', 'cli.js'), 0o755);
  writeCodeCache(outDir);
}

/**
 * Makes the bundle pure ASCII, so that the loader reads it as one byte a character (src/bundle-loader.ts): a few
 * arrows and quotes made Node decode 3.6 MB of UTF-8 into a two-byte string at every start (40-100 ms here, against
 * 1-2 ms for the same bytes read as Latin-1). esbuild escapes strings, but keeps comments, and a pattern it cannot
 * rewrite without changing it: those must use `\u` escapes in the source, and the build fails on any it finds.
 */
function asciiComments(bundle: string): void {
  const lines = readFileSync(bundle, 'utf8').split('\n');
  lines.forEach((line, index) => {
    const first = line.search(/[^\x00-\x7f]/);
    if (first === -1) return;
    const inComment = /^\s*(?:\/\/|\*|\/\*)/.test(line) || /(?:^|\s)\/\//.test(line.slice(0, first));
    if (!inComment) throw new Error(`bundle-cli: a non-ASCII character outside a comment at ${bundle}:${index + 1}; write it as a \\u escape in the source`);
    lines[index] = line.replace(/[^\x00-\x7f]/g, '?');
  });
  writeFileSync(bundle, lines.join('\n'));
}

/**
 * Scans the fixtures with the built bin, so that V8 compiles what a scan runs, and keeps that as the bundle's cache.
 * Without it the bin still works, compiling as it goes: a failed warm-up is reported, not fatal to the build.
 */
function writeCodeCache(outDir: string): void {
  const report = join(tmpdir(), `blast-radius-warm-up-${process.pid}.json`);
  const run = spawnSync(process.execPath, [join(outDir, 'cli.js'), 'scan', join(REPO, 'fixtures'), '-f', 'json', '-o', report, '--fail-on', 'none'], {
    encoding: 'utf8',
    // One thread: the cache is written by the thread that compiled the code.
    env: { ...process.env, [WRITE_CODE_CACHE_ENV]: '1', BLAST_RADIUS_WORKERS: '1' },
  });
  rmSync(report, { force: true });
  const written = readdirSync(outDir).includes(codeCacheFile(BUNDLE));
  if (run.status !== 0 || !written) {
    process.stderr.write(`bundle-cli: no code cache written (the bin will compile as it goes): ${run.stderr || `exit ${run.status}`}\n`);
  }
}

// `node dist/scripts/bundle-cli.js` (the end of npm run build).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  bundleCli().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
