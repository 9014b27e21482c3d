// Hosted databases: Supabase, Neon, PlanetScale, MongoDB Atlas. Their API keys reach every project of an account or
// every row of a project; only Supabase's legacy keys say how far (a JWT role claim). Database URLs in general are
// the generic `database-connection-string` kind.
import { sample } from '../../src/model.js';
import { base64urlFragments, browserExposure, looksGenerated, nameWord, readOnlyRating, READ_ONLY_WORDS, saysProjectScoped, TEST_WORDS } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { decodeJwt, escapeRegExp, isPlaceholder, UUID, wordsOf } from './values.js';

const SUPABASE_KEYS = 'https://supabase.com/docs/guides/api/api-keys';

/** A JWT whose payload holds `"iss":"supabase"` (with or without a space). Local CLI keys (`supabase-demo`) are dropped by `plausible`. */
const SUPABASE_JWT = jwtWithClaim('"iss":"supabase"', '"iss": "supabase"');

/**
 * JWTs whose payload holds one of these JSON snippets, found by the snippets' base64url fragments (at any of the
 * three alignments), so that only that issuer's tokens match and other JWTs stay the generic `jwt` kind.
 */
function jwtWithClaim(...snippets: string[]): RegExp {
  const fragments = snippets.flatMap((snippet) => base64urlFragments(snippet)).map(escapeRegExp).join('|');
  return new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(eyJ[A-Za-z0-9_-]{8,}\\.(?=[A-Za-z0-9_-]*(?:${fragments}))eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])`, 'g');
}

function supabaseJwtRating(context: CredentialContext): Rating {
  const role = decodeJwt(context.value)?.payload.role;
  if (role === 'anon') return { scope: 'public', because: 'JWT role anon: the legacy publishable key, bound by Row Level Security' };
  if (typeof role === 'string' && role !== 'service_role') return { scope: 'scoped', because: `JWT role ${role}` };
  const because = role === 'service_role' ? 'JWT role service_role bypasses Row Level Security on the whole project' : 'a Supabase-issued JWT without a role claim is rated as the service key';
  return { scope: 'root-resource', because: because + browserExposure(context) };
}

export const supabaseServiceRoleKey: CredentialKind = {
  id: 'supabase-service-role-key',
  provider: 'supabase',
  title: 'Supabase service_role key',
  valuePatterns: [{ regex: SUPABASE_JWT, keywords: ['eyj'] }],
  plausible: (value) => {
    const claims = decodeJwt(value)?.payload;
    if (!claims || claims.iss !== 'supabase') return false;
    return !(typeof claims.exp === 'number' && claims.exp * 1000 < Date.now());
  },
  rate: supabaseJwtRating,
  reach: 'bypasses Row Level Security: reads, changes and deletes every row, file and user of the Supabase project',
  narrower: 'keep the service key on the server only, and give clients the anon or publishable key with Row Level Security policies',
  reference: SUPABASE_KEYS,
  samples: {
    positive: [
      sample('scripts/backfill-profiles.js', "const { createClient } = require('@supabase/supabase-js');\n\nconst supabase = createClient(\n  'https://ygginoqukmzwpujrtqlo.supabase.co',\n  process.env.SUPABASE_SERVICE_ROLE_KEY || 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoyMDMzNTc2MDAwfQ.BynD1m9qtpr1vA5MMXs3SKhdU7IYycm_eu3QZTO03qE',\n);\n", { expect: { line: 5 } }),
      sample('supabase/docker/.env.production', '############\n# Secrets\n############\nPOSTGRES_HOST=db\nSERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UiLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MTg3NTc2NjQwMH0.rhIGIXd9x1EWWMgb4iS8S5Ov5Oc-QvW2IDyOqFsNITA\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('src/lib/supabase.ts', "import { createClient } from '@supabase/supabase-js';\n\nexport const supabase = createClient(\n  'https://ygginoqukmzwpujrtqlo.supabase.co',\n  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.rSsWA-hLJeiytq9mDPLsqsYNBAsQ6VciKx5W73K8H-I',\n);\n", { note: 'the anon key ships to browsers by design' }),
      sample('supabase/.env.local', '# `supabase start` prints these local-only keys\nSUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU\n', { note: 'Supabase CLI demo key (iss supabase-demo)' }),
      sample('tests/e2e/api.http', '### List orders\nGET https://api.acme.io/v1/orders\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYiLCJpc3MiOiJodHRwczovL2F1dGguYWNtZS5pbyIsImlhdCI6MTc2NDAwMDAwMH0.6M_8UAzZH63g-3xpWqDaqvVszhMruQdXPN5epXsboDI\n', { note: 'a JWT another service issued stays the generic jwt kind' }),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/admin.py', 'from supabase import create_client\n\nSUPABASE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoyMDMzNTc2MDAwfQ.BynD1m9qtpr1vA5MMXs3SKhdU7IYycm_eu3QZTO03qE"\nclient = create_client("https://ygginoqukmzwpujrtqlo.supabase.co", SUPABASE_KEY)\n', { expect: { line: 3 } })],
    negative: [sample('scripts/admin.py', 'from supabase import create_client\n\nSUPABASE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.rSsWA-hLJeiytq9mDPLsqsYNBAsQ6VciKx5W73K8H-I"\nclient = create_client("https://ygginoqukmzwpujrtqlo.supabase.co", SUPABASE_KEY)\n')],
  },
};

/** The keys `supabase start` prints for the local stack: published in the CLI, they open nothing real. */
const SUPABASE_LOCAL_KEYS = new Set(['sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz', 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH']);

export const supabaseSecretKey: CredentialKind = {
  id: 'supabase-secret-key',
  provider: 'supabase',
  title: 'Supabase secret API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sb_(?:secret|publishable)_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8})(?![A-Za-z0-9_-])/g, keywords: ['sb_secret_', 'sb_publishable_'] }],
  plausible: (value) => !SUPABASE_LOCAL_KEYS.has(value) && !isPlaceholder(value.replace(/^sb_[a-z]+_/, '')),
  rate: (context) =>
    context.value.startsWith('sb_publishable_')
      ? { scope: 'public', because: 'a publishable key is meant for browsers and is bound by Row Level Security' }
      : { scope: 'root-resource', because: `an sb_secret_ key bypasses Row Level Security on the whole project${browserExposure(context)}` },
  reach: 'bypasses Row Level Security: reads, changes and deletes every row, file and user of the Supabase project',
  narrower: 'keep secret keys on the server only (one per backend component, so each can be revoked alone) and give clients the publishable key',
  reference: SUPABASE_KEYS,
  samples: {
    positive: [
      sample('supabase/functions/_shared/admin.ts', "import { createClient } from 'npm:@supabase/supabase-js@2';\n\nexport const admin = createClient(Deno.env.get('SUPABASE_URL')!, 'sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW');\n", { expect: { line: 3 } }),
      sample('deploy/worker.env.yaml', 'env:\n  SUPABASE_URL: https://ygginoqukmzwpujrtqlo.supabase.co\n  SUPABASE_SECRET_KEY: sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW\n', { expect: { line: 3 } }),
      sample('scripts/seed.ts', 'import { createClient } from "@supabase/supabase-js";\nconst supabase = createClient("https://xauskjsiduvgjqeznszb.supabase.co", "sb_secret_oCCxKr1vI_Wc7C6QNJyMs4_h7hSe4vg");\n', { expect: { line: 2 }, note: 'the random part is base64url and may hold `_`' }),
    ],
    negative: [
      sample('web/.env.production', 'NEXT_PUBLIC_SUPABASE_URL=https://ygginoqukmzwpujrtqlo.supabase.co\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_Dt4AspvZab1qydp0QSdH2D_BEnN95Uu\n', { note: 'publishable keys ship to browsers' }),
      sample('tests/setup.ts', "// keys printed by `supabase start` for the local stack\nprocess.env.SUPABASE_SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';\n"),
      sample('README.md', '## Environment\n\n| Variable | Value |\n|---|---|\n| `SUPABASE_SECRET_KEY` | `sb_secret_...` from Project Settings > API Keys |\n'),
    ],
  },
  scopeSamples: {
    positive: [
      sample('server/db.py', 'SUPABASE_KEY = "sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW"\n', { expect: { line: 1 } }),
      sample('web/.env.production', 'VITE_SUPABASE_URL=https://ygginoqukmzwpujrtqlo.supabase.co\nVITE_SUPABASE_KEY=sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW\n', { expect: { line: 2 }, note: 'a secret key under a bundler prefix ships to browsers' }),
    ],
    negative: [sample('server/db.py', 'SUPABASE_KEY = "sb_publishable_Dt4AspvZab1qydp0QSdH2D_BEnN95Uu"\n')],
  },
};

export const supabaseAccessToken: CredentialKind = {
  id: 'supabase-access-token',
  provider: 'supabase',
  title: 'Supabase personal access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sbp_[a-f0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ['sbp_'] }],
  plausible: (value) => !isPlaceholder(value.slice(4)) && new Set(value.slice(4)).size >= 10,
  rate: (context) => readOnlyRating(context, 'access token') ?? { scope: 'root', because: 'a personal access token acts as its user on every organization and project, including deleting projects' },
  reach: 'acts as the user on the Management API across every organization and project: can read database passwords and keys, and pause or delete projects',
  narrower: 'use a scoped access token limited to one project, or the project’s own keys for data access',
  reference: 'https://supabase.com/docs/guides/platform/personal-access-tokens',
  samples: {
    positive: [
      sample('.github/workflows/migrate.yml', 'jobs:\n  migrate:\n    runs-on: ubuntu-latest\n    env:\n      SUPABASE_ACCESS_TOKEN: sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\n      SUPABASE_DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n    steps:\n      - uses: supabase/setup-cli@v1\n      - run: supabase db push\n', { expect: { line: 5 } }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--access-token", "sbp_c18280358b712b72d164a383f4a1b15aa6b4b157"]\n    }\n  }\n}\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('.github/workflows/migrate.yml', 'jobs:\n  migrate:\n    env:\n      SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}\n    steps:\n      - run: supabase db push\n'),
      sample('docs/mcp.md', 'Pass `--access-token sbp_0000000000000000000000000000000000000000` or set `SUPABASE_ACCESS_TOKEN`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/link.sh', '#!/bin/sh\nexport SUPABASE_ACCESS_TOKEN=sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\nsupabase link --project-ref ygginoqukmzwpujrtqlo\n', { expect: { line: 2 } })],
    negative: [sample('scripts/link.sh', '#!/bin/sh\n# read-only token for the status dashboard\nexport SUPABASE_READONLY_TOKEN=sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\n')],
  },
};

export const supabaseJwtSecret: CredentialKind = {
  id: 'supabase-jwt-secret',
  provider: 'supabase',
  title: 'Supabase JWT secret',
  contextPatterns: [
    { variable: /^(?:SUPABASE_(?:AUTH_)?JWT_SECRET|GOTRUE_JWT_SECRET|PGRST_JWT_SECRET|supabaseJwtSecret)$/i, value: /^[\x21-\x7e]{32,512}$/, keywords: ['supabase', 'gotrue', 'pgrst'] },
  ],
  plausible: (value) => looksGenerated(value, 32),
  rate: (context) => {
    const test = nameWord(context, TEST_WORDS);
    if (test) return { scope: 'test', because: `variable ${context.variable} names a ${test} project` };
    return { scope: 'root-resource', because: 'the JWT secret signs service_role tokens: whoever holds it mints a key that bypasses Row Level Security' };
  },
  reach: 'mints service_role tokens for the project: every row, file and user, bypassing Row Level Security',
  narrower: 'move the project to asymmetric JWT signing keys and keep the legacy secret out of the repository',
  reference: 'https://supabase.com/docs/guides/auth/signing-keys',
  samples: {
    positive: [
      sample('supabase/docker/.env', 'POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\nJWT_EXPIRY=3600\nSUPABASE_JWT_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n', { expect: { line: 3 } }),
      sample('services/auth/config.ts', "export const auth = {\n  issuer: 'supabase',\n  supabaseJwtSecret: 'Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0=',\n};\n", { expect: { line: 3 } }),
    ],
    negative: [
      sample('supabase/docker/.env.example', '# CHANGE THIS before going to production\nSUPABASE_JWT_SECRET=your-super-secret-jwt-token-with-at-least-32-characters-long\n'),
      sample('docker-compose.yml', 'services:\n  auth:\n    image: supabase/gotrue\n    environment:\n      GOTRUE_JWT_SECRET: super-secret-jwt-token-with-at-least-32-characters-long\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/auth.env.yaml', 'GOTRUE_JWT_SECRET: "69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI="\n', { expect: { line: 1 } })],
    negative: [sample('deploy/auth.env.yaml', 'GOTRUE_JWT_SECRET: "${JWT_SECRET}"\n')],
  },
};

const NEON_LEGACY_KEY = /^[a-z0-9]{64}$/;

export const neonApiKey: CredentialKind = {
  id: 'neon-api-key',
  provider: 'neon',
  title: 'Neon API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(napi_[A-Za-z0-9]{32,128})(?![A-Za-z0-9_-])/g, keywords: ['napi_'] }],
  // Keys made before the `napi_` prefix (January 2025) are 64 bare characters, valid until revoked: known by their name,
  // the create-branch action's input, or the console API they are sent to.
  contextPatterns: [
    { variable: /^NEON_API_KEY$|neon[_.-]?(?:[a-z]+[_.-]?)?api[_.-]?key/i, value: NEON_LEGACY_KEY, keywords: ['neon'] },
    { variable: /^api[_-]?key$/i, value: NEON_LEGACY_KEY, keywords: ['api_key'], requires: ['neondatabase/'] },
    { header: /^authorization$/i, value: NEON_LEGACY_KEY, keywords: ['authorization'], requires: ['console.neon.tech'] },
  ],
  plausible: (value) => {
    const body = value.replace(/^napi_/, '');
    return !isPlaceholder(body) && /[0-9]/.test(body) && /[A-Za-z]/.test(body) && (value.startsWith('napi_') || looksGenerated(body, 64));
  },
  rate: (context) => {
    if (wordsOf(context.variable ?? '').includes('project')) return { scope: 'scoped', because: `variable ${context.variable} names a project-scoped key` };
    if (saysProjectScoped(context)) return { scope: 'scoped', because: 'the text beside it says the key is scoped to one project' };
    return readOnlyRating(context, 'API key') ?? { scope: 'root', because: 'personal and organization keys share one format: the broad kind reaches every project of the organization' };
  },
  reach: 'manages every Neon project the user or organization owns: can reveal and reset database passwords and delete projects and branches',
  narrower: 'use a project-scoped API key bound to the one project the job needs',
  reference: 'https://neon.com/docs/manage/api-keys',
  samples: {
    positive: [
      sample('.github/workflows/preview.yml', 'jobs:\n  branch:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          project_id: raspy-leaf-12345678\n          api_key: napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n', { expect: { line: 8 } }),
      sample('scripts/reset-branch.sh', '#!/bin/sh\ncurl -X POST "https://console.neon.tech/api/v2/projects/$PROJECT/branches" \\\n  -H "Authorization: Bearer napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E"\n', { expect: { line: 3 } }),
      sample('scripts/branch.sh', '#!/usr/bin/env bash\nset -euo pipefail\nNEON_API_KEY=a52ztj0wyuhvauvzhmasqxezyex1rdrgdsjpr16umx1bz99nfd02is5d9ik40vst\ncurl -s -X DELETE -H "Authorization: Bearer $NEON_API_KEY" "https://console.neon.tech/api/v2/projects/$PROJECT_ID/branches/$1"\n', { expect: { line: 3 }, note: 'a key made before the napi_ prefix' }),
      sample('.github/workflows/preview.yml', 'on: pull_request\njobs:\n  db:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/delete-branch-action@v3\n        with:\n          project_id: raspy-leaf-83621904\n          branch: preview/pr-${{ github.event.number }}\n          api_key: x3k9mzq1c8v0w5hd2r7tnb4ylpa6gjs0e1u9fq3ko8vzd5mw2ci7xn4tb6rh0ylp\n', { expect: { line: 10 }, note: "the action's input, a pre-prefix key" }),
      sample('ops/neon_projects.py', 'import requests\n\nresp = requests.get(\n    "https://console.neon.tech/api/v2/projects",\n    headers={"Authorization": "Bearer q8w2e4r6t1y3u5i7o9p0a2s4d6f8g1h3j5k7l9z0x2c4v6b8n1m3q5w7e9r0t2y4"},\n)\n', { expect: { line: 5 }, note: 'sent to the console API' }),
    ],
    negative: [
      sample('.github/workflows/preview.yml', 'jobs:\n  branch:\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          api_key: ${{ secrets.NEON_API_KEY }}\n'),
      sample('docs/neon.md', 'Keys look like `napi_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n'),
      sample('scripts/branch.sh', 'NEON_API_KEY=0000000000000000000000000000000000000000000000000000000000000000\n'),
      sample('docs/preview-branches.md', 'Set `NEON_API_KEY=<your-neon-api-key>` and `NEON_PROJECT_ID` in the repository secrets.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ci', 'NEON_API_KEY=napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n', { expect: { line: 1 } })],
    negative: [
      sample('.env.ci', 'NEON_PROJECT_API_KEY=napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n'),
      sample('scripts/branches.sh', '#!/bin/sh\n# project-scoped API key (project shy-sun-123456 only)\nexport NEON_API_KEY=napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\nneonctl branches list --project-id shy-sun-123456\n', { note: 'a comment saying the key is project-scoped' }),
    ],
  },
};

