// The production index of staging-reaches-production: which production resource a non-production one is matched to
// when many share an identity (a cache or database host every app names), and in what order related ones come.
import { describe, expect, it } from 'vitest';
import { EnvironmentModel } from '../detectors/staging-reaches-production/model.js';
import type { EnvironmentResource } from '../src/facts/environment.js';
import { FactStore } from '../src/fact-store.js';

function resource(environment: EnvironmentResource['environment'], path: string, line: number, identity: string, otherIdentities?: string[]): EnvironmentResource {
  return {
    environment,
    environmentName: environment,
    environmentEvidence: 'file-name',
    kind: 'database',
    identity,
    display: identity,
    location: { path, span: { line, column: 1, endLine: line, endColumn: 10 } },
    ...(otherIdentities ? { otherIdentities } : {}),
  };
}

describe('EnvironmentModel', () => {
  const host = 'host:db.prod.internal';
  const store = new FactStore();
  // Published out of path order, as worker batches may publish them; one names the host only as another identity.
  for (const index of [7, 3, 9, 1, 5]) store.add('environment-resource', resource('production', `apps/app${index}/.env.production`, 2, host));
  store.add('environment-resource', resource('production', 'apps/app0/.env.production', 1, 'db:postgres://db.prod.internal:5432/app0', [host]));
  const staging = resource('staging', 'apps/app4/.env.staging', 2, host);
  store.add('environment-resource', staging);
  const model = new EnvironmentModel(store, {});

  it('matches the first production resource by location whose own identity it shares, before one that only lists it', () => {
    const match = model.productionMatch(staging);
    expect(match?.identity).toBe(host);
    expect(match?.production.location.path).toBe('apps/app1/.env.production');
  });

  it('lists every production resource with the identity in location order, the same list each time', () => {
    const paths = model.productionWith(host).map((production) => production.location.path);
    expect(paths).toEqual(['apps/app0/.env.production', 'apps/app1/.env.production', 'apps/app3/.env.production', 'apps/app5/.env.production', 'apps/app7/.env.production', 'apps/app9/.env.production']);
    expect(model.productionWith(host)).toEqual(model.productionWith(host));
  });
});
