// `blast-radius scan --staged` through the CLI with the real detectors and realistic credentials: what the commit
// records (index blobs) is reported, the working tree and unstaged files are not, and exit codes follow --fail-on.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeGitRepo, removeAll } from './helpers/git-history.js';
import { awsKeyPair, githubToken, stripeLiveKey } from './helpers/tokens.js';

afterAll(removeAll);

const cli = (args: string[]) => runCli(args);

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Array<{ ruleId: string; path: string; line: number }> }).findings.map((finding) => `${finding.ruleId} ${finding.path}:${finding.line}`);
}

describe('scan --staged', () => {
  it('reports the staged content of the staged files only', async () => {
    const repo = makeGitRepo();
    const aws = awsKeyPair('staged-upload');
    repo.commit('init', {
      'README.md': '# assets\n',
      'scripts/upload.sh': '#!/bin/sh\naws s3 sync ./public s3://acme-assets\n',
      'config/legacy.yml': `github:\n  token: ${githubToken('committed-before')}\n`,
    });
    // Staged: the AWS pair, under a new name. Then the working copy is cleaned, but the index still holds it.
    repo.move('scripts/upload.sh', 'bin/upload-assets.sh');
    repo.write('bin/upload-assets.sh', `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${aws.id}\nexport AWS_SECRET_ACCESS_KEY=${aws.secret}\naws s3 sync ./public s3://acme-assets\n`);
    repo.git('add', '-A');
    repo.write('bin/upload-assets.sh', '#!/bin/sh\naws s3 sync ./public s3://acme-assets\n');
    // Unstaged: a Stripe key in a tracked file, and an untracked one.
    repo.write('README.md', `# assets\n\nSTRIPE_SECRET_KEY=${stripeLiveKey('unstaged')}\n`);
    repo.write('notes/todo.env', `STRIPE_SECRET_KEY=${stripeLiveKey('untracked')}\n`);

    const { code, stdout } = await cli(['scan', '--staged', repo.root, '--format', 'json']);
    expect(code).toBe(1);
    expect(findings(stdout)).toEqual([
      'agent-permission/secret-file-not-excluded bin/upload-assets.sh:2',
      'exposed-credential/aws-access-key-id bin/upload-assets.sh:2',
      'exposed-credential/aws-secret-access-key bin/upload-assets.sh:3',
      'root-scoped-token/aws-secret-access-key bin/upload-assets.sh:3',
    ]);
  });

  it('passes a commit with nothing at or above --fail-on, and prints nothing with --quiet', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.write('src/config.ts', "export const config = { apiUrl: 'https://api.example.com', timeoutMs: 5000 };\n");
    repo.git('add', '-A');
    expect(await cli(['scan', '--staged', '--quiet', repo.root])).toEqual({ code: 0, stdout: '', stderr: '' });
    repo.write('deploy/billing.yml', `stripe:\n  secret_key: ${stripeLiveKey('deploy')}\n`);
    repo.git('add', '-A');
    const critical = await cli(['scan', '--staged', '--fail-on', 'critical', repo.root, '--format', 'json']);
    expect(critical.code).toBe(1);
    expect(findings(critical.stdout)).toEqual([
      'agent-permission/secret-file-not-excluded deploy/billing.yml:2',
      'exposed-credential/stripe-live-secret-key deploy/billing.yml:2',
      'root-scoped-token/stripe-live-secret-key deploy/billing.yml:2',
    ]);
  });

  it('has nothing to do when nothing is staged', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'config/legacy.yml': `token: ${githubToken('old')}\n` });
    expect((await cli(['scan', '--staged', repo.root])).code).toBe(0);
  });

  it('exits 2 with a clear message outside a git repository, and refuses --include-ignored', async () => {
    const plain = makeGitRepo({ git: false });
    const outside = await cli(['scan', '--staged', plain.root]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^blast-radius: --staged needs a git repository, and .* is not inside a git work tree \(scan it without --staged, or run `git init` first\)/);
    const repo = makeGitRepo();
    expect((await cli(['scan', '--staged', '--include-ignored', repo.root])).code).toBe(2);
  });
});
