// Where a backup lands: the provider (and AWS account or region, when written) behind an object-storage URL, an
// endpoint, a restic/rclone repository string, an ARN or a path. `local` means the same disk or host.

export interface Destination {
  /** What the repo writes, shortened for messages (never a secret: credentials in URLs are dropped). */
  display: string;
  /** `aws`, `gcp`, `azure`, `cloudflare`, `backblaze`, `wasabi`, `digitalocean`, `tigris`, `ssh`, `local`...; undefined when unresolved. */
  provider?: string;
  account?: string;
  region?: string;
  /** The location is a variable or secret the repo does not resolve. */
  unresolved: boolean;
}

const ENDPOINT_PROVIDERS: Array<[RegExp, string]> = [
  [/\.r2\.cloudflarestorage\.com|\.r2\.dev\b/i, 'cloudflare'],
  [/backblazeb2\.com|\bbackblaze\b/i, 'backblaze'],
  [/wasabisys\.com/i, 'wasabi'],
  [/digitaloceanspaces\.com/i, 'digitalocean'],
  [/storage\.googleapis\.com|\bgoogleapis\.com/i, 'gcp'],
  [/\.blob\.core\.windows\.net|\.dfs\.core\.windows\.net/i, 'azure'],
  [/(fly\.)?storage\.tigris\.dev|\.tigris\.dev|t3\.storage\.dev/i, 'tigris'],
  [/\.supabase\.co\b/i, 'supabase'],
  [/storage\.railway\.app|\.railway\.app\b|\.rlwy\.net\b/i, 'railway'],
  [/linodeobjects\.com/i, 'linode'],
  [/your-objectstorage\.com|your-storagebox\.de/i, 'hetzner'],
  [/\.scw\.cloud/i, 'scaleway'],
  [/\.cloud\.ovh\.net|\.io\.cloud\.ovh/i, 'ovh'],
  [/idrivee2|idrivecloud/i, 'idrive'],
  [/\.rsync\.net\b/i, 'rsync.net'],
  [/\.storjshare\.io|gateway\.storjshare/i, 'storj'],
  [/\.oraclecloud\.com/i, 'oracle'],
  [/\.amazonaws\.com(\.cn)?\b/i, 'aws'],
  [/^(https?:\/\/)?(localhost|127\.0\.0\.1|0\.0\.0\.0|minio|host\.docker\.internal)(:\d+)?(\/|$)/i, 'local'],
  // A Kubernetes Service's DNS name (`minio.velero.svc:9000`, `…svc.cluster.local`): storage inside the same cluster.
  [/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)?\.svc(\.cluster\.local)?\.?(:\d+)?(\/|$)/i, 'local'],
  // A host with no domain at all (`http://minio-service:9000`, `http://seaweedfs-s3:8333`) is a compose service or a
  // Kubernetes Service of the same namespace: storage beside the data, not another provider.
  [/^(https?:\/\/)?[a-z][a-z0-9_-]*(:\d+)?(\/|$)/i, 'local'],
];

/** The provider an endpoint URL or host belongs to. */
export function providerOfEndpoint(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  for (const [pattern, provider] of ENDPOINT_PROVIDERS) if (pattern.test(endpoint)) return provider;
  return undefined;
}

/**
 * A destination a backup tool's own settings decide (`WALG_*_PREFIX`, pgbackrest.conf, PBM's storage config), written
 * in another file: `archive-tool:<mechanism>[|<mechanism>…]`, resolved against that tool's evidence once all are read.
 */
export const ARCHIVE_TOOL_REF = 'archive-tool:';

