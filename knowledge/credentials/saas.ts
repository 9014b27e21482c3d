// SaaS APIs: Slack, OpenAI, Anthropic, Twilio, SendGrid, Mailgun, Linear, Shopify. Most prefixes say which kind of
// key it is (an admin key, a project key, a bot token); the permissions chosen at creation never show, so keys that
// can be account-wide are rated account-wide unless their name says otherwise.
import { sample } from '../../src/model.js';
import { nameWord, readOnlyRating, TEST_WORDS } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { isPlaceholder, looksRandom } from './values.js';

const SLACK_TOKENS = 'https://docs.slack.dev/authentication/tokens';

/** Every numeric and random group of a Slack token must look issued, not typed (`xoxp-1234-1234-...`). */
function slackGroupsReal(value: string): boolean {
  const groups = value.split('-').slice(1);
  return groups.every((group) => group.length < 6 || !isPlaceholder(group)) && !isPlaceholder(groups[groups.length - 1] ?? '');
}

const SLACK_USER = /^(?:xox[pos]-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxa-2-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxc-\d{6,14}-\d{6,14}-\d{6,14}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{60,400})$/;

export const slackUserToken: CredentialKind = {
  id: 'slack-user-token',
  provider: 'slack',
  title: 'Slack user or session token',
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9_.-])(xox[pos]-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxa-2-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxc-\d{6,14}-\d{6,14}-\d{6,14}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{60,400})(?![A-Za-z0-9_-])/g,
      keywords: ['xoxp-', 'xoxo-', 'xoxs-', 'xoxa-', 'xoxc-', 'xoxd-'],
    },
  ],
  // secretlint's Slack matches that none of our shapes explain arrive here too: keep only user and session shapes.
  plausible: (value) => SLACK_USER.test(value) && (value.startsWith('xoxd-') ? !isPlaceholder(value.slice(5)) : slackGroupsReal(value)),
  rate: (context) =>
    readOnlyRating(context, 'Slack token') ?? {
      scope: 'root',
      because: context.value.startsWith('xoxc-') || context.value.startsWith('xoxd-')
        ? 'a browser session token acts as the signed-in user with every permission they have'
        : 'a user token acts as the user across the workspace with the scopes it was granted, which the value does not show',
    },
  reach: 'reads and posts as the user in every channel and DM they can see; an admin’s token can manage the workspace',
  narrower: 'use a bot token (xoxb-) with the few scopes the integration needs, installed in the channels it serves',
  reference: SLACK_TOKENS,
  samples: {
    positive: [
      sample('scripts/export_channel.py', 'from slack_sdk import WebClient\n\nclient = WebClient(token="xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d")\nhistory = client.conversations_history(channel="C024BE91L")\n', { expect: { line: 3 } }),
      sample('tools/slackdump.env', 'SLACK_TOKEN=xoxc-124439794965-490816356776-4218710679492-0ae6efa7c39c46647d227dc1483bc6a49bde2d0d838e5e0302eb679dc3e45221\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('config/slack.yml', 'slack:\n  user_token: ${SLACK_USER_TOKEN}\n  channel: "#deploys"\n'),
      sample('docs/slack.md', 'User tokens look like `xoxp-1234567890-1234567890-1234567890-abcdefabcdefabcdefabcdefabcdefab`.\n'),
      sample('src/notify.ts', "const client = new WebClient('xoxb-your-token-here');\n"),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/export_channel.py', 'SLACK_USER_TOKEN = "xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d"\n', { expect: { line: 1 } })],
    negative: [sample('scripts/export_channel.py', 'SLACK_READONLY_TOKEN = "xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d"\n')],
  },
};

const SLACK_BOT = /^(?:xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,34}|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]{9,14}-\d{10,14}-[a-f0-9]{64}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{160,170}|xoxe-\d-[A-Za-z0-9]{140,150})$/;

export const slackBotToken: CredentialKind = {
  id: 'slack-bot-token',
  provider: 'slack',
  title: 'Slack bot, app or configuration token',
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9_.-])(xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,34}|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]{9,14}-\d{10,14}-[a-f0-9]{64}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{160,170}|xoxe-\d-[A-Za-z0-9]{140,150})(?![A-Za-z0-9_-])/g,
      keywords: ['xoxb-', 'xapp-', 'xoxe'],
    },
  ],
  plausible: (value) => SLACK_BOT.test(value) && slackGroupsReal(value),
  rate: fixed('scoped', 'a bot or app token is limited to its app’s scopes in one workspace'),
  reach: 'acts as the app in one workspace with the scopes it was installed with: reading and posting where the bot is a member',
  narrower: 'already app-scoped; keep it in a secret store and trim the app’s scopes to what it uses',
  reference: SLACK_TOKENS,
  samples: {
    positive: [
      sample('bot/app.js', "const { App } = require('@slack/bolt');\n\nconst app = new App({\n  token: 'xoxb-370731019946-3692076194166-Epmwh01B3p59czbxB6VGSrKG',\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n});\n", { expect: { line: 4 } }),
      sample('deploy/bot.env', 'SLACK_APP_TOKEN=xapp-1-AVNAJ42E39E-7419110051305-b6755b0e4c7c83cfa2bd637b7afb2405f10c51a9cd58e2e2d425aef95cc186ce\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('bot/app.js', "const app = new App({ token: process.env.SLACK_BOT_TOKEN }); // xoxb-...\n"),
      sample('README.md', 'Set `SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx` in `.env`.\n'),
    ],
  },
};

export const slackWebhook: CredentialKind = {
  id: 'slack-webhook',
  provider: 'slack',
  title: 'Slack incoming webhook URL',
  valuePatterns: [
    {
      regex: /(https?:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}|workflows\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/\d{15,20}\/[A-Za-z0-9]{24}|triggers\/T[A-Z0-9]{8,12}\/\d{10,20}\/[a-f0-9]{32}))(?![A-Za-z0-9])/g,
      keywords: ['hooks.slack.com'],
    },
  ],
  plausible: (value) => /^https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\//.test(value) && !isPlaceholder(value) && !isPlaceholder(value.slice(value.lastIndexOf('/') + 1)),
  rate: fixed('scoped', 'a webhook posts to one channel'),
  exposedSeverity: 'low',
  reach: 'posts messages to one channel, which can be used to phish the people who read it',
  narrower: 'already narrow; keep the URL in a secret store and regenerate it if it leaks',
  reference: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks',
  samples: {
    positive: [
      sample('.github/workflows/notify.yml', 'jobs:\n  notify:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -X POST -H "Content-type: application/json" --data \'{"text":"Deployed"}\' \\\n            https://hooks.slack.com/services/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\n', { expect: { line: 7 } }),
      sample('alerting/config.py', 'ALERT_WEBHOOK = "https://hooks.slack.com/services/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"\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('alerting/config.py', 'ALERT_WEBHOOK = os.environ["SLACK_WEBHOOK_URL"]  # https://hooks.slack.com/services/...\n'),
      sample('docs/alerts.md', 'Paste the URL (`https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`).\n'),
    ],
  },
};

const OPENAI_BODY = '(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})';
const OPENAI_REFERENCE = 'https://platform.openai.com/docs/api-reference/authentication';
const openaiBodyReal = (value: string): boolean => !isPlaceholder(value.replace(/^sk-[a-z]*-?/, '').split('T3BlbkFJ')[0] ?? '');

