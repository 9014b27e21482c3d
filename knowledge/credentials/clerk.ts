// Clerk: its secret keys share Stripe's `sk_live_`/`sk_test_` prefixes, so only the name or the line around the value
// (CLERK_SECRET_KEY, createClerkClient) tells the two apart. A live key is the whole Clerk instance.
import { sample } from '../../src/model.js';
import type { CredentialContext, CredentialKind } from './types.js';
import { isPlaceholder } from './values.js';

const CLERK = /clerk/i;

/** The value is bound to a Clerk name or sits on a line that names Clerk. */
export function saysClerk(context: CredentialContext): boolean {
  return CLERK.test(context.variable ?? '') || CLERK.test(context.line);
}

export const clerkSecretKey: CredentialKind = {
  id: 'clerk-secret-key',
  provider: 'clerk',
  title: 'Clerk secret key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(sk_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ['sk_live_', 'sk_test_'], requires: ['clerk'] }],
  plausible: (value, context) => saysClerk(context) && !isPlaceholder(value.slice(8)) && /[0-9]/.test(value.slice(8)),
  rate: (context) =>
    context.value.startsWith('sk_test_')
      ? { scope: 'test', because: 'a development-instance key (sk_test_) reaches the development users only' }
      : { scope: 'root-resource', because: 'a live secret key acts on the whole production Clerk instance' },
  reach: "acts on the whole Clerk instance through the Backend API: reads and deletes every user and organisation, signs users in as anyone (impersonation tokens) and changes the instance's settings",
  narrower: 'keep it in the server environment only; for tools and agents, use a development instance (sk_test_) with no real users',
  reference: 'https://clerk.com/docs/deployments/clerk-environment-variables',
  samples: {
    positive: [
      sample('scripts/delete-inactive-users.ts', "import { createClerkClient } from '@clerk/backend';\n\nconst clerk = createClerkClient({ secretKey: 'sk_live_hR7vQ2mXk9LwT4zBp3NcYd8fGj6sU1eA5iOq0WmZr' });\n", { expect: { line: 3 } }),
      sample('deploy/app.env.sh', 'export CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5jb20k\nexport CLERK_SECRET_KEY=sk_live_hR7vQ2mXk9LwT4zBp3NcYd8fGj6sU1eA5iOq0WmZr\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('deploy/app.env.sh', 'export CLERK_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
      sample('server/billing.js', "// auth is Clerk's\nconst stripe = require('stripe')('sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4');\n", { note: "a Stripe key in a file that mentions Clerk elsewhere is Stripe's" }),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/app.env.sh', 'export CLERK_SECRET_KEY=sk_live_hR7vQ2mXk9LwT4zBp3NcYd8fGj6sU1eA5iOq0WmZr\n', { expect: { line: 1 } })],
    negative: [sample('deploy/app.env.sh', 'export CLERK_SECRET_KEY=sk_test_hR7vQ2mXk9LwT4zBp3NcYd8fGj6sU1eA5iOq0WmZr\n')],
  },
};

export const CLERK_KINDS: readonly CredentialKind[] = [clerkSecretKey];
