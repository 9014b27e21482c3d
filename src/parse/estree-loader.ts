// Loads typescript-estree (and with it TypeScript, ~0.4 s) on the first JS/TS parse rather than at start-up, so a
// pre-commit scan of a few staged YAML files does not pay for it. The Action bundle swaps this module for one that
// loads the parser's own bundled chunk.
import { createRequire } from 'node:module';

type Estree = typeof import('@typescript-eslint/typescript-estree');

let loaded: Estree | undefined;

export function estree(): Estree {
  loaded ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as Estree;
  return loaded;
}
