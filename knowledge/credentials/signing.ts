// Application signing secrets: the keys an app signs sessions, JWTs and encrypted credentials with. Known only by
// the name they are bound to; whoever holds one forges a session or token for any user, administrators included.
import { sample } from '../../src/model.js';
import { looksGenerated, nameWord, TEST_WORDS } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { entropy, isHumanPlaceholder, isPlaceholder } from './values.js';
import { environmentOfPath } from '../environments/names.js';

/** Characters generated secrets are written with (hex, base64, Django's alphabet); no quotes, braces or spaces. */
const SECRET_VALUE = /^[A-Za-z0-9+/=_\-.~!@#$%^&*()]{16,512}$/;
/** Dotenv files a framework loads for test runs (`.env.testing` for Laravel, `.env.test` for Next.js and Rails). */
const TEST_DOTENV = /(?:^|\/)\.env\.(?:test|testing|dusk(?:\.[a-z]+)?)(?:\.local)?$/i;
/** Templates copied to `.env` by hand (`.env.example`, `.env.dist`): the value there is a shared development key. */
const TEMPLATE_DOTENV = /(?:^|\/)(?:\.env\.[\w.-]*|[\w.-]*\.env)\.?(?:example|sample|template|dist|defaults?|tmpl|tpl)$/i;
const NON_PRODUCTION_SECTIONS = new Set(['development', 'dev', 'test', 'testing', 'local']);

/** The top-level YAML key above the value (`development:` in Rails' config/secrets.yml), read from the lines around it. */
function yamlSectionAbove(context: CredentialContext): string | undefined {
  const lines = context.nearby.split('\n');
  const at = lines.findIndex((line) => line.trimEnd() === context.line.trimEnd());
  for (let index = (at === -1 ? lines.length : at) - 1; index >= 0; index--) {
    const section = /^([A-Za-z_][\w-]*):\s*$/.exec(lines[index]!)?.[1];
    if (section) return section.toLowerCase();
  }
  return undefined;
}

/** Test and development signals first; otherwise the app's whole user base. */
function appSecretRating(context: CredentialContext, because: string): Rating {
  const test = nameWord(context, TEST_WORDS);
  if (test) return { scope: 'test', because: `variable ${context.variable} names a ${test} secret` };
  if (TEST_DOTENV.test(context.path)) return { scope: 'test', because: `${context.path} configures test runs` };
  if (TEMPLATE_DOTENV.test(context.path)) return { scope: 'test', because: `${context.path} is a template: its value is a shared development key` };
  const section = yamlSectionAbove(context);
  if (section && NON_PRODUCTION_SECTIONS.has(section)) return { scope: 'test', because: `it is the ${section} environment’s secret` };
  // A framework's development config holds the key its generator wrote for local sessions (`mix phx.new` into
  // config/dev.exs, Django's startproject into settings/dev.py once split): nothing deployed trusts it.
  const environment = environmentOfPath(context.path);
  if (environment?.evidence === 'file-name' && (environment.environment === 'development' || environment.environment === 'test')) {
    return { scope: 'test', because: `${context.path} configures the ${environment.name} environment: its key signs local sessions only` };
  }
  return { scope: 'root-resource', because };
}

/** A JWT verification config (Hasura's) whose key is an HMAC secret rather than a public key. */
function hmacConfig(json: string): { key: string } | undefined {
  try {
    const parsed = JSON.parse(json) as { type?: unknown; key?: unknown };
    return typeof parsed.key === 'string' && typeof parsed.type === 'string' && /^HS\d+$/.test(parsed.type) ? { key: parsed.key } : undefined;
  } catch {
    return undefined;
  }
}

export const jwtSigningSecret: CredentialKind = {
  id: 'jwt-signing-secret',
  provider: 'generic',
  title: 'JWT signing secret',
  contextPatterns: [
    { variable: /jwt[_.-]?(?:secret(?:[_.-]?key)?|signing[_.-]?(?:key|secret)|key)$/i, value: SECRET_VALUE, keywords: ['jwt'] },
    // Hasura's JWT config is JSON: `{"type":"HS256","key":"..."}` holds an HMAC secret; RS256 keys and JWKS URLs are
    // public, and claiming them here keeps the generic secret kind from reporting them.
    { variable: /^HASURA_GRAPHQL_JWT_SECRET$/i, value: /^\{[^\n]*\}$/, keywords: ['jwt'] },
  ],
  plausible: (value) => {
    if (!value.startsWith('{')) return looksGenerated(value, 16);
    const config = hmacConfig(value);
    return config !== undefined && looksGenerated(config.key, 32);
  },
  rate: (context) => appSecretRating(context, 'whoever holds the HMAC secret signs a token for any user, administrators included'),
  reach: 'signs tokens the application accepts as any user, administrators included',
  narrower: 'load it from a secret store at run time, or sign with an asymmetric key whose private half never leaves the issuer',
  reference: 'https://datatracker.ietf.org/doc/html/rfc8725#section-3.5',
  samples: {
    positive: [
      sample('src/Api/appsettings.json', '{\n  "Jwt": {\n    "Issuer": "acme",\n    "Key": "Xr7pQ2vLm9zKd4TwHn8sYb3FqPw2LkZm"\n  }\n}\n', { expect: { line: 4 }, note: 'a bare Key named by what holds it (.NET appsettings)' }),
      sample('docker-compose.prod.yml', 'services:\n  api:\n    image: ghcr.io/acme/api:2.4.1\n    environment:\n      NODE_ENV: production\n      JWT_SECRET: 980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n', { expect: { line: 6 } }),
      sample('src/config/auth.ts', "export const auth = {\n  jwtSecret: process.env.JWT_SECRET ?? '69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=',\n  expiresIn: '1h',\n};\n", { expect: { line: 2 } }),
      sample('internal/auth/jwt.go', 'package auth\n\nvar jwtSecret = []byte("v1YRb6J2IxrS5hPNIl59vfB06WiWXeVPioYwT0Yt93nZIH1f")\n', { expect: { line: 3 }, note: 'Go converts the literal to bytes' }),
      sample('hasura/docker-compose.yaml', 'services:\n  graphql-engine:\n    image: hasura/graphql-engine:v2.44.0\n    environment:\n      HASURA_GRAPHQL_JWT_SECRET: \'{"type":"HS256","key":"bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e"}\'\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('.env.example', 'JWT_SECRET=your-super-secret-jwt-key-change-in-production\n'),
      sample('docker-compose.yml', 'services:\n  api:\n    environment:\n      JWT_SECRET: supersecretjwtsigningkey\n      JWT_PUBLIC_KEY: /run/secrets/jwt.pub\n'),
      sample('src/config/auth.ts', "export const auth = { jwtSecret: process.env.JWT_SECRET!, jwtExpiry: '15m' };\n"),
      sample('hasura/docker-compose.yaml', 'services:\n  graphql-engine:\n    environment:\n      HASURA_GRAPHQL_JWT_SECRET: \'{"type":"RS256","jwk_url":"https://acme.eu.auth0.com/.well-known/jwks.json"}\'\n', { note: 'verified against a public JWKS: no secret' }),
    ],
  },
  scopeSamples: {
    positive: [sample('config/production.env', 'JWT_SECRET=980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n', { expect: { line: 1 } })],
    negative: [sample('config/production.env', 'TEST_JWT_SECRET=980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n')],
  },
};

export const sessionSecret: CredentialKind = {
  id: 'session-secret',
  provider: 'generic',
  title: 'Session or cookie signing secret',
  contextPatterns: [
    { variable: /(?:session|cookie)[_.-]?(?:secret(?:[_.-]?key)?|signing[_.-]?(?:key|secret)|encryption[_.-]?key)$/i, value: SECRET_VALUE, keywords: ['session', 'cookie'] },
    // express-session's own option: `session({ secret: '...' })`.
    { variable: /^secret$/, value: SECRET_VALUE, keywords: ['secret'], requires: ['express-session'] },
    // Flask signs its session cookie with `SECRET_KEY`: in the app (`app.config['SECRET_KEY']`) or a config class.
    { variable: /^SECRET_KEY$/, value: SECRET_VALUE, keywords: ['secret_key'], requires: ['flask'] },
    { variable: /^SECRET_KEY$/, value: SECRET_VALUE, keywords: ['secret_key'], requires: ['class productionconfig'] },
  ],
  plausible: (value) => looksGenerated(value, 16),
  rate: (context) => appSecretRating(context, 'whoever holds the signing secret forges a session cookie for any user, administrators included'),
  reach: 'forges session cookies the application accepts as any signed-in user, administrators included',
  narrower: 'load it from a secret store at run time and rotate it (keeping the old one only to verify) if it leaked',
  reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html',
  samples: {
    positive: [
      sample('server/app.js', "const session = require('express-session');\n\napp.use(session({\n  secret: 'Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0=',\n  resave: false,\n}));\n", { expect: { line: 4 } }),
      sample('deploy/web.env', 'SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\nPORT=8080\n', { expect: { line: 1 } }),
      sample('app/config.py', 'class Config:\n    DEBUG = False\n\nclass ProductionConfig(Config):\n    SECRET_KEY = "311dbc4042680e971b79ca4eb8d7be04507dbe30b06b7da642b090e674a36f8c"\n', { expect: { line: 5 }, note: "Flask's config class" }),
      sample('app/__init__.py', 'from flask import Flask\n\napp = Flask(__name__)\napp.config["SECRET_KEY"] = "9f8c2b7e4d1a6f3c0b5e8d2a7c4f1e9b"\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('lib/hooks/session/index.js', "if (!app.config.session.secret && process.env.NODE_ENV !== 'production') {\n  app.config.session.secret = 'extremely-secure-keyboard-cat';\n}\n", { note: "express-session's documented secret, dressed up" }),
      sample('server/app.js', "const session = require('express-session');\n\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n"),
      sample('docker-compose.yml', 'services:\n  web:\n    environment:\n      SESSION_SECRET: change-me-session-secret\n      COOKIE_SECRET: keyboardcat\n'),
      sample('apps/api/.env.example', 'PORT=3000\nSESSION_SECRET=replace-with-openssl-rand-hex-32\n', { note: 'an instruction, not a value' }),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/web.env', 'SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\n', { expect: { line: 1 } })],
    negative: [sample('.env.test', 'SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\n')],
  },
};

export const nextauthSecret: CredentialKind = {
  id: 'nextauth-secret',
  provider: 'nextauth',
  title: 'Auth.js / NextAuth secret',
  contextPatterns: [{ variable: /^(?:NEXTAUTH_SECRET|AUTH_SECRET)$/i, value: SECRET_VALUE, keywords: ['nextauth_secret', 'auth_secret'] }],
  plausible: (value) => looksGenerated(value, 16),
  rate: (context) => appSecretRating(context, 'AUTH_SECRET encrypts and signs every session: whoever holds it forges a session for any user'),
  reach: 'forges and decrypts the sessions of every user of the application, administrators included',
  narrower: 'set AUTH_SECRET in the hosting platform’s environment (generate with `npx auth secret`) and keep it out of the repository',
  reference: 'https://authjs.dev/getting-started/deployment#auth_secret',
  samples: {
    positive: [
      sample('.env.production', 'NEXTAUTH_URL=https://app.acme.io\nNEXTAUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n', { expect: { line: 2 } }),
      sample('vercel.json', '{\n  "env": {\n    "AUTH_SECRET": "Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0="\n  }\n}\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('.env.example', 'NEXTAUTH_URL=http://localhost:3000\nNEXTAUTH_SECRET= # generate with `npx auth secret`\n'),
      sample('.env.local.example', 'AUTH_SECRET=your-auth-secret-here\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', 'AUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n', { expect: { line: 1 } })],
    negative: [sample('.env.test', 'AUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n')],
  },
};

export const railsSecretKeyBase: CredentialKind = {
  id: 'rails-secret-key-base',
  provider: 'rails',
  title: 'Rails or Phoenix secret_key_base',
  contextPatterns: [{ variable: /^secret_key_base$/i, value: /^[A-Za-z0-9+/=_-]{30,256}$/, keywords: ['secret_key_base'] }],
  plausible: (value) => looksGenerated(value, 30),
  rate: (context) => appSecretRating(context, 'secret_key_base signs and encrypts every cookie and session: whoever holds it forges a session for any user'),
  reach: 'forges signed and encrypted cookies for any user, administrators included, and on older Rails turns a forged cookie into code execution',
  narrower: 'keep it in encrypted credentials or the SECRET_KEY_BASE environment variable of the host, never in config files',
  reference: 'https://guides.rubyonrails.org/security.html#session-storage',
  samples: {
    positive: [
      sample('config/secrets.yml', 'development:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n\nproduction:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n', { expect: { line: 5 } }),
      sample('deploy/app.env', 'RAILS_ENV=production\nSECRET_KEY_BASE=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('config/secrets.yml', 'production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n'),
      sample('Dockerfile', 'FROM ruby:3.3\nRUN SECRET_KEY_BASE=dummy bundle exec rails assets:precompile\n'),
    ],
  },
  scopeSamples: {
    positive: [
      sample('config/secrets.yml', 'production:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n', { expect: { line: 2 } }),
      sample('config/staging.exs', 'import Config\n\nconfig :shop, ShopWeb.Endpoint,\n  url: [host: "staging.shop.example", port: 443],\n  secret_key_base: "+kQNw7Zr2Lx9Vb4Mn6Tp1Qs8Yc3Fd5Gh0Jk2Lm4Np6Qr8St0Uv2Wx4Yz6Ab8COae"\n', { expect: { line: 5 }, note: 'a deployed environment’s key, in Phoenix config' }),
    ],
    negative: [
      sample('config/secrets.yml', 'test:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n', { note: 'the test environment’s key' }),
      sample('config/dev.exs', 'import Config\n\nconfig :shop, ShopWeb.Endpoint,\n  http: [ip: {127, 0, 0, 1}, port: 4000],\n  debug_errors: true,\n  secret_key_base: "hFz0lH5M8qk3n7Y1o0lM4J0a2r3B9xq9oYp2n0dXK5z3Yk1bWc0v8Tn3aZ1s2d3f",\n  watchers: []\n', { note: 'the key mix phx.new writes for local development' }),
    ],
  },
};

export const railsMasterKey: CredentialKind = {
  id: 'rails-master-key',
  provider: 'rails',
  title: 'Rails master key',
  contextPatterns: [{ variable: /^RAILS_MASTER_KEY$/i, value: /^[0-9a-f]{32}$/, keywords: ['rails_master_key'] }],
  // `rails new` writes the key alone into config/master.key (per-environment keys into config/credentials/<env>.key).
  filePatterns: [{ path: /(?:^|\/)config\/(?:master|credentials\/[\w-]+)\.key$/, value: /^[0-9a-f]{32}$/ }],
  plausible: (value) => !isPlaceholder(value) && new Set(value).size >= 10,
  rate: (context) => {
    const rating = appSecretRating(context, 'the master key decrypts config/credentials.yml.enc, every credential the app holds in production');
    // What it decrypts (cloud keys, a payment provider's live key) is not readable here: rated the broadest of them.
    return rating.scope === 'root-resource' ? { scope: 'root', because: `${rating.because}, whose reach is not in the repository` } : rating;
  },
  reach: 'decrypts config/credentials.yml.enc: every database password, API key and secret_key_base the application holds in production',
  narrower: 'set RAILS_MASTER_KEY only in the host’s secret store, and use per-environment credentials so one key opens one environment',
  reference: 'https://guides.rubyonrails.org/security.html#custom-credentials',
  samples: {
    positive: [
      sample('.kamal/secrets', 'KAMAL_REGISTRY_PASSWORD=$KAMAL_REGISTRY_PASSWORD\nRAILS_MASTER_KEY=044b5fe9b25ce6e6aa32889755663bdc\n', { expect: { line: 2 } }),
      sample('.github/workflows/ci.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      RAILS_ENV: production\n      RAILS_MASTER_KEY: 044b5fe9b25ce6e6aa32889755663bdc\n    steps:\n      - run: bin/rails db:migrate\n', { expect: { line: 6 } }),
      sample('config/master.key', '044b5fe9b25ce6e6aa32889755663bdc\n', { expect: { line: 1 }, note: 'committed by mistake: .gitignore from rails new lists it' }),
    ],
    negative: [
      sample('.kamal/secrets', 'KAMAL_REGISTRY_PASSWORD=$KAMAL_REGISTRY_PASSWORD\nRAILS_MASTER_KEY=$(cat config/master.key)\n'),
      sample('.github/workflows/ci.yml', 'jobs:\n  test:\n    env:\n      RAILS_MASTER_KEY: ${{ secrets.RAILS_MASTER_KEY }}\n'),
      { files: { 'config/master.key': '044b5fe9b25ce6e6aa32889755663bdc\n' }, gitignored: ['config/master.key'], note: 'git-ignored, as rails new sets it up' },
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/app.env', 'RAILS_MASTER_KEY=044b5fe9b25ce6e6aa32889755663bdc\n', { expect: { line: 1 } })],
    negative: [sample('deploy/app.env', 'RAILS_MASTER_KEY=00000000000000000000000000000000\n', { note: 'a fill value' })],
  },
};

const DJANGO_INSECURE = 'django-insecure-';

export const djangoSecretKey: CredentialKind = {
  id: 'django-secret-key',
  provider: 'django',
  title: 'Django SECRET_KEY',
  valuePatterns: [
    // `startproject` writes `django-insecure-` + 50 characters for development; it often ships as a fallback.
    { regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(django-insecure-[A-Za-z0-9!@#$%^&*()\-_=+]{30,80})(?=["'])/g, keywords: ['django-insecure-'] },
  ],
  contextPatterns: [
    { variable: /^DJANGO_SECRET_KEY$/i, value: /^[A-Za-z0-9!@#$%^&*()\-_=+/.~]{20,200}$/, keywords: ['django'] },
    { variable: /^SECRET_KEY$/, value: /^[A-Za-z0-9!@#$%^&*()\-_=+/.~]{20,200}$/, keywords: ['secret_key'], requires: ['django'] },
    // A settings module of a split Django project (`settings/production.py`) imports the base and may never say Django.
    { variable: /^SECRET_KEY$/, path: /(?:^|\/)settings(?:\/[\w-]+)?\.py$/, value: /^[A-Za-z0-9!@#$%^&*()\-_=+/.~]{20,200}$/, keywords: ['secret_key'] },
  ],
  plausible: (value) => {
    if (value.startsWith(DJANGO_INSECURE)) return !isPlaceholder(value.slice(DJANGO_INSECURE.length)) && entropy(value.slice(DJANGO_INSECURE.length)) >= 3.5;
    return looksGenerated(value, 20);
  },
  rate: (context) => {
    if (context.value.startsWith(DJANGO_INSECURE)) return { scope: 'test', because: 'a django-insecure- key is the development key startproject generates' };
    return appSecretRating(context, 'SECRET_KEY signs sessions, password-reset links and signed cookies: whoever holds it forges them for any user');
  },
  reach: 'forges sessions, password-reset links and signed data for any user, administrators included',
  narrower: 'read SECRET_KEY from the environment or a secret store in production settings, and rotate it with SECRET_KEY_FALLBACKS',
  reference: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
  samples: {
    positive: [
      sample('acme/settings/production.py', 'from .base import *  # noqa\n\n# Django production settings\nDEBUG = False\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { expect: { line: 5 } }),
      sample('deploy/django.env', 'DJANGO_SETTINGS_MODULE=acme.settings.production\nDJANGO_SECRET_KEY=u@88s0dz9iqtnk&lq6-oapqxqc2zg%d=@s&km!om011_cdm&t_\n', { expect: { line: 2 } }),
      sample('acme/settings/production.py', 'from .base import *  # noqa\n\nDEBUG = False\nALLOWED_HOSTS = ["acme.io"]\nSECRET_KEY = "u@88s0dz9iqtnk&lq6-oapqxqc2zg%d=@s&km!om011_cdm&t_"\n', { expect: { line: 5 }, note: 'a split settings module that never names Django' }),
      sample('mysite/settings.py', '"""Django settings for mysite project."""\nimport os\n\nSECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn")\n', { expect: { line: 4 }, note: 'development key: reported low' }),
    ],
    negative: [
      sample('acme/settings/production.py', 'import os\n\n# Django production settings\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n'),
      sample('app/config.py', 'from flask import Flask\n\napp = Flask(__name__)\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { note: 'no Django in the file: the generic secret rule decides' }),
    ],
  },
  scopeSamples: {
    positive: [sample('acme/settings/production.py', '# Django production settings\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { expect: { line: 2 } })],
    negative: [sample('mysite/settings.py', '# Django settings for mysite project.\nSECRET_KEY = "django-insecure-9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n')],
  },
};

export const laravelAppKey: CredentialKind = {
  id: 'laravel-app-key',
  provider: 'laravel',
  title: 'Laravel APP_KEY',
  contextPatterns: [{ variable: /^APP_KEY$/i, value: /^base64:[A-Za-z0-9+/]{43}=$/, keywords: ['app_key'] }],
  plausible: (value) => !isPlaceholder(value.slice(7)) && entropy(value.slice(7)) >= 4,
  rate: (context) => appSecretRating(context, 'APP_KEY encrypts and signs every cookie and session: whoever holds it forges a session for any user'),
  reach: 'decrypts and forges every encrypted cookie and session of the application, and with it can turn a forged payload into code execution',
  narrower: 'set APP_KEY in the host’s environment (php artisan key:generate --show) and rotate it with APP_PREVIOUS_KEYS if it leaked',
  reference: 'https://laravel.com/docs/encryption#configuration',
  samples: {
    positive: [
      sample('.env', 'APP_NAME=Acme\nAPP_ENV=production\nAPP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\nAPP_DEBUG=false\n', { expect: { line: 3 } }),
      sample('docker-compose.prod.yml', 'services:\n  app:\n    image: acme/laravel:1.8\n    environment:\n      APP_KEY: "base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA="\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('.env.example', 'APP_NAME=Laravel\nAPP_ENV=local\nAPP_KEY=\nAPP_DEBUG=true\n'),
      sample('docker-compose.prod.yml', 'services:\n  app:\n    environment:\n      APP_KEY: ${APP_KEY}\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.production', 'APP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n', { expect: { line: 1 } })],
    negative: [
      sample('.env.testing', 'APP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n'),
      sample('.env.example', 'APP_ENV=local\nAPP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n', { note: 'a template’s key is a shared development key' }),
    ],
  },
};

/** Hasura's docs and quickstarts use these. */
const HASURA_EXAMPLES = new Set(['myadminsecretkey', 'myadminsecret', 'mysecretkey', 'adminsecret']);

export const hasuraAdminSecret: CredentialKind = {
  id: 'hasura-admin-secret',
  provider: 'hasura',
  title: 'Hasura admin secret',
  contextPatterns: [
    { variable: /^(?:HASURA_GRAPHQL_(?:ADMIN_SECRET|ACCESS_KEY)|x-hasura-admin-secret|hasuraAdminSecret)$/i, value: /^[A-Za-z0-9+/=_\-.~!@#$%^&*()]{8,256}$/, keywords: ['hasura'] },
    // The header Hasura's GraphQL endpoint takes it in (a request sending a variable an API client's environment binds).
    { header: /^x-hasura-admin-secret$/i, value: /^[A-Za-z0-9+/=_\-.~!@#$%^&*()]{8,256}$/, keywords: ['x-hasura-admin-secret'] },
  ],
  plausible: (value) => value.length >= 12 && !HASURA_EXAMPLES.has(value.toLowerCase()) && !isHumanPlaceholder(value) && entropy(value) >= 3.0,
  rate: (context) => appSecretRating(context, 'the admin secret bypasses every permission rule of the GraphQL engine'),
  reach: 'runs any query or mutation on every table as admin, bypassing all permission rules, and changes metadata',
  narrower: 'let clients use JWTs with role claims; keep the admin secret for operators, set from the host’s secret store',
  reference: 'https://hasura.io/docs/2.0/deployment/securing-graphql-endpoint/',
  samples: {
    positive: [
      sample('docker-compose.prod.yml', 'services:\n  graphql-engine:\n    image: hasura/graphql-engine:v2.44.0\n    environment:\n      HASURA_GRAPHQL_ADMIN_SECRET: brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ\n', { expect: { line: 5 } }),
      sample('scripts/seed.ts', "await fetch('https://gql.acme.io/v1/graphql', {\n  method: 'POST',\n  headers: { 'x-hasura-admin-secret': 'brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ' },\n  body: JSON.stringify({ query }),\n});\n", { expect: { line: 3 } }),
      {
        files: {
          'gql/environments/production.bru': 'vars {\n  gql_url: https://gql.acme.io/v1/graphql\n  gql_secret: brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ\n}\n',
          'gql/users.bru': 'meta {\n  name: users\n  type: graphql\n  seq: 1\n}\n\npost {\n  url: {{gql_url}}\n  body: graphql\n  auth: none\n}\n\nheaders {\n  x-hasura-admin-secret: {{gql_secret}}\n}\n',
        },
        expect: { path: 'gql/environments/production.bru', line: 3 },
        note: 'a Bruno environment whose secret a request sends as the admin secret header',
      },
    ],
    negative: [
      sample('docker-compose.yml', 'services:\n  graphql-engine:\n    image: hasura/graphql-engine:v2.44.0\n    environment:\n      HASURA_GRAPHQL_ADMIN_SECRET: myadminsecretkey\n'),
      sample('hasura/config.yaml', 'version: 3\nendpoint: http://localhost:8080\nadmin_secret: ${HASURA_GRAPHQL_ADMIN_SECRET}\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/hasura.env', 'HASURA_GRAPHQL_ADMIN_SECRET=brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ\n', { expect: { line: 1 } })],
    negative: [sample('deploy/hasura.env', 'HASURA_GRAPHQL_ADMIN_SECRET=myadminsecretkey\n')],
  },
};

/** Framework-specific names first; the JWT and session catch-alls last. */
export const SIGNING_KINDS: readonly CredentialKind[] = [
  nextauthSecret,
  railsMasterKey,
  railsSecretKeyBase,
  djangoSecretKey,
  laravelAppKey,
  hasuraAdminSecret,
  jwtSigningSecret,
  sessionSecret,
];
