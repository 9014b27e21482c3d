// Non-production infrastructure that reads (or writes) production's infrastructure state: a Terraform remote state
// or Terragrunt dependency on production, a backend key shared with production, a Pulumi stack reference or a
// CloudFormation export of a production stack, a staging job that selects the production workspace or stack.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta } from '../../../src/model.js';
import type { EnvironmentModel } from '../model.js';
import { environmentsNamedIn } from '../../../knowledge/environments/names.js';
import { DETECTOR, productionRelated, type Verdict } from './verdict.js';

export const readsProductionState: RuleMeta = {
  id: `${DETECTOR}/reads-production-state`,
  title: 'Non-production infrastructure reads or writes production state',
  severity: 'medium',
  why:
    'Non-production infrastructure code reads production\'s Terraform state, stack outputs or exports, so its credentials must reach production\'s state (which holds every ' +
    'production resource id and often secrets in plain text); a backend shared with production, or a staging job that selects the production workspace or stack, ' +
    'lets a staging `apply` or `destroy` change production itself.',
  fix:
    'Keep each environment\'s state separate (backend key, workspace, stack), pass the few values staging needs as variables or from a read-only parameter, ' +
    'and run non-production jobs with credentials that cannot read the production state bucket.',
  help: 'Writing production state (a shared backend, a selected production workspace or stack) is reported high; reading it medium, unless what is read is a data store\'s (a Pulumi program taking `requireOutput("databaseUrl")` from a stack reference named for production, a Terraform argument `database_host = data.terraform_remote_state.production.outputs.db_address`): the environment is then wired to production\'s data, high.',
  precision: 'high',
  tags: ['environments', 'terraform', 'iac'],
  samples: {
    positive: [
      sample(
        'infra/staging/__main__.py',
        'import pulumi\nimport pulumi_aws as aws\n\ndata = pulumi.StackReference("acme/shop-data/prod")\ndatabase_url = data.require_output("database_url")\n\naws.ssm.Parameter("db-url", type="SecureString", value=database_url)\n',
        { expect: { line: 4 }, note: "a staging Pulumi program takes production's database URL from production's stack (high)" },
      ),
      sample(
        '.github/workflows/tf-staging.yml',
        'on:\n  push:\n    branches: [develop]\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: terraform apply -auto-approve -var-file=prod.tfvars\n',
        { expect: { line: 9 }, note: "a staging job applying with production's variables" },
      ),
      sample(
        '.github/workflows/infra.yml',
        'on: push\njobs:\n  plan-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: terraform -chdir=infra plan -var-file=envs/prod.tfvars\n',
        { expect: { line: 7 }, note: 'global options before the subcommand' },
      ),
      {
        files: {
          'envs/staging/network.tf':
            'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n    bucket = "acme-terraform-state"\n    key    = "prod/network.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
        },
        expect: { path: 'envs/staging/network.tf', line: 1 },
      },
      {
        files: {
          'envs/prod/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "app/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
          'envs/staging/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "app/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
        },
        expect: { path: 'envs/staging/backend.tf', line: 2 },
        note: 'staging and production write the same state file',
      },
      {
        files: {
          'live/staging/app/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\n\ndependency "vpc" {\n  config_path = "../../prod/vpc"\n}\n\ninputs = {\n  vpc_id = dependency.vpc.outputs.vpc_id\n}\n',
        },
        expect: { path: 'live/staging/app/terragrunt.hcl', line: 6 },
      },
      {
        files: {
          'envs/staging/main.tf': 'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n    bucket = "acme-shared-tfstate"\n    key    = "prod/network/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
        },
        expect: { path: 'envs/staging/main.tf', line: 1 },
        note: "a bucket named shared holds every environment's state: the key says production's",
      },
      {
        files: {
          'envs/staging/main.tf':
            'data "terraform_remote_state" "production" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tfstate"\n    key    = "production/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n\nmodule "app" {\n  source        = "../../modules/app"\n  database_host = data.terraform_remote_state.production.outputs.db_address\n}\n',
        },
        expect: { path: 'envs/staging/main.tf', line: 1 },
        note: "staging's database host is an output of production's state: it uses production's database",
      },
    ],
    negative: [
      sample(
        'infra/staging/index.ts',
        'import * as pulumi from "@pulumi/pulumi";\n\nconst data = new pulumi.StackReference(`acme/shop-data/${pulumi.getStack()}`);\nexport const databaseUrl = data.requireOutput("databaseUrl");\n',
        { note: "a Pulumi stack reference built from the stack being deployed is each stack's own" },
      ),
      {
        files: {
          'global/network/main.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-tf-state"\n    key    = "global/network/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n\nresource "aws_route53_zone" "main" {\n  name = "acme-travel.com"\n}\n',
          'envs/staging/main.tf': 'data "terraform_remote_state" "global" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tf-state"\n    key    = "global/network/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
          'envs/prod/main.tf': 'data "terraform_remote_state" "global" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tf-state"\n    key    = "global/network/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
        },
        note: 'the global state (DNS zone, registry) every environment reads is nobody\'s production state',
      },
      sample(
        '.github/workflows/tf.yml',
        'jobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: terraform apply -auto-approve -var-file=staging.tfvars\n  production:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: terraform apply -auto-approve -var-file=prod.tfvars\n',
        { note: "each environment's job applies its own variables" },
      ),
      {
        files: {
          'envs/staging/network.tf':
            'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n    bucket = "acme-terraform-state"\n    key    = "staging/network.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
          'envs/prod/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "prod/app.tfstate"\n  }\n}\n',
          'envs/staging/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "staging/app.tfstate"\n  }\n}\n',
        },
        note: 'one state bucket, separate keys per environment',
      },
      sample('live/staging/app/terragrunt.hcl', 'dependency "vpc" {\n  config_path = "../vpc"\n}\n'),
    ],
  },
};

