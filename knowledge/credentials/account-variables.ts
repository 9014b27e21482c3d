// Environment variables a platform's CLI reads an account-wide token from: whatever secret fills one is that
// account's key (every project, database and volume it holds), whatever the secret is called.
import { environmentsNamedIn } from '../environments/names.js';

/** By the platform's own documentation of its CLI: Railway's account or workspace token (project tokens are RAILWAY_TOKEN), a Supabase personal access token, Heroku's API key, Neon's API key, DigitalOcean's and Render's API tokens. */
const ACCOUNT_TOKEN_VARIABLES = new Set(['RAILWAY_API_TOKEN', 'SUPABASE_ACCESS_TOKEN', 'HEROKU_API_KEY', 'NEON_API_KEY', 'DIGITALOCEAN_ACCESS_TOKEN', 'RENDER_API_KEY']);

export function isAccountTokenVariable(name: string): boolean {
  return ACCOUNT_TOKEN_VARIABLES.has(name.toUpperCase());
}

/**
 * Payment keys come in a live and a test mode, and the live one charges and refunds real customers: production's,
 * whatever the environment is called. A key name that says live (`STRIPE_LIVE_SECRET_KEY`) holds one, and so does
 * Stripe's unmarked secret-key variable (`STRIPE_SECRET_KEY`; `STRIPE_API_KEY` for its CLI), a test key being the one
 * teams mark (`STRIPE_TEST_SECRET_KEY`).
 */
export function isLiveModeKeyVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (/^STRIPE_(?:SECRET|API|RESTRICTED)_KEY$/.test(upper)) return true;
  return /(?:^|_)LIVE(?:_|$)/.test(upper) && /(?:KEY|SECRET|TOKEN)(?:_|$)|(?:^|_)[SR]K(?:_|$)/.test(upper);
}

/**
 * Whether a secret given to a variable reaches production by what it is, not by what it is called: an account token
 * under either name, or a live-mode payment key, unless the secret's own name marks a test or staging key
 * (`STRIPE_SECRET_KEY: secrets.STRIPE_TEST_SECRET_KEY`).
 */
export function reachesProductionByName(variable: string | undefined, secret: string): boolean {
  if (isAccountTokenVariable(secret) || (variable !== undefined && isAccountTokenVariable(variable))) return true;
  if (isLiveModeKeyVariable(secret)) return true;
  return variable !== undefined && isLiveModeKeyVariable(variable) && ![...environmentsNamedIn(secret)].some((environment) => environment !== 'production');
}
