// Live payment credentials and live-mode settings: what makes a non-production environment move real money.
// Keys are recognised by their live prefixes; modes by the provider's own environment variable and its live value.
import { createHash } from 'node:crypto';
import { isPlaceholder } from '../credentials/values.js';

export interface LivePayment {
  provider: string;
  /** "Stripe live secret key", "Plaid production environment". */
  title: string;
  /** `key` when the value is a credential (never shown), `mode` when it is a setting. */
  form: 'key' | 'mode';
  /** Publishable keys identify the live account but cannot charge on their own. */
  publishable: boolean;
  /** `payment:<provider>:<hash>` for keys (never the key), `payment-mode:<provider>:live` for settings. */
  identity: string;
  /** The credential itself, for redaction; absent for settings. */
  secret?: string;
}

interface KeyShape {
  provider: string;
  title: string;
  regex: RegExp;
  publishable?: boolean;
  /** The variable must mention the provider (prefixes that other vendors share, such as Mollie's `live_`). */
  variable?: RegExp;
}

const KEYS: readonly KeyShape[] = [
  { provider: 'clerk', title: 'Clerk live secret key', regex: /\bsk_live_[A-Za-z0-9]{30,}\b/, variable: /clerk/i },
  { provider: 'stripe', title: 'Stripe live secret key', regex: /\bsk_live_[A-Za-z0-9]{20,}\b/ },
  { provider: 'stripe', title: 'Stripe live restricted key', regex: /\brk_live_[A-Za-z0-9]{20,}\b/ },
  { provider: 'clerk', title: 'Clerk live publishable key', regex: /\bpk_live_[A-Za-z0-9+/=]{20,}/, publishable: true, variable: /clerk/i },
  { provider: 'stripe', title: 'Stripe live publishable key', regex: /\bpk_live_[A-Za-z0-9]{20,}\b/, publishable: true },
  { provider: 'razorpay', title: 'Razorpay live key', regex: /\brzp_live_[A-Za-z0-9]{10,}\b/ },
  { provider: 'paddle', title: 'Paddle live API key', regex: /\bpdl_live_apikey_[A-Za-z0-9_]{20,}\b/ },
  { provider: 'mollie', title: 'Mollie live API key', regex: /\blive_[A-Za-z0-9]{30}\b/, variable: /mollie/i },
  { provider: 'gocardless', title: 'GoCardless live access token', regex: /\blive_[A-Za-z0-9_-]{30,}\b/, variable: /gocardless/i },
];

interface ModeSetting {
  provider: string;
  title: string;
  variable: RegExp;
  live: RegExp;
}

const MODES: readonly ModeSetting[] = [
  { provider: 'plaid', title: 'Plaid production environment', variable: /^plaid_?env(ironment)?$/i, live: /^production$/i },
  { provider: 'paypal', title: 'PayPal live mode', variable: /^paypal[._-]?(mode|env|environment)$/i, live: /^(live|production)$/i },
  { provider: 'paypal', title: 'PayPal live API', variable: /^paypal[._-]?(api[._-]?)?(url|base(?:[._-]?url)?|host|endpoint)$/i, live: /^https:\/\/api(-m)?\.paypal\.com\/?$/i },
  { provider: 'braintree', title: 'Braintree production environment', variable: /^braintree_?env(ironment)?$/i, live: /^production$/i },
  { provider: 'square', title: 'Square production environment', variable: /^square_?env(ironment)?$/i, live: /^production$/i },
  { provider: 'adyen', title: 'Adyen live environment', variable: /^adyen_?env(ironment)?$/i, live: /^live$/i },
  { provider: 'paddle', title: 'Paddle production environment', variable: /^paddle_?env(ironment)?$/i, live: /^production$/i },
  { provider: 'gocardless', title: 'GoCardless live environment', variable: /^gocardless_?env(ironment)?$/i, live: /^live$/i },
  { provider: 'authorize-net', title: 'Authorize.net production API', variable: /^(authorize(_?net)?|authnet)_?(api_?)?(url|endpoint|env(ironment)?)$/i, live: /^(https:\/\/api\.authorize\.net\/?.*|production|live)$/i },
];

/** A live key or live-mode setting in a value, or undefined. Fabricated keys (`sk_live_xxxx...`, `..._REPLACE_ME`) do not count. */
export function livePaymentOf(value: string, variable?: string): LivePayment | undefined {
  const trimmed = value.trim();
  for (const shape of KEYS) {
    if (shape.variable && !(variable && shape.variable.test(variable))) continue;
    const match = shape.regex.exec(trimmed);
    if (!match || !plausibleKey(match[0])) continue;
    return {
      provider: shape.provider,
      title: shape.title,
      form: 'key',
      publishable: shape.publishable === true,
      identity: `payment:${shape.provider}:${createHash('sha256').update(match[0]).digest('hex').slice(0, 16)}`,
      secret: match[0],
    };
  }
  if (!variable) return undefined;
  const bare = variable.replace(/^(NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_)/i, '');
  for (const mode of MODES) {
    if (mode.variable.test(bare) && mode.live.test(trimmed)) {
      return { provider: mode.provider, title: mode.title, form: 'mode', publishable: false, identity: `payment-mode:${mode.provider}:live` };
    }
  }
  return undefined;
}

/** Prefilter keywords: a file holds a live payment credential or setting only if one occurs. */
export const LIVE_PAYMENT_KEYWORDS: readonly string[] = ['_live_', 'live_', 'plaid', 'paypal', 'braintree', 'square', 'adyen', 'paddle', 'gocardless', 'authorize'];

/**
 * A key someone could charge with: not a value written to be replaced. The same notion of a placeholder the credential
 * scan uses, so a key reported there as exposed is the key reported here as live, and a filler (`sk_live_xxxx…`,
 * `sk_live_your_key_here`) is neither.
 */
function plausibleKey(key: string): boolean {
  return !isPlaceholder(key);
}