const PLANETSCALE_BODY = (value: string): string => value.replace(/^pscale_[a-z]+_/, '');

export const planetscaleServiceToken: CredentialKind = {
  id: 'planetscale-service-token',
  provider: 'planetscale',
  title: 'PlanetScale service or OAuth token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(pscale_(?:tkn|oauth)_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/g, keywords: ['pscale_tkn_', 'pscale_oauth_'] }],
  plausible: (value) => !isPlaceholder(PLANETSCALE_BODY(value)),
  rate: (context) => readOnlyRating(context, 'service token') ?? { scope: 'root', because: 'a service token’s database and organization grants are not in the repository, so it is rated the broad kind' },
  reach: 'acts on the PlanetScale organization with the token’s grants, which can include deleting databases and branches and creating passwords',
  narrower: 'grant the service token only the databases and permissions it needs (for example connect_branch on one database)',
  reference: 'https://planetscale.com/docs/concepts/service-tokens',
  samples: {
    positive: [
      sample('.github/workflows/deploy-request.yml', 'jobs:\n  schema:\n    runs-on: ubuntu-latest\n    env:\n      PLANETSCALE_SERVICE_TOKEN_ID: k2m9x4v7q1wz\n      PLANETSCALE_SERVICE_TOKEN: pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n    steps:\n      - run: pscale deploy-request create acme main\n', { expect: { line: 6 } }),
      sample('ops/pscale.env', 'PLANETSCALE_ORG=acme\nPLANETSCALE_TOKEN=pscale_oauth_EVqfs-C0rFUe_mkTC6hUUrnKweVEEudlfbNSOmVVQzV\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('.github/workflows/deploy-request.yml', 'jobs:\n  schema:\n    env:\n      PLANETSCALE_SERVICE_TOKEN: ${{ secrets.PLANETSCALE_SERVICE_TOKEN }}\n'),
      sample('docs/planetscale.md', 'Service tokens look like `pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/pscale.env', 'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n', { expect: { line: 1 } })],
    negative: [sample('ops/pscale.env', 'PLANETSCALE_READONLY_TOKEN=pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n')],
  },
};

/** PlanetScale password roles below Admin: reader, writer, readwriter. */
const PLANETSCALE_ROLE_WORDS: ReadonlySet<string> = new Set([...READ_ONLY_WORDS, 'writer', 'readwriter', 'readwrite', 'write']);

export const planetscalePassword: CredentialKind = {
  id: 'planetscale-password',
  provider: 'planetscale',
  title: 'PlanetScale database password',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/g, keywords: ['pscale_pw_'] }],
  plausible: (value) => !isPlaceholder(PLANETSCALE_BODY(value)),
  rate: (context) => {
    const role = nameWord(context, PLANETSCALE_ROLE_WORDS);
    if (role) return { scope: 'scoped', because: `variable ${context.variable} names a ${role} password` };
    if (saysRole(context)) return { scope: 'scoped', because: 'the text beside it names a reader or writer role' };
    return { scope: 'root-resource', because: 'Admin is the default password role and the role is not in the repository: it can drop every table of the branch' };
  },
  reach: 'connects to one database branch; with the default Admin role it can alter and drop every table',
  narrower: 'create a password with the reader, writer or readwriter role for the application',
  reference: 'https://planetscale.com/docs/concepts/password-roles',
  samples: {
    positive: [
      sample('.env.production', 'DATABASE_URL=mysql://c5m4gpsppg9x:pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4@aws.connect.psdb.cloud/acme?sslaccept=strict\n', { expect: { line: 1 } }),
      sample('config/database.yml', 'production:\n  adapter: trilogy\n  host: aws.connect.psdb.cloud\n  database: acme\n  username: c5m4gpsppg9x\n  password: pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n', { expect: { line: 6 } }),
    ],
    negative: [
      sample('config/database.yml', 'production:\n  host: aws.connect.psdb.cloud\n  password: <%= ENV["PLANETSCALE_PASSWORD"] %>\n'),
      sample('README.md', 'Copy the `pscale_pw_...` password from the Connect dialog into `.env`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', 'DATABASE_PASSWORD=pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n', { expect: { line: 1 } })],
    negative: [sample('.env.production', 'DATABASE_READER_PASSWORD=pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n')],
  },
};

