// Kubernetes manifests, Kustomize overlays and Helm values: the environment is the overlay or values file, else the
// namespace; resources are container env values, config maps, PersistentVolumes (the cloud disk behind them),
// claims bound to a named volume, ExternalName services and the secrets a workload mounts by name.
import type { DataNode, MapNode } from '../../../../src/parse/data-tree.js';
import { get, getPath, literalString } from '../../../../src/parse/data-tree.js';
import { databaseHostIdentity, secretIdentity, volumeIdentity } from '../../../../knowledge/environments/identities.js';
import { withDecodedSecretData } from '../../../../knowledge/credentials/kubernetes-secret-data.js';
import { canonicalEnvironment, tokensOf } from '../../../../knowledge/environments/names.js';
import type { FileClass } from '../files.js';
import { namedTag, type EnvTag, type Recorder } from '../recorder.js';
import { walkSection, type Section } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';

/** Namespace (or a Helm `environment:` value) as the environment of a file whose path names none. */
function namespaceTag(cls: FileClass, root: DataNode): EnvTag | undefined {
  if (cls.tag.environment !== 'base' || cls.role === 'base') return undefined;
  const candidates = [getPath(root, ['metadata', 'namespace']), get(root, 'namespace'), get(root, 'environment'), getPath(root, ['global', 'environment'])];
  for (const candidate of candidates) {
    const name = literalString(candidate);
    if (!name || !canonicalEnvironment(name)) continue;
    // Only a namespace that is an environment word (`staging`, `acme-prod`), never `default` or `kube-system`.
    return namedTag(name, 'value');
  }
  return undefined;
}

/** The section for a non-Kubernetes YAML document, tagged by a top-level `namespace:`/`environment:` when it has one. */
export function valueTaggedSection(_rec: Recorder, cls: FileClass, root: DataNode): Section | undefined {
  const tag = namespaceTag(cls, root);
  return tag ? { ...topSection(cls, root), tag, family: undefined, role: 'plain' } : undefined;
}

export function scanKubernetesDocument(rec: Recorder, cls: FileClass, document: DataNode): void {
  if (document.kind !== 'map') return;
  // A Secret's data is read as what it decodes to (`DATABASE_URL` base64-encoded still names the database).
  const root = withDecodedSecretData(document);
  const tag = namespaceTag(cls, root) ?? cls.tag;
  const section: Section = { ...topSection(cls, root), tag, family: tag === cls.tag ? cls.family : undefined, role: tag === cls.tag ? cls.role : 'plain' };
  walkSection(rec, section, { ...walkOptions(cls), envMaps: false });
  const kind = literalString(get(root, 'kind'));
  const name = literalString(getPath(root, ['metadata', 'name']));
  const spec = get(root, 'spec');
  const record = (identity: ReturnType<typeof volumeIdentity>, node: DataNode | undefined, variable: string, declared = false) => {
    if (identity && node) rec.resource(tag, identity, node.span, { variable, declared });
  };
  if (kind === 'Application' && literalString(get(root, 'apiVersion'))?.startsWith('argoproj.io/')) argoApplication(rec, cls, root);
  if (kind === 'PersistentVolume') {
    const handle = getPath(spec, ['csi', 'volumeHandle']);
    const ebs = getPath(spec, ['awsElasticBlockStore', 'volumeID']);
    const pd = getPath(spec, ['gcePersistentDisk', 'pdName']);
    const azure = getPath(spec, ['azureDisk', 'diskURI']);
    const nfsServer = literalString(getPath(spec, ['nfs', 'server']));
    const nfsPath = literalString(getPath(spec, ['nfs', 'path']));
    for (const [node, variable] of [[handle, 'spec.csi.volumeHandle'], [ebs, 'spec.awsElasticBlockStore.volumeID'], [pd, 'spec.gcePersistentDisk.pdName'], [azure, 'spec.azureDisk.diskURI']] as const) {
      const value = literalString(node);
      if (value) record(volumeIdentity(value), node, variable, true);
    }
    if (nfsServer && nfsPath && !/^(localhost|127\.)/.test(nfsServer)) {
      const node = getPath(spec, ['nfs', 'server']);
      const id = `${nfsServer.toLowerCase()}:${nfsPath}`;
      record({ kind: 'volume', identity: `volume:nfs:${id}`, otherIdentities: [], display: `NFS share ${id}`, name: id, secrets: [] }, node, 'spec.nfs', true);
    }
    const metadataName = getPath(root, ['metadata', 'name']);
    if (name) record(volumeIdentity(name, 'pv'), metadataName, 'metadata.name', true);
  }
  if (kind === 'PersistentVolumeClaim') {
    const volumeName = getPath(spec, ['volumeName']);
    const value = literalString(volumeName);
    if (value) record(volumeIdentity(value, 'pv'), volumeName, 'spec.volumeName');
  }
  if (kind === 'Service' && literalString(get(spec, 'type')) === 'ExternalName') {
    const external = get(spec, 'externalName');
    const host = literalString(external);
    const dataName = name ? tokensOf(name).some((token) => /^(db|database|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|cache)$/.test(token)) : false;
    if (host && (dataName || /\.(rds\.amazonaws\.com|database\.azure\.com|database\.windows\.net|mongodb\.net|cache\.amazonaws\.com)$/.test(host))) {
      const identity = databaseHostIdentity(host);
      if (identity && external) rec.resource(tag, identity, external.span, { variable: 'spec.externalName' });
    }
  }
  recordSecretReferences(rec, tag, root, []);
}

