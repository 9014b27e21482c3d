// Application-level backup packages and the storage their settings name: spatie/laravel-backup (its disks are
// Laravel filesystem disks, config/filesystems.php) and django-dbbackup (a Django storage class, DBBACKUP_STORAGE or
// STORAGES["dbbackup"]). What each storage driver or class writes to, as a provider or a kind of place.

/** The files spatie/laravel-backup and Laravel's filesystem are configured in (`php artisan vendor:publish`). */
export function isLaravelBackupConfig(path: string): boolean {
  return /(^|\/)config\/backup\.php$/.test(path);
}

export function isLaravelFilesystemsConfig(path: string): boolean {
  return /(^|\/)config\/filesystems\.php$/.test(path);
}

/**
 * What a Laravel disk's `driver` writes to: `s3` is AWS unless an `endpoint` says another S3-compatible provider;
 * `local` is the app server's disk; the community Flysystem adapters name their provider. `undefined`: resolve the
 * endpoint (s3) or the host (ftp, sftp).
 */
export const LARAVEL_DRIVERS: Readonly<Record<string, 'local' | 's3' | 'host' | string>> = {
  local: 'local',
  scoped: 'scoped',
  s3: 's3',
  ftp: 'host',
  sftp: 'host',
  gcs: 'gcp',
  google: 'google-drive',
  'google-drive': 'google-drive',
  dropbox: 'dropbox',
  azure: 'azure',
  onedrive: 'onedrive',
};

/**
 * Words of a disk's name or of the variables its endpoint is read from (`'b2' => [...]`, `env('R2_ENDPOINT')`) that
 * say which S3-compatible provider it is when the endpoint itself is left to the environment.
 */
export const S3_PROVIDER_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/(^|[^a-z0-9])(b2|backblaze)([^a-z0-9]|$)/i, 'backblaze'],
  [/(^|[^a-z0-9])(r2|cloudflare)([^a-z0-9]|$)/i, 'cloudflare'],
  [/(^|[^a-z0-9])wasabi([^a-z0-9]|$)/i, 'wasabi'],
  [/(^|[^a-z0-9])(do|digitalocean)[_-]?spaces([^a-z0-9]|$)|(^|[^a-z0-9])spaces([^a-z0-9]|$)/i, 'digitalocean'],
  [/(^|[^a-z0-9])tigris([^a-z0-9]|$)/i, 'tigris'],
];

/** The provider a name's words say, if any (see `S3_PROVIDER_WORDS`). */
export function providerOfStorageName(name: string): string | undefined {
  const words = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  return S3_PROVIDER_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}

/** Laravel database connection names (config/database.php) and the engine each dumps. */
export const LARAVEL_CONNECTIONS: Readonly<Record<string, string>> = {
  mysql: 'mysql',
  mariadb: 'mysql',
  pgsql: 'postgres',
  sqlite: 'sqlite',
  mongodb: 'mongo',
  sqlsrv: 'mssql',
};

/**
 * What a Django storage class (django-storages and Django's own) writes to: `s3` resolves its `endpoint_url` (AWS
 * without one); `host` its `host`; `local` is the app's disk.
 */
export const DJANGO_STORAGE_CLASSES: ReadonlyArray<[RegExp, string]> = [
  [/^storages\.backends\.(s3boto3\.S3Boto3Storage|s3\.S3Storage|s3boto3\.S3StaticStorage|s3boto\.S3BotoStorage)$/, 's3'],
  [/^storages\.backends\.gcloud\.GoogleCloudStorage$/, 'gcp'],
  [/^storages\.backends\.azure_storage\.AzureStorage$/, 'azure'],
  [/^storages\.backends\.dropbox\.DropBoxStorage$|^storages\.backends\.dropbox\.DropboxStorage$/i, 'dropbox'],
  [/^storages\.backends\.sftpstorage\.SFTPStorage$/, 'host'],
  [/^storages\.backends\.ftp\.FTPStorage$/, 'host'],
  [/^django\.core\.files\.storage\.(FileSystemStorage|filesystem\.FileSystemStorage)$/, 'local'],
];

export function djangoStorageKind(backend: string): string | undefined {
  return DJANGO_STORAGE_CLASSES.find(([pattern]) => pattern.test(backend.trim()))?.[1];
}

/** Django `DATABASES` engines and the engine django-dbbackup dumps. */
export const DJANGO_ENGINES: ReadonlyArray<[RegExp, string]> = [
  [/postgres|postgis|psycopg/i, 'postgres'],
  [/mysql/i, 'mysql'],
  [/sqlite/i, 'sqlite'],
];