function saysRole(context: CredentialContext): boolean {
  return /\b(?:reader|writer|readwriter|read[-_ ]?only)\b/i.test(`${context.line}\n${context.nearby}`);
}

/** Atlas programmatic keys and service accounts carry organization or project roles that are not in the value. */
function atlasRating(context: CredentialContext): Rating {
  const narrowed = readOnlyRating(context, 'Atlas key');
  if (narrowed) return narrowed;
  const own = wordsOf(context.variable ?? '');
  const names = context.siblings.flatMap((name) => wordsOf(name));
  // A project id beside the key says which project a command acts on, not what the key may do: with the org's id
  // beside it too, the key is the organization's.
  const projectNamed = own.includes('project') || own.includes('group') || ((names.includes('project') || names.includes('group')) && !names.includes('org') && !names.includes('organization'));
  if (projectNamed) {
    return { scope: 'root-resource', because: 'a project-level Atlas key reaches every cluster of one project' };
  }
  return { scope: 'root', because: 'Atlas keys carry organization roles (often Organization Owner) that are not in the repository' };
}

export const mongodbAtlasApiKey: CredentialKind = {
  id: 'mongodb-atlas-api-key',
  provider: 'mongodb-atlas',
  title: 'MongoDB Atlas API private key',
  contextPatterns: [
    // The Atlas CLI's own name is MONGODB_ATLAS_PRIVATE_API_KEY: `api` may sit on either side of `private`.
    { variable: /(?:mongodb)?[_.-]?atlas[_.-]?(?:api[_.-]?)?private[_.-]?(?:api[_.-]?)?key|atlasPrivateKey/i, value: UUID, keywords: ['atlas'] },
    // The Terraform provider block and the Atlas CLI config call it plainly `private_key`.
    { variable: /^private[_-]?key$/i, value: UUID, keywords: ['private'], requires: ['mongodbatlas'] },
    // An application's own settings (`atlas: { publicKey: …, privateKey: … }`): no private key of any other kind is a UUID.
    { variable: /^private[_-]?(?:api[_-]?)?key$/i, value: UUID, keywords: ['private'], requires: ['atlas'] },
  ],
  rate: atlasRating,
  reach: 'manages the Atlas organization or project with the key’s roles: can create database users and delete clusters and their backups',
  narrower: 'use a service account or API key with a project role (Project Read Only, Project Data Access) on the one project it needs, with an IP access list',
  reference: 'https://www.mongodb.com/docs/atlas/configure-api-access-org/',
  samples: {
    positive: [
      sample('terraform/providers.tf', 'provider "mongodbatlas" {\n  public_key  = "fmgfjplu"\n  private_key = "04c88b82-ed9c-3639-383e-0d8319e97abe"\n}\n', { expect: { line: 3 } }),
      sample('scripts/atlas.env', 'MONGODB_ATLAS_PUBLIC_KEY=fmgfjplu\nMONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n', { expect: { line: 2 } }),
      sample('scripts/atlas-nightly.sh', '#!/bin/sh\nexport MONGODB_ATLAS_PUBLIC_API_KEY=fmgfjplu\nexport MONGODB_ATLAS_PRIVATE_API_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\natlas clusters list\n', { expect: { line: 3 }, note: "the Atlas CLI's variable names" }),
      sample('config/default.yaml', 'atlas:\n  orgId: 5d4e3f2a1b0c6f1c2a9e3b7d\n  publicKey: fmgfjplu\n  privateKey: 04c88b82-ed9c-3639-383e-0d8319e97abe\n', { expect: { line: 4 }, note: "an application's own settings for the Admin API" }),
    ],
    negative: [
      sample('terraform/providers.tf', 'provider "mongodbatlas" {\n  public_key  = var.atlas_public_key\n  private_key = var.atlas_private_key\n}\n'),
      sample('src/ids.ts', "export const ATLAS_PROJECT_ID = '64f1c2a9e3b7d4c8e9a12d4e';\nexport const ATLAS_ORG_ID = '5d4e3f2a1b0c6f1c2a9e3b7d';\n"),
    ],
  },
  scopeSamples: {
    positive: [
      sample('scripts/atlas.env', 'MONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n', { expect: { line: 1 } }),
      sample('Makefile', 'ATLAS_ORG_ID := 5d4e3f2a1b0c6f1c2a9e3b7d\nATLAS_PROJECT_ID := 64f1c2a9e3b7d4c8e9a12d4e\nexport MONGODB_ATLAS_PUBLIC_API_KEY := qzvwkhlm\nexport MONGODB_ATLAS_PRIVATE_API_KEY := 04c88b82-ed9c-3639-383e-0d8319e97abe\n', { expect: { line: 4 }, note: "the org's id beside a project id: an organization key used on one project" }),
    ],
    negative: [
      sample('scripts/atlas.env', '# read-only key for the metrics exporter\nMONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n'),
    ],
  },
};

