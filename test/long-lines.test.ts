// Minified bundles: one line of megabytes with many values on it. What a credential carries from its line is a
// stretch around it (its rating reads that text once per credential), and its snippet shows the secret's stretch.
import { afterAll, describe, expect, it } from 'vitest';
import { findCredentials } from '../detectors/exposed-credential/find.js';
import { FactStore } from '../src/fact-store.js';
import { formatOf } from '../src/parse/index.js';
import { parserSet } from '../src/parse/parsers.js';
import { scan } from '../src/scan.js';
import { LoadedFile } from '../src/source-file.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';
import { githubToken, stripeLiveKey } from './helpers/tokens.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** A minified bundle: `count` small functions on one line, a secret-named literal in every `every`-th. */
function bundle(count: number, every: number, secret: (index: number) => string): string {
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    parts.push(index % every === 0 ? `function f${index}(e){var n={apiKey:"${secret(index)}",region:"eu-${index}"};return n}` : `function f${index}(e,t){return e.map(function(r){return r+t})}`);
  }
  return `${parts.join(';')}\n`;
}

function loaded(path: string, text: string): LoadedFile {
  const lines = Array.from({ length: text.split('\n').length }, (_, index) => index + 1);
  return new LoadedFile({ path, absolutePath: `/repo/${path}`, tracked: true, gitIgnored: false }, formatOf(path), text, parserSet(), 'all', lines, () => undefined);
}

describe('a credential on a very long line', () => {
  it('carries the stretch of the line around it, with the bindings beside it', () => {
    const text = bundle(20_000, 5_000, (index) => githubToken(`bundle-${index}`));
    expect(text.length).toBeGreaterThan(1_000_000);
    const found = findCredentials(loaded('public/app.js', text));
    expect(found.map((credential) => credential.value)).toEqual([0, 5_000, 10_000, 15_000].map((index) => githubToken(`bundle-${index}`)));
    for (const credential of found) {
      expect(credential.context.line.length).toBeLessThan(5_000);
      expect(credential.context.line).toContain(credential.value);
      expect(credential.context.nearby.length).toBeLessThan(5_000);
      // The binding next to it is still seen, and the stretch starts and ends between names, not inside one.
      expect(credential.context.siblings).toContain('region');
      expect(credential.context.line).toMatch(/^[^A-Za-z0-9_$]|^function/);
    }
  });

  it('shows the secret redacted in the snippet, not the first characters of the line', async () => {
    const stripe = stripeLiveKey('minified');
    const text = bundle(5_000, 10_000, () => 'x').replace('\n', `;var stripeSecretKey="${stripe}";\n`);
    const repo = makeRepo({ 'public/app.js': text });
    repos.push(repo);
    const result = await scan({ root: repo.root });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'exposed-credential/stripe-live-secret-key');
    expect(finding?.snippet).toMatch(/^….*stripeSecretKey="sk_live_\*+\w{4}";…$/);
    expect(finding!.snippet!.length).toBeLessThanOrEqual(162);
  });
});

describe('FactStore.enrichEach', () => {
  it('patches each fact it has a patch for, in one pass, leaving the others as they were', () => {
    const store = new FactStore();
    const ids = Array.from({ length: 1_000 }, (_, index) => `f${index}`);
    for (const id of ids) store.add('agent-config', { id, agent: 'claude-code', path: `${id}.json` } as never);
    store.enrichEach('agent-config', (fact) => ((fact as unknown as { id: string }).id.endsWith('7') ? ({ agent: 'codex' } as never) : undefined));
    const agents = store.all('agent-config').map((fact) => (fact as unknown as { agent: string }).agent);
    expect(agents.filter((agent) => agent === 'codex')).toHaveLength(100);
    expect(agents[7]).toBe('codex');
    expect(agents[8]).toBe('claude-code');
  });
});
