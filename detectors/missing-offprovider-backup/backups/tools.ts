// Backup tools configured by file: Litestream, pgBackRest, Barman, borgmatic, autorestic, resticprofile, rclone
// remotes, and WAL-G/WAL-E settings wherever they are set (env files, ConfigMaps, compose environments).
import { leaves, type DataNode } from '../../../src/parse/data-tree.js';
import { getInsensitive, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { classifyDestination, isUnresolved, providerOfRcloneRemote, type Destination } from './destinations.js';
import { readScript } from './commands.js';

export function isLitestreamConfig(path: string): boolean {
  return /(^|\/)litestream\.ya?ml$/i.test(path);
}

export function isPgbackrestConfig(path: string): boolean {
  return /(^|\/)pgbackrest[\w.-]*\.conf$/i.test(path);
}

export function isBarmanConfig(path: string): boolean {
  return /(^|\/)barman\.conf$/i.test(path) || /(^|\/)barman\.d\/[^/]+\.conf$/i.test(path);
}

export function isRcloneConfig(path: string): boolean {
  return /(^|\/)rclone\.conf$/i.test(path);
}

export function isBorgmaticConfig(path: string): boolean {
  return /(^|\/)borgmatic(\.d)?\/[^/]+\.ya?ml$/i.test(path) || /(^|\/)borgmatic\.ya?ml$/i.test(path);
}

export function isAutoresticConfig(path: string): boolean {
  return /(^|\/)\.?autorestic\.ya?ml$/i.test(path);
}

export function isResticprofileConfig(path: string): boolean {
  return /(^|\/)profiles\.(ya?ml|toml|conf)$/i.test(path);
}

function protectionOf(destination: Destination, ref?: string): 'destination-unknown' | 'same-volume' | 'off-provider' {
  if (destination.unresolved || ref) return 'destination-unknown';
  return destination.provider === 'local' ? 'same-volume' : 'off-provider';
}

const VARIABLE = /\$\{?[A-Za-z_]\w*/;

/** A destination to expand from the app's environment once every file is read: `env:` + its URL and endpoint, as written. */
function envRef(url: string, endpoint: string | undefined): string {
  return `env:${JSON.stringify([url, endpoint ?? null])}`;
}

export function scanLitestream(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  for (const db of itemsOf(get(root, 'dbs'))) {
    const dbMap = mapOf(db);
    const path = literalOf(get(dbMap, 'path'));
    const replicas = [...itemsOf(get(dbMap, 'replicas')), ...(get(dbMap, 'replica') ? [get(dbMap, 'replica')!] : [])];
    for (const replica of replicas) {
      const map = mapOf(replica);
      if (!map) continue;
      const url = textOf(get(map, 'url'));
      const type = (literalOf(get(map, 'type')) ?? (url ? /^(\w+):/.exec(url)?.[1] : undefined) ?? 'file').toLowerCase();
      const bucket = textOf(get(map, 'bucket'));
      const endpoint = textOf(get(map, 'endpoint'));
      const raw = url ?? (type === 'file' ? (textOf(get(map, 'path')) ?? 'file') : type === 'sftp' ? `sftp://${textOf(get(map, 'host')) ?? ''}` : `${type === 'abs' ? 'abs' : type}://${bucket ?? ''}`);
      // A `url: ${REPLICA_URL}` beside `endpoint:` is an S3 replica whose scheme the environment supplies.
      const s3 = type === 's3' || (url !== undefined && VARIABLE.test(url) && get(map, 'type') === undefined);
      const destination = classifyDestination(raw, s3 ? endpoint : undefined);
      // Litestream expands `${VAR}` in its config from the environment: when the text alone does not say where the copy
      // goes, the app's platform config may.
      const ref = destination.unresolved && (VARIABLE.test(raw) || (s3 && endpoint !== undefined && VARIABLE.test(endpoint))) ? envRef(raw, s3 ? endpoint : undefined) : undefined;
      // `validation-interval` makes Litestream restore the replica and compare it: a restore test that runs itself.
      const validated = get(map, 'validation-interval') !== undefined;
      inventory.evidence({
        covers: path ? [`path:${path}`] : [],
        protection: protectionOf(destination, ref),
        mechanism: 'litestream',
        destination: destination.display,
        destinationProvider: destination.unresolved ? undefined : destination.provider,
        ...(ref ? { destinationRef: ref } : {}),
        engines: ['sqlite', 'volume'],
        location: inventory.at(map.span),
        restoreTested: validated,
      });
    }
  }
}

export function scanPgbackrest(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  // Sections: [global] and one per stanza; repo options may sit in either.
  const options = new Map<string, { value: string; line: number }>();
  for (const section of root.entries) {
    const map = mapOf(section.value);
    const pairs = map ? map.entries : [section];
    for (const pair of pairs) {
      const value = textOf(pair.value);
      if (value !== undefined) options.set(pair.key.toLowerCase(), { value, line: pair.keySpan.line });
    }
  }
  const repos = new Set<string>();
  for (const key of options.keys()) {
    const match = /^(repo\d+)-/.exec(key);
    if (match) repos.add(match[1]!);
  }
  if (repos.size === 0 && options.size > 0) repos.add('repo1');
  for (const repo of [...repos].sort()) {
    const type = options.get(`${repo}-type`)?.value.toLowerCase() ?? 'posix';
    const line = options.get(`${repo}-type`)?.line ?? options.get(`${repo}-path`)?.line ?? 1;
    let destination: Destination;
    if (type === 's3') destination = classifyDestination(`s3://${options.get(`${repo}-s3-bucket`)?.value ?? ''}`, options.get(`${repo}-s3-endpoint`)?.value ?? 'amazonaws.com');
    else if (type === 'gcs') destination = classifyDestination(`gs://${options.get(`${repo}-gcs-bucket`)?.value ?? ''}`);
    else if (type === 'azure') destination = classifyDestination(`https://${options.get(`${repo}-azure-account`)?.value ?? 'account'}.blob.core.windows.net/${options.get(`${repo}-azure-container`)?.value ?? ''}`);
    else if (type === 'sftp') destination = classifyDestination(`sftp://${options.get(`${repo}-sftp-host`)?.value ?? ''}`);
    else if (options.get(`${repo}-host`)) destination = { display: `repository host ${options.get(`${repo}-host`)!.value}`, provider: 'ssh', unresolved: false };
    else destination = { display: options.get(`${repo}-path`)?.value ?? 'a local repository', provider: 'local', unresolved: false };
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: 'pgbackrest',
      destination: destination.display,
      destinationProvider: destination.unresolved ? undefined : destination.provider,
      engines: ['postgres'],
      location: inventory.line(line),
    });
  }
}

