#!/usr/bin/env node
// The installed `blast-radius` command, built into dist/bin/cli.js (scripts/bundle-cli.ts): a launcher that loads the
// whole program from one bundle beside it, through the code cache the build wrote (src/bundle-loader.ts). Loading
// some 300 module files one by one cost about 0.3 s before any work, and compiling the bundle most of what was left:
// a pre-commit hook pays start-up on every commit.
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { loadBundle, WRITE_CODE_CACHE_ENV } from './bundle-loader.js';
import type * as Bundle from './bundle-main.js';

// V8's optimizing compiler runs beside the scan, and on a two-core machine it takes the scan's own time: without
// inlining it compiles much less, and the scan's code is no slower for it. Measured on 2 vCPUs (paired runs): 6-14%
// less CPU over a whole scan and the same or less wall time. Workers share the flag (V8 flags are per process). Set
// before the bundle compiles: V8 accepts a code cache only under the flags that wrote it.
setFlagsFromString('--no-turbo-inlining');

const bundle = loadBundle<typeof Bundle>(fileURLToPath(new URL('./main.cjs', import.meta.url)));
await bundle.exports.runCli(process.argv.slice(2), bundle.load);
if (process.env[WRITE_CODE_CACHE_ENV]) bundle.writeCodeCache();
