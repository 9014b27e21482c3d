// Domain registrars' API keys: whoever holds one can repoint the account's domains (DNS records, nameservers), which
// hands the sites' traffic, mail and certificate issuance to someone else. Porkbun's pair is `pk1_` + `sk1_`, 64 hex each.
import { sample } from '../../src/model.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { randomAfter } from './values.js';

const PORKBUN_KEY = 'pk1_3c9e1a7f5b2d8e4a6c0f9b7d5e3a1c8f2b6d4e0a9c7e5b3d1f8a6c4e2b0d9f7a';
const PORKBUN_SECRET = 'sk1_8e2b6d4a903f7c9a1e5b2d8f4a6c0e9b7d5a3f1c8e6b4d2a0f9c7e5b3d1a8f6c';

export const porkbunApiSecret: CredentialKind = {
  id: 'porkbun-api-secret',
  provider: 'porkbun',
  title: 'Porkbun API secret key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sk1_[a-f0-9]{64})(?![A-Za-z0-9_-])/g, keywords: ['sk1_'] }],
  plausible: randomAfter(4),
  rate: fixed('root', 'an API key pair acts on every domain of the account that has API access turned on'),
  reach: "with its pk1_ key, edits DNS records and nameservers of the account's domains: repoints the sites, their mail and their certificate validation",
  narrower: "turn API access on only for the domains the job updates, and keep the pair in a secret store rather than the repository",
  reference: 'https://porkbun.com/api/json/v3/documentation',
  samples: {
    positive: [
      sample('ddns/config.json', `{\n  "endpoint": "https://api.porkbun.com/api/json/v3",\n  "apikey": "${PORKBUN_KEY}",\n  "secretapikey": "${PORKBUN_SECRET}",\n  "domain": "acme.io"\n}\n`, { expect: { line: 4 } }),
      sample('scripts/certbot-dns.sh', `#!/bin/sh\nexport PORKBUN_API_KEY=${PORKBUN_KEY}\nexport PORKBUN_SECRET_API_KEY=${PORKBUN_SECRET}\ncertbot certonly --dns-porkbun -d acme.io\n`, { expect: { line: 3 } }),
    ],
    negative: [sample('ddns/config.example.json', '{\n  "apikey": "pk1_...",\n  "secretapikey": "sk1_...",\n  "domain": "example.com"\n}\n')],
  },
  scopeSamples: {
    positive: [sample('ddns/config.json', `{\n  "apikey": "${PORKBUN_KEY}",\n  "secretapikey": "${PORKBUN_SECRET}"\n}\n`, { expect: { line: 3 } })],
    negative: [sample('ddns/config.json', '{\n  "apikey": "pk1_xxxxxxxxxxxxxxxx",\n  "secretapikey": "sk1_xxxxxxxxxxxxxxxx"\n}\n')],
  },
};

export const DOMAIN_KINDS: readonly CredentialKind[] = [porkbunApiSecret];
