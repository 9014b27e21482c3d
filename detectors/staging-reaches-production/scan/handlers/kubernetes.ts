// Kubernetes manifests, Kustomize overlays, Helm values and the values files Argo CD apps and helmfile environments
// load: the environment is the overlay or values file, else the namespace; resources are container env values,
// config maps, PersistentVolumes (the cloud disk behind them), claims bound to a named volume, ExternalName services
// and the secrets a workload mounts by name.
import type { DataDocument, DataNode, MapNode } from '../../../../src/parse/data-tree.js';
import { get, getPath, literalString } from '../../../../src/parse/data-tree.js';
import { UNPINNED_NODE_SCOPE, databaseHostIdentity, kubernetesNamespaceIdentity, secretIdentity, volumeIdentity } from '../../../../knowledge/environments/identities.js';
import { withDecodedSecretData } from '../../../../knowledge/credentials/kubernetes-secret-data.js';
import { canonicalEnvironment, tokensOf } from '../../../../knowledge/environments/names.js';
import type { FileClass } from '../files.js';
import { namedTag, type EnvTag, type Recorder } from '../recorder.js';
import { walkSection, type Section } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';
import { parseYaml } from '../../../../src/parse/yaml.js';
import { identifyValue } from '../values.js';
import type { Span } from '../../../../src/model.js';

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
  // A claim is one volume only inside its namespace: a manifest that names its namespace says which one.
  // Another environment's object shares production's namespace where its own name says its environment
  // (`media-worker-staging`): in a cluster of its own it would not need to.
  const ownNamespace = literalString(getPath(root, ['metadata', 'namespace']));
  const objectName = literalString(getPath(root, ['metadata', 'name']));
  const colocated = tag.environment === 'production' || (objectName !== undefined && tag.environment !== undefined && canonicalEnvironment(tokensOf(objectName).find((token) => canonicalEnvironment(token) !== undefined) ?? '') === tag.environment);
  const outerScope = rec.scopeOf;
  if (ownNamespace && colocated && kubernetesNamespaceIdentity(ownNamespace)) rec.scopeOf = (identity) => (identity.startsWith('volume:pvc:') ? `k8s-namespace:${ownNamespace}` : outerScope?.(identity, undefined));
  try {
    scanKubernetesObject(rec, cls, root, tag, section);
  } finally {
    rec.scopeOf = outerScope;
  }
}

