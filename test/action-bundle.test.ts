// The committed Action bundle (action/): it must be exactly what `npm run bundle` builds from today's sources, and it
// must run under plain `node` with nothing installed, loading the HCL grammar and the TypeScript parser beside it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_DIR, bundleAction } from '../scripts/bundle-action.js';
import { runActionFile, runActionInProcess } from './helpers/action-env.js';
import { makeGitRepo, removeAll } from './helpers/git-history.js';
import { awsKeyPair, stripeLiveKey } from './helpers/tokens.js';

const built = mkdtempSync(join(tmpdir(), 'blast-radius-bundle-'));
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  removeAll();
});

describe('the committed Action bundle', () => {
  it('is what `npm run bundle` builds from the sources (run it and commit action/ when this fails)', async () => {
    const files = await bundleAction(built);
    expect(readdirSync(ACTION_DIR).sort()).toEqual(files);
    const stale = files.filter((file) => !readFileSync(join(built, file)).equals(readFileSync(join(ACTION_DIR, file))));
    expect(stale, `action/ is stale: run \`npm run bundle\` and commit action/ (${stale.join(', ')} differ)`).toEqual([]);
  });

  it('runs under node with nothing installed: Terraform through the WebAssembly grammar, TypeScript through the lazy parser', async () => {
    const repo = makeGitRepo();
    const aws = awsKeyPair('terraform');
    const stripe = stripeLiveKey('checkout');
    const base = repo.commit('base', { 'README.md': '# infra\n', 'terraform/main.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    const head = repo.commit('pr', {
      'terraform/provider.tf': `provider "aws" {\n  region     = "eu-west-1"\n  access_key = "${aws.id}"\n  secret_key = "${aws.secret}"\n}\n`,
      'src/payments.ts': `import Stripe from 'stripe';\n\nconst stripeSecretKey = '${stripe}';\nexport const stripe = new Stripe(stripeSecretKey, { apiVersion: '2024-06-20' });\n`,
    });
    const setup = { workspace: repo.root, event: 'pull_request', payload: { pull_request: { number: 1, base: { sha: base }, head: { sha: head } } } };

    const source = await runActionInProcess(setup);
    // This Node, and any other given in ACTION_TEST_NODES (comma-separated paths, e.g. a Node 24 binary).
    for (const node of [process.execPath, ...(process.env.ACTION_TEST_NODES ?? '').split(',').filter(Boolean)]) {
      const bundled = runActionFile(node, join(ACTION_DIR, 'index.js'), setup);
      expect(bundled.commands.map((command) => /^::(\w+) file=([^,]+),line=(\d+).*\((\S+)\)::/.exec(command)?.slice(1).join(' '))).toEqual([
        'error src/payments.ts 3 root-scoped-token/stripe-live-secret-key',
        'error terraform/provider.tf 4 root-scoped-token/aws-secret-access-key',
        'error src/payments.ts 3 agent-permission/secret-file-not-excluded',
        'error src/payments.ts 3 exposed-credential/stripe-live-secret-key',
        'error terraform/provider.tf 3 agent-permission/secret-file-not-excluded',
        'error terraform/provider.tf 3 exposed-credential/aws-access-key-id',
        'error terraform/provider.tf 4 exposed-credential/aws-secret-access-key',
      ]);
      // No parse or load warnings: both parsers were found beside the bundle.
      expect(bundled.log.filter((line) => line.startsWith('::warning'))).toEqual([]);
      expect(bundled.exitCode).toBe(1);
      expect(bundled.commands).toEqual(source.commands);
      expect(bundled.outputs).toEqual(source.outputs);
    }
  });

  it('runs the per-file stage in worker threads from the bundle, reporting what one thread reports', () => {
    const repo = makeGitRepo();
    const stripe = stripeLiveKey('worker');
    // Enough files for several batches, so the workers take some.
    const files: Record<string, string> = { 'src/billing.ts': `const stripeSecretKey = '${stripe}';\n`, 'infra/main.tf': 'variable "db_password" {\n  default = "Hn3$kW8@qZ5vB1yC"\n}\n' };
    for (let index = 0; index < 300; index++) files[`src/module-${index}.ts`] = `export const token${index} = process.env.TOKEN_${index} ?? '';\n`;
    repo.commit('base', files);
    const setup = (workers: string) => ({ workspace: repo.root, event: 'push', env: { BLAST_RADIUS_WORKERS: workers } });
    expect(readdirSync(ACTION_DIR)).toContain('scan-worker.js');
    const single = runActionFile(process.execPath, join(ACTION_DIR, 'index.js'), setup('1'));
    expect(single.commands.filter((command) => command.includes('src/billing.ts')).length).toBeGreaterThan(0);
    expect(single.commands.filter((command) => command.includes('infra/main.tf')).length).toBeGreaterThan(0);
    for (const node of [process.execPath, ...(process.env.ACTION_TEST_NODES ?? '').split(',').filter(Boolean)]) {
      const threaded = runActionFile(node, join(ACTION_DIR, 'index.js'), setup('3'));
      // Scan warnings (a worker that failed, a parser that did not load) are titled `blast-radius: <code>`.
      expect(threaded.log.filter((line) => line.startsWith('::warning') && line.includes('title=blast-radius%3A'))).toEqual([]);
      expect(threaded.commands).toEqual(single.commands);
      expect(threaded.outputs).toEqual(single.outputs);
    }
  });
});
