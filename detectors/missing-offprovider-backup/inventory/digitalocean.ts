// DigitalOcean App Platform specs (`.do/app.yaml`): the managed database clusters an app attaches (`production:
// true`, a `cluster_name`). Their daily backups and point-in-time recovery stay inside the same DigitalOcean
// account; a dev database (`production: false`) is a throwaway inside the app.
import { get } from '../../../src/parse/data-tree.js';
import { environmentOf, itemsOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { lookupTable } from '../../../src/lookup-table.js';
import { doAppSpecOf } from '../../../knowledge/environments/digitalocean.js';

const ENGINES: Readonly<Record<string, string>> = lookupTable({ pg: 'postgres', mysql: 'mysql', mongodb: 'mongo' });

export function scanDoAppSpec(inventory: Inventory): void {
  const spec = doAppSpecOf(inventory.file.data()?.roots[0]);
  if (!spec) return;
  for (const database of itemsOf(get(spec, 'databases'))) {
    const map = mapOf(database);
    const engine = ENGINES[(literalOf(get(map, 'engine')) ?? '').toLowerCase()];
    const cluster = literalOf(get(map, 'cluster_name'));
    const production = get(map, 'production');
    const managed = cluster !== undefined || (production?.kind === 'scalar' && (production.value === true || production.value === 'true'));
    if (!map || !engine || !managed) continue;
    const name = cluster ?? literalOf(get(map, 'name')) ?? 'database';
    inventory.store({
      platform: 'digitalocean',
      provider: 'digitalocean',
      engine,
      name,
      environment: environmentOf(inventory.path, [literalOf(get(spec, 'name')), name]),
      location: inventory.at(map.span),
      identities: [`digitalocean:database:${name.toLowerCase()}`],
      declaredBy: 'platform',
      builtInBackup: { protection: 'provider-managed', description: 'DigitalOcean keeps daily backups and point-in-time recovery of managed databases inside the same account' },
    });
  }
}
