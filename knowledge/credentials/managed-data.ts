// Control-plane keys of managed databases beyond Supabase, Neon, PlanetScale, Atlas, Upstash and Turso: CockroachDB
// Cloud, ClickHouse Cloud and Xata. Such a key creates, scales and deletes the clusters, services and branches that hold
// the data, and issues further credentials.
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

const XATA = 'xau_q8Vt2LmR9xKp4NwZ7bYc3HfJ6sDg1AeU5';

export const xataApiKey: CredentialKind = {
  id: 'xata-api-key',
  provider: 'xata',
  title: 'Xata API key',
  // `xau_` and 33 alphanumerics (kingfisher's xata rule); a few more allowed for longer keys.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(xau_[A-Za-z0-9]{33,40})(?![A-Za-z0-9_-])/g, keywords: ['xau_'] }],
  plausible: (value) => randomAfter(4)(value) && /[0-9]/.test(value),
  rate: broadUnlessReadOnly('Xata key', 'root', 'a key made for all projects and branches acts on the whole organization; its project, branch and permission limits are not in the value'),
  reach: 'with access to all projects and branches, creates and deletes projects and branches (production included), reads their data and manages the organization’s keys and members',
  narrower: 'create an organization key limited to the one branch the job uses, read-only where it only reads',
  reference: 'https://xata.io/docs/platform/api-key',
  samples: {
    positive: [
      sample('.env', `XATA_API_KEY=${XATA}\nXATA_BRANCH=main\n`, { expect: { line: 1 } }),
      sample('scripts/branch.sh', `#!/bin/sh\ncurl -X DELETE https://api.xata.tech/organizations/acme/projects/web/branches/preview-42 -H "Authorization: Bearer ${XATA}"\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('.env.example', 'XATA_API_KEY=xau_your_api_key_here\nXATA_BRANCH=main\n'),
      sample('strategies/gold.py', 'SYMBOL = "xau_usd"\nTABLE = "xau_intraday_research_cache_5m"\n', { note: "a gold symbol, not a key" }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env', `XATA_API_KEY=${XATA}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `XATA_READONLY_API_KEY=${XATA}\n`)],
  },
};

export const MANAGED_DATA_KINDS: readonly CredentialKind[] = [cockroachCloudApiKey, clickhouseCloudApiKey, xataApiKey];
