// Reads the array and dict literals of framework settings files (Laravel's `config/*.php` return an array, Django's
// settings assign dicts) into keyed nodes with offsets. Those files are literals, strings and `env()` calls: a small
// reader covers them, where a full PHP or Python parser would be a new dependency for a few keys.

export type Literal =
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'collection'; entries: LiteralEntry[]; offset: number }
  | { kind: 'expression'; text: string; offset: number };

export interface LiteralEntry {
  /** The key, when the entry has one (`'disks' => [...]`, `"OPTIONS": {...}`). */
  key?: string;
  value: Literal;
}

type Dialect = 'php' | 'python';

/** Reads the literal starting at `offset` (an opening bracket, a string or an expression). */
export function readLiteral(text: string, offset: number, dialect: Dialect): Literal | undefined {
  const reader = new Reader(text, dialect);
  reader.position = offset;
  try {
    return reader.value();
  } catch {
    return undefined;
  }
}

/** The entry under `key` of a collection. */
export function entryOf(literal: Literal | undefined, key: string): Literal | undefined {
  if (literal?.kind !== 'collection') return undefined;
  return literal.entries.find((entry) => entry.key === key)?.value;
}

/** The values of a collection's entries (a list). */
export function itemsOfLiteral(literal: Literal | undefined): Literal[] {
  return literal?.kind === 'collection' ? literal.entries.map((entry) => entry.value) : [];
}

/**
 * A value as the running app sees it when the repo shows it: a string, or the default of an `env('X', 'default')` /
 * `os.environ.get("X", "default")` / `env("X", default="…")` call; otherwise `${X}` for the variable it reads (to be
 * resolved from the app's environment), or undefined.
 */
export function settingOf(literal: Literal | undefined): string | undefined {
  if (!literal) return undefined;
  if (literal.kind === 'string') return literal.value;
  if (literal.kind !== 'expression') return undefined;
  const call = /^(?:env|getenv|os\.environ\.get|os\.getenv|env\.str|config)\(\s*['"]([A-Za-z_][\w.]*)['"]\s*(?:,\s*(?:default\s*=\s*)?(?:['"]([^'"]*)['"]|(\w+)))?\s*\)$/.exec(literal.text.trim());
  if (call) {
    if (call[2] !== undefined && call[2] !== '') return call[2];
    if (call[3] !== undefined && !/^(null|None|false|False|true|True)$/.test(call[3])) return undefined;
    return /^[A-Za-z_]\w*$/.test(call[1]!) ? `\${${call[1]}}` : undefined;
  }
  const subscript = /^os\.environ\[\s*['"]([A-Za-z_]\w*)['"]\s*\]$/.exec(literal.text.trim());
  return subscript ? `\${${subscript[1]}}` : undefined;
}

const OPEN: Record<string, string> = { '[': ']', '{': '}', '(': ')' };

class Reader {
  position = 0;
  constructor(
    private readonly text: string,
    private readonly dialect: Dialect,
  ) {}

  value(): Literal {
    this.skip();
    const start = this.position;
    const char = this.text[this.position];
    if (char === '[' || char === '{') return this.collection(OPEN[char]!);
    if (this.dialect === 'php' && /^array\s*\(/i.test(this.text.slice(start, start + 8))) {
      this.position = this.text.indexOf('(', start);
      return this.collection(')');
    }
    if (char === "'" || char === '"') {
      const value = this.string();
      // A Python statement ends at its line's end, outside brackets.
      if (this.dialect === 'python' && /^[ \t]*(#.*)?(\r?\n|$)/.test(this.text.slice(this.position, this.text.indexOf('\n', this.position) + 1 || undefined))) return { kind: 'string', value, offset: start };
      this.skip();
      // A string followed by more (`'a' . 'b'`, `"x" + y`) is an expression.
      if (!this.atEnd()) return { kind: 'expression', text: this.text.slice(start, this.expressionEnd()), offset: start };
      return { kind: 'string', value, offset: start };
    }
    return { kind: 'expression', text: this.text.slice(start, this.expressionEnd()), offset: start };
  }

  private collection(close: string): Literal {
    const offset = this.position;
    this.position += 1;
    const entries: LiteralEntry[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      this.skip();
      if (this.position >= this.text.length) throw new Error('unclosed');
      if (this.text[this.position] === close) {
        this.position += 1;
        return { kind: 'collection', entries, offset };
      }
      const first = this.value();
      this.skip();
      const separator = this.dialect === 'php' ? '=>' : ':';
      if (this.text.startsWith(separator, this.position)) {
        this.position += separator.length;
        const value = this.value();
        entries.push({ key: first.kind === 'string' ? first.value : undefined, value });
      } else entries.push({ value: first });
      this.skip();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== close) throw new Error('unexpected');
    }
    throw new Error('too long');
  }

  private string(): string {
    const quote = this.text[this.position]!;
    let value = '';
    let index = this.position + 1;
    while (index < this.text.length && this.text[index] !== quote) {
      if (this.text[index] === '\\' && index + 1 < this.text.length) {
        value += this.text[index + 1];
        index += 2;
        continue;
      }
      value += this.text[index];
      index += 1;
    }
    this.position = index + 1;
    return value;
  }

  /** Whether the value ends here: a separator, a comma or a closing bracket follows. */
  private atEnd(): boolean {
    const rest = this.text.slice(this.position, this.position + 2);
    return rest.startsWith(',') || rest.startsWith(']') || rest.startsWith('}') || rest.startsWith(')') || rest.startsWith('=>') || (this.dialect === 'python' && rest.startsWith(':')) || rest.startsWith(';') || this.position >= this.text.length;
  }

  /** Where an expression ends: the first comma, separator or closing bracket outside its own brackets and strings. */
  private expressionEnd(): number {
    let depth = 0;
    let index = this.position;
    while (index < this.text.length) {
      const char = this.text[index]!;
      if (char === "'" || char === '"') {
        this.position = index;
        this.string();
        index = this.position;
        continue;
      }
      if (char === '(' || char === '[' || char === '{') depth += 1;
      else if (char === ')' || char === ']' || char === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if (depth === 0 && (char === ',' || char === ';' || (char === '\n' && this.dialect === 'python') || this.text.startsWith('=>', index) || (this.dialect === 'python' && char === ':'))) break;
      index += 1;
    }
    this.position = index;
    let end = index;
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end -= 1;
    return end;
  }

  /** Skips blanks and comments (`//`, `#`, `/* … *\/`). */
  private skip(): void {
    for (;;) {
      while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position += 1;
      const rest = this.text.slice(this.position, this.position + 2);
      if (rest.startsWith('#') || (this.dialect === 'php' && rest === '//')) {
        const end = this.text.indexOf('\n', this.position);
        this.position = end === -1 ? this.text.length : end + 1;
      } else if (this.dialect === 'php' && rest === '/*') {
        const end = this.text.indexOf('*/', this.position + 2);
        this.position = end === -1 ? this.text.length : end + 2;
      } else return;
    }
  }
}
