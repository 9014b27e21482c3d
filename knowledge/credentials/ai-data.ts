// What AI apps call besides the model vendors (ai.ts, saas.ts): OpenRouter, a gateway that bills every model to one
// account, and Pinecone, the vector database that holds the app's embedded documents.
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { randomAfter } from './values.js';

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

export const AI_DATA_KINDS: readonly CredentialKind[] = [openrouterApiKey, pineconeApiKey];
