// Clouds beyond the big three, Alibaba, Scaleway and OVH: Tencent Cloud, Yandex Cloud and IBM Cloud. A Tencent CAM key
// is a pair (SecretId `AKID…` and a 32-character SecretKey) like AWS's; a Yandex API key (`AQVN…`) acts as one service
// account; an IBM Cloud API key (44 characters, no prefix) is known by the variables the CLI and Terraform read.
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { randomAfter } from './values.js';

const TENCENT_ID = 'AKIDzymMlopiWfqUyHRSIf8NFmAUNLnY5Yx0';
const TENCENT_KEY = 'y3RnjDQl2Kvf8THRXfEuzcrJaBnx7IfD';
const YANDEX = 'AQVNz7gTqBu4wweocv81k2lsNaWQrZzhB4GZqT8h';

const IBM_CLOUD = 'DKFxkjexlV_yGntXmuwXUIOzPaoluuB3PGoY8U_CspNC';
const TENCENT_SECRET_ID = /AKID[A-Za-z0-9]{32}/;
const TENCENT_REACH = "acts in the Tencent Cloud account with the key's CAM policy: a root account's key (or an administrator's) creates, reads and deletes every CVM instance, COS bucket and database";
const TENCENT_NARROWER = 'use a CAM sub-user or role whose policy grants only the products and resources the job needs, with temporary credentials (STS) where it can';

export const tencentCloudSecretId: CredentialKind = {
  id: 'tencent-cloud-secret-id',
  provider: 'tencent-cloud',
  title: 'Tencent Cloud SecretId',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(AKID[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g, keywords: ['akid'] }],
  plausible: randomAfter(4),
  rate: broadUnlessReadOnly('Tencent Cloud key', 'root', "a CAM key's policy is not in the value: a root account's key has every permission"),
  reach: TENCENT_REACH,
  narrower: TENCENT_NARROWER,
  companionOf: 'tencent-cloud-secret-key',
  reference: 'https://www.tencentcloud.com/document/product/598/32675',
  samples: {
    positive: [sample('scripts/upload_cos.py', `from qcloud_cos import CosConfig\n\nconfig = CosConfig(Region="ap-guangzhou", SecretId="${TENCENT_ID}", SecretKey="${TENCENT_KEY}")\n`, { expect: { line: 3 } })],
    negative: [sample('README.md', '```ini\nTENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxx\nTENCENTCLOUD_SECRET_KEY=xxxxxxxxxxxxxxxx\n```\n')],
  },
  scopeSamples: {
    positive: [sample('deploy/cos.ini', `[tencent]\nsecret_id = ${TENCENT_ID}\n`, { expect: { line: 2 } })],
    negative: [sample('deploy/cos.ini', `[tencent]\nreadonly_secret_id = ${TENCENT_ID}\n`)],
  },
};

