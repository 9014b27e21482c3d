// Email services beyond SendGrid, Mailgun and Postmark (saas.ts): Resend, Brevo (formerly Sendinblue) and Mailchimp.
// Their main API keys act on the whole account (domains, contacts, campaigns, further keys); a send-only key only sends,
// which is still enough to phish the account's recipients from its verified domains.
import { sample } from '../../src/model.js';
import { nameWord, readOnlyRating } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { randomAfter } from './values.js';

const RESEND = 're_DiqthqbG_CmoMUiZLkfBZUHWbFYj9uDK8';
const BREVO = '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';
const BREVO_SMTP = 'xsmtpsib-391cd998170f74a935438db0f60f2253fb4cd6ea08ffd3df52c01d4b1b82d128-AUIQbxXBxdYRbyxh';
const MAILCHIMP = '7f3791ca771c5cd5c09a9567abc5471f-us21';

const MAILCHIMP_KEY = /^[a-f0-9]{32}-us\d{1,2}$/;
const SENDING_WORDS: ReadonlySet<string> = new Set(['sending', 'send', 'smtp', 'transactional']);

export const resendApiKey: CredentialKind = {
  id: 'resend-api-key',
  provider: 'resend',
  title: 'Resend API key',
  // re_, an 8-character id and a 24-character secret, both base58. `re_` ends many words (are_, store_): Resend must be
  // named in the file (its SDK, its variable or its API).
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(re_[1-9A-HJ-NP-Za-km-z]{8}_[1-9A-HJ-NP-Za-km-z]{24})(?![A-Za-z0-9_-])/g, keywords: ['re_'], requires: ['resend'] }],
  plausible: randomAfter(3),
  rate: (context) => {
    const sending = nameWord(context, SENDING_WORDS);
    if (sending) return { scope: 'scoped', because: `variable ${context.variable} names a ${sending} key` };
    return readOnlyRating(context, 'Resend key') ?? { scope: 'root', because: 'a key has full access unless it was made sending-only, which the value does not show' };
  },
  reach: 'with full access (the default) manages the Resend account: adds and deletes domains and API keys, reads every email sent and every audience, and sends from its verified domains',
  narrower: 'create a sending-access key limited to the one domain the app sends from',
  reference: 'https://resend.com/docs/dashboard/api-keys/introduction',
  samples: {
    positive: [
      sample('src/lib/mail.ts', `import { Resend } from 'resend';\n\nexport const resend = new Resend('${RESEND}');\n`, { expect: { line: 3 } }),
      sample('.env.production', `RESEND_API_KEY=${RESEND}\nEMAIL_FROM=hello@acme.io\n`, { expect: { line: 1 } }),
    ],
    negative: [
      sample('src/lib/mail.ts', "import { Resend } from 'resend';\n\nexport const resend = new Resend(process.env.RESEND_API_KEY); // re_...\n"),
      sample('src/cache.py', `STORE_KEY = "${RESEND}"\n`, { note: 'the shape with no Resend in the file' }),
      sample('.env.example', 'RESEND_API_KEY=re_xxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', `RESEND_API_KEY=${RESEND}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.production', `RESEND_SENDING_KEY=${RESEND}\n`)],
  },
};

export const brevoApiKey: CredentialKind = {
  id: 'brevo-api-key',
  provider: 'brevo',
  title: 'Brevo (Sendinblue) API or SMTP key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/g, keywords: ['xkeysib-', 'xsmtpsib-'] }],
  plausible: (value) => randomAfter(value.indexOf('-') + 1)(value),
  rate: (context) =>
    context.value.startsWith('xsmtpsib-')
      ? { scope: 'scoped', because: 'an SMTP key only relays mail' }
      : { scope: 'root', because: 'an API v3 key acts on the whole account: contacts, campaigns, senders and further keys' },
  reach: 'acts on the whole Brevo account: exports and deletes every contact list, sends campaigns and transactional mail from its senders, and manages senders and domains',
  narrower: 'send through an SMTP key (xsmtpsib-) where the app only sends mail, and restrict API keys to the server\'s IP addresses',
  reference: 'https://developers.brevo.com/docs/getting-started',
  samples: {
    positive: [
      sample('config/mail.php', `<?php\n\nreturn [\n    'brevo' => [\n        'key' => '${BREVO}',\n    ],\n];\n`, { expect: { line: 5 } }),
      sample('.env.staging', `MAIL_MAILER=smtp\nMAIL_HOST=smtp-relay.brevo.com\nMAIL_PASSWORD=${BREVO_SMTP}\n`, { expect: { line: 3 }, note: 'an SMTP key' }),
    ],
    negative: [sample('config/mail.php', "<?php\n\nreturn [\n    'brevo' => [\n        'key' => env('BREVO_API_KEY'), // xkeysib-...\n    ],\n];\n")],
  },
  scopeSamples: {
    positive: [sample('config/mail.php', `<?php\n\nreturn ['brevo' => ['key' => '${BREVO}']];\n`, { expect: { line: 3 } })],
    negative: [sample('.env.staging', `MAIL_PASSWORD=${BREVO_SMTP}\n`, { note: 'an SMTP key only relays mail' })],
  },
};

export const mailchimpApiKey: CredentialKind = {
  id: 'mailchimp-api-key',
  provider: 'mailchimp',
  title: 'Mailchimp Marketing API key',
  // 32 hex and the data center (`-us21`). No literal of the key is rare enough to look for in every file, so it is
  // known by the names it goes by (MAILCHIMP_API_KEY, an `apiKey` where Mailchimp is named).
  contextPatterns: [
    { variable: /mailchimp|^MC_API_KEY$/i, value: MAILCHIMP_KEY, keywords: ['mailchimp', 'mc_api'] },
    { variable: /^(?:api_?key|key)$/i, value: MAILCHIMP_KEY, keywords: ['key'], requires: ['mailchimp'] },
  ],
  plausible: randomAfter(0),
  rate: fixed('root', 'a Marketing API key acts on the whole account with its user\'s role'),
  reach: "acts on the whole Mailchimp account: exports and deletes every audience and contact, and sends campaigns from the account's domains",
  narrower: "keep it in the server environment; use a key of a user with the Author role where the job only drafts, and revoke keys the account doesn't use",
  reference: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
  samples: {
    positive: [
      sample('.env', `MAILCHIMP_API_KEY=${MAILCHIMP}\nMAILCHIMP_LIST_ID=8f1c2a7e3b\n`, { expect: { line: 1 } }),
      sample('newsletter/subscribe.js', `const mailchimp = require('@mailchimp/mailchimp_marketing');\n\nmailchimp.setConfig({\n  apiKey: '${MAILCHIMP}',\n  server: 'us21',\n});\n`, { expect: { line: 4 } }),
    ],
    negative: [
      sample('newsletter/subscribe.js', "const mailchimp = require('@mailchimp/mailchimp_marketing');\n\nmailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: 'us21' });\n"),
      sample('config/keys.yml', `api_key: ${MAILCHIMP}\n`, { note: 'the shape with no Mailchimp in the file' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env', `MAILCHIMP_API_KEY=${MAILCHIMP}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', 'MAILCHIMP_API_KEY=\n')],
  },
};

export const EMAIL_KINDS: readonly CredentialKind[] = [resendApiKey, brevoApiKey, mailchimpApiKey];
