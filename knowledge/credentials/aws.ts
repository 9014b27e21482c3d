// AWS: access key ids have a fixed shape; secret keys are 40 base64 characters known only by the name beside them.
// Scope lives in IAM policies, not in the key, so a long-term key is rated the broad kind unless something narrows it.
import { sample } from '../../src/model.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { configuredForAws } from './object-storage.js';
import { decodeBase64Text, isPlaceholder, looksRandom, wordsOf } from './values.js';

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const ROOT_ARN = /arn:aws:iam::\d{12}:root\b/;
const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])/;
// `ci` is not one: the key a CI job runs `terraform apply` with is usually the broadest the account has.
const NARROW_NAME_WORDS = new Set(['readonly', 'ro', 'read', 'viewer', 'deploy', 'upload', 'uploader', 'backup', 'ses', 'sqs', 's3', 'bucket', 'logs']);

function rateAwsKey(context: CredentialContext, keyId: string | undefined): Rating {
  const nearby = [context.nearby, ...Object.values(context.siblingValues)].join('\n');
  if (ROOT_ARN.test(nearby) || /(?:^|_)root(?:_|$)/i.test(context.variable ?? '')) {
    return { scope: 'root', because: 'the key sits beside the account root ARN: root user keys can do anything, including closing the account' };
  }
  if (keyId?.startsWith('ASIA')) return { scope: 'scoped', because: 'an ASIA key id is a temporary role session (at most 36 hours)' };
  // ABIA is an STS service bearer token's id, ACCA a context-specific credential's: both are issued to one service.
  if (keyId?.startsWith('ABIA') || keyId?.startsWith('ACCA')) return { scope: 'scoped', because: `an ${keyId.slice(0, 4)} key id belongs to a credential issued for one service, not an IAM user's long-term key` };
  // Only the names of the pair itself narrow it (`S3_UPLOADER_ACCESS_KEY_ID`), not unrelated keys beside it.
  const pairNames = Object.entries(context.siblingValues).filter(([, value]) => /^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(value)).map(([name]) => name);
  const narrow = [context.variable, ...pairNames].flatMap((name) => wordsOf(name ?? '')).find((word) => NARROW_NAME_WORDS.has(word));
  if (narrow) return { scope: 'scoped', because: `the variable names a ${narrow} key` };
  return { scope: 'root', because: 'a long-term IAM user key: its policies are not in the repository, so it is rated the broad kind' };
}

export const awsAccessKeyId: CredentialKind = {
  id: 'aws-access-key-id',
  provider: 'aws',
  title: 'AWS access key ID',
  valuePatterns: [{ regex: /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/g, keywords: ['akia', 'asia', 'abia', 'acca'] }],
  // In a presigned URL (`X-Amz-Credential=AKIA...`, `AWSAccessKeyId=AKIA...`) the id travels with a short-lived
  // signature, not with the secret key.
  plausible: (value, context) => !value.endsWith('EXAMPLE') && !/^(?:AKIA|ASIA)([A-Z2-7])\1{10,}/.test(value) && !new RegExp(`(?:X-Amz-Credential|AWSAccessKeyId)=${value}`).test(context.line),
  rate: (context) => rateAwsKey(context, context.value),
  companionOf: 'aws-secret-access-key',
  reach: 'with its secret key, does whatever the IAM user may do; a root or admin user can delete every resource in the account',
  narrower: 'use short-lived role credentials (OIDC from CI, SSO locally) or a user limited to the few actions and resources it needs',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('scripts/upload-assets.sh', '#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAQX4KJ2MZ7HTLD5PW\nexport AWS_SECRET_ACCESS_KEY=9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\naws s3 sync ./public s3://acme-assets\n', { expect: { line: 2 } }),
      sample('notebooks/explore.ipynb', '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "import boto3\\n",\n    "s3 = boto3.client(\'s3\', aws_access_key_id=\'AKIAQX4KJ2MZ7HTLD5PW\', aws_secret_access_key=\'9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\')\\n"\n   ]\n  }\n ]\n}\n', { expect: { line: 7 } }),
    ],
    negative: [
      sample('docs/aws.md', 'For example `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`.\n'),
      sample('src/iam.ts', "export const ROLE_ID = 'AROAQX4KJ2MZ7HTLD5PW';\nexport const USER_ID = 'AIDAQX4KJ2MZ7HTLD5PW';\n"),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/aws.ini', '[default]\naws_access_key_id = AKIAQX4KJ2MZ7HTLD5PW\n', { expect: { line: 2 } })],
    negative: [
      sample('ops/aws.ini', '[default]\naws_access_key_id = ASIAQX4KJ2MZ7HTLD5PW\n'),
      sample('debug/sts.md', '# STS debugging\n\nThe bearer token id was ABIAQX4KJ2MZ7HTLD5PW.\n', { note: "an STS service bearer token's id, issued for one service" }),
    ],
  },
};

