// What the CLI and Action bundles share: ESM for Node 20 and later, built from the packages' ESM entries.
import type { BuildOptions } from 'esbuild';

export const NODE_ESM: BuildOptions = {
  bundle: true,
  platform: 'node',
  /** Node 20 still runs node20 actions, self-hosted runners and local installs; node24 is what action.yml asks for. */
  target: 'node20',
  format: 'esm',
  // ESM builds first: jsonc-parser's UMD `main` requires its own files at run time, which a bundle cannot serve.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (fast-glob, yaml's friends) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
};
