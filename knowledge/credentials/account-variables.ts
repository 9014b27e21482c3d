// Environment variables a platform's CLI reads an account-wide token from: whatever secret fills one is that
// account's key (every project, database and volume it holds), whatever the secret is called.

/** By the platform's own documentation of its CLI: Railway's account or workspace token (project tokens are RAILWAY_TOKEN), a Supabase personal access token, Heroku's API key, Neon's API key, DigitalOcean's and Render's API tokens. */
const ACCOUNT_TOKEN_VARIABLES = new Set(['RAILWAY_API_TOKEN', 'SUPABASE_ACCESS_TOKEN', 'HEROKU_API_KEY', 'NEON_API_KEY', 'DIGITALOCEAN_ACCESS_TOKEN', 'RENDER_API_KEY']);

export function isAccountTokenVariable(name: string): boolean {
  return ACCOUNT_TOKEN_VARIABLES.has(name.toUpperCase());
}
