// Builds throwaway repositories in temp dirs for tests: files, git-ignored paths, tracked state.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  root: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  remove(): void;
}

export interface TempRepoOptions {
  /** Run `git init` and stage every non-ignored file (default true). */
  git?: boolean;
  /** Paths written to .gitignore. */
  gitignored?: readonly string[];
  /** Commit the staged files (default false: staged files already count as tracked). */
  commit?: boolean;
}

export function makeRepo(files: Record<string, string>, options: TempRepoOptions = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'blast-radius-test-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const write = (path: string, content: string): void => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  if (options.gitignored && options.gitignored.length > 0) {
    const existing = files['.gitignore'] ?? '';
    write('.gitignore', `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${options.gitignored.join('\n')}\n`);
  }
  if (options.git !== false) {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    if (options.commit) git('commit', '-q', '-m', 'initial', '--allow-empty');
  }
  return { root, git, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}
