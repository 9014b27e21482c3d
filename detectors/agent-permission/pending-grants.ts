// Allow rules whose command destroys data only where the repository keeps some in what it deletes: `docker compose
// down -v` deletes a compose database's named volume, and nothing of value where the stack keeps no data. Held as
// pending grants while files are read, they are reported here once the stores every detector found are known.
import type { DataStore } from '../../src/facts/index.js';
import type { FinishContext } from '../../src/model.js';
import type { AgentId } from '../../knowledge/agents/agents.js';
import { directoryOf } from './configs/tree.js';
import { reportPermission, RULE_IDS } from './permission.js';

export function resolvePendingGrants(context: FinishContext): void {
  const pending = context.facts.all('agent-pending-grant');
  if (pending.length === 0) return;
  const stores = context.facts.all('data-store').filter(inDockerVolume);
  if (stores.length === 0) return;
  for (const grant of pending) {
    const project = projectOf(grant.location.path);
    // Compose finds its file in the working directory or above it: a stack in a sibling project is out of reach.
    const reached = stores.filter((candidate) => {
      const stack = directoryOf(candidate.location.path);
      return stack.startsWith(project) || project.startsWith(stack);
    });
    const store = reached.find((candidate) => candidate.production === true) ?? reached[0];
    if (!store) continue;
    const where = `the ${store.engine} service \`${store.name}\` of ${store.location.path}`;
    reportPermission(context, grant.location, grant.snippet, {
      ruleId: RULE_IDS.destructiveCommandAllowed,
      agent: grant.agent as AgentId,
      grant: 'destructive-command',
      setting: grant.setting,
      span: grant.location.span,
      lets: `run ${grant.via ? `${grant.via}, which runs ${grant.reaches} and` : `${grant.reaches}, which`} deletes the Docker volume holding the data of ${where},`,
      reaches: grant.reaches,
      effective: grant.effective,
      ...(grant.ignoredBecause ? { ignoredBecause: grant.ignoredBecause } : {}),
      // A database the repository runs in production is high; a developer's local one is worth a prompt, not a page.
      severity: store.production === true ? 'high' : 'medium',
    });
  }
}

/** The directory an agent configuration works in: the one holding its dot-directory (`app/.claude/…` -> `app/`). */
function projectOf(path: string): string {
  const dotDirectory = /(?:^|\/)\.[^/]+\//.exec(path);
  return dotDirectory ? path.slice(0, dotDirectory.index + (dotDirectory[0].startsWith('/') ? 1 : 0)) : directoryOf(path);
}

/**
 * A compose database whose data a volume command deletes: on a named volume (`pgdata:/var/lib/postgresql/data`), or
 * on none (the image's anonymous volume, which `down -v` removes too); a bind-mounted directory survives.
 */
function inDockerVolume(store: DataStore): boolean {
  if (store.declaredBy !== 'compose' || store.testOnly) return false;
  return store.identities.some((identity) => identity.startsWith('compose:volume:')) || (store.mountPaths ?? []).length === 0;
}
