// What AI apps call besides the model vendors with prefixed keys (ai.ts, saas.ts): OpenRouter, a gateway that bills
// every model to one account; Pinecone, the vector database that holds the app's embedded documents; and model vendors
// whose keys carry no prefix of their own (Mistral, Cohere, DeepSeek) or a short one (Together, Fireworks), known by the
// variables their SDKs read or by an `api_key` where their SDK or API is named.
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly } from './narrowing.js';
import type { ContextPattern, CredentialKind } from './types.js';
import { fixed } from './types.js';
import { looksRandom, randomAfter } from './values.js';

const OPENROUTER = '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';
const PINECONE = 'pcsk_zSdfS_X4cW34WlN9LjfYRbJBELm1XbRjW96Fr4AKKXwjeoeRZcLQAyVInHjyJo5cm08OF';

export const openrouterApiKey: CredentialKind = {
  id: 'openrouter-api-key',
  provider: 'openrouter',
  title: 'OpenRouter API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9_-])/g, keywords: ['sk-or-v1-'] }],
  plausible: randomAfter(9),
  rate: fixed('scoped', "a key calls models against the account's credits, up to the limit set on it (not in the value)"),
  reach: "calls every model on OpenRouter billed to the account's credits, up to the key's limit, and reads the key's usage",
  narrower: 'set a credit limit on the key and keep it in the server environment; give each app its own key',
  reference: 'https://openrouter.ai/docs/api-reference/authentication',
  samples: {
    positive: [
      sample('bot/llm.py', `from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="${OPENROUTER}")\n`, { expect: { line: 3 } }),
      sample('.env', `OPENAI_API_KEY=${OPENROUTER}\nOPENAI_BASE_URL=https://openrouter.ai/api/v1\n`, { expect: { line: 1 }, note: "OpenRouter's key in OpenAI's variable" }),
    ],
    negative: [sample('README.md', 'Set `OPENROUTER_API_KEY` to your key (it starts with `sk-or-v1-`).\n')],
  },
};

