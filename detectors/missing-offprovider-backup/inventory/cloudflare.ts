// Cloudflare Workers configs (`wrangler.toml`, `wrangler.json[c]`): D1 databases and R2 buckets bound at the top level
// (what a bare `wrangler deploy` ships) or per `[env.<name>]`. D1's Time Travel restores a database to any minute of the last 30
// days; Cloudflare keeps that history inside the same account, for a database that still exists.
import { type DataNode, get } from '../../../src/parse/data-tree.js';
import { environmentNamed, itemsOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { isBucketData } from './buckets.js';
import { isGenericName, isPlaceholderName } from '../../../knowledge/environments/identities.js';

export function isWranglerConfig(path: string): boolean {
  return /(^|\/)wrangler\.(toml|json|jsonc)$/i.test(path);
}

const D1_BUILT_IN = {
  protection: 'provider-managed' as const,
  description: "D1 Time Travel restores the database to any minute of the last 30 days; Cloudflare keeps that history in the same account, and it restores a database that still exists, not a deleted one",
};

export function scanWrangler(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  scanDatabases(inventory, root, undefined);
  for (const entry of mapOf(get(root, 'env'))?.entries ?? []) scanDatabases(inventory, entry.value, entry.key);
}

function scanDatabases(inventory: Inventory, group: DataNode, environmentName: string | undefined): void {
  // An `[env.<name>]` that names no environment word (`[env.eu]`) is another deployment of production's kind.
  const environment = environmentName === undefined ? undefined : (environmentNamed(environmentName) ?? undefined);
  for (const database of itemsOf(get(group, 'd1_databases'))) {
    const map = mapOf(database);
    const id = literalOf(get(map, 'database_id'));
    const name = literalOf(get(map, 'database_name')) ?? literalOf(get(map, 'binding'));
    // Templates and starters leave the id for the user to fill in (`<your-db-id>`): no database is deployed yet.
    if (!map || !name || !id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || /^0{8}-/.test(id)) continue;
    inventory.store({
      platform: 'cloudflare',
      provider: 'cloudflare',
      engine: 'sqlite',
      name,
      environment,
      location: inventory.at(map.span),
      identities: [`cloudflare:d1:${name.toLowerCase()}`, `cloudflare-d1:${id.toLowerCase()}`],
      declaredBy: 'platform',
      builtInBackup: D1_BUILT_IN,
    });
  }
  // R2 buckets bound to the Worker: R2 keeps no versions or copies of its own, so only a copy elsewhere protects them.
  for (const bucket of itemsOf(get(group, 'r2_buckets'))) {
    const map = mapOf(bucket);
    const name = literalOf(get(map, 'bucket_name'));
    const binding = literalOf(get(map, 'binding')) ?? '';
    // A starter's name (`my-bucket`, `uploads`, `your-bucket-name`) is no deployed bucket yet.
    if (!map || !name || /[<>{}$]/.test(name) || isGenericName(name) || isPlaceholderName(name) || !isBucketData(name, binding, environment)) continue;
    inventory.store({
      platform: 'cloudflare',
      provider: 'cloudflare',
      engine: 'object-storage',
      name,
      environment,
      location: inventory.at(map.span),
      identities: [`cloudflare:r2:${name.toLowerCase()}`],
      declaredBy: 'platform',
    });
  }
}
