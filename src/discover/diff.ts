// Reads git patches (`git diff -U0`, `git log -p --cc`) line by line into the lines each file gained, with their
// new-side line numbers; and the changed lines of a commit range, for reporting only what a pull request touched.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { git } from './git.js';

/** One added line of a patch: its number in the new version of the file and its text (no newline, no CR). */
export interface AddedLine {
  line: number;
  text: string;
}

/** What the patch parser reports while it reads. */
export interface PatchEvents {
  /** A commit header from our `--format` (history only). */
  commit?(header: string): void;
  /**
   * A file section starts; `path` is the new-side path, undefined when the file was deleted. `blob` is the new
   * version's object id when the patch names it (`index a..b`, `--full-index` for the whole id).
   */
  file?(path: string | undefined, binary: boolean, blob: string | undefined): void;
  added?(line: AddedLine): void;
  /** A hunk's new-side range (`count` 0 for pure deletions). */
  hunk?(start: number, count: number): void;
}

/** Marks our commit header lines in `git log --format`; no patch line can start with it. */
export const COMMIT_MARKER = '\x01';

type State = 'between' | 'header' | 'hunk';

/**
 * A streaming parser of git's patch output, normal and combined (`--cc`). In a hunk, a line whose first
 * `parents` characters are all `+`, `-` or space is content; anything else ends the hunk. Header lines that look
 * like content (`--- a/x`, `+++ b/x`) only occur before a file's first hunk, so they are never mistaken.
 */
export class PatchParser {
  private state: State = 'between';
  /** Number of prefix columns: 1 for a normal diff, the parent count for a combined one. */
  private columns = 1;
  private newLine = 0;
  private path: string | undefined;
  private blob: string | undefined;
  private pathSeen = false;

  constructor(private readonly events: PatchEvents) {}

  push(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.state === 'hunk' && this.content(line)) return;
    if (line.startsWith(COMMIT_MARKER)) {
      this.state = 'between';
      this.events.commit?.(line.slice(1));
      return;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.state = 'header';
      this.columns = line.startsWith('diff --git ') ? 1 : 0;
      // Known up front only when both sides are one path; `+++` or `rename to` say it otherwise.
      const rest = line.slice(line.indexOf(' ', 5) + 1);
      this.path = this.columns === 1 ? samePath(rest) : unquotePath(rest);
      this.blob = undefined;
      this.pathSeen = false;
      return;
    }
    if (this.state === 'between') return;
    if (line.startsWith('@@')) {
      const at = /^(@+) /.exec(line);
      // `@@` for a normal diff; one more `@` per extra parent in a combined one.
      const columns = at ? at[1]!.length - 1 : 1;
      const target = new RegExp(`^${'@'.repeat(columns + 1)}(?: -\\d+(?:,\\d+)?){${columns}} \\+(\\d+)(?:,(\\d+))? ${'@'.repeat(columns + 1)}`).exec(line);
      if (!target) {
        this.state = 'between';
        return;
      }
      if (!this.pathSeen) this.announce(false);
      this.columns = columns;
      this.state = 'hunk';
      const start = Number(target[1]);
      const count = target[2] === undefined ? 1 : Number(target[2]);
      this.newLine = start;
      this.events.hunk?.(start, count);
      return;
    }
    if (this.state === 'header') {
      if (line.startsWith('+++ ')) {
        this.path = line === '+++ /dev/null' ? undefined : stripPrefix(unquotePath(line.slice(4)), 'b/');
        this.announce(false);
      } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
        this.announce(true);
      } else if (line.startsWith('index ')) {
        // `index a..b 100644`, or `index a,b..c` for a merge: the new side follows the two dots.
        this.blob = /\.\.([0-9a-f]+)/.exec(line)?.[1];
      } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
        // A pure rename has no `+++` line; the new name is all we learn.
        this.path = unquotePath(line.slice(line.indexOf(' to ') + 4));
      }
    }
  }

  /** Call at the end of the stream. */
  end(): void {
    this.state = 'between';
  }

  private announce(binary: boolean): void {
    if (this.pathSeen) return;
    this.pathSeen = true;
    this.events.file?.(this.path, binary, this.blob);
  }

  private content(line: string): boolean {
    const columns = this.columns;
    if (line.length < columns) return false;
    let removed = false;
    let addedEverywhere = true;
    for (let index = 0; index < columns; index++) {
      const mark = line.charCodeAt(index);
      if (mark === 45 /* - */) removed = true;
      else if (mark === 32 /* space */) addedEverywhere = false;
      else if (mark !== 43 /* + */) return false;
    }
    if (removed) return true;
    // In the new version: added when new relative to every parent (a merge's own lines), else context.
    if (addedEverywhere && this.path !== undefined) this.events.added?.({ line: this.newLine, text: line.slice(columns) });
    this.newLine++;
    return true;
  }
}

