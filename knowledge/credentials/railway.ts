// Railway: every token is a bare UUID, so the kind comes from where it is bound (RAILWAY_API_TOKEN vs RAILWAY_TOKEN),
// the header it is sent with, and the API it is sent to. The incident's token was an account token.
import { sample } from '../../src/model.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { UUID } from './values.js';

const REFERENCE = 'https://docs.railway.com/integrations/api';

/**
 * A UUID that prose calls a Railway token, on one line: "the Railway API token is 6f1c…", "Railway project token:
 * 0b1a…" (in agent rules, runbooks, comments). `RAILWAY_TOKEN=` and `RAILWAY_API_TOKEN=` are bindings, read by name.
 */
const PROSE_ACCOUNT_TOKEN = /\brailway\b(?:(?!\bproject\b)[^\n]){0,70}?\btokens?\b[^\n0-9a-f]{0,30}(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
/** A Bruno collection: its production environment binds a Railway token, a request in another file sends it. */
const BRUNO_COLLECTION = {
  'ops-api/environments/production.bru': 'vars {\n  base_url: https://backboard.railway.com/graphql/v2\n  railway_token: 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\n}\n',
  'ops-api/deploy/redeploy.bru': 'meta {\n  name: redeploy\n  type: http\n  seq: 1\n}\n\npost {\n  url: {{base_url}}\n  body: graphql\n  auth: none\n}\n\nheaders {\n  Project-Access-Token: {{railway_token}}\n}\n',
};

const PROSE_PROJECT_TOKEN = /\brailway\b[^\n]{0,40}?\bproject\b[^\n]{0,30}?\btokens?\b[^\n0-9a-f]{0,30}(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
/**
 * The same prose on the line above the value, as a comment names the assignment under it
 * (`// railway account token (dashboard → Account → Tokens)` then `const token = '…'`), or after it on its line
 * (`const token = '…'; // railway account token`).
 */
const COMMENTED_ACCOUNT_TOKEN = /\brailway\b(?:(?!\bproject\b)[^\n]){0,70}?\btokens?\b[^\n]*\n[^\n]{0,60}?(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
const TRAILING_ACCOUNT_TOKEN = /(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])[^\n0-9a-f]{0,20}(?:\/\/|#|--|\/\*)[^\n]{0,20}?\brailway\b(?:(?!\bproject\b)[^\n]){0,40}?\btokens?\b/gi;
/**
 * A UUID prose calls an account or workspace token, in a file that names Railway elsewhere (notes that wrap: "Staging
 * runs on Railway. If deploys fail, use the\n account token 6f1c…"): Railway's tokens are the UUIDs called so. A chat
 * message may run on for a sentence before the value ("use my account token, I made it when … : 6f1c…"); past a few
 * words, a colon or "is" must introduce it, as the value a sentence names rather than some other id it mentions.
 */
const NAMED_ACCOUNT_TOKEN = /\b(?:account|workspace|team)[ ]tokens?\b(?:[^\n0-9a-f]{0,30}|(?:(?![0-9a-f]{8}-)[^\n"]){0,160}?(?:(?<!\bids?)[:=]|\bis)[ \t]*)(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
const WORKSPACE_HINT = /workspaceId|teamId|workspace_id|team_id/;

function rateAccount(context: CredentialContext): Rating {
  const name = context.variable ?? context.header ?? 'the value';
  if (/project/i.test(context.variable ?? '')) return { scope: 'scoped', because: `variable ${context.variable} names a project token` };
  if (WORKSPACE_HINT.test(context.line) || /team|workspace/i.test(context.variable ?? '')) {
    return { scope: 'root', because: `${name} is a workspace token: every project in the workspace` };
  }
  // Project tokens go in their own header; a bearer token is an account's or a workspace's.
  if (/^authorization$/i.test(context.header ?? '')) {
    return { scope: 'root', because: `${name} is sent as a bearer token, which Railway takes only from account and workspace tokens (project tokens use Project-Access-Token)` };
  }
  return { scope: 'root', because: `${name} holds account or workspace tokens, and a UUID cannot show which, so it is rated the broad kind` };
}

export const railwayAccountToken: CredentialKind = {
  id: 'railway-account-token',
  provider: 'railway',
  title: 'Railway account token',
  valuePatterns: [
    { regex: PROSE_ACCOUNT_TOKEN, keywords: ['railway'] },
    { regex: COMMENTED_ACCOUNT_TOKEN, keywords: ['railway'] },
    { regex: TRAILING_ACCOUNT_TOKEN, keywords: ['railway'] },
    { regex: NAMED_ACCOUNT_TOKEN, keywords: ['account token', 'workspace token', 'team token'], requires: ['railway'] },
  ],
  contextPatterns: [
    // RAILWAY_API_TOKEN is the CLI's variable for account and workspace tokens; other Railway-named token
    // variables (project tokens are matched first) are rated the same way because a UUID never shows its kind.
    { variable: /railway.*(?:token|key)/i, value: UUID, keywords: ['railway'] },
    // A bearer UUID sent to Railway's public GraphQL API is a user or workspace token (project tokens use their own header).
    { header: /^authorization$/i, value: UUID, keywords: ['authorization'], requires: ['backboard.railway'] },
    // The same token kept in a variable first, in a file that calls that API (`const token = '…'` then `Bearer ${token}`).
    { variable: /^(?:(?:api|auth|access|bearer)[_-]?)?token$/i, value: UUID, keywords: ['token'], requires: ['backboard.railway', 'bearer'] },
    // A bare `token` under a Railway section of a config file (`railway:` in YAML, `[railway]` in TOML).
    { section: /(?:^|[._-])railway$/i, variable: /^(?:(?:api|account|team|workspace|auth|access)[_-]?)?token$/i, value: UUID, keywords: ['token'], requires: ['railway'] },
  ],
  rate: rateAccount,
  reach: 'can delete every project, service, volume and backup in every workspace the account belongs to',
  narrower: 'use a project token in RAILWAY_TOKEN, bound to one environment of one project',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('scripts/redeploy.sh', '#!/usr/bin/env bash\nset -euo pipefail\nexport RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nrailway up --service api\n', { expect: { line: 3 } }),
      sample('Makefile', 'RAILWAY_API_TOKEN ?= 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nexport RAILWAY_API_TOKEN\n\ndeploy:\n\trailway up --service api --environment staging\n', { expect: { line: 1 }, note: "a Makefile's default, which the environment may override" }),
      {
        files: {
          'http/http-client.env.json': '{\n  "production": { "host": "https://backboard.railway.com/graphql/v2" }\n}\n',
          'http/http-client.private.env.json': '{\n  "production": { "railway": "6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c" }\n}\n',
          'http/volumes.http': '### Delete volume\nPOST {{host}}\nAuthorization: Bearer {{railway}}\nContent-Type: application/json\n\n{ "query": "mutation { volumeDelete(volumeId: \\"{{volume}}\\") }" }\n',
        },
        expect: { path: 'http/http-client.private.env.json', line: 2 },
        note: "the JetBrains client's private environment: the API's host is in the shared one, the request sends the token as a bearer",
      },
      sample('AGENTS.md', '# Agent notes\n\n- Staging runs on Railway (project acme-staging). If deploys fail with "unauthorized", use the\n  account token 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c with `railway link`.\n', { expect: { line: 4 }, note: 'prose that wraps: Railway on the line above, the account token on its own' }),
      sample(
        'slack-export/ops-incidents/2026-11-02.json',
        '[\n  {\n    "type": "message",\n    "text": "use my account token, I made it last week when we moved the staging db off the old cluster: 7d3e9a41-2c6b-4f08-9b1e-5a7c3d2e8f14",\n    "ts": "1762070460.000200"\n  },\n  { "type": "message", "text": "thanks, the Railway deploy is green now", "ts": "1762070580.000400" }\n]\n',
        { expect: { line: 4 }, note: "a chat export's message: a sentence between the words and the value, Railway named in the next message" },
      ),
      sample(
        'infra/terraform.tfstate',
        '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "outputs": {\n    "railway_api_token": {\n      "value": "6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c",\n      "type": "string",\n      "sensitive": true\n    }\n  },\n  "resources": []\n}\n',
        { expect: { line: 6 }, note: 'a sensitive output is plain text in state, named by the output' },
      ),
      sample('src/ops/railway.ts', "const res = await fetch('https://backboard.railway.com/graphql/v2', {\n  method: 'POST',\n  headers: { Authorization: 'Bearer 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c', 'Content-Type': 'application/json' },\n  body: JSON.stringify({ query: '{ me { email } }' }),\n});\n", { expect: { line: 3 } }),
      sample('docs/deploy.md', '## Deploying by hand\n\n```\nRAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c railway redeploy --yes\n```\n', { expect: { line: 4 } }),
      sample('docs/runbooks/railway.md', '# Railway\n\n- Account token (dashboard → Account → Tokens): `6f1c2a9e-4b7d-4e3a-9c8f-2d5b1a7e3c90`\n- Project: shop-api\n', { expect: { line: 3 }, note: "a runbook's label with the dashboard's menu path in it, under the provider's heading" }),
      sample('.windsurfrules', 'Deploy with `railway up`. The Railway API token is 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c (account token, do not share).\n', { expect: { line: 1 }, note: 'prose in an agent rules file' }),
      sample('config/deploy.toml', '[app]\nname = "shoplet"\n\n[railway]\n# team account token, for the cleanup job\napi_token = "6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c"\nproject = "shoplet"\n', { expect: { line: 6 }, note: 'a TOML table names the provider' }),
      sample('config/settings.yml', 'database:\n  pool: 10\nintegrations:\n  railway:\n    token: 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\n    environment: production\n', { expect: { line: 5 }, note: 'a YAML parent key names the provider' }),
      sample(
        'scripts/staging-db-fix.ts',
        "const RAILWAY_API = 'https://backboard.railway.app/graphql/v2';\nconst token = 'fa36481f-0317-487d-a1ca-abd90f1ee844';\n\nexport async function gql(query: string) {\n  const res = await fetch(RAILWAY_API, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });\n  return res.json();\n}\n",
        { expect: { line: 2 }, note: "the incident's shape: a token in a variable, sent as a bearer to Railway's API" },
      ),
      sample('scripts/fix.py', '# railway account token (dashboard -> Account -> Tokens)\nTOKEN = "fa36481f-0317-487d-a1ca-abd90f1ee844"\n', { expect: { line: 2 }, note: 'named by the comment above it' }),
      sample('scripts/fix.sh', 'TOKEN=fa36481f-0317-487d-a1ca-abd90f1ee844 # railway account token\n', { expect: { line: 1 }, note: 'named by the comment after it' }),
      sample(
        'RUNBOOK.md',
        '# Runbook\n\n## Access\n\n| Service | Credential | Notes |\n|---|---|---|\n| Railway (team account) | `fa36481f-0317-487d-a1ca-abd90f1ee844` | nightly cleanup job |\n',
        { expect: { line: 7 }, note: "a runbook's table: the provider in the row's label, the secret word in the column's header" },
      ),
      sample(
        'postman/ops.postman_collection.json',
        '{\n  "info": { "name": "Ops" },\n  "auth": {\n    "type": "bearer",\n    "bearer": [{ "key": "token", "value": "fa36481f-0317-487d-a1ca-abd90f1ee844", "type": "string" }]\n  },\n  "item": [{ "name": "me", "request": { "method": "POST", "url": { "raw": "https://backboard.railway.com/graphql/v2" } } }]\n}\n',
        { expect: { line: 5 }, note: "a Postman collection's bearer auth, named by its `key`" },
      ),
      sample(
        'docs/access.html',
        '<h2>Deploy credentials</h2>\n<table>\n  <thead>\n    <tr><th>Service</th><th>Token</th><th>Notes</th></tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>Railway</td>\n      <td><code>fa36481f-0317-487d-a1ca-abd90f1ee844</code></td>\n      <td>nightly cleanup</td>\n    </tr>\n  </tbody>\n</table>\n',
        { expect: { line: 9 }, note: 'an HTML table: `Railway | Token` names a Railway token of either kind, rated the broad one' },
      ),
      sample(
        'docs/operations.rst',
        'Credentials\n-----------\n\n.. list-table:: Service credentials\n   :header-rows: 1\n\n   * - Service\n     - Token\n   * - Railway\n     - ``fa36481f-0317-487d-a1ca-abd90f1ee844``\n',
        { expect: { line: 10 }, note: "reStructuredText's list table" },
      ),
      sample(
        'docs/handover.html',
        '<h2>Billing API</h2>\n<table class="settings">\n  <tr><th>Project</th><td>billing-api</td></tr>\n  <tr><th>Railway API token</th><td><code>fa36481f-0317-487d-a1ca-abd90f1ee844</code></td></tr>\n  <tr><th>Environment</th><td>production</td></tr>\n</table>\n',
        { expect: { line: 4 }, note: 'an HTML table of settings, one per row: no header row, each row names its own value' },
      ),
      sample(
        'insomnia.json',
        '{\n  "_type": "export",\n  "__export_format": 4,\n  "resources": [\n    {\n      "_id": "req_8f2c1a0b",\n      "url": "https://backboard.railway.app/graphql/v2",\n      "method": "POST",\n      "headers": [\n        {\n          "name": "Authorization",\n          "value": "Bearer {{ _.railway_token }}"\n        }\n      ],\n      "_type": "request"\n    },\n    {\n      "_id": "env_3c4d5e6f",\n      "name": "Base Environment",\n      "data": {\n        "railway_token": "fa36481f-0317-487d-a1ca-abd90f1ee844"\n      },\n      "_type": "environment"\n    }\n  ]\n}\n',
        { expect: { line: 21 }, note: "an Insomnia export: a lowercase `railway_token` is not the CLI's RAILWAY_TOKEN, and the request sends it as a bearer" },
      ),
      sample(
        'scripts/whoami.sh',
        '#!/bin/sh\nRAILWAY_TOKEN=fa36481f-0317-487d-a1ca-abd90f1ee844\ncurl -s https://backboard.railway.com/graphql/v2 \\\n  -H "Authorization: Bearer $RAILWAY_TOKEN" \\\n  -d \'{"query":"{ me { email } }"}\'\n',
        { expect: { line: 2 }, note: 'named as a project token, sent as a bearer: only account and workspace tokens are' },
      ),
      {
        files: {
          'postman/Railway.postman_environment.json':
            '{\n  "name": "Railway prod",\n  "values": [\n    { "key": "baseUrl", "value": "https://backboard.railway.com/graphql/v2", "type": "default", "enabled": true },\n    { "key": "token", "value": "fa36481f-0317-487d-a1ca-abd90f1ee844", "type": "secret", "enabled": true }\n  ],\n  "_postman_variable_scope": "environment"\n}\n',
          'postman/Railway.postman_collection.json':
            '{\n  "info": { "name": "Railway" },\n  "item": [\n    {\n      "name": "me",\n      "request": {\n        "method": "POST",\n        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }],\n        "url": { "raw": "{{baseUrl}}" }\n      }\n    }\n  ]\n}\n',
        },
        expect: { path: 'postman/Railway.postman_environment.json', line: 5 },
        note: "a Postman environment's `token` beside Railway's API, sent as a bearer by the collection exported beside it",
      },
    ],
    negative: [
      sample('docs/railway.md', '# Railway\n\nThe account token lives in 1Password (vault Ops); the workspace id: 7d3e9a41-2c6b-4f08-9b1e-5a7c3d2e8f14\n', { note: 'a sentence about the token, then an id it names' }),
      { files: BRUNO_COLLECTION, note: "a request of the collection sends the environment's token as a project token" },
      sample('docs/support.md', '# Support\n\nOpen a ticket with your account token 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c ready.\n', { note: 'an account token in a file that never names Railway' }),
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}\n    steps:\n      - run: railway up\n'),
      sample('docs/deploy.md', 'Set `RAILWAY_API_TOKEN=XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` (create one under Account Settings).\n'),
      sample('src/ids.ts', "export const RAILWAY_PROJECT_ID = '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c';\nexport const RAILWAY_SERVICE_ID = '0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6';\n"),
      sample('docs/railway.md', 'Railway project 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c hosts the API; create a token under Account Settings.\n', { note: 'a project id, and a token mentioned without one' }),
      sample('src/railway.ts', "// Railway project token comes from RAILWAY_TOKEN\nconst projectId = '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c';\n", { note: 'a comment about a project token above a project id' }),
      sample('config/settings.yml', 'railway:\n  project_id: 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nsentry:\n  token: 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\n', { note: "the token sits under another provider's section" }),
      sample('docs/ids.md', '| Service | Project ID | Environment ID |\n|---|---|---|\n| Railway token service | 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c | 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6 |\n', { note: 'a table of ids: its columns name identifiers' }),
      sample('docs/ids.html', '<table>\n  <tr><th>Service</th><th>Project ID</th><th>Token</th></tr>\n  <tr><td>Railway</td><td>6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c</td><td>see 1Password</td></tr>\n</table>\n', { note: 'an HTML table whose token column says where the token is kept' }),
      sample('docs/handover.html', '<table>\n  <tr><th>Railway project</th><td>fa36481f-0317-487d-a1ca-abd90f1ee844</td></tr>\n  <tr><th>Railway API token</th><td>in 1Password (Ops vault)</td></tr>\n</table>\n', { note: 'a settings table whose token row says where the token is kept' }),
      sample('docs/ids.rst', '.. list-table::\n   :header-rows: 1\n\n   * - Service\n     - Project ID\n   * - Railway\n     - 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\n', { note: 'a list table of ids' }),
    ],
  },
  scopeSamples: {
    positive: [sample('config/deploy.ts', "export const railway = { apiToken: process.env.RAILWAY_API_TOKEN ?? '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c' };\n", { expect: { line: 1 } })],
    negative: [
      sample('config/deploy.ts', "export const railway = { token: process.env.RAILWAY_TOKEN ?? '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c' };\n"),
      { files: BRUNO_COLLECTION, note: 'sent as a project token by a request in another file of the collection' },
    ],
  },
};

export const railwayProjectToken: CredentialKind = {
  id: 'railway-project-token',
  provider: 'railway',
  title: 'Railway project token',
  valuePatterns: [{ regex: PROSE_PROJECT_TOKEN, keywords: ['railway'] }],
  contextPatterns: [
    // The CLI's own variable, as the CLI spells it: `railway_token` in an API client's environment or a `Railway |
    // Token` table row is a Railway token of either kind, and a UUID cannot say which (rated the broad kind).
    { variable: /^RAILWAY_TOKEN$/, literal: true, value: UUID, keywords: ['railway'] },
    { variable: /railway.*project.*token/i, value: UUID, keywords: ['railway'] },
    { header: /^project-access-token$/i, value: UUID, keywords: ['project-access-token'] },
  ],
  rate: () => ({ scope: 'scoped', because: 'a project token reaches one environment of one project' }),
  reach: 'can deploy, redeploy and read logs in one environment of one project',
  narrower: 'already the narrowest Railway token; keep it in CI secrets rather than in the repository',
  reference: 'https://docs.railway.com/cli/login',
  samples: {
    positive: [
      sample('.gitlab-ci.yml', 'deploy:\n  stage: deploy\n  variables:\n    RAILWAY_TOKEN: "0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6"\n  script:\n    - railway up --service web\n', { expect: { line: 4 } }),
      sample('scripts/logs.py', 'import requests\nrequests.post(URL, headers={"Project-Access-Token": "0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6"})\n', { expect: { line: 2 } }),
      sample('CLAUDE.md', '# Deploying\n\nUse the Railway project token 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6 for the staging environment.\n', { expect: { line: 3 }, note: 'prose in an agent instructions file' }),
      sample(
        'api/railway.http',
        '@token = 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\n\n### Redeploy\nPOST https://backboard.railway.com/graphql/v2\nProject-Access-Token: {{token}}\nContent-Type: application/json\n',
        { expect: { line: 1 }, note: 'the header the request sends the variable with says its kind' },
      ),
      sample(
        'notebooks/redeploy.ipynb',
        '{\n "cells": [\n  {\n   "cell_type": "code",\n   "metadata": {},\n   "outputs": [],\n   "source": [\n    "import requests\\n",\n    "token = \\"0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\\"\\n",\n    "requests.post(\\"https://backboard.railway.com/graphql/v2\\", headers={\\"Project-Access-Token\\": token}, json={\\"query\\": q})\\n"\n   ]\n  }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
        { expect: { line: 9 }, note: "a notebook's cell, its quotes escaped in the JSON" },
      ),
      { files: BRUNO_COLLECTION, expect: { path: 'ops-api/environments/production.bru', line: 3 }, note: "an API client's environment file, sent as a project token by a request in another file" },
    ],
    negative: [sample('.gitlab-ci.yml', 'deploy:\n  variables:\n    RAILWAY_TOKEN: $RAILWAY_TOKEN\n  script:\n    - railway up\n')],
  },
};

/** Project tokens first: the account kind's variable pattern is the catch-all for Railway-named tokens. */
export const RAILWAY_KINDS: readonly CredentialKind[] = [railwayProjectToken, railwayAccountToken];