function scanKubernetesObject(rec: Recorder, cls: FileClass, root: DataNode, tag: EnvTag, section: Section): void {
  walkSection(rec, section, { ...walkOptions(cls), envMaps: false });
  const kind = literalString(get(root, 'kind'));
  const name = literalString(getPath(root, ['metadata', 'name']));
  const spec = get(root, 'spec');
  const record = (identity: ReturnType<typeof volumeIdentity>, node: DataNode | undefined, variable: string, declared = false) => {
    if (identity && node) rec.resource(tag, identity, node.span, { variable, declared });
  };
  if (kind === 'Application' && literalString(get(root, 'apiVersion'))?.startsWith('argoproj.io/')) argoApplication(rec, cls, root);
  // kustomize reads a kustomization.yaml without `apiVersion`/`kind` as a Kustomization too.
  if (kind === 'Kustomization' || (cls.kind === 'kustomization' && kind === undefined)) {
    inlinePatches(rec, cls, tag, root);
    // Kustomize sets its `namespace:` on every object it builds from the directory's files. Production's claims are
    // in production's namespace; another environment's overlay shares that namespace with it only where it renames
    // its objects (`nameSuffix: -staging`): without that it would replace production's own objects, so its namespace
    // of the same name is another cluster's.
    const namespaceNode = get(root, 'namespace');
    const namespace = literalString(namespaceNode);
    const renamed = get(root, 'nameSuffix') !== undefined || get(root, 'namePrefix') !== undefined;
    if (namespaceNode && namespace && kubernetesNamespaceIdentity(namespace) && (tag.environment === 'production' || renamed)) rec.scope(directoryOf(rec.file.path), `k8s-namespace:${namespace}`, namespaceNode.span);
  }
  // The namespace a file placed in an environment by its path deploys into: a staging overlay that says
  // `namespace: api-production` replaces production's objects of the same names and reads production's Secrets.
  if (cls.tag.environment !== 'base') {
    const kustomization = kind === undefined || kind === 'Kustomization';
    for (const [node, variable] of [[getPath(root, ['metadata', 'namespace']), 'metadata.namespace'], [kustomization ? get(root, 'namespace') : undefined, 'namespace']] as const) {
      const namespace = kubernetesNamespaceIdentity(literalString(node) ?? '');
      if (namespace && node) rec.resource(tag, namespace, node.span, { variable });
    }
  }
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
    const directory = nodeDirectory(spec);
    if (directory) record(volumeIdentity(directory.path, 'hostpath', directory.node === ANY_NODE ? UNPINNED_NODE_SCOPE : `node:${directory.node}`), directory.at, directory.variable, true);
    const metadataName = getPath(root, ['metadata', 'name']);
    if (name) record(volumeIdentity(name, 'pv'), metadataName, 'metadata.name', true);
  }
  if (kind === 'PersistentVolumeClaim') {
    // The claim itself: a workload of another environment mounting it by name in its namespace mounts this volume.
    const metadataName = getPath(root, ['metadata', 'name']);
    if (name && /^[a-z0-9][a-z0-9.-]*$/.test(name)) record(volumeIdentity(name, 'pvc'), metadataName, 'metadata.name', true);
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

/**
 * A PersistentVolume that is a directory of one node (`local.path` or `hostPath.path`, pinned by a required node
 * affinity on `kubernetes.io/hostname`): two volumes with the same path on the same node are the same files, whatever
 * namespaces claim them. A hostPath volume with no node affinity is compared only with others pinned to no node.
 */
const ANY_NODE = '*';

function nodeDirectory(spec: DataNode | undefined): { path: string; node: string; at: DataNode; variable: string } | undefined {
  const local = getPath(spec, ['local', 'path']);
  const host = getPath(spec, ['hostPath', 'path']);
  const at = local ?? host;
  const path = literalString(at)?.replace(/\/+$/, '');
  if (!at || !path || !path.startsWith('/') || /^\/(?:var\/run|run|proc|sys|dev|etc)(?:\/|$)/.test(path)) return undefined;
  const terms = getPath(spec, ['nodeAffinity', 'required', 'nodeSelectorTerms']);
  const nodes = new Set<string>();
  for (const term of terms?.kind === 'seq' ? terms.items : []) {
    const expressions = get(term, 'matchExpressions');
    for (const expression of expressions?.kind === 'seq' ? expressions.items : []) {
      if (literalString(get(expression, 'key')) !== 'kubernetes.io/hostname' || literalString(get(expression, 'operator')) !== 'In') continue;
      const values = get(expression, 'values');
      for (const value of values?.kind === 'seq' ? values.items : []) {
        const node = literalString(value);
        if (node) nodes.add(node.toLowerCase());
      }
    }
  }
  // A hostPath volume pinned to no node is the directory of whichever node the pod lands on: on the single-node
  // clusters hostPath volumes are made for (k3s, minikube, kind), the one node's. Kept apart from pinned ones.
  if (host && !local && terms === undefined) return { path, node: ANY_NODE, at, variable: 'spec.hostPath.path' };
  // One node only: a volume any of several nodes may hold is not one directory.
  if (nodes.size !== 1) return undefined;
  return { path, node: [...nodes][0]!, at, variable: local ? 'spec.local.path' : 'spec.hostPath.path' };
}

/**
 * Patches written inside a kustomization (`patches: - patch: |-`, the form that replaced patchesStrategicMerge
 * files): a strategic-merge patch is read as the manifest it merges in, a JSON 6902 patch by the values its `replace`
 * and `add` operations write, each at its line in the kustomization.
 */
function inlinePatches(rec: Recorder, cls: FileClass, tag: EnvTag, root: DataNode): void {
  for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
    const list = get(root, key);
    for (const item of list?.kind === 'seq' ? list.items : []) {
      const patch = item.kind === 'scalar' ? item : get(item, 'patch');
      const text = literalString(patch);
      if (!patch || !text || !text.includes('\n')) continue;
      const parsed = parseYaml(text, blockSpans(rec, text, patch.span));
      if (!parsed.ok) continue;
      for (const document of parsed.value.roots) {
        if (document.kind === 'map') scanKubernetesDocument(rec, { ...cls, tag, role: 'plain', family: undefined }, document);
        else if (document.kind === 'seq') jsonPatchValues(rec, cls, tag, document);
      }
    }
  }
}

/**
 * The values a JSON 6902 patch writes: a secret reference by name (`…/secretKeyRef/name`, `…/secret/secretName`), and
 * any other value as the key its path ends in (`/data/DB_HOST`), an env entry by its name (`{name, value}` added to
 * `…/env/-`), or a value that says what it is wherever it goes (`…/env/0/value: orders-prod.….rds.amazonaws.com`).
 */
function jsonPatchValues(rec: Recorder, cls: FileClass, tag: EnvTag, operations: DataNode): void {
  for (const operation of operations.kind === 'seq' ? operations.items : []) {
    const op = literalString(get(operation, 'op'));
    const path = literalString(get(operation, 'path')) ?? '';
    const value = get(operation, 'value');
    if ((op !== 'replace' && op !== 'add') || !value) continue;
    const name = literalString(value);
    if (name !== undefined) {
      if (/\/(?:secretKeyRef|secretRef)\/name$|\/secret\/secretName$/.test(path)) {
        if (/^[a-z0-9][a-z0-9.-]*$/.test(name)) rec.resource(tag, secretIdentity(name, 'k8s'), value.span, { variable: path });
        continue;
      }
      const steps = path.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
      const last = steps[steps.length - 1];
      // `…/env/3/value` names the value's slot, not its variable.
      const variable = last && last !== 'value' && last !== '-' && !/^\d+$/.test(last) ? last : undefined;
      for (const identity of identifyValue(name, { variable, path: steps })) rec.resource(tag, identity, value.span, { variable: variable ?? path });
      continue;
    }
    walkSection(rec, { node: value.kind === 'map' ? { kind: 'seq', items: [value], span: value.span } : value, path: [path], tag, role: 'plain', family: undefined, span: value.span }, walkOptions({ ...cls, tag, role: 'plain', family: undefined }));
  }
}