export function scanBarman(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  for (const section of root.entries) {
    if (section.key.toLowerCase() === 'barman') continue;
    const map = mapOf(section.value);
    if (!map || !getInsensitive(map, 'conninfo') && !getInsensitive(map, 'ssh_command')) continue;
    // Barman runs on its own backup server and pulls from the database host.
    inventory.evidence({
      covers: [],
      protection: 'off-provider',
      mechanism: 'barman',
      destination: 'the Barman backup server',
      destinationProvider: 'ssh',
      engines: ['postgres'],
      location: inventory.line(section.keySpan.line),
    });
  }
}

export function scanRcloneConfig(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const remotes = new Map<string, { type?: string; provider?: string; endpoint?: string; remote?: string; line: number }>();
  for (const section of root.entries) {
    const map = mapOf(section.value);
    if (!map) continue;
    remotes.set(section.key.toLowerCase(), {
      type: literalOf(getInsensitive(map, 'type')),
      provider: literalOf(getInsensitive(map, 'provider')),
      endpoint: literalOf(getInsensitive(map, 'endpoint')),
      remote: literalOf(getInsensitive(map, 'remote')),
      line: section.keySpan.line,
    });
  }
  for (const [name, remote] of remotes) {
    let resolved = remote;
    // crypt, alias, chunker and union remotes wrap another remote.
    for (let guard = 0; guard < 4 && resolved.remote && /^(crypt|alias|chunker|compress|hasher)$/i.test(resolved.type ?? ''); guard++) {
      const inner = remotes.get(resolved.remote.split(':')[0]!.toLowerCase());
      if (!inner) break;
      resolved = inner;
    }
    const provider = providerOfRcloneRemote(resolved.type, resolved.provider, resolved.endpoint);
    if (provider) inventory.context({ kind: 'rclone-remote', name, value: provider, location: inventory.line(remote.line) });
  }
}

