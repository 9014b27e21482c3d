#!/usr/bin/env node
// The installed `blast-radius` command, built into dist/bin/ as a bundle (scripts/bundle-cli.ts): loading some 300
// module files one by one cost about 0.3 s before any work, which a pre-commit hook pays on every commit.
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';

// V8's optimizing compiler runs beside the scan, and on a two-core machine it takes the scan's own time: without
// inlining it compiles much less, and the scan's code is no slower for it. Measured on 2 vCPUs (paired runs): 6-14%
// less CPU over a whole scan and the same or less wall time. Workers share the flag (V8 flags are per process).
setFlagsFromString('--no-turbo-inlining');

// Node 22.1+ keeps the compiled bundle between runs (in the OS temp directory; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), which halves start-up again. Node 20 has no such cache and runs the same code without it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Imported only now, so that the cache covers what it loads.
const { runCli } = await import('./cli.js');
await runCli(process.argv.slice(2));
