// Grants in infrastructure code that make an identity account-wide: IAM statements allowing everything, AWS
// managed admin policies, GCP basic roles on service accounts, Azure Owner/Contributor on a subscription, and
// Kubernetes cluster-admin bindings to service accounts. Read from the parsed tree where the file parses, from
// command lines in scripts and docs otherwise.
import type { FileEmitter, RuleMeta, SourceFile, Span } from '../../src/model.js';
import { sample } from '../../src/model.js';
import { getPath, leaves, literalString, literalStrings, type DataNode, type MapNode } from '../../src/parse/data-tree.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import { DETECTOR_ID } from './credential-rules.js';

const rule = (id: string, meta: Omit<RuleMeta, 'id' | 'precision' | 'tags'> & { tags?: string[] }): RuleMeta => ({
  id: `${DETECTOR_ID}/${id}`,
  precision: 'high',
  ...meta,
  tags: ['iam', 'least-privilege', 'external/cwe/cwe-250', ...(meta.tags ?? [])],
});

export const awsAdminPolicy = rule('aws-allow-all-policy', {
  title: 'AWS IAM statement that allows every action on every resource',
  severity: 'critical',
  why: 'A statement allowing "*" on "*" is AdministratorAccess by another name: whoever assumes the role or holds the user’s keys can delete every database, bucket and backup vault in the account, and can grant themselves anything else.',
  fix: 'List the actions and resource ARNs the workload needs; use IAM Access Analyzer policy generation to derive them from CloudTrail.',
  helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  tags: ['aws'],
  samples: {
    positive: [
      sample('infra/iam.tf', 'resource "aws_iam_role_policy" "ci" {\n  name = "ci-deploy"\n  role = aws_iam_role.github_actions.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n', { expect: { line: 8 } }),
      sample('policies/deployer.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["*"],\n      "Resource": "*"\n    }\n  ]\n}\n', { expect: { line: 6 } }),
      sample('infra/policy.tf', 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample(
        'bootstrap-template.yaml',
        'Resources:\n  CdkBoundaryPolicy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Sid: ExplicitAllowAll\n            Action: ["*"]\n            Effect: Allow\n            Resource: "*"\n          - Sid: DenyPermBoundaryIAMPolicyAlteration\n            Action: [iam:DeletePolicy, iam:DeleteRolePermissionsBoundary]\n            Effect: Deny\n            Resource: "*"\n        Version: "2012-10-17"\n',
        { note: 'a permissions boundary caps a role; it grants nothing' },
      ),
      sample('policies/deployer.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::acme-assets/*" },\n    { "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }\n  ]\n}\n'),
      sample('infra/policy.tf', 'data "aws_iam_policy_document" "logs" {\n  statement {\n    actions   = ["logs:*"]\n    resources = ["arn:aws:logs:*:*:log-group:/acme/*"]\n  }\n}\n'),
      sample('lib/fog/aws/iam/default_policy_versions.json', '{\n  "arn:aws:iam::aws:policy/AdministratorAccess": {\n    "VersionId": "v1",\n    "Document": {\n      "Version": "2012-10-17",\n      "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]\n    }\n  }\n}\n', { note: "a catalogue of AWS's managed policies, attached to no one" }),
    ],
  },
});

export const awsManagedAdmin = rule('aws-admin-managed-policy', {
  title: 'AWS managed admin policy attached to a user or role',
  severity: 'critical',
  why: 'AdministratorAccess and IAMFullAccess (which can grant itself AdministratorAccess) make the principal account-wide. A CI role or an application user with it turns any leaked credential or prompt-injected agent into an account takeover.',
  fix: 'Attach a customer-managed policy listing the actions and resources the principal needs; keep administrator access for break-glass humans behind MFA or SSO.',
  helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html',
  tags: ['aws'],
  samples: {
    positive: [
      sample('infra/ci.tf', 'resource "aws_iam_role_policy_attachment" "github_admin" {\n  role       = aws_iam_role.github_actions.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n', { expect: { line: 3 } }),
      sample('template.yaml', 'Resources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/IAMFullAccess\n', { expect: { line: 6 } }),
      sample('lib/ci-stack.ts', "role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));\n", { expect: { line: 1 } }),
    ],
    negative: [
      sample('infra/ci.tf', 'resource "aws_iam_role_policy_attachment" "read" {\n  role       = aws_iam_role.github_actions.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n'),
      sample('infra/sso.tf', 'resource "aws_ssoadmin_managed_policy_attachment" "admins" {\n  instance_arn       = local.sso_instance_arn\n  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n  permission_set_arn = aws_ssoadmin_permission_set.admins.arn\n}\n', { note: 'SSO permission sets are for humans signing in with MFA' }),
    ],
  },
});

export const gcpBasicRole = rule('gcp-basic-role-service-account', {
  title: 'GCP Owner or Editor role bound to a service account',
  severity: 'critical',
  why: 'roles/owner and roles/editor grant write access to nearly every resource in the project (owner also IAM): a service account key or workload identity with them can delete every database, bucket and backup in the project.',
  fix: 'Bind predefined or custom roles limited to the services the workload uses (roles/cloudsql.client, roles/storage.objectAdmin on one bucket).',
  helpUri: 'https://cloud.google.com/iam/docs/understanding-roles#basic',
  tags: ['gcp'],
  samples: {
    positive: [
      sample('infra/iam.tf', 'resource "google_project_iam_member" "deployer" {\n  project = var.project_id\n  role    = "roles/owner"\n  member  = "serviceAccount:${google_service_account.deployer.email}"\n}\n', { expect: { line: 3 } }),
      sample('scripts/bootstrap.sh', 'gcloud projects add-iam-policy-binding acme-prod \\\n  --member="serviceAccount:ci@acme-prod.iam.gserviceaccount.com" --role="roles/editor"\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('infra/iam.tf', 'resource "google_project_iam_member" "deployer" {\n  project = var.project_id\n  role    = "roles/run.developer"\n  member  = "serviceAccount:${google_service_account.deployer.email}"\n}\n'),
      sample('infra/iam.tf', 'resource "google_project_iam_member" "owner" {\n  project = var.project_id\n  role    = "roles/owner"\n  member  = "group:platform-admins@acme.io"\n}\n'),
    ],
  },
});

export const azureSubscriptionOwner = rule('azure-subscription-owner', {
  title: 'Azure Owner or Contributor on a whole subscription',
  severity: 'critical',
  why: 'Owner, Contributor and User Access Administrator at subscription scope can delete every resource group, database and storage account in it (Owner and UAA can also grant themselves more).',
  fix: 'Assign built-in data or service roles at the narrowest scope: one resource group or one resource.',
  helpUri: 'https://learn.microsoft.com/azure/role-based-access-control/best-practices',
  tags: ['azure'],
  samples: {
    positive: [
      sample('infra/rbac.bicep', "targetScope = 'subscription'\n\nparam deployerPrincipalId string\n\nresource deployerOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(subscription().id, deployerPrincipalId, 'owner')\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')\n    principalId: deployerPrincipalId\n  }\n}\n", { expect: { line: 8 }, note: 'Bicep, deployed at subscription scope' }),
      sample('infra/rbac.tf', 'resource "azurerm_role_assignment" "pipeline" {\n  scope                = data.azurerm_subscription.primary.id\n  role_definition_name = "Contributor"\n  principal_id         = azuread_service_principal.pipeline.object_id\n}\n', { expect: { line: 3 } }),
      sample('scripts/setup.sh', 'az role assignment create --assignee "$SP_ID" --role Owner --scope "/subscriptions/$SUBSCRIPTION_ID"\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('infra/rbac.bicep', "targetScope = 'resourceGroup'\n\nparam deployerPrincipalId string\n\nresource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(resourceGroup().id, deployerPrincipalId)\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')\n    principalId: deployerPrincipalId\n  }\n}\n", { note: 'Contributor on one resource group' }),
      sample('infra/rbac.tf', 'resource "azurerm_role_assignment" "pipeline" {\n  scope                = azurerm_resource_group.app.id\n  role_definition_name = "Contributor"\n  principal_id         = azuread_service_principal.pipeline.object_id\n}\n'),
      sample('scripts/setup.sh', 'az role assignment create --assignee "$SP_ID" --role "Storage Blob Data Contributor" --scope "$STORAGE_ID"\n'),
    ],
  },
});

