// Azure: account keys (a storage or Cosmos DB key is the whole account), shared access signatures (read from their
// own query: permissions, services, resource types, expiry), Entra application secrets (the principal's roles
// live in Azure, so the broad kind unless the app is a sign-in registration) and Azure DevOps personal access tokens.
import { sample } from '../../src/model.js';
import { hasTypedRun, narrowingWord, surroundings } from './signals.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { isPlaceholder, looksRandom } from './values.js';

const ACCOUNT_KEY = /^[A-Za-z0-9+/]{86}==$/;
/** Published emulator keys: Azurite's `devstoreaccount1` key and the Cosmos DB emulator key. */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const COSMOS_EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const EMULATOR_KEYS = new Set([AZURITE_KEY, COSMOS_EMULATOR_KEY]);
/** Claims the emulator keys wherever they appear, so that they are dropped as published values rather than reported. */
const EMULATOR_PATTERN = { regex: /(?<![A-Za-z0-9+/])(Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==|C2y6yDjf5\/R\+ob0N8A7Cgv30VRDJIWEHLM\+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw\/Jw==)/g, keywords: ['eby8vdm02x', 'c2y6ydjf5'] };
const plausibleAccountKey = (value: string): boolean => !EMULATOR_KEYS.has(value) && looksRandom(value, 80, 4.5);

const STORAGE_KEY = 'dxRn126HYQYXGzSm0fxybysIgCVymUvbLCYO4mAkQZ62+QFHY1d3MT6NMduLqcW1Ye20y5gGp3vr8GkXHNlifQ==';
const STORAGE_KEY_2 = 'bzt3UKfTQtxCgZKvE6BcZGnoOXU+pFuo9hgNqiRlGaQ7fHfO2c6/L4JxZj1nNK0aIFihFYEID2VQ6D09LNXALg==';
const STORAGE_CONNECTION = (account: string, key: string): string => `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${key};EndpointSuffix=core.windows.net`;

