// The history walk through scanHistory() with the tests' own credential detector: added lines only, introduction
// commit and dates, merges, renames, deletions, --since, shallow clones, and repositories that are not git.
import { afterAll, describe, expect, it } from 'vitest';
import { scanHistory } from '../src/scan-history.js';
import { UsageError } from '../src/scan.js';
import { cloneRepo, makeGitRepo, removeAll } from './helpers/git-history.js';
import { testCredentialDetector } from './helpers/test-credential.js';

afterAll(removeAll);

const detectors = [testCredentialDetector];

async function history(root: string, since?: string) {
  const result = await scanHistory({ root, detectors, since });
  return {
    result,
    found: result.findings.map((finding) => ({
      path: finding.location.path,
      line: finding.location.span.line,
      commit: finding.location.commit,
      date: finding.details.commitDate,
      stillInTree: finding.details.stillInTree,
      commits: finding.details.commits,
    })),
  };
}

describe('history machinery', () => {
  it('reports a deleted secret at the commit that added it, with its author date and not in the tree', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'README.md': '# app\n', 'config/settings.ini': '[app]\nname = shop\n' });
    const added = repo.commit('add key', { 'config/settings.ini': '[app]\nname = shop\nkey = TESTKEY-abc123def\n' }, '2024-02-03T10:00:00+02:00');
    repo.commit('remove key', { 'config/settings.ini': '[app]\nname = shop\n' });
    const { found, result } = await history(repo.root);
    expect(found).toEqual([{ path: 'config/settings.ini', line: 3, commit: added, date: '2024-02-03T10:00:00+02:00', stillInTree: false, commits: 1 }]);
    expect(result.findings[0]!.message).toContain(`Introduced in commit ${added.slice(0, 12)} (2024-02-03)`);
    expect(result.findings[0]!.message).toContain('no longer in the tree');
    expect(result.complete).toBe(true);
  });

  it('says a secret is still in the tree, also when the file was renamed since', async () => {
    const repo = makeGitRepo();
    const added = repo.commit('add', { 'app/.env.production': 'API_KEY=TESTKEY-live42x\n' });
    repo.move('app/.env.production', 'deploy/.env.production');
    repo.commit('move');
    const { found } = await history(repo.root);
    expect(found).toEqual([{ path: 'app/.env.production', line: 1, commit: added, date: '2024-01-01T12:00:00+00:00', stillInTree: true, commits: 1 }]);
  });

  it('reports a secret carried by several commits once, where it came in, counting the commits', async () => {
    const repo = makeGitRepo();
    const first = repo.commit('add', { 'deploy.sh': '#!/bin/sh\ncurl -H "X-Key: TESTKEY-carry01" https://api.example.com\n' });
    repo.commit('edit line', { 'deploy.sh': '#!/bin/sh\ncurl -sf -H "X-Key: TESTKEY-carry01" https://api.example.com\n' });
    repo.commit('unrelated', { 'README.md': 'docs\n' });
    const { found } = await history(repo.root);
    expect(found).toEqual([{ path: 'deploy.sh', line: 2, commit: first, date: '2024-01-01T12:00:00+00:00', stillInTree: true, commits: 2 }]);
  });

  it('does not report a branch secret again at its merge commit, but reports a line the merge itself added', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'a.txt': 'one\n', 'b.txt': 'base\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const onBranch = repo.commit('feature key', { 'a.txt': 'one\nTESTKEY-branch1\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main work', { 'b.txt': 'base\nmore\n' });
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
    // An "evil merge": the resolution adds a line that neither parent has.
    repo.write('b.txt', 'base\nmore\nTESTKEY-merge22\n');
    const merge = repo.commit('merge feature');
    expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
    const { found } = await history(repo.root);
    expect(found.map(({ path, line, commit }) => ({ path, line, commit }))).toEqual([
      { path: 'a.txt', line: 2, commit: onBranch },
      { path: 'b.txt', line: 3, commit: merge },
    ]);
  });

  it('still reads a side branch whose changes a merge discarded (what `git log -p` shows)', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'a.txt': 'one\n' });
    repo.git('checkout', '-q', '-b', 'experiment');
    const discarded = repo.commit('try a key', { 'b.txt': 'TESTKEY-discard1\n' });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '-s', 'ours', '--no-edit', 'experiment');
    const { found } = await history(repo.root);
    expect(found.map(({ path, commit, stillInTree }) => ({ path, commit, stillInTree }))).toEqual([{ path: 'b.txt', commit: discarded, stillInTree: false }]);
  });

  it('does not report a pure rename as a new introduction', async () => {
    const repo = makeGitRepo();
    const added = repo.commit('add', { 'old/name.cfg': 'token TESTKEY-renamed1\n'.padEnd(400, '#') + '\n' });
    repo.move('old/name.cfg', 'new/name.cfg');
    repo.commit('rename');
    const { found } = await history(repo.root);
    expect(found.map(({ path, commit }) => ({ path, commit }))).toEqual([{ path: 'old/name.cfg', commit: added }]);
  });

  it('scans only the commits after --since', async () => {
    const repo = makeGitRepo();
    repo.commit('old', { 'a.txt': 'TESTKEY-oldone1\n' });
    const boundary = repo.commit('boundary', { 'b.txt': 'x\n' });
    const recent = repo.commit('new', { 'c.txt': 'TESTKEY-newone2\n' });
    const { found, result } = await history(repo.root, boundary);
    expect(found.map(({ path, commit }) => ({ path, commit }))).toEqual([{ path: 'c.txt', commit: recent }]);
    expect(result.notifications.find((n) => n.code === 'history-scanned')?.message).toContain('1 commit since');
    await expect(scanHistory({ root: repo.root, detectors, since: 'no-such-ref' })).rejects.toThrow(UsageError);
  });

  it('keeps default exclusions, skips binaries, and reads unusual file names', async () => {
    const repo = makeGitRepo();
    const added = repo.commit('add', {
      'node_modules/lib/index.js': 'TESTKEY-vendored\n',
      'docs/My Notes ü.txt': 'TESTKEY-spaced99\n',
      'assets/blob.dat': 'TESTKEY-binary77\u0000\u0001',
    });
    const { found, result } = await history(repo.root);
    expect(found.map(({ path, commit }) => ({ path, commit }))).toEqual([{ path: 'docs/My Notes ü.txt', commit: added }]);
    expect(result.stats.skippedBinary).toBe(1);
  });

  it('tells a shallow clone that older commits were not scanned', async () => {
    const source = makeGitRepo();
    source.commit('old', { 'a.txt': 'TESTKEY-deep0001\n' });
    source.commit('mid', { 'b.txt': 'nothing\n' });
    const top = source.commit('top', { 'c.txt': 'TESTKEY-shallow2\n' });
    const clone = cloneRepo(source, ['--depth', '1']);
    const { found, result } = await history(clone.root);
    // The boundary commit shows its whole tree as added, which is what `git log -p` shows in that clone too.
    expect(found.map(({ path, commit }) => ({ path, commit }))).toEqual([
      { path: 'a.txt', commit: top },
      { path: 'c.txt', commit: top },
    ]);
    expect(result.notifications.map((n) => n.code)).toContain('history-shallow');
  });

  it('has nothing to scan in a repository without commits, and refuses a directory that is not a repository', async () => {
    const empty = makeGitRepo();
    const { found, result } = await history(empty.root);
    expect(found).toEqual([]);
    expect(result.notifications.map((n) => n.code)).toContain('history-empty');
    const plain = makeGitRepo({ git: false });
    await expect(scanHistory({ root: plain.root, detectors })).rejects.toThrow(/--history needs a git repository/);
  });
});
