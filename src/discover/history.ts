// Walks git history as `git log -p` shows it, streaming: for every commit, the lines each file gained, placed at
// their line numbers in that commit's version of the file. Merge commits contribute only the lines that are new
// relative to every parent (`--cc`), so what a branch added is reported once, at the commit that added it.
import type { FileRef } from '../model.js';
import { COMMIT_MARKER, PATCH_FLAGS, PatchParser, streamPatch, type AddedLine } from './diff.js';
import { git } from './git.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export interface CommitRange {
  from: string;
  to: string;
}

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
  /** Only the commits `to` reaches and `from` does not (a pull request's or a push's own); other refs are left out. */
  range?: CommitRange;
  /** A file version whose added text is larger is skipped (reported through `onSkip`). */
  maxFileSize: number;
  excludes(path: string): boolean;
  /**
   * Whether this version of the file is the one the tree holds today (same path, same blob): a scan that has read
   * the tree already skips it, since every line it added is still there.
   */
  inTree?(path: string, blob: string): boolean;
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

/**
 * Whether every commit of the range is in the clone with its parents. A shallow clone's boundary commits lack theirs
 * (each would read as adding its whole tree); a clone deepened far enough holds a change's commits all the same.
 */
export function rangeIsComplete(root: string, range: CommitRange): boolean {
  const boundary = shallowBoundary(root);
  if (boundary.size === 0) return true;
  try {
    return !git(root, ['rev-list', `${range.from}..${range.to}`]).split('\n').some((sha) => boundary.has(sha.trim()));
  } catch {
    return false;
  }
}

/** The commits a shallow clone holds without their parents (`.git/shallow`); none in a full clone. */
function shallowBoundary(root: string): Set<string> {
  try {
    const file = git(root, ['rev-parse', '--git-path', 'shallow']).trim();
    const path = isAbsolute(file) ? file : join(root, file);
    return existsSync(path) ? new Set(readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean)) : new Set();
  } catch {
    return new Set();
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
 * branch's secret is in every clone too), or only what `since` does not reach, or only `range`, and hands every file version with
 * added lines to `onFile`, one at a time, in git's order (newest first). Backpressure: the walk waits for `onFile`
 * when it returns a promise.
 */
export async function walkHistory(options: HistoryWalkOptions): Promise<void> {
  const range = options.range
    ? [options.range.to, '--not', options.range.from]
    : ['HEAD', '--branches', '--remotes', '--tags', ...(options.since ? ['--not', options.since] : [])];
  const args = [
    'log',
    '-p',
    '--cc',
    ...PATCH_FLAGS,
    // Whole object ids, to know a version the tree still holds.
    '--full-index',
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
    file(newPath, binary, blob) {
      finishFile();
      if (newPath === undefined || options.excludes(newPath)) return;
      if (blob !== undefined && options.inTree?.(newPath, blob)) return;
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

/**
 * The object id of every tracked file whose work-tree copy is what the index holds (paths relative to `root`): the
 * versions a scan of the tree has read already. Files edited, deleted or in a merge conflict are left out.
 */
export function unchangedBlobs(root: string): Map<string, string> {
  const blobs = new Map<string, string>();
  try {
    // `<mode> <object> <stage>\t<path>`, NUL-terminated.
    for (const entry of git(root, ['ls-files', '-z', '--stage']).split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab === -1) continue;
      const [, object, stage] = entry.slice(0, tab).split(' ');
      if (object && stage === '0') blobs.set(entry.slice(tab + 1), object);
    }
    for (const path of git(root, ['ls-files', '-z', '--modified']).split('\0')) blobs.delete(path);
  } catch {
    // Without the index nothing is known to be unchanged: every version is read.
    blobs.clear();
  }
  return blobs;
}

/**
 * Whether any commit holds a version of a file other than the one `blobs` (the tree's unchanged files) names: when
 * none does, every line the history added is in the tree still, and the patch walk (the costly part) has nothing
 * to find. One listing of object ids, no patches: milliseconds where the walk takes seconds.
 */
export function historyHoldsOtherVersions(root: string, blobs: ReadonlyMap<string, string>): boolean {
  let listing: string;
  try {
    // `-m`: a merge's own version of a file counts too. Each change is `:modes old new status` and its path.
    listing = git(root, ['log', 'HEAD', '--branches', '--remotes', '--tags', '--raw', '-m', '-z', '--no-abbrev', '--no-renames', '--format=']);
  } catch {
    return true;
  }
  const fields = listing.split('\0');
  for (let index = 0; index < fields.length - 1; index++) {
    const meta = fields[index]!;
    if (!meta.startsWith(':')) continue;
    const path = fields[++index]!.replace(/^\n+/, '');
    const [, , before, after] = meta.split(' ');
    const tree = blobs.get(path);
    for (const object of [before, after]) {
      if (object !== undefined && !/^0+$/.test(object) && object !== tree) return true;
    }
  }
  return false;
}
