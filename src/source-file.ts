// A discovered file's content, decoded once, with lazily built line index, structured data and AST.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileFormat, FileRef, Notification, SourceFile, Span } from './model.js';
import type { DataDocument } from './parse/data-tree.js';
import type { ParseResult, SpanOf } from './parse/index.js';

export interface ParserSet {
  data(format: FileFormat, text: string, spanOf: SpanOf): ParseResult<DataDocument> | undefined;
  script(text: string, path: string): ParseResult<TSESTree.Program>;
}

export class LoadedFile implements SourceFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly size: number | undefined;
  readonly tracked: boolean;
  readonly gitIgnored: boolean;
  readonly content?: string;
  private starts?: number[];
  private keywordCursor = 0;
  private dataResult?: { value: DataDocument | undefined };
  private astResult?: { value: TSESTree.Program | undefined };

  constructor(
    ref: FileRef,
    readonly format: FileFormat,
    readonly text: string,
    private readonly parsers: ParserSet,
    /** `all` when the prefilter did not run: every keyword counts as seen. */
    private readonly keywordsFound: ReadonlySet<string> | 'all',
    private readonly linesWithKeywords: readonly number[],
    private readonly onNotification: (notification: Notification) => void,
    /** Where each of `linesWithKeywords` starts in `text`, when the prefilter could tell (its offsets were the text's). */
    private readonly keywordLineStarts?: readonly number[],
  ) {
    this.path = ref.path;
    this.absolutePath = ref.absolutePath;
    this.size = ref.size;
    this.tracked = ref.tracked;
    this.gitIgnored = ref.gitIgnored;
  }

  get lineStarts(): readonly number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  line(n: number): string {
    const start = this.lineStart(n);
    return start === undefined ? '' : this.text.slice(start, this.lineEnd(n));
  }

  lineStart(n: number): number | undefined {
    // The lines detectors read most are the prefilter's, whose starts it found on the way: the index of every line
    // (a pass over the whole text) waits until something needs another line or a position.
    if (!this.starts && this.keywordLineStarts) {
      const at = this.keywordLineIndex(n);
      if (at !== -1) return this.keywordLineStarts[at];
    }
    return this.lineStarts[n - 1];
  }

  lineEnd(n: number): number {
    const start = this.lineStart(n);
    if (start === undefined) return this.text.length;
    const next = this.starts ? this.starts[n] : undefined;
    let end = next !== undefined ? next - 1 : this.starts ? this.text.length : this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Where line `n` is among the keyword lines, or -1; asked in ascending order, so the search resumes where it left. */
  private keywordLineIndex(n: number): number {
    const lines = this.linesWithKeywords;
    let at = this.keywordCursor;
    if (at >= lines.length || lines[at]! > n) at = 0;
    while (at < lines.length && lines[at]! < n) at++;
    this.keywordCursor = at;
    return lines[at] === n ? at : -1;
  }

  positionAt(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  spanOf(start: number, end: number): Span {
    const from = this.positionAt(start);
    const to = this.positionAt(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  data(): DataDocument | undefined {
    if (!this.dataResult) {
      const result = this.parsers.data(this.format, this.text, (start, end) => this.spanOf(start, end));
      if (result && !result.ok) this.parseFailed(result.error);
      this.dataResult = { value: result?.ok ? result.value : undefined };
    }
    return this.dataResult.value;
  }

  ast(): TSESTree.Program | undefined {
    if (!this.astResult) {
      if (this.format !== 'javascript' && this.format !== 'typescript') {
        this.astResult = { value: undefined };
      } else {
        const result = this.parsers.script(this.text, this.path);
        if (!result.ok) this.parseFailed(result.error);
        this.astResult = { value: result.ok ? result.value : undefined };
      }
    }
    return this.astResult.value;
  }

  keywordLines(): readonly number[] {
    return this.linesWithKeywords;
  }

  hasKeyword(keyword: string): boolean {
    if (this.keywordsFound === 'all') return true;
    return this.keywordsFound.has(keyword) || this.keywordsFound.has(lowerCased(keyword));
  }

  foundKeywords(): ReadonlySet<string> | 'all' {
    return this.keywordsFound;
  }

  private parseFailed(error: { message: string; line?: number }): void {
    // A template (Helm's `templates/`, `*.tpl`, `%name%.template.ts`) is not meant to parse before it is rendered.
    if (isTemplate(this.path, this.text)) {
      this.onNotification({ level: 'note', code: 'template-not-parsed', message: `${this.path} is a template; scanned as text.`, path: this.path });
      return;
    }
    this.onNotification({
      level: 'warning',
      code: 'parse-error',
      message: `Could not parse ${this.path} as ${this.format}${error.line ? ` (line ${error.line})` : ''}: ${error.message}. Scanned as text.`,
      path: this.path,
      line: error.line,
    });
  }
}

/** Detectors ask with the same few hundred literals for every file: lower-case each once, not on every miss. */
const lowered = new Map<string, string>();
function lowerCased(keyword: string): string {
  let lower = lowered.get(keyword);
  if (lower === undefined) {
    lower = keyword.toLowerCase();
    if (lowered.size < 10_000) lowered.set(keyword, lower);
  }
  return lower;
}

const TEMPLATE_PATH = /(^|\/)templates?\/|\.(?:tpl|tmpl|gotmpl|j2|jinja2?|template)(?:\.[^/]*)?$|%[a-z]+%/i;
const TEMPLATE_MARK = /\{\{|\{%|<%|%[a-z][\w.]*%/i;

/** A file placed and written as a template: under `templates/` or named for one, with template markup in it. */
function isTemplate(path: string, text: string): boolean {
  return TEMPLATE_PATH.test(path) && TEMPLATE_MARK.test(text);
}
