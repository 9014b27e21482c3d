// The git work tree a git-only scan mode (staged, history, changed lines) runs in, or a usage error that says why not.
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { git } from './git.js';

export class NotAWorkTree extends Error {}

/** The scanned root's real path and its work tree's top level; throws NotAWorkTree with a message for the user. */
export function requireWorkTree(path: string, mode: string): { root: string; topLevel: string } {
  const absolute = resolve(path);
  let root: string;
  try {
    if (!statSync(absolute).isDirectory()) throw new NotAWorkTree(`not a directory: ${path}`);
    root = realpathSync(absolute);
  } catch (error) {
    if (error instanceof NotAWorkTree) throw error;
    throw new NotAWorkTree(`path does not exist: ${path}`);
  }
  let inside = '';
  try {
    inside = git(root, ['rev-parse', '--is-inside-work-tree']).trim();
  } catch {
    inside = 'false';
  }
  if (inside !== 'true') {
    throw new NotAWorkTree(`${mode} needs a git repository, and ${root} is not inside a git work tree (scan it without ${mode}, or run \`git init\` first)`);
  }
  return { root, topLevel: git(root, ['rev-parse', '--show-toplevel']).trim() };
}