export const openaiAdminKey: CredentialKind = {
  id: 'openai-admin-key',
  provider: 'openai',
  title: 'OpenAI admin key',
  valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-admin-${OPENAI_BODY})(?![A-Za-z0-9_-])`, 'g'), keywords: ['t3blbkfj'] }],
  plausible: openaiBodyReal,
  rate: fixed('root', 'an admin key manages the organization: its users, projects, API keys and billing data'),
  reach: 'manages the OpenAI organization: invites and removes users, creates and deletes projects and API keys',
  narrower: 'use a project API key (or a service account key) for inference; keep admin keys out of code entirely',
  reference: 'https://platform.openai.com/docs/api-reference/administration',
  samples: {
    positive: [
      sample('ops/rotate_keys.py', 'import requests\n\nADMIN_KEY = "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"\nrequests.get("https://api.openai.com/v1/organization/projects", headers={"Authorization": f"Bearer {ADMIN_KEY}"})\n', { expect: { line: 3 } }),
      sample('.env.ops', 'OPENAI_ADMIN_KEY=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\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('ops/rotate_keys.py', 'ADMIN_KEY = os.environ["OPENAI_ADMIN_KEY"]  # sk-admin-...\n'),
      sample('docs/admin-api.md', 'Admin keys start with `sk-admin-` and are created in the organization settings.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ops', 'OPENAI_ADMIN_KEY=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\n', { expect: { line: 1 } })],
    negative: [sample('.env.ops', 'OPENAI_API_KEY=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\n')],
  },
};

export const openaiProjectKey: CredentialKind = {
  id: 'openai-project-key',
  provider: 'openai',
  title: 'OpenAI project or service account key',
  valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-(?:proj|svcacct)-${OPENAI_BODY})(?![A-Za-z0-9_-])`, 'g'), keywords: ['t3blbkfj'] }],
  plausible: openaiBodyReal,
  rate: fixed('scoped', 'a project key reaches one project (its All, Restricted or Read-only permission is not in the value)'),
  reach: 'calls the API as one project: spends its budget and reads its files, assistants and fine-tunes',
  narrower: 'already project-bound; give it Restricted permissions and a budget limit, and keep it in a secret store',
  reference: OPENAI_REFERENCE,
  samples: {
    positive: [
      sample('app/llm.py', 'from openai import OpenAI\n\nclient = OpenAI(api_key="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")\n', { expect: { line: 3 } }),
      sample('notebooks/eval.ipynb', '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "import os\\n",\n    "os.environ[\\"OPENAI_API_KEY\\"] = \\"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\\"\\n"\n   ]\n  }\n ]\n}\n', { expect: { line: 7 } }),
      sample('notebooks/rag.ipynb', '{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 1,\n   "metadata": {},\n   "outputs": [],\n   "source": [\n    "import os\\n",\n    "os.environ[\'OPENAI_API_KEY\'] = \\"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\\"\\n",\n    "from openai import OpenAI\\n"\n   ]\n  }\n ],\n "nbformat": 4\n}\n', { expect: { line: 10 }, note: "a source cell's line, one item of its array" }),
    ],
    negative: [
      sample('app/llm.py', 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])  # sk-proj-...\n'),
      sample('notebooks/rag.ipynb', '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "import os, getpass\\n",\n    "os.environ[\'OPENAI_API_KEY\'] = getpass.getpass(\\"sk-proj-...: \\")\\n"\n   ]\n  }\n ],\n "nbformat": 4\n}\n', { note: 'asked for at run time' }),
      sample('README.md', 'export OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ],
  },
};

export const openaiLegacyKey: CredentialKind = {
  id: 'openai-legacy-key',
  provider: 'openai',
  title: 'OpenAI user API key',
  valuePatterns: [
    // `sk-` + 20 + base64("OpenAI") + 20 is the original user key; `sk-None-` (same body) were user keys without a project.
    { regex: new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-(?:None-)?[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-None-${OPENAI_BODY})(?![A-Za-z0-9_-])`, 'g'), keywords: ['t3blbkfj'] },
  ],
  plausible: openaiBodyReal,
  rate: (context) => readOnlyRating(context, 'OpenAI key') ?? { scope: 'root', because: 'a user key acts as its user across the organization’s default project; its permission set is not in the value' },
  reach: 'calls the API as the user across the organization: spends its budget and reads its files, assistants and fine-tunes',
  narrower: 'replace it with a project key (sk-proj-) or a service account key with Restricted permissions',
  reference: OPENAI_REFERENCE,
  samples: {
    positive: [
      sample('bot/config.json', '{\n  "model": "gpt-4o-mini",\n  "openai_api_key": "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"\n}\n', { expect: { line: 3 } }),
      sample('scripts/summarize.sh', '#!/bin/sh\ncurl https://api.openai.com/v1/chat/completions \\\n  -H "Authorization: Bearer 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" \\\n  -d @request.json\n', { expect: { line: 3 } }),
      sample('scrape/summarize.py', 'import openai\n\nopenai.api_key = "sk-None-WyHHkM76KPnAZhhnXH4NT3BlbkFJo6SlySibJZRiv7R6tEes"\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('bot/config.json', '{\n  "openai_api_key": ""\n}\n'),
      sample('docs/setup.md', 'Old keys look like `sk-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('bot/.env.production', 'OPENAI_API_KEY=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\n', { expect: { line: 1 } })],
    negative: [sample('bot/.env.production', '# read-only key for the usage dashboard\nOPENAI_API_KEY=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\n')],
  },
};

const ANTHROPIC_REFERENCE = 'https://docs.claude.com/en/api/administration-api';
const anthropicBodyReal = (value: string): boolean => !isPlaceholder(value.replace(/^sk-ant-[a-z]+\d\d-/, ''));

