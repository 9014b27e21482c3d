// Environments a repository configures and the resources each one points at.
import type { Location } from '../model.js';

export type CanonicalEnvironment = 'production' | 'staging' | 'preview' | 'development' | 'test' | 'base';

export type ResourceKind =
  | 'database'
  | 'volume'
  | 'bucket'
  | 'project'
  | 'account'
  | 'app'
  | 'terraform-state'
  | 'secret'
  | 'stack'
  | 'host'
  | 'payment-key';

/** One environment's use of one resource, at one place in one file. */
export interface EnvironmentResource {
  environment: CanonicalEnvironment;
  /** The name the repo uses (e.g. `stg`, `prod-eu`), before canonicalisation. */
  environmentName: string;
  /** How the environment was inferred: explicit key, file name, directory, value. */
  environmentEvidence: 'key' | 'file-name' | 'directory' | 'value' | 'base';
  kind: ResourceKind;
  /** Normalised identity used for comparison (e.g. `postgres://db.example.com:5432/app`). */
  identity: string;
  /** What the user sees (never a secret). */
  display: string;
  location: Location;
  /** The variable or key that holds it. */
  variable?: string;
}

/** A non-production environment that reaches a production resource (published by the environment stage). */
export interface EnvironmentCrossing {
  environment: CanonicalEnvironment;
  resourceKind: ResourceKind;
  /** What the user sees (never a secret). */
  resource: string;
  location: Location;
  productionLocation?: Location;
}
