// Backups an application package takes from inside the app: spatie/laravel-backup (config/backup.php, writing to the
// Laravel disks config/filesystems.php declares) and django-dbbackup (a Django storage in settings). Where the copy
// lands is the disk's or storage's provider; a disk read from the environment is resolved once every file is read.
import {
  djangoStorageKind,
  DJANGO_ENGINES,
  LARAVEL_CONNECTIONS,
  LARAVEL_DRIVERS,
  providerOfStorageName,
} from '../../../knowledge/environments/app-backups.js';
import { directoryOf, type Inventory } from '../shared.js';
import { classifyDestination, isUnresolved, type Destination } from './destinations.js';
import { entryOf, itemsOfLiteral, readLiteral, settingOf, type Literal } from './literals.js';

/** The app a Laravel config file belongs to: the directory holding `config/`. */
function laravelApp(path: string): string {
  const config = directoryOf(path);
  return directoryOf(config);
}

/** The name a disk is published under, for the backup config of the same app to find. */
export function laravelDiskRef(app: string, disk: string): string {
  return `laravel-disk:${app}:${disk}`;
}

function returnedArray(inventory: Inventory): Literal | undefined {
  const text = inventory.file.text;
  const match = /^\s*return\s+(\[|array\s*\()/m.exec(text);
  if (!match) return undefined;
  return readLiteral(text, match.index + match[0].length - match[1]!.length, 'php');
}

/**
 * config/filesystems.php: every disk, as a named backup location whose value is the provider it writes to, or
 * `env:[url, endpoint, hint]` when the environment supplies its bucket or endpoint (`hint`: the provider the disk's
 * or its variables' names say, `B2_ENDPOINT`).
 */
export function scanLaravelFilesystems(inventory: Inventory): void {
  const disks = entryOf(returnedArray(inventory), 'disks');
  if (disks?.kind !== 'collection') return;
  const app = laravelApp(inventory.path);
  const byName = new Map(disks.entries.filter((entry) => entry.key).map((entry) => [entry.key!, entry.value]));
  for (const [name, disk] of byName) {
    let config = disk;
    // A scoped disk (`'driver' => 'scoped', 'disk' => 's3'`) writes where the disk it wraps does.
    for (let guard = 0; guard < 3 && settingOf(entryOf(config, 'driver')) === 'scoped'; guard++) {
      const inner = byName.get(settingOf(entryOf(config, 'disk')) ?? '');
      if (!inner) break;
      config = inner;
    }
    const value = laravelDiskLocation(name, config);
    if (!value) continue;
    inventory.context({ kind: 'backup-location', name: laravelDiskRef(app, name), value, location: inventory.line(inventory.file.positionAt(disk.offset).line) });
  }
}

function laravelDiskLocation(name: string, disk: Literal): string | undefined {
  const driver = settingOf(entryOf(disk, 'driver'));
  if (!driver || isUnresolved(driver)) return undefined;
  const kind = LARAVEL_DRIVERS[driver.toLowerCase()];
  if (kind === 'local') return 'local';
  if (kind === 'host') {
    const host = settingOf(entryOf(disk, 'host'));
    if (!host) return undefined;
    return locationOf(classifyDestination(`sftp://${host}`), `sftp://${host}`, undefined, providerOfStorageName(name));
  }
  if (kind === 's3') {
    const bucket = settingOf(entryOf(disk, 'bucket')) ?? '';
    const endpointLiteral = entryOf(disk, 'endpoint');
    const endpoint = settingOf(endpointLiteral);
    const url = `s3://${bucket}`;
    // No endpoint at all (or `env('AWS_ENDPOINT')` left unset): the SDK's default, AWS.
    const hint = providerOfStorageName(name) ?? providerOfStorageName(`${bucket} ${endpoint ?? ''}`.replace(/[${}]/g, ' '));
    if (endpoint === undefined && endpointLiteral === undefined) return hint ?? 'aws';
    return locationOf(classifyDestination(url, endpoint), url, endpoint, hint);
  }
  return kind;
}

function locationOf(destination: Destination, url: string, endpoint: string | undefined, hint: string | undefined): string | undefined {
  if (!destination.unresolved && destination.provider) return destination.provider;
  if (!isUnresolved(url) && (endpoint === undefined || !isUnresolved(endpoint))) return hint;
  return `env:${JSON.stringify([url, endpoint ?? null, hint ?? null])}`;
}

/** config/backup.php of spatie/laravel-backup: a backup of the app's databases to each destination disk. */
export function scanLaravelBackup(inventory: Inventory): void {
  const root = returnedArray(inventory);
  // Before v7 the settings sat under a `backup` key.
  const settings = entryOf(root, 'backup') ?? root;
  const destination = entryOf(settings, 'destination');
  const disks = itemsOfLiteral(entryOf(destination, 'disks'));
  if (disks.length === 0) return;
  // `env('DB_CONNECTION', 'mysql')` dumps whatever connection the deployment names: any engine Laravel connects to.
  const connections = itemsOfLiteral(entryOf(entryOf(settings, 'source'), 'databases')).map((item) => (item.kind === 'string' ? item.value : undefined));
  const engines = connections.length === 0 || connections.some((connection) => !connection || !LARAVEL_CONNECTIONS[connection])
    ? ['mysql', 'postgres', 'sqlite']
    : [...new Set(connections.map((connection) => LARAVEL_CONNECTIONS[connection!]!))];
  const app = laravelApp(inventory.path);
  for (const disk of disks) {
    const name = settingOf(disk);
    const location = inventory.line(inventory.file.positionAt(disk.offset).line);
    if (!name || isUnresolved(name)) {
      inventory.evidence({ covers: [], protection: 'destination-unknown', mechanism: 'spatie/laravel-backup', destination: 'a disk the environment names', engines, location });
      continue;
    }
    inventory.evidence({
      covers: [],
      protection: 'off-provider',
      mechanism: 'spatie/laravel-backup',
      destination: `the \`${name}\` disk`,
      destinationRef: laravelDiskRef(app, name),
      engines,
      location,
    });
  }
}

/**
 * django-dbbackup's storage in a settings module: `STORAGES["dbbackup"]` (`BACKEND`, `OPTIONS`), or the older
 * `DBBACKUP_STORAGE` + `DBBACKUP_STORAGE_OPTIONS`.
 */
export function scanDjangoDbbackup(inventory: Inventory): void {
  const text = inventory.file.text;
  let backend: string | undefined;
  let options: Literal | undefined;
  let line: number | undefined;
  const storages = /^STORAGES\s*(?::[^=\n]*)?=\s*\{/m.exec(text);
  // A settings module that adds to the base's storages: `STORAGES["dbbackup"] = {...}`.
  const assigned = /^STORAGES\s*\[\s*['"]dbbackup['"]\s*\]\s*=\s*\{/m.exec(text);
  if (storages || assigned) {
    const dbbackup = assigned
      ? readLiteral(text, assigned.index + assigned[0].length - 1, 'python')
      : entryOf(readLiteral(text, storages!.index + storages![0].length - 1, 'python'), 'dbbackup');
    if (dbbackup) {
      backend = settingOf(entryOf(dbbackup, 'BACKEND'));
      options = entryOf(dbbackup, 'OPTIONS');
      line = inventory.file.positionAt(dbbackup.offset).line;
    }
  }
  const legacy = /^DBBACKUP_STORAGE\s*=\s*/m.exec(text);
  if (!backend && legacy) {
    backend = settingOf(readLiteral(text, legacy.index + legacy[0].length, 'python'));
    const legacyOptions = /^DBBACKUP_STORAGE_OPTIONS\s*=\s*\{/m.exec(text);
    if (legacyOptions) options = readLiteral(text, legacyOptions.index + legacyOptions[0].length - 1, 'python');
    line = inventory.file.positionAt(legacy.index).line;
  }
  if (!backend || line === undefined) return;
  const engines = djangoEngines(text);
  const kind = djangoStorageKind(backend);
  const location = inventory.line(line);
  let destination: Destination;
  let ref: string | undefined;
  if (kind === 'local') {
    destination = { display: settingOf(entryOf(options, 'location')) ?? 'the app server\'s disk', provider: 'local', unresolved: false };
  } else if (kind === 's3') {
    // Options the storage is not given fall back to django-storages' global settings (`AWS_S3_ENDPOINT_URL = …`).
    const bucket = settingOf(entryOf(options, 'bucket_name')) ?? globalSetting(text, 'AWS_STORAGE_BUCKET_NAME') ?? '${AWS_STORAGE_BUCKET_NAME}';
    const endpointLiteral = entryOf(options, 'endpoint_url') ?? globalLiteral(text, 'AWS_S3_ENDPOINT_URL');
    const endpoint = settingOf(endpointLiteral);
    const url = `s3://${bucket}`;
    destination = classifyDestination(url, endpointLiteral === undefined ? undefined : endpoint);
    if (endpointLiteral !== undefined && endpoint !== undefined && destination.unresolved) {
      const hint = providerOfStorageName(endpoint.replace(/[${}]/g, ' '));
      if (hint) destination = { display: destination.display, provider: hint, unresolved: false };
      else ref = `env:${JSON.stringify([url, endpoint])}`;
    }
  } else if (kind === 'host') {
    const host = settingOf(entryOf(options, 'host'));
    destination = host ? classifyDestination(`sftp://${host}`) : { display: backend, unresolved: true };
  } else if (kind) {
    destination = { display: backend.split('.').pop()!, provider: kind, unresolved: false };
  } else {
    // A storage class of the project's own (a subclass of S3Boto3Storage with its bucket set in code).
    destination = { display: backend, unresolved: true };
  }
  inventory.evidence({
    covers: [],
    protection: destination.unresolved ? 'destination-unknown' : destination.provider === 'local' ? 'same-volume' : 'off-provider',
    mechanism: 'django-dbbackup',
    destination: destination.display,
    // A copy on the app server's disk stays beside the app: no better than the store's own backups.
    destinationProvider: destination.unresolved || destination.provider === 'local' ? undefined : destination.provider,
    ...(ref ? { destinationRef: ref } : {}),
    engines,
    location,
  });
}

/** The engines of the settings' `DATABASES` (any Django backend when it is read from a URL). */
function djangoEngines(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/['"]ENGINE['"]\s*:\s*['"]([\w.]+)['"]/g)) {
    const engine = DJANGO_ENGINES.find(([pattern]) => pattern.test(match[1]!))?.[1];
    if (engine) found.add(engine);
  }
  return found.size > 0 ? [...found] : ['postgres', 'mysql', 'sqlite'];
}

/** A module-level assignment's literal (`AWS_S3_ENDPOINT_URL = "https://…"`, `= env("AWS_S3_ENDPOINT_URL")`). */
function globalLiteral(text: string, name: string): Literal | undefined {
  const match = new RegExp(`^${name}\\s*(?::[^=\\n]*)?=\\s*`, 'm').exec(text);
  return match ? readLiteral(text, match.index + match[0].length, 'python') : undefined;
}

function globalSetting(text: string, name: string): string | undefined {
  return settingOf(globalLiteral(text, name));
}