/** Words that make a state everyone's on purpose: the network, DNS zone or registry every environment builds on. */
const SHARED_STATE = /(?:^|[/_.-])(?:global|shared|common)(?:$|[/_.@-])/i;

/**
 * The part of a Terraform state's address its owner chose: the key, prefix, workspace or directory, without the
 * bucket, storage account or organisation that holds every environment's states (`acme-shared-tfstate`).
 */
function stateKey(identity: string): string | undefined {
  const address = /^tfstate:(s3|gcs|azurerm|tfc|dir):(.*)$/.exec(identity);
  if (!address) return undefined;
  if (address[1] === 'dir') return address[2];
  const holders = address[1] === 'azurerm' ? 2 : 1;
  return address[2]!.split('/').slice(holders).join('/');
}

export function judgeState(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  if (resource.kind !== 'terraform-state' && resource.kind !== 'stack') return undefined;
  const writes = resource.declared === true || resource.identity.startsWith('tfstate:workspace:') || resource.identity.startsWith('stack:serverless:') || resource.identity.startsWith('stack:tfvars:') || /^pulumi /.test(resource.variable ?? '');
  // Reading a state kept for every environment (`global/network/terraform.tfstate`) is not reading production's, even
  // though production reads it too; writing one shared with production still is.
  const key = writes ? undefined : stateKey(resource.identity);
  if (key && SHARED_STATE.test(key) && !environmentsNamedIn(key, model.aliases).has('production')) return undefined;
  const match = model.productionMatch(resource);
  if (!match && !model.productionNamed(resource)) return undefined;
  // An output that is a data store's (a Pulumi program's `requireOutput("databaseUrl")`, a Terraform argument taking
  // `data.terraform_remote_state.production.outputs.db_address`): the environment does not only read production's
  // state, it connects to production's data with what it read.
  const connects = writes ? undefined : resource.connectsTo;
  return {
    ruleId: readsProductionState.id,
    severity: writes || connects ? 'high' : undefined,
    action: writes ? `writes production's ${resource.display}` : connects ? `connects to production's data store through an output of ${resource.display}` : `reads production's ${resource.display}`,
    detail: writes
      ? 'A plan, apply or destroy run for this environment changes production.'
      : connects
        ? `\`${connects}\`: whatever runs in this environment uses production's data store, and its credentials read production state, which lists every production resource and often holds secrets.`
        : 'Its credentials must be able to read production state, which lists every production resource and often holds secrets.',
    related: match ? productionRelated(model.productionWith(match.identity), 'this state') : [],
    identity: match?.identity ?? resource.identity,
  };
}
