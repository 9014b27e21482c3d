// Domain registrars' API keys: whoever holds one can repoint the account's domains (DNS records, nameservers), which
// hands the sites' traffic, mail and certificate issuance to someone else. Porkbun's pair is `pk1_` + `sk1_`, 64 hex each;
// GoDaddy's key and secret travel together in an `sso-key KEY:SECRET` Authorization header.
import { sample } from '../../src/model.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { randomAfter } from './values.js';

const PORKBUN_KEY = 'pk1_3c9e1a7f5b2d8e4a6c0f9b7d5e3a1c8f2b6d4e0a9c7e5b3d1f8a6c4e2b0d9f7a';
const GODADDY_KEY = 'h8JpFNFEsxjXFZUKeUdrH6BPcEzIgNN81L';
const GODADDY_SECRET = '4BLYNDI7Qx5GBegxmhGMCM';
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

/** The key and secret GoDaddy's own documentation shows. */
const GODADDY_DOCUMENTED: ReadonlySet<string> = new Set(['UzQxLikm_46KxDFnbjN7cQjmw6wocia:46L26ydpkwMaKZV6uVdDWe']);

export const godaddyApiKey: CredentialKind = {
  id: 'godaddy-api-key',
  provider: 'godaddy',
  title: 'GoDaddy API key and secret',
  valuePatterns: [{ regex: /sso-key[ \t]+([A-Za-z0-9_]{20,50}:[A-Za-z0-9]{16,30})(?![A-Za-z0-9_])/gi, keywords: ['sso-key'] }],
  plausible: (value) => !GODADDY_DOCUMENTED.has(value) && randomAfter(value.indexOf(':') + 1)(value) && randomAfter(0)(value.slice(0, value.indexOf(':'))),
  rate: fixed('root', "a production API key acts on every domain of the account: DNS records, nameservers, transfers"),
  reach: "edits DNS records and nameservers of every domain in the GoDaddy account and can unlock them for transfer: repoints the sites, their mail and their certificate validation",
  narrower: 'keep the key in a secret store; use an OTE (test) key outside production, and a separate account for the domains automation touches',
  reference: 'https://developer.godaddy.com/getstarted',
  samples: {
    positive: [
      sample('scripts/update-dns.sh', `#!/bin/sh\ncurl -X PUT "https://api.godaddy.com/v1/domains/acme.io/records/A/@" \\\n  -H "Authorization: sso-key ${GODADDY_KEY}:${GODADDY_SECRET}" \\\n  -H "Content-Type: application/json" -d '[{"data":"203.0.113.10"}]'\n`, { expect: { line: 3 } }),
    ],
    negative: [sample('scripts/update-dns.sh', '#!/bin/sh\ncurl -X PUT "https://api.godaddy.com/v1/domains/acme.io/records/A/@" \\\n  -H "Authorization: sso-key $GODADDY_KEY:$GODADDY_SECRET"\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/update-dns.sh', `curl -H "Authorization: sso-key ${GODADDY_KEY}:${GODADDY_SECRET}" https://api.godaddy.com/v1/domains\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/update-dns.sh', 'curl -H "Authorization: sso-key UzQxLikm_46KxDFnbjN7cQjmw6wocia:46L26ydpkwMaKZV6uVdDWe" https://api.godaddy.com/v1/domains\n', { note: "GoDaddy's documented example key" })],
  },
};

export const DOMAIN_KINDS: readonly CredentialKind[] = [porkbunApiSecret, godaddyApiKey];
