// Control-plane keys of managed databases beyond Supabase, Neon, PlanetScale, Atlas, Upstash and Turso: CockroachDB
// Cloud and ClickHouse Cloud. Such a key does not query data; it creates, scales and deletes the clusters and services
// that hold it, and issues further credentials.
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { randomAfter } from './values.js';

const COCKROACH = 'CCDB1_iV3TMXVjM8AhghjsllAj7n_4JuXFZo2qh20xlReGsaL1dvnyzv0ZzyA0xIfl4c7';
const CLICKHOUSE_SECRET = '4b1dxU2zXCot2PoPUtg3SUunWZTRTpysCW9f4CA96q';
const CLICKHOUSE_KEY_ID = 'eGs6R3uYEIi75qB4sA9Q';

export const cockroachCloudApiKey: CredentialKind = {
  id: 'cockroachdb-cloud-api-key',
  provider: 'cockroachdb-cloud',
  title: 'CockroachDB Cloud API key',
  // CCDB1_, the key's id (22) and its secret (40).
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ['ccdb1_'] }],
  plausible: randomAfter(29),
  rate: broadUnlessReadOnly('CockroachDB Cloud key', 'root', "an API key acts as its service account, whose roles (often Cluster or Org Administrator) are not in the value"),
  reach: 'acts as its service account in the CockroachDB Cloud organization: with an administrator role it deletes clusters (and their backups), creates SQL users and changes network access',
  narrower: 'give the service account the Cluster Operator or Cluster Developer role on the one cluster the job manages, never Org Administrator',
  reference: 'https://www.cockroachlabs.com/docs/cockroachcloud/managing-access',
  samples: {
    positive: [
      sample('infra/main.tf', `provider "cockroach" {\n  apikey = "${COCKROACH}"\n}\n\nresource "cockroach_cluster" "app" {\n  name = "acme-prod"\n}\n`, { expect: { line: 2 } }),
      sample('.env.ops', `COCKROACH_API_KEY=${COCKROACH}\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('infra/main.tf', 'provider "cockroach" {\n  # reads COCKROACH_API_KEY (CCDB1_...) from the environment\n}\n')],
  },
  scopeSamples: {
    positive: [sample('.env.ops', `COCKROACH_API_KEY=${COCKROACH}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ops', `COCKROACH_READONLY_API_KEY=${COCKROACH}\n`)],
  },
};

export const clickhouseCloudApiKey: CredentialKind = {
  id: 'clickhouse-cloud-api-key',
  provider: 'clickhouse-cloud',
  title: 'ClickHouse Cloud API key secret',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(4b1d[A-Za-z0-9]{38})(?![A-Za-z0-9_-])/g, keywords: ['4b1d'] }],
  // Base62 with both cases: a hex digest that happens to start 4b1d is not one.
  plausible: (value) => randomAfter(4)(value) && /[A-Z]/.test(value) && /[a-z]/.test(value.slice(4).replace(/[a-f]/g, '')),
  rate: broadUnlessReadOnly('ClickHouse Cloud key', 'root', 'an organization API key has the Admin or Developer role it was given (not in the value); Admin manages every service'),
  reach: 'calls the ClickHouse Cloud API for the organization: with the Admin role it stops and deletes services, changes IP access lists and resets passwords',
  narrower: 'give the key the Developer (read-only) role where the job only reads, and an expiry',
  reference: 'https://clickhouse.com/docs/cloud/manage/openapi',
  samples: {
    positive: [
      sample('scripts/pause_dev.sh', `#!/bin/sh\ncurl -u "${CLICKHOUSE_KEY_ID}:${CLICKHOUSE_SECRET}" -X PATCH https://api.clickhouse.cloud/v1/organizations/$ORG/services/$SERVICE/state -d '{"command":"stop"}'\n`, { expect: { line: 2 } }),
      sample('terraform/clickhouse.tf', `provider "clickhouse" {\n  organization_id = "8f1c2a7e-3b9d-4e21-8f55-0c4d7a9b1e23"\n  token_key       = "${CLICKHOUSE_KEY_ID}"\n  token_secret    = "${CLICKHOUSE_SECRET}"\n}\n`, { expect: { line: 4 } }),
    ],
    negative: [sample('terraform/clickhouse.tf', 'provider "clickhouse" {\n  organization_id = var.organization_id\n  token_key       = var.token_key\n  token_secret    = var.token_secret\n}\n')],
  },
  scopeSamples: {
    positive: [sample('terraform/clickhouse.tf', `provider "clickhouse" {\n  token_secret = "${CLICKHOUSE_SECRET}"\n}\n`, { expect: { line: 2 } })],
    negative: [sample('.env', `CLICKHOUSE_READONLY_KEY_SECRET=${CLICKHOUSE_SECRET}\n`)],
  },
};

export const MANAGED_DATA_KINDS: readonly CredentialKind[] = [cockroachCloudApiKey, clickhouseCloudApiKey];