export const tencentCloudSecretKey: CredentialKind = {
  id: 'tencent-cloud-secret-key',
  provider: 'tencent-cloud',
  title: 'Tencent Cloud SecretKey',
  contextPatterns: [
    { variable: /^(?:TENCENTCLOUD|TENCENT_CLOUD|TENCENT|QCLOUD)_SECRET_?KEY$|^tencent(?:cloud)?[_.-]?secret[_.-]?key$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['tencent', 'qcloud'] },
    // The SDKs' and Terraform provider's own names, when a SecretId sits beside (see claims).
    { variable: /^secret_?key$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['secret'], requires: ['akid'] },
  ],
  claims: (context) => !/^secret_?key$/i.test(context.variable ?? '') || TENCENT_SECRET_ID.test(context.line) || Object.values(context.siblingValues).some((value) => TENCENT_SECRET_ID.test(value)),
  plausible: randomAfter(0),
  rate: broadUnlessReadOnly('Tencent Cloud key', 'root', "a CAM key's policy is not in the value: a root account's key has every permission"),
  reach: TENCENT_REACH,
  narrower: TENCENT_NARROWER,
  reference: 'https://www.tencentcloud.com/document/product/598/32675',
  samples: {
    positive: [
      sample('.env', `TENCENTCLOUD_SECRET_ID=${TENCENT_ID}\nTENCENTCLOUD_SECRET_KEY=${TENCENT_KEY}\nTENCENTCLOUD_REGION=ap-shanghai\n`, { expect: { line: 2 } }),
      sample('terraform/provider.tf', `provider "tencentcloud" {\n  secret_id  = "${TENCENT_ID}"\n  secret_key = "${TENCENT_KEY}"\n  region     = "ap-guangzhou"\n}\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('terraform/provider.tf', 'provider "tencentcloud" {\n  secret_id  = var.secret_id\n  secret_key = var.secret_key\n  region     = "ap-guangzhou"\n}\n'),
      sample('config/storage.yml', `s3:\n  access_key: minio\n  secret_key: ${TENCENT_KEY}\n`, { note: 'a 32-character secret with no SecretId beside it' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env', `TENCENTCLOUD_SECRET_ID=${TENCENT_ID}\nTENCENTCLOUD_SECRET_KEY=${TENCENT_KEY}\n`, { expect: { line: 2 } })],
    negative: [sample('.env', `TENCENTCLOUD_READONLY_SECRET_ID=${TENCENT_ID}\nTENCENTCLOUD_READONLY_SECRET_KEY=${TENCENT_KEY}\n`)],
  },
};

export const yandexCloudApiKey: CredentialKind = {
  id: 'yandex-cloud-api-key',
  provider: 'yandex-cloud',
  title: 'Yandex Cloud API key',
  // AQVN and 35 to 38 characters; the shape is short enough to ask for Yandex in the file.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_+/-])(AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_+/=-])/g, keywords: ['aqvn'], requires: ['yandex'] }],
  plausible: randomAfter(4),
  rate: broadUnlessReadOnly('Yandex Cloud key', 'root-resource', "an API key acts as its service account with every role it holds in the folder or cloud (not in the value)"),
  reach: "acts as its service account in Yandex Cloud with the roles it holds: an editor or admin of the folder creates and deletes VMs, buckets and managed databases there",
  narrower: 'give the service account only the roles the job needs (ai.languageModels.user for an LLM call) on one folder, and set the key\'s scope where the API allows it',
  reference: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
  samples: {
    positive: [
      sample('bot/gpt.py', `import requests\n\nHEADERS = {"Authorization": "Api-Key ${YANDEX}"}\nrequests.post("https://llm.api.cloud.yandex.net/foundationModels/v1/completion", headers=HEADERS, json=body)\n`, { expect: { line: 3 } }),
      sample('.env', `YC_API_KEY=${YANDEX}\nYC_FOLDER_ID=b1g8q2kz4m1t9xw7\n# yandex cloud\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('data/blob.txt', `${YANDEX}\n`, { note: 'the shape with no Yandex in the file' })],
  },
  scopeSamples: {
    positive: [sample('.env', `YC_API_KEY=${YANDEX}\n# yandex cloud\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `YC_VIEWER_API_KEY=${YANDEX}\n# yandex cloud\n`)],
  },
};

export const ibmCloudApiKey: CredentialKind = {
  id: 'ibm-cloud-api-key',
  provider: 'ibm-cloud',
  title: 'IBM Cloud API key',
  contextPatterns: [
    { variable: /^(?:IBMCLOUD|IBM_CLOUD|IC|BLUEMIX|BM)_API_?KEY$|^ibm(?:cloud)?[_.-]?api[_.-]?key$/i, value: /^[A-Za-z0-9_-]{44}$/, keywords: ['ibm', 'ic_api', 'bluemix', 'bm_api'] },
  ],
  plausible: randomAfter(0),
  rate: broadUnlessReadOnly('IBM Cloud key', 'root', "a user's API key has all of its user's access in the account; a service ID's key has the service ID's policies (not in the value)"),
  reach: "acts in the IBM Cloud account with its user's or service ID's access: an administrator's key creates and deletes every VPC, cluster, database and Cloud Object Storage bucket",
  narrower: 'use a service ID whose access policies cover only the resource group and services the job needs, or a trusted profile',
  reference: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
  samples: {
    positive: [
      sample('terraform/provider.tf', `provider "ibm" {\n  ibmcloud_api_key = "${IBM_CLOUD}"\n  region           = "eu-de"\n}\n`, { expect: { line: 2 } }),
      sample('scripts/login.sh', `#!/bin/sh\nexport IBMCLOUD_API_KEY=${IBM_CLOUD}\nibmcloud login -r eu-de\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('terraform/provider.tf', 'provider "ibm" {\n  ibmcloud_api_key = var.ibmcloud_api_key\n  region           = "eu-de"\n}\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/login.sh', `export IBMCLOUD_API_KEY=${IBM_CLOUD}\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/login.sh', `export IBMCLOUD_READONLY_API_KEY=${IBM_CLOUD}\n`)],
  },
};

export const REGIONAL_CLOUD_KINDS: readonly CredentialKind[] = [tencentCloudSecretId, tencentCloudSecretKey, yandexCloudApiKey, ibmCloudApiKey];
