// Walks git history as `git log -p` shows it, streaming: for every commit, the lines each file gained, placed at
// their line numbers in that commit's version of the file. Merge commits contribute only the lines that are new
// relative to every parent (`--cc`), so what a branch added is reported once, at the commit that added it.
import type { FileRef } from '../model.js';
import { COMMIT_MARKER, PATCH_FLAGS, PatchParser, streamPatch, type AddedLine } from './diff.js';
import { git } from './git.js';
import { join } from 'node:path';

export interface HistoryCommit {
  sha: string;
  parents: string[];
  /** Author date, ISO 8601 with the author's offset. */
  authorDate: string;
  /** Position in the walk: 0 for the first (newest) commit; a larger number is further back. */
  order: number;
}

/** One file's added lines in one commit, as a file ref with inline content and its commit. */
export interface HistoryFile {
  commit: HistoryCommit;
  ref: FileRef & { commit: string };
  /** How many lines were added (the content also holds blank lines that stand in for unchanged ones). */
  addedLines: number;
}

export interface HistoryWalkOptions {
  root: string;
  /** Only commits this revision does not reach (`<since>..HEAD`, and the same for the other refs). */
  since?: string;
  /** A file version whose added text is larger is skipped (reported through `onSkip`). */
  maxFileSize: number;
  excludes(path: string): boolean;
  onFile(file: HistoryFile): void | Promise<void>;
  onSkip?(path: string, commit: HistoryCommit, reason: 'too-large' | 'binary'): void;
  /** Called once per commit header, for progress and counting. */
  onCommit?(commit: HistoryCommit): void;
}

/** What `git log` would walk from HEAD: nothing in a repository without commits. */
export function headCommit(root: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function isShallow(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * Streams `git log -p` over HEAD and every branch, remote-tracking branch and tag (what a clone holds: an unmerged
 * branch's secret is in every clone too), or only what `since` does not reach, and hands every file version with
 * added lines to `onFile`, one at a time, in git's order (newest first). Backpressure: the walk waits for `onFile`
 * when it returns a promise.
 */
export async function walkHistory(options: HistoryWalkOptions): Promise<void> {
  const range = ['HEAD', '--branches', '--remotes', '--tags', ...(options.since ? ['--not', options.since] : [])];
  const args = [
    'log',
    '-p',
    '--cc',
    ...PATCH_FLAGS,
    `--format=${COMMIT_MARKER}%H%x02%P%x02%aI`,
    // No pathspec: one would switch on history simplification, which hides side branches a merge discarded.
    '--relative',
    ...range,
  ];

  let commit: HistoryCommit | undefined;
  let order = 0;
  let path: string | undefined;
  let lines: AddedLine[] = [];
  let bytes = 0;
  let tooLarge = false;
  // Files the parser completed during the current chunk; handed on before the stream resumes.
  const ready: HistoryFile[] = [];

  const finishFile = (): void => {
    if (commit && path !== undefined) {
      if (tooLarge) options.onSkip?.(path, commit, 'too-large');
      else if (lines.length > 0) ready.push({ commit, ref: fileRef(options.root, path, commit.sha, lines), addedLines: lines.length });
    }
    path = undefined;
    lines = [];
    bytes = 0;
    tooLarge = false;
  };

  const parser = new PatchParser({
    commit(header) {
      finishFile();
      const [sha = '', parents = '', authorDate = ''] = header.split('\x02');
      commit = { sha, parents: parents.split(' ').filter(Boolean), authorDate, order: order++ };
      options.onCommit?.(commit);
    },
    file(newPath, binary) {
      finishFile();
      if (newPath === undefined || options.excludes(newPath)) return;
      if (binary) {
        if (commit) options.onSkip?.(newPath, commit, 'binary');
        return;
      }
      path = newPath;
    },
    added(line) {
      if (path === undefined || tooLarge) return;
      bytes += line.text.length + 1;
      if (bytes > options.maxFileSize) {
        // Keep nothing of an oversized version (a vendored bundle, a data dump): its lines are never held.
        tooLarge = true;
        lines = [];
        return;
      }
      lines.push(line);
    },
  });

  const handOn = async (): Promise<void> => {
    while (ready.length > 0) await options.onFile(ready.shift()!);
  };
  await streamPatch(options.root, args, parser, () => (ready.length > 0 ? handOn() : undefined));
  finishFile();
  await handOn();
}

/** The commit's version of the file as far as the patch shows it: added lines at their numbers, blanks between. */
function fileRef(root: string, path: string, sha: string, lines: readonly AddedLine[]): FileRef & { commit: string } {
  const parts: string[] = [];
  let next = 1;
  for (const { line, text } of lines) {
    for (; next < line; next++) parts.push('');
    parts.push(text);
    next = line + 1;
  }
  const content = parts.join('\n') + '\n';
  return { path, absolutePath: join(root, path), size: Buffer.byteLength(content), tracked: true, gitIgnored: false, content, commit: sha };
}