export const awsSecretAccessKey: CredentialKind = {
  id: 'aws-secret-access-key',
  provider: 'aws',
  title: 'AWS secret access key',
  contextPatterns: [
    {
      // Pulumi stack settings namespace the provider's keys: `aws:secretKey`.
      variable: /(?:aws)?[_.-]?secret[_.-]?access[_.-]?key|^aws[_.:-]?secret(?:[_.-]?key)?$|secretAccessKey/i,
      value: /^[A-Za-z0-9/+]{40}$/,
      keywords: ['secret'],
    },
    // Terraform's aws provider block and boto-style configs call it plainly `secret_key`.
    { variable: /^secret[_-]?key$/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['secret'], requires: ['aws'] },
    // The same beside its key ID where no `aws` is written (Packer's `amazon-ebs` source: `access_key`, `secret_key`).
    { variable: /^secret[_-]?key$/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['secret'], requires: ['akia'] },
    // Terraform state of an `aws_iam_access_key`: its attributes are `id` (the AKIA key ID) and `secret`.
    { variable: /^secret$/, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['secret'], requires: ['aws_iam_access_key'] },
  ],
  // Given by position after its key ID, as SDK constructors take them: Go's `credentials.NewStaticCredentials("AKIA…",
  // "…", "")`, Java's `new BasicAWSCredentials("AKIA…", "…")`, PHP's `new Credentials('AKIA…', '…')`.
  // No lookbehind: the pattern runs over every file that holds `asia`, a common word.
  valuePatterns: [{ regex: /["'](?:AKIA|ASIA)[A-Z2-7]{16}["'][ \t]*,[ \t]*["']([A-Za-z0-9/+]{40})["']/g, keywords: ['akia', 'asia'] }],
  // Not a key of another S3-compatible service (an rclone remote whose provider is Wasabi or Minio, an endpoint on
  // another service's host), unless an AWS key id is beside it: that id is AWS's own format.
  claims: (context) => AWS_KEY_ID.test(context.line) || Object.values(context.siblingValues).some((value) => AWS_KEY_ID.test(value)) || configuredForAws(context),
  plausible: (value) => !/EXAMPLEKEY$/.test(value) && !isPlaceholder(value) && looksRandom(value, 40, 3.5),
  rate: (context) => {
    const keyId = Object.values(context.siblingValues).find((value) => /^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(value)) ?? /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/.exec(context.line)?.[0];
    return rateAwsKey(context, keyId);
  },
  reach: 'signs requests as the IAM user; a root or admin user can delete every resource in the account',
  narrower: 'use short-lived role credentials (OIDC from CI, SSO locally) or a user limited to the few actions and resources it needs',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('scripts/sync.sh', '#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-q8Vt2LmR9xKp4NwZ7bYc3HfJ6sDg1AeU5oTi0WnQ}"\naws s3 sync ./dist s3://acme-web\n', { expect: { line: 2 }, note: 'a shell default holds the literal key' }),
      sample('packer/ami.pkr.hcl', 'source "amazon-ebs" "base" {\n  region     = "eu-west-1"\n  access_key = "AKIAQX4KJ2MZ7HTLD5PW"\n  secret_key = "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK"\n}\n', { expect: { line: 4 }, note: "Packer's amazon-ebs source" }),
      sample('infra/Pulumi.staging.yaml', 'config:\n  aws:region: eu-west-1\n  aws:secretKey: 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n', { expect: { line: 3 }, note: 'a Pulumi stack setting set without --secret' }),
      sample('config/storage.yml', 'amazon:\n  service: S3\n  access_key_id: AKIAQX4KJ2MZ7HTLD5PW\n  secret_access_key: 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n  region: eu-west-1\n', { expect: { line: 4 } }),
      sample('internal/storage/session.go', 'sess := session.Must(session.NewSession(&aws.Config{\n\tCredentials: credentials.NewStaticCredentials("AKIAQX4KJ2MZ7HTLD5PW", "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK", ""),\n}))\n', { expect: { line: 2 }, note: 'given by position after its key ID' }),
      sample('src/main/java/com/acme/Upload.java', 'AWSCredentials creds = new BasicAWSCredentials("AKIAQX4KJ2MZ7HTLD5PW", "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK");\n', { expect: { line: 1 } }),
      sample('terraform/provider.tf', 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIAQX4KJ2MZ7HTLD5PW"\n  secret_key = "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK"\n}\n', { expect: { line: 4 } }),
      sample('rclone.conf', '[s3]\ntype = s3\nprovider = AWS\naccess_key_id = AKIAQX4KJ2MZ7HTLD5PW\nsecret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n\n[gcs]\ntype = google cloud storage\nservice_account_file = /etc/rclone/gcs.json\n', { expect: { line: 5 }, note: "beside a Google remote, still AWS's: no Google HMAC access id pairs it" }),
      sample('rclone.conf', '[archive]\ntype = s3\nprovider = Other\naccess_key_id = AKIAQX4KJ2MZ7HTLD5PW\nsecret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\nregion = eu-west-1\n', { expect: { line: 5 }, note: "a remote whose provider says Other, with AWS's own key id" }),
      sample('infra/terraform.tfstate', '{\n  "version": 4,\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "aws_iam_access_key",\n      "name": "ci",\n      "instances": [\n        {\n          "attributes": {\n            "id": "AKIAQX4KJ2MZ7HTLD5PW",\n            "secret": "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",\n            "user": "ci"\n          }\n        }\n      ]\n    }\n  ]\n}\n', { expect: { line: 12 }, note: 'committed Terraform state of an IAM access key' }),
    ],
    negative: [
      sample('README.md', '```go\nendpoint := "play.min.io"\naccessKeyID := "Q3AM3UQ867SPQQA43P2F"\nsecretAccessKey := "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG"\n```\n', { note: "MinIO's public playground keys" }),
      sample('config/storage.yml', 'amazon:\n  access_key_id: <%= ENV["AWS_ACCESS_KEY_ID"] %>\n  secret_access_key: <%= ENV["AWS_SECRET_ACCESS_KEY"] %>\n'),
      sample('docs/aws.md', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'),
      sample('rclone.conf', '[nas]\ntype = s3\nprovider = Minio\naccess_key_id = QX4KJ2MZ7HTLD5PWRN8B\nsecret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\nendpoint = http://10.0.4.20:9000\n', { note: "an rclone remote of another S3 provider: MinIO's key, not AWS's" }),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/credentials', '[default]\n# arn:aws:iam::123456789012:root\naws_access_key_id = AKIAQX4KJ2MZ7HTLD5PW\naws_secret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n', { expect: { line: 4 } })],
    negative: [sample('ops/credentials', '[default]\naws_access_key_id = ASIAQX4KJ2MZ7HTLD5PW\naws_secret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\naws_session_token = IQoJb3JpZ2luX2VjEJr\n')],
  },
};

/** `ABSK` + base64 of `BedrockAPIKey-<id>-at-<account>:<secret>`: the body decodes to that prefix. */
function isBedrockKeyBody(value: string): boolean {
  return /^BedrockAPIKey-[\w-]+-at-\d{12}:[A-Za-z0-9+/=]{20,}$/.test(decodeBase64Text(value.slice(4)) ?? '');
}

export const awsBedrockApiKey: CredentialKind = {
  id: 'aws-bedrock-api-key',
  provider: 'aws',
  title: 'Amazon Bedrock API key',
  valuePatterns: [
    // Long-term keys (an IAM user's service-specific credential) and short-term ones (a presigned URL, base64).
    { regex: /(?<![A-Za-z0-9+/=])(ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=])/g, keywords: ['absk'] },
    { regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(bedrock-api-key-[A-Za-z0-9+/]{100,3000}={0,2})(?![A-Za-z0-9+/=])/g, keywords: ['bedrock-api-key-'] },
  ],
  plausible: (value) => (value.startsWith('ABSK') ? isBedrockKeyBody(value) : looksRandom(value.slice(16, 80), 40, 3.0)),
  rate: () => ({ scope: 'scoped', because: 'a Bedrock API key calls Amazon Bedrock only, with the permissions of its IAM user or session' }),
  reach: 'invokes Bedrock models on the account’s bill, and reads whatever the IAM user behind it may read in Bedrock',
  narrower: 'use short-term Bedrock keys (12 hours at most) generated from a role at run time, not a long-term key in files',
  reference: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
  samples: {
    positive: [
      sample('src/bedrock.ts', 'await fetch("https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse", { headers: { Authorization: "Bearer ABSKQmVkcm9ja0FQSUtleS1hMGE0LWF0LTg2NTEyODYwOTExODo3d2pMQ011TU5IWE82bUYxbU1MTm1scWZJaW02WnZJeFBBUzdNR1Ru" } });\n', { expect: { line: 1 } }),
      sample('config/llm.yaml', 'provider: bedrock\nregion: us-east-1\napi_key: ABSKQmVkcm9ja0FQSUtleS1hMGE0LWF0LTg2NTEyODYwOTExODo3d2pMQ011TU5IWE82bUYxbU1MTm1scWZJaW02WnZJeFBBUzdNR1Ru\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('docs/bedrock.md', 'Set `AWS_BEARER_TOKEN_BEDROCK` to your key (it starts with `ABSK`).\n'),
      sample('src/bedrock.ts', 'const key = "ABSKQmVkcm9ja0FQSUtleS1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";\n', { note: 'does not decode to a key' }),
    ],
  },
};

export const AWS_KINDS: readonly CredentialKind[] = [awsAccessKeyId, awsSecretAccessKey, awsBedrockApiKey];
