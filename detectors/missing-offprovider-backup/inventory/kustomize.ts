// Kustomize overlays: `overlays/production/kustomization.yaml` listing `../../base` deploys the base's manifests to
// production, so a database StatefulSet declared once in the base is production's store even when no pipeline in
// the repository shows the `kubectl apply -k` (a GitOps controller outside it, or an operator's laptop, runs it).
import { posix } from 'node:path';
import type { StoreContext } from '../../../src/facts/datastore.js';
import { get } from '../../../src/parse/data-tree.js';
import { directoryOf, environmentNamed, environmentOf, literalOf, type Inventory } from '../shared.js';

export function isKustomization(path: string): boolean {
  return /(^|\/)kustomization\.ya?ml$/i.test(path);
}

/** Each local resource, base or component an overlay lists, with the overlay's environment (its namespace, else its path). */
export function scanKustomization(inventory: Inventory): void {
  const root = inventory.file.data()?.roots[0];
  if (root?.kind !== 'map') return;
  const directory = directoryOf(inventory.file.path);
  const namespace = literalOf(get(root, 'namespace'));
  const environment = environmentNamed(namespace) ?? environmentOf(inventory.file.path, []);
  for (const key of ['resources', 'bases', 'components']) {
    const list = get(root, key);
    if (list?.kind !== 'seq') continue;
    for (const item of list.items) {
      const entry = literalOf(item);
      // Remote bases (`github.com/…?ref=`, `https://…`) are not in the repository.
      if (!entry || /^[a-z]+:\/\/|^(?:github\.com|gitlab\.com|bitbucket\.org)\/|\?ref=/.test(entry)) continue;
      const target = posix.normalize(posix.join(directory === '.' ? '' : directory, entry)).replace(/\/$/, '');
      if (target.startsWith('..')) continue;
      inventory.context({ kind: 'kustomize-resource', directory: target, name: directory, value: environment ?? '', ...(namespace ? { namespace } : {}), location: inventory.line(item.span.line) });
    }
  }
}

/**
 * Paths (files or directories) a production overlay deploys, followed through the bases those list in turn
 * (`overlays/production` -> `base` -> `base/postgres`).
 */
export function productionKustomizePaths(contexts: readonly StoreContext[]): ReadonlySet<string> {
  const entries = contexts.filter((entry) => entry.kind === 'kustomize-resource');
  const deployed = new Set(entries.filter((entry) => entry.value === 'production').map((entry) => entry.directory!));
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of entries) {
      if (!deployed.has(entry.directory!) && entry.value === '' && deployedByProductionOverlay(entry.name!, deployed)) {
        deployed.add(entry.directory!);
        grew = true;
      }
    }
  }
  return deployed;
}

/** Whether a manifest at `path` is one a production overlay deploys. */
export function deployedByProductionOverlay(path: string, deployed: ReadonlySet<string>): boolean {
  if (deployed.has(path)) return true;
  for (let directory = directoryOf(path); directory !== '.'; directory = directoryOf(directory)) if (deployed.has(directory)) return true;
  return false;
}

/**
 * The namespaces kustomizations deploy each listed path into: Kustomize sets an overlay's `namespace:` on every object
 * of the bases it builds, so the base's StatefulSet runs in `shop-prod` even though its own manifest names none (or
 * `default`), and a Velero schedule of `shop-prod` backs it up. A base's own `namespace:` is replaced by the overlay's.
 */
export function kustomizeNamespaces(contexts: readonly StoreContext[]): ReadonlyMap<string, ReadonlySet<string>> {
  const entries = contexts.filter((entry) => entry.kind === 'kustomize-resource');
  const found = new Map<string, Set<string>>();
  const add = (path: string, namespace: string): boolean => {
    const set = found.get(path) ?? new Set<string>();
    found.set(path, set);
    if (set.has(namespace)) return false;
    set.add(namespace);
    return true;
  };
  for (const entry of entries) if (entry.namespace) add(entry.directory!, entry.namespace);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of entries) {
      if (entry.namespace) continue;
      for (const namespace of namespacesDeploying(entry.name!, found)) grew = add(entry.directory!, namespace) || grew;
    }
  }
  return found;
}

/** The namespaces `path` (a manifest, or a kustomization's directory) is deployed into, by the closest listed path. */
export function namespacesDeploying(path: string, namespaces: ReadonlyMap<string, ReadonlySet<string>>): ReadonlySet<string> {
  if (namespaces.has(path)) return namespaces.get(path)!;
  for (let directory = directoryOf(path); directory !== '.'; directory = directoryOf(directory)) if (namespaces.has(directory)) return namespaces.get(directory)!;
  return new Set();
}
