// Every credential kind the scanner knows, provider kinds first (their prefixes are proof), generic shapes last.
// Adding a provider is adding a module here; detectors iterate this list and never name a provider.
import { AI_KINDS } from './ai.js';
import { AI_DATA_KINDS } from './ai-data.js';
import { AWS_KINDS } from './aws.js';
import { AZURE_KINDS } from './azure.js';
import { BUSINESS_APP_KINDS } from './business-apps.js';
import { CLERK_KINDS } from './clerk.js';
import { CLOUDFLARE_KINDS } from './cloudflare.js';
import { CLOUD_KINDS } from './clouds.js';
import { DATABASE_KINDS } from './databases.js';
import { DELIVERY_KINDS } from './delivery.js';
import { DOMAIN_KINDS } from './domains.js';
import { EMAIL_KINDS } from './email.js';
import { GCP_KINDS, gcsHmacKey } from './gcp.js';
import { GENERIC_KINDS } from './generic.js';
import { GITHUB_KINDS } from './github.js';
import { GITLAB_KINDS } from './gitlab.js';
import { INFRA_KINDS } from './infra.js';
import { KUBERNETES_KINDS } from './kubernetes.js';
import { MANAGED_DATA_KINDS } from './managed-data.js';
import { S3_COMPATIBLE_KINDS } from './object-storage.js';
import { OPERATIONS_KINDS } from './operations.js';
import { PAAS_KINDS } from './paas.js';
import { PAYMENT_KINDS, paystackSecretKey } from './payments.js';
import { RAILWAY_KINDS } from './railway.js';
import { REGIONAL_CLOUD_KINDS } from './regional-clouds.js';
import { REGISTRY_KINDS } from './registries.js';
import { SAAS_KINDS } from './saas.js';
import { SERVER_MANAGER_KINDS } from './server-managers.js';
import { SIGNING_KINDS } from './signing.js';
import { STRIPE_KINDS } from './stripe.js';
import type { CredentialKind } from './types.js';

export const PROVIDER_KINDS: readonly CredentialKind[] = [
  ...RAILWAY_KINDS,
  // Before AWS: its secret has the shape and often the name of an AWS secret key, and is told apart by its access id.
  gcsHmacKey,
  // Before AWS too: S3-compatible services' keys go by AWS's names, and their remote's provider or endpoint says whose.
  ...S3_COMPATIBLE_KINDS,
  ...AWS_KINDS,
  ...GITHUB_KINDS,
  // Before Stripe: Paystack's secret keys share its prefixes and are told apart by their hex body.
  paystackSecretKey,
  ...STRIPE_KINDS,
  ...CLERK_KINDS,
  ...DATABASE_KINDS,
  ...MANAGED_DATA_KINDS,
  ...REGISTRY_KINDS,
  ...SAAS_KINDS,
  ...INFRA_KINDS,
  ...CLOUD_KINDS,
  ...REGIONAL_CLOUD_KINDS,
  ...GCP_KINDS,
  ...AZURE_KINDS,
  ...GITLAB_KINDS,
  ...CLOUDFLARE_KINDS,
  ...PAAS_KINDS,
  ...SERVER_MANAGER_KINDS,
  ...DELIVERY_KINDS,
  ...PAYMENT_KINDS,
  ...EMAIL_KINDS,
  ...BUSINESS_APP_KINDS,
  ...DOMAIN_KINDS,
  ...KUBERNETES_KINDS,
  ...OPERATIONS_KINDS,
  ...AI_KINDS,
  ...AI_DATA_KINDS,
  // Name-based signing secrets last, so a provider's own name (`SUPABASE_JWT_SECRET`) wins over `JWT_SECRET`.
  ...SIGNING_KINDS,
];

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [...PROVIDER_KINDS, ...GENERIC_KINDS];

const BY_ID = new Map(CREDENTIAL_KINDS.map((kind) => [kind.id, kind]));

export function credentialKind(id: string): CredentialKind | undefined {
  return BY_ID.get(id);
}

export type { CredentialContext, CredentialKind, Rating } from './types.js';
