// Which object-storage buckets hold data worth restoring. Most buckets in infrastructure code hold logs, build
// artifacts, static sites, Terraform state or backups themselves; flagging those would bury the ones that matter.
import { tokensOf } from '../../../knowledge/environments/names.js';

const NOT_DATA = new Set([
  'log', 'logs', 'logging', 'access', 'audit', 'cloudtrail', 'trail', 'trails', 'alb', 'elb', 'lb', 'cdn', 'static', 'website', 'site', 'sites', 'web', 'www',
  'assets', 'asset', 'public', 'frontend', 'build', 'builds', 'artifact', 'artifacts', 'deploy', 'deployment', 'deployments', 'lambda', 'code', 'release', 'releases',
  'state', 'tfstate', 'terraform', 'backup', 'backups', 'bkp', 'snapshot', 'snapshots', 'archive', 'archives', 'replica', 'replication', 'dr', 'cache', 'tmp', 'temp',
  'config', 'configs', 'pipeline', 'codepipeline', 'athena', 'query', 'results', 'cur', 'billing', 'inventory', 'metrics', 'flowlogs', 'vpc', 'waf', 'cloudfront',
  'glue', 'emr', 'sagemaker', 'test', 'tests', 'example', 'demo', 'sandbox', 'docs', 'cloudbuild', 'source', 'sources', 'packages',
  'spa', 'ui', 'redirect', 'analytics', 'reports', 'report', 'exports', 'export', 'dumps', 'firehose', 'kinesis', 'events', 'cloudformation', 'cfn', 'sam', 'serverless',
]);

const DATA = new Set([
  'upload', 'uploads', 'media', 'attachment', 'attachments', 'document', 'documents', 'file', 'files', 'user', 'users', 'customer', 'customers', 'data',
  'storage', 'content', 'avatar', 'avatars', 'photo', 'photos', 'object', 'objects', 'blob', 'blobs', 'vault', 'records', 'invoice', 'invoices',
  'receipt', 'receipts', 'recording', 'recordings', 'datalake', 'lake', 'warehouse', 'tenant', 'tenants', 'evidence', 'contracts', 'medical', 'kyc',
]);

/**
 * A bucket is a store worth backing up when nothing in its name says it holds derived or disposable objects, and
 * either its name says it holds user data or it is explicitly a production bucket.
 */
export function isBucketData(name: string, label: string, environment: string | undefined): boolean {
  const tokens = [...tokensOf(name), ...tokensOf(label)];
  const data = tokens.some((token) => DATA.has(token));
  // A word naming the service (`billing`, `analytics`) does not say what the bucket holds when a data word does:
  // `acme-billing-uploads-prod` holds uploads.
  if (tokens.some((token) => NOT_DATA.has(token) && !(data && SERVICE_WORDS.has(token)))) return false;
  return data || environment === 'production';
}

/** Words of NOT_DATA that often name the service a bucket belongs to rather than what it holds. */
const SERVICE_WORDS = new Set(['analytics', 'billing', 'reports', 'report', 'events', 'inventory', 'metrics', 'exports', 'export', 'web', 'frontend', 'public']);
