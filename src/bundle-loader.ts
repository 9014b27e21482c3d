// Loads the installed bin's CommonJS bundle (dist/bin/main.cjs) with the V8 code cache the build wrote beside it.
// Compiling the 3 MB bundle was about a quarter of every run's start-up on Node 20, which has no compile cache of its
// own (module.enableCompileCache arrived in 22.1): a pre-commit hook pays it on every commit. The cache holds the
// functions a scan of the fixtures compiled, so a scan starts with them ready. V8 checks the cache against its own
// version, its flags and the source, and compiles afresh when it does not match: the cache file is named for the V8
// that wrote it, and a Node without one (another version) takes Node's own compile cache where there is one.
import module, { createRequire } from 'node:module';
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

/** How the bundle's code was compiled: with the build's cache, with it refused by V8, with none, or by Node's cache. */
export type CodeCache = 'accepted' | 'rejected' | 'absent' | 'node';

export interface BundleLoad {
  codeCache: CodeCache;
  /** Milliseconds from the process's start to the bundle's exports in hand. */
  readyMs: number;
}

export interface LoadedBundle<T> {
  exports: T;
  load: BundleLoad;
  /** Writes what V8 compiled so far as the bundle's cache (the build's warm-up scan calls it at the end). */
  writeCodeCache: () => void;
}

/** The cache file for this process's V8: a cache written by another V8 is never read. */
export function codeCacheFile(bundle: string): string {
  return `${bundle}.v8-${process.versions.v8}.cache`;
}

/** Set by the build's warm-up scan, which must compile through V8 to have a cache to write. */
export const WRITE_CODE_CACHE_ENV = 'BLAST_RADIUS_WRITE_CODE_CACHE';

// Node 20.12+ lets vm-compiled code use import() (the bundle imports a few Node built-ins lazily); older 20s cannot.
const dynamicImport = (vm.constants as Partial<typeof vm.constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

export function loadBundle<T>(bundle: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const cacheFile = codeCacheFile(bundle);
  const writing = Boolean(env[WRITE_CODE_CACHE_ENV]);
  const hasCache = existsSync(cacheFile);
  if (dynamicImport === undefined || (!hasCache && !writing)) return required<T>(bundle);

  const cachedData = hasCache && !writing ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(module.wrap(source(bundle)), {
    filename: bundle,
    cachedData,
    importModuleDynamically: dynamicImport,
  });
  const codeCache: CodeCache = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const cjs = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(cjs.exports, createRequire(bundle), cjs, bundle, dirname(bundle));
  return {
    exports: cjs.exports,
    load: { codeCache, readyMs: performance.now() },
    writeCodeCache: () => writeFileSync(cacheFile, script.createCachedData()),
  };
}

/**
 * The bundle's text. The build makes it ASCII (scripts/bundle-cli.ts), which reads as Latin-1 into a one-byte string
 * at once; decoding the same 3.6 MB as UTF-8 took 20-50 ms more. A bundle that is not ASCII is decoded as UTF-8.
 */
function source(bundle: string): string {
  const bytes = readFileSync(bundle);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Node's own loader, with Node's compile cache where it has one (22.1+). */
function required<T>(bundle: string): LoadedBundle<T> {
  const nodeCache = module as { enableCompileCache?: () => { status: number }; constants?: { compileCacheStatus?: Record<string, number> } };
  const status = nodeCache.enableCompileCache?.().status;
  const { ENABLED, ALREADY_ENABLED } = nodeCache.constants?.compileCacheStatus ?? {};
  const enabled = status !== undefined && (status === ENABLED || status === ALREADY_ENABLED);
  const exports = createRequire(bundle)(bundle) as T;
  return {
    exports,
    load: { codeCache: enabled ? 'node' : 'absent', readyMs: performance.now() },
    writeCodeCache: () => {
      throw new Error('no V8 code cache to write: this Node cannot compile the bundle through vm with import()');
    },
  };
}

export function describeLoad(load: BundleLoad): string {
  const how = { accepted: 'code cache used', rejected: 'code cache refused by V8, compiled afresh', absent: 'no code cache', node: "Node's compile cache" }[load.codeCache];
  return `bundle loaded, ${how}`;
}
