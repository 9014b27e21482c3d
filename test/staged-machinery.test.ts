// scanStaged() with the tests' own credential detector: index content rather than the working tree, only the staged
// files, renames, the first commit, a temporary index, exclusions, and directories that are not repositories.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanStaged } from '../src/scan-staged.js';
import { makeGitRepo, removeAll, gitEnv } from './helpers/git-history.js';
import { testCredentialDetector } from './helpers/test-credential.js';

afterAll(removeAll);

async function staged(root: string) {
  const result = await scanStaged({ root, detectors: [testCredentialDetector] });
  return { result, where: result.findings.map((finding) => `${finding.location.path}:${finding.location.span.line}`) };
}

describe('staged machinery', () => {
  it('reads the staged blob, not the working tree', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'README.md': '# shop\n' });
    repo.write('config/app.ini', '[api]\nurl = https://api.example.com\nkey = TESTKEY-staged01\n');
    repo.git('add', 'config/app.ini');
    // The working tree is cleaned after staging: the commit would still record the key.
    repo.write('config/app.ini', '[api]\nurl = https://api.example.com\n');
    expect((await staged(repo.root)).where).toEqual(['config/app.ini:3']);

    // And the other way round: a key only in the working tree is not part of the commit.
    repo.git('add', 'config/app.ini');
    repo.write('config/app.ini', '[api]\nkey = TESTKEY-unstaged2\n');
    expect((await staged(repo.root)).where).toEqual([]);
  });

  it('reports only the staged files, by their new name when renamed', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'old/settings.cfg': 'a = 1\nb = 2\nc = 3\nd = 4\n', 'legacy.txt': 'TESTKEY-committed\n' });
    repo.move('old/settings.cfg', 'new/settings.cfg');
    repo.write('new/settings.cfg', 'a = 1\nb = 2\nc = 3\nd = 4\ntoken = TESTKEY-renamed9\n');
    repo.git('add', '-A');
    const { where, result } = await staged(repo.root);
    expect(where).toEqual(['new/settings.cfg:5']);
    expect(result.stats.filesRead).toBe(1);
  });

  it('works before the first commit, leaving out default exclusions and binaries', async () => {
    const repo = makeGitRepo();
    repo.write('app.env', 'TOKEN=TESTKEY-firstcommit\n');
    repo.write('node_modules/pkg/index.js', 'TESTKEY-vendored1\n');
    repo.write('img/logo.png', 'TESTKEY-notapng1\n');
    repo.write('data.raw', 'TESTKEY-binary01\u0000');
    repo.git('add', '-A');
    const { where, result } = await staged(repo.root);
    expect(where).toEqual(['app.env:1']);
    expect(result.stats.skippedBinary).toBe(2);
  });

  it('leaves out deletions and submodules', async () => {
    const repo = makeGitRepo();
    const head = repo.commit('init', { 'gone.txt': 'TESTKEY-deleted01\n', 'keep.txt': 'x\n' });
    repo.git('rm', '-q', 'gone.txt');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${head},vendor-sub`);
    repo.write('keep.txt', 'x\nTESTKEY-modified2\n');
    repo.git('add', 'keep.txt');
    expect((await staged(repo.root)).where).toEqual(['keep.txt:2']);
  });

  it('honours a temporary index, as `git commit <paths>` hands to hooks', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    repo.write('a.txt', 'TESTKEY-onlyina1\n');
    repo.write('b.txt', 'TESTKEY-onlyinb2\n');
    repo.git('add', 'b.txt');
    // Build the index `git commit a.txt` would use: HEAD plus a.txt only.
    const index = join(repo.root, '.git', 'tmp-index');
    const env = { ...gitEnv(), GIT_INDEX_FILE: index };
    execFileSync('git', ['read-tree', 'HEAD'], { cwd: repo.root, env });
    execFileSync('git', ['add', 'a.txt'], { cwd: repo.root, env });
    const previous = process.env.GIT_INDEX_FILE;
    process.env.GIT_INDEX_FILE = index;
    try {
      expect((await staged(repo.root)).where).toEqual(['a.txt:1']);
    } finally {
      if (previous === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = previous;
    }
  });

  it('scans a subdirectory with paths relative to it', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'README.md': 'x\n' });
    repo.write('services/api/.env.production', 'KEY=TESTKEY-subdir01\n');
    repo.write('services/web/.env.production', 'KEY=TESTKEY-otherdir\n');
    repo.git('add', '-A');
    expect((await staged(join(repo.root, 'services/api'))).where).toEqual(['.env.production:1']);
  });

  it('refuses a directory that is not a git repository, saying so', async () => {
    const plain = makeGitRepo({ git: false });
    await expect(scanStaged({ root: plain.root, detectors: [testCredentialDetector] })).rejects.toThrow(/--staged needs a git repository/);
  });
});
