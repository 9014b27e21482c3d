// Platform.sh and Upsun: the data services a project declares (`.platform/services.yaml`, or `services:` in
// `.upsun/config.yaml`), the persistent mounts its apps write to, and the cron jobs that copy them. The platform backs
// up production environments on a schedule and keeps the backups internally, in the project: they restore only into
// an environment of the same project and cannot be downloaded, so they die with the project or the account.
import { type DataNode, type MapNode, get } from '../../../src/parse/data-tree.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { literalOf, mapOf, textOf, type Inventory } from '../shared.js';

export function isPlatformshConfig(path: string): boolean {
  return /(^|\/)(\.platform\/(services|applications)\.ya?ml|\.platform\.app\.ya?ml|\.upsun\/[^/]+\.ya?ml)$/i.test(path);
}

/** Service types that hold data, by the part before the version (`postgresql:16`). Plain `redis` is a cache. */
const DATA_SERVICES: Readonly<Record<string, string>> = {
  postgresql: 'postgres',
  mariadb: 'mysql',
  mysql: 'mysql',
  'oracle-mysql': 'mysql',
  'redis-persistent': 'redis',
  'valkey-persistent': 'redis',
  mongodb: 'mongo',
  'mongodb-enterprise': 'mongo',
  'network-storage': 'volume',
};

const BUILT_IN = {
  protection: 'provider-managed' as const,
  description: 'Platform.sh (Upsun) backs up production environments and keeps the backups inside the project, in its region: they restore only there and cannot be downloaded',
};

export function scanPlatformsh(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const path = inventory.path.toLowerCase();
  const upsun = /(^|\/)\.upsun\//.test(path);
  if (/(^|\/)\.platform\/services\.ya?ml$/.test(path)) {
    services(inventory, root);
    return;
  }
  if (upsun) {
    const declared = mapOf(get(root, 'services'));
    if (declared) services(inventory, declared);
    for (const app of mapOf(get(root, 'applications'))?.entries ?? []) application(inventory, app.key, mapOf(app.value));
    if (declared || get(root, 'applications')) inventory.context({ kind: 'deploys', value: 'platform.sh', location: inventory.line(1) });
    return;
  }
  // `.platform/applications.yaml` lists apps; `.platform.app.yaml` is one app.
  if (/applications\.ya?ml$/.test(path)) {
    if (root.kind === 'map') for (const app of root.entries) application(inventory, app.key, mapOf(app.value));
    return;
  }
  application(inventory, literalOf(get(root, 'name')) ?? 'app', root);
}

function services(inventory: Inventory, declared: MapNode): void {
  for (const service of declared.entries) {
    const type = literalOf(get(service.value, 'type'))?.toLowerCase();
    const engine = type ? DATA_SERVICES[type.split(':')[0]!] : undefined;
    if (!engine) continue;
    inventory.store({
      platform: 'platform.sh',
      provider: 'platform.sh',
      engine,
      name: service.key,
      location: inventory.line(service.keySpan.line),
      identities: [`platformsh:service:${service.key}`.toLowerCase()],
      declaredBy: 'platform',
      builtInBackup: BUILT_IN,
    });
  }
}

/**
 * Mounts that hold what users put there (`public/uploads`, `web/sites/default/files`, `storage/app`, `media`): the
 * others every framework's template mounts (`var`, `storage/framework/cache`, `.drush`, `tmp`) hold caches, sessions
 * and logs the app rebuilds.
 */
const USER_DATA_MOUNT = /(?:^|\/)(?:uploads?|media|files|private|data|documents|attachments|images|photos|avatars|content|pb_data)(?:\/|$)|(?:^|\/)storage\/app(?:\/|$)/i;

/**
 * An app's persistent mounts (`source: local` on the app's own disk, `source: storage` on Upsun's network storage)
 * hold its uploads; its crons run commands on a schedule, which may dump a service and copy it elsewhere.
 */
function application(inventory: Inventory, name: string, app: MapNode | undefined): void {
  if (!app) return;
  for (const mount of mapOf(get(app, 'mounts'))?.entries ?? []) {
    const source = literalOf(get(mount.value, 'source'))?.toLowerCase();
    if ((source !== 'local' && source !== 'storage') || !USER_DATA_MOUNT.test(mount.key)) continue;
    inventory.store({
      platform: 'platform.sh',
      provider: 'platform.sh',
      engine: 'volume',
      name: `${name}:${mount.key}`,
      location: inventory.line(mount.keySpan.line),
      identities: [`platformsh:mount:${name}/${mount.key}`.toLowerCase()],
      declaredBy: 'platform',
      mountPaths: [mount.key.startsWith('/') ? mount.key : `/app/${mount.key}`],
      builtInBackup: BUILT_IN,
    });
  }
  for (const cron of mapOf(get(app, 'crons'))?.entries ?? []) {
    const command: DataNode | undefined = get(get(cron.value, 'commands'), 'start') ?? get(cron.value, 'cmd');
    const script = textOf(command);
    if (!command || !script) continue;
    readJob(inventory, script, { name: cron.key, scheduled: true, env: new Map(), ephemeral: false, lineOf: scalarLines(inventory, script, command.span.line, command.span.endLine) });
  }
}