/**
 * Offsets in a block scalar's text, as spans of the file: the text's line `n` is the file's line after the scalar's
 * indicator plus `n`, shifted by the block's indentation.
 */
function blockSpans(rec: Recorder, text: string, scalar: Span): (start: number, end: number) => Span {
  const first = scalar.line + 1;
  const indent = /^[ \t]*/.exec(rec.file.line(first))?.[0].length ?? 0;
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: first + line, column: indent + offset - starts[line]! + 1 };
  };
  return (start, end) => {
    const from = position(start);
    const to = position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
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
    recordValueFiles(rec, tag, getPath(source, ['helm', 'valueFiles']), literalString(get(source, 'path')) ?? '', 'spec.source.helm.valueFiles');
  }
}

/**
 * helmfile's `environments.<name>.values` (and sops-encrypted `secrets`): the files every release of that environment
 * is rendered with, relative to the helmfile. A staging environment loading `environments/production.yaml` deploys
 * with production's hosts, buckets and secrets.
 */
export function scanHelmfileEnvironments(rec: Recorder, document: DataDocument): void {
  const directory = directoryOf(rec.file.path);
  const names: string[] = [];
  for (const root of document.roots) {
    const environments = get(root, 'environments');
    for (const environment of environments?.kind === 'map' ? environments.entries : []) {
      names.push(environment.key);
      const tag = namedTag(environment.key, 'key');
      if (!tag.environment || tag.environment === 'base') continue;
      for (const key of ['values', 'secrets']) recordValueFiles(rec, tag, get(environment.value, key), directory, `environments.${environment.key}.${key}`);
    }
  }
  for (const root of document.roots) releaseNamespaces(rec, get(root, 'releases'), directory, names);
}

/**
 * A release whose namespace is the same for every environment (`namespace: ledger`) renders each environment's values
 * file (`values/postgres/{{ .Environment.Name }}.yaml`) into that one namespace: a claim those files name for staging
 * and for production is one claim there.
 */
function releaseNamespaces(rec: Recorder, releases: DataNode | undefined, directory: string, environments: readonly string[]): void {
  for (const release of releases?.kind === 'seq' ? releases.items : []) {
    const namespaceNode = get(release, 'namespace');
    const namespace = literalString(namespaceNode);
    if (!namespaceNode || !namespace || !kubernetesNamespaceIdentity(namespace)) continue;
    // One release name in one namespace for every environment would be one Helm release, upgraded by each: the
    // environments then run in clusters of their own. A release named per environment shares the namespace.
    const perEnvironment = ENVIRONMENT_NAME.test(literalString(get(release, 'name')) ?? '');
    ENVIRONMENT_NAME.lastIndex = 0;
    const placed = environments.filter((name) => perEnvironment || canonicalEnvironment(name) === 'production');
    const values = get(release, 'values');
    for (const item of values?.kind === 'seq' ? values.items : []) {
      const file = literalString(item);
      if (!file) continue;
      const paths = /\{\{/.test(file) ? placed.map((name) => file.replace(ENVIRONMENT_NAME, name)) : perEnvironment ? [file] : [];
      for (const path of paths) {
        if (/[{}$]/.test(path)) continue;
        rec.scope(path.startsWith('/') || !directory ? path.replace(/^\/+/, '').replace(/^\.\//, '') : `${directory}/${path.replace(/^\.\//, '')}`, `k8s-namespace:${namespace}`, namespaceNode.span);
      }
    }
  }
}

/** helmfile's environment name in a values path: `{{ .Environment.Name }}`, `{{ .Environment.Name | lower }}` is not resolved. */
const ENVIRONMENT_NAME = /\{\{-?\s*\.Environment\.Name\s*-?\}\}/g;

function directoryOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Values files listed for one environment (literal paths; templated ones name no file here), relative to `base`. */
function recordValueFiles(rec: Recorder, tag: EnvTag, files: DataNode | undefined, base: string, variable: string): void {
  for (const item of files?.kind === 'seq' ? files.items : []) {
    const file = literalString(item);
    if (!file || /[$%{}]/.test(file)) continue;
    const path = file.startsWith('/') || !base ? file.replace(/^\/+/, '') : `${base.replace(/\/+$/, '')}/${file.replace(/^\.\//, '')}`;
    rec.resource(tag, secretIdentity(path, 'values-file'), item.span, { variable });
  }
}
