// Render Blueprints (`render.yaml`): Postgres databases, persistent disks and Key Value instances that hold data, at the
// top level or per project environment. Render keeps paid Postgres PITR and exports, and disk snapshots, inside the
// same Render workspace; free Postgres has no backups at all.
import { type DataNode, type MapNode, get } from '../../../src/parse/data-tree.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { environmentNamed, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';

export function isRenderBlueprint(path: string): boolean {
  return /(^|\/)render(\.[\w-]+)?\.ya?ml$/i.test(path);
}

export function scanRender(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  if (!get(root, 'services') && !get(root, 'databases') && !get(root, 'projects')) return;
  inventory.context({ kind: 'deploys', value: 'render', location: inventory.line(1) });
  scanGroup(inventory, root, undefined);
  for (const project of itemsOf(get(root, 'projects'))) {
    for (const environment of itemsOf(get(project, 'environments'))) {
      scanGroup(inventory, environment, literalOf(get(environment, 'name')));
    }
  }
}

function scanGroup(inventory: Inventory, group: DataNode, environmentName: string | undefined): void {
  const environment = environmentNamed(environmentName);
  for (const database of itemsOf(get(group, 'databases'))) {
    const map = mapOf(database);
    const name = literalOf(get(map, 'name'));
    if (!map || !name) continue;
    const plan = literalOf(get(map, 'plan'))?.toLowerCase() ?? 'starter';
    const free = plan === 'free';
    inventory.store({
      platform: 'render',
      provider: 'render',
      engine: 'postgres',
      name,
      environment: environment ?? undefined,
      location: inventory.at(map.span),
      identities: [`render:database:${name}`],
      declaredBy: 'platform',
      builtInBackup: free
        ? { protection: 'none', description: 'Render keeps no backups of free Postgres databases' }
        : { protection: 'provider-managed', description: 'Render keeps point-in-time recovery (3 to 7 days) and daily exports inside the same Render workspace' },
    });
  }
  for (const service of itemsOf(get(group, 'services'))) {
    const map = mapOf(service);
    const type = literalOf(get(map, 'type'));
    if (map && (type === 'keyvalue' || type === 'redis')) {
      scanKeyValue(inventory, map, environment ?? undefined);
      continue;
    }
    if (type === 'cron') {
      // A Render cron job runs its start command on a schedule: a dump job, when it dumps.
      const command = get(map, 'startCommand');
      const script = textOf(command);
      const env = new Map<string, string>();
      for (const variable of itemsOf(get(map, 'envVars'))) {
        const key = literalOf(get(variable, 'key'));
        const value = textOf(get(variable, 'value'));
        if (key && value !== undefined) env.set(key, value);
      }
      if (command && script) readJob(inventory, script, { name: literalOf(get(map, 'name')) ?? 'cron', scheduled: true, environment: environment ?? undefined, env, ephemeral: false, lineOf: scalarLines(inventory, script, command.span.line, command.span.endLine) });
      continue;
    }
    const disk = mapOf(get(map, 'disk'));
    const serviceName = literalOf(get(map, 'name')) ?? 'service';
    if (!disk) continue;
    const diskName = literalOf(get(disk, 'name')) ?? 'disk';
    const mountPath = literalOf(get(disk, 'mountPath'));
    const image = literalOf(get(mapOf(get(map, 'image')), 'url')) ?? '';
    const engine = /postgres/i.test(image) || /postgres/i.test(mountPath ?? '') ? 'postgres' : /mysql|mariadb/i.test(image) ? 'mysql' : /mongo/i.test(image) ? 'mongo' : 'volume';
    inventory.store({
      platform: 'render',
      provider: 'render',
      engine,
      name: `${serviceName}/${diskName}`,
      environment: environment ?? undefined,
      location: inventory.at(disk.span.line > 1 ? { ...disk.span, line: keyLine(map, 'disk') ?? disk.span.line } : disk.span),
      identities: [`render:disk:${serviceName}/${diskName}`.toLowerCase()],
      declaredBy: 'platform',
      mountPaths: mountPath ? [mountPath] : undefined,
      builtInBackup: { protection: 'provider-managed', description: 'Render snapshots persistent disks daily and keeps the snapshots at least 7 days, inside the same Render workspace' },
    });
  }
}

/**
 * A Key Value instance (`type: keyvalue`, formerly `redis`) set never to evict (`maxmemoryPolicy: noeviction`, what
 * Render recommends for job queues and data kept there) holds data rather than a cache. A paid instance persists it
 * on its own disk, which goes with the instance; a free one keeps it in memory only.
 */
function scanKeyValue(inventory: Inventory, map: MapNode, environment: string | undefined): void {
  const name = literalOf(get(map, 'name'));
  if (!name || literalOf(get(map, 'maxmemoryPolicy'))?.toLowerCase() !== 'noeviction') return;
  const free = (literalOf(get(map, 'plan'))?.toLowerCase() ?? 'starter') === 'free';
  inventory.store({
    platform: 'render',
    provider: 'render',
    engine: 'redis',
    name,
    environment,
    location: inventory.at(map.span),
    identities: [`render:keyvalue:${name}`.toLowerCase()],
    declaredBy: 'platform',
    builtInBackup: free
      ? { protection: 'none', description: 'a free Render Key Value instance keeps its data in memory only' }
      : { protection: 'same-volume', description: "a paid Render Key Value instance persists its data on the instance's own disk, which is deleted with the instance" },
  });
}

function keyLine(node: DataNode | undefined, key: string): number | undefined {
  return mapOf(node)?.entries.find((entry) => entry.key === key)?.keySpan.line;
}
