// A non-production workload given a Kubernetes Service in production's namespace (`postgres.prod.svc.cluster.local`)
// as its database: production deploys into that namespace here (a Kustomize overlay's `namespace: prod`, a
// manifest's `metadata.namespace`), and a Service's in-cluster name reaches it from every namespace of the cluster.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import type { EnvironmentModel } from '../model.js';
import { NON_PRODUCTION } from '../model.js';
import { sharedDatabase } from './shared.js';
import type { Verdict } from './verdict.js';

const SERVICE = /^k8s-service:([a-z0-9-]+)\.([a-z0-9-]+)$/;

export function judgeNamespaceService(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  const service = resource.kind === 'database' ? SERVICE.exec(resource.identity) : null;
  if (!service) return undefined;
  const namespace = `project:k8s-namespace:${service[2]}`;
  const production = model.productionDeclaring(namespace);
  if (production.length === 0) return undefined;
  // A namespace a non-production environment deploys into as well is shared on purpose (renamed objects side by
  // side): a Service there is production's only by its name, which the named rule judges.
  if (model.resources.some((other) => other.identity === namespace && NON_PRODUCTION.has(other.environment) && !other.testOnly && !other.unplaced)) return undefined;
  return {
    ruleId: sharedDatabase.id,
    severity: 'high',
    action: `uses the Service ${service[1]} in production's namespace ${service[2]} as its database (${resource.display})`,
    detail: `Production deploys into ${service[2]} (${production[0]!.location.path}), and a Service's cluster name reaches it from every namespace: one cluster is assumed.`,
    related: production.slice(0, 3).map((declared) => ({ location: declared.location, message: `production deploys into namespace ${service[2]} here` })),
    identity: namespace,
  };
}
