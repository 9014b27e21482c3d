// Whether a GitHub Actions `if:` can hold on a run of one event. Only what the event fixes is read (`github.event_name`,
// `github.ref` and `github.ref_name`, the job-status functions); every other operand is unknown, so a condition is
// `no` only when the event alone makes it false (`github.event_name == 'push'` on a pull request). GitHub's own
// expression parser reads the syntax; GitHub's evaluator needs every value, so the verdict is worked out here.
import { Lexer, Parser, type Expr } from '@actions/expressions';
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary } from '@actions/expressions/ast';
import type { FunctionInfo } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

export type Verdict = 'yes' | 'no' | 'unknown';

/**
 * What an operand can be on the run: exactly `text`, `prefix` followed by something `rest` matches, one of `list`
 * (a `fromJSON` array), or unknown. Text is lowercase: GitHub compares strings ignoring case.
 */
type Value = { text: string } | { prefix: string; rest: RegExp } | { list: readonly string[] } | undefined;
type Operand = { value: Value; verdict: Verdict };

/** The contexts and status functions a job's or step's `if:` may use; anything else does not parse (unknown). */
const CONTEXTS = ['github', 'env', 'vars', 'needs', 'inputs', 'matrix', 'strategy', 'job', 'jobs', 'steps', 'runner', 'secrets'];
const STATUS_FUNCTIONS: FunctionInfo[] = [
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 255 },
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

/** The refs a pull request's run has: its merge ref, or the base branch for `pull_request_target`. */
function contextValue(name: string, event: string): Value {
  if (name === 'github.event_name') return { text: event };
  if (event === 'pull_request') {
    if (name === 'github.ref') return { prefix: 'refs/pull/', rest: /^\d+\/merge$/ };
    if (name === 'github.ref_name') return { prefix: '', rest: /^\d+\/merge$/ };
  }
  if (event === 'pull_request_target' && name === 'github.ref') return { prefix: 'refs/heads/', rest: /./ };
  return undefined;
}

function equals(value: Value, text: string): Verdict {
  if (!value) return 'unknown';
  if ('text' in value) return value.text === text ? 'yes' : 'no';
  if ('list' in value) return 'no';
  return text.startsWith(value.prefix) && value.rest.test(text.slice(value.prefix.length)) ? 'unknown' : 'no';
}

function startsWith(value: Value, prefix: string): Verdict {
  if (!value || 'list' in value) return 'unknown';
  if ('text' in value) return value.text.startsWith(prefix) ? 'yes' : 'no';
  if (value.prefix.startsWith(prefix)) return 'yes';
  return prefix.startsWith(value.prefix) ? 'unknown' : 'no';
}

/** `contains(haystack, needle)`: an array holds an equal item, a string a substring. */
function contains(haystack: Value, needle: Value): Verdict {
  const text = needle && 'text' in needle ? needle.text : undefined;
  if (haystack && 'list' in haystack) {
    if (text !== undefined) return haystack.list.includes(text) ? 'yes' : 'no';
    const verdicts = haystack.list.map((item) => equals(needle, item));
    return verdicts.includes('yes') ? 'yes' : verdicts.every((verdict) => verdict === 'no') ? 'no' : 'unknown';
  }
  if (haystack && 'text' in haystack && text !== undefined) return haystack.text.includes(text) ? 'yes' : 'no';
  return 'unknown';
}

const not = (verdict: Verdict): Verdict => (verdict === 'yes' ? 'no' : verdict === 'no' ? 'yes' : 'unknown');
const unknown: Operand = { value: undefined, verdict: 'unknown' };

/** The condition's verdict on a run of `event`; unknown when the expression does not parse. */
export function conditionHolds(condition: string, event: string): Verdict {
  const wrapped = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition);
  const source = wrapped ? wrapped[1]! : condition;
  if (!wrapped && source.includes('${{')) return 'unknown';
  let expression: Expr;
  try {
    expression = new Parser(new Lexer(source).lex().tokens, CONTEXTS, STATUS_FUNCTIONS).parse();
  } catch {
    return 'unknown';
  }
  return evaluate(expression, event).verdict;
}

