// Payment processors beyond Stripe: Square, Braintree (PayPal) and Paystack. A production access token moves money (charges,
// refunds, payouts) and reads every customer and card record of the merchant; a sandbox one reaches test data only.
import { sample } from '../../src/model.js';
import { nameWord, readOnlyRating, TEST_WORDS } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { randomAfter } from './values.js';

const SQUARE = 'EAAAECgiIJEnZRxcrAwikB9Kj3B4PpquPK9lNA7SnjplwIJ-x4Ea3SK-ckin5pwg';
const SQUARE_LEGACY = 'sq0atp-RAmorb8Xh-uhLPNatc7xQk';
const BRAINTREE = 'access_token$production$71h38l9rcsa8me47$3889b13282f236503bf12ad31051a50e';
const PAYSTACK = 'sk_live_3f7c9a1e5b2d8f4a6c0e9b7d5a3f1c8e2b6d4a90';
const PAYSTACK_TEST = 'sk_test_8e2b6d4a903f7c9a1e5b2d8f4a6c0e9b7d5a3f1c';
const BRAINTREE_SANDBOX = 'access_token$sandbox$z5vw4gsld6l906li$f3196e5273018a47fec33055b85c5b77';

/** The SDK's sandbox environment or host written beside the token. */
const SQUARE_SANDBOX = /squareupsandbox\.com|Environment\.Sandbox|environment\s*[:=]\s*['"]?sandbox\b|SQUARE_ENVIRONMENT\s*[:=]\s*['"]?sandbox\b/i;

function squareRating(context: CredentialContext): Rating {
  const test = nameWord(context, TEST_WORDS);
  if (test) return { scope: 'test', because: `variable ${context.variable} names a ${test} token` };
  if (SQUARE_SANDBOX.test(`${context.line}\n${context.nearby}`)) return { scope: 'test', because: 'the code beside it selects the Square sandbox' };
  return readOnlyRating(context, 'Square token') ?? { scope: 'root', because: "a personal access token has every permission on the seller's account" };
}

export const squareAccessToken: CredentialKind = {
  id: 'square-access-token',
  provider: 'square',
  title: 'Square access token',
  valuePatterns: [
    // EAAA and 60 characters: Facebook's tokens start EAA too, so Square must be named in the file (as trufflehog asks).
    { regex: /(?<![A-Za-z0-9_+-])(EAAA[A-Za-z0-9_+=-]{60})(?![A-Za-z0-9_+=-])/g, keywords: ['eaaa'], requires: ['square'] },
    { regex: /(?<![A-Za-z0-9_-])(sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g, keywords: ['sq0atp-'] },
  ],
  plausible: (value) => randomAfter(value.startsWith('sq0atp-') ? 7 : 4)(value),
  rate: squareRating,
  reach: "acts on the seller's Square account: takes payments, issues refunds, changes payouts and reads every customer, order and card on file",
  narrower: 'use an OAuth access token with only the permissions the app needs (PAYMENTS_READ for reporting), and the sandbox token outside production',
  reference: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  samples: {
    positive: [
      sample('server/square.js', `const { Client, Environment } = require('square');\n\nconst client = new Client({\n  accessToken: '${SQUARE}',\n  environment: Environment.Production,\n});\n`, { expect: { line: 4 } }),
      sample('config/payments.yml', `square:\n  access_token: ${SQUARE_LEGACY}\n  location_id: L8Q2ZK4M1T9XW\n`, { expect: { line: 2 } }),
      sample('.env.production', `SQUARE_ENVIRONMENT=production\nSQUARE_ACCESS_TOKEN=${SQUARE}\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('server/square.js', "const { Client, Environment } = require('square');\n\nconst client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN, environment: Environment.Production });\n"),
      sample('src/facebook.js', `const PAGE_TOKEN = '${SQUARE}';\n`, { note: 'the shape with no Square in the file' }),
    ],
  },
  scopeSamples: {
    positive: [sample('server/square.js', `const { Client, Environment } = require('square');\n\nconst client = new Client({\n  accessToken: '${SQUARE}',\n  environment: Environment.Production,\n});\n`, { expect: { line: 4 } })],
    negative: [sample('server/square.js', `const { Client, Environment } = require('square');\n\nconst client = new Client({\n  accessToken: '${SQUARE}',\n  environment: Environment.Sandbox,\n});\n`, { note: 'a sandbox token' })],
  },
};

export const braintreeAccessToken: CredentialKind = {
  id: 'braintree-access-token',
  provider: 'braintree',
  title: 'Braintree access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_$])(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_$])/g, keywords: ['access_token$'] }],
  plausible: (value) => randomAfter(value.lastIndexOf('$') + 1)(value),
  rate: (context) =>
    context.value.includes('$sandbox$')
      ? { scope: 'test', because: 'the token names the Braintree sandbox' }
      : { scope: 'root', because: "a production access token acts for the merchant account: transactions, refunds, vaulted payment methods" },
  reach: "acts for the merchant's Braintree account: charges and refunds, and reads every customer and vaulted payment method",
  narrower: 'keep the production token in the server environment only, and use the sandbox token everywhere else',
  reference: 'https://developer.paypal.com/braintree/docs/guides/authentication/access-token',
  samples: {
    positive: [
      sample('app/payments.py', `import braintree\n\ngateway = braintree.BraintreeGateway(access_token="${BRAINTREE}")\n`, { expect: { line: 3 } }),
      sample('config/paypal.json', `{\n  "braintree": { "accessToken": "${BRAINTREE}" }\n}\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('app/payments.py', 'import braintree, os\n\ngateway = braintree.BraintreeGateway(access_token=os.environ["BRAINTREE_ACCESS_TOKEN"])  # access_token$production$...\n')],
  },
  scopeSamples: {
    positive: [sample('app/payments.py', `gateway = braintree.BraintreeGateway(access_token="${BRAINTREE}")\n`, { expect: { line: 1 } })],
    negative: [sample('app/payments.py', `gateway = braintree.BraintreeGateway(access_token="${BRAINTREE_SANDBOX}")\n`, { note: 'a sandbox token' })],
  },
};

/**
 * Paystack's secret keys share Stripe's `sk_live_` / `sk_test_` prefixes; their body is 40 lower-case hex, which no
 * Stripe key (mixed-case base62) has. Listed before Stripe's kinds so the same span is read as Paystack's.
 */
export const paystackSecretKey: CredentialKind = {
  id: 'paystack-secret-key',
  provider: 'paystack',
  title: 'Paystack secret key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(sk_(?:live|test)_[a-f0-9]{40})(?![A-Za-z0-9_])/g, keywords: ['sk_live_', 'sk_test_'] }],
  plausible: randomAfter(8),
  rate: (context) =>
    context.value.startsWith('sk_test_')
      ? { scope: 'test', because: 'a test secret key reaches the test integration only' }
      : { scope: 'root', because: 'a live secret key acts on the whole integration: charges, refunds, transfers and customers' },
  reach: "acts on the whole live Paystack integration: charges saved cards, refunds, initiates transfers to bank accounts and reads every customer",
  narrower: 'keep the live secret key in the server environment only; the public key (pk_live_) is the one browsers and apps get',
  reference: 'https://paystack.com/docs/api/authentication/',
  samples: {
    positive: [
      sample('app/Services/Paystack.php', `<?php\n\nclass Paystack\n{\n    private string $secret = '${PAYSTACK}';\n}\n`, { expect: { line: 5 } }),
      sample('.env.production', `PAYSTACK_SECRET_KEY=${PAYSTACK}\nPAYSTACK_PUBLIC_KEY=pk_live_9c2e4a6b8d0f1e3a5c7b9d1f3e5a7c9b2d4f6a81\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('app/Services/Paystack.php', "<?php\n\nclass Paystack\n{\n    private string $secret;\n\n    public function __construct() { $this->secret = env('PAYSTACK_SECRET_KEY'); } // sk_live_...\n}\n")],
  },
  scopeSamples: {
    positive: [sample('.env.production', `PAYSTACK_SECRET_KEY=${PAYSTACK}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.production', `PAYSTACK_SECRET_KEY=${PAYSTACK_TEST}\n`, { note: 'a test key' })],
  },
};

export const PAYMENT_KINDS: readonly CredentialKind[] = [squareAccessToken, braintreeAccessToken];