export function scanBorgmatic(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const location = mapOf(get(root, 'location'));
  const repositories = [...itemsOf(get(root, 'repositories')), ...itemsOf(get(location, 'repositories'))];
  const databases = mapOf(get(root, 'hooks')) ?? root;
  const engines = [
    ...(get(databases, 'postgresql_databases') ? ['postgres'] : []),
    ...(get(databases, 'mysql_databases') || get(databases, 'mariadb_databases') ? ['mysql'] : []),
    ...(get(databases, 'mongodb_databases') ? ['mongo'] : []),
    ...(get(databases, 'sqlite_databases') ? ['sqlite'] : []),
  ];
  const checks = itemsOf(get(root, 'checks') ?? get(mapOf(get(root, 'consistency')), 'checks')).map((check) => literalOf(check) ?? literalOf(get(mapOf(check), 'name')) ?? '');
  const tested = checks.some((check) => check === 'extract' || check === 'data' || check === 'spot');
  for (const repository of repositories) {
    const path = literalOf(repository) ?? textOf(get(mapOf(repository), 'path'));
    if (!path) continue;
    const destination = classifyDestination(path);
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: 'borgmatic',
      destination: destination.display,
      destinationProvider: destination.unresolved ? undefined : destination.provider,
      engines: engines.length > 0 ? engines : ['volume'],
      location: inventory.at(repository.span),
      restoreTested: tested,
    });
  }
}

export function scanAutorestic(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const backends = mapOf(get(root, 'backends'));
  const locations = mapOf(get(root, 'locations'));
  if (!backends || !locations) return;
  for (const location of locations.entries) {
    const map = mapOf(location.value);
    const hooks = JSON.stringify(plain(get(map, 'hooks')) ?? '');
    const dumps = readScript(hooks.replace(/","/g, '\n').replace(/[[\]{}"]/g, ' ')).dumps;
    for (const target of itemsOf(get(map, 'to'))) {
      const backend = mapOf(get(backends, literalOf(target) ?? ''));
      if (!backend) continue;
      const type = literalOf(get(backend, 'type')) ?? 'local';
      const path = textOf(get(backend, 'path')) ?? '';
      const destination = type === 'local' ? { display: path, provider: 'local', unresolved: false } : classifyDestination(type === 's3' || type === 'b2' || type === 'gs' || type === 'azure' || type === 'rest' || type === 'sftp' || type === 'rclone' ? `${type}:${path}` : path);
      inventory.evidence({
        covers: [],
        protection: protectionOf(destination),
        mechanism: 'autorestic',
        destination: destination.display,
        destinationProvider: destination.unresolved ? undefined : destination.provider,
        engines: dumps.length > 0 ? [...new Set(dumps.flatMap((dump) => dump.engines))] : ['volume'],
        location: inventory.line(location.keySpan.line),
      });
    }
  }
}

export function scanResticprofile(inventory: Inventory): void {
  for (const leaf of leaves(inventory.file.data() ?? { roots: [] })) {
    if (leaf.key !== 'repository') continue;
    const value = textOf(leaf.node);
    if (!value) continue;
    const destination = classifyDestination(value);
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: 'resticprofile',
      destination: destination.display,
      destinationProvider: destination.unresolved ? undefined : destination.provider,
      engines: ['volume'],
      location: inventory.line(leaf.node.span.line),
    });
  }
}

const WALG_PREFIXES = ['WALG_S3_PREFIX', 'WALG_GS_PREFIX', 'WALG_AZ_PREFIX', 'WALG_SSH_PREFIX', 'WALG_FILE_PREFIX', 'WALE_S3_PREFIX', 'WALE_GS_PREFIX', 'WALE_WABS_PREFIX'];

/**
 * WAL-G/WAL-E continuous archiving configured through environment: `WALG_S3_PREFIX=s3://...` in an env file, a
 * ConfigMap, a compose environment or a k8s `env: [{name, value}]` list.
 */
export function scanWalgSettings(inventory: Inventory): void {
  const document = inventory.file.data();
  if (!document) return;
  const found: Array<{ key: string; value: string; line: number; siblings: Map<string, string> }> = [];
  for (const leaf of leaves(document)) {
    const value = textOf(leaf.node);
    if (value === undefined) continue;
    // `KEY: value` maps, and `- name: KEY / value: v` lists.
    // Ansible variables spell them in lowercase (`walg_s3_prefix: s3://…` in group_vars).
    if (leaf.key && WALG_PREFIXES.includes(leaf.key.toUpperCase())) found.push({ key: leaf.key.toUpperCase(), value, line: leaf.node.span.line, siblings: siblingValues(leaf.parent) });
    if (leaf.key === 'name' && WALG_PREFIXES.includes(value) && leaf.parent) {
      const inner = textOf(get(leaf.parent, 'value'));
      if (inner !== undefined) found.push({ key: value, value: inner, line: leaf.node.span.line, siblings: new Map() });
    }
    // Compose `environment: ["WALG_S3_PREFIX=s3://..."]`.
    const inline = /^(WALG_\w+_PREFIX|WALE_\w+_PREFIX)=(.+)$/.exec(value);
    if (inline && WALG_PREFIXES.includes(inline[1]!)) found.push({ key: inline[1]!, value: inline[2]!, line: leaf.node.span.line, siblings: new Map() });
  }
  for (const setting of found) {
    // `AWS_ENDPOINT`, or a role's own spelling of it (`walg_aws_endpoint`).
    const endpoint = [...setting.siblings].find(([key]) => /(?:^|_)(?:AWS_ENDPOINT|AWS_S3_ENDPOINT|WALG_S3_ENDPOINT)$/i.test(key))?.[1];
    const destination = setting.key.includes('FILE') ? { display: setting.value, provider: 'local', unresolved: false } : setting.key.includes('SSH') ? classifyDestination(setting.value.startsWith('ssh://') ? setting.value : `ssh://${setting.value}`) : classifyDestination(setting.value, endpoint);
    inventory.evidence({
      covers: [],
      protection: isUnresolved(setting.value) ? 'destination-unknown' : protectionOf(destination),
      mechanism: setting.key.startsWith('WALE') ? 'wal-e' : 'wal-g',
      destination: destination.display,
      destinationProvider: destination.unresolved ? undefined : destination.provider,
      engines: ['postgres'],
      location: inventory.line(setting.line),
    });
  }
}

function siblingValues(parent: DataNode | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of mapOf(parent)?.entries ?? []) {
    const value = textOf(entry.value);
    if (value !== undefined) values.set(entry.key, value);
  }
  return values;
}

