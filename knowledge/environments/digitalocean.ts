// DigitalOcean App Platform specs: `.do/app.yaml` and its siblings (`.do/staging.yaml`, `.do/deploy.template.yaml`),
// read by the staging and backup detectors alike. The spec may sit under `spec:`, as `doctl apps spec get` and the
// deploy template write it.
import type { DataNode, MapNode } from '../../src/parse/data-tree.js';

export function isDoAppSpec(path: string): boolean {
  return /(^|\/)\.do\/[^/]+\.ya?ml$/i.test(path);
}

/** The spec's map: the document's root, or the `spec:` under it. */
export function doAppSpecOf(root: DataNode | undefined): MapNode | undefined {
  if (root?.kind !== 'map') return undefined;
  const spec = root.entries.find((entry) => entry.key === 'spec')?.value;
  return spec?.kind === 'map' ? spec : root;
}
