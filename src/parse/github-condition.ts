// Whether a GitHub Actions `if:` can hold on a run of one event. Only what the event fixes is read (`github.event_name`,
// `github.ref` and `github.ref_name`, the job-status functions); every other operand is unknown, so a condition is
// `no` only when the event alone makes it false (`github.event_name == 'push'` on a pull request).

export type Verdict = 'yes' | 'no' | 'unknown';

/** What a context can be on the run: exactly `text`, or `prefix` followed by something `rest` matches. */
type Value = { text: string } | { prefix: string; rest: RegExp } | undefined;

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
  return text.startsWith(value.prefix) && value.rest.test(text.slice(value.prefix.length)) ? 'unknown' : 'no';
}

function startsWith(value: Value, prefix: string): Verdict {
  if (!value) return 'unknown';
  if ('text' in value) return value.text.startsWith(prefix) ? 'yes' : 'no';
  if (value.prefix.startsWith(prefix)) return 'yes';
  return prefix.startsWith(value.prefix) ? 'unknown' : 'no';
}

const not = (verdict: Verdict): Verdict => (verdict === 'yes' ? 'no' : verdict === 'no' ? 'yes' : 'unknown');
const TOKEN = /\s*(?:'((?:[^']|'')*)'|(&&|\|\||==|!=|<=|>=|<|>|!|\(|\)|,)|([A-Za-z_][\w-]*(?:\.(?:[\w-]+|\*)|\[[^\]]*\])*)|(-?\d+(?:\.\d+)?))/y;

type Token = { kind: 'string' | 'op' | 'name' | 'number'; text: string };
type Operand = { value: Value; verdict: Verdict };

/** The condition's verdict on a run of `event`; unknown when the expression is not one this reads. */
export function conditionHolds(condition: string, event: string): Verdict {
  const wrapped = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition);
  const source = wrapped ? wrapped[1]! : condition;
  if (!wrapped && source.includes('${{')) return 'unknown';
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      if (/^\s*$/.test(source.slice(start))) break;
      return 'unknown';
    }
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/''/g, "'").toLowerCase() });
    else if (match[2]) tokens.push({ kind: 'op', text: match[2] });
    else if (match[3]) tokens.push({ kind: 'name', text: match[3].toLowerCase() });
    else tokens.push({ kind: 'number', text: match[4]! });
  }
  let at = 0;
  const peek = (text: string) => tokens[at]?.kind === 'op' && tokens[at]!.text === text;
  const expect = (text: string) => {
    if (!peek(text)) throw new SyntaxError(text);
    at++;
  };
  const or = (): Verdict => {
    let verdict = and();
    while (peek('||')) {
      at++;
      const next = and();
      verdict = verdict === 'yes' || next === 'yes' ? 'yes' : verdict === 'no' && next === 'no' ? 'no' : 'unknown';
    }
    return verdict;
  };
  const and = (): Verdict => {
    let verdict = unary();
    while (peek('&&')) {
      at++;
      const next = unary();
      verdict = verdict === 'no' || next === 'no' ? 'no' : verdict === 'yes' && next === 'yes' ? 'yes' : 'unknown';
    }
    return verdict;
  };
  const unary = (): Verdict => {
    if (peek('!')) {
      at++;
      return not(unary());
    }
    const left = primary();
    const operator = tokens[at];
    if (operator?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(operator.text)) return left.verdict;
    at++;
    const right = primary();
    if (operator.text !== '==' && operator.text !== '!=') return 'unknown';
    const literal = (operand: Operand) => (operand.value && 'text' in operand.value && operand.verdict !== 'unknown' ? operand.value.text : undefined);
    const leftText = literal(left);
    const rightText = literal(right);
    const verdict = rightText !== undefined ? equals(left.value, rightText) : leftText !== undefined ? equals(right.value, leftText) : 'unknown';
    return operator.text === '==' ? verdict : not(verdict);
  };
  const primary = (): Operand => {
    const token = tokens[at++];
    if (!token) throw new SyntaxError('end');
    if (token.kind === 'op' && token.text === '(') {
      const verdict = or();
      expect(')');
      return { value: undefined, verdict };
    }
    if (token.kind === 'string') return { value: { text: token.text }, verdict: token.text ? 'yes' : 'no' };
    if (token.kind === 'number') return { value: { text: token.text }, verdict: Number(token.text) ? 'yes' : 'no' };
    if (token.kind !== 'name') throw new SyntaxError(token.text);
    if (peek('(')) {
      at++;
      const args: Operand[] = [];
      while (!peek(')')) {
        args.push(primaryOrExpression());
        if (!peek(')')) expect(',');
      }
      at++;
      return { value: undefined, verdict: call(token.text, args) };
    }
    if (token.text === 'true' || token.text === 'false' || token.text === 'null') return { value: { text: token.text }, verdict: token.text === 'true' ? 'yes' : 'no' };
    return { value: contextValue(token.text, event), verdict: 'unknown' };
  };
  // A function's argument is usually a value, but may be a whole expression (`format(...)`, `a || b`).
  const primaryOrExpression = (): Operand => {
    const start = at;
    const operand = primary();
    if (peek(',') || peek(')')) return operand;
    at = start;
    return { value: undefined, verdict: or() };
  };
  try {
    const verdict = or();
    return at === tokens.length ? verdict : 'unknown';
  } catch (error) {
    if (error instanceof SyntaxError) return 'unknown';
    throw error;
  }
}

function call(name: string, args: readonly Operand[]): Verdict {
  if (name === 'always' || name === 'success') return 'yes';
  if (name === 'cancelled') return 'no';
  const literal = args[1]?.value && 'text' in args[1].value ? args[1].value.text : undefined;
  if (name === 'startswith' && literal !== undefined) return startsWith(args[0]!.value, literal);
  return 'unknown';
}

/** Whether a condition uses a status function that runs the job even when a job it needs was skipped. */
export function ignoresSkippedNeeds(condition: string): boolean {
  return /\b(?:always|cancelled)\s*\(\s*\)/.test(condition);
}