function evaluate(node: Expr, event: string): Operand {
  if (node instanceof Grouping) return evaluate(node.group, event);
  if (node instanceof Literal) return literal(node.literal.primitive ? node.literal.coerceString() : undefined, truthy(node.literal));
  if (node instanceof ContextAccess || node instanceof IndexAccess) {
    const name = contextName(node);
    return name === undefined ? unknown : { value: contextValue(name, event), verdict: 'unknown' };
  }
  if (node instanceof Unary) return { value: undefined, verdict: not(evaluate(node.expr, event).verdict) };
  if (node instanceof Logical) {
    const verdicts = node.args.map((arg) => evaluate(arg, event).verdict);
    const decisive = node.operator.lexeme === '&&' ? 'no' : 'yes';
    const verdict = verdicts.includes(decisive) ? decisive : verdicts.every((one) => one === not(decisive)) ? not(decisive) : 'unknown';
    return { value: undefined, verdict };
  }
  if (node instanceof Binary) {
    const operator = node.operator.lexeme;
    if (operator !== '==' && operator !== '!=') return unknown;
    const left = evaluate(node.left, event);
    const right = evaluate(node.right, event);
    const verdict = isText(right.value) ? equals(left.value, right.value.text) : isText(left.value) ? equals(right.value, left.value.text) : 'unknown';
    return { value: undefined, verdict: operator === '==' ? verdict : not(verdict) };
  }
  if (node instanceof FunctionCall) return call(node.functionName.lexeme.toLowerCase(), node.args, event);
  return unknown;
}

/** A literal operand: its text when it has one (a string, number, boolean or null), and its truth. */
function literal(text: string | undefined, truthy: boolean): Operand {
  return { value: text === undefined ? undefined : { text: text.toLowerCase() }, verdict: truthy ? 'yes' : 'no' };
}

function isText(value: Value): value is { text: string } {
  return value !== undefined && 'text' in value;
}

/** `github.event_name` for `github.event_name` or `github['event_name']`; undefined for a computed or wildcard index. */
function contextName(node: Expr): string | undefined {
  if (node instanceof ContextAccess) return node.name.lexeme.toLowerCase();
  if (!(node instanceof IndexAccess) || !(node.index instanceof Literal) || !node.index.literal.primitive) return undefined;
  const parent = contextName(node.expr);
  return parent === undefined ? undefined : `${parent}.${node.index.literal.coerceString().toLowerCase()}`;
}

function call(name: string, args: readonly Expr[], event: string): Operand {
  if (name === 'always' || name === 'success') return { value: undefined, verdict: 'yes' };
  if (name === 'cancelled') return { value: undefined, verdict: 'no' };
  if (name === 'fromjson') return fromJson(args[0], event);
  const [first, second] = args.map((arg) => evaluate(arg, event).value);
  if (name === 'startswith' && isText(second)) return { value: undefined, verdict: startsWith(first, second.text) };
  if (name === 'endswith' && isText(first) && isText(second)) return { value: undefined, verdict: first.text.endsWith(second.text) ? 'yes' : 'no' };
  if (name === 'contains') return { value: undefined, verdict: contains(first, second) };
  return unknown;
}

/** A JSON literal's value: a string, or an array of strings (`fromJSON('["push", "schedule"]')`). */
function fromJson(arg: Expr | undefined, event: string): Operand {
  const source = arg === undefined ? undefined : evaluate(arg, event).value;
  if (!isText(source)) return unknown;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch {
    return unknown;
  }
  if (typeof parsed === 'string') return literal(parsed, parsed !== '');
  if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return { value: { list: parsed.map((item) => item.toLowerCase()) }, verdict: 'yes' };
  return unknown;
}

/** Whether a condition uses a status function that runs the job even when a job it needs was skipped. */
export function ignoresSkippedNeeds(condition: string): boolean {
  return /\b(?:always|cancelled)\s*\(\s*\)/.test(condition);
}
