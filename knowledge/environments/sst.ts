// SST v3 (`sst.config.ts`): one program deploys every stage, and `$app.stage` decides what each gets. Both detectors
// read its conditionals: which branch of `isProd ? new sst.aws.Postgres(...) : sst.aws.Postgres.get(...)` a
// component sits in says whether production creates it or the other stages borrow it.
import { closingBracket } from '../../src/parse/brackets.js';

export function isSstConfig(path: string): boolean {
  return path === 'sst.config.ts' || path.endsWith('/sst.config.ts');
}

/** Names bound to "this stage is production" (true) or "this stage is not" (false): `const isProd = $app.stage === "production"`. */
export function sstStageTests(text: string): Map<string, boolean> {
  const tests = new Map<string, boolean>();
  for (const match of text.matchAll(STAGE_TEST)) tests.set(match[1]!, match[2]!.startsWith('='));
  return tests;
}

const STAGE_TEST = /\b(?:const|let|var)\s+(\w+)\s*=\s*\$app\.stage\s*(===?|!==?)\s*["'`](?:production|prod|prd)["'`]/g;
const INLINE_TEST = /\$app\.stage\s*(===?|!==?)\s*["'`](?:production|prod|prd)["'`]\s*$/;

/**
 * Which stages reach the expression at `at` through a conditional on the stage: `isProd ? new … : sst.aws.X.get(…)`
 * puts the `.get` in the other stages' branch and the `new` in production's; `!isProd ? … : …` the other way round.
 * Undefined when the expression is in no such conditional.
 */
export function sstBranchOf(text: string, at: number, tests: ReadonlyMap<string, boolean>): 'production' | 'other' | undefined {
  const statement = text.slice(statementStart(text, at), at);
  // After `:` of `cond ? a : ` (the else branch), or right after `cond ? ` (the then branch); not `?.` nor `??`.
  const elseBranch = /^([\s\S]*?)\?(?![.?])[\s\S]*:\s*$/.exec(statement);
  const thenBranch = elseBranch ? null : /^([\s\S]*?)\?(?![.?])\s*$/.exec(statement);
  const condition = (elseBranch ?? thenBranch)?.[1];
  if (condition === undefined) return undefined;
  // The condition after a declaration (`const db = isProd`) or an assignment (`db = isProd`).
  const production = conditionSaysProduction(condition.replace(/^\s*(?:(?:const|let|var)\s+)?[\w.]+\s*=(?![=>])/, '').trim(), tests);
  if (production === undefined) return undefined;
  return (elseBranch !== null) === production ? 'other' : 'production';
}

/** True when the condition holds in production, false when it holds elsewhere, undefined when it is not about the stage. */
function conditionSaysProduction(condition: string, tests: ReadonlyMap<string, boolean>): boolean | undefined {
  const negated = condition.startsWith('!') && !condition.startsWith('!=');
  const name = condition.replace(/^!\s*/, '').replace(/^\(|\)$/g, '').trim();
  const known = tests.get(name);
  if (known !== undefined) return negated ? !known : known;
  const inline = INLINE_TEST.exec(name);
  if (inline) return inline[1]!.startsWith('=') !== negated;
  return undefined;
}

/** Where the statement holding `at` starts: its declaration (`const database =`), else after the last `;`. */
function statementStart(text: string, at: number): number {
  let start = text.lastIndexOf(';', at) + 1;
  DECLARATION.lastIndex = start;
  for (let match = DECLARATION.exec(text); match !== null && match.index < at; match = DECLARATION.exec(text)) start = match.index;
  return start;
}

const DECLARATION = /\b(?:const|let|var)\s+\w+\s*=/g;

/** The statement holding `at`, from its start to its `;` (or the end of the call at `at`). */
export function statementAround(text: string, at: number): { start: number; text: string } {
  const start = statementStart(text, at);
  const open = text.indexOf('(', at);
  const close = open === -1 ? -1 : closingBracket(text, open, { quotes: `"'\`` });
  const end = text.indexOf(';', close === -1 ? at : close);
  return { start, text: text.slice(start, end === -1 ? text.length : end) };
}
