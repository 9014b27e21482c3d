// The last step of `npm run build`: bundles the command line (src/bin.ts) and the scan's worker thread into dist/bin/,
// so that `blast-radius` loads a few files instead of some 300 modules (0.3 s of every run, and most of a pre-commit
// hook's). Shared code sits in chunks beside the two entries, where the worker and the hook installer find them
// (`./scan-worker.js`, `./cli.js` next to the code that names them). The TypeScript parser and the tree-sitter
// runtime stay in node_modules: the parser loads lazily, and the runtime finds its WebAssembly beside itself.
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ESM } from './esbuild-node.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));
export const CLI_DIR = join(REPO, 'dist', 'bin');

export async function bundleCli(outDir: string = CLI_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    ...NODE_ESM,
    absWorkingDir: REPO,
    entryPoints: [
      { in: 'src/bin.ts', out: 'cli' },
      { in: 'src/scan-worker.ts', out: 'scan-worker' },
    ],
    outdir: outDir,
    splitting: true,
    chunkNames: '[name]-[hash]',
    external: ['@typescript-eslint/typescript-estree', 'web-tree-sitter'],
  });
  // npm links the bin before `prepare` builds it, so it cannot rely on npm to mark it executable. The unbundled entry
  // tsc emits stays runnable too: it was the bin before, and npx keeps links to it in its cache.
  chmodSync(join(outDir, 'cli.js'), 0o755);
  if (outDir === CLI_DIR) chmodSync(join(REPO, 'dist', 'src', 'cli.js'), 0o755);
}

// `node dist/scripts/bundle-cli.js` (the end of npm run build).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  bundleCli().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
