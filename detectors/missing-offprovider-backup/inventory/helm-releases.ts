// Database charts installed on their own: `helm upgrade --install db bitnami/postgresql -n shop-prod -f values.yaml`,
// a helmfile release, an Argo CD Application or a Flux HelmRelease of `postgresql`. The database runs in that
// namespace on a PersistentVolumeClaim, which nothing copies unless the repo shows a backup; the values files it is
// installed with are where Bitnami's own backup CronJob would be turned on.
import type { Location } from '../../../src/model.js';
import { helmDatabaseOf } from '../../../knowledge/environments/helm.js';
import { canonicalEnvironment } from '../../../knowledge/environments/names.js';
import { get } from '../../../src/parse/data-tree.js';
import { directoryOf, environmentOf, isExamplePath, itemsOf, literalOf, type Inventory } from '../shared.js';

export interface DatabaseRelease {
  /** The chart as written (`bitnami/postgresql`, `oci://…/bitnamicharts/mysql`, `postgresql`). */
  chart: string;
  /** The release's name, when written. */
  name?: string;
  namespace?: string;
  /** Values files, repo-relative (`deploy/postgres/values.yaml`). */
  values: string[];
  /** `--set` values (`primary.persistence.enabled=false`). */
  sets?: string[];
  /** The environment the surrounding job or file runs in, when it says. */
  environment?: string;
  location: Location;
}

export function helmDatabaseRelease(inventory: Inventory, release: DatabaseRelease): void {
  const engine = helmDatabaseOf(release.chart);
  if (!engine || isExamplePath(inventory.path)) return;
  if ((release.sets ?? []).some((set) => /(?:^|,)(?:primary\.)?persistence\.enabled=false(?:,|$)/.test(set))) return;
  const chartName = release.chart.replace(/\/+$/, '').replace(/^.*\//, '');
  const name = release.name && !/^[$-]|\{\{/.test(release.name) ? release.name : chartName;
  const namespace = release.namespace && !/\$|\{\{/.test(release.namespace) ? release.namespace : undefined;
  inventory.store({
    platform: 'kubernetes',
    provider: 'kubernetes',
    engine,
    name,
    environment: (namespace ? canonicalEnvironment(namespace) : undefined) ?? release.environment,
    location: release.location,
    identities: [
      `helm-release:${namespace ?? '*'}/${name}`.toLowerCase(),
      ...(namespace ? [`k8s:${namespace}:helm/${name}`.toLowerCase()] : []),
      // Its values files, whose `backup` section (Bitnami's dump CronJob) copies it.
      ...release.values.filter((file) => !/\$|\{\{/.test(file)).map((file) => `helm-values:${file.replace(/^\.\//, '')}`.toLowerCase()),
    ],
    declaredBy: 'manifest',
    builtInBackup: { protection: 'none', description: `the ${chartName} chart keeps its data on a PersistentVolume, which has no backup unless something snapshots or copies it` },
  });
}

/** A values file named relative to a file of the repo (a helmfile's directory), as a repo-relative path. */
export function valuesPath(from: string, file: string): string {
  if (file.startsWith('/')) return file.slice(1);
  const parts = directoryOf(from) === '.' ? [] : directoryOf(from).split('/');
  for (const part of file.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export function isHelmfile(path: string): boolean {
  return /(^|\/)helmfile(\.[\w-]+)?\.ya?ml$/i.test(path) || /(^|\/)helmfile\.d\/[^/]+\.ya?ml$/i.test(path);
}

/** A helmfile's `releases: [{ name, namespace, chart: bitnami/postgresql, values: [files] }]`. */
export function scanHelmfile(inventory: Inventory): void {
  for (const root of inventory.file.data()?.roots ?? []) {
    for (const release of itemsOf(get(root, 'releases'))) {
      const chart = literalOf(get(release, 'chart'));
      if (!chart) continue;
      const values = itemsOf(get(release, 'values')).map((item) => literalOf(item)).filter((file): file is string => file !== undefined);
      const sets = itemsOf(get(release, 'set')).map((item) => `${literalOf(get(item, 'name')) ?? ''}=${literalOf(get(item, 'value')) ?? ''}`);
      const installed = literalOf(get(release, 'installed'));
      if (installed === 'false') continue;
      helmDatabaseRelease(inventory, {
        chart,
        name: literalOf(get(release, 'name')),
        namespace: literalOf(get(release, 'namespace')),
        values: values.map((file) => valuesPath(inventory.path, file)),
        sets,
        environment: environmentOf(inventory.path, []),
        location: inventory.line(release.span.line),
      });
    }
  }
}