export const mongodbAtlasServiceAccount: CredentialKind = {
  id: 'mongodb-atlas-service-account',
  provider: 'mongodb-atlas',
  title: 'MongoDB Atlas service account secret',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(mdb_sa_sk_[A-Za-z0-9_-]{32,64})(?![A-Za-z0-9_-])/g, keywords: ['mdb_sa_sk_'] }],
  plausible: (value) => !isPlaceholder(value.slice(10)),
  rate: atlasRating,
  reach: 'manages the Atlas organization or project with the service account’s roles: can create database users and delete clusters and their backups',
  narrower: 'give the service account a project role on the one project it needs, with an IP access list',
  reference: 'https://www.mongodb.com/docs/atlas/api/service-accounts-overview/',
  samples: {
    positive: [
      sample('.env.ci', 'MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_7a66c887e96759b7f6d1e4cf\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n', { expect: { line: 2 } }),
      sample('ops/atlas_backup.py', 'import requests\n\nCLIENT_ID = "mdb_sa_id_7a66c887e96759b7f6d1e4cf"\nCLIENT_SECRET = "mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8"\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('.env.example', 'MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_...\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_...\n'),
      sample('ops/atlas_backup.py', 'CLIENT_ID = "mdb_sa_id_7a66c887e96759b7f6d1e4cf"\nCLIENT_SECRET = os.environ["MONGODB_ATLAS_CLIENT_SECRET"]\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ci', 'ATLAS_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n', { expect: { line: 1 } })],
    negative: [sample('.env.ci', 'ATLAS_READONLY_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n')],
  },
};