export const anthropicAdminKey: CredentialKind = {
  id: 'anthropic-admin-key',
  provider: 'anthropic',
  title: 'Anthropic Admin API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-ant-admin01-[A-Za-z0-9_-]{90,128}AA)(?![A-Za-z0-9_-])/g, keywords: ['sk-ant-'] }],
  plausible: (value) => value.startsWith('sk-ant-admin01-') && anthropicBodyReal(value),
  rate: fixed('root', 'an Admin API key manages the organization: members, workspaces and API keys'),
  reach: 'manages the Anthropic organization: adds and removes members, creates workspaces and creates or disables API keys',
  narrower: 'use a workspace API key (sk-ant-api03-) for inference; keep admin keys out of code entirely',
  reference: ANTHROPIC_REFERENCE,
  samples: {
    positive: [
      sample('ops/anthropic_keys.ts', "const ADMIN_KEY = 'sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA';\nawait fetch('https://api.anthropic.com/v1/organizations/api_keys', { headers: { 'x-api-key': ADMIN_KEY } });\n", { expect: { line: 1 } }),
      sample('.env.ops', 'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('.env.example', 'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...\n'),
      sample('ops/anthropic_keys.ts', "const ADMIN_KEY = process.env.ANTHROPIC_ADMIN_KEY!; // sk-ant-admin01-\n"),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ops', 'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA\n', { expect: { line: 1 } })],
    negative: [sample('.env.ops', 'ANTHROPIC_API_KEY=sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA\n')],
  },
};

export const anthropicApiKey: CredentialKind = {
  id: 'anthropic-api-key',
  provider: 'anthropic',
  title: 'Anthropic API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-ant-api0\d-[A-Za-z0-9_-]{90,128}AA)(?![A-Za-z0-9_-])/g, keywords: ['sk-ant-'] }],
  plausible: (value) => /^sk-ant-api0\d-/.test(value) && anthropicBodyReal(value),
  rate: fixed('scoped', 'an API key belongs to one workspace'),
  reach: 'calls the API in one workspace: spends its budget and reads its files and batches',
  narrower: 'already workspace-bound; keep it in a secret store with a workspace spend limit',
  reference: 'https://docs.claude.com/en/api/overview#authentication',
  samples: {
    positive: [
      sample('agent/main.py', 'import anthropic\n\nclient = anthropic.Anthropic(api_key="sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA")\n', { expect: { line: 3 } }),
      sample('docker-compose.yml', 'services:\n  agent:\n    build: .\n    environment:\n      ANTHROPIC_API_KEY: sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('docker-compose.yml', 'services:\n  agent:\n    environment:\n      ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}\n'),
      sample('README.md', 'export ANTHROPIC_API_KEY=sk-ant-api03-...\n'),
    ],
  },
};

export const anthropicOauthToken: CredentialKind = {
  id: 'anthropic-oauth-token',
  provider: 'anthropic',
  title: 'Claude OAuth token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(sk-ant-o[ar]t01-[A-Za-z0-9_-]{80,128})(?![A-Za-z0-9_-])/g, keywords: ['sk-ant-'] }],
  plausible: anthropicBodyReal,
  rate: fixed('scoped', 'an OAuth token carries one user’s Claude subscription for inference'),
  reach: 'uses the subscriber’s Claude plan (Claude Code and inference) as that user, for a year when made by `claude setup-token`',
  narrower: 'keep it in CI secrets (CLAUDE_CODE_OAUTH_TOKEN) or use a workspace API key with a spend limit',
  reference: 'https://docs.claude.com/en/docs/claude-code/github-actions',
  samples: {
    positive: [
      sample('.github/workflows/claude.yml', 'jobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: sk-ant-oat01-gPFXHo_pC2q9mdEt4M8ML8mru1XOgE8whb1CgcakAzC31Zy6FFoE6AwhgZgtZkyLLZj7Eps9_Kl8xB3gf0mWn5qs01VzcTP\n', { expect: { line: 7 } }),
      sample('scripts/agent.sh', '#!/bin/sh\nexport CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-gPFXHo_pC2q9mdEt4M8ML8mru1XOgE8whb1CgcakAzC31Zy6FFoE6AwhgZgtZkyLLZj7Eps9_Kl8xB3gf0mWn5qs01VzcTP\nclaude -p "$PROMPT"\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('.github/workflows/claude.yml', 'jobs:\n  review:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n'),
      sample('docs/agent.md', 'Run `claude setup-token`; it prints a token starting `sk-ant-oat01-`.\n'),
    ],
  },
};

const TWILIO_REFERENCE = 'https://www.twilio.com/docs/iam/api-keys';

function twilioKeyRating(context: CredentialContext): Rating {
  const word = nameWord(context, new Set(['restricted', 'readonly', 'read']));
  if (word) return { scope: 'scoped', because: `variable ${context.variable} names a ${word} key` };
  // A comment that says which of Twilio's key types it was created as.
  if (/\brestricted\b[^\n]{0,20}\b(?:api[ _-]?)?key\b|\bkey type:?\s*restricted\b/i.test(context.nearby)) return { scope: 'scoped', because: 'the text beside it says it is a Restricted key, limited to the permissions chosen for it' };
  return { scope: 'root', because: 'Main and Standard API keys reach the whole account and its subaccounts; the key type is not in the repository' };
}

export const twilioAuthToken: CredentialKind = {
  id: 'twilio-auth-token',
  provider: 'twilio',
  title: 'Twilio Auth Token',
  // Given by position after the Account SID: `require('twilio')('AC…', '…')`, `Client("AC…", "…")`.
  valuePatterns: [
    { regex: /["']AC[0-9a-f]{32}["'][ \t]*,[ \t]*["']([0-9a-f]{32})["']/g, keywords: ['twilio'] },
    // As Basic credentials, the Account SID the user: Twilio's own curl examples (`-u ACxxx:token`), and a URL's userinfo.
    { regex: /(?<![A-Za-z0-9])AC[0-9a-f]{32}:([0-9a-f]{32})(?![0-9a-f])/g, keywords: ['twilio'] },
  ],
  contextPatterns: [
    { variable: /twilio\w*auth[_.-]?token/i, value: /^[0-9a-f]{32}$/, keywords: ['twilio'] },
    // `accountSid` / `authToken` beside `twilio(accountSid, authToken)`.
    { variable: /^auth[_-]?token$/i, value: /^[0-9a-f]{32}$/, keywords: ['authtoken', 'auth_token', 'auth-token'], requires: ['twilio'] },
  ],
  plausible: (value) => !isPlaceholder(value) && new Set(value).size >= 8,
  rate: (context) => {
    const test = nameWord(context, TEST_WORDS);
    if (test) return { scope: 'test', because: `variable ${context.variable} names ${test} credentials` };
    return { scope: 'root', because: 'the Auth Token is the account’s primary credential: every API, every subaccount, and it signs webhooks' };
  },
  reach: 'acts as the whole Twilio account and its subaccounts: sends messages and calls, buys and releases numbers, creates API keys',
  narrower: 'use a Restricted API key (SK…) limited to the APIs the code calls, and keep the Auth Token for the console',
  reference: 'https://help.twilio.com/articles/223136027-Auth-Tokens-and-How-to-Change-Them',
  samples: {
    positive: [
      sample('server/notify.js', "const client = require('twilio')('AC1f0e2d3c4b5a69788796a5b4c3d2e1f0', 'f55af0f8a5892fc57f880e255e8e20ec');\n", { expect: { line: 1 }, note: 'given by position after the Account SID' }),
      sample('config/initializers/twilio.rb', 'Twilio.configure do |config|\n  config.account_sid = "AC8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b4"\n  config.auth_token = "c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b"\nend\n', { expect: { line: 3 }, note: 'a setting assigned through the block\'s receiver' }),
      sample('server/sms.js', "const accountSid = 'AC09a1a5e631c7e87ca4e399280e490c1b';\nconst authToken = 'e50ec9d2fdc8f319c04370278a36370f';\nconst client = require('twilio')(accountSid, authToken);\n", { expect: { line: 2 } }),
      sample('config/twilio.env', 'TWILIO_ACCOUNT_SID=AC09a1a5e631c7e87ca4e399280e490c1b\nTWILIO_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n', { expect: { line: 2 } }),
      sample('README.md', '## Checking the account\n\n```sh\ncurl -u "AC09a1a5e631c7e87ca4e399280e490c1b:e50ec9d2fdc8f319c04370278a36370f" https://api.twilio.com/2010-04-01/Accounts.json\n```\n', { expect: { line: 4 }, note: 'Basic credentials, as in Twilio\'s curl examples' }),
    ],
    negative: [
      sample('server/sms.js', "const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n"),
      sample('server/session.js', "const authToken = 'e50ec9d2fdc8f319c04370278a36370f';\nmodule.exports = { authToken };\n", { note: 'no Twilio in the file: not a Twilio token' }),
      sample('.env.example', 'TWILIO_AUTH_TOKEN=00000000000000000000000000000000\n'),
      sample('docs/sms.md', 'curl -u "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:your_auth_token" https://api.twilio.com/2010-04-01/Accounts.json\n', { note: "Twilio's documented placeholder" }),
    ],
  },
  scopeSamples: {
    positive: [sample('config/twilio.env', 'TWILIO_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n', { expect: { line: 1 } })],
    negative: [sample('config/twilio.env', 'TWILIO_TEST_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n')],
  },
};

export const twilioApiKey: CredentialKind = {
  id: 'twilio-api-key',
  provider: 'twilio',
  title: 'Twilio API key SID',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/g, keywords: ['sk'], requires: ['twilio'] }],
  plausible: (value) => !isPlaceholder(value.slice(2)) && new Set(value.slice(2)).size >= 8,
  rate: twilioKeyRating,
  companionOf: 'twilio-api-key-secret',
  reach: 'with its secret, acts on the Twilio account: a Main key can also manage keys and subaccounts',
  narrower: 'use a Restricted API key limited to the APIs the code calls',
  reference: TWILIO_REFERENCE,
  samples: {
    positive: [
      sample('server/voice.py', 'from twilio.rest import Client\n\nclient = Client("SK1e3868fb6e26a98932c4e52899dae615", "3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7", "AC09a1a5e631c7e87ca4e399280e490c1b")\n', { expect: { line: 3 } }),
      sample('deploy/twilio.yaml', 'twilio:\n  account_sid: AC09a1a5e631c7e87ca4e399280e490c1b\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('server/voice.py', 'from twilio.rest import Client\n\nclient = Client(os.environ["TWILIO_API_KEY"], os.environ["TWILIO_API_SECRET"], os.environ["TWILIO_ACCOUNT_SID"])\n'),
      sample('build/checksums.txt', 'SK1e3868fb6e26a98932c4e52899dae615  app.tar.gz\n', { note: 'no Twilio in the file' }),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/twilio.yaml', 'twilio:\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n', { expect: { line: 2 } })],
    negative: [sample('deploy/twilio.yaml', 'twilio:\n  restricted_api_key: SK1e3868fb6e26a98932c4e52899dae615\n')],
  },
};

export const twilioApiKeySecret: CredentialKind = {
  id: 'twilio-api-key-secret',
  provider: 'twilio',
  title: 'Twilio API key secret',
  contextPatterns: [
    { variable: /^(?!.*(?:webhook|auth)).*twilio\w*secret/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['twilio'] },
    { variable: /^api[_-]?(?:key[_-]?)?secret$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['secret'], requires: ['twilio'] },
  ],
  // A plain `api_secret` is Twilio's only when its key SID sits beside it.
  plausible: (value, context) =>
    !isPlaceholder(value) && (/twilio/i.test(context.variable ?? '') || Object.values(context.siblingValues).some((sibling) => /^SK[0-9a-f]{32}$/.test(sibling))),
  rate: twilioKeyRating,
  reach: 'with its key SID, acts on the Twilio account: a Main key can also manage keys and subaccounts',
  narrower: 'use a Restricted API key limited to the APIs the code calls',
  reference: TWILIO_REFERENCE,
  samples: {
    positive: [
      sample('config/twilio.env', 'TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n', { expect: { line: 2 } }),
      sample('deploy/twilio.yaml', 'twilio:\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n  api_secret: 3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('config/twilio.env', 'TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=${TWILIO_API_SECRET}\n'),
      sample('deploy/partner.yaml', '# receives Twilio status callbacks\npartner:\n  api_secret: 3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n', { note: 'no key SID beside it: not known to be Twilio’s' }),
    ],
  },
  scopeSamples: {
    positive: [sample('config/twilio.env', 'TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n', { expect: { line: 2 } })],
    negative: [
      sample('config/twilio.env', 'TWILIO_RESTRICTED_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n'),
      sample('config/twilio.env', '# restricted API key: messaging only\nTWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n', { note: 'the comment says it was created as a Restricted key' }),
    ],
  },
};

export const sendgridApiKey: CredentialKind = {
  id: 'sendgrid-api-key',
  provider: 'sendgrid',
  title: 'SendGrid API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keywords: ['sg.'] }],
  // secretlint's SendGrid matches arrive here too: keep the 22 + 43 shape only.
  plausible: (value) => /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/.test(value) && value.split('.').slice(1).every((part) => !isPlaceholder(part)),
  rate: (context) => {
    const word = nameWord(context, new Set(['restricted', 'readonly', 'read', 'send', 'sending', 'sender', 'mailsend']));
    if (word) return { scope: 'scoped', because: `variable ${context.variable} names a ${word} key` };
    return { scope: 'root', because: 'Full Access keys can create keys, subusers and senders; whether this one is restricted is not in the value' };
  },
  reach: 'with Full Access, sends mail as the company, reads contacts and creates new API keys and subusers',
  narrower: 'use a Restricted Access key with only Mail Send',
  reference: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  samples: {
    positive: [
      sample('app/mailer.rb', "SendGrid::API.new(api_key: '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')\n", { expect: { line: 1 } }),
      sample('config/production.json', '{\n  "mail": {\n    "provider": "sendgrid",\n    "apiKey": "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"\n  }\n}\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('config/production.json', '{\n  "mail": {\n    "apiKey": "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n  }\n}\n'),
      sample('src/grid.ts', "import SG from './grid';\nconst layout = SG.Layout.Columns.Responsive;\n"),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', 'SENDGRID_API_KEY=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\n', { expect: { line: 1 } })],
    negative: [sample('.env.production', 'SENDGRID_SEND_KEY=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\n')],
  },
};

/** The key Mailgun's documentation and SDK READMEs use in every example. */
const MAILGUN_DOCS_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
/** The current Mailgun key shape (also used by webhook signing keys, so known only by a Mailgun API-key name). */
const MAILGUN_KEY = /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/;

export const mailgunApiKey: CredentialKind = {
  id: 'mailgun-api-key',
  provider: 'mailgun',
  title: 'Mailgun API key',
  valuePatterns: [
    // Primary keys from before 2023: `key-` + 32 lower-case letters and digits.
    { regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(key-[0-9a-z]{32})(?![A-Za-z0-9_-])/g, keywords: ['key-'], requires: ['mailgun'] },
    { regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(pubkey-[0-9a-f]{32})(?![A-Za-z0-9_-])/g, keywords: ['pubkey-'], requires: ['mailgun'] },
    // Keys since 2023: 32 hex, then two groups of 8, handed to Mailgun's clients under any name (`auth=("api", …)`).
    { regex: /(?<![A-Za-z0-9_-])([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])/g, keywords: ['mailgun'] },
  ],
  contextPatterns: [{ variable: /^(?!.*(?:webhook|signing|public|pubkey)).*mailgun.*(?:key|secret|token)/i, value: MAILGUN_KEY, keywords: ['mailgun'] }],
  // The webhook signing key shares the newer keys' shape; its name tells it apart.
  plausible: (value, context) => value !== MAILGUN_DOCS_KEY && !isPlaceholder(value.replace(/^(?:pub)?key-/, '')) && /[0-9]/.test(value.slice(4)) && new Set(value).size >= 10 && !/webhook|signing/i.test(context.variable ?? ''),
  rate: (context) => {
    if (context.value.startsWith('pubkey-')) return { scope: 'public', because: 'the public validation key is meant for browsers' };
    const word = nameWord(context, new Set(['sending', 'send', 'domain', 'smtp']));
    if (word) return { scope: 'scoped', because: `variable ${context.variable} names a ${word} key, limited to one domain` };
    return { scope: 'root', because: 'the primary account key manages every domain, route and credential; a sending key would be named for its domain' };
  },
  reach: 'manages every sending domain of the account: sends mail as any of them, reads logs and message content, changes routes and credentials',
  narrower: 'use a domain sending key, which can only send mail for one domain',
  reference: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication',
  samples: {
    positive: [
      sample('config/mailgun.py', 'MAILGUN_DOMAIN = "mg.acme.io"\nMAILGUN_API_KEY = "key-7276551469b6901b94a93993fea28e36"\n', { expect: { line: 2 } }),
      sample('deploy/mail.env', 'MAILGUN_API_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\nMAILGUN_DOMAIN=mg.acme.io\n', { expect: { line: 1 } }),
      sample('notify/mg.py', 'import requests\n\ndef send(to, text):\n    return requests.post("https://api.mailgun.net/v3/mg.acme.io/messages", auth=("api", "a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8"), data={"to": to, "text": text})\n', { expect: { line: 4 }, note: 'handed to the API under no name' }),
    ],
    negative: [
      sample('web/mailcheck.js', "// Mailgun address validation runs in the browser with the public key\nconst MAILGUN_PUBLIC_KEY = 'pubkey-15240a7c0b2d25743516acc508ef750d';\n"),
      sample('deploy/mail.env', 'MAILGUN_WEBHOOK_SIGNING_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n', { note: 'a signing key, not an API key' }),
      sample('src/cache.ts', "const CACHE_ID = 'key-7276551469b6901b94a93993fea28e36';\n", { note: 'no Mailgun in the file' }),
      sample('docs/email.md', '## Mailgun\n\n```\nMAILGUN_API_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0\n```\n', { note: 'the key from Mailgun’s own docs' }),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/mail.env', 'MAILGUN_API_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n', { expect: { line: 1 } })],
    negative: [sample('deploy/mail.env', 'MAILGUN_SENDING_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n')],
  },
};

const POSTMARK_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTMARK_REFERENCE = 'https://postmarkapp.com/developer/api/overview#authentication';
const POSTMARK_TOKEN = '364c510f-3def-4073-b014-6b92de3fc27c';

/** Postmark's tokens are UUIDs: the name, the header or the client they are handed to says which kind. */
export const postmarkAccountToken: CredentialKind = {
  id: 'postmark-account-token',
  provider: 'postmark',
  title: 'Postmark account token',
  valuePatterns: [{ regex: /\bAccountClient\(\s*["']([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["']/gi, keywords: ['accountclient('] }],
  contextPatterns: [
    { variable: /postmark.*account.*(?:token|key)/i, value: POSTMARK_UUID, keywords: ['postmark'] },
    { header: /^x-postmark-account-token$/i, value: POSTMARK_UUID, keywords: ['x-postmark-account-token'] },
  ],
  rate: fixed('root', 'an account token manages every server, domain and sender signature of the account'),
  reach: 'creates and deletes servers, domains and sender signatures, and reads every server’s tokens and messages',
  narrower: 'use a server token, which sends and reads mail for one server only',
  reference: POSTMARK_REFERENCE,
  samples: {
    positive: [
      sample('scripts/senders.sh', `#!/bin/sh\ncurl https://api.postmarkapp.com/senders \\\n  -H "Accept: application/json" \\\n  -H "X-Postmark-Account-Token: ${POSTMARK_TOKEN}"\n`, { expect: { line: 4 } }),
      sample(
        'scripts/domains.js',
        `const postmarkToken = '${POSTMARK_TOKEN}';\n\nconst res = await fetch('https://api.postmarkapp.com/domains?count=50&offset=0', {\n  headers: { Accept: 'application/json', 'X-Postmark-Account-Token': postmarkToken },\n});\n`,
        { expect: { line: 1 }, note: 'the header the variable is sent with names the kind, not the variable' },
      ),
    ],
    negative: [sample('scripts/senders.sh', '#!/bin/sh\ncurl https://api.postmarkapp.com/senders -H "X-Postmark-Account-Token: $POSTMARK_ACCOUNT_TOKEN"\n')],
  },
  scopeSamples: {
    positive: [sample('mailer/admin.js', `const postmark = require('postmark');\nconst account = new postmark.AccountClient('${POSTMARK_TOKEN}');\n`, { expect: { line: 2 } })],
    negative: [sample('mailer/send.js', `const postmark = require('postmark');\nconst client = new postmark.ServerClient('${POSTMARK_TOKEN}');\n`, { note: 'a server token' })],
  },
};

export const postmarkServerToken: CredentialKind = {
  id: 'postmark-server-token',
  provider: 'postmark',
  title: 'Postmark server token',
  valuePatterns: [{ regex: /\b(?:ServerClient|PostmarkClient)\(\s*(?:server_token\s*=\s*)?["']([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["']/gi, keywords: ['serverclient(', 'postmarkclient('] }],
  contextPatterns: [
    { variable: /postmark.*(?:server|api)?.*(?:token|key)/i, value: POSTMARK_UUID, keywords: ['postmark'] },
    { header: /^x-postmark-server-token$/i, value: POSTMARK_UUID, keywords: ['x-postmark-server-token'] },
  ],
  rate: fixed('scoped', 'a server token sends and reads the mail of one Postmark server'),
  reach: 'sends mail as the server’s verified senders and reads its messages, bounces and templates',
  narrower: 'already one server; keep it in a secret store and rotate it after exposure',
  reference: POSTMARK_REFERENCE,
  samples: {
    positive: [
      sample('mailer/send.js', `const postmark = require('postmark');\nconst client = new postmark.ServerClient('${POSTMARK_TOKEN}');\n`, { expect: { line: 2 } }),
      sample('config/mail.py', `POSTMARK_SERVER_TOKEN = "${POSTMARK_TOKEN}"\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('mailer/send.js', "const client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN);\n")],
  },
};

const ALGOLIA_KEY = 'b3f7a9c21d4e8f6a0c5b7d9e1f3a5c7e';

/** Algolia's keys are 32 hex characters; the name says which (search-only keys are meant for browsers). */
export const algoliaApiKey: CredentialKind = {
  id: 'algolia-api-key',
  provider: 'algolia',
  title: 'Algolia API key',
  contextPatterns: [{ variable: /algolia.*(?:key|token)/i, value: /^[a-f0-9]{32}$/, keywords: ['algolia'] }],
  rate: (context) => {
    const name = context.variable ?? '';
    if (/admin/i.test(name)) return { scope: 'root', because: 'the admin key manages every index, API key and setting of the application' };
    if (/search/i.test(name) && !/write/i.test(name)) return { scope: 'public', because: 'a search-only key is meant to ship to browsers: it can only search' };
    if (/write/i.test(name)) return { scope: 'scoped', because: 'a write key is limited to the indices and operations its ACL lists' };
    return { scope: 'unknown', because: "an Algolia key's ACL is not in the value; unnamed server-side keys are often the admin key" };
  },
  reach: 'adds, changes and deletes records and indices of the application, as far as the key’s ACL allows (the admin key: everything, keys included)',
  narrower: 'create a key with only the ACL and indices the job needs (addObject on one index), and use the search-only key in browsers',
  reference: 'https://www.algolia.com/doc/guides/security/api-keys/',
  samples: {
    positive: [sample('scripts/reindex.js', `const algoliasearch = require('algoliasearch');\nconst ALGOLIA_ADMIN_KEY = '${ALGOLIA_KEY}';\nconst client = algoliasearch('B1G2GM9NG0', ALGOLIA_ADMIN_KEY);\n`, { expect: { line: 2 } })],
    negative: [sample('src/search.ts', `export const algoliaSearchKey = '${ALGOLIA_KEY}';\n`, { note: 'a search-only key, meant for browsers' })],
  },
  scopeSamples: {
    positive: [sample('scripts/reindex.py', `ALGOLIA_ADMIN_API_KEY = "${ALGOLIA_KEY}"\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/reindex.py', `ALGOLIA_WRITE_API_KEY = "${ALGOLIA_KEY}"\n`)],
  },
};

export const linearApiKey: CredentialKind = {
  id: 'linear-api-key',
  provider: 'linear',
  title: 'Linear API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])/g, keywords: ['lin_api_', 'lin_oauth_'] }],
  plausible: (value) => /^(?:lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})$/.test(value) && !isPlaceholder(value.replace(/^lin_[a-z]+_/, '')),
  rate: (context) => readOnlyRating(context, 'Linear key') ?? { scope: 'root', because: 'a Linear key acts as the user who made it across the workspace; its permission and team limits are not in the value' },
  reach: 'acts as its creator across the Linear workspace: reads every issue and document they can see, edits and deletes them, and with Admin changes workspace settings',
  narrower: 'create the key with Read (or Create issues) permission limited to the teams it needs, or use an OAuth app with narrow scopes',
  reference: 'https://linear.app/developers/graphql#personal-api-keys',
  samples: {
    positive: [
      sample('scripts/triage.ts', "import { LinearClient } from '@linear/sdk';\n\nconst linear = new LinearClient({ apiKey: 'lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ' });\n", { expect: { line: 3 } }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "linear": {\n      "command": "npx",\n      "args": ["-y", "linear-mcp"],\n      "env": { "LINEAR_API_KEY": "lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ" }\n    }\n  }\n}\n', { expect: { line: 6 } }),
    ],
    negative: [
      sample('scripts/triage.ts', "const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });\n"),
      sample('docs/linear.md', 'Personal keys look like `lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.tools', 'LINEAR_API_KEY=lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ\n', { expect: { line: 1 } })],
    negative: [sample('.env.tools', 'LINEAR_READONLY_API_KEY=lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ\n')],
  },
};

/** Access scopes listed beside the token (`scopes = "read_products,read_orders"`): read-only when every one is `read_`. */
function shopifyReadOnlyScopes(context: CredentialContext): boolean {
  const listed = /\bscopes?\b["']?\s*[=:]\s*["']?([a-z_, ]+)/i.exec(context.nearby)?.[1];
  const scopes = listed?.split(/[\s,]+/).filter(Boolean) ?? [];
  return scopes.length > 0 && scopes.every((scope) => scope.startsWith('read_') || scope.startsWith('unauthenticated_read_'));
}

export const shopifyAccessToken: CredentialKind = {
  id: 'shopify-access-token',
  provider: 'shopify',
  title: 'Shopify Admin API access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(shp(?:at|ca|pa)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g, keywords: ['shpat_', 'shpca_', 'shppa_'] }],
  // secretlint's Shopify matches arrive here too: keep the access-token shapes only.
  plausible: (value) => /^shp(?:at|ca|pa)_[a-fA-F0-9]{32}$/.test(value) && !isPlaceholder(value.slice(6)) && new Set(value.slice(6)).size >= 8,
  rate: (context) => {
    if (shopifyReadOnlyScopes(context)) return { scope: 'scoped', because: 'the access scopes listed beside it are read-only' };
    return readOnlyRating(context, 'Shopify token') ?? { scope: 'root-resource', because: 'an Admin API token holds the app’s scopes on the whole store, which the value does not show (custom and private apps often hold full admin)' };
  },
  reach: 'acts on the whole store with the app’s Admin API scopes: orders, customers, products, discounts and themes',
  narrower: 'give the app only the access scopes it uses (read_ where it only reads), and use the Storefront API token for public reads',
  reference: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
  samples: {
    positive: [
      sample('scripts/sync_inventory.py', 'import shopify\n\nsession = shopify.Session("acme-store.myshopify.com", "2025-01", "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")\n', { expect: { line: 3 } }),
      sample('.env.production', 'SHOPIFY_STORE_DOMAIN=acme-store.myshopify.com\nSHOPIFY_ADMIN_ACCESS_TOKEN=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\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('.env.example', 'SHOPIFY_ADMIN_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
      sample('docs/shopify.md', 'Admin tokens start with `shpat_` (public apps), `shpca_` (custom apps) or `shppa_` (legacy private apps).\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', 'SHOPIFY_ADMIN_ACCESS_TOKEN=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\n', { expect: { line: 1 } })],
    negative: [sample('shopify.app.toml', '[access_scopes]\nscopes = "read_products,read_inventory"\n\n[auth]\ntoken = "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"\n')],
  },
};

export const shopifySharedSecret: CredentialKind = {
  id: 'shopify-shared-secret',
  provider: 'shopify',
  title: 'Shopify app client secret',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g, keywords: ['shpss_'] }],
  // The app's API key (client id) sits beside the secret under a secret-looking name but is public: claim it so the
  // generic secret kind does not report it.
  contextPatterns: [
    { variable: /^SHOPIFY_(?:API_KEY|CLIENT_ID)$/i, value: /^[0-9a-f]{32}$/, keywords: ['shopify'] },
    { variable: /^apiKey$/, value: /^[0-9a-f]{32}$/, keywords: ['apikey'], requires: ['shopifyapp'] },
  ],
  plausible: (value) => !isPlaceholder(value.replace(/^shpss_/, '')) && new Set(value.replace(/^shpss_/, '')).size >= 8,
  rate: (context) =>
    context.value.startsWith('shpss_')
      ? { scope: 'scoped', because: 'the client secret belongs to one app: it verifies webhooks and exchanges install codes' }
      : { scope: 'public', because: 'the app’s API key (client id) is public' },
  reach: 'forges webhooks the app will trust and completes OAuth installs as the app',
  narrower: 'already app-bound; keep it in a secret store and rotate it from the Partner Dashboard',
  reference: 'https://shopify.dev/changelog/app-secret-key-length-has-increased',
  samples: {
    positive: [
      sample('app/shopify.server.ts', "export const shopify = shopifyApp({\n  apiKey: '6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b',\n  apiSecretKey: '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',\n});\n", { expect: { line: 3 } }),
      sample('.env', 'SHOPIFY_API_KEY=6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b\nSHOPIFY_API_SECRET=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\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('app/shopify.server.ts', "export const shopify = shopifyApp({ apiSecretKey: process.env.SHOPIFY_API_SECRET || '' });\n"),
      sample('.env.example', 'SHOPIFY_API_SECRET=shpss_00000000000000000000000000000000\n'),
      sample('web/.env.production', 'SHOPIFY_API_KEY=6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b\nSHOPIFY_APP_URL=https://apps.acme.io\n', { note: 'the API key is the app’s public client id' }),
    ],
  },
};

/**
 * Mapbox access tokens: `pk.` public tokens ship in every map a browser draws; `sk.` secret tokens carry the scopes
 * chosen at creation (up to `tokens:write`, which makes more tokens), none of them in the value; `tk.` temporary
 * tokens expire within an hour. All three are a base64url JSON payload (`{"u":"<user>",...}`) and a signature.
 */
const MAPBOX_TOKEN = /(?<![A-Za-z0-9_.-])((?:pk|sk|tk)\.eyJ1Ijoi[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])/g;
const MAPBOX_SECRET = 'sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdjl6cTRrejBhYjkycm8yeG5kNWZ0bWQifQ.Zq4vW8yB2nM6kP0tR3xS7uD';

export const mapboxAccessToken: CredentialKind = {
  id: 'mapbox-access-token',
  provider: 'mapbox',
  title: 'Mapbox access token',
  valuePatterns: [{ regex: MAPBOX_TOKEN, keywords: ['pk.eyj', 'sk.eyj', 'tk.eyj'] }],
  plausible: (value) => !isPlaceholder(value.split('.')[2] ?? ''),
  rate: (context) => {
    if (context.value.startsWith('pk.')) return { scope: 'public', because: 'a pk. token is a public token, drawn into every map a browser loads' };
    if (context.value.startsWith('tk.')) return { scope: 'scoped', because: 'a tk. token is temporary: it expires within an hour of being made' };
    return { scope: 'root', because: 'an sk. token carries the scopes chosen when it was made (tokens:write among them makes more tokens), and none show in the value' };
  },
  reach: 'does whatever its scopes allow on the Mapbox account: upload and delete tilesets, datasets and styles, read usage, and with tokens:write make more tokens',
  narrower: 'use a public pk. token with URL restrictions in clients, and a secret token limited to the one scope a job needs, kept in CI secrets',
  reference: 'https://docs.mapbox.com/accounts/guides/tokens/',
  samples: {
    positive: [sample('scripts/upload-tiles.sh', `#!/bin/sh\nexport MAPBOX_ACCESS_TOKEN=${MAPBOX_SECRET}\ntilesets upload-source acme trails trails.geojson\n`, { expect: { line: 2 } })],
    negative: [
      sample('src/map.ts', "mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdjl6cTRrejBhYjkycm8yeG5kNWZ0bWQifQ.Zq4vW8yB2nM6kP0tR3xS7uD';\n", { note: 'a public token: maps in browsers need one' }),
      sample('docs/maps.md', 'Secret tokens look like `sk.eyJ1IjoiXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXX`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.tiles', `MAPBOX_TOKEN=${MAPBOX_SECRET}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.tiles', `MAPBOX_TOKEN=${MAPBOX_SECRET.replace(/^sk\./, 'tk.')}\n`, { note: 'a temporary token' })],
  },
};

/**
 * Hugging Face user access tokens (`hf_` + 34 letters) act as their user on every model, dataset and Space the user
 * or their organisations own; whether one is read, write or fine-grained is not in the value. `api_org_` tokens are
 * the older organisation API tokens.
 */
const HF_TOKEN = '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';

export const huggingfaceAccessToken: CredentialKind = {
  id: 'huggingface-access-token',
  provider: 'huggingface',
  title: 'Hugging Face access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])((?:hf_|api_org_)[A-Za-z]{34})(?![A-Za-z0-9_])/g, keywords: ['hf_', 'api_org_'] }],
  plausible: (value) => !isPlaceholder(value.replace(/^(?:hf|api_org)_/, '')),
  rate: (context) =>
    readOnlyRating(context, 'Hugging Face token') ?? { scope: 'root', because: 'a user token acts as its user on every repository of the user and their organisations; read, write or fine-grained is not in the value' },
  reach: 'acts as its user on the Hub: reads private models and datasets, pushes to and deletes repositories, and manages Spaces and Inference Endpoints of the user and their organisations',
  narrower: 'use a fine-grained token limited to the repositories and permissions the job needs (read-only where it only downloads)',
  reference: 'https://huggingface.co/docs/hub/security-tokens',
  samples: {
    positive: [
      sample('notebooks/finetune.ipynb', `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "from huggingface_hub import login\\n",\n    "login(token=\\"${HF_TOKEN}\\")\\n"\n   ]\n  }\n ]\n}\n`, { expect: { line: 7 } }),
      sample('train.py', `from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/private-model", token="${HF_TOKEN}")\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('train.py', 'import os\nfrom huggingface_hub import login\n\nlogin(token=os.environ["HF_TOKEN"])\n'),
      sample('README.md', 'Set `HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` before training.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.train', `HF_TOKEN=${HF_TOKEN}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.train', `HF_READ_ONLY_TOKEN=${HF_TOKEN}\n`)],
  },
};

/**
 * Kaggle API keys: `~/.kaggle/kaggle.json` holds `{"username": …, "key": <32 hex>}`, copied into data-science
 * repositories so notebooks can download datasets. The key acts as the user on every dataset, notebook and model.
 */
export const kaggleApiKey: CredentialKind = {
  id: 'kaggle-api-key',
  provider: 'kaggle',
  title: 'Kaggle API key',
  // kaggle.json itself: `{"username": …, "key": …}`, in a file of that name (plausibility checks the path).
  valuePatterns: [{ regex: /"username"\s*:\s*"[^"\n]*"\s*,\s*"key"\s*:\s*"([0-9a-f]{32})"/g, keywords: ['"username"'] }],
  contextPatterns: [{ variable: /^KAGGLE_KEY$|kaggle[_.-]?(?:api[_.-]?)?key$/i, value: /^[0-9a-f]{32}$/, keywords: ['kaggle'] }],
  plausible: (value, context) => (/kaggle/i.test(context.variable ?? '') || /(^|\/)kaggle\.json$/i.test(context.path)) && !isPlaceholder(value) && new Set(value).size >= 10,
  rate: fixed('root', 'a Kaggle key acts as its user on every dataset, notebook and model of the account'),
  reach: 'acts as its user on Kaggle: downloads private datasets, and creates, updates and deletes the datasets, notebooks and models of the account',
  narrower: 'keep kaggle.json in ~/.kaggle (mode 600) or pass KAGGLE_KEY from a secret store; Kaggle keys have no narrower scope, so expire and rotate them',
  reference: 'https://www.kaggle.com/docs/api',
  samples: {
    positive: [
      sample('kaggle.json', '{"username":"acme-ds","key":"5f2c9a7e1b3d4f60a8c2e7b1d9f3a6c4"}\n', { expect: { line: 1 } }),
      sample('notebooks/setup.py', 'import os\nos.environ["KAGGLE_USERNAME"] = "acme-ds"\nos.environ["KAGGLE_KEY"] = "5f2c9a7e1b3d4f60a8c2e7b1d9f3a6c4"\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('config/cache.json', '{"username":"svc","key":"5f2c9a7e1b3d4f60a8c2e7b1d9f3a6c4"}\n', { note: 'a key beside a username, but not in kaggle.json' }),
      sample('kaggle.json', '{"username":"your-username","key":"00000000000000000000000000000000"}\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('kaggle.json', '{"username":"acme-ds","key":"5f2c9a7e1b3d4f60a8c2e7b1d9f3a6c4"}\n', { expect: { line: 1 } })],
    negative: [sample('kaggle.json', '{"username":"acme-ds","key":"${KAGGLE_KEY}"}\n')],
  },
};

/** The master application key of an account made before application keys: `00` and 40 hex. */
const B2_MASTER_HEX_KEY = /^00[0-9a-f]{40}$/;
/** The master key's ID is the account ID, 12 hex; other application keys' IDs are 25 characters (`0025f1…0003`). */
const B2_ACCOUNT_ID = /^[0-9a-f]{12}$/;
const B2_KEY_ID_NAME = /^(?:account|B2_ACCOUNT_ID|B2_APPLICATION_KEY_ID|B2_KEY_ID|applicationKeyId|keyId|account_?id)$/i;

function isB2MasterKey(context: CredentialContext): boolean {
  if (B2_MASTER_HEX_KEY.test(context.value)) return true;
  return Object.entries(context.siblingValues).some(([name, value]) => B2_KEY_ID_NAME.test(name) && B2_ACCOUNT_ID.test(value.trim()));
}

/**
 * Backblaze B2 application keys (`K00` + 28 characters, beside a key ID): what many teams send their off-provider
 * backups to. The master key has every capability on every bucket; other keys may be limited to one bucket and to
 * listing and writing, which the value does not show.
 */
export const backblazeApplicationKey: CredentialKind = {
  id: 'backblaze-application-key',
  provider: 'backblaze',
  title: 'Backblaze B2 application key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9+/])(K00[0-9A-Za-z+/]{28})(?![A-Za-z0-9+/=])/g, keywords: ['k00'] }],
  // A master application key of an account older than application keys: `00` + 40 hex, known by its name (restic's
  // B2_ACCOUNT_KEY, the b2 tool's B2_APPLICATION_KEY) or as the `key` of an rclone remote of `type = b2`.
  contextPatterns: [
    { variable: /^B2_(?:ACCOUNT|APPLICATION|APP)_?KEY$/i, value: B2_MASTER_HEX_KEY, keywords: ['b2_'] },
    // The config's section is in the name it is read under (`offsite_key` for `key` in `[offsite]`).
    { variable: /(?:^|[_.])key$/, value: B2_MASTER_HEX_KEY, keywords: ['key'], requires: ['b2'] },
  ],
  // A `K00` key is B2's wherever it is; a bare hex `key` only in a remote of type b2.
  claims: (context) =>
    !B2_MASTER_HEX_KEY.test(context.value) || /^B2_/i.test(context.variable ?? '') || Object.entries(context.siblingValues).some(([name, value]) => /(?:^|[_.])type$/.test(name) && value.trim() === 'b2'),
  plausible: (value) => (B2_MASTER_HEX_KEY.test(value) ? looksRandom(value.slice(2), 40, 3.2) : !isPlaceholder(value.slice(3)) && new Set(value.slice(3)).size >= 12),
  rate: (context) =>
    readOnlyRating(context, 'B2 key') ??
    (isB2MasterKey(context) ? { scope: 'root', because: "the master application key (its key ID is the account's ID, or the key has the master key's older form) has every capability on every bucket" } : undefined) ??
    (nameWord(context, new Set(['master'])) ? { scope: 'root', because: 'the master application key has every capability on every bucket' } : {
      scope: 'root-resource',
      because: "a B2 key's buckets and capabilities (deleting files and versions among them) are not in the value, so it is rated the broad kind",
    }),
  reach: 'reads, overwrites and deletes files and their versions in the buckets it may use: off-provider backups among them',
  narrower: 'give each job a key limited to its one bucket, and to listFiles/writeFiles only where it only uploads backups (no deleteFiles)',
  reference: 'https://www.backblaze.com/docs/cloud-storage-application-keys',
  samples: {
    positive: [
      sample('rclone.conf', '[b2]\ntype = b2\naccount = 0025f1a2b3c4d5e0000000003\nkey = K002vX7mQ2pL9kRt4wZb3nY6cF1hJ5d\n', { expect: { line: 4 } }),
      sample('scripts/backup.sh', '#!/bin/sh\nexport B2_ACCOUNT_ID=0025f1a2b3c4d5e0000000003\nexport B2_ACCOUNT_KEY=K002vX7mQ2pL9kRt4wZb3nY6cF1hJ5d\nrestic -r b2:acme-backups:db backup /var/backups\n', { expect: { line: 3 } }),
      sample('bin/restic-b2.sh', '#!/usr/bin/env bash\nexport B2_ACCOUNT_ID=61bb4f75d194\nexport B2_ACCOUNT_KEY=0017d90f6a1ae2c4001b205ec64e8581e3a5b3ec27\nexport RESTIC_REPOSITORY=b2:laptop-backup\nrestic backup ~/Documents\n', { expect: { line: 3 }, note: "an older account's master key: 00 and 40 hex" }),
      sample('rclone.conf', '[offsite]\ntype = b2\naccount = 61bb4f75d194\nkey = 0017d90f6a1ae2c4001b205ec64e8581e3a5b3ec27\nhard_delete = false\n', { expect: { line: 4 } }),
      sample('.github/workflows/offsite.yml', 'jobs:\n  offsite:\n    env:\n      RCLONE_CONFIG_B2S3_TYPE: s3\n      RCLONE_CONFIG_B2S3_PROVIDER: Other\n      RCLONE_CONFIG_B2S3_ENDPOINT: s3.us-west-004.backblazeb2.com\n      RCLONE_CONFIG_B2S3_SECRET_ACCESS_KEY: K004vX7mQ2pL9kRt4wZb3nY6cF1hJ5d\n', { expect: { line: 7 }, note: "B2's S3-compatible API: the key under S3's name" }),
    ],
    negative: [
      sample('docs/backups.md', 'Set `B2_ACCOUNT_KEY=K00xxxxxxxxxxxxxxxxxxxxxxxxxxxx` from the Backblaze console.\n'),
      sample('scripts/backup.sh', '#!/bin/sh\nexport B2_ACCOUNT_KEY="${B2_KEY}"\nrestic -r b2:acme-backups:db backup /var/backups\n'),
      sample('rclone.conf', '[cache]\ntype = hasher\nremote = b2:acme\nkey = 0017d90f6a1ae2c4001b205ec64e8581e3a5b3ec27\n', { note: "another remote's `key`" }),
      sample('bin/restic-b2.sh', '#!/usr/bin/env bash\nexport B2_ACCOUNT_ID=983ea7b52837\nexport B2_ACCOUNT_KEY=0005c8c4555555555555555555ffffffffffffdddd\n', { note: 'a made-up example' }),
    ],
  },
  scopeSamples: {
    positive: [sample('rclone.conf', '[b2]\ntype = b2\naccount = 0025f1a2b3c4d5e0000000003\nkey = K002vX7mQ2pL9kRt4wZb3nY6cF1hJ5d\n', { expect: { line: 4 } })],
    negative: [sample('.env.backup', 'B2_READ_ONLY_KEY=K002vX7mQ2pL9kRt4wZb3nY6cF1hJ5d\n', { note: 'named read-only' })],
  },
};

const POSTHOG_PERSONAL = 'phx_Kq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1';

/**
 * PostHog personal API keys: `phx_` and the base62 form of 32 random bytes (posthog/models/utils.py). The project
 * key (`phc_`) is the browser snippet's and public; a personal key reads and changes what its user can, in every
 * organisation and project the key was not limited from.
 */
export const posthogPersonalApiKey: CredentialKind = {
  id: 'posthog-personal-api-key',
  provider: 'posthog',
  title: 'PostHog personal API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(phx_[A-Za-z0-9]{40,50})(?![A-Za-z0-9_])/g, keywords: ['phx_'] }],
  plausible: (value) => looksRandom(value.slice(4), 40, 4) && /[0-9]/.test(value) && !isPlaceholder(value.slice(4)),
  rate: (context) =>
    readOnlyRating(context, 'PostHog key') ?? {
      scope: 'root',
      because: 'a personal API key acts as its user in every organization and project it was not limited from; its scopes are not in the value',
    },
  reach: 'acts as its user across PostHog: reads every event, person and recording of the projects it reaches, and with write scopes deletes persons, feature flags, dashboards and projects',
  narrower: 'create the personal key with only the scopes the job needs (query:read) and limited to one project, or use the project key for capturing events',
  reference: 'https://posthog.com/docs/api#private-endpoint-authentication',
  samples: {
    positive: [
      sample('scripts/export-events.sh', `#!/bin/sh\nexport POSTHOG_PERSONAL_API_KEY=${POSTHOG_PERSONAL}\ncurl -H "Authorization: Bearer $POSTHOG_PERSONAL_API_KEY" https://eu.posthog.com/api/projects/\n`, { expect: { line: 2 } }),
      sample('web/.env.production', `NEXT_PUBLIC_POSTHOG_KEY=${POSTHOG_PERSONAL}\nNEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com\n`, { expect: { line: 1 }, note: 'a personal key put where the project key belongs ships to every browser' }),
    ],
    negative: [
      sample('web/.env.production', 'NEXT_PUBLIC_POSTHOG_KEY=phc_Kq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1\nNEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com\n', { note: 'the project key is public' }),
      sample('docs/analytics.md', 'Create a personal API key (it starts with `phx_`, e.g. `phx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`) under Settings.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.tools', `POSTHOG_PERSONAL_API_KEY=${POSTHOG_PERSONAL}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.tools', `# read-only key (query:read) for the weekly report\nPOSTHOG_PERSONAL_API_KEY=${POSTHOG_PERSONAL}\n`)],
  },
};

export const SAAS_KINDS: readonly CredentialKind[] = [
  slackUserToken,
  slackBotToken,
  slackWebhook,
  openaiAdminKey,
  openaiProjectKey,
  openaiLegacyKey,
  anthropicAdminKey,
  anthropicApiKey,
  anthropicOauthToken,
  twilioAuthToken,
  twilioApiKeySecret,
  twilioApiKey,
  sendgridApiKey,
  mailgunApiKey,
  postmarkAccountToken,
  postmarkServerToken,
  algoliaApiKey,
  linearApiKey,
  shopifyAccessToken,
  shopifySharedSecret,
  mapboxAccessToken,
  huggingfaceAccessToken,
  kaggleApiKey,
  backblazeApplicationKey,
  posthogPersonalApiKey,
];
