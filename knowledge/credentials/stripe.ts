// Stripe: the prefix says it all. A live secret key moves the account's money; a restricted key only what it grants.
import { sample } from '../../src/model.js';
import type { CredentialContext, CredentialKind } from './types.js';
import { fixed } from './types.js';
import { isPlaceholder } from './values.js';
import { saysClerk } from './clerk.js';

const REFERENCE = 'https://docs.stripe.com/keys';
const body = (value: string): string => value.replace(/^[a-z]+_(?:live|test)_/, '');
const realBody = (value: string): boolean => !isPlaceholder(value) && !isPlaceholder(body(value)) && /[0-9]/.test(body(value)) && /[A-Za-z]/.test(body(value));
/** Clerk's secret keys share the `sk_` prefixes: one named for Clerk is Clerk's. */
const stripeSecret = (value: string, context: CredentialContext): boolean => realBody(value) && !saysClerk(context);

export const stripeLiveSecretKey: CredentialKind = {
  id: 'stripe-live-secret-key',
  provider: 'stripe',
  title: 'Stripe live secret key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(sk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ['sk_live_'] }],
  plausible: stripeSecret,
  rate: fixed('root', 'a live secret key controls the whole live account: charges, refunds, payouts, customers'),
  reach: 'can create charges, issue refunds, change payouts and read every customer of the live account',
  narrower: 'use a restricted key (rk_live_) granting only the resources this code touches',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('server/billing.js', "const stripe = require('stripe')('sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4');\n", { expect: { line: 1 } }),
      sample('config/staging.env.yml', 'STRIPE_SECRET_KEY: sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4\n', { expect: { line: 1 } }),
      sample('.idea/runConfigurations/Api.xml', '<component name="ProjectRunConfigurationManager">\n  <configuration name="Api" type="NodeJSConfigurationType" path-to-js-file="server.js">\n    <envs>\n      <env name="STRIPE_SECRET_KEY" value="sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4" />\n    </envs>\n  </configuration>\n</component>\n', { expect: { line: 4 }, note: 'a JetBrains run configuration shared as a project file' }),
    ],
    negative: [
      sample('server/billing.js', "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY); // sk_live_... in production\n"),
      sample('docs/payments.md', 'Set `STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx` in the dashboard.\n'),
      sample('.env.production.sh', 'export CLERK_SECRET_KEY=sk_live_hR7vQ2mXk9LwT4zBp3NcYd8fGj6sU1eA5iOq0WmZr\n', { note: "Clerk's secret keys share the prefix" }),
    ],
  },
  scopeSamples: {
    positive: [sample('server/billing.py', 'stripe.api_key = "sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n', { expect: { line: 1 } })],
    negative: [sample('server/billing.py', 'stripe.api_key = "rk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n')],
  },
};

export const stripeRestrictedKey: CredentialKind = {
  id: 'stripe-restricted-key',
  provider: 'stripe',
  title: 'Stripe live restricted key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(rk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ['rk_live_'] }],
  plausible: realBody,
  rate: fixed('scoped', 'a restricted key holds only the permissions it was granted'),
  reach: 'can use the Stripe resources it was granted on the live account',
  narrower: 'already narrow; keep it in a secret store',
  reference: REFERENCE,
  samples: {
    positive: [sample('workers/reports.py', 'STRIPE_REPORTING_KEY = "rk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n', { expect: { line: 1 } })],
    negative: [sample('workers/reports.py', 'STRIPE_REPORTING_KEY = os.environ["STRIPE_REPORTING_KEY"]  # rk_live_...\n')],
  },
};

export const stripeTestKey: CredentialKind = {
  id: 'stripe-test-key',
  provider: 'stripe',
  title: 'Stripe test-mode secret key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])([sr]k_test_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ['sk_test_', 'rk_test_'] }],
  plausible: stripeSecret,
  rate: fixed('test', 'test-mode keys move no real money'),
  exposedSeverity: 'low',
  reach: 'can act on the test-mode account only',
  narrower: 'keep test keys in CI secrets too: they still expose test customers and webhooks',
  reference: REFERENCE,
  samples: {
    positive: [sample('tests/setup.ts', "process.env.STRIPE_SECRET_KEY = 'sk_test_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4';\n", { expect: { line: 1 } })],
    negative: [sample('tests/setup.ts', "process.env.STRIPE_SECRET_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'; // Stripe's documented test key\n")],
  },
};

export const stripeWebhookSecret: CredentialKind = {
  id: 'stripe-webhook-secret',
  provider: 'stripe',
  title: 'Stripe webhook signing secret',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(whsec_[A-Za-z0-9+/=]{32,})(?![A-Za-z0-9_])/g, keywords: ['whsec_'] }],
  plausible: realBody,
  rate: fixed('scoped', 'a signing secret authenticates one webhook endpoint'),
  reach: 'lets anyone forge webhook events that one endpoint will trust',
  narrower: 'keep it in a secret store; roll it from the dashboard after exposure',
  reference: 'https://docs.stripe.com/webhooks#verify-events',
  samples: {
    positive: [sample('api/webhooks.go', 'const endpointSecret = "whsec_8f3Kq2Lm9Vx4Rt7Zw1By6Nc0Pd5Hj3Ga"\n', { expect: { line: 1 } })],
    negative: [sample('api/webhooks.go', 'endpointSecret := os.Getenv("STRIPE_WEBHOOK_SECRET") // whsec_...\n')],
  },
};

export const STRIPE_KINDS: readonly CredentialKind[] = [stripeLiveSecretKey, stripeRestrictedKey, stripeTestKey, stripeWebhookSecret];