export const pineconeApiKey: CredentialKind = {
  id: 'pinecone-api-key',
  provider: 'pinecone',
  title: 'Pinecone API key',
  // pcsk_, the key's id, and the secret.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80})(?![A-Za-z0-9_-])/g, keywords: ['pcsk_'] }],
  plausible: (value) => randomAfter(value.indexOf('_', 5) + 1)(value),
  rate: broadUnlessReadOnly('Pinecone key', 'root-resource', 'a key has All permissions on its project unless it was given a narrower role (not in the value)'),
  reach: "with All permissions (the default) controls the project's indexes: reads every stored vector and its metadata (the app's documents), overwrites them, and deletes indexes and backups",
  narrower: 'create the key with the DataPlaneViewer role where the app only queries, or DataPlaneEditor where it writes',
  reference: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
  samples: {
    positive: [
      sample('rag/index.py', `from pinecone import Pinecone\n\npc = Pinecone(api_key="${PINECONE}")\nindex = pc.Index("docs")\n`, { expect: { line: 3 } }),
      sample('docker-compose.yml', `services:\n  api:\n    environment:\n      PINECONE_API_KEY: ${PINECONE}\n`, { expect: { line: 4 } }),
    ],
    negative: [sample('rag/index.py', 'from pinecone import Pinecone\n\npc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])  # pcsk_...\n')],
  },
  scopeSamples: {
    positive: [sample('rag/index.py', `pc = Pinecone(api_key="${PINECONE}")\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `PINECONE_READONLY_API_KEY=${PINECONE}\n`)],
  },
};

interface NamedAiKey {
  id: string;
  provider: string;
  title: string;
  /** The variables the SDK and its docs read (MISTRAL_API_KEY). */
  variable: RegExp;
  /** The variable written in the samples. */
  env: string;
  keywords: readonly string[];
  /** A literal that names the SDK or API in a file where the key is a bare `api_key`. */
  sdk: string;
  value: RegExp;
  /** The key's own prefix, where it has one: found wherever it is. */
  prefixed?: { regex: RegExp; keyword: string };
  reach: string;
  reference: string;
  sample: string;
  /** A line of code that hands the key to the SDK, with `KEY` where the key goes. */
  code: [path: string, text: string, line: number];
}

function namedAiKey(key: NamedAiKey): CredentialKind {
  const patterns: ContextPattern[] = [
    { variable: key.variable, value: key.value, keywords: key.keywords },
    { variable: /^api_?key$/i, value: key.value, keywords: ['key'], requires: [key.sdk] },
  ];
  const [path, text, line] = key.code;
  return {
    id: key.id,
    provider: key.provider,
    title: key.title,
    ...(key.prefixed ? { valuePatterns: [{ regex: key.prefixed.regex, keywords: [key.prefixed.keyword] }] } : {}),
    contextPatterns: patterns,
    plausible: (value) => looksRandom(value.replace(/^(?:sk-|tgp_v1_|fw_)/, ''), 16, 3.0),
    rate: fixed('scoped', `a ${key.title} calls the models billed to one ${key.provider} account or workspace, not infrastructure or data stores`),
    reach: key.reach,
    narrower: 'keep it in the server environment with a spending limit on the account, and give each app its own key',
    reference: key.reference,
    samples: {
      positive: [
        sample('.env', `${key.env}=${key.sample}\n`, { expect: { line: 1 } }),
        sample(path, text.replace('KEY', key.sample), { expect: { line } }),
      ],
      negative: [sample(path, text.replace(`"KEY"`, 'os.environ["API_KEY"]').replace(`'KEY'`, 'process.env.API_KEY'), { note: 'read from the environment' })],
    },
  };
}

export const mistralApiKey = namedAiKey({
  id: 'mistral-api-key',
  provider: 'mistral',
  title: 'Mistral AI API key',
  variable: /^MISTRAL_API_KEY$|^mistral[_.-]?api[_.-]?key$/i,
  env: 'MISTRAL_API_KEY',
  keywords: ['mistral'],
  sdk: 'mistralai',
  value: /^[A-Za-z0-9]{32}$/,
  reach: "calls Mistral's models and reads the workspace's files, fine-tuning jobs and batches, billed to the workspace",
  reference: 'https://docs.mistral.ai/getting-started/quickstart/',
  sample: 'mrkiJT6gjqAmJTWsMCb1iLc4FCcgR2hf',
  code: ['agent/llm.py', 'from mistralai import Mistral\n\nclient = Mistral(api_key="KEY")\n', 3],
});

export const cohereApiKey = namedAiKey({
  id: 'cohere-api-key',
  provider: 'cohere',
  title: 'Cohere API key',
  variable: /^(?:COHERE|CO)_API_KEY$|^cohere[_.-]?api[_.-]?key$/i,
  env: 'COHERE_API_KEY',
  keywords: ['cohere', 'co_api'],
  sdk: 'cohere',
  value: /^[A-Za-z0-9]{40}$/,
  reach: "calls Cohere's models and reads the account's datasets, fine-tunes and connectors, billed to the account",
  reference: 'https://docs.cohere.com/reference/about',
  sample: 'uMMZ3UAMq6ujZTOhWISPdJPors1ukU1jYT86Zt1W',
  code: ['search/rerank.py', 'import cohere\n\nco = cohere.ClientV2(api_key="KEY")\n', 3],
});

export const deepseekApiKey = namedAiKey({
  id: 'deepseek-api-key',
  provider: 'deepseek',
  title: 'DeepSeek API key',
  variable: /^DEEPSEEK_API_KEY$|^deepseek[_.-]?api[_.-]?key$/i,
  env: 'DEEPSEEK_API_KEY',
  keywords: ['deepseek'],
  sdk: 'api.deepseek.com',
  value: /^sk-[a-f0-9]{32}$/,
  reach: "calls DeepSeek's models billed to the account's balance",
  reference: 'https://api-docs.deepseek.com/',
  sample: 'sk-2726998d7388f662a8dd0ff1688b1cd5',
  code: ['bot/chat.py', 'from openai import OpenAI\n\nclient = OpenAI(api_key="KEY", base_url="https://api.deepseek.com")\n', 3],
});

export const togetherApiKey = namedAiKey({
  id: 'together-api-key',
  provider: 'together',
  title: 'Together AI API key',
  variable: /^TOGETHER_(?:AI_)?API_KEY$|^together[_.-]?(?:ai[_.-]?)?api[_.-]?key$/i,
  env: 'TOGETHER_API_KEY',
  keywords: ['together'],
  sdk: 'api.together',
  value: /^(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})$/,
  prefixed: { regex: /(?<![A-Za-z0-9_-])(tgp_v1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keyword: 'tgp_v1_' },
  reach: "calls Together's models, runs fine-tunes and dedicated endpoints billed to the account, and reads its files",
  reference: 'https://docs.together.ai/reference/authentication-1',
  sample: 'tgp_v1_BMznXEQk-qHu_aboqVyu5atlHw8q1q1-yjVjkl6Jse2',
  code: ['src/llm.ts', "import Together from 'together-ai';\n\nexport const together = new Together({ apiKey: 'KEY' });\n", 3],
});

export const fireworksApiKey = namedAiKey({
  id: 'fireworks-api-key',
  provider: 'fireworks',
  title: 'Fireworks AI API key',
  variable: /^FIREWORKS_API_KEY$|^fireworks[_.-]?api[_.-]?key$/i,
  env: 'FIREWORKS_API_KEY',
  keywords: ['fireworks'],
  sdk: 'fireworks',
  value: /^fw_[A-Za-z0-9]{20,40}$/,
  reach: "calls Fireworks' models, deploys models and runs fine-tunes billed to the account",
  reference: 'https://docs.fireworks.ai/api-reference/introduction',
  sample: 'fw_TJnUXTEMZ67WTzdEfrCzjMr7',
  code: ['bot/llm.py', 'from fireworks.client import Fireworks\n\nclient = Fireworks(api_key="KEY")\n', 3],
});

export const AI_DATA_KINDS: readonly CredentialKind[] = [openrouterApiKey, pineconeApiKey, mistralApiKey, cohereApiKey, deepseekApiKey, togetherApiKey, fireworksApiKey];
