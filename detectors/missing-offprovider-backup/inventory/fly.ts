// Fly.io apps (`fly.toml`, `fly.<env>.toml`): volumes from `[[mounts]]` and Postgres apps. Fly snapshots volumes
// daily (5 days by default, `snapshot_retention` up to 60) into storage of the same Fly organization.
import { get } from '../../../src/parse/data-tree.js';
import { engineOfImage, isTruthy, itemsOf, literalOf, mapOf, type Inventory } from '../shared.js';

export function isFlyConfig(path: string): boolean {
  return /(^|\/)fly(\.[\w-]+)?\.toml$/i.test(path);
}

export function scanFly(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const app = literalOf(get(root, 'app')) ?? 'app';
  inventory.context({ kind: 'deploys', value: 'fly', location: inventory.line(1) });
  // What the app's processes see: a backup tool's config expands these (Litestream's `url: ${REPLICA_URL}`).
  for (const entry of mapOf(get(root, 'env'))?.entries ?? []) {
    const value = literalOf(entry.value);
    if (value !== undefined) inventory.context({ kind: 'app-env', name: entry.key, value, location: inventory.line(entry.keySpan.line) });
  }
  const image = literalOf(get(mapOf(get(root, 'build')), 'image'));
  const imageEngine = engineOfImage(image);
  const postgresApp = imageEngine === 'postgres' || /^flyio\/postgres/.test(image ?? '');
  const mounts = get(root, 'mounts');
  for (const mount of itemsOf(mounts)) {
    const map = mapOf(mount);
    if (!map) continue;
    const source = literalOf(get(map, 'source')) ?? 'data';
    const destination = literalOf(get(map, 'destination'));
    const retention = literalOf(get(map, 'snapshot_retention'));
    const scheduled = isTruthy(get(map, 'scheduled_snapshots'));
    inventory.store({
      platform: 'fly',
      provider: 'fly',
      engine: postgresApp ? 'postgres' : 'volume',
      name: `${app}/${source}`,
      location: inventory.line(mounts?.kind === 'seq' ? map.span.line : (mapOf(root)?.entries.find((entry) => entry.key === 'mounts')?.keySpan.line ?? map.span.line)),
      environment: undefined,
      identities: [`fly:volume:${app}/${source}`, `fly:app:${app}`, `host:${app}.internal`, `host:${app}.flycast`],
      declaredBy: 'platform',
      mountPaths: destination ? [destination] : undefined,
      builtInBackup:
        scheduled === false
          ? { protection: 'none', description: 'scheduled snapshots are turned off for this volume' }
          : { protection: 'provider-managed', description: `Fly snapshots the volume daily and keeps snapshots ${retention ? `${retention} days` : '5 days'} in the same Fly organization` },
    });
  }
}
