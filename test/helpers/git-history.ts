// Real git repositories with a history for the staged, history, hook and Action tests: dated commits, branches,
// merges, renames, deletions and clones, built with the git CLI in temp dirs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GitRepo {
  root: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  delete(path: string): void;
  /** `git mv`, creating the target's directory. */
  move(from: string, to: string): void;
  /** Writes (or, with null, deletes) the files, stages everything and commits at the given day; returns the sha. */
  commit(message: string, files?: Record<string, string | null>, date?: string): string;
  remove(): void;
}

const created: string[] = [];

/** Removes every repository made by this module (call in afterAll). */
export function removeAll(): void {
  for (const path of created.splice(0)) rmSync(path, { recursive: true, force: true });
}

export function gitEnv(date = '2024-01-01T12:00:00Z'): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
}

export function openRepo(root: string): GitRepo {
  let clock = 0;
  const run = (env: NodeJS.ProcessEnv, args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const git = (...args: string[]): string => run(gitEnv(), args);
  const write = (path: string, content: string): void => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  };
  const remove = (path: string): void => unlinkSync(join(root, path));
  return {
    root,
    git,
    write,
    delete: remove,
    move(from, to) {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      git('mv', from, to);
    },
    commit(message, files = {}, date) {
      for (const [path, content] of Object.entries(files)) {
        if (content === null) remove(path);
        else write(path, content);
      }
      run(gitEnv(), ['add', '-A']);
      clock++;
      const when = date ?? `2024-01-${String(Math.min(clock, 28)).padStart(2, '0')}T12:00:00Z`;
      run(gitEnv(when), ['commit', '-q', '--allow-empty', '--no-verify', '-m', message]);
      return run(gitEnv(), ['rev-parse', 'HEAD']).trim();
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function makeGitRepo(options: { git?: boolean } = {}): GitRepo {
  const root = mkdtempSync(join(tmpdir(), 'blast-radius-git-'));
  created.push(root);
  const repo = openRepo(root);
  if (options.git !== false) {
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'commit.gpgsign', 'false');
  }
  return repo;
}

/** A clone of `source` (file://, so --depth is honoured) in a new temp dir. */
export function cloneRepo(source: GitRepo, args: string[] = []): GitRepo {
  const parent = mkdtempSync(join(tmpdir(), 'blast-radius-clone-'));
  created.push(parent);
  const root = join(parent, 'clone');
  execFileSync('git', ['clone', '-q', ...args, `file://${source.root}`, root], { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return openRepo(root);
}
