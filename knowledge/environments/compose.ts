// What a compose file says about the environment its services run in: the environment files they load.
import type { Span } from '../../src/model.js';
import { get, literalString, type DataNode } from '../../src/parse/data-tree.js';

export interface ComposeEnvFile {
  service: string;
  path: string;
  span: Span;
}

/** `env_file:` of each service: a path, a list of paths, or `{ path, required }` items. */
export function composeEnvFiles(root: DataNode | undefined): ComposeEnvFile[] {
  const found: ComposeEnvFile[] = [];
  const services = get(root, 'services');
  if (services?.kind !== 'map') return found;
  for (const service of services.entries) {
    const envFile = service.value.kind === 'map' ? get(service.value, 'env_file') : undefined;
    if (!envFile) continue;
    for (const item of envFile.kind === 'seq' ? envFile.items : [envFile]) {
      const pathNode = item.kind === 'map' ? get(item, 'path') : item;
      const path = literalString(pathNode);
      if (path !== undefined) found.push({ service: service.key, path, span: pathNode!.span });
    }
  }
  return found;
}
