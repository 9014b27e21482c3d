// JavaScript and TypeScript into an ESTree AST with ranges, through typescript-estree (no type information needed).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { estree } from './estree-loader.js';
import type { ParseResult } from './index.js';

export function parseScript(text: string, path: string): ParseResult<TSESTree.Program> {
  const lower = path.toLowerCase();
  // `.ts` cannot take JSX (it would misread `<T>(x)` casts); plain `.js` often holds JSX in React projects.
  const jsx = lower.endsWith('.tsx') || lower.endsWith('.jsx') || lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs');
  try {
    return { ok: true, value: estree().parse(text, { range: true, loc: true, jsx, comment: false, tokens: false, filePath: path, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true }) };
  } catch (error) {
    const located = error as { message: string; lineNumber?: number; column?: number };
    return { ok: false, error: { message: located.message.split('\n')[0]!, line: located.lineNumber, column: located.column } };
  }
}
