// JavaScript and TypeScript into an ESTree AST with ranges, through typescript-estree (no type information needed).
// typescript-estree pulls in the TypeScript compiler, which takes most of a second to load: it is required on
// the first file that needs an AST, never at start-up (most scans, and every pre-commit run on non-JS files,
// never need one).
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParseResult } from './index.js';

type Estree = typeof import('@typescript-eslint/typescript-estree');
let estree: Estree | undefined;

function loadEstree(): Estree {
  estree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as Estree;
  return estree;
}

export function parseScript(text: string, path: string): ParseResult<TSESTree.Program> {
  const lower = path.toLowerCase();
  // `.ts` cannot take JSX (it would misread `<T>(x)` casts); plain `.js` often holds JSX in React projects.
  const jsx = lower.endsWith('.tsx') || lower.endsWith('.jsx') || lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs');
  try {
    return { ok: true, value: loadEstree().parse(text, { range: true, loc: true, jsx, comment: false, tokens: false, filePath: path, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true }) };
  } catch (error) {
    const located = error as { message: string; lineNumber?: number; column?: number };
    return { ok: false, error: { message: located.message.split('\n')[0]!, line: located.lineNumber, column: located.column } };
  }
}
