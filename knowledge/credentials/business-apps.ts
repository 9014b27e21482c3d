// Apps that hold a business's records and published content: Airtable, HubSpot and Contentful. Their tokens read and
// rewrite what the business runs on (bases used as databases, the CRM's contacts and deals, the live site's content).
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { randomAfter } from './values.js';

const AIRTABLE = 'patu8jzPde0IgxLd6.612dd272d1371c17149d439536b3216fdaeeb975729fae923d5a4fd12aabfe22';
const AIRTABLE_PAT = /^pat[A-Za-z0-9]{14}\.[a-f0-9]{64}$/;
const HUBSPOT = 'pat-na1-b2715945-795e-4229-851a-bd81f1d69ed6';
const CONTENTFUL = 'CFPAT-ihN5KXSc7Tvo-hBKqFYY-kv5ZJr3J1TWDtkwtDDb_xH';

export const airtablePersonalAccessToken: CredentialKind = {
  id: 'airtable-personal-access-token',
  provider: 'airtable',
  title: 'Airtable personal access token',
  // pat, the token's id (14) and its secret (64 hex). `pat` is in every other word, so the token is known by the
  // names it goes by (AIRTABLE_API_KEY, an `apiKey` where Airtable is named) or the API it is sent to.
  contextPatterns: [
    { variable: /airtable/i, value: AIRTABLE_PAT, keywords: ['airtable'] },
    { variable: /^(?:api_?key|(?:personal_?)?access_?token|token)$/i, value: AIRTABLE_PAT, keywords: ['key', 'token'], requires: ['airtable'] },
    { header: /^authorization$/i, value: AIRTABLE_PAT, keywords: ['authorization'], requires: ['api.airtable.com'] },
  ],
  plausible: randomAfter(18),
  rate: broadUnlessReadOnly('Airtable token', 'root', 'a personal access token acts as its user on the bases it was granted (possibly every base of every workspace) with the scopes chosen at creation'),
  reach: 'acts as its user on the Airtable bases it was granted: with write scopes it edits and deletes records and tables of bases teams use as their database',
  narrower: 'grant the token only the base it needs and the data.records:read scope where it only reads',
  reference: 'https://airtable.com/developers/web/guides/personal-access-tokens',
  samples: {
    positive: [
      sample('scripts/export.sh', `#!/bin/sh\ncurl "https://api.airtable.com/v0/appQ7vN2xL9pRt4kW/Orders" -H "Authorization: Bearer ${AIRTABLE}"\n`, { expect: { line: 2 } }),
      sample('src/lib/airtable.ts', `import Airtable from 'airtable';\n\nexport const base = new Airtable({ apiKey: '${AIRTABLE}' }).base('appQ7vN2xL9pRt4kW');\n`, { expect: { line: 3 } }),
      sample('.env.production', `AIRTABLE_API_KEY=${AIRTABLE}\nAIRTABLE_BASE_ID=appQ7vN2xL9pRt4kW\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('.env.example', 'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nAIRTABLE_BASE_ID=appXXXXXXXXXXXXXX\n')],
  },
  scopeSamples: {
    positive: [sample('.env.production', `AIRTABLE_API_KEY=${AIRTABLE}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.production', `AIRTABLE_READONLY_TOKEN=${AIRTABLE}\n`)],
  },
};

export const hubspotPrivateAppToken: CredentialKind = {
  id: 'hubspot-private-app-token',
  provider: 'hubspot',
  title: 'HubSpot private app access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pat-(?:na|eu|ap)\d-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})(?![A-Za-z0-9_-])/g, keywords: ['pat-na', 'pat-eu', 'pat-ap'] }],
  plausible: randomAfter(8),
  rate: broadUnlessReadOnly('HubSpot token', 'root-resource', "a private app's token holds the scopes chosen for the app on the whole HubSpot account (not in the value)"),
  reach: "acts on the HubSpot account with its private app's scopes: reads, exports and deletes contacts, companies and deals, and sends marketing email where granted",
  narrower: 'give the private app only the read scopes (crm.objects.contacts.read) the integration uses, and rotate the token',
  reference: 'https://developers.hubspot.com/docs/api/private-apps',
  samples: {
    positive: [
      sample('crm/sync.py', `from hubspot import HubSpot\n\napi_client = HubSpot(access_token="${HUBSPOT}")\n`, { expect: { line: 3 } }),
      sample('scripts/export_contacts.sh', `#!/bin/sh\ncurl https://api.hubapi.com/crm/v3/objects/contacts -H "Authorization: Bearer ${HUBSPOT}"\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('crm/sync.py', 'from hubspot import HubSpot\n\napi_client = HubSpot(access_token=os.environ["HUBSPOT_ACCESS_TOKEN"])  # pat-na1-...\n')],
  },
  scopeSamples: {
    positive: [sample('crm/sync.py', `api_client = HubSpot(access_token="${HUBSPOT}")\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `HUBSPOT_READONLY_TOKEN=${HUBSPOT}\n`)],
  },
};

export const contentfulManagementToken: CredentialKind = {
  id: 'contentful-management-token',
  provider: 'contentful',
  title: 'Contentful personal access token (Content Management API)',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keywords: ['cfpat-'] }],
  plausible: randomAfter(6),
  rate: broadUnlessReadOnly('Contentful token', 'root', 'a personal access token acts as its user in every space and organization they belong to'),
  reach: "acts as its user in every Contentful space they belong to: publishes, unpublishes and deletes the live site's entries and assets, and changes content models and webhooks",
  narrower: "use the Content Delivery API key (read-only, published content) in the site, and keep management tokens to migration jobs' CI secrets",
  reference: 'https://www.contentful.com/developers/docs/references/authentication/',
  samples: {
    positive: [sample('migrations/run.js', `const contentful = require('contentful-management');\n\nconst client = contentful.createClient({ accessToken: '${CONTENTFUL}' });\n`, { expect: { line: 3 } })],
    negative: [sample('migrations/run.js', "const contentful = require('contentful-management');\n\nconst client = contentful.createClient({ accessToken: process.env.CONTENTFUL_MANAGEMENT_TOKEN });\n")],
  },
  scopeSamples: {
    positive: [sample('.env', `CONTENTFUL_MANAGEMENT_TOKEN=${CONTENTFUL}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${'x'.repeat(43)}\n`)],
  },
};

export const BUSINESS_APP_KINDS: readonly CredentialKind[] = [airtablePersonalAccessToken, hubspotPrivateAppToken, contentfulManagementToken];
