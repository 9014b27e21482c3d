// What `scan <path>` names: a directory to walk, or one file read from its repository's top level.
import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileRef } from '../model.js';
import { git, type GitIndex } from './git.js';

/** A path that names nothing scannable; the message is for the user. */
export class TargetError extends Error {}

/**
 * The directory scanned, and the one file to scan in it when the path names a file (`scan config/deploy.sh`, as
 * gitleaks and trivy take one). A file is scanned from its repository's top level, so that its path reads as in a
 * whole scan (a workflow under `.github/workflows/`, staging by its directory) and the root's config applies.
 */
export function resolveTarget(path: string): { root: string; file?: string } {
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new TargetError(`path does not exist: ${path}`);
  }
  if (stats.isDirectory()) return { root: realpathSync(absolute) };
  if (!stats.isFile()) throw new TargetError(`not a directory or a regular file: ${path}`);
  const real = realpathSync(absolute);
  const directory = dirname(real);
  let root = directory;
  try {
    root = realpathSync(git(directory, ['rev-parse', '--show-toplevel']).trim());
  } catch {
    // Outside a work tree the file's own directory is the root.
  }
  return { root, file: relative(root, real).split(sep).join('/') };
}

/** The one file a scan of a file path reads, read whatever the ignore files say: the user named it. */
export function namedFile(root: string, path: string, gitIndex: GitIndex): FileRef {
  const tracked = gitIndex.tracked.has(path);
  let gitIgnored = false;
  if (gitIndex.isRepo && !tracked) {
    try {
      git(root, ['check-ignore', '-q', '--', path]);
      gitIgnored = true;
    } catch {
      // Exit 1: not ignored.
    }
  }
  return { path, absolutePath: join(root, path), tracked, gitIgnored };
}