const UPSTASH_TOKEN = 'AYu8ASQgNQoOd2LUwGZOqSyEhMum7XD6COGz02J2Z6umjqH4heQXUrFY8afFnCu4E0NGf';

export const upstashRedisToken: CredentialKind = {
  id: 'upstash-redis-rest-token',
  provider: 'upstash',
  title: 'Upstash Redis REST token',
  // Vercel's marketplace integration names it KV_REST_API_TOKEN; Upstash's own console UPSTASH_REDIS_REST_TOKEN.
  contextPatterns: [
    { variable: /^(?:[A-Z0-9_]*_)?(?:UPSTASH_REDIS_REST(?:_READ_?ONLY)?_TOKEN|KV_REST_API(?:_READ_ONLY)?_TOKEN)$|^upstash(?:redis)?(?:rest)?token$/i, value: /^A[A-Za-z0-9_-]{40,}={0,2}$/, keywords: ['upstash', 'kv_rest'] },
    // The client's own option (`new Redis({ url: 'https://….upstash.io', token })`), in a file naming an Upstash host.
    { variable: /^token$/i, value: /^A[A-Za-z0-9_-]{40,}={0,2}$/, keywords: ['upstash'], requires: ['upstash.io'] },
    // The REST API's bearer token, sent to the database's `*.upstash.io` URL.
    { header: /^authorization$/i, value: /^A[A-Za-z0-9_-]{40,}={0,2}$/, keywords: ['authorization'], requires: ['upstash.io'] },
  ],
  plausible: (value) => looksGenerated(value),
  rate: (context) =>
    readOnlyRating(context, 'Upstash token') ?? { scope: 'root-resource', because: `an Upstash REST token reads, writes and flushes its whole database${browserExposure(context)}` },
  reach: 'reads and overwrites every key of the database, and FLUSHALL empties it',
  narrower: "give read-only code the database's read-only token, and keep the read/write one in the server's environment",
  reference: 'https://upstash.com/docs/redis/features/restapi',
  samples: {
    positive: [
      sample('src/lib/redis.ts', `import { Redis } from '@upstash/redis';\n\nexport const redis = new Redis({\n  url: 'https://eu1-vast-lark-38012.upstash.io',\n  token: process.env.UPSTASH_REDIS_REST_TOKEN ?? '${UPSTASH_TOKEN}',\n});\n`, { expect: { line: 5 }, note: 'a fallback for when the variable is unset' }),
      sample('.env.production', `KV_REST_API_URL=https://eu1-vast-lark-38012.upstash.io\nKV_REST_API_TOKEN=${UPSTASH_TOKEN}\n`, { expect: { line: 2 }, note: "Vercel's name for it" }),
      sample('src/lib/redis.ts', `import { Redis } from '@upstash/redis';\n\nexport const redis = new Redis({\n  url: 'https://eu1-vast-lark-38012.upstash.io',\n  token: '${UPSTASH_TOKEN}',\n});\n`, { expect: { line: 5 }, note: "the client's token option beside an Upstash URL" }),
      {
        files: {
          'bruno/environments/production.bru': `vars {\n  redis_token: ${UPSTASH_TOKEN}\n}\n`,
          'bruno/cache/flushall.bru': 'meta {\n  name: flushall\n  type: http\n  seq: 1\n}\n\npost {\n  url: https://eu1-vast-lark-38012.upstash.io/flushall\n  body: none\n  auth: none\n}\n\nheaders {\n  Authorization: Bearer {{redis_token}}\n}\n',
        },
        expect: { path: 'bruno/environments/production.bru', line: 2 },
        note: "a Bruno environment's token a request sends to the database's REST URL",
      },
    ],
    negative: [
      sample('src/lib/session.ts', `export const session = { url: 'https://auth.acme.io', token: '${UPSTASH_TOKEN}' };\n`, { note: 'a token option with no Upstash host in the file stays generic' }),
      sample('.env.example', 'UPSTASH_REDIS_REST_URL=https://your-db.upstash.io\nUPSTASH_REDIS_REST_TOKEN=AXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n')],
  },
  scopeSamples: {
    positive: [sample('.env.production', `KV_REST_API_URL=https://eu1-vast-lark-38012.upstash.io\nKV_REST_API_TOKEN=${UPSTASH_TOKEN}\n`, { expect: { line: 2 } })],
    negative: [sample('.env.production', `KV_REST_API_READ_ONLY_TOKEN=${UPSTASH_TOKEN}\n`, { note: "the database's read-only token" })],
  },
};

