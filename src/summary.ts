// Builds the blast-radius summary from the facts every stage published: what an agent here could reach, at what
// scope, in which environment, and what would survive.
import type { FactReader, BlastRadiusSummary, CredentialScope, Finding } from './model.js';
import type { Credential } from './facts/credential.js';

/** Rule ids of the chain stage. */
const CHAIN_PREFIX = 'blast-radius/';
/** Protection classes that survive losing the provider or account, and backups the team recorded outside the repo. */
const SURVIVING_PROTECTION = new Set(['off-provider', 'other-account', 'recorded-outside-repo']);

export function buildSummary(facts: FactReader, findings: readonly Finding[]): BlastRadiusSummary {
  // A credential is counted once, however many files hold it (one token in a script and a README is one token), and a
  // pair once (an AWS key id beside its secret): readable when any copy is, at the broadest scope any copy is rated.
  const byValue = new Map<string, Credential[]>();
  for (const credential of facts.all('credential')) {
    if ((credential.inIgnoredDotenv && credential.scope === undefined) || credential.companionHalf) continue;
    const copies = byValue.get(credential.valueHash);
    if (copies) copies.push(credential);
    else byValue.set(credential.valueHash, [credential]);
  }
  const agentReadableByScope: Partial<Record<CredentialScope, number>> = {};
  const byEnvironment: Record<string, number> = {};
  for (const copies of byValue.values()) {
    // Unknown reach counts as readable: no agent excludes a file unless a rule in the repo says so.
    const readable = copies.filter((copy) => copy.agentReadable !== false);
    if (readable.length > 0) {
      const scope = broadest(readable.map((copy) => copy.scope ?? 'unknown'));
      agentReadableByScope[scope] = (agentReadableByScope[scope] ?? 0) + 1;
    }
    const environment = copies[0]!.environment ?? 'unknown';
    byEnvironment[environment] = (byEnvironment[environment] ?? 0) + 1;
  }
  const productionStores = facts
    .all('data-store')
    // The backup stage decides `production` (deployed, not a template, not a duplicate); before it runs, the facts' own word.
    .filter((store) => !store.sameAs && (store.production ?? (!store.testOnly && (store.environment === undefined || store.environment === 'production'))))
    .map((store) => ({
      name: store.name,
      platform: store.platform,
      protection: store.externalBackup ? 'recorded-outside-repo' : (store.protection ?? 'none'),
      location: store.location,
    }));
  // One path per environment and resource, however many files or variables take it (the first location stands).
  const seenCrossings = new Set<string>();
  const crossings = facts
    .all('environment-crossing')
    .filter((crossing) => {
      const key = `${crossing.environment}\u0000${crossing.resource}`;
      if (seenCrossings.has(key)) return false;
      seenCrossings.add(key);
      return true;
    })
    .map((crossing) => ({ environment: crossing.environment, resource: crossing.resource, location: crossing.location }));
  // Reading a file unasked is the agent's job: it widens what reaches a secret, not what bypasses a human.
  // In file order: grants decided in a cross-file pass (Claude Code's merged scopes) are published after the others.
  const agentBypasses = [...facts.all('agent-grant')]
    .filter((grant) => grant.grant !== 'file-read')
    .sort((a, b) => (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : a.location.span.line - b.location.span.line))
    .map((grant) => ({
    agent: grant.agent,
    setting: grant.setting,
    effective: grant.effective,
    location: grant.location,
  }));
  const active = findings.filter((finding) => !finding.suppression);
  // Chains are findings of the chain stage, which lines up every other stage's links; one whose data a backup off the
  // provider keeps (an agent's SQL client against a backed-up database) is no path to data that would not survive.
  const chains = active
    .filter((finding) => finding.ruleId.startsWith(CHAIN_PREFIX) && finding.details.survives !== true)
    .map((finding) => ({ message: finding.message, location: finding.location, stores: (finding.details.stores as string[] | undefined) ?? [] }));
  const reachable = Object.values(agentReadableByScope).reduce((sum, count) => sum + (count ?? 0), 0);
  const rootReachable = (agentReadableByScope.root ?? 0) + (agentReadableByScope['root-resource'] ?? 0);
  const unprotected = productionStores.filter((store) => !SURVIVING_PROTECTION.has(store.protection)).length;
  const bypasses = agentBypasses.filter((bypass) => bypass.effective).length;
  const headline =
    `${chains.length} path${chains.length === 1 ? '' : 's'} from an agent to production data that would not survive; ` +
    `${reachable} credential${reachable === 1 ? '' : 's'} readable by agents (${rootReachable} root-scoped); ` +
    `${crossings.length} non-production path${crossings.length === 1 ? '' : 's'} to production; ` +
    `${unprotected} of ${productionStores.length} production store${productionStores.length === 1 ? '' : 's'} without off-provider backup; ` +
    `${bypasses} agent permission${bypasses === 1 ? '' : 's'} bypassing a human; ` +
    `${active.length} finding${active.length === 1 ? '' : 's'}.`;
  return {
    credentials: { total: byValue.size, agentReadableByScope, byEnvironment },
    productionStores,
    crossings,
    agentBypasses,
    chains,
    headline,
  };
}

/** Scopes from the broadest: what a credential can reach when its copies were rated differently. */
const SCOPE_ORDER: readonly string[] = ['root', 'root-resource', 'scoped', 'unknown', 'public', 'test'];

function broadest(scopes: readonly CredentialScope[]): CredentialScope {
  return [...scopes].sort((a, b) => rank(a) - rank(b))[0]!;
}

function rank(scope: string): number {
  const index = SCOPE_ORDER.indexOf(scope);
  return index === -1 ? SCOPE_ORDER.length : index;
}