const SECRET_REFERENCE_PARENTS = new Set(['secretKeyRef', 'secretRef']);

/** `secretKeyRef.name`, `envFrom[].secretRef.name` and `volumes[].secret.secretName`: secrets read by name. */
function recordSecretReferences(rec: Recorder, tag: EnvTag, node: DataNode, path: string[]): void {
  if (node.kind === 'seq') {
    for (const item of node.items) recordSecretReferences(rec, tag, item, path);
    return;
  }
  if (node.kind !== 'map') return;
  const parent = path[path.length - 1];
  for (const entry of (node as MapNode).entries) {
    const isName = (entry.key === 'name' && parent !== undefined && SECRET_REFERENCE_PARENTS.has(parent)) || (entry.key === 'secretName' && parent === 'secret');
    const value = isName ? literalString(entry.value) : undefined;
    if (value && /^[a-z0-9][a-z0-9.-]*$/.test(value)) rec.resource(tag, secretIdentity(value, 'k8s'), entry.value.span, { variable: [...path, entry.key].join('.') });
    else recordSecretReferences(rec, tag, entry.value, [...path, entry.key]);
  }
}

/**
 * An Argo CD Application deploys one environment (its name or destination namespace says which) with the Helm values
 * files it lists: a staging app listing `values-production.yaml` runs with production's hosts, buckets and secrets.
 */
function argoApplication(rec: Recorder, cls: FileClass, root: DataNode): void {
  const spec = get(root, 'spec');
  const named = [literalString(getPath(spec, ['destination', 'namespace'])), literalString(getPath(root, ['metadata', 'name']))].find((name) => name && canonicalEnvironment(name));
  const tag = named ? namedTag(named, 'value') : cls.tag;
  if (!tag.environment || tag.environment === 'base') return;
  const sources = get(spec, 'sources');
  for (const source of sources?.kind === 'seq' ? sources.items : [get(spec, 'source')]) {
    const chart = literalString(get(source, 'path')) ?? '';
    const files = getPath(source, ['helm', 'valueFiles']);
    for (const item of files?.kind === 'seq' ? files.items : []) {
      const file = literalString(item);
      if (!file || /[$%{}]/.test(file)) continue;
      const path = file.startsWith('/') || !chart ? file.replace(/^\/+/, '') : `${chart.replace(/\/+$/, '')}/${file}`;
      rec.resource(tag, secretIdentity(path, 'values-file'), item.span, { variable: 'spec.source.helm.valueFiles' });
    }
  }
}
