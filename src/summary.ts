// Builds the blast-radius summary from the facts every stage published: what an agent here could reach, at what
// scope, in which environment, and what would survive.
import type { FactReader, BlastRadiusSummary, CredentialScope, Finding } from './model.js';

export function buildSummary(facts: FactReader, findings: readonly Finding[]): BlastRadiusSummary {
  const credentials = facts.all('credential').filter((credential) => !credential.inIgnoredDotenv || credential.scope !== undefined);
  const agentReadableByScope: Partial<Record<CredentialScope, number>> = {};
  const byEnvironment: Record<string, number> = {};
  for (const credential of credentials) {
    // Unknown reach counts as readable: no agent excludes a file unless a rule in the repo says so.
    if (credential.agentReadable !== false) {
      const scope = credential.scope ?? 'unknown';
      agentReadableByScope[scope] = (agentReadableByScope[scope] ?? 0) + 1;
    }
    const environment = credential.environment ?? 'unknown';
    byEnvironment[environment] = (byEnvironment[environment] ?? 0) + 1;
  }
  const productionStores = facts
    .all('data-store')
    // The backup stage decides `production` (deployed, not a template, not a duplicate); before it runs, the facts' own word.
    .filter((store) => store.production ?? (!store.testOnly && (store.environment === undefined || store.environment === 'production')))
    .map((store) => ({ name: store.name, platform: store.platform, protection: store.protection ?? 'none', location: store.location }));
  const crossings = facts.all('environment-crossing').map((crossing) => ({
    environment: crossing.environment,
    resource: crossing.resource,
    location: crossing.location,
  }));
  const agentBypasses = facts.all('agent-grant').map((grant) => ({
    agent: grant.agent,
    setting: grant.setting,
    effective: grant.effective,
    location: grant.location,
  }));
  const reachable = Object.values(agentReadableByScope).reduce((sum, count) => sum + (count ?? 0), 0);
  const rootReachable = (agentReadableByScope.root ?? 0) + (agentReadableByScope['root-resource'] ?? 0);
  const unprotected = productionStores.filter((store) => store.protection !== 'off-provider' && store.protection !== 'other-account').length;
  const active = findings.filter((finding) => !finding.suppression);
  const headline =
    `${reachable} credential${reachable === 1 ? '' : 's'} readable by agents (${rootReachable} root-scoped); ` +
    `${crossings.length} non-production path${crossings.length === 1 ? '' : 's'} to production; ` +
    `${unprotected} of ${productionStores.length} production store${productionStores.length === 1 ? '' : 's'} without off-provider backup; ` +
    `${agentBypasses.length} agent permission${agentBypasses.length === 1 ? '' : 's'} bypassing a human; ` +
    `${active.length} finding${active.length === 1 ? '' : 's'}.`;
  return {
    credentials: { total: credentials.length, agentReadableByScope, byEnvironment },
    productionStores,
    crossings,
    agentBypasses,
    headline,
  };
}
