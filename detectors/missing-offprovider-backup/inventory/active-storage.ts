// Rails Active Storage: the services `config/storage.yml` declares, and the one `config/environments/<env>.rb` picks
// (`config.active_storage.service = :cloudflare`). A bucket is reported only where its provider settles the question
// the file cannot: Cloudflare R2 keeps no object versions at all, so a production R2 bucket has no copy unless a Mirror
// service writes one elsewhere. An S3, GCS or Azure bucket's versioning and replication live in the bucket's own
// configuration, which storage.yml never shows: those are not judged here (a Terraform bucket is judged where it is declared).
import { get } from '../../../src/parse/data-tree.js';
import { canonicalEnvironment } from '../../../knowledge/environments/names.js';
import { activeStorageServiceOf } from '../../../knowledge/environments/rails.js';
import { isGenericName, isPlaceholderName } from '../../../knowledge/environments/identities.js';
import { directoryOf, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { classifyDestination, providerOfEndpoint } from '../backups/destinations.js';

export function isActiveStorageConfig(path: string): boolean {
  return /(^|\/)config\/storage\.ya?ml$/.test(path);
}

export function isRailsEnvironmentConfig(path: string): boolean {
  return /(^|\/)config\/environments\/[\w-]+\.rb$/.test(path);
}

/** The identity a service's store carries, by which the environment's choice finds it (`<app dir>` keeps apps apart). */
export function activeStorageIdentity(appDirectory: string, service: string): string {
  return `rails:active-storage:${appDirectory}:${service}`.toLowerCase();
}

/** `config/storage.yml` -> the app's directory (`.` at the root). */
function appOf(path: string): string {
  return directoryOf(directoryOf(path));
}

/** Where a service's objects live: the provider its endpoint (or service kind) names. */
function providerOfService(service: ReturnType<typeof mapOf>): string | undefined {
  const kind = literalOf(get(service, 'service'))?.toLowerCase();
  if (kind === 's3') {
    const endpoint = textOf(get(service, 'endpoint'));
    return endpoint ? (providerOfEndpoint(endpoint.replace(/<%=?[^%]*%>/g, 'x')) ?? 'remote-host') : 'aws';
  }
  if (kind === 'gcs') return 'gcp';
  if (kind === 'azurestorage') return 'azure';
  if (kind === 'disk') return 'local';
  return undefined;
}

const R2_BUILT_IN = { protection: 'none' as const, description: 'R2 keeps no versions or copies of its own' };

export function scanActiveStorage(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const app = appOf(inventory.path);
  // Each primary's Mirrors, so its store can be found when production picks a Mirror (`<mirror>><primary>`).
  const mirrorsOf = new Map<string, string[]>();
  for (const entry of root.entries) {
    const service = mapOf(entry.value);
    const primary = literalOf(get(service, 'primary'));
    if (literalOf(get(service, 'service'))?.toLowerCase() === 'mirror' && primary) mirrorsOf.set(primary, [...(mirrorsOf.get(primary) ?? []), entry.key]);
  }
  for (const entry of root.entries) {
    const service = mapOf(entry.value);
    if (!service) continue;
    const kind = literalOf(get(service, 'service'))?.toLowerCase();
    if (kind === 'mirror') {
      // A Mirror writes every upload to its primary and to each mirror: a mirror at another provider is a copy there.
      const primary = literalOf(get(service, 'primary'));
      if (!primary) continue;
      for (const mirror of itemsOf(get(service, 'mirrors'))) {
        const name = literalOf(mirror);
        const target = mapOf(get(root, name ?? ''));
        const provider = target ? providerOfService(target) : undefined;
        if (!name || !provider) continue;
        const bucket = literalOf(get(target, 'bucket')) ?? literalOf(get(target, 'container')) ?? name;
        const destination = provider === 'local' ? { display: bucket, provider, unresolved: false } : { ...classifyDestination(bucket), display: `${name} (${bucket})`, provider };
        inventory.evidence({
          covers: [activeStorageIdentity(app, `${entry.key}>${primary}`)],
          protection: provider === 'local' ? 'same-volume' : 'off-provider',
          mechanism: 'Active Storage mirror',
          destination: destination.display,
          destinationProvider: provider,
          engines: ['object-storage'],
          location: inventory.line(mirror.span.line),
        });
      }
      continue;
    }
    if (providerOfService(service) !== 'cloudflare') continue;
    // `acme-uploads-<%= Rails.env %>` is production's bucket when production picks the service.
    const bucket = literalOf(get(service, 'bucket'))?.replace(/<%=\s*Rails\.env\s*%>/g, 'production');
    if (!bucket || /<%|[{}$]/.test(bucket) || isGenericName(bucket) || isPlaceholderName(bucket)) continue;
    inventory.store({
      platform: 'cloudflare',
      provider: 'cloudflare',
      engine: 'object-storage',
      name: bucket,
      // Which environment uses it is decided by the environments' choices (see `placeActiveStorage` in assess.ts).
      environment: canonicalEnvironment(entry.key) ?? undefined,
      location: inventory.line(entry.keySpan.line),
      identities: [`cloudflare:r2:${bucket}`, activeStorageIdentity(app, entry.key), ...(mirrorsOf.get(entry.key) ?? []).map((mirror) => activeStorageIdentity(app, `${mirror}>${entry.key}`))],
      declaredBy: 'usage',
      builtInBackup: R2_BUILT_IN,
    });
  }
}

/** `config.active_storage.service = :cloudflare` in `config/environments/production.rb`: the service that environment uses. */
export function scanActiveStorageChoice(inventory: Inventory): void {
  const environment = canonicalEnvironment(inventory.path.replace(/^.*\/|\.rb$/g, ''));
  if (!environment) return;
  const service = activeStorageServiceOf(inventory.file.text);
  if (!service) return;
  inventory.context({
    kind: 'active-storage-service',
    directory: appOf(directoryOf(inventory.path)),
    name: service.name.toLowerCase(),
    environment,
    location: inventory.line(inventory.file.positionAt(service.offset).line),
  });
}
