// Kubernetes manifests: databases run as StatefulSets or Deployments on claims, PersistentVolumeClaims and
// PersistentVolumes, operator clusters (CloudNativePG, Zalando, Crunchy PGO) with their backup sections, storage
// classes, Velero schedules and locations, snapshot schedules, and CronJobs that dump and upload.
import type { DestructiveSetting } from '../../../src/facts/datastore.js';
import { type DataNode, get, type MapNode } from '../../../src/parse/data-tree.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { readScript } from '../backups/commands.js';
import { classifyDestination, isUnresolved, type Destination } from '../backups/destinations.js';
import { directoryOf, engineOfContainer, environmentNamed, environmentOf, isTruthy, itemsOf, literalOf, mapOf, textOf, type Engine, type Inventory } from '../shared.js';
import { HELM_DATABASES, helmDatabaseOf } from '../../../knowledge/environments/helm.js';
import { helmDatabaseRelease } from './helm-releases.js';
import { parseYaml } from '../../../src/parse/yaml.js';

const STORAGE_PROVISIONERS: Array<[RegExp, string]> = [
  [/ebs\.csi\.aws\.com|kubernetes\.io\/aws-ebs|efs\.csi\.aws\.com/, 'aws'],
  [/pd\.csi\.storage\.gke\.io|kubernetes\.io\/gce-pd|filestore\.csi/, 'gcp'],
  [/disk\.csi\.azure\.com|file\.csi\.azure\.com|kubernetes\.io\/azure-disk/, 'azure'],
  [/dobs\.csi\.digitalocean\.com/, 'digitalocean'],
  [/csi\.hetzner\.cloud/, 'hetzner'],
  [/linodebs\.csi\.linode\.com/, 'linode'],
  [/rancher\.io\/local-path|openebs\.io\/local|kubernetes\.io\/no-provisioner|hostpath/i, 'host'],
  [/longhorn|rook|ceph|openebs/i, 'in-cluster'],
];

export function providerOfProvisioner(provisioner: string | undefined): string | undefined {
  if (!provisioner) return undefined;
  return STORAGE_PROVISIONERS.find(([pattern]) => pattern.test(provisioner))?.[1];
}

function path(node: DataNode | undefined, ...keys: string[]): DataNode | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

function keyLine(node: DataNode | undefined, key: string): number | undefined {
  return mapOf(node)?.entries.find((entry) => entry.key === key)?.keySpan.line;
}

/** True for a file that is a Helm template (Go templating does not parse as YAML, and is not a manifest yet). */
export function isHelmTemplate(path: string, text: string): boolean {
  return /(^|\/)templates\//.test(path) && text.includes('{{');
}

export function looksLikeKubernetes(text: string): boolean {
  return /^\s*apiVersion:/m.test(text) && /^\s*kind:/m.test(text);
}

export function scanKubernetes(inventory: Inventory): void {
  const document = inventory.file.data();
  if (!document) return;
  for (const root of document.roots) {
    const items = literalOf(get(root, 'kind')) === 'List' ? itemsOf(get(root, 'items')) : [root];
    for (const item of items) scanObject(inventory, item);
  }
}

/**
 * A volumeClaimTemplate's identities: the template, the claims the StatefulSet makes from it (`<template>-<set>-<ordinal>`,
 * which a static PersistentVolume's `claimRef` names) and the volume its `volumeName` binds.
 */
function templateIdentities(template: DataNode, set: string, replicas: number, identity: (kind: string, name: string) => string): string[] {
  const claim = `${literalOf(path(template, 'metadata', 'name')) ?? 'data'}-${set}`;
  const volume = literalOf(path(template, 'spec', 'volumeName'));
  return [
    identity('volumeclaimtemplate', claim),
    ...Array.from({ length: replicas }, (_, ordinal) => identity('persistentvolumeclaim', `${claim}-${ordinal}`)),
    ...(volume ? [`k8s:pv:${volume}`.toLowerCase()] : []),
  ];
}

/** `key=value` pairs of a literal label map, sorted (a selector matches labels whatever their order). */
function labelPairs(node: DataNode | undefined): string[] {
  return (mapOf(node)?.entries ?? []).flatMap((entry) => {
    const value = literalOf(entry.value);
    return value === undefined ? [] : [`${entry.key}=${value}`.toLowerCase()];
  }).sort();
}

/**
 * A claim's `selector`: the identities every volume carrying the labels it requires has (`labelIdentities`). A
 * `matchExpressions` term `{key, operator: In, values}` requires one of its values, so each choice is a set of labels
 * a volume may carry (a few at most); a selector with another operator (`NotIn`, `Exists`) is not turned into labels.
 */
function selectorIdentity(selector: DataNode | undefined): string[] {
  let sets: string[][] = [labelPairs(get(selector, 'matchLabels'))];
  for (const term of itemsOf(get(selector, 'matchExpressions'))) {
    const key = literalOf(get(term, 'key'));
    const values = itemsOf(get(term, 'values')).map((value) => literalOf(value));
    if (!key || literalOf(get(term, 'operator')) !== 'In' || values.length === 0 || values.some((value) => value === undefined)) return [];
    sets = sets.flatMap((set) => values.map((value) => [...set, `${key}=${value}`.toLowerCase()]));
    if (sets.length > 8) return [];
  }
  return sets.filter((set) => set.length > 0).map((set) => `k8s:pv-labels:${[...new Set(set)].sort().join(',')}`);
}

/**
 * A volume's labels as the selectors that pick it: one identity per set of its labels (a selector names any of
 * them), so a claim selecting the volume shares an identity with it. Volumes carry a few labels; past five, none.
 */
function labelIdentities(labels: DataNode | undefined): string[] {
  const pairs = labelPairs(labels);
  if (pairs.length === 0 || pairs.length > 5) return [];
  const found: string[] = [];
  for (let mask = 1; mask < 1 << pairs.length; mask++) found.push(`k8s:pv-labels:${pairs.filter((_, bit) => mask & (1 << bit)).join(',')}`);
  return found;
}

/** `replicas:` as written (1 when absent or computed), capped: a claim per ordinal. */
function replicasOf(spec: DataNode | undefined): number {
  const replicas = Number(literalOf(get(spec, 'replicas')) ?? 1);
  return Number.isInteger(replicas) && replicas > 0 ? Math.min(replicas, 16) : 1;
}