const UNRESOLVED = /\$\{\{|\$\{?[A-Za-z_]|<[A-Z_]+>|\{\{|%\(|!Ref|!Sub|!ImportValue|\bvar\.|\blocal\.|\bmodule\./;

export function isUnresolved(text: string): boolean {
  return UNRESOLVED.test(text);
}

/** Strips credentials and query strings, so a destination can be shown. */
function displayOf(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/, '//').replace(/\?.*$/, '').slice(0, 120);
}

/** A 12-digit AWS account and the region of an ARN. */
export function parseArn(arn: string): { account?: string; region?: string; service?: string } | undefined {
  const match = /^arn:aws[\w-]*:([\w-]+):([\w-]*):(\d{12})?:/.exec(arn);
  if (!match) return undefined;
  return { service: match[1], region: match[2] || undefined, account: match[3] };
}

/**
 * Classifies a destination written as a URL (`s3://b/p`, `gs://`, `https://acct.blob.core.windows.net/c`), a restic
 * or rclone repository (`b2:bucket:path`, `s3:https://host/bucket`, `remote:path`), an ssh target (`user@host:path`),
 * or a path. `endpoint` is the S3 endpoint written beside it (`--endpoint-url`, `AWS_ENDPOINT_URL`).
 * `remotes` maps rclone remote names to their provider.
 */
export function classifyDestination(raw: string, givenEndpoint?: string, remotes: ReadonlyMap<string, string> = new Map()): Destination {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  // Litestream and others also take the endpoint as a query parameter: `s3://b/p?endpoint=fly.storage.tigris.dev`.
  const queryEndpoint = /[?&]endpoint=([^&#]+)/.exec(text)?.[1];
  const endpoint = givenEndpoint ?? (queryEndpoint ? safeDecode(queryEndpoint) : undefined);
  const display = displayOf(text);
  // A provider's host suffix says whose it is even when a variable fills the rest (`https://${{ vars.CF_ACCOUNT_ID }}.r2.cloudflarestorage.com`);
  // a literal endpoint nobody recognises is someone's own S3-compatible server: another host, at least.
  const endpointProvider = endpoint ? (providerOfEndpoint(endpoint) ?? (isUnresolved(endpoint) ? undefined : 'remote-host')) : undefined;
  const unresolvedTarget = isUnresolved(text);

  const arn = parseArn(text);
  if (arn) return { display, provider: 'aws', account: arn.account, region: arn.region, unresolved: false };

  const scheme = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(text);
  const prefix = scheme?.[1]?.toLowerCase();
  if (prefix === 's3' || prefix === 's3a' || prefix === 's3n') {
    if (scheme![2]) {
      // `s3://bucket/path`: AWS unless an endpoint beside it says otherwise.
      const provider = endpoint === undefined ? 'aws' : endpointProvider;
      return { display, provider, unresolved: provider === undefined };
    }
    // restic writes `s3:https://host/bucket` or `s3:s3.amazonaws.com/bucket`.
    const rest = text.slice(scheme![0].length);
    const host = rest.replace(/^https?:\/\//, '').split('/')[0] ?? '';
    const known = providerOfEndpoint(host);
    if (!known && (isUnresolved(rest.split('/')[0] ?? rest) || isUnresolved(host))) return { display, unresolved: true };
    const provider = known ?? providerOfEndpoint(rest) ?? 'remote-host';
    return { display, provider, unresolved: false };
  }
  if (prefix === 'gs' || prefix === 'gcs') return { display, provider: 'gcp', unresolved: false };
  if (prefix === 'b2') return { display, provider: 'backblaze', unresolved: false };
  if (prefix === 'azure' || prefix === 'abs' || prefix === 'az' || prefix === 'wasbs' || prefix === 'abfss') return { display, provider: 'azure', unresolved: false };
  if (prefix === 'r2') return { display, provider: 'cloudflare', unresolved: false };
  if (prefix === 'file') return { display, provider: 'local', unresolved: false };
  if (prefix === 'swift') return { display, provider: 'openstack', unresolved: false };
  if (prefix === 'http' || prefix === 'https' || prefix === 'rest' || prefix === 'webdav' || prefix === 'webdavs') {
    const rest = prefix === 'rest' ? text.slice(scheme![0].length) : text;
    const provider = providerOfEndpoint(rest);
    if (provider) return { display, provider, unresolved: false };
    return { display, provider: unresolvedTarget ? undefined : 'remote-host', unresolved: unresolvedTarget };
  }
  if (prefix === 'sftp' || prefix === 'ssh' || prefix === 'scp' || prefix === 'rsync') {
    const provider = providerOfEndpoint(text);
    return { display, provider: provider ?? (unresolvedTarget ? undefined : 'ssh'), unresolved: unresolvedTarget && !provider };
  }
  if (prefix === 'rclone') return classifyDestination(text.slice(scheme![0].length), endpoint, remotes);

  // `user@host:path` and `host:path` (scp, rsync, borg).
  const ssh = /^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}|\d+\.\d+\.\d+\.\d+):/i.exec(text);
  if (ssh) {
    const provider = providerOfEndpoint(ssh[1]!);
    return { display, provider: provider ?? 'ssh', unresolved: false };
  }
  // rclone `remote:path`.
  const remote = /^([\w-]+):(?!\/\/)/.exec(text);
  if (remote && !/^[A-Za-z]$/.test(remote[1]!)) {
    const provider = remotes.get(remote[1]!.toLowerCase());
    return { display, provider, unresolved: provider === undefined };
  }
  if (/^(\/|\.\.?\/|~\/)/.test(text) || /^[\w.-]+(\/[\w.$-]*)*$/.test(text)) {
    return unresolvedTarget && !/^[/.~]/.test(text) ? { display, unresolved: true } : { display, provider: 'local', unresolved: false };
  }
  return { display, unresolved: true };
}

/** Provider an rclone remote type (and `provider =` for S3-compatible remotes) stores on. */
export function providerOfRcloneRemote(type: string | undefined, provider: string | undefined, endpoint: string | undefined): string | undefined {
  const byEndpoint = providerOfEndpoint(endpoint);
  if (byEndpoint) return byEndpoint;
  const kind = (type ?? '').toLowerCase();
  const vendor = (provider ?? '').toLowerCase();
  if (kind === 's3') {
    const vendors: Record<string, string> = {
      aws: 'aws',
      cloudflare: 'cloudflare',
      wasabi: 'wasabi',
      digitalocean: 'digitalocean',
      scaleway: 'scaleway',
      ceph: 'remote-host',
      minio: 'remote-host',
      idrive: 'idrive',
      ionos: 'ionos',
      storj: 'storj',
      linode: 'linode',
      other: 'remote-host',
      backblaze: 'backblaze',
      tencentcos: 'tencent',
      alibaba: 'alibaba',
      gcs: 'gcp',
      hetzner: 'hetzner',
      ovhcloud: 'ovh',
    };
    return vendors[vendor] ?? (vendor ? 'remote-host' : 'aws');
  }
  const types: Record<string, string> = {
    b2: 'backblaze',
    'google cloud storage': 'gcp',
    gcs: 'gcp',
    drive: 'google-drive',
    azureblob: 'azure',
    azurefiles: 'azure',
    sftp: 'ssh',
    ftp: 'remote-host',
    webdav: 'remote-host',
    dropbox: 'dropbox',
    onedrive: 'onedrive',
    box: 'box',
    pcloud: 'pcloud',
    mega: 'mega',
    swift: 'openstack',
    storj: 'storj',
    local: 'local',
  };
  return types[kind];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
