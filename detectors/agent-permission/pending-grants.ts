// Allow rules whose command destroys data only where the repository keeps some in what it deletes: `docker compose
// down -v` deletes a compose database's named volume, and nothing of value where the stack keeps no data. Held as
// pending grants while files are read, they are reported here once the stores every detector found are known.
import type { DataStore } from '../../src/facts/index.js';
import type { FinishContext } from '../../src/model.js';
import type { AgentId } from '../../knowledge/agents/agents.js';
import { reportPermission, RULE_IDS } from './permission.js';

export function resolvePendingGrants(context: FinishContext): void {
  const pending = context.facts.all('agent-pending-grant');
  if (pending.length === 0) return;
  const stores = context.facts.all('data-store').filter(inDockerVolume);
  if (stores.length === 0) return;
  const store = stores.find((candidate) => candidate.production === true) ?? stores[0]!;
  const where = `the ${store.engine} service \`${store.name}\` of ${store.location.path}`;
  for (const grant of pending) {
    reportPermission(context, grant.location, grant.snippet, {
      ruleId: RULE_IDS.destructiveCommandAllowed,
      agent: grant.agent as AgentId,
      grant: 'destructive-command',
      setting: grant.setting,
      span: grant.location.span,
      lets: `run ${grant.reaches}, which deletes the Docker volume holding the data of ${where},`,
      reaches: grant.reaches,
      effective: grant.effective,
      ...(grant.ignoredBecause ? { ignoredBecause: grant.ignoredBecause } : {}),
      // A database the repository runs in production is high; a developer's local one is worth a prompt, not a page.
      severity: store.production === true ? 'high' : 'medium',
    });
  }
}

/**
 * A compose database whose data a volume command deletes: on a named volume (`pgdata:/var/lib/postgresql/data`), or
 * on none (the image's anonymous volume, which `down -v` removes too); a bind-mounted directory survives.
 */
function inDockerVolume(store: DataStore): boolean {
  if (store.declaredBy !== 'compose' || store.testOnly) return false;
  return store.identities.some((identity) => identity.startsWith('compose:volume:')) || (store.mountPaths ?? []).length === 0;
}