function scanObject(inventory: Inventory, object: DataNode): void {
  const map = mapOf(object);
  const kind = literalOf(get(map, 'kind'));
  const apiVersion = literalOf(get(map, 'apiVersion')) ?? '';
  if (!map || !kind) return;
  const metadata = get(map, 'metadata');
  const name = literalOf(get(metadata, 'name')) ?? kind.toLowerCase();
  const namespace = literalOf(get(metadata, 'namespace'));
  const ns = namespace ?? 'default';
  const environment = environmentOf(inventory.path, []) ?? environmentNamed(namespace) ?? environmentOf('', [name]);
  const line = keyLine(map, 'kind') ?? map.span.line;
  const spec = get(map, 'spec');
  const identity = (k: string, n = name) => `k8s:${ns}:${k.toLowerCase()}/${n}`.toLowerCase();
  const podSpec = (node: DataNode | undefined) => path(node, 'template', 'spec');

  switch (kind) {
    case 'StatefulSet':
    case 'Deployment': {
      const pod = podSpec(spec);
      const containers = [...itemsOf(get(pod, 'containers'))];
      const engine = containers
        .map((container) => {
          const command = [get(container, 'command'), get(container, 'args')].flatMap((node) => itemsOf(node).map((item) => textOf(item) ?? '')).join(' ');
          const targets = itemsOf(get(container, 'volumeMounts')).map((mount) => literalOf(get(mount, 'mountPath')) ?? '');
          return engineOfContainer(literalOf(get(container, 'image')), command, targets);
        })
        .find(Boolean);
      inventory.context({ kind: 'deploys', value: 'kubernetes-manifest', location: inventory.line(line) });
      // Where backups are kept (a MinIO in Velero's namespace, a `*-backup` store) holds copies, not the data.
      if (!engine || namespace === 'velero' || BACKUP_NAME.test(name)) return;
      const templates = itemsOf(get(spec, 'volumeClaimTemplates'));
      const claims = itemsOf(get(pod, 'volumes')).map((volume) => literalOf(path(volume, 'persistentVolumeClaim', 'claimName'))).filter((claim): claim is string => !!claim);
      if (templates.length === 0 && claims.length === 0) return;
      const storageClass = templates.map((template) => literalOf(path(template, 'spec', 'storageClassName'))).find(Boolean);
      const settings: DestructiveSetting[] = [];
      const retention = get(spec, 'persistentVolumeClaimRetentionPolicy');
      if (literalOf(get(retention, 'whenDeleted')) === 'Delete') {
        settings.push({ kind: 'reclaim-policy-delete', setting: 'persistentVolumeClaimRetentionPolicy.whenDeleted: Delete', explicit: true, location: inventory.line(keyLine(retention, 'whenDeleted') ?? line) });
      }
      inventory.store({
        platform: 'kubernetes',
        provider: 'kubernetes',
        engine,
        name: namespace ? `${namespace}/${name}` : name,
        environment,
        location: inventory.line(line),
        identities: [identity(kind), ...claims.map((claim) => identity('persistentvolumeclaim', claim)), ...templates.flatMap((template) => templateIdentities(template, name, replicasOf(spec), identity))],
        declaredBy: 'manifest',
        storageClass,
        builtInBackup: { protection: 'none', description: 'a PersistentVolume has no backup unless something snapshots or copies it' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'PersistentVolumeClaim': {
      const storageClass = literalOf(get(spec, 'storageClassName'));
      if (/cache|tmp|temp|log|scratch|build/i.test(name) || BACKUP_NAME.test(name) || namespace === 'velero') return;
      const engine = /postgres|pgdata|pg-data/i.test(name) ? 'postgres' : /mysql|maria/i.test(name) ? 'mysql' : /mongo/i.test(name) ? 'mongo' : 'volume';
      inventory.store({
        platform: 'kubernetes',
        provider: 'kubernetes',
        engine,
        name: namespace ? `${namespace}/${name}` : name,
        environment,
        location: inventory.line(line),
        // A claim bound by name to a volume (`volumeName:`) is that volume; one bound by a label selector is the volume
        // carrying those labels.
        identities: [identity('persistentvolumeclaim'), ...(literalOf(get(spec, 'volumeName')) ? [`k8s:pv:${literalOf(get(spec, 'volumeName'))}`] : selectorIdentity(get(spec, 'selector')))],
        declaredBy: 'manifest',
        storageClass,
        builtInBackup: { protection: 'none', description: 'a PersistentVolume has no backup unless something snapshots or copies it' },
      });
      return;
    }
    case 'PersistentVolume': {
      const policy = literalOf(get(spec, 'persistentVolumeReclaimPolicy'));
      const claim = get(spec, 'claimRef');
      const handle = literalOf(path(spec, 'csi', 'volumeHandle')) ?? literalOf(path(spec, 'awsElasticBlockStore', 'volumeID'));
      const settings: DestructiveSetting[] = policy === 'Delete' ? [{ kind: 'reclaim-policy-delete', setting: 'persistentVolumeReclaimPolicy: Delete', explicit: true, location: inventory.line(keyLine(spec, 'persistentVolumeReclaimPolicy') ?? line) }] : [];
      inventory.store({
        platform: 'kubernetes',
        provider: 'kubernetes',
        engine: 'volume',
        name,
        environment: environmentOf(inventory.path, []) ?? environmentNamed(literalOf(get(claim, 'namespace'))) ?? environmentOf('', [name]),
        location: inventory.line(line),
        identities: [
          `k8s:pv:${name}`,
          ...(handle ? [`volume:${handle}`] : []),
          ...(claim ? [`k8s:${literalOf(get(claim, 'namespace')) ?? 'default'}:persistentvolumeclaim/${literalOf(get(claim, 'name')) ?? ''}`] : []),
          ...labelIdentities(get(metadata, 'labels')),
        ],
        declaredBy: 'manifest',
        storageClass: literalOf(get(spec, 'storageClassName')),
        builtInBackup: { protection: 'none', description: 'a PersistentVolume has no backup unless something snapshots or copies it' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'StorageClass': {
      const provisioner = literalOf(get(map, 'provisioner'));
      inventory.context({ kind: 'storage-class', name, value: providerOfProvisioner(provisioner), policy: literalOf(get(map, 'reclaimPolicy')), location: inventory.line(keyLine(map, 'reclaimPolicy') ?? line) });
      return;
    }
    case 'CronJob': {
      const pod = path(spec, 'jobTemplate', 'spec', 'template', 'spec');
      for (const container of [...itemsOf(get(pod, 'initContainers')), ...itemsOf(get(pod, 'containers'))]) {
        const env = new Map<string, string>();
        for (const variable of itemsOf(get(container, 'env'))) {
          const key = literalOf(get(variable, 'name'));
          const value = textOf(get(variable, 'value'));
          if (key && value !== undefined) env.set(key, value);
          // Set from a Secret or ConfigMap: the variable is there, its value is not in the repo.
          else if (key && get(variable, 'valueFrom')) env.set(key, `\${${key}}`);
        }
        const pieces = [...itemsOf(get(container, 'command')), ...itemsOf(get(container, 'args'))];
        const words = pieces.map((piece) => textOf(piece) ?? '');
        // `["/bin/sh", "-c", "<script>"]`: the script is the last word; otherwise the words are one command.
        const shell = words.findIndex((word) => word === '-c');
        const script = shell !== -1 ? words.slice(shell + 1).join('\n') : words.join(' ');
        const first = pieces[0]?.span.line ?? mapOf(container)?.span.line ?? line;
        const last = pieces[pieces.length - 1]?.span.endLine ?? first;
        readJob(inventory, script, { name: `${name} ${literalOf(get(container, 'image')) ?? ''}`, scheduled: true, environment, env, ephemeral: false, lineOf: scalarLines(inventory, script, first, last) });
        // A CronJob that applies a VolumeSnapshot on its schedule is a snapshot schedule: copies in the same cloud account.
        if (/\bkind:\s*VolumeSnapshot\b/.test(script) && /\bkubectl\b/.test(script)) {
          const claims = [...script.matchAll(/persistentVolumeClaimName:\s*["']?([a-z0-9][a-z0-9.-]*)/g)].map((match) => identity('persistentvolumeclaim', match[1]!));
          inventory.evidence({ covers: claims.length > 0 ? claims : [`k8s:${ns}:*`], protection: 'provider-managed', mechanism: `VolumeSnapshots the CronJob \`${name}\` takes`, destination: 'volume snapshots in the same cloud account', destinationProvider: 'same-cloud', location: inventory.line(first), environment });
        }
        backupImage(inventory, literalOf(get(container, 'image')), env, mapOf(container)?.span.line ?? line, environment, get(container, 'envFrom') ? 'a Secret or ConfigMap (envFrom)' : undefined);
      }
      return;
    }
  }

  // GitOps controllers apply what the repo holds: the manifests are this team's deployment.
  if ((/^argoproj\.io\//.test(apiVersion) && (kind === 'Application' || kind === 'ApplicationSet')) || (/fluxcd\.io\//.test(apiVersion) && (kind === 'Kustomization' || kind === 'HelmRelease'))) {
    inventory.context({ kind: 'deploys', value: 'gitops', location: inventory.line(line) });
    if (kind === 'Application') for (const source of [get(spec, 'source'), ...itemsOf(get(spec, 'sources'))]) argoDatabaseChart(inventory, source, spec, name, environment, line);
    if (kind === 'HelmRelease') fluxDatabaseChart(inventory, spec, name, namespace, environment, line);
    return;
  }
  // Cloud databases declared as Kubernetes objects: Config Connector (GCP), ACK and Crossplane (AWS). The same stores
  // as their Terraform twins, named the same way.
  if (/^sql\.cnrm\.cloud\.google\.com\//.test(apiVersion) && kind === 'SQLInstance') {
    const instance = literalOf(get(spec, 'resourceID')) ?? name;
    const backup = path(spec, 'settings', 'backupConfiguration');
    const enabled = isTruthy(get(backup, 'enabled')) === true;
    const version = (literalOf(get(spec, 'databaseVersion')) ?? '').toLowerCase();
    inventory.store({
      platform: 'gcp',
      provider: 'gcp',
      engine: /postgres/.test(version) ? 'postgres' : /mysql/.test(version) ? 'mysql' : /sqlserver/.test(version) ? 'mssql' : 'database',
      name: instance,
      environment: environmentOf(inventory.path, []) ?? environmentNamed(namespace) ?? environmentOf('', [instance]),
      location: inventory.line(line),
      identities: [identity('sqlinstance'), `gcp:sql:${instance}`],
      declaredBy: 'infrastructure',
      builtInBackup: enabled
        ? { protection: 'provider-managed', description: 'Cloud SQL automated backups stay in the same Google Cloud project' }
        : { protection: 'none', description: 'automated backups are not enabled (spec.settings.backupConfiguration.enabled)' },
    });
    return;
  }
  if ((/^rds\.services\.k8s\.aws\//.test(apiVersion) && (kind === 'DBInstance' || kind === 'DBCluster')) || (/^rds\.aws\.(?:upbound\.io|crossplane\.io)\//.test(apiVersion) && (kind === 'Instance' || kind === 'Cluster'))) {
    const ack = /k8s\.aws/.test(apiVersion);
    const forProvider = ack ? spec : get(spec, 'forProvider');
    const identifier = literalOf(get(forProvider, ack ? (kind === 'DBInstance' ? 'dbInstanceIdentifier' : 'dbClusterIdentifier') : 'identifier')) ?? literalOf(path(metadata, 'annotations', 'crossplane.io/external-name')) ?? name;
    const retentionNode = get(forProvider, 'backupRetentionPeriod');
    const retention = retentionNode?.kind === 'scalar' ? Number(retentionNode.value) : NaN;
    const engine = (literalOf(get(forProvider, 'engine')) ?? '').toLowerCase();
    const protection = get(forProvider, 'deletionProtection');
    const unprotected = protection?.kind === 'scalar' && (protection.value === false || protection.value === 'false');
    inventory.store({
      platform: 'aws',
      provider: 'aws',
      engine: /postgres/.test(engine) ? 'postgres' : /mysql|mariadb/.test(engine) ? 'mysql' : 'database',
      name: identifier,
      environment: environmentOf(inventory.path, []) ?? environmentNamed(namespace) ?? environmentOf('', [identifier]),
      location: inventory.line(line),
      identities: [identity(kind), `aws:rds:${identifier}`],
      declaredBy: 'infrastructure',
      builtInBackup:
        retention === 0
          ? { protection: 'none', description: 'automated backups are off (backupRetentionPeriod: 0)' }
          : { protection: 'provider-managed', description: 'RDS automated backups and snapshots stay in the same AWS account' },
      ...(unprotected ? { destructiveSettings: [{ kind: 'deletion-protection-off', setting: 'deletionProtection: false', explicit: true, location: inventory.line(protection.span.line) }] } : {}),
    });
    return;
  }
  if (/^postgresql\.cnpg\.io\//.test(apiVersion) && kind === 'Cluster') {
    cnpgCluster(inventory, map, name, ns, environment, identity('cluster'));
    return;
  }
  if (/^postgresql\.cnpg\.io\//.test(apiVersion) && kind === 'ScheduledBackup') {
    const method = literalOf(get(spec, 'method')) ?? 'barmanObjectStore';
    const cluster = literalOf(path(spec, 'cluster', 'name'));
    if (method === 'volumeSnapshot' && cluster) {
      inventory.evidence({ covers: [identity('cluster', cluster)], protection: 'provider-managed', mechanism: 'cnpg volume snapshots', destination: 'volume snapshots in the same cloud account', location: inventory.line(line), environment });
    }
    return;
  }
  if (/^barmancloud\.cnpg\.io\//.test(apiVersion) && kind === 'ObjectStore') {
    const configuration = path(spec, 'configuration');
    const destination = barmanDestination(configuration);
    inventory.evidence({ covers: [identity('objectstore')], protection: protectionOf(destination), mechanism: 'cnpg barman-cloud', destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: ['postgres'], location: inventory.line(line), environment });
    return;
  }
  if (/^acid\.zalan\.do\//.test(apiVersion) && kind === 'postgresql') {
    const logical = isTruthy(get(spec, 'enableLogicalBackup')) === true;
    inventory.store({
      platform: 'kubernetes',
      provider: 'kubernetes',
      engine: 'postgres',
      name: namespace ? `${namespace}/${name}` : name,
      environment,
      location: inventory.line(line),
      identities: [identity('postgresql'), 'operator:zalando'],
      declaredBy: 'manifest',
      storageClass: literalOf(path(spec, 'volume', 'storageClass')),
      builtInBackup: { protection: 'none', description: `the Zalando operator archives WAL only where its operator configuration points${logical ? ', and logical backups go to its configured bucket' : ''}` },
    });
    return;
  }
  if (/^acid\.zalan\.do\//.test(apiVersion) && kind === 'OperatorConfiguration') {
    zalandoConfig(inventory, get(map, 'configuration'), environment);
    return;
  }
  if (kind === 'ConfigMap' && /postgres-operator/.test(name)) {
    zalandoConfig(inventory, get(map, 'data'), environment);
    return;
  }
  if (/^postgres-operator\.crunchydata\.com\//.test(apiVersion) && kind === 'PostgresCluster') {
    const clusterIdentity = identity('postgrescluster');
    inventory.store({
      platform: 'kubernetes',
      provider: 'kubernetes',
      engine: 'postgres',
      name: namespace ? `${namespace}/${name}` : name,
      environment,
      location: inventory.line(line),
      identities: [clusterIdentity],
      declaredBy: 'manifest',
      storageClass: literalOf(path(itemsOf(get(spec, 'instances'))[0], 'dataVolumeClaimSpec', 'storageClassName')),
      builtInBackup: { protection: 'none', description: 'PGO backs up only to the pgBackRest repositories configured on the cluster' },
    });
    for (const repo of itemsOf(path(spec, 'backups', 'pgbackrest', 'repos'))) {
      const s3 = get(repo, 's3');
      const gcs = get(repo, 'gcs');
      const azure = get(repo, 'azure');
      let destination: Destination;
      if (s3) destination = classifyDestination(`s3://${literalOf(get(s3, 'bucket')) ?? ''}`, literalOf(get(s3, 'endpoint')) ?? 's3.amazonaws.com');
      else if (gcs) destination = classifyDestination(`gs://${literalOf(get(gcs, 'bucket')) ?? ''}`);
      else if (azure) destination = { display: `azure container ${literalOf(get(azure, 'container')) ?? ''}`, provider: 'azure', unresolved: false };
      else destination = { display: 'a volume in the same cluster', provider: 'local', unresolved: false };
      inventory.evidence({ covers: [clusterIdentity], protection: protectionOf(destination), mechanism: 'pgbackrest (PGO)', destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: ['postgres'], location: inventory.line(mapOf(repo)?.span.line ?? line), environment });
    }
    return;
  }
  const percona = PERCONA_CLUSTERS.find((entry) => entry.apiVersion.test(apiVersion) && entry.kind === kind);
  if (percona) {
    perconaCluster(inventory, percona, spec, { name: namespace ? `${namespace}/${name}` : name, identity: identity(kind), environment, line });
    return;
  }
  if (/^velero\.io\//.test(apiVersion) && kind === 'BackupStorageLocation') {
    veleroLocation(inventory, name, literalOf(get(spec, 'provider')), literalOf(path(spec, 'objectStorage', 'bucket')), literalOf(path(spec, 'config', 's3Url')), line, isTruthy(get(spec, 'default')) === true);
    return;
  }
  if (/^velero\.io\//.test(apiVersion) && (kind === 'Schedule' || kind === 'Backup')) {
    veleroSchedule(inventory, kind === 'Schedule' ? get(spec, 'template') : spec, false, line);
    return;
  }
  // A CSI VolumeSnapshot in a manifest is taken once, when it is applied, and kept in the same cloud account: no
  // schedule, so no backup, whatever it is named. Published as what it is, so the claim's finding can say why it does
  // not count. A VolumeSnapshotClass only says how snapshots would be taken.
  if (/^snapshot\.storage\.k8s\.io\//.test(apiVersion) && kind === 'VolumeSnapshot') {
    const claim = literalOf(path(spec, 'source', 'persistentVolumeClaimName'));
    if (claim) inventory.evidence({ covers: [identity('persistentvolumeclaim', claim)], protection: 'none', mechanism: `a one-off VolumeSnapshot \`${name}\``, destination: 'taken once when applied, not on a schedule, and kept in the same cloud account', location: inventory.line(line), environment });
    return;
  }
  if (/^snapscheduler\.backube\//.test(apiVersion) && kind === 'SnapshotSchedule') {
    inventory.evidence({ covers: [`k8s:${ns}:*`], protection: 'provider-managed', mechanism: 'snapscheduler', destination: 'volume snapshots in the same cloud account', destinationProvider: 'same-cloud', location: inventory.line(line), environment });
  }
}

/** A Velero backup storage location: where file-system backups and moved snapshot data go. */
/** A workload or claim named for backups (`postgres-backups`, `backup-minio`): what it holds are copies. */
const BACKUP_NAME = /(?:^|[-_.])backups?(?:$|[-_.])/i;

function veleroLocation(inventory: Inventory, name: string, provider: string | undefined, bucket: string | undefined, s3Url: string | undefined, line: number, isDefault = false): void {
  const providerName = (provider ?? '').replace(/^velero\.io\//, '');
  const destination = providerName === 'gcp' ? classifyDestination(`gs://${bucket ?? ''}`) : providerName === 'azure' ? { display: bucket ?? '', provider: 'azure', unresolved: false } : classifyDestination(`s3://${bucket ?? ''}`, s3Url);
  inventory.context({ kind: 'backup-location', name: `velero:${name}`, value: destination.provider, location: inventory.line(line) });
  // Schedules that name no location use the one marked `default: true`, whatever it is called.
  if (isDefault && name !== 'default') inventory.context({ kind: 'backup-location', name: 'velero:default', value: destination.provider, location: inventory.line(line) });
}

/** A Velero schedule or backup: volume snapshots stay in the cloud account; file-system backups go to a location. */
function veleroSchedule(inventory: Inventory, template: DataNode | undefined, fsBackupByDefault: boolean, line: number): void {
  const namespaces = itemsOf(get(template, 'includedNamespaces')).map((item) => literalOf(item) ?? '');
  const covers = namespaces.length === 0 || namespaces.includes('*') ? ['provider:kubernetes'] : namespaces.map((item) => `k8s:${item}:*`);
  const fsBackup = isTruthy(get(template, 'defaultVolumesToFsBackup'));
  const dataMoved = fsBackup === true || (fsBackup === undefined && fsBackupByDefault) || isTruthy(get(template, 'snapshotMoveData')) === true;
  const location = literalOf(get(template, 'storageLocation')) ?? 'default';
  inventory.evidence({
    covers,
    protection: dataMoved ? 'destination-unknown' : 'provider-managed',
    mechanism: dataMoved ? 'velero (file-system backup)' : 'velero (volume snapshots)',
    destination: dataMoved ? `Velero location ${location}` : 'volume snapshots in the same cloud account',
    destinationRef: dataMoved ? `velero:${location}` : undefined,
    destinationProvider: dataMoved ? undefined : 'same-cloud',
    location: inventory.line(line),
    environment: undefined,
  });
}

/**
 * Velero installed from its Helm chart (`vmware-tanzu/velero`): the values give the storage locations
 * (`configuration.backupStorageLocation`, a list, or one map in older charts) and the schedules (`schedules.<name>.template`).
 */
export function scanVeleroValues(inventory: Inventory): void {
  for (const root of inventory.file.data()?.roots ?? []) {
    const configuration = get(root, 'configuration');
    const locations = get(configuration, 'backupStorageLocation');
    const schedules = mapOf(get(root, 'schedules'));
    if (!locations && !schedules) continue;
    for (const location of locations?.kind === 'seq' ? locations.items : locations ? [locations] : []) {
      const line = mapOf(location)?.span.line ?? 1;
      veleroLocation(inventory, literalOf(get(location, 'name')) ?? 'default', literalOf(get(location, 'provider')) ?? literalOf(get(configuration, 'provider')), literalOf(get(location, 'bucket')), literalOf(path(location, 'config', 's3Url')), line, isTruthy(get(location, 'default')) === true);
    }
    const fsBackupByDefault = isTruthy(get(configuration, 'defaultVolumesToFsBackup')) === true;
    for (const entry of schedules?.entries ?? []) veleroSchedule(inventory, get(entry.value, 'template'), fsBackupByDefault, entry.keySpan.line);
  }
}

/**
 * CloudNativePG created through its `cnpg/cluster` Helm chart: the values say `type: postgresql`, the `cluster`
 * (instances, storage) and `backups` (off unless `enabled`, then to `destinationPath` at `endpointURL`).
 */
export function scanCnpgChartValues(inventory: Inventory): void {
  for (const root of inventory.file.data()?.roots ?? []) {
    const map = mapOf(root);
    const cluster = get(map, 'cluster');
    const backups = get(map, 'backups');
    if (!map || literalOf(get(map, 'type')) !== 'postgresql' || !get(cluster, 'instances')) continue;
    const line = keyLine(map, 'type') ?? map.span.line;
    const identity = `k8s:cnpg-chart:${inventory.path}`.toLowerCase();
    inventory.store({
      platform: 'kubernetes',
      provider: 'kubernetes',
      engine: 'postgres',
      name: `CloudNativePG cluster (${inventory.path})`,
      environment: environmentOf(inventory.path, []),
      location: inventory.line(line),
      identities: [identity],
      declaredBy: 'manifest',
      storageClass: literalOf(path(cluster, 'storage', 'storageClass')),
      builtInBackup: { protection: 'none', description: 'the cnpg/cluster chart backs up only when backups.enabled is set' },
    });
    if (isTruthy(get(backups, 'enabled')) !== true) continue;
    const destinationPath = literalOf(get(backups, 'destinationPath')) ?? (literalOf(path(backups, 's3', 'bucket')) ? `s3://${literalOf(path(backups, 's3', 'bucket'))}` : undefined);
    const destination = destinationPath ? classifyDestination(destinationPath, literalOf(get(backups, 'endpointURL'))) : { display: 'the chart backup provider', unresolved: true };
    inventory.evidence({ covers: [identity], protection: protectionOf(destination), mechanism: 'cnpg barman-cloud (chart)', destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: ['postgres'], location: inventory.line(keyLine(map, 'backups') ?? line), environment: environmentOf(inventory.path, []) });
  }
}

function cnpgCluster(inventory: Inventory, map: MapNode, name: string, ns: string, environment: string | undefined, clusterIdentity: string): void {
  const spec = get(map, 'spec');
  const line = keyLine(map, 'kind') ?? map.span.line;
  const objectStores = itemsOf(get(spec, 'plugins')).map((plugin) => literalOf(path(plugin, 'parameters', 'barmanObjectName'))).filter((store): store is string => !!store);
  const recovery = path(spec, 'bootstrap', 'recovery');
  const drillName = /restore|recovery|verify|drill|check|test|dr-/i.test(`${name} ${ns}`);
  if (recovery && (drillName || (environment && environment !== 'production'))) {
    // A throwaway cluster bootstrapped from the backups: a restore drill.
    const source = literalOf(get(recovery, 'source'));
    const external = itemsOf(get(spec, 'externalClusters')).find((cluster) => literalOf(get(cluster, 'name')) === source);
    const destination = barmanDestination(get(external, 'barmanObjectStore') ?? get(external, 'plugin'));
    inventory.evidence({ covers: [], protection: protectionOf(destination), mechanism: 'cnpg recovery drill', destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: ['postgres'], location: inventory.line(line), restoreTested: true });
    return;
  }
  const backup = get(spec, 'backup');
  const barman = get(backup, 'barmanObjectStore');
  const cloud = cnpgCloud(spec, barman);
  inventory.store({
    platform: 'kubernetes',
    provider: 'kubernetes',
    engine: 'postgres',
    name: ns !== 'default' ? `${ns}/${name}` : name,
    environment,
    location: inventory.line(line),
    identities: [clusterIdentity, ...objectStores.map((store) => `k8s:${ns}:objectstore/${store}`.toLowerCase())],
    declaredBy: 'manifest',
    storageClass: literalOf(path(spec, 'storage', 'storageClass')),
    ...(cloud ? { cloud: cloud.cloud, ...(cloud.account ? { account: cloud.account } : {}) } : {}),
    builtInBackup: { protection: 'none', description: 'CloudNativePG backs up only where spec.backup or a backup plugin points' },
  });
  if (barman) {
    const destination = barmanDestination(barman);
    // Credentials the pod takes from the cluster's own cloud identity write to that cloud's account, the cluster's.
    const ownAccount = cloud?.inherited && !destination.unresolved && destination.provider === cloud.cloud && !textOf(get(barman, 'endpointURL'));
    inventory.evidence({ covers: [clusterIdentity], protection: protectionOf(destination), mechanism: 'cnpg barmanObjectStore', destination: destination.display, destinationProvider: destination.unresolved ? undefined : ownAccount ? 'same-cloud' : destination.provider, engines: ['postgres'], location: inventory.line(keyLine(backup, 'barmanObjectStore') ?? line), environment });
  }
  if (get(backup, 'volumeSnapshot')) {
    inventory.evidence({ covers: [clusterIdentity], protection: 'provider-managed', mechanism: 'cnpg volume snapshots', destination: 'volume snapshots in the same cloud account', destinationProvider: 'same-cloud', location: inventory.line(keyLine(backup, 'volumeSnapshot') ?? line), environment });
  }
}

/** Workload identities of the clouds' managed clusters, by the service-account annotation each reads. */
const WORKLOAD_IDENTITIES: ReadonlyArray<{ annotation: string; cloud: string; account: (value: string) => string | undefined }> = [
  { annotation: 'eks.amazonaws.com/role-arn', cloud: 'aws', account: (value) => /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(value)?.[1] },
  { annotation: 'iam.gke.io/gcp-service-account', cloud: 'gcp', account: (value) => /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(value)?.[1] },
  { annotation: 'azure.workload.identity/client-id', cloud: 'azure', account: () => undefined },
];

/**
 * The cloud a CloudNativePG cluster runs on, from what it says itself: barman credentials inherited from the node's
 * cloud identity (`s3Credentials.inheritFromIAMRole`, `googleCredentials.gkeEnvironment`,
 * `azureCredentials.inheritFromAzureAD`), or the workload identity its pods' service account is annotated with.
 */
function cnpgCloud(spec: DataNode | undefined, barman: DataNode | undefined): { cloud: string; account?: string; inherited: boolean } | undefined {
  const inherited =
    isTruthy(path(barman, 's3Credentials', 'inheritFromIAMRole')) === true
      ? 'aws'
      : isTruthy(path(barman, 'googleCredentials', 'gkeEnvironment')) === true
        ? 'gcp'
        : isTruthy(path(barman, 'azureCredentials', 'inheritFromAzureAD')) === true
          ? 'azure'
          : undefined;
  const annotations = mapOf(path(spec, 'serviceAccountTemplate', 'metadata', 'annotations'));
  for (const identity of WORKLOAD_IDENTITIES) {
    const value = literalOf(get(annotations, identity.annotation));
    if (!value || (inherited && inherited !== identity.cloud)) continue;
    return { cloud: identity.cloud, account: identity.account(value), inherited: inherited !== undefined };
  }
  return inherited ? { cloud: inherited, inherited: true } : undefined;
}

function barmanDestination(node: DataNode | undefined): Destination {
  const destinationPath = textOf(get(node, 'destinationPath'));
  if (!destinationPath) return { display: 'an object store', unresolved: true };
  const endpoint = textOf(get(node, 'endpointURL'));
  return classifyDestination(destinationPath, destinationPath.startsWith('s3://') ? endpoint : undefined);
}

function zalandoConfig(inventory: Inventory, configuration: DataNode | undefined, environment: string | undefined): void {
  const flat = new Map<string, { value: string; line: number }>();
  const walk = (node: DataNode | undefined) => {
    for (const entry of mapOf(node)?.entries ?? []) {
      const value = textOf(entry.value);
      if (value !== undefined) flat.set(entry.key, { value, line: entry.keySpan.line });
      else walk(entry.value);
    }
  };
  walk(configuration);
  const endpoint = flat.get('aws_endpoint')?.value ?? flat.get('logical_backup_s3_endpoint')?.value;
  const targets: Array<[string, string]> = [
    ['wal_s3_bucket', 's3://'],
    ['wal_gs_bucket', 'gs://'],
    ['wal_az_storage_account', 'azure://'],
    ['logical_backup_s3_bucket', 's3://'],
  ];
  for (const [key, scheme] of targets) {
    const found = flat.get(key);
    if (!found || !found.value) continue;
    const destination = classifyDestination(`${scheme}${found.value}`, scheme === 's3://' ? endpoint : undefined);
    inventory.evidence({ covers: ['operator:zalando'], protection: protectionOf(destination), mechanism: key.startsWith('wal') ? 'zalando wal-g' : 'zalando logical backup', destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: ['postgres'], location: inventory.line(found.line), environment });
  }
}


export function isHelmChart(path: string): boolean {
  return /(^|\/)Chart\.ya?ml$/.test(path);
}

/** Values files of a chart or of a release (`values.yaml`, `values-production.yaml`, `helm/production.values.yaml`). */
/**
 * A chart's database subcharts (`dependencies: [{ name: postgresql, repository: …bitnamicharts }]`): a database the
 * release runs in its namespace, on a claim nothing copies. Whether the release turns it on is for the values files.
 */
export function scanHelmChart(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const chart = literalOf(get(root, 'name'));
  if (!chart || literalOf(get(root, 'type')) === 'library') return;
  for (const dependency of itemsOf(get(root, 'dependencies'))) {
    const name = literalOf(get(dependency, 'name'));
    const engine = name ? HELM_DATABASES[name] : undefined;
    if (!name || !engine) continue;
    const key = literalOf(get(dependency, 'alias')) ?? name;
    inventory.store({
      platform: 'kubernetes',
      provider: 'kubernetes',
      engine,
      name: `${chart}/${key}`,
      location: inventory.at(dependency.span),
      identities: [`helm:${directoryOf(inventory.path)}:${key}`],
      declaredBy: 'manifest',
      builtInBackup: { protection: 'none', description: `the ${name} subchart keeps its data on a PersistentVolume, which has no backup unless something snapshots or copies it` },
    });
  }
}

/**
 * An Argo CD Application of a database chart (`source: { chart: postgresql, repoURL: …bitnamicharts }`), installed
 * into `destination.namespace`; its inline values' `backup` section is the chart's own backup.
 */
function argoDatabaseChart(inventory: Inventory, source: DataNode | undefined, spec: DataNode | undefined, name: string, environment: string | undefined, line: number): void {
  const chart = literalOf(get(source, 'chart'));
  if (!chart || !helmDatabaseOf(chart)) return;
  const helm = get(source, 'helm');
  const release = literalOf(get(helm, 'releaseName')) ?? name;
  const namespace = literalOf(path(spec, 'destination', 'namespace'));
  helmDatabaseRelease(inventory, { chart, name: release, namespace, values: [], environment, location: inventory.line(line) });
  chartValuesBackup(inventory, get(helm, 'valuesObject') ?? parsedValues(get(helm, 'values')), `helm-release:${namespace ?? '*'}/${release}`);
}

/** A Flux HelmRelease of a database chart (`spec.chart.spec.chart: postgresql`), in `targetNamespace` or its own. */
function fluxDatabaseChart(inventory: Inventory, spec: DataNode | undefined, name: string, namespace: string | undefined, environment: string | undefined, line: number): void {
  const chart = literalOf(path(spec, 'chart', 'spec', 'chart')) ?? literalOf(path(spec, 'chartRef', 'name'));
  if (!chart || !helmDatabaseOf(chart)) return;
  const release = literalOf(get(spec, 'releaseName')) ?? name;
  const target = literalOf(get(spec, 'targetNamespace')) ?? namespace;
  helmDatabaseRelease(inventory, { chart, name: release, namespace: target, values: [], environment, location: inventory.line(line) });
  chartValuesBackup(inventory, get(spec, 'values'), `helm-release:${target ?? '*'}/${release}`);
}

/** Argo CD's `helm.values`: the values as a YAML string. */
function parsedValues(node: DataNode | undefined): DataNode | undefined {
  const text = textOf(node);
  if (!text || !/^backup:/m.test(text)) return undefined;
  const parsed = parseYaml(text, () => node!.span);
  return parsed.ok ? parsed.value.roots[0] : undefined;
}

/** The `backup` section of a database chart's values, covering the release they are given to. */
function chartValuesBackup(inventory: Inventory, values: DataNode | undefined, release: string): void {
  const backup = mapOf(values)?.entries.find((entry) => entry.key === 'backup');
  if (backup) scanChartBackup(inventory, 'postgresql', undefined, mapOf(backup.value), backup.keySpan.line, [release.toLowerCase()]);
}

/** A values file's `<subchart>.enabled` for database subcharts. */
export function scanHelmValues(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  for (const entry of root?.entries ?? []) {
    if (!HELM_DATABASES[entry.key] && !/^(postgres|mysql|mariadb|mongo|db|database)/i.test(entry.key)) continue;
    const enabled = isTruthy(get(entry.value, 'enabled'));
    if (enabled === undefined) continue;
    inventory.context({ kind: 'helm-values', directory: directoryOf(inventory.path), name: entry.key, value: String(enabled), location: inventory.line(entry.keySpan.line) });
    const engine = HELM_DATABASES[entry.key];
    const backup = mapOf(entry.value)?.entries.find((inner) => inner.key === 'backup');
    if (enabled && engine && backup) scanChartBackup(inventory, entry.key, engine, mapOf(backup.value), backup.keySpan.line);
  }
  // The values of a database chart installed on its own (`helm install db bitnami/postgresql -f this.yaml`): its
  // `backup` section is top-level, and covers the release that names this file.
  const backup = root?.entries.find((entry) => entry.key === 'backup' && get(entry.value, 'cronjob') !== undefined);
  if (backup) scanChartBackup(inventory, 'postgresql', undefined, mapOf(backup.value), backup.keySpan.line, [`helm-values:${inventory.path}`.toLowerCase()]);
}

/**
 * A Bitnami database chart's own backup (`postgresql.backup.enabled: true`): a CronJob that dumps into a claim of the
 * same cluster (`backup.cronjob.storage`), unless its `command` is rewritten to upload the dump somewhere.
 */
function scanChartBackup(inventory: Inventory, key: string, engine: Engine | undefined, backup: MapNode | undefined, line: number, covers = [`helm:${directoryOf(inventory.path)}:${key}`]): void {
  if (isTruthy(get(backup, 'enabled')) !== true) return;
  const command = get(mapOf(get(backup, 'cronjob')), 'command');
  const script = command?.kind === 'seq' ? command.items.map((item) => textOf(item) ?? '').filter((word) => !/^(\/bin\/)?(ba)?sh$|^-c$/.test(word)).join(' ') : textOf(command);
  if (command && script && readScript(script).uploads.length > 0) {
    readJob(inventory, script, { name: `${key}-backup`, scheduled: true, env: new Map(), ephemeral: false, lineOf: () => command.span.line, covers });
    return;
  }
  inventory.evidence({
    covers,
    protection: 'same-volume',
    mechanism: `the ${key} chart's backup CronJob`,
    destination: 'a PersistentVolumeClaim of the same cluster',
    destinationProvider: 'local',
    engines: engine ? [engine] : undefined,
    location: inventory.line(line),
  });
}

/** Image names that say the copy goes to object storage (`eeshugerman/postgres-backup-s3`, `…-gcs`, `…-azure`). */
const REMOTE_BACKUP_IMAGE = /(^|[-_/.])(s3|gcs|azure|b2|r2|minio)([-_:.@]|$)/;

/**
 * Images built to back up databases or volumes, run as sidecars or CronJobs, with their destination settings.
 * `hidden` names where the container takes settings the file does not show (`env_file`, a Secret in `envFrom`): when
 * no destination is written, it is there, not on the host.
 */
export function backupImage(inventory: Inventory, image: string | undefined, env: ReadonlyMap<string, string>, line: number, environment: string | undefined, hidden?: string): boolean {
  if (!image) return false;
  const name = image.toLowerCase();
  const engines = /mysql|mariadb/.test(name) ? ['mysql'] : /mongo/.test(name) ? ['mongo'] : /postgres|pg[-_]?backup|pgbackup|pg_dump|pgdump/.test(name) ? ['postgres'] : /volume-backup|restic|borg|duplicati|kopia|rclone/.test(name) ? ['volume'] : /db-backup|dbbackup|database-backup|backup/.test(name) ? ['postgres', 'mysql', 'mongo'] : undefined;
  if (!engines || !/backup|bkup|dump|restic|borg|kopia|rclone|duplicati/.test(name)) return false;
  const local = /backup-local|local-backup/.test(name);
  const value = (...keys: string[]) => keys.map((key) => env.get(key)).find((found) => found !== undefined && found !== '');
  const bucket = value('S3_BUCKET', 'AWS_S3_BUCKET_NAME', 'AWS_S3_BUCKET', 'BACKUP_S3_BUCKET', 'S3_BUCKET_NAME', 'BUCKET', 'BUCKET_NAME', 'DEFAULT_S3_BUCKET', 'DB01_S3_BUCKET');
  const endpoint = value('S3_ENDPOINT', 'AWS_ENDPOINT', 'AWS_S3_ENDPOINT', 'S3_ENDPOINT_URL', 'AWS_ENDPOINT_URL', 'ENDPOINT', 'S3_HOST', 'DB01_S3_HOST');
  const repository = value('RESTIC_REPOSITORY', 'BORG_REPO', 'KOPIA_REPOSITORY');
  const ssh = value('SSH_HOST_NAME', 'SSH_HOST', 'REMOTE_HOST');
  const webdav = value('WEBDAV_URL');
  const azure = value('AZURE_STORAGE_ACCOUNT_NAME');
  const gcs = value('GCS_BUCKET', 'GS_BUCKET');
  let destination: Destination;
  if (local) destination = { display: 'a local directory on the same host', provider: 'local', unresolved: false };
  else if (bucket) {
    destination = classifyDestination(bucket.includes('://') ? bucket : `s3://${bucket}`, endpoint ? (endpoint.includes('://') || endpoint.includes('.') || isUnresolved(endpoint) ? endpoint : undefined) : undefined);
    // A bucket at an endpoint set from a secret: any provider's.
    if (endpoint && isUnresolved(endpoint) && destination.unresolved) destination = { ...destination, display: `${destination.display} at the endpoint ${endpoint}` };
  }
  else if (repository) destination = classifyDestination(repository);
  else if (ssh) destination = classifyDestination(`ssh://${ssh}`);
  else if (webdav) destination = classifyDestination(webdav);
  else if (azure) destination = { display: `azure storage ${azure}`, provider: 'azure', unresolved: false };
  else if (gcs) destination = classifyDestination(`gs://${gcs}`);
  else if (hidden) destination = { display: `settings from ${hidden}`, unresolved: true };
  else if (REMOTE_BACKUP_IMAGE.test(name)) destination = { display: 'a bucket the repo does not name', unresolved: true };
  else destination = { display: 'the backup volume of the same host', provider: 'local', unresolved: false };
  inventory.evidence({
    covers: [],
    protection: protectionOf(destination),
    mechanism: image.split(':')[0]!,
    destination: destination.display,
    destinationProvider: destination.unresolved ? undefined : destination.provider,
    engines,
    location: inventory.line(line),
    environment,
  });
  return true;
}

function protectionOf(destination: Destination): 'destination-unknown' | 'same-volume' | 'off-provider' {
  if (destination.unresolved) return 'destination-unknown';
  return destination.provider === 'local' ? 'same-volume' : 'off-provider';
}

/**
 * Percona's operators: XtraDB Cluster (`pxc.percona.com`), Server for MySQL (`ps.percona.com`) and for MongoDB
 * (`psmdb.percona.com`) name their backup storages under `spec.backup.storages.<name>` (`type: s3|gcs|azure|filesystem`);
 * the Postgres operator (`pgv2.percona.com`) takes PGO's pgBackRest `spec.backups.pgbackrest.repos[]`.
 */
const PERCONA_CLUSTERS: ReadonlyArray<{ apiVersion: RegExp; kind: string; engine: string }> = [
  { apiVersion: /^pxc\.percona\.com\//, kind: 'PerconaXtraDBCluster', engine: 'mysql' },
  { apiVersion: /^ps\.percona\.com\//, kind: 'PerconaServerMySQL', engine: 'mysql' },
  { apiVersion: /^psmdb\.percona\.com\//, kind: 'PerconaServerMongoDB', engine: 'mongo' },
  { apiVersion: /^pgv2\.percona\.com\//, kind: 'PerconaPGCluster', engine: 'postgres' },
];

function perconaCluster(inventory: Inventory, operator: (typeof PERCONA_CLUSTERS)[number], spec: DataNode | undefined, cluster: { name: string; identity: string; environment: string | undefined; line: number }): void {
  inventory.store({
    platform: 'kubernetes',
    provider: 'kubernetes',
    engine: operator.engine,
    name: cluster.name,
    environment: cluster.environment,
    location: inventory.line(cluster.line),
    identities: [cluster.identity],
    declaredBy: 'manifest',
    storageClass: perconaStorageClass(operator.kind, spec),
    builtInBackup: { protection: 'none', description: `the Percona operator backs up only to the storages configured on the ${operator.kind}` },
  });
  const mechanism = `percona ${operator.kind}`;
  const record = (destination: Destination, line: number) =>
    inventory.evidence({ covers: [cluster.identity], protection: protectionOf(destination), mechanism, destination: destination.display, destinationProvider: destination.unresolved ? undefined : destination.provider, engines: [operator.engine], location: inventory.line(line), environment: cluster.environment });
  if (operator.kind === 'PerconaPGCluster') {
    for (const repo of itemsOf(path(spec, 'backups', 'pgbackrest', 'repos'))) record(pgbackrestRepoDestination(repo), mapOf(repo)?.span.line ?? cluster.line);
    return;
  }
  const backup = get(spec, 'backup');
  // `backup.enabled: false` (MongoDB) turns every storage off.
  if (isTruthy(get(backup, 'enabled')) === false) return;
  for (const entry of mapOf(get(backup, 'storages'))?.entries ?? []) {
    const storage = entry.value;
    const type = (literalOf(get(storage, 'type')) ?? '').toLowerCase();
    const s3 = get(storage, 's3');
    const gcs = get(storage, 'gcs');
    const azure = get(storage, 'azure');
    let destination: Destination;
    if (type === 's3' || (!type && s3)) {
      const endpoint = textOf(get(s3, 'endpointUrl')) ?? textOf(get(s3, 'endpointURL'));
      destination = classifyDestination(`s3://${textOf(get(s3, 'bucket')) ?? ''}`, endpoint);
    } else if (type === 'gcs' || (!type && gcs)) destination = classifyDestination(`gs://${textOf(get(gcs, 'bucket')) ?? ''}`);
    else if (type === 'azure' || (!type && azure)) destination = { display: `azure container ${textOf(get(azure, 'container')) ?? ''}`, provider: 'azure', unresolved: false };
    else if (type === 'filesystem' || type === 'volume' || get(storage, 'volume')) destination = { display: `a volume in the same cluster (${entry.key})`, provider: 'local', unresolved: false };
    else continue;
    record(destination, entry.keySpan.line);
  }
}

/** A pgBackRest repository of PGO or Percona's Postgres operator: S3, GCS, Azure, or a volume in the cluster. */
function pgbackrestRepoDestination(repo: DataNode): Destination {
  const s3 = get(repo, 's3');
  const gcs = get(repo, 'gcs');
  const azure = get(repo, 'azure');
  if (s3) return classifyDestination(`s3://${literalOf(get(s3, 'bucket')) ?? ''}`, literalOf(get(s3, 'endpoint')) ?? 's3.amazonaws.com');
  if (gcs) return classifyDestination(`gs://${literalOf(get(gcs, 'bucket')) ?? ''}`);
  if (azure) return { display: `azure container ${literalOf(get(azure, 'container')) ?? ''}`, provider: 'azure', unresolved: false };
  return { display: 'a volume in the same cluster', provider: 'local', unresolved: false };
}

/** The storage class of a Percona cluster's data volumes, where its spec writes one. */
function perconaStorageClass(kind: string, spec: DataNode | undefined): string | undefined {
  const members = kind === 'PerconaXtraDBCluster' ? get(spec, 'pxc') : kind === 'PerconaServerMySQL' ? get(spec, 'mysql') : kind === 'PerconaServerMongoDB' ? itemsOf(get(spec, 'replsets'))[0] : undefined;
  if (members) return literalOf(path(members, 'volumeSpec', 'persistentVolumeClaim', 'storageClassName'));
  return literalOf(path(itemsOf(get(spec, 'instances'))[0], 'dataVolumeClaimSpec', 'storageClassName'));
}
