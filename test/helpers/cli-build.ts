// The CLI from today's sources as one runnable file, for tests where git itself runs it (hooks): esbuild bundles
// src/cli.ts with its packages left external, into node_modules/.cache so they resolve from there.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIRECTORY = join(REPO, 'node_modules', '.cache', `blast-radius-test-${process.pid}`);
let built: Promise<string> | undefined;

export function removeBuiltCli(): void {
  rmSync(DIRECTORY, { recursive: true, force: true });
  built = undefined;
}

/** Path of a runnable `cli.mjs` built from src/ (once per test process). */
export function builtCli(): Promise<string> {
  built ??= (async () => {
    mkdirSync(DIRECTORY, { recursive: true });
    const outfile = join(DIRECTORY, 'cli.mjs');
    await build({ absWorkingDir: REPO, entryPoints: ['src/cli.ts'], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return built;
}

/** Installs the built CLI as `node_modules/.bin/blast-radius` of a repository, as `npm install -D` would. */
export async function installCliInto(root: string): Promise<void> {
  const cli = await builtCli();
  const bin = join(root, 'node_modules', '.bin', 'blast-radius');
  mkdirSync(dirname(bin), { recursive: true });
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(bin, 0o755);
}