export const clusterAdminBinding = rule('kubernetes-cluster-admin-binding', {
  title: 'Kubernetes cluster-admin bound to a service account',
  severity: 'critical',
  why: 'cluster-admin can do anything to any resource in every namespace: a pod, CI job or agent using that service account token can delete every volume and database in the cluster.',
  fix: 'Bind a Role in the namespace the workload uses, with only the verbs and resources it needs.',
  helpUri: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
  tags: ['kubernetes'],
  samples: {
    positive: [
      sample('deploy/rbac.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: deployer-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n', { expect: { line: 8 } }),
      sample('scripts/ci-setup.sh', 'kubectl create clusterrolebinding ci-admin --clusterrole=cluster-admin --serviceaccount=ci:deployer\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('deploy/rbac.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: deployer\n  namespace: app\nroleRef:\n  kind: Role\n  name: deployer\n  apiGroup: rbac.authorization.k8s.io\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n'),
      sample('deploy/rbac.yaml', 'kind: ClusterRoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata:\n  name: oncall-admins\nroleRef:\n  kind: ClusterRole\n  name: cluster-admin\n  apiGroup: rbac.authorization.k8s.io\nsubjects:\n  - kind: Group\n    name: oncall@acme.io\n    apiGroup: rbac.authorization.k8s.io\n'),
    ],
  },
});

/** A Scaleway rule's permission sets, as Terraform, Pulumi and the CLI spell them. */
const SCALEWAY_KEYWORDS = ['permission_set_names', 'permissionsetnames', 'permission-set-names'];

export const scalewayOrganizationPolicy = rule('scaleway-organization-wide-policy', {
  title: 'Scaleway IAM policy giving an application full access across the Organization',
  severity: 'critical',
  why: 'A rule scoped to the Organization applies its permission sets to every current and future Project: AllProductsFullAccess there lets the application’s API keys delete every Instance, database, volume, snapshot and bucket, and IAMManager or OrganizationManager let them write themselves any policy. Every API key of the application carries it.',
  fix: 'Scope the rule to the Project the job deploys (project_ids) with the product permission sets it uses (InstancesFullAccess, ObjectStorageObjectsWrite), and keep IAM and Organization management for people.',
  helpUri: 'https://www.scaleway.com/en/docs/iam/reference-content/permission-sets/',
  tags: ['scaleway'],
  samples: {
    positive: [
      sample('infra/iam.tf', 'resource "scaleway_iam_application" "ci" {\n  name = "github-actions"\n}\n\nresource "scaleway_iam_policy" "ci" {\n  name           = "ci-full-access"\n  application_id = scaleway_iam_application.ci.id\n  rule {\n    organization_id      = data.scaleway_account_project.default.organization_id\n    permission_set_names = ["AllProductsFullAccess"]\n  }\n}\n\nresource "scaleway_iam_api_key" "ci" {\n  application_id = scaleway_iam_application.ci.id\n}\n', { expect: { line: 10 } }),
      sample('infra/iam.tf', 'resource "scaleway_iam_policy" "bootstrap" {\n  name           = "bootstrap"\n  application_id = scaleway_iam_application.bootstrap.id\n  rule {\n    project_ids          = [scaleway_account_project.prod.id]\n    permission_set_names = ["InstancesFullAccess"]\n  }\n  rule {\n    organization_id      = var.organization_id\n    permission_set_names = ["IAMManager"]\n  }\n}\n', { expect: { line: 10 }, note: 'IAM management lets the application grant itself anything' }),
      sample('scripts/bootstrap-ci.sh', '#!/bin/sh\nscw iam policy create name=ci application-id="$APP_ID" rules.0.organization-id="$SCW_DEFAULT_ORGANIZATION_ID" rules.0.permission-set-names.0=AllProductsFullAccess\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('infra/iam.tf', 'resource "scaleway_iam_policy" "ci" {\n  name           = "ci-deploy"\n  application_id = scaleway_iam_application.ci.id\n  rule {\n    project_ids          = [scaleway_account_project.staging.id]\n    permission_set_names = ["AllProductsFullAccess"]\n  }\n}\n', { note: 'full access to one Project' }),
      sample('infra/iam.tf', 'resource "scaleway_iam_policy" "ci" {\n  name           = "ci-read"\n  application_id = scaleway_iam_application.ci.id\n  rule {\n    organization_id      = var.organization_id\n    permission_set_names = ["AllProductsReadOnly", "IAMReadOnly"]\n  }\n}\n', { note: 'read-only across the Organization' }),
      sample('infra/iam.tf', 'resource "scaleway_iam_policy" "admins" {\n  name     = "admins"\n  group_id = scaleway_iam_group.admins.id\n  rule {\n    organization_id      = var.organization_id\n    permission_set_names = ["AllProductsFullAccess", "OrganizationManager"]\n  }\n}\n', { note: 'a group of people, not an application with API keys' }),
    ],
  },
});

export const GRANT_RULES: readonly RuleMeta[] = [awsAdminPolicy, awsManagedAdmin, gcpBasicRole, azureSubscriptionOwner, clusterAdminBinding, scalewayOrganizationPolicy];

export const GRANT_KEYWORDS = ['statement', 'administratoraccess', 'iamfullaccess', 'roles/owner', 'roles/editor', 'cluster-admin', 'role_definition_name', 'role assignment', 'roleassignments', ...SCALEWAY_KEYWORDS];

type Report = (ruleId: string, span: Span, message: string, evidence: string) => void;

export function scanGrants(file: SourceFile, out: FileEmitter): void {
  // Grants in tests and examples (IAM docs, policy fixtures) are still reported, below the default failure threshold.
  const severity = isTestOrExamplePath(file.path) ? ('low' as const) : undefined;
  const report: Report = (ruleId, span, message, evidence) => out.report({ ruleId, severity, message, location: { path: file.path, span }, evidence, details: { grant: evidence } });
  const privileged: Privileged = (principal, role, span) => out.publish('privileged-principal', { principal: principal.toLowerCase(), role, location: { path: file.path, span } });
  const policy = mayHoldPolicy(file);
  const scaleway = SCALEWAY_KEYWORDS.some((keyword) => file.hasKeyword(keyword));
  const document = policy || scaleway || file.hasKeyword('roles/owner') || file.hasKeyword('roles/editor') || file.hasKeyword('cluster-admin') || file.hasKeyword('role_definition_name') ? file.data() : undefined;
  if (document) {
    const boundaries = new Set<MapNode>();
    for (const root of document.roots) walkMaps(root, (map) => boundaryStatements(map, boundaries));
    for (const root of document.roots) walkMaps(root, (map) => managedPolicyCatalog(map, boundaries));
    for (const root of document.roots) walkMaps(root, (map, parentBlock) => {
      if (!boundaries.has(map)) allowAllStatement(map, parentBlock, report);
      gcpBinding(map, report, privileged);
      azureAssignment(map, report);
      clusterAdmin(map, report, privileged);
      if (scaleway) scalewayPolicy(map, report);
    });
    // A policy inside a string spells `Statement`; a file that never does (SQL statements in Python) holds none.
    if (policy && file.text.includes('Statement')) embeddedPolicies(file, document, out, report);
  }
  managedAdminPolicies(file, report);
  if (file.hasKeyword('roleassignments')) azureTemplateGrants(file, report);
  if (!document) commandLineGrants(file, report, privileged);
  if (!document && scaleway) scwPolicyCommands(file, report);
}

/** Azure's built-in roles that can delete every resource in their scope, by the ids templates name them with. */
const AZURE_BROAD_ROLES: ReadonlyArray<[RegExp, string]> = [
  [/8e3af657-a8ff-443c-a75c-2fe8c4bcb635/gi, 'Owner'],
  [/b24988ac-6180-42a0-ab88-20f7382dd24c/gi, 'Contributor'],
  [/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9/gi, 'User Access Administrator'],
];

/**
 * Role assignments in Bicep and ARM templates (`Microsoft.Authorization/roleAssignments`) that give a broad built-in
 * role, by its id, in a template deployed at subscription scope (`targetScope = 'subscription'`, the subscription
 * deployment schema) or assigned with `scope: subscription()`.
 */
function azureTemplateGrants(file: SourceFile, report: Report): void {
  const text = file.text;
  const atSubscription = /^targetScope\s*=\s*'subscription'/m.test(text) || /subscriptionDeploymentTemplate\.json/i.test(text) || /\bscope:\s*subscription\(\)/.test(text);
  if (!atSubscription || !/Microsoft\.Authorization\/roleAssignments/i.test(text)) return;
  for (const [id, role] of AZURE_BROAD_ROLES) {
    for (const match of text.matchAll(id)) {
      report(azureSubscriptionOwner.id, file.spanOf(match.index, match.index + match[0].length), `${role} is assigned at subscription scope: the principal can delete every resource in the subscription.`, `${role} subscription`);
    }
  }
}

/** An IAM statement names its actions and resources; `statement` alone is common (SQL, docs) and not worth a parse. */
function mayHoldPolicy(file: SourceFile): boolean {
  return file.hasKeyword('statement') && /action/i.test(file.text) && /resource/i.test(file.text);
}

function walkMaps(node: DataNode, visit: (map: MapNode, parentBlock?: string) => void, parentBlock?: string): void {
  if (node.kind === 'map') {
    visit(node, parentBlock);
    for (const entry of node.entries) walkMaps(entry.value, visit, node.block?.type ?? entry.key);
  } else if (node.kind === 'seq') {
    for (const item of node.items) walkMaps(item, visit, parentBlock);
  }
}

function entryOf(map: MapNode, names: RegExp): { value: DataNode; keySpan: Span } | undefined {
  const entry = map.entries.find((candidate) => names.test(candidate.key));
  return entry ? { value: entry.value, keySpan: entry.keySpan } : undefined;
}

/**
 * A permissions boundary caps what a role may do rather than granting it: written as `Allow *` followed by `Deny`
 * statements that keep the boundary itself from being removed (`iam:DeleteRolePermissionsBoundary`), as the CDK
 * bootstrap template does. Its allow-all statements are collected so they are not read as grants.
 */
function boundaryStatements(map: MapNode, boundaries: Set<MapNode>): void {
  const statements = entryOf(map, /^statement$/i)?.value;
  if (statements?.kind !== 'seq') return;
  const maps = statements.items.filter((item): item is MapNode => item.kind === 'map');
  const guardsBoundary = maps.some((item) => literalString(entryOf(item, /^effect$/i)?.value)?.toLowerCase() === 'deny' && literalStrings(entryOf(item, /^actions?$/i)?.value).some((action) => /PermissionsBoundary/i.test(action)));
  if (guardsBoundary) for (const item of maps) boundaries.add(item);
}

/**
 * AWS's own managed policies listed by ARN (`"arn:aws:iam::aws:policy/AdministratorAccess": { "Document": … }`, an SDK's
 * mock catalogue): their documents describe what each policy holds, attached to no one here. Attaching one is the
 * managed-policy rule's finding.
 */
function managedPolicyCatalog(map: MapNode, catalogue: Set<MapNode>): void {
  for (const entry of map.entries) {
    if (entry.key.startsWith('arn:aws:iam::aws:policy/')) walkMaps(entry.value, (inner) => catalogue.add(inner));
  }
}

function allowAllStatement(map: MapNode, parentBlock: string | undefined, report: Report): void {
  const action = entryOf(map, /^actions?$/i);
  const resource = entryOf(map, /^resources?$/i);
  if (!action || !resource) return;
  const effect = literalString(entryOf(map, /^effect$/i)?.value);
  // Terraform's aws_iam_policy_document statements default to Allow; JSON statements must say it.
  const allows = effect ? effect.toLowerCase() === 'allow' : map.block?.type === 'statement' || parentBlock === 'statement';
  if (!allows || entryOf(map, /^condition$/i)) return;
  const actions = literalStrings(action.value);
  if (!actions.some((value) => value === '*' || value === '*:*') || !literalStrings(resource.value).includes('*')) return;
  report(awsAdminPolicy.id, action.value.span, 'IAM statement allows every action ("*") on every resource: the principal holding it is an account administrator.', 'allow * on *');
}

function gcpBinding(map: MapNode, report: Report, privileged: Privileged): void {
  const role = entryOf(map, /^role$/);
  const roleName = literalString(role?.value);
  if (!role || (roleName !== 'roles/owner' && roleName !== 'roles/editor')) return;
  const members = entryOf(map, /^members?$/);
  const memberText = members ? (members.value.kind === 'scalar' ? String(members.value.value ?? members.value.expression ?? '') : literalStrings(members.value).join(' ') + (members.value.kind === 'seq' ? members.value.items.map((item) => (item.kind === 'scalar' ? item.expression ?? '' : '')).join(' ') : '')) : '';
  if (!/serviceAccount:|google_service_account/.test(memberText)) return;
  report(gcpBasicRole.id, role.value.span, `${roleName} is bound to a service account: it can change or delete nearly everything in the project.`, `${roleName} serviceAccount`);
  for (const account of memberText.matchAll(SERVICE_ACCOUNT_MEMBER)) privileged(account[1]!, roleName, role.value.span);
}

/** A user-managed service account's e-mail. */
export const SERVICE_ACCOUNT_EMAIL = String.raw`[a-z0-9][a-z0-9.-]*@[a-z0-9.-]+\.iam\.gserviceaccount\.com`;
/** `serviceAccount:<e-mail>` written out (not built from a resource reference). */
const SERVICE_ACCOUNT_MEMBER = new RegExp(`serviceAccount:(${SERVICE_ACCOUNT_EMAIL})`, 'gi');

type Privileged = (principal: string, role: string, span: Span) => void;

const SUBSCRIPTION_ROLES = /^(?:owner|contributor|user access administrator)$/i;

function azureAssignment(map: MapNode, report: Report): void {
  const role = entryOf(map, /^role_definition_name$/);
  const roleName = literalString(role?.value);
  if (!role || !roleName || !SUBSCRIPTION_ROLES.test(roleName)) return;
  const scope = entryOf(map, /^scope$/)?.value;
  const scopeText = scope?.kind === 'scalar' ? String(scope.value ?? scope.expression ?? '') : '';
  const atSubscription = /azurerm_subscription\.[\w-]+\.id|^\/subscriptions\/[^/]+\/?$|\/subscriptions\/\$\{[^}]+\}\/?$/.test(scopeText) && !/resourceGroups|resource_group/.test(scopeText);
  if (!atSubscription) return;
  report(azureSubscriptionOwner.id, role.value.span, `${roleName} is assigned at subscription scope: the principal can delete every resource in the subscription.`, `${roleName} subscription`);
}

function clusterAdmin(map: MapNode, report: Report, privileged: Privileged): void {
  if (literalString(getPath(map, ['kind'])) !== 'ClusterRoleBinding') return;
  const roleName = getPath(map, ['roleRef', 'name']);
  if (literalString(roleName) !== 'cluster-admin' || !roleName) return;
  const subjects = getPath(map, ['subjects']);
  const serviceAccount = subjects?.kind === 'seq' && subjects.items.some((subject) => literalString(getPath(subject, ['kind'])) === 'ServiceAccount' || literalString(getPath(subject, ['name'])) === 'system:masters');
  if (!serviceAccount) return;
  // Each bound account, for the scope stage to match the cluster credentials of the repository to (a CI kubeconfig's
  // token for this account is the cluster's administrator, whatever its user is named).
  for (const subject of subjects.kind === 'seq' ? subjects.items : []) {
    const account = literalString(getPath(subject, ['name']));
    if (literalString(getPath(subject, ['kind'])) !== 'ServiceAccount' || !account) continue;
    const namespace = literalString(getPath(subject, ['namespace'])) ?? 'default';
    privileged(`k8s-sa:${namespace}/${account}`, 'cluster-admin', roleName.span);
    privileged(`k8s-sa:${account}`, 'cluster-admin', roleName.span);
  }
  const name = literalString(getPath(map, ['metadata', 'name'])) ?? 'a ClusterRoleBinding';
  report(clusterAdminBinding.id, roleName.span, `${name} binds cluster-admin to a service account: its token can delete anything in every namespace.`, `cluster-admin ${name}`);
}

/** Policies written as JSON strings (Terraform heredocs, CloudFormation strings): parsed, or reported as broken. */
function embeddedPolicies(file: SourceFile, document: { roots: DataNode[] }, out: FileEmitter, report: Report): void {
  for (const leaf of leaves(document)) {
    const value = leaf.node.value;
    if (typeof value !== 'string' || !/"Statement"/.test(value) || !/^\s*\{/.test(value)) continue;
    let policy: unknown;
    try {
      policy = JSON.parse(value);
    } catch (error) {
      out.notify({ level: 'warning', code: 'invalid-policy-json', message: `The IAM policy document at ${file.path}:${leaf.node.span.line} is not valid JSON (${(error as Error).message}); it was not checked.`, line: leaf.node.span.line });
      continue;
    }
    const statements = (policy as { Statement?: unknown }).Statement;
    const list = Array.isArray(statements) ? statements : [statements];
    for (const statement of list) {
      if (!statement || typeof statement !== 'object') continue;
      const { Effect, Action, Resource, Condition } = statement as Record<string, unknown>;
      const actions = ([] as unknown[]).concat(Action ?? []);
      const resources = ([] as unknown[]).concat(Resource ?? []);
      if (Effect === 'Allow' && !Condition && actions.some((action) => action === '*' || action === '*:*') && resources.includes('*')) {
        report(awsAdminPolicy.id, leaf.node.span, 'IAM statement allows every action ("*") on every resource: the principal holding it is an account administrator.', 'allow * on *');
      }
    }
  }
}

const MANAGED_ADMIN = /arn:aws:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)\b|fromAwsManagedPolicyName\(\s*['"](AdministratorAccess|IAMFullAccess)['"]\s*\)/g;

function managedAdminPolicies(file: SourceFile, report: Report): void {
  if (!file.hasKeyword('administratoraccess') && !file.hasKeyword('iamfullaccess')) return;
  for (const match of file.text.matchAll(MANAGED_ADMIN)) {
    const span = file.spanOf(match.index, match.index + match[0].length);
    // SSO permission sets and their attachments are for people signing in with MFA, not for workloads.
    const block = file.text.slice(Math.max(0, match.index - 400), match.index);
    if (/aws_ssoadmin_|AWS::SSO::|PermissionSet/.test(block.slice(block.lastIndexOf('resource "') >= 0 ? block.lastIndexOf('resource "') : 0))) continue;
    // Lists of managed policies (docs output, linters' data files) name it without attaching it.
    const window = file.text.slice(file.lineStarts[Math.max(0, span.line - 4)] ?? 0, file.lineStarts[span.line] ?? file.text.length);
    if (!/policy_arn|managed_policy_arns|ManagedPolicyArns|managedPolicyArns|policyArn|policy-arn|attach-(?:user|role|group)-policy|fromAwsManagedPolicyName|managedPolicies/.test(window)) continue;
    const policy = match[1] ?? match[2]!;
    report(awsManagedAdmin.id, span, `The AWS managed policy ${policy} is attached here: the user or role becomes an account administrator.`, policy);
  }
}

/** Organization-scoped sets that manage IAM itself: their holder can write any policy for itself. */
const SCALEWAY_SELF_GRANTING = new Set(['IAMManager', 'OrganizationManager']);

/**
 * The permission sets of a Scaleway rule that reach the whole Organization: IAM or Organization management anywhere,
 * or every product's full access in a rule scoped to the Organization (all of its Projects, present and future).
 */
function organizationWideSets(sets: readonly string[], organizationScope: boolean): string[] {
  return sets.filter((set) => SCALEWAY_SELF_GRANTING.has(set) || (organizationScope && set === 'AllProductsFullAccess'));
}

/**
 * A Scaleway IAM policy (Terraform's `scaleway_iam_policy`, Pulumi's `rules`) attached to an application: the one
 * principal whose API keys sit in CI and scripts. Policies of users and groups are people signing in.
 */
function scalewayPolicy(map: MapNode, report: Report): void {
  if (!entryOf(map, /^application_?id$/i)) return;
  for (const entry of map.entries) {
    if (!/^rules?$/i.test(entry.key)) continue;
    for (const item of entry.value.kind === 'seq' ? entry.value.items : [entry.value]) {
      if (item.kind !== 'map') continue;
      const sets = entryOf(item, /^permission_?set_?names$/i);
      if (!sets) continue;
      const broad = organizationWideSets(literalStrings(sets.value), entryOf(item, /^organization_?id$/i) !== undefined);
      if (broad.length === 0) continue;
      report(scalewayOrganizationPolicy.id, sets.value.span, `${broad.join(' and ')} across the Organization is attached to an application: every API key of it can delete or take over every Project.`, `scaleway ${broad.join(',')}`);
    }
  }
}

/** `scw iam policy create application-id=… rules.0.organization-id=… rules.0.permission-set-names.0=…`, one rule at a time. */
function scwPolicyCommands(file: SourceFile, report: Report): void {
  for (const match of file.text.matchAll(/scw\s+iam\s+policy\s+create\b(?:\\\n|[^\n])*/g)) {
    const command = match[0];
    if (!/\bapplication-id=/.test(command)) continue;
    const rules = new Map<string, { organization: boolean; sets: string[] }>();
    for (const argument of command.matchAll(/\brules\.(\d+)\.(organization-id|permission-set-names\.\d+)=["']?([^\s"']+)/g)) {
      const rule = rules.get(argument[1]!) ?? { organization: false, sets: [] };
      if (argument[2] === 'organization-id') rule.organization = true;
      else rule.sets.push(argument[3]!);
      rules.set(argument[1]!, rule);
    }
    const broad = [...rules.values()].flatMap((rule) => organizationWideSets(rule.sets, rule.organization));
    if (broad.length === 0) continue;
    report(scalewayOrganizationPolicy.id, file.spanOf(match.index, match.index + command.length), `${broad.join(' and ')} across the Organization is given to an application: every API key of it can delete or take over every Project.`, `scaleway ${broad.join(',')}`);
  }
}

function commandLineGrants(file: SourceFile, report: Report, privileged: Privileged): void {
  const text = file.text;
  // Each command is looked for only where its subcommand's literal occurs: the file was admitted for any grant keyword
  // (`statement` is common in code), and a scan of the text for one literal is far cheaper than a pattern.
  if (text.includes('add-iam-policy-binding')) gcloudGrants(text, file, report, privileged);
  if (text.includes('assignment')) azureGrants(text, file, report);
  if (text.includes('clusterrolebinding')) kubectlGrants(text, file, report, privileged);
}

// In the gcloud and az commands, shell continuations join the lines of one command.
function gcloudGrants(text: string, file: SourceFile, report: Report, privileged: Privileged): void {
  for (const match of text.matchAll(/gcloud\s+(?:projects|organizations|resource-manager\s+folders)\s+add-iam-policy-binding(?:\\\n|[^\n])*/g)) {
    const command = match[0];
    const role = /--role[= ]["']?(roles\/(?:owner|editor))\b/.exec(command);
    if (!role || !/--member[= ]["']?serviceAccount:/.test(command)) continue;
    const at = match.index + command.indexOf(role[0]);
    const span = file.spanOf(at, at + role[0].length);
    report(gcpBasicRole.id, span, `${role[1]} is granted to a service account: it can change or delete nearly everything in the project.`, `${role[1]} serviceAccount`);
    for (const account of command.matchAll(SERVICE_ACCOUNT_MEMBER)) privileged(account[1]!, role[1]!, span);
  }
}

function azureGrants(text: string, file: SourceFile, report: Report): void {
  for (const match of text.matchAll(/az\s+role\s+assignment\s+create(?:\\\n|[^\n])*/g)) {
    const command = match[0];
    const role = /--role\s+["']?(Owner|Contributor|User Access Administrator)["']?(?=\s|$)/.exec(command);
    const scope = /--scope\s+["']?(\/subscriptions\/[^\s"'/]+)\/?["']?(?=\s|$)/.exec(command);
    if (!role || !scope) continue;
    const at = match.index + command.indexOf(role[0]);
    report(azureSubscriptionOwner.id, file.spanOf(match.index, at + role[0].length), `${role[1]} is assigned at subscription scope: the principal can delete every resource in the subscription.`, `${role[1]} subscription`);
  }
}

function kubectlGrants(text: string, file: SourceFile, report: Report, privileged: Privileged): void {
  for (const match of text.matchAll(/kubectl\s+create\s+clusterrolebinding\b[^\n]*--clusterrole[= ]cluster-admin[^\n]*--serviceaccount[= ](\S+)/g)) {
    const span = file.spanOf(match.index, match.index + match[0].length);
    report(clusterAdminBinding.id, span, 'A ClusterRoleBinding gives cluster-admin to a service account: its token can delete anything in every namespace.', 'cluster-admin kubectl');
    const [namespace, account] = match[1]!.replace(/["']/g, '').split(':');
    if (namespace && account) {
      privileged(`k8s-sa:${namespace}/${account}`, 'cluster-admin', span);
      privileged(`k8s-sa:${account}`, 'cluster-admin', span);
    }
  }
}