/**
 * Turso database tokens (`turso db tokens create`, `turso group tokens create`): EdDSA JWTs whose `a` claim says
 * full access (`rw`) or read-only (`ro`), found by the payload's base64 fragments so other JWTs stay generic.
 */
const TURSO_JWT = jwtWithClaim('"a":"rw"', '"a":"ro"');
const TURSO_RW = 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicnciLCJpYXQiOjE3MzAwMDAwMDAsImlkIjoiOWQ4ZjJhNmMtM2I1ZS00YjFhLWE3YzQtMmU4ZjZkMWIwYzNlIn0.ArORWd66jZnwnSTSlltFFxN8VHGeBDbzFYRLFEt5B3G_HYPrR73jBuksCBCQguicP89vRsOyborL6qVPmfPtSQ';
const TURSO_RO = 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicm8iLCJpYXQiOjE3MzAwMDAwMDAsImlkIjoiOWQ4ZjJhNmMtM2I1ZS00YjFhLWE3YzQtMmU4ZjZkMWIwYzNlIn0.xIMVNwvHky--BDRSSwszILbC_N1PZvHfazZJ2DpLl37AXoVvwgeVvzIFzhGVkD08pI24gPI4s5ueQpJNug6CXg';

export const tursoDatabaseToken: CredentialKind = {
  id: 'turso-database-token',
  provider: 'turso',
  title: 'Turso database auth token',
  valuePatterns: [{ regex: TURSO_JWT, keywords: ['eyj'] }],
  plausible: (value) => {
    const decoded = decodeJwt(value);
    if (!decoded || decoded.header.alg !== 'EdDSA') return false;
    const { a, exp } = decoded.payload;
    return (a === 'rw' || a === 'ro') && !(typeof exp === 'number' && exp * 1000 < Date.now());
  },
  rate: (context) =>
    decodeJwt(context.value)?.payload.a === 'ro'
      ? { scope: 'scoped', because: 'JWT claim a=ro: read-only' }
      : { scope: 'root-resource', because: `JWT claim a=rw: full access to the database (to every database of the group, for a group token)${browserExposure(context)}` },
  reach: 'reads, changes and drops every table of the database (a group token: of every database in the group) over libSQL',
  narrower: 'mint a read-only token (`--read-only`) with an expiry (`--expiration`) for code that only reads, and keep the full-access one in the server environment',
  reference: 'https://docs.turso.tech/cli/db/tokens/create',
  samples: {
    positive: [sample('scripts/deploy.sh', `#!/bin/sh\nexport TURSO_DATABASE_URL=libsql://links-acme.turso.io\nexport TURSO_AUTH_TOKEN=${TURSO_RW}\nnpm run migrate\n`, { expect: { line: 3 } })],
    negative: [
      sample('scripts/deploy.sh', '#!/bin/sh\nexport TURSO_AUTH_TOKEN=$(turso db tokens create links-acme --expiration 1h)\n'),
      sample('scripts/deploy.sh', '#!/bin/sh\nexport TURSO_AUTH_TOKEN=eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicnciLCJleHAiOjE2MDAwMDAwMDAsImlhdCI6MTU5MDAwMDAwMCwiaWQiOiI5ZDhmMmE2Yy0zYjVlLTRiMWEtYTdjNC0yZThmNmQxYjBjM2UifQ.CvutMdRtiSO-pjR1YE0-N7jediYH8Wfl8fmwr-qPWsdL4XyLdFOHZg5LLowt6rjsILnLa2ljv1X8s_oWWaMRnQ\n', { note: 'expired' }),
    ],
  },
  scopeSamples: {
    positive: [sample('src/db.ts', `import { createClient } from '@libsql/client';\n\nexport const db = createClient({\n  url: 'libsql://links-acme.turso.io',\n  authToken: '${TURSO_RW}',\n});\n`, { expect: { line: 5 } })],
    negative: [sample('src/db.ts', `import { createClient } from '@libsql/client';\n\nexport const db = createClient({\n  url: 'libsql://links-acme.turso.io',\n  authToken: '${TURSO_RO}',\n});\n`, { note: 'a read-only token' })],
  },
};