/** The path of `a/P b/P` when both sides name the same one (else the `+++` or `rename to` line says it). */
function samePath(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const quoted = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")$/.exec(rest);
    if (!quoted) return undefined;
    const [a, b] = [unquotePath(quoted[1]!), unquotePath(quoted[2]!)];
    return a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2) ? b.slice(2) : undefined;
  }
  if (!rest.startsWith('a/') || (rest.length - 5) % 2 !== 0) return undefined;
  const half = (rest.length - 5) / 2;
  const a = rest.slice(2, 2 + half);
  return rest.slice(2 + half, half + 5) === ' b/' && a === rest.slice(half + 5) ? a : undefined;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * Undoes git's C-style quoting of unusual paths ("a\tb", octal bytes for non-ASCII when core.quotePath is on) and
 * the trailing tab git adds after a path with spaces.
 */
export function unquotePath(raw: string): string {
  const text = raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Options every patch command here needs, whatever the user's git config says. */
export const PATCH_FLAGS = ['--no-color', '--no-ext-diff', '--no-textconv', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', '-M'];

/**
 * Runs git with a patch-producing command and feeds its stdout to the parser line by line, never holding the
 * whole output. After each chunk `afterChunk` may return a promise: the stream pauses until it settles (so a slow
 * consumer bounds memory). Rejects with git's stderr when git fails.
 */
export function streamPatch(cwd: string, args: readonly string[], parser: PatchParser, afterChunk?: () => Promise<void> | void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let stderr = '';
    let waiting: Promise<void> = Promise.resolve();
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      pending += decoder.write(chunk);
      let start = 0;
      try {
        for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
          parser.push(pending.slice(start, newline));
          start = newline + 1;
        }
        pending = pending.slice(start);
        const work = afterChunk?.();
        if (work) {
          child.stdout.pause();
          waiting = work.then(() => {
            if (!failed) child.stdout.resume();
          }, fail);
        }
      } catch (error) {
        fail(error);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => {
      void waiting.then(() => {
        if (failed) return;
        pending += decoder.end();
        if (pending.length > 0) parser.push(pending);
        parser.end();
        if (code === 0) resolvePromise();
        else fail(new Error(stderr.trim() || `git ${args[0]} exited with ${code}`));
      });
    });
  });
}

/** Lines each file gained between two commits, by new-side path; a file listed with no lines was renamed or emptied. */
export type ChangedLines = Map<string, Set<number>>;

/**
 * The lines `head` adds or changes relative to `base` (`git diff base head`), paths relative to `cwd`'s top level.
 * Renamed files count by their new path, with only the lines the rename changed.
 */
export async function changedLines(cwd: string, base: string, head: string): Promise<ChangedLines> {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  const parser = new PatchParser({
    file(path, binary) {
      current = path === undefined || binary ? undefined : new Set<number>();
      if (path !== undefined && current) changed.set(path, current);
    },
    hunk(start, count) {
      if (!current) return;
      for (let line = start; line < start + count; line++) current.add(line);
    },
  });
  await streamPatch(cwd, ['diff', ...PATCH_FLAGS, base, head, '--'], parser);
  return changed;
}

/** True when `revision` names a commit present in this clone (a shallow clone may lack the base). */
export function hasCommit(cwd: string, revision: string): boolean {
  try {
    git(cwd, ['cat-file', '-e', `${revision}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
