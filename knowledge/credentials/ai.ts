// Keys of AI platforms beyond OpenAI and Anthropic (saas.ts): each acts on one organisation's inference, files, fine-
// tuned models and traces, and is billed to it. Their prefixes are the vendors' own (gitleaks and trufflehog match
// the same shapes).
import { sample } from '../../src/model.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { randomAfter } from './values.js';


interface AiKey {
  id: string;
  provider: string;
  title: string;
  regex: RegExp;
  keyword: string;
  reach: string;
  narrower: string;
  reference: string;
  value: string;
  line: (value: string) => [path: string, text: string, line: number];
}

function aiKind(key: AiKey): CredentialKind {
  const [path, text, line] = key.line(key.value);
  return {
    id: key.id,
    provider: key.provider,
    title: key.title,
    valuePatterns: [{ regex: key.regex, keywords: [key.keyword] }],
    plausible: randomAfter(key.keyword.length),
    rate: fixed('scoped', `a ${key.title} acts on one organisation's ${key.provider} account, not on infrastructure or data stores`),
    reach: key.reach,
    narrower: key.narrower,
    reference: key.reference,
    samples: {
      positive: [sample(path, text, { expect: { line } })],
      negative: [sample(path, text.replace(key.value, `${key.keyword}${'x'.repeat(key.value.length - key.keyword.length)}`), { note: 'a template value' })],
    },
  };
}

export const groqApiKey = aiKind({
  id: 'groq-api-key',
  provider: 'groq',
  title: 'Groq API key',
  regex: /(?<![A-Za-z0-9_])(gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_])/g,
  keyword: 'gsk_',
  reach: "runs inference billed to the organisation and reads and deletes its uploaded files and batches",
  narrower: 'keep the key in the server environment and set spend limits on the organisation',
  reference: 'https://console.groq.com/docs/api-keys',
  value: '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',
  line: (value) => ['app/llm.py', `from groq import Groq\n\nclient = Groq(api_key="${value}")\n`, 3],
});

export const xaiApiKey = aiKind({
  id: 'xai-api-key',
  provider: 'xai',
  title: 'xAI API key',
  regex: /(?<![A-Za-z0-9_-])(xai-[A-Za-z0-9]{80})(?![A-Za-z0-9_-])/g,
  keyword: 'xai-',
  reach: "runs Grok inference billed to the team and reads the team's stored files and collections",
  narrower: 'create the key with only the endpoints and models it uses (xAI keys take ACLs), and keep it server-side',
  reference: 'https://docs.x.ai/docs/api-reference',
  value: 'xai-x9KsQuKf0ElTELYCRPklZlIuR0HmLhfgBcKr8Kr0Lvgx5sIt5XDJnqjgNYhTY1FpvIj6VLg8ykCcdOAz',
  line: (value) => ['src/grok.ts', `import OpenAI from 'openai';\n\nexport const grok = new OpenAI({ baseURL: 'https://api.x.ai/v1', apiKey: '${value}' });\n`, 3],
});

export const e2bApiKey = aiKind({
  id: 'e2b-api-key',
  provider: 'e2b',
  title: 'E2B API key',
  regex: /(?<![A-Za-z0-9_])(e2b_[0-9a-f]{40})(?![A-Za-z0-9_])/g,
  keyword: 'e2b_',
  reach: "starts sandboxes billed to the team and runs code in them, and reads and kills the team's running sandboxes",
  narrower: 'keep the key in the server environment, one per service, and rotate it from the E2B dashboard',
  reference: 'https://e2b.dev/docs/api-key',
  value: 'e2b_3f9a1c7e52b84d06a9e1f27c4b8d5e0a1c3f7b92',
  line: (value) => ['src/services/sandbox.js', `import { Sandbox } from '@e2b/code-interpreter';\n\nexport const sandbox = () => Sandbox.create({ apiKey: process.env.E2B_API_KEY || '${value}' });\n`, 3],
});

export const replicateApiToken = aiKind({
  id: 'replicate-api-token',
  provider: 'replicate',
  title: 'Replicate API token',
  regex: /(?<![A-Za-z0-9_])(r8_[A-Za-z0-9]{37})(?![A-Za-z0-9_])/g,
  keyword: 'r8_',
  reach: "runs models and deployments billed to the account, and creates, changes and deletes its models, trainings and deployments",
  narrower: 'use a token of an organisation limited to the deployments it runs, and keep it server-side',
  reference: 'https://replicate.com/docs/topics/security/api-tokens',
  value: 'r8_bkZoRaoZV8dI8CVfwbYyFmceqDJmW7D8snfgJ',
  line: (value) => ['scripts/generate.sh', `#!/bin/sh\nexport REPLICATE_API_TOKEN=${value}\nreplicate run stability-ai/sdxl prompt="a cat"\n`, 2],
});

export const perplexityApiKey = aiKind({
  id: 'perplexity-api-key',
  provider: 'perplexity',
  title: 'Perplexity API key',
  regex: /(?<![A-Za-z0-9_-])(pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
  keyword: 'pplx-',
  reach: 'runs searches and completions billed to the API group',
  narrower: 'keep the key server-side and cap the API group’s credits',
  reference: 'https://docs.perplexity.ai/guides/getting-started',
  value: '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',
  line: (value) => ['.cursor/mcp.json', `{\n  "mcpServers": {\n    "perplexity": {\n      "command": "npx",\n      "args": ["-y", "server-perplexity-ask"],\n      "env": { "PERPLEXITY_API_KEY": "${value}" }\n    }\n  }\n}\n`, 6],
});

export const langsmithApiKey = aiKind({
  id: 'langsmith-api-key',
  provider: 'langsmith',
  title: 'LangSmith API key',
  regex: /(?<![A-Za-z0-9_])(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_])/g,
  keyword: 'lsv2_',
  reach: "reads every trace of the workspace (prompts, model outputs and the user data in them) and changes its datasets, prompts and deployments",
  narrower: 'use a personal access token (lsv2_pt_) of a user with the workspace role it needs, not a service key (lsv2_sk_)',
  reference: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
  value: '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',
  line: (value) => ['notebooks/eval.py', `import os\n\nos.environ["LANGSMITH_API_KEY"] = "${value}"\nos.environ["LANGSMITH_TRACING"] = "true"\n`, 3],
});

export const nvidiaApiKey = aiKind({
  id: 'nvidia-api-key',
  provider: 'nvidia',
  title: 'NVIDIA API key',
  regex: /(?<![A-Za-z0-9_-])(nvapi-[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])/g,
  keyword: 'nvapi-',
  reach: 'runs NIM inference billed to the account and pulls its private NGC containers and models',
  narrower: 'use a key limited to the services it needs (NGC catalog or cloud functions), and keep it server-side',
  reference: 'https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-api-key',
  value: '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',
  line: (value) => ['docker-compose.yml', `services:\n  nim:\n    image: nvcr.io/nim/meta/llama-3.1-8b-instruct:latest\n    environment:\n      NGC_API_KEY: ${value}\n`, 5],
});

export const AI_KINDS: readonly CredentialKind[] = [groqApiKey, xaiApiKey, e2bApiKey, replicateApiToken, perplexityApiKey, langsmithApiKey, nvidiaApiKey];