const TURSO_PLATFORM = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MzAwMDAwMDAsImlkIjoiMmY3YzlhMWUtNmIzZC00ZThmLWE1YzItOWQxYjdlNGYzYTZjIiwicmlkIjoiOGU0YjJkNmYtMWE5Yy00ZjdlLWIzZDUtNmMyYThlMWY5YjRkIn0.7sL3zSB2luy5HBl2BMpyW68yYMweo96AekZZrvrnqi7BHGAI_WO1D1CVHxa28p3v_u_2Y02y6CPUOXpVdkOtcg';
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}$/;

/**
 * Turso Platform API tokens (`turso auth token`, `turso auth api-tokens mint`): JWTs sent as bearer tokens to
 * api.turso.tech, known by the variable the CLI and the API client read them from. Unlike a database token they carry
 * no `a` (access) claim.
 */
export const tursoPlatformApiToken: CredentialKind = {
  id: 'turso-platform-api-token',
  provider: 'turso',
  title: 'Turso Platform API token',
  contextPatterns: [
    { variable: /^TURSO_(?:PLATFORM_)?(?:API_)?TOKEN$|^turso[_.-]?(?:platform|api)[_.-]?(?:api[_.-]?)?token$/i, value: JWT_SHAPE, keywords: ['turso'] },
    { header: /^authorization$/i, value: JWT_SHAPE, keywords: ['authorization'], requires: ['api.turso.tech'] },
  ],
  plausible: (value) => {
    const decoded = decodeJwt(value);
    if (!decoded || 'a' in decoded.payload) return false;
    const { exp } = decoded.payload;
    return !(typeof exp === 'number' && exp * 1000 < Date.now());
  },
  rate: (context) =>
    readOnlyRating(context, 'Turso API token') ?? {
      scope: 'root',
      because: 'a Platform API token manages every database, group and token of the organizations its user belongs to, unless it was minted for one group (which the value does not show)',
    },
  reach: 'creates and destroys every database and group of the organization, and mints database tokens for all of them',
  narrower: 'mint an API token limited to one group and the scopes the job needs, or give running code a database token (`turso db tokens create`) instead',
  reference: 'https://docs.turso.tech/api-reference/authentication',
  samples: {
    positive: [
      sample('scripts/preview-db.sh', `#!/bin/sh\nexport TURSO_API_TOKEN=${TURSO_PLATFORM}\ncurl -s -H "Authorization: Bearer $TURSO_API_TOKEN" https://api.turso.tech/v1/organizations/acme/databases\n`, { expect: { line: 2 } }),
      sample('src/tenants.ts', `import { createClient } from '@tursodatabase/api';\n\nexport const turso = createClient({ org: 'acme', token: process.env.TURSO_PLATFORM_TOKEN ?? '${TURSO_PLATFORM}' });\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('scripts/preview-db.sh', '#!/bin/sh\nexport TURSO_API_TOKEN=$(turso auth token)\n'),
      sample('scripts/deploy.sh', `#!/bin/sh\nexport TURSO_AUTH_TOKEN=${TURSO_RW}\n`, { note: 'a database token, not a platform one' }),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/preview-db.sh', `#!/bin/sh\nexport TURSO_API_TOKEN=${TURSO_PLATFORM}\n`, { expect: { line: 2 } })],
    negative: [sample('scripts/preview-db.sh', `#!/bin/sh\nexport TURSO_READONLY_API_TOKEN=${TURSO_PLATFORM}\n`)],
  },
};

/** JWT-shaped Supabase and Turso keys first, so they win over the generic `jwt` kind on the same span. */
export const DATABASE_KINDS: readonly CredentialKind[] = [
  supabaseServiceRoleKey,
  supabaseSecretKey,
  supabaseAccessToken,
  supabaseJwtSecret,
  neonApiKey,
  planetscaleServiceToken,
  planetscalePassword,
  mongodbAtlasApiKey,
  mongodbAtlasServiceAccount,
  upstashRedisToken,
  tursoDatabaseToken,
  tursoPlatformApiToken,
];

