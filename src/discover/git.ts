// Git facts about the scanned root: is it a work tree, which files are tracked. Read-only git commands only.
import { execFileSync } from 'node:child_process';
import type { GitFacts } from '../model.js';

export interface GitIndex extends GitFacts {
  /** Paths tracked by git, relative to the scanned root (forward slashes). Empty outside a work tree. */
  tracked: ReadonlySet<string>;
}

export function git(cwd: string, args: string[], maxBuffer = 256 * 1024 * 1024): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function gitIndexOf(root: string): GitIndex {
  let topLevel: string;
  try {
    topLevel = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { isRepo: false, tracked: new Set() };
  }
  let listing = '';
  try {
    // -z keeps unusual file names intact; paths come back relative to cwd (the scanned root).
    listing = git(root, ['ls-files', '-z', '--cached']);
  } catch {
    // A repository with a broken index still has a tree worth scanning; tracked facts are then unknown.
    listing = '';
  }
  const tracked = new Set(listing.split('\0').filter((path) => path.length > 0));
  return { isRepo: true, topLevel, tracked };
}
