// Which credentials can act on a data store they do not name: a database's own login, a cloud or platform account
// that holds databases and volumes, a secret manager or decryption key that yields such logins. A payment, email,
// chat, AI or package-registry key acts on its own service only, and a signing secret (a session or app key) signs
// what the app sends; neither reaches a database, wherever it sits beside one.

/** Providers whose keys act on their own service only. */
const SERVICE_ONLY_PROVIDERS = new Set([
  'stripe', 'clerk', 'slack', 'openai', 'anthropic', 'twilio', 'sendgrid', 'mailgun', 'linear', 'shopify', 'mapbox',
  'huggingface', 'kaggle', 'npm', 'pypi', 'docker', 'ansible-galaxy', 'sentry', 'atlassian', 'grafana', 'notion',
  'newrelic', 'discord', 'rubygems', 'groq', 'xai', 'replicate', 'perplexity', 'langsmith', 'nvidia', 'nextauth',
  'django', 'laravel', 'e2b', 'postmark', 'algolia', 'crates-io', 'datadog',
  'square', 'braintree', 'paystack', 'resend', 'brevo', 'mailchimp', 'openrouter', 'pinecone', 'postman', 'jfrog',
  'airtable', 'hubspot', 'contentful', 'akamai', 'mistral', 'cohere', 'deepseek', 'together', 'fireworks', 'porkbun', 'godaddy',
]);

/** Signing and session secrets, and bare tokens, of no provider: they authenticate nothing to a database. */
const SIGNING_KINDS = new Set(['rails-secret-key-base', 'jwt-signing-secret', 'session-secret', 'jwt']);

/** Names of a generic password that belong to something else than a database (mail, a registry, an admin page). */
const NOT_DATABASE_PASSWORD = /(?:^|_)(?:MAIL|SMTP|EMAIL|IMAP|POP3?|REGISTRY|DOCKER|NPM|ADMIN|BASIC_AUTH|HTPASSWD|LDAP|KEYSTORE|TRUSTSTORE|CERT|P12|PFX|SIGNING|GPG|PGP|KEYCHAIN)(?:_|$)/i;

export function actsOnDataStores(credential: { provider: string; kind: string; variable?: string }): boolean {
  if (SERVICE_ONLY_PROVIDERS.has(credential.provider) || SIGNING_KINDS.has(credential.kind)) return false;
  if (credential.kind === 'hardcoded-password' && credential.variable && NOT_DATABASE_PASSWORD.test(credential.variable)) return false;
  return true;
}

/**
 * Credentials that are the whole of one resource of their provider (a storage account, a cache, a Cosmos DB account,
 * R2's buckets), not of the account: the engines of the stores such a resource is. An Azure storage key reaches the
 * account's blobs and files, never the SQL database beside them; a namespace's Service Bus key or a search service's
 * admin key reaches no data store at all.
 */
const RESOURCE_ENGINES: Readonly<Record<string, readonly string[]>> = {
  'azure-storage-account-key': ['object-storage', 'file-system'],
  'azure-sas-token': ['object-storage', 'file-system'],
  'azure-cosmos-db-key': ['cosmosdb', 'mongo', 'mongodb'],
  'azure-cache-redis-key': ['redis'],
  'azure-service-bus-key': [],
  'azure-search-key': [],
  'gcp-hmac-key': ['object-storage'],
  'cloudflare-r2-secret-key': ['object-storage'],
  'digitalocean-spaces-key': ['object-storage'],
  'digitalocean-spaces-key-id': ['object-storage'],
  'wasabi-secret-key': ['object-storage'],
};

/** Whether a credential of this kind can act on a store of this engine: any, unless the kind is one resource's. */
export function reachesEngine(kind: string, engine: string): boolean {
  const engines = RESOURCE_ENGINES[kind];
  return engines === undefined || engines.includes(engine);
}