export const azureCosmosDbKey: CredentialKind = {
  id: 'azure-cosmos-db-key',
  provider: 'azure',
  title: 'Azure Cosmos DB account key',
  valuePatterns: [
    { regex: /AccountEndpoint=https:\/\/[A-Za-z0-9.-]+\.documents\.azure\.(?:com|us|cn)[^;'"\s]*;\s*AccountKey=([A-Za-z0-9+/]{86}==)/g, keywords: ['accountendpoint='] },
    EMULATOR_PATTERN,
  ],
  contextPatterns: [{ variable: /cosmos(?:[_.-]?db)?[_.-]?(?:primary[_.-]?|master[_.-]?|read[_.-]?only[_.-]?|readonly[_.-]?)?(?:account[_.-]?)?(?:key|auth[_.-]?key)|documentdb[_.-]?(?:auth[_.-]?)?key|docdb[_.-]?auth[_.-]?key/i, value: ACCOUNT_KEY, keywords: ['cosmos', 'documentdb', 'docdb'] }],
  plausible: plausibleAccountKey,
  rate: (context) => {
    if (/read[_.-]?only|readonly|(?:^|[_.-])ro(?:$|[_.-])/i.test(context.variable ?? '')) return { scope: 'scoped', because: `variable ${context.variable} names a read-only key` };
    return { scope: 'root-resource', because: 'a Cosmos DB primary key can read, change and delete every database and container of the account' };
  },
  reach: 'can read, change and delete every database, container and item of the Cosmos DB account, and change its throughput',
  narrower: 'use Microsoft Entra identities with Cosmos DB data-plane roles, or a read-only key where the code only reads',
  reference: 'https://learn.microsoft.com/azure/cosmos-db/secure-access-to-data',
  samples: {
    positive: [
      sample('api/local.settings.json', `{\n  "IsEncrypted": false,\n  "Values": {\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",\n    "CosmosDBConnection": "AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg==;"\n  }\n}\n`, { expect: { line: 5 } }),
      sample('src/store.py', 'from azure.cosmos import CosmosClient\n\nCOSMOS_URL = "https://acme-orders.documents.azure.com:443/"\nCOSMOS_KEY = "Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg=="\nclient = CosmosClient(COSMOS_URL, credential=COSMOS_KEY)\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('tests/CosmosFixture.cs', `public class CosmosFixture\n{\n    // The emulator's published key.\n    private const string EmulatorKey = "${COSMOS_EMULATOR_KEY}";\n    public CosmosClient Client { get; } = new("AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_EMULATOR_KEY};");\n}\n`),
      sample('.github/workflows/api.yml', 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      COSMOS_KEY: ${{ secrets.COSMOS_KEY }}\n    steps:\n      - run: dotnet test\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('src/store.py', 'COSMOS_PRIMARY_KEY = "Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg=="\n', { expect: { line: 1 } })],
    negative: [sample('src/reports.py', 'COSMOS_READONLY_KEY = "LqoIm+b9Y5gRRRc5o4SzvTBp2cviFo09t/zQNdo/lc6QG7mfrZ/Qt3Ws0yL2giLItmZRhAfgi926G+ie4gI2dA=="\n')],
  },
};

export const azureStorageAccountKey: CredentialKind = {
  id: 'azure-storage-account-key',
  provider: 'azure',
  title: 'Azure storage account key',
  valuePatterns: [
    // Connection strings (Cosmos DB strings, which also say AccountKey=, are the Cosmos kind's).
    { regex: /(?<!documents\.azure\.(?:com|us|cn)[^;'"\s]{0,40};\s*)AccountKey=([A-Za-z0-9+/]{86}==)/g, keywords: ['accountkey='] },
    EMULATOR_PATTERN,
  ],
  contextPatterns: [
    {
      variable: /^(?:AZURE_STORAGE_(?:ACCOUNT_)?(?:ACCESS_)?KEY\d?|ARM_ACCESS_KEY)$|azure[_.-]?storage[_.-]?(?:account[_.-]?)?(?:access[_.-]?)?key|storage[_.-]?account[_.-]?(?:access[_.-]?)?key|^storage[_.-]?(?:access[_.-]?)?key$/i,
      value: ACCOUNT_KEY,
      keywords: ['storage', 'arm_access_key'],
    },
    // The azurerm Terraform backend and storage SDK configs call it plainly `access_key` / `account_key`.
    { variable: /^(?:access|account)[_-]?key$/i, value: ACCOUNT_KEY, keywords: ['key'], requires: ['azurerm'] },
  ],
  plausible: plausibleAccountKey,
  rate: fixed('root-resource', 'a storage account key is the account: every blob, file, queue and table, and it can mint SAS tokens'),
  reach: 'can read, overwrite and delete every blob, file share, queue and table in the storage account, including backups kept there, and mint SAS tokens for any of it',
  narrower: 'use Microsoft Entra identities with data roles on one container, or a short-lived user-delegation SAS; disable shared-key access on the account',
  reference: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
  samples: {
    positive: [
      sample('src/Api/appsettings.Production.json', `{\n  "Logging": { "LogLevel": { "Default": "Warning" } },\n  "ConnectionStrings": {\n    "Blobs": "${STORAGE_CONNECTION('acmeprodfiles', STORAGE_KEY)}"\n  }\n}\n`, { expect: { line: 4 } }),
      sample('infra/backend.tf', `terraform {\n  backend "azurerm" {\n    resource_group_name  = "tfstate"\n    storage_account_name = "acmetfstate"\n    container_name       = "tfstate"\n    key                  = "prod.terraform.tfstate"\n    access_key           = "${STORAGE_KEY_2}"\n  }\n}\n`, { expect: { line: 7 } }),
      sample('.github/workflows/assets.yml', `jobs:\n  upload:\n    runs-on: ubuntu-latest\n    env:\n      AZURE_STORAGE_ACCOUNT: acmeassets\n      AZURE_STORAGE_KEY: ${STORAGE_KEY}\n    steps:\n      - run: az storage blob upload-batch -d '$web' -s dist\n`, { expect: { line: 6 } }),
    ],
    negative: [
      sample('docker-compose.yml', `services:\n  azurite:\n    image: mcr.microsoft.com/azure-storage/azurite\n  api:\n    environment:\n      Storage__ConnectionString: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;"\n`, { note: 'Azurite’s published key' }),
      sample('src/Api/appsettings.json', '{\n  "ConnectionStrings": {\n    "Blobs": "DefaultEndpointsProtocol=https;AccountName=<account-name>;AccountKey=<account-key>;EndpointSuffix=core.windows.net"\n  }\n}\n'),
      sample('scripts/upload.sh', '#!/bin/sh\naz storage blob upload-batch --account-name acmeassets --account-key "$AZURE_STORAGE_KEY" -d \'$web\' -s dist\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('config/storage.env.yaml', `STORAGE_CONNECTION: "${STORAGE_CONNECTION('acmeprodbackups', STORAGE_KEY)}"\n`, { expect: { line: 1 } })],
    negative: [sample('tests/integration/storage.py', `AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"\n`, { note: 'published emulator key' })],
  },
};

/** Query parameters of a SAS, lower-cased names. */
function sasParameters(value: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of value.split('&')) {
    const at = part.indexOf('=');
    if (at > 0) parameters.set(part.slice(0, at).toLowerCase(), decodeURIComponent(part.slice(at + 1).replace(/\+/g, '%2B')));
  }
  return parameters;
}

const DAY = 24 * 60 * 60 * 1000;

function rateSas(context: CredentialContext): Rating {
  let parameters: Map<string, string>;
  try {
    parameters = sasParameters(context.value);
  } catch {
    return { scope: 'scoped', because: 'the SAS query does not decode, so only its presence is known' };
  }
  const permissions = parameters.get('sp') ?? '';
  const expiry = Date.parse(parameters.get('se') ?? '');
  const start = Date.parse(parameters.get('st') ?? '') || Date.now();
  const services = parameters.get('ss');
  const resourceTypes = parameters.get('srt') ?? '';
  if (!services) return { scope: 'scoped', because: `a service SAS for one ${({ b: 'blob', c: 'container', s: 'share', f: 'file', d: 'directory' } as Record<string, string>)[parameters.get('sr') ?? ''] ?? 'resource'} with permissions "${permissions}"` };
  const far = Number.isNaN(expiry) || expiry - start > 90 * DAY;
  if (permissions.includes('d') && resourceTypes.includes('s') && resourceTypes.includes('c') && far) {
    return { scope: 'root-resource', because: `an account SAS with delete permission on every service (${services}) and container, valid until ${parameters.get('se') ?? 'no stated expiry'}` };
  }
  return { scope: 'scoped', because: `an account SAS limited to permissions "${permissions}" on resource types "${resourceTypes}"${far ? '' : ' with a near expiry'}` };
}

const SAS_ACCOUNT = (sig: string): string => `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2099-12-31T23:59:59Z&st=2025-01-06T09:00:00Z&spr=https&sig=${sig}`;
const SIG = 'zK%2FlhbunuN6PRi9wyMsyFMzQb5t3IG8MvXW589ObHYU%3D';
const SIG_2 = 'THCz%2FVImaex2fS%2FHEp2PzhIIH3DKqAzCFq4KnqNczVY%3D';

export const azureSasToken: CredentialKind = {
  id: 'azure-sas-token',
  provider: 'azure',
  title: 'Azure shared access signature',
  valuePatterns: [
    {
      // The whole signed query: the signature is only valid with the parameters it signs.
      regex: /(?<![A-Za-z0-9_%])((?:[a-z]{2,6}=[^&\s"'<>\\;]*&){0,12}sv=20\d\d-\d\d-\d\d(?:&[a-z]{2,6}=[^&\s"'<>\\;]*){1,12})/g,
      keywords: ['sv=20'],
    },
  ],
  plausible: (value) => {
    const sig = /(?:^|&)sig=([^&]+)/.exec(value)?.[1];
    if (!sig) return false;
    // An expired signature opens nothing (documentation examples are usually long expired).
    const expiry = Date.parse(decodeURIComponent(/(?:^|&)se=([^&]+)/.exec(value)?.[1] ?? ''));
    if (!Number.isNaN(expiry) && expiry < Date.now()) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(sig);
    } catch {
      return false;
    }
    return /^[A-Za-z0-9+/]{42,}={0,2}$/.test(decoded) && looksRandom(decoded, 40, 4) && !isPlaceholder(decoded);
  },
  rate: rateSas,
  reach: 'can do what its permissions allow until it expires; an account SAS with delete rights on every container can wipe the storage account, backups included',
  narrower: 'issue a user-delegation SAS for one container with only the permissions the job needs and an expiry of hours, minted at run time',
  reference: 'https://learn.microsoft.com/rest/api/storageservices/create-account-sas',
  samples: {
    positive: [
      sample('scripts/backup-db.sh', `#!/usr/bin/env bash\nset -euo pipefail\npg_dump "$DATABASE_URL" > dump.sql\nazcopy copy dump.sql "https://acmeprodbackups.blob.core.windows.net/db/dump.sql?${SAS_ACCOUNT(SIG)}"\n`, { expect: { line: 4 } }),
      sample('src/Web/appsettings.json', `{\n  "Media": {\n    "ConnectionString": "BlobEndpoint=https://acmemedia.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rl&se=2099-06-30T00:00:00Z&spr=https&sig=${SIG_2}"\n  }\n}\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('docs/storage.md', 'Append a SAS such as `?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-01-01T00:00:00Z&sig=<signature>` to the container URL.\n'),
      sample('src/sas.ts', "const url = `${container}?sv=2022-11-02&sr=c&sp=r&se=${expiry}&sig=${encodeURIComponent(signature)}`;\n"),
      sample('docs/artifacts.md', `az deploymentmanager artifact-source create -g rg1 -n artifacts --sas-uri "https://acmeartifacts.blob.core.windows.net/artifacts?st=2019-04-10T22%3A12Z&se=2019-04-11T09%3A12Z&sp=rl&sv=2018-03-28&sr=c&sig=${SIG_2}"\n`, { note: 'expired in 2019' }),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/backup-db.sh', `azcopy copy dump.sql "https://acmeprodbackups.blob.core.windows.net/db/dump.sql?${SAS_ACCOUNT(SIG)}"\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/fetch-report.sh', `curl -o report.csv "https://acmereports.blob.core.windows.net/exports/report.csv?sp=r&st=2025-01-06T09:00:00Z&se=2099-01-06T17:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=${SIG}"\n`, { note: 'service SAS, read one blob' })],
  },
};

const SIGN_IN_SIGNAL = /callbackpath|signin-oidc|redirect_?uri|nextauth|auth_microsoft_entra_id|openidconnect|\bopenid\b|signedoutcallbackpath/i;
const DEPLOY_PRINCIPAL = /\bARM_CLIENT_SECRET\b|subscriptionid|ARM_SUBSCRIPTION_ID|AZURE_SUBSCRIPTION_ID/i;

function rateEntraSecret(context: CredentialContext): Rating {
  const names = [context.variable ?? '', ...context.siblings].join(' ');
  const around = `${names}\n${surroundings(context)}`;
  if (DEPLOY_PRINCIPAL.test(around)) return { scope: 'root', because: 'the secret belongs to a deployment service principal (a subscription is named beside it): its Azure roles reach every resource they are assigned on' };
  if (SIGN_IN_SIGNAL.test(around)) return { scope: 'scoped', because: 'the secret belongs to a sign-in app registration (an OpenID Connect callback sits beside it), which holds no Azure resource roles by itself' };
  const narrow = narrowingWord([context.variable]);
  if (narrow) return { scope: 'scoped', because: `variable ${context.variable} names a ${narrow} principal` };
  return { scope: 'root', because: 'a service principal secret acts with every Azure role and Graph permission granted to the app; they are not in the repository, so it is rated the broad kind' };
}

const ENTRA_SECRET = 'LTk8Q~y6~o~35rFYV8IiDgzpcNIZ~vx~MC2QnK9c';

export const azureEntraClientSecret: CredentialKind = {
  id: 'azure-entra-client-secret',
  provider: 'azure',
  title: 'Microsoft Entra application client secret',
  // Three characters, a format digit, `Q~`, then 31 (format 7) or 34 (format 8) characters.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}(?:7Q~[A-Za-z0-9_~.-]{31}|8Q~[A-Za-z0-9_~.-]{34}))(?![A-Za-z0-9_~.-])/g, keywords: ['q~'] }],
  plausible: (value) => looksRandom(value.slice(6), 28, 3.8) && !isPlaceholder(value.slice(6)),
  rate: rateEntraSecret,
  reach: 'signs in as the service principal: with Owner or Contributor on a subscription it can delete every resource there, with Graph directory permissions it can take over the tenant',
  narrower: 'use workload identity federation (OIDC) from CI or a managed identity, with a role assignment on the one resource group it needs',
  reference: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
  samples: {
    positive: [
      sample('.github/workflows/infra.yml', `jobs:\n  apply:\n    runs-on: ubuntu-latest\n    env:\n      ARM_CLIENT_ID: 7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57\n      ARM_CLIENT_SECRET: ${ENTRA_SECRET}\n      ARM_TENANT_ID: 0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30\n      ARM_SUBSCRIPTION_ID: 5a3b1c9d-7e2f-4a6b-8c0d-2e4f6a8b0c1d\n    steps:\n      - run: terraform apply -auto-approve\n`, { expect: { line: 6 } }),
      sample('src/Web/appsettings.json', `{\n  "AzureAd": {\n    "Instance": "https://login.microsoftonline.com/",\n    "TenantId": "0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30",\n    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",\n    "ClientSecret": "WXm8Q~IB.xZSqEGS1N5QXTbQfXja3L~Fz~D4Mq-b",\n    "CallbackPath": "/signin-oidc"\n  }\n}\n`, { expect: { line: 6 } }),
      sample('tools/graph_sync.py', `import msal\n\napp = msal.ConfidentialClientApplication(\n    "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",\n    client_credential="Fmb7Q~51I4ZcGCkZMJgRs3j4UeMxu.xViuZua",\n    authority="https://login.microsoftonline.com/0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30",\n)\n`, { expect: { line: 5 } }),
    ],
    negative: [
      sample('docs/azure.md', 'Set `AZURE_CLIENT_SECRET=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` from the app registration page.\n'),
      sample('src/Web/appsettings.json', '{\n  "AzureAd": {\n    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",\n    "ClientSecret": "[Enter the client secret here]"\n  }\n}\n'),
      sample('assets/sprite.css', '.ui.visible.right.sidebar~.ui.visible.left.sidebar~.pusher{transform:translate3d(0,0,0)}\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ci/terraform.env', `ARM_CLIENT_ID=7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57\nARM_CLIENT_SECRET=${ENTRA_SECRET}\nARM_SUBSCRIPTION_ID=5a3b1c9d-7e2f-4a6b-8c0d-2e4f6a8b0c1d\n`, { expect: { line: 2 } })],
    negative: [sample('src/Web/appsettings.json', `{\n  "AzureAd": {\n    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",\n    "ClientSecret": "${ENTRA_SECRET}",\n    "CallbackPath": "/signin-oidc"\n  }\n}\n`, { note: 'sign-in app registration' })],
  },
};

const ADO_NEW = /^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/;
const ADO_LEGACY = /^[a-z2-7]{52}$/;
const FEED_SIGNAL = /pkgs\.dev\.azure\.com|_packaging|(?:^|\/)(?:\.npmrc|nuget\.config|pip\.conf|\.pypirc)$/i;

function rateDevOpsPat(context: CredentialContext): Rating {
  const variable = context.variable ?? '';
  if (/^AZP_TOKEN$/i.test(variable)) return { scope: 'scoped', because: 'AZP_TOKEN registers a self-hosted agent (Agent Pools: read & manage)' };
  if (FEED_SIGNAL.test(`${context.path}\n${context.line}\n${context.nearby}`) || /packaging|feed|artifacts|nuget|npm/i.test(variable)) {
    return { scope: 'scoped', because: 'the token is used for a package feed, which needs only Packaging scope' };
  }
  const narrow = narrowingWord([variable]);
  if (narrow) return { scope: 'scoped', because: `variable ${variable} names a ${narrow} token` };
  return { scope: 'root', because: 'a PAT’s scopes and organisations are not in the value: a full-access PAT acts as its user in every project (and every organisation when created for all)' };
}

const ADO_NEW_PAT = '7apAmnnzCNugxG4WgEmHCTjiYdfAKqaBchd7RucuwCoRA0YJ3531JQQJ99BAACAAAAAAAAAAAAASAZDODlOz';
const ADO_LEGACY_PAT = 'mbgy7lwzgpvihqmlpdc7vsgigxa5suu6apr3rsscmulq3cf5pt7f';
const ADO_LEGACY_PAT_2 = 'vhugwjb3jhmyyezca7jczdyaw5xofvyvlyv2jl5mepvqyaevq53a';

export const azureDevOpsPat: CredentialKind = {
  id: 'azure-devops-pat',
  provider: 'azure',
  title: 'Azure DevOps personal access token',
  valuePatterns: [
    // The 84-character format carries the AZDO signature at positions 77-80.
    { regex: /(?<![A-Za-z0-9])([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/g, keywords: ['azdo'] },
    // Either format as the password of a Git or feed URL.
    { regex: /https:\/\/(?:[^\s:@/'"`]*:)?([a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})@(?:dev\.azure\.com|[a-z0-9-]+\.visualstudio\.com|pkgs\.dev\.azure\.com)/g, keywords: ['dev.azure.com', 'visualstudio.com'] },
  ],
  contextPatterns: [
    {
      variable: /^(?:AZURE_DEVOPS(?:_EXT)?_(?:PAT|TOKEN)|AZDO_(?:PERSONAL_ACCESS_TOKEN|PAT|TOKEN)|ADO_(?:[A-Z]+_)*(?:PAT|TOKEN)|VSTS_(?:PAT|TOKEN)|AZP_TOKEN)$|azure[_.-]?devops[_.-]?(?:[a-z]+[_.-]?)?(?:pat|token)|azureDevOps(?:Pat|Token)/i,
      value: /^(?:[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})$/,
      keywords: ['azure_devops', 'azure-devops', 'azuredevops', 'azdo', 'ado_', 'vsts', 'azp_token'],
    },
    { variable: /^personal_access_token$/i, value: /^(?:[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})$/, keywords: ['token'], requires: ['dev.azure.com'] },
  ],
  plausible: (value) => {
    if (!ADO_NEW.test(value) && !ADO_LEGACY.test(value)) return false;
    const random = value.slice(0, 52);
    return !hasTypedRun(value) && !isPlaceholder(random) && looksRandom(random, 40, ADO_LEGACY.test(value) ? 3.8 : 4.2);
  },
  rate: rateDevOpsPat,
  reach: 'acts as its user with the scopes it was given; a full-access PAT can delete repositories, pipelines and projects across the organisation',
  narrower: 'use Microsoft Entra tokens or a service connection with workload identity; when a PAT is unavoidable, scope it to one organisation and the few scopes the job needs, with a short expiry',
  reference: 'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
  samples: {
    positive: [
      sample('infra/providers.tf', `provider "azuredevops" {\n  org_service_url       = "https://dev.azure.com/acme"\n  personal_access_token = "${ADO_NEW_PAT}"\n}\n`, { expect: { line: 3 } }),
      sample('scripts/mirror.sh', `#!/bin/sh\ngit clone --mirror "https://build:${ADO_LEGACY_PAT}@dev.azure.com/acme/Platform/_git/api" api.git\n`, { expect: { line: 2 } }),
      sample('agents/docker-compose.yml', `services:\n  agent:\n    image: acme/azp-agent:latest\n    environment:\n      AZP_URL: https://dev.azure.com/acme\n      AZP_TOKEN: ${ADO_LEGACY_PAT_2}\n      AZP_POOL: linux\n`, { expect: { line: 6 } }),
    ],
    negative: [
      sample('azure-pipelines.yml', 'steps:\n  - script: az devops configure --defaults organization=https://dev.azure.com/acme\n    env:\n      AZURE_DEVOPS_EXT_PAT: $(System.AccessToken)\n'),
      sample('docs/pat.md', 'A PAT looks like `abcdefghijklmnopqrstuvwxyz012345679ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoAZDOabcd`.\n', { note: 'Microsoft’s documented example' }),
      sample('scripts/mirror.sh', 'git clone "https://build:${ADO_PAT}@dev.azure.com/acme/Platform/_git/api"\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('infra/providers.tf', `provider "azuredevops" {\n  org_service_url       = "https://dev.azure.com/acme"\n  personal_access_token = "${ADO_NEW_PAT}"\n}\n`, { expect: { line: 3 } })],
    negative: [sample('ci/feeds.env', `ADO_FEED_READ_PAT=${ADO_LEGACY_PAT}\n`, { note: 'named for reading a package feed' })],
  },
};

const REDIS_KEY = 'CKWFBsEkXpw9gnOYjxGwOiXfsxpSAq2aJazUuFI/W7w=';

export const azureCacheRedisKey: CredentialKind = {
  id: 'azure-cache-redis-key',
  provider: 'azure',
  title: 'Azure Cache for Redis access key',
  valuePatterns: [
    // StackExchange.Redis connection strings: `<name>.redis.cache.windows.net:6380,password=<key>,ssl=True`.
    { regex: /[a-z0-9-]+\.redis\.cache\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)(?::\d+)?,(?:[^,\s"'`]*,){0,6}?password=([A-Za-z0-9+/]{43}=)/gi, keywords: ['redis.cache.'] },
    // redis:// URLs: `rediss://:<key>@<name>.redis.cache.windows.net:6380`.
    { regex: /rediss?:\/\/[^:@/\s'"`]*:([A-Za-z0-9+/]{43}=)@[a-z0-9-]+\.redis\.cache\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)/gi, keywords: ['redis.cache.'] },
  ],
  plausible: (value) => looksRandom(value, 40, 4.2) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: fixed('root-resource', 'an access key authenticates as the cache’s default user, which can run every command, FLUSHALL included'),
  reach: 'runs any command on the cache, including FLUSHALL, CONFIG and reading every key',
  narrower: 'use Microsoft Entra authentication with a data-access policy limited to the commands and keys the app uses, and disable access keys',
  reference: 'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-keys',
  samples: {
    positive: [
      sample('src/Api/appsettings.Production.json', `{\n  "ConnectionStrings": {\n    "Redis": "acme-prod.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True,abortConnect=False"\n  }\n}\n`, { expect: { line: 3 } }),
      sample('worker/settings.py', `CELERY_BROKER_URL = "rediss://:${REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0?ssl_cert_reqs=required"\n`, { expect: { line: 1 } }),
    ],
    negative: [
      sample('src/Api/appsettings.json', '{\n  "ConnectionStrings": {\n    "Redis": "<cache-name>.redis.cache.windows.net:6380,password=<access-key>,ssl=True,abortConnect=False"\n  }\n}\n'),
      sample('worker/settings.py', 'CELERY_BROKER_URL = f"rediss://:{REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0"\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('worker/settings.py', `CELERY_BROKER_URL = "rediss://:${REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0"\n`, { expect: { line: 1 } })],
    negative: [sample('worker/settings.py', 'CELERY_BROKER_URL = "rediss://:abcdefghijklmnopqrstuvwxyz0123456789/+ABCDE=@acme-prod.redis.cache.windows.net:6380/0"\n', { note: 'Microsoft’s documented example value' })],
  },
};

const SERVICE_BUS_KEY = '+q2a+Fbht3ITmgne7Cp8kWpFjqtUfw9ax3ya7RHCiL4=';
const SERVICE_BUS_KEY_2 = 'eCP20FEpjXB262T7PE1Xo/qtJ87aEQL4Kw3spbGb5sA=';
const SERVICE_BUS = (policy: string, key: string, entity = ''): string => `Endpoint=sb://acme-prod.servicebus.windows.net/;SharedAccessKeyName=${policy};SharedAccessKey=${key}${entity}`;

export const azureServiceBusKey: CredentialKind = {
  id: 'azure-service-bus-key',
  provider: 'azure',
  title: 'Azure Service Bus or Event Hubs shared access key',
  valuePatterns: [
    {
      regex: /Endpoint=sb:\/\/[A-Za-z0-9.-]+\.servicebus\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)\/?;\s*SharedAccessKeyName=[^;'"\s]+;\s*SharedAccessKey=([A-Za-z0-9+/]{43}=)/g,
      keywords: ['sharedaccesskey='],
    },
  ],
  plausible: (value) => looksRandom(value, 40, 4.2) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: (context) => {
    const policy = /SharedAccessKeyName=([^;'"\s]+)/.exec(context.line)?.[1] ?? '';
    if (/^RootManageSharedAccessKey$|manage/i.test(policy)) return { scope: 'root-resource', because: `policy ${policy} has Manage rights on the whole namespace: every queue, topic and event hub` };
    return { scope: 'scoped', because: `policy ${policy || 'of the connection string'} is a send or listen policy` };
  },
  reach: 'with the namespace’s RootManageSharedAccessKey, creates and deletes every queue, topic and event hub and reads or injects every message',
  narrower: 'use Microsoft Entra identities with a data-sender or data-receiver role on one entity, or a Send/Listen policy on the one queue or hub',
  reference: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
  samples: {
    positive: [
      sample('functions/local.settings.json', `{\n  "Values": {\n    "ServiceBusConnection": "${SERVICE_BUS('RootManageSharedAccessKey', SERVICE_BUS_KEY)}"\n  }\n}\n`, { expect: { line: 3 } }),
      sample('ingest/config.py', `EVENT_HUB_CONN = "${SERVICE_BUS('ingest-send', SERVICE_BUS_KEY_2, ';EntityPath=telemetry')}"\n`, { expect: { line: 1 } }),
    ],
    negative: [
      sample('functions/local.settings.json', '{\n  "Values": {\n    "ServiceBusConnection": "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"\n  }\n}\n'),
      sample('ingest/.env.example', 'EVENT_HUB_CONN="Endpoint=sb://acme-prod.servicebus.windows.net/;SharedAccessKeyName=ingest-send;SharedAccessKey=${EVENT_HUB_KEY};EntityPath=telemetry"\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('functions/local.settings.json', `{\n  "Values": {\n    "ServiceBusConnection": "${SERVICE_BUS('RootManageSharedAccessKey', SERVICE_BUS_KEY)}"\n  }\n}\n`, { expect: { line: 3 } })],
    negative: [sample('ingest/config.py', `EVENT_HUB_CONN = "${SERVICE_BUS('ingest-send', SERVICE_BUS_KEY_2, ';EntityPath=telemetry')}"\n`, { note: 'a send policy on one event hub' })],
  },
};

const SEARCH_ADMIN_KEY = '4A3446A1419926CF765769C8EA3FD9F2';
const SEARCH_KEY_VALUE = /^(?:[A-F0-9]{32}|[A-Za-z0-9]{52})$/;

const SEARCH_IDENTIFIABLE_KEY = 'wKUl4encIpFe2TGxZUV3D0sU97rKbCFeYLqoVrpCSaAzSeBjokG6';

export const azureSearchKey: CredentialKind = {
  id: 'azure-search-key',
  provider: 'azure',
  title: 'Azure AI Search API key',
  valuePatterns: [
    // Identifiable keys (Microsoft's security-utilities, SEC101/166-167): 42 base62, the `AzSe` signature, one of A-D and
    // 5 more; admin and query keys differ only in a checksum seed.
    { regex: /(?<![A-Za-z0-9+/])([A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5})(?![A-Za-z0-9+/=])/g, keywords: ['azse'] },
    // A key given straight to the SDK's credential in a file that names a search service.
    { regex: /AzureKeyCredential\(\s*["']([A-F0-9]{32}|[A-Za-z0-9]{52})["']\s*\)/g, keywords: ['azurekeycredential'], requires: ['search.windows.net'] },
  ],
  contextPatterns: [
    { header: /^api-key$/i, value: SEARCH_KEY_VALUE, keywords: ['api-key'], requires: ['search.windows.net'] },
    { variable: /search[_.-]?(?:service[_.-]?)?(?:admin[_.-]?|query[_.-]?|api[_.-]?)?key|searchcredential/i, value: SEARCH_KEY_VALUE, keywords: ['search'], requires: ['search.windows.net'] },
  ],
  plausible: (value) => looksRandom(value, 32, 3.2) && !isPlaceholder(value),
  rate: (context) => {
    if (/query/i.test(context.variable ?? '')) return { scope: 'scoped', because: `variable ${context.variable} names a query key, which only reads indexes` };
    return { scope: 'root-resource', because: 'an admin key (query keys cannot be told apart by value) creates, changes and deletes every index of the search service' };
  },
  reach: 'with an admin key, creates, overwrites and deletes every index, indexer and data source of the search service',
  narrower: 'use a query key where the code only searches, or Microsoft Entra roles on the one index it needs',
  reference: 'https://learn.microsoft.com/azure/search/search-security-api-keys',
  samples: {
    positive: [
      sample('indexer/push.py', `from azure.core.credentials import AzureKeyCredential\nfrom azure.search.documents import SearchClient\n\nSEARCH_ENDPOINT = "https://acme-search.search.windows.net"\nSEARCH_ADMIN_KEY = "${SEARCH_ADMIN_KEY}"\nclient = SearchClient(SEARCH_ENDPOINT, "products", AzureKeyCredential(SEARCH_ADMIN_KEY))\n`, { expect: { line: 5 } }),
      sample('scripts/reindex.http', `POST https://acme-search.search.windows.net/indexers/products-indexer/run?api-version=2024-07-01\napi-key: ${SEARCH_ADMIN_KEY}\n`, { expect: { line: 2 } }),
      sample('.env.production', `CATALOG_INDEX=products\nCATALOG_KEY=${SEARCH_IDENTIFIABLE_KEY}\n`, { expect: { line: 2 }, note: 'an identifiable key, known by its AzSe signature whatever it is named and wherever the endpoint is set' }),
      sample('scripts/reindex.py', `from azure.core.credentials import AzureKeyCredential\nfrom azure.search.documents import SearchClient\n\nclient = SearchClient("https://acme-search.search.windows.net", "products", AzureKeyCredential("${SEARCH_ADMIN_KEY}"))\n`, { expect: { line: 4 }, note: 'given straight to the credential' }),
    ],
    negative: [
      sample('indexer/push.py', 'SEARCH_ENDPOINT = "https://acme-search.search.windows.net"\nSEARCH_ADMIN_KEY = os.environ["SEARCH_ADMIN_KEY"]\n'),
      sample('web/.env.local.example', 'SEARCH_ENDPOINT=https://<service>.search.windows.net\nSEARCH_QUERY_KEY=<query-key>\n'),
      sample('scripts/translate.py', `from azure.core.credentials import AzureKeyCredential\nfrom azure.ai.translation.text import TextTranslationClient\n\nclient = TextTranslationClient(credential=AzureKeyCredential("${SEARCH_ADMIN_KEY}"), region="westeurope")\n`, { note: 'the same credential class for another service, in a file that names no search service' }),
    ],
  },
  scopeSamples: {
    positive: [sample('indexer/push.py', `SEARCH_ENDPOINT = "https://acme-search.search.windows.net"\nSEARCH_ADMIN_KEY = "${SEARCH_ADMIN_KEY}"\n`, { expect: { line: 2 } })],
    negative: [sample('web/search.ts', `export const searchEndpoint = 'https://acme-search.search.windows.net';\nexport const searchQueryKey = '${SEARCH_ADMIN_KEY}';\n`, { note: 'a query key' })],
  },
};

export const azureApimSubscriptionKey: CredentialKind = {
  id: 'azure-apim-subscription-key',
  provider: 'azure',
  title: 'Azure API Management or AI services subscription key',
  contextPatterns: [
    { variable: /ocp[_.-]?apim[_.-]?subscription[_.-]?key|apim[_.-]?subscription[_.-]?key/i, value: /^[0-9a-f]{32}$/, keywords: ['subscription'] },
    { header: /^ocp-apim-subscription-key$/i, value: /^[0-9a-f]{32}$/, keywords: ['ocp-apim-subscription-key'] },
  ],
  plausible: (value) => looksRandom(value, 32, 3.2) && !/0123456789abcdef/.test(value),
  rate: fixed('scoped', 'a subscription key calls the APIs of one product or one AI services resource'),
  reach: 'calls the APIs its subscription or AI services resource allows, billed to its owner',
  narrower: 'keep it in the caller’s secret store; rotate it from the subscription or resource keys page after exposure',
  reference: 'https://learn.microsoft.com/azure/api-management/api-management-subscriptions',
  samples: {
    positive: [
      sample('scripts/translate.sh', '#!/bin/sh\ncurl -X POST "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de" \\\n  -H "Ocp-Apim-Subscription-Key: 413b6d635522b6035f68864c0641e411" \\\n  -H "Content-Type: application/json" -d \'[{"Text":"Hello"}]\'\n', { expect: { line: 3 } }),
      sample('src/partner-api.ts', "export const partnerApi = axios.create({\n  baseURL: 'https://acme-apim.azure-api.net/orders',\n  headers: { 'Ocp-Apim-Subscription-Key': '413b6d635522b6035f68864c0641e411' },\n});\n", { expect: { line: 3 } }),
      {
        files: {
          'http-client.private.env.json': '{\n  "prod": {\n    "partner_key": "413b6d635522b6035f68864c0641e411"\n  }\n}\n',
          'orders.http': 'GET https://acme-apim.azure-api.net/orders\nOcp-Apim-Subscription-Key: {{partner_key}}\n',
        },
        expect: { path: 'http-client.private.env.json', line: 3 },
        note: "the JetBrains HTTP client's private environment, sent by a request file as the subscription header",
      },
    ],
    negative: [
      sample('src/partner-api.ts', "export const partnerApi = axios.create({ headers: { 'Ocp-Apim-Subscription-Key': process.env.APIM_KEY! } });\n"),
      sample('docs/api.md', 'Send your key in the `Ocp-Apim-Subscription-Key: <subscription-key>` header.\n'),
      {
        files: {
          'http-client.private.env.json': '{\n  "prod": {\n    "partner_key": "413b6d635522b6035f68864c0641e411"\n  }\n}\n',
          'orders.http': 'GET https://acme-apim.azure-api.net/orders\nX-Api-Key: {{partner_key}}\n',
        },
        note: 'sent in another header: not an APIM subscription key',
      },
    ],
  },
};

/** Cosmos DB before storage: both say AccountKey=, and the Cosmos pattern is the narrower one. */
export const AZURE_KINDS: readonly CredentialKind[] = [
  azureCosmosDbKey,
  azureStorageAccountKey,
  azureSasToken,
  azureEntraClientSecret,
  azureDevOpsPat,
  azureCacheRedisKey,
  azureServiceBusKey,
  azureSearchKey,
  azureApimSubscriptionKey,
];
