// Docker Compose files: service environments through the generic walk, plus named volumes. Compose prefixes a
// volume with the project name, so two stacks share one only through `external: true` or the same explicit `name:`.
import type { DataDocument, DataNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { envFileIdentity, volumeIdentity } from '../../../../knowledge/environments/identities.js';
import type { FileClass } from '../files.js';
import type { Recorder } from '../recorder.js';
import { effectiveEntries, walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';

export function scanComposeFile(rec: Recorder, cls: FileClass, document: DataDocument): void {
  for (const root of document.roots) {
    // Service names are not environments, even when a stack calls them `dev` and `prod`.
    walkSection(rec, topSection(cls, root), { ...walkOptions(cls), envMaps: false });
    scanEnvFiles(rec, cls, root);
    const volumes = get(root, 'volumes');
    if (volumes?.kind !== 'map') continue;
    for (const entry of effectiveEntries(volumes)) {
      const spec = entry.value;
      const explicitName = spec.kind === 'map' ? get(spec, 'name') : undefined;
      const externalNode = spec.kind === 'map' ? get(spec, 'external') : undefined;
      const external = externalNode?.kind === 'scalar' && (externalNode.value === true || externalNode.value === 'true');
      // Compose v2's `external: { name: x }`.
      const externalName = externalNode?.kind === 'map' ? get(externalNode, 'name') : undefined;
      const nameNode = explicitName ?? externalName;
      const name = literalString(nameNode) ?? (external || externalName ? entry.key : undefined);
      if (!name) continue;
      const identity = volumeIdentity(name, 'docker');
      if (!identity) continue;
      rec.resource(cls.tag, identity, (nameNode ?? entry.value).span, {
        variable: `volumes.${entry.key}`,
        family: cls.family,
        declared: !external && externalName === undefined,
      });
    }
  }
}

/** `env_file:` of each service (a path, a list of paths, or `{ path, required }` items): another environment's file loaded whole. */
function scanEnvFiles(rec: Recorder, cls: FileClass, root: DataNode): void {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return;
  for (const service of effectiveEntries(services)) {
    const envFile = service.value.kind === 'map' ? get(service.value, 'env_file') : undefined;
    if (!envFile) continue;
    const items = envFile.kind === 'seq' ? envFile.items : [envFile];
    for (const item of items) {
      const pathNode = item.kind === 'map' ? get(item, 'path') : item;
      const path = literalString(pathNode);
      const identity = path === undefined ? undefined : envFileIdentity(path);
      if (identity) rec.resource(cls.tag, identity, pathNode!.span, { variable: `services.${service.key}.env_file`, family: cls.family });
    }
  }
}
