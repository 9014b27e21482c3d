// Docker Compose files: service environments through the generic walk, plus named volumes and the environment files
// services load (a stack loading .env.production is production's). Compose prefixes a volume with the project name,
// so two stacks share one only through `external: true` or the same explicit `name:`, or by mounting the same host
// directory: stacks whose files sit in one directory are taken to run on one host.
import type { DataDocument, DataNode, MapEntry, MapNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { composeStackIdentity, envFileIdentity, secretIdentity, volumeIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { environmentOfEnvFiles } from '../../../../knowledge/environments/names.js';
import { engineOfImage } from '../../../../knowledge/environments/database-images.js';
import { composeEnvFiles } from '../../../../knowledge/environments/compose.js';
import { effectiveEntries, walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';

export function scanComposeFile(rec: Recorder, cls: FileClass, document: DataDocument): void {
  for (const root of document.roots) {
    // Service names are not environments, even when a stack calls them `dev` and `prod`.
    walkSection(rec, topSection(cls, root), { ...walkOptions(cls), envMaps: false });
    const tags = [cls.tag];
    // A `docker-compose.yml` whose services load `.env.production` is production's stack, and still the base that
    // `-f docker-compose.staging.yml` layers over: what it holds is recorded as production's too.
    if (cls.tag.environment === 'base' || cls.tag.environment === undefined) {
      const loaded = environmentOfEnvFiles(composeEnvFiles(root).map((file) => file.path));
      if (loaded === 'production') {
        const production: EnvTag = { environment: 'production', name: 'env_file', evidence: 'value' };
        tags.push(production);
        walkSection(rec, { ...topSection(cls, root), tag: production, role: 'plain', family: undefined }, { ...walkOptions(cls), envMaps: false });
      }
    }
    for (const tag of tags) {
      scanEnvFiles(rec, cls, root, tag);
      scanVolumes(rec, cls, root, tag);
      scanBindMounts(rec, cls, root, tag);
      scanExternalSecrets(rec, root, tag);
    }
    // A base whose services load another environment's file (`.env.development`) is that environment's stack.
    if (cls.role === 'base' && environmentOfEnvFiles(composeEnvFiles(root).map((file) => file.path)) === undefined) scanBaseVolumes(rec, cls, root);
  }
}

/**
 * The volumes of the base file every `-f docker-compose.<env>.yml` layers over: what a bare `docker compose up` and
 * the production override run with. Compose names them `<name:>_<key>` from the base's top-level `name:`, which the
 * overrides inherit; an override that names one of them (`external: true, name: acme_pgdata`) mounts the base
 * stack's data. Production's only as the base: a production override that declares the volume again replaces it.
 */
function scanBaseVolumes(rec: Recorder, cls: FileClass, root: DataNode): void {
  const tag: EnvTag = { environment: 'production', name: rec.file.path.slice(rec.file.path.lastIndexOf('/') + 1), evidence: 'base' };
  const volumes = get(root, 'volumes');
  if (volumes?.kind !== 'map') return;
  const project = projectName(root);
  // The stack's data as a whole, for scripts that start it for two environments under one project name.
  const data = dataVolume(root, volumes);
  if (data) rec.resource(tag, composeStackIdentity(rec.file.path), data.keySpan, { variable: `volumes.${data.key}`, declared: true });
  for (const entry of effectiveEntries(volumes)) {
    const spec = entry.value;
    // An external volume is made elsewhere: naming it is using it, which the file's own tag already records.
    if (spec.kind === 'map' && get(spec, 'external') !== undefined) continue;
    const nameNode = spec.kind === 'map' ? get(spec, 'name') : undefined;
    const name = literalString(nameNode) ?? (project ? `${project}_${entry.key}` : undefined);
    const identity = name ? volumeIdentity(name, 'docker', serverScope(rec, tag)) : undefined;
    if (!identity) continue;
    rec.resource(tag, identity, (nameNode ?? entry.value).span, { variable: `volumes.${entry.key}`, family: cls.family, fromBase: true, declared: true });
  }
}

/** The first volume the file declares (not external) that a database service mounts. */
function dataVolume(root: DataNode, volumes: MapNode): MapEntry | undefined {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return undefined;
  const mounted = new Set<string>();
  for (const service of services.entries) {
    // A database's or object store's image; a cache's (Redis, Memcached) holds no data lost with it.
    if (!engineOfImage(literalString(get(service.value, 'image')))) continue;
    const list = get(service.value, 'volumes');
    for (const mount of list?.kind === 'seq' ? list.items : []) {
      const source = mount.kind === 'map' ? literalString(get(mount, 'source')) : literalString(mount)?.split(':')[0];
      if (source) mounted.add(source);
    }
  }
  return volumes.entries.find((entry) => mounted.has(entry.key) && !(entry.value.kind === 'map' && get(entry.value, 'external') !== undefined));
}

function scanVolumes(rec: Recorder, cls: FileClass, root: DataNode, tag: EnvTag): void {
  const volumes = get(root, 'volumes');
  if (volumes?.kind !== 'map') return;
  for (const entry of effectiveEntries(volumes)) {
    const spec = entry.value;
    const explicitName = spec.kind === 'map' ? get(spec, 'name') : undefined;
    const externalNode = spec.kind === 'map' ? get(spec, 'external') : undefined;
    const external = externalNode?.kind === 'scalar' && (externalNode.value === true || externalNode.value === 'true');
    // Compose v2's `external: { name: x }`.
    const externalName = externalNode?.kind === 'map' ? get(externalNode, 'name') : undefined;
    const nameNode = explicitName ?? externalName;
    const name = literalString(nameNode) ?? (external || externalName ? entry.key : projectVolume(root, entry.key, tag));
    if (!name) continue;
    const identity = volumeIdentity(name, 'docker', serverScope(rec, tag));
    if (!identity) continue;
    rec.resource(tag, identity, (nameNode ?? entry.value).span, {
      variable: `volumes.${entry.key}`,
      family: tag === cls.tag ? cls.family : undefined,
      declared: !external && externalName === undefined,
    });
  }
}

/**
 * The name Docker gives a volume the file declares without one: `<project>_<key>`, the project being the file's
 * top-level `name:` (lowercased, as Compose normalises it). Taken for production's stacks only: another stack reaches
 * that volume only by naming it (`external: true, name: tinyfeed_pg-data`), and two stacks that merely share a project
 * name run on hosts the repository does not show.
 */
function projectVolume(root: DataNode, key: string, tag: EnvTag): string | undefined {
  if (tag.environment !== 'production') return undefined;
  const project = projectName(root);
  return project ? `${project}_${key}` : undefined;
}

/** The file's top-level `name:`, lowercased as Compose normalises a project name. */
function projectName(root: DataNode): string | undefined {
  const project = literalString(get(root, 'name'))?.toLowerCase();
  return project && /^[a-z0-9][a-z0-9_-]*$/.test(project) ? project : undefined;
}

/**
 * Host directories services mount (`/srv/pgdata:/var/lib/postgresql/data`, `type: bind` with `source`): two stacks
 * started from one directory that mount the same one write the same files. Kept with the compose files' directory
 * (the same path on two hosts is two directories); sockets and read-only mounts are left out, and a relative path
 * (`./pgdata`) counts only where it holds a database's data: `./src:/app` beside it is code.
 */
function scanBindMounts(rec: Recorder, cls: FileClass, root: DataNode, tag: EnvTag): void {
  const scope = serverScope(rec, tag);
  const services = get(root, 'services');
  if (scope === undefined || services?.kind !== 'map') return;
  for (const service of effectiveEntries(services)) {
    const volumes = get(service.value, 'volumes');
    for (const mount of volumes?.kind === 'seq' ? volumes.items : []) {
      let source: string | undefined;
      let target: string | undefined;
      if (mount.kind === 'scalar' && typeof mount.value === 'string') {
        const parts = mount.value.split(':');
        if (parts.length >= 2 && !/(?:^|,)ro(?:,|$)/.test(parts[2] ?? '')) [source, target] = parts;
      } else if (mount.kind === 'map' && literalString(get(mount, 'type')) === 'bind' && literalString(get(mount, 'read_only')) !== 'true') {
        const readOnly = get(mount, 'read_only');
        if (!(readOnly?.kind === 'scalar' && readOnly.value === true)) [source, target] = [literalString(get(mount, 'source')), literalString(get(mount, 'target'))];
      }
      if (!source || /docker\.sock$|^\/(?:etc|proc|sys|dev|run)\//.test(source)) continue;
      const relative = /^\.{1,2}\//.test(source);
      if (!/^(?:\/|~\/)/.test(source) && !(relative && DATA_DIRECTORY.test(target ?? ''))) continue;
      const identity = volumeIdentity((relative ? source.replace(/^\.\//, '') : source).replace(/\/+$/, ''), 'hostpath', scope);
      if (identity) rec.resource(tag, identity, mount.span, { variable: `services.${service.key}.volumes`, family: tag === cls.tag ? cls.family : undefined });
    }
  }
}

/** Where database images keep their data inside the container. */
const DATA_DIRECTORY = /^\/(?:var\/lib\/(?:postgresql|mysql|mongodb|redis|clickhouse|mariadb)|data|bitnami\/\w+|var\/opt\/mssql)(?:\/|$)/;

/**
 * The host a stack is taken to share with the stacks beside it: its directory, for the environments teams run on their
 * servers (production, staging, previews). A development or test stack runs on a laptop or a CI runner, never on
 * production's host, so it shares nothing by path or plain name.
 */
function serverScope(rec: Recorder, tag: EnvTag): string | undefined {
  if (tag.environment !== 'production' && tag.environment !== 'staging' && tag.environment !== 'preview') return undefined;
  const path = rec.file.path;
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

/** `env_file:` of each service (a path, a list of paths, or `{ path, required }` items): another environment's file loaded whole. */
function scanEnvFiles(rec: Recorder, cls: FileClass, root: DataNode, tag: EnvTag): void {
  for (const file of composeEnvFiles(root)) {
    const identity = envFileIdentity(file.path);
    if (identity) rec.resource(tag, identity, file.span, { variable: `services.${file.service}.env_file`, family: tag === cls.tag ? cls.family : undefined });
  }
}

/**
 * Swarm and compose secrets kept outside the file (`secrets: { db_password: { external: true, name: prod_db_password } }`):
 * the stack reads them by that name, so a staging stack naming production's secret reads it.
 */
function scanExternalSecrets(rec: Recorder, root: DataNode, tag: EnvTag): void {
  const secrets = get(root, 'secrets');
  if (secrets?.kind !== 'map') return;
  for (const entry of secrets.entries) {
    const external = get(entry.value, 'external');
    if (external?.kind !== 'scalar' || external.value !== true) continue;
    const nameNode = get(entry.value, 'name');
    const name = literalString(nameNode) ?? entry.key;
    if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) continue;
    rec.resource(tag, secretIdentity(name, 'external'), nameNode?.span ?? entry.keySpan, { variable: `secrets.${entry.key}` });
  }
}
