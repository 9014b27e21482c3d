// What a rule concludes about one non-production resource, and the words every rule uses to say it.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import type { RelatedLocation, Severity } from '../../../src/model.js';
import type { EnvironmentModel } from '../model.js';

export interface Verdict {
  ruleId: string;
  severity?: Severity;
  /** What the environment does, after its name: "uses production's database orders-prod". */
  action: string;
  /** A further sentence: why it is production's, what that allows. */
  detail?: string;
  related: RelatedLocation[];
  /** The production identity reached, to join with data stores. */
  identity: string;
}

/** A rule's judgement of one resource used by a non-production environment (or inherited by one). */
export type Judge = (resource: EnvironmentResource, model: EnvironmentModel) => Verdict | undefined;

export const DETECTOR = 'staging-reaches-production';

/** "staging", or "staging (`stg`)" when the repo spells it differently. */
export function environmentLabel(environment: string, name: string): string {
  if (!name || name.toLowerCase() === environment) return environment;
  return `${environment} (\`${name}\`)`;
}

export function productionRelated(production: readonly EnvironmentResource[], what: string): RelatedLocation[] {
  return production.slice(0, 3).map((resource) => {
    // A file that stands for production by its name alone (`fly.toml`) is named by the location already.
    const name = resource.environmentName;
    const named = name && name !== 'production' && name !== resource.location.path.slice(resource.location.path.lastIndexOf('/') + 1);
    return { location: resource.location, message: `production ${resource.declared ? 'declares' : 'uses'} ${what} here${named ? ` (${name})` : ''}` };
  });
}