function get(node: DataNode | undefined, key: string): DataNode | undefined {
  return mapOf(node)?.entries.find((entry) => entry.key === key)?.value;
}

function plain(node: DataNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.expression ?? node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.entries.map((entry) => [entry.key, plain(entry.value)]));
}


/** Percona Backup for MongoDB's config file, as `pbm config --file` takes it (`pbm_config.yaml`, `pbm-storage.yml`...). */
export function isPbmConfig(path: string): boolean {
  return /(^|\/)[\w.-]*\bpbm[\w.-]*\.ya?ml$/i.test(path.replace(/_/g, '-'));
}

/**
 * PBM's `storage: {type, s3|minio|gcs|azure|oss|filesystem: {...}}`: where every `pbm backup` (and PITR's oplog slices)
 * of the MongoDB cluster goes. A `filesystem` storage is a directory the agents mount, beside the data.
 */
export function scanPbmConfig(inventory: Inventory): void {
  const storage = mapOf(get(mapOf(inventory.file.data()?.roots[0]), 'storage'));
  const type = literalOf(get(storage, 'type'))?.toLowerCase();
  const settings = mapOf(get(storage, type ?? ''));
  if (!storage || !type || !settings) return;
  const value = (key: string) => textOf(get(settings, key));
  const bucket = value('bucket') ?? '';
  let destination: Destination;
  if (type === 's3') destination = classifyDestination(`s3://${bucket}`, value('endpointUrl'));
  else if (type === 'minio') {
    const endpoint = value('endpoint');
    destination = classifyDestination(`s3://${bucket}`, endpoint ? (/^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`) : undefined);
  } else if (type === 'gcs') destination = classifyDestination(`gs://${bucket}`);
  else if (type === 'azure') destination = classifyDestination(`https://${value('account') ?? 'account'}.blob.core.windows.net/${value('container') ?? ''}`);
  else if (type === 'oss') destination = { display: `oss://${bucket}`, provider: 'alibaba', unresolved: false };
  else if (type === 'filesystem') destination = { display: value('path') ?? 'a local directory', provider: 'local', unresolved: false };
  else return;
  inventory.evidence({
    covers: [],
    protection: protectionOf(destination),
    mechanism: 'pbm',
    destination: destination.display,
    destinationProvider: destination.unresolved ? undefined : destination.provider,
    engines: ['mongo'],
    location: inventory.line(get(storage, 'type')!.span.line),
  });
}
