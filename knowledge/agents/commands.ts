// What a command rule lets an agent run. Every agent writes its rules in its own syntax (Claude `Bash(rm:*)`, VS Code
// regexes, Codex token prefixes); each is turned into a matcher and tried on probe commands: one nobody would list
// (the rule lets everything through), interpreters (they run anything), and destructive commands of the incident's
// class (data, volumes, infrastructure). The probe a rule lets through says what the rule grants.
import type { CommandRule } from '../../src/facts/agent.js';
import { clientOpenToAnyStatement } from './database-clients.js';

export type CommandClass = 'any' | 'interpreter' | 'destructive';

/** What a destructive command destroys; prose guardrails name these classes. */
export type DestructiveDomain = 'files' | 'data' | 'infrastructure' | 'migration';

export interface CommandProbe {
  command: string;
  class: CommandClass;
  /** The program (or program and subcommand) a user would name: `rm`, `railway`, `terraform destroy`. */
  tool: string;
  domain?: DestructiveDomain;
  /** What it does, for messages: "deletes a Railway volume". */
  does: string;
  /** Destructive only with a credential the agent finds (an HTTP client): reported medium. */
  needsCredential?: boolean;
  /**
   * Destructive only where the repository keeps data in what it deletes (`docker-volume`: a compose database on a
   * volume `docker compose down -v` removes), which is known once every file is read.
   */
  dataIn?: 'docker-volume';
  /**
   * The flags that point the command at the hosted copy, where it acts on a local one without them (`supabase db reset`
   * resets the local database, `--linked` the project's): a written command line is a use of the probe only with one.
   */
  remoteWith?: RegExp;
}

/** A command no allowlist names on purpose: a rule that lets it through lets everything through. */
const ANY_PROBES: readonly CommandProbe[] = [
  { command: 'zqx-unlisted-tool --any-flag', class: 'any', tool: '*', does: 'runs any command' },
];

const INTERPRETER_PROBES: readonly CommandProbe[] = [
  ['bash -c "exit 0"', 'bash'],
  ['sh -c "exit 0"', 'sh'],
  ['zsh -c "exit 0"', 'zsh'],
  ['python -c "print(1)"', 'python'],
  ['python3 -c "print(1)"', 'python3'],
  ['node -e "1"', 'node'],
  ['deno eval "1"', 'deno'],
  ['bun -e "1"', 'bun'],
  ['ruby -e "1"', 'ruby'],
  ['perl -e "1"', 'perl'],
  ['npx zqx-unlisted-package', 'npx'],
  ['bunx zqx-unlisted-package', 'bunx'],
  ['pnpm dlx zqx-unlisted-package', 'pnpm dlx'],
  ['uvx zqx-unlisted-package', 'uvx'],
  ['eval "$COMMAND"', 'eval'],
  ['sudo zqx-unlisted-tool', 'sudo'],
  // Wrappers that run the program after them (`Bash(timeout:*)` allows `timeout 60 <anything>`).
  ['timeout 60 zqx-unlisted-tool', 'timeout'],
  ['nohup zqx-unlisted-tool', 'nohup'],
  ['nice -n 10 zqx-unlisted-tool', 'nice'],
  ['time zqx-unlisted-tool', 'time'],
  ['stdbuf -oL zqx-unlisted-tool', 'stdbuf'],
  ['watch -n 5 zqx-unlisted-tool', 'watch'],
  ['command zqx-unlisted-tool', 'command'],
  ['exec zqx-unlisted-tool', 'exec'],
  ['setsid zqx-unlisted-tool', 'setsid'],
  ['xargs zqx-unlisted-tool', 'xargs'],
  ['env zqx-unlisted-tool', 'env'],
  // A command given to ssh runs on the server, with everything the server reaches.
  ['ssh deploy@app-1.acme.internal zqx-unlisted-tool', 'ssh'],
  // `find -exec` and `-execdir` run any program on what they find; awk's system() runs any command line.
  ['find . -exec zqx-unlisted-tool {} ;', 'find'],
  ["awk 'BEGIN { system(\"zqx-unlisted-tool\") }'", 'awk'],
  // Script runners run whatever file the agent writes first.
  ['tsx zqx-unlisted-script.ts', 'tsx'],
  ['npx tsx zqx-unlisted-script.ts', 'tsx'],
  ['ts-node zqx-unlisted-script.ts', 'ts-node'],
  ['npx ts-node zqx-unlisted-script.ts', 'ts-node'],
  ['pwsh -Command "exit 0"', 'pwsh'],
  ['powershell -Command "exit 0"', 'powershell'],
  // Go's and Deno's runners take a module path or URL as well as a file: `go run example.com/tool@latest` is Go's npx.
  ['go run zqx.invalid/unlisted-tool@latest', 'go run'],
  ['deno run zqx-unlisted-script.ts', 'deno run'],
].map(([command, tool]) => ({ command: command!, class: 'interpreter' as const, tool: tool!, does: `${tool} runs any program` }));

function destructive(command: string, tool: string, domain: DestructiveDomain, does: string): CommandProbe {
  return { command, class: 'destructive', tool, domain, does };
}

/** Ordered: the first probe a rule lets through names it. Tools a public repo allows for local work (docker, git, gh) are left out. */
const DESTRUCTIVE_PROBES: readonly CommandProbe[] = [
  destructive('rm -rf ./data', 'rm', 'files', 'deletes files and directories'),
  destructive('rm -rf /', 'rm', 'files', 'deletes files and directories'),
  destructive('railway volume delete --volume data', 'railway', 'data', 'deletes Railway volumes, services and projects'),
  destructive('railway down -y', 'railway', 'infrastructure', 'removes Railway deployments'),
  destructive('railway delete -y', 'railway', 'infrastructure', 'deletes Railway projects'),
  destructive('terraform destroy -auto-approve', 'terraform', 'infrastructure', 'destroys Terraform-managed infrastructure'),
  destructive('terraform apply -auto-approve', 'terraform', 'infrastructure', 'applies (and can destroy) Terraform-managed infrastructure'),
  destructive('tofu destroy -auto-approve', 'tofu', 'infrastructure', 'destroys OpenTofu-managed infrastructure'),
  destructive('pulumi destroy --yes', 'pulumi', 'infrastructure', 'destroys Pulumi stacks'),
  destructive('pulumi up --yes', 'pulumi', 'infrastructure', 'applies (and can replace) Pulumi stacks'),
  destructive('kubectl delete namespace production', 'kubectl', 'infrastructure', 'deletes Kubernetes resources'),
  destructive('helm uninstall api --namespace production', 'helm', 'infrastructure', 'uninstalls Helm releases'),
  destructive('aws s3 rm s3://acme-backups --recursive', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws rds delete-db-instance --db-instance-identifier acme-prod --skip-final-snapshot', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('gcloud sql instances delete acme-prod --quiet', 'gcloud', 'data', 'deletes Google Cloud resources'),
  destructive('gsutil rm -r gs://acme-backups', 'gsutil', 'data', 'deletes Cloud Storage objects'),
  destructive('az group delete --name acme-prod --yes', 'az', 'infrastructure', 'deletes Azure resource groups'),
  destructive('doctl databases delete 9cc10173 --force', 'doctl', 'data', 'deletes DigitalOcean resources'),
  destructive('fly volumes destroy vol_9cc10173 --yes', 'fly', 'data', 'destroys Fly.io volumes and apps'),
  destructive('flyctl volumes destroy vol_9cc10173 --yes', 'flyctl', 'data', 'destroys Fly.io volumes and apps'),
  destructive('heroku pg:reset DATABASE_URL --confirm acme', 'heroku', 'data', 'resets Heroku databases and destroys apps'),
  destructive('heroku apps:destroy acme --confirm acme', 'heroku', 'infrastructure', 'resets Heroku databases and destroys apps'),
  destructive('vercel remove acme --yes', 'vercel', 'infrastructure', 'removes Vercel deployments and projects'),
  destructive('netlify sites:delete acme --force', 'netlify', 'infrastructure', 'deletes Netlify sites'),
  { ...destructive('supabase db reset --linked', 'supabase', 'data', 'resets the linked Supabase database'), remoteWith: /\s--(?:linked|db-url)\b/ },
  destructive('supabase projects delete abcdefghijklmnopqrst', 'supabase', 'infrastructure', 'deletes Supabase projects'),
  destructive('neonctl projects delete acme', 'neonctl', 'data', 'deletes Neon projects and branches'),
  destructive('psql "$DATABASE_URL" -c "DROP TABLE users"', 'psql', 'data', 'runs any SQL, DROP included'),
  destructive('mysql -e "DROP DATABASE app"', 'mysql', 'data', 'runs any SQL, DROP included'),
  destructive('mongosh "$MONGODB_URI" --eval "db.dropDatabase()"', 'mongosh', 'data', 'runs any database command, drops included'),
  destructive('redis-cli FLUSHALL', 'redis-cli', 'data', 'flushes Redis'),
  destructive('dropdb app', 'dropdb', 'data', 'drops a PostgreSQL database'),
  // Wrangler runs D1 commands on the local copy unless told `--remote` (since Wrangler 3.33).
  { ...destructive('wrangler d1 execute acme-prod --remote --command "DROP TABLE users"', 'wrangler', 'data', 'runs SQL on D1 and deletes Workers'), remoteWith: /\s--remote\b/ },
  destructive('wrangler delete', 'wrangler', 'infrastructure', 'runs SQL on D1 and deletes Workers'),
  destructive('firebase firestore:delete --all-collections --force', 'firebase', 'data', 'deletes Firestore data'),
  destructive('prisma migrate reset --force', 'prisma migrate reset', 'migration', 'drops and recreates the database'),
  destructive('npx prisma migrate reset --force', 'prisma migrate reset', 'migration', 'drops and recreates the database'),
  destructive('npx prisma db push --force-reset', 'prisma db push --force-reset', 'migration', 'drops and recreates the database'),
  destructive('bin/rails db:drop', 'rails db:drop', 'migration', 'drops the database'),
  destructive('rails db:drop', 'rails db:drop', 'migration', 'drops the database'),
  destructive('php artisan migrate:fresh --force', 'artisan migrate:fresh', 'migration', 'drops every table'),
  destructive('drizzle-kit push --force', 'drizzle-kit push', 'migration', 'applies schema changes to the database, drops included'),
  destructive('rm -r ./data', 'rm', 'files', 'deletes files and directories'),
  destructive('rm -f ./data/app.db', 'rm', 'files', 'deletes files and directories'),
  destructive('sudo rm -rf ./data', 'rm', 'files', 'deletes files and directories'),
  destructive('helm delete api --namespace production', 'helm', 'infrastructure', 'uninstalls Helm releases'),
  // Without deleting anything: a shell in a production pod, a workload scaled to nothing, a manifest or patch that
  // replaces what runs, a drained node, a release upgraded or rolled back (as terraform apply stands beside destroy).
  destructive('kubectl exec -it deploy/api --namespace production -- sh', 'kubectl', 'infrastructure', "runs any command inside the cluster's pods"),
  destructive('kubectl scale deployment/api --replicas=0 --namespace production', 'kubectl', 'infrastructure', 'scales workloads down to nothing'),
  destructive('kubectl apply -f k8s/production.yaml', 'kubectl', 'infrastructure', 'applies (and can replace) Kubernetes resources'),
  destructive('kubectl patch deployment api --namespace production -p \'{"spec":{"replicas":0}}\'', 'kubectl', 'infrastructure', 'patches live Kubernetes resources'),
  destructive('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data', 'kubectl', 'infrastructure', 'evicts every pod from a node'),
  destructive('helm upgrade api ./chart --namespace production', 'helm', 'infrastructure', 'upgrades (and can replace) Helm releases'),
  destructive('helm rollback api 1 --namespace production', 'helm', 'infrastructure', 'rolls Helm releases back'),
  destructive('aws s3 rb s3://acme-backups --force', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws dynamodb delete-table --table-name orders', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('gcloud compute instances delete acme-prod --quiet', 'gcloud', 'infrastructure', 'deletes Google Cloud resources'),
  destructive('fly apps destroy acme --yes', 'fly', 'infrastructure', 'destroys Fly.io volumes and apps'),
  destructive('flyctl apps destroy acme --yes', 'flyctl', 'infrastructure', 'destroys Fly.io volumes and apps'),
  destructive('turso db destroy acme --yes', 'turso', 'data', 'destroys Turso databases'),
  destructive('hcloud server delete db-prod', 'hcloud', 'infrastructure', 'deletes Hetzner Cloud servers and volumes'),
  destructive('hcloud volume delete pgdata-prod', 'hcloud', 'data', 'deletes Hetzner Cloud servers and volumes'),
  destructive('linode-cli linodes delete 12345', 'linode-cli', 'infrastructure', 'deletes Linode instances and volumes'),
  destructive('vultr-cli instance delete 5f3a', 'vultr-cli', 'infrastructure', 'deletes Vultr instances'),
  destructive('pscale database delete acme --force', 'pscale', 'data', 'deletes PlanetScale databases and branches'),
  destructive('pscale branch delete acme main --force', 'pscale', 'data', 'deletes PlanetScale databases and branches'),
  destructive('render services delete srv-abc --confirm', 'render', 'infrastructure', 'deletes Render services'),
  destructive('psql -h db.acme.io -c "DROP TABLE users"', 'psql', 'data', 'runs any SQL, DROP included'),
  destructive('psql -c "DROP TABLE users"', 'psql', 'data', 'runs any SQL, DROP included'),
  destructive('dd if=/dev/zero of=/dev/sda', 'dd', 'files', 'overwrites disks'),
  destructive('mkfs.ext4 /dev/sda1', 'mkfs', 'files', 'formats disks'),
  destructive('shred -u ./data/app.db', 'shred', 'files', 'destroys files'),
  // The incident's call: one authenticated HTTP request to the provider's API.
  // Infrastructure-as-code and serverless frameworks, each with the command that tears its stacks down.
  destructive('cdk destroy --all --force', 'cdk', 'infrastructure', 'destroys AWS CDK stacks'),
  destructive('cdktf destroy --auto-approve', 'cdktf', 'infrastructure', 'destroys CDK for Terraform stacks'),
  destructive('terragrunt destroy -auto-approve', 'terragrunt', 'infrastructure', 'destroys Terragrunt-managed infrastructure'),
  destructive('terragrunt run-all destroy --terragrunt-non-interactive', 'terragrunt', 'infrastructure', 'destroys Terragrunt-managed infrastructure'),
  destructive('terragrunt apply -auto-approve', 'terragrunt', 'infrastructure', 'applies (and can destroy) Terragrunt-managed infrastructure'),
  destructive('sst remove --stage production', 'sst', 'infrastructure', 'removes SST apps and their resources'),
  destructive('serverless remove --stage production', 'serverless', 'infrastructure', 'removes Serverless Framework services and their resources'),
  destructive('sls remove --stage production', 'serverless', 'infrastructure', 'removes Serverless Framework services and their resources'),
  destructive('eksctl delete cluster --name acme-prod', 'eksctl', 'infrastructure', 'deletes EKS clusters'),
  destructive('eb terminate acme-prod --force', 'eb', 'infrastructure', 'terminates Elastic Beanstalk environments'),
  destructive('argocd app delete api --cascade --yes', 'argocd', 'infrastructure', 'deletes Argo CD applications and their resources'),
  // Kamal removes an accessory's data directory with its container: the database of a Rails app on its own servers.
  destructive('kamal accessory remove db -y', 'kamal', 'data', "removes apps and accessories, a database's data directory included"),
  destructive('kamal remove -y', 'kamal', 'infrastructure', "removes apps and accessories, a database's data directory included"),
  destructive('bq rm -r -f -d acme:analytics', 'bq', 'data', 'deletes BigQuery datasets and tables'),
  destructive('sqlcmd -Q "DROP DATABASE app"', 'sqlcmd', 'data', 'runs any SQL, DROP included'),
  destructive('stripe customers delete cus_9s6XKzkNRiz8i3 --live', 'stripe', 'data', 'deletes live Stripe customers, subscriptions and products'),
  // Framework migration tools, each with the command that drops or empties the database.
  destructive('bin/rails db:reset', 'rails db:drop', 'migration', 'drops the database'),
  destructive('bundle exec rails db:drop', 'rails db:drop', 'migration', 'drops the database'),
  destructive('bundle exec rake db:drop', 'rails db:drop', 'migration', 'drops the database'),
  destructive('rake db:drop', 'rails db:drop', 'migration', 'drops the database'),
  destructive('php artisan db:wipe --force', 'artisan migrate:fresh', 'migration', 'drops every table'),
  destructive('python manage.py flush --noinput', 'manage.py flush', 'migration', 'deletes every row of the database'),
  destructive('python3 manage.py flush --noinput', 'manage.py flush', 'migration', 'deletes every row of the database'),
  destructive('./manage.py flush --noinput', 'manage.py flush', 'migration', 'deletes every row of the database'),
  destructive('mix ecto.drop --force-drop', 'mix ecto.drop', 'migration', 'drops the database'),
  destructive('mix ecto.reset', 'mix ecto.drop', 'migration', 'drops the database'),
  destructive('sequelize db:drop', 'sequelize db:drop', 'migration', 'drops the database'),
  destructive('sequelize-cli db:drop', 'sequelize db:drop', 'migration', 'drops the database'),
  destructive('typeorm schema:drop', 'typeorm schema:drop', 'migration', 'drops every table'),
  // Reverting every migration drops every table the migrations created.
  destructive('sequelize db:migrate:undo:all', 'sequelize db:drop', 'migration', 'reverts every migration'),
  destructive('sequelize-cli db:migrate:undo:all', 'sequelize db:drop', 'migration', 'reverts every migration'),
  destructive('dbmate drop', 'dbmate drop', 'migration', 'drops the database'),
  // Atlas drops what the desired schema lacks (`apply`), or everything (`clean`).
  destructive('atlas schema clean --auto-approve', 'atlas', 'migration', 'drops every object in the schema'),
  destructive('atlas schema apply --auto-approve', 'atlas', 'migration', 'applies schema changes to the database, drops included'),
  destructive('knex migrate:rollback --all', 'knex migrate:rollback', 'migration', 'rolls back every migration'),
  destructive('alembic downgrade base', 'alembic downgrade', 'migration', 'reverts every migration'),
  destructive('flyway clean -cleanDisabled=false', 'flyway clean', 'migration', 'drops every object in the schemas'),
  destructive('liquibase drop-all', 'liquibase drop-all', 'migration', 'drops every object in the schema'),
  destructive('dotnet ef database drop --force', 'dotnet ef database drop', 'migration', 'drops the database'),
  destructive('diesel database reset', 'diesel database reset', 'migration', 'drops and recreates the database'),
  destructive('sqlx database drop -y', 'sqlx database drop', 'migration', 'drops the database'),
  // Remote shells of a platform: whatever command follows runs on production's machines, with what they reach. The
  // command given is one no hook names, so that a hook refusing `rm -rf` is not taken to stop the shell itself.
  destructive('fly ssh console -C zqx-unlisted-tool', 'fly', 'infrastructure', "runs any command on the app's production machines"),
  destructive('flyctl ssh console -C zqx-unlisted-tool', 'flyctl', 'infrastructure', "runs any command on the app's production machines"),
  destructive('railway ssh -- zqx-unlisted-tool', 'railway', 'infrastructure', "runs any command in the service's production container"),
  destructive('gcloud compute ssh acme-prod --command zqx-unlisted-tool', 'gcloud', 'infrastructure', 'runs any command on Compute Engine VMs'),
  destructive('aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:env,Values=prod', 'aws', 'infrastructure', 'runs any command on EC2 instances and ECS tasks'),
  destructive('aws ecs execute-command --cluster prod --task 0f9e --interactive --command zqx-unlisted-tool', 'aws', 'infrastructure', 'runs any command on EC2 instances and ECS tasks'),
  destructive('az vm run-command invoke --name acme-prod --command-id RunShellScript --scripts zqx-unlisted-tool', 'az', 'infrastructure', 'runs any command on Azure VMs'),
  destructive('doctl compute ssh acme-prod --ssh-command zqx-unlisted-tool', 'doctl', 'infrastructure', 'runs any command on DigitalOcean droplets'),
  // SQL shells a platform CLI opens on its databases: DROP is one line away.
  destructive('heroku pg:psql -c "DROP TABLE users"', 'heroku', 'data', 'runs any SQL on Heroku databases, DROP included'),
  destructive('fly postgres connect --app acme-db', 'fly', 'data', 'runs any SQL on Fly Postgres, DROP included'),
  destructive('flyctl postgres connect --app acme-db', 'flyctl', 'data', 'runs any SQL on Fly Postgres, DROP included'),
  destructive('railway connect postgres', 'railway', 'data', "runs any command in the project's database shells, DROP included"),
  destructive('gcloud sql connect acme-prod --user=postgres', 'gcloud', 'data', 'runs any SQL on Cloud SQL, DROP included'),
  destructive('turso db shell acme "DROP TABLE users"', 'turso', 'data', 'runs any SQL on Turso databases, DROP included'),
  destructive('pscale shell acme main', 'pscale', 'data', 'runs any SQL on PlanetScale branches, DROP included'),
  destructive('bq query --use_legacy_sql=false "DROP TABLE analytics.events"', 'bq', 'data', 'runs any SQL on BigQuery, DROP included'),
  destructive('pgcli postgresql://app@db.acme.io/app', 'pgcli', 'data', 'runs any SQL, DROP included'),
  destructive('mycli -e "DROP DATABASE app"', 'mycli', 'data', 'runs any SQL, DROP included'),
  destructive('mariadb -e "DROP DATABASE app"', 'mariadb', 'data', 'runs any SQL, DROP included'),
  destructive('usql pg://app@db.acme.io/app -c "DROP TABLE users"', 'usql', 'data', 'runs any SQL, DROP included'),
  destructive('cockroach sql --url "$DATABASE_URL" -e "DROP DATABASE app"', 'cockroach', 'data', 'runs any SQL, DROP included'),
  destructive('clickhouse-client --query "DROP DATABASE analytics"', 'clickhouse-client', 'data', 'runs any SQL, DROP included'),
  // A cloud CLI allowed for one service (`gcloud run:*`, `aws cloudformation:*`, `az webapp:*`) deletes within it.
  destructive('gcloud run services delete api --quiet', 'gcloud', 'infrastructure', 'deletes Google Cloud resources'),
  destructive('gcloud storage rm --recursive gs://acme-backups', 'gcloud', 'data', 'deletes Google Cloud resources'),
  destructive('gcloud container clusters delete acme-prod --quiet', 'gcloud', 'infrastructure', 'deletes Google Cloud resources'),
  destructive('gcloud projects delete acme-prod --quiet', 'gcloud', 'infrastructure', 'deletes Google Cloud resources'),
  destructive('gcloud firestore databases delete --database=(default) --quiet', 'gcloud', 'data', 'deletes Google Cloud resources'),
  destructive('aws cloudformation delete-stack --stack-name acme-prod', 'aws', 'infrastructure', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws ec2 terminate-instances --instance-ids i-0abc123def4567890', 'aws', 'infrastructure', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws ecs delete-service --cluster prod --service api --force', 'aws', 'infrastructure', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws lambda delete-function --function-name api', 'aws', 'infrastructure', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws eks delete-cluster --name acme-prod', 'aws', 'infrastructure', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws backup delete-recovery-point --backup-vault-name prod --recovery-point-arn arn:aws:backup:us-east-1:123456789012:recovery-point:1', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('aws secretsmanager delete-secret --secret-id prod/db --force-delete-without-recovery', 'aws', 'data', 'deletes AWS resources (S3 objects, RDS instances)'),
  destructive('az webapp delete --name acme-prod --resource-group acme', 'az', 'infrastructure', 'deletes Azure resource groups'),
  destructive('az storage account delete --name acmeprod --yes', 'az', 'data', 'deletes Azure resource groups'),
  destructive('az sql db delete --name app --server acme-prod --yes', 'az', 'data', 'deletes Azure resource groups'),
  destructive('az cosmosdb delete --name acme-prod --yes', 'az', 'data', 'deletes Azure resource groups'),
  destructive('az aks delete --name acme-prod --yes', 'az', 'infrastructure', 'deletes Azure resource groups'),
  destructive('az containerapp delete --name api --yes', 'az', 'infrastructure', 'deletes Azure resource groups'),
  destructive('doctl compute droplet delete acme-prod --force', 'doctl', 'infrastructure', 'deletes DigitalOcean resources'),
  destructive('doctl apps delete 9cc10173 --force', 'doctl', 'infrastructure', 'deletes DigitalOcean resources'),
  destructive('fly machine destroy 3d8d9e1b --force', 'fly', 'infrastructure', 'destroys Fly.io volumes and apps'),
  destructive('flyctl machine destroy 3d8d9e1b --force', 'flyctl', 'infrastructure', 'destroys Fly.io volumes and apps'),
  destructive('heroku addons:destroy heroku-postgresql --confirm acme', 'heroku', 'data', 'resets Heroku databases and destroys apps'),
  { ...destructive('curl -X DELETE https://api.example.invalid/v1/volumes/vol_1 -H "Authorization: Bearer $TOKEN"', 'curl', 'infrastructure', 'sends any HTTP request, provider API deletes included'), needsCredential: true },
  { ...destructive('wget --method=DELETE https://api.example.invalid/v1/volumes/vol_1', 'wget', 'infrastructure', 'sends any HTTP request, provider API deletes included'), needsCredential: true },
];

/**
 * CLIs that projects install as npm packages and run through a package runner: an allow rule written for
 * `npx supabase`, `pnpm prisma` or `bunx --bun vercel` lets the same destructive subcommands through.
 */
const PACKAGE_CLIS = new Set(['supabase', 'wrangler', 'prisma', 'railway', 'vercel', 'netlify', 'firebase', 'neonctl', 'drizzle-kit', 'cdk', 'cdktf', 'sst', 'serverless', 'sls', 'sequelize', 'sequelize-cli', 'typeorm', 'knex', 'dbmate']);
const PACKAGE_RUNNERS = ['npx', 'npx -y', 'pnpm', 'pnpm exec', 'pnpm dlx', 'yarn', 'yarn dlx', 'bunx', 'bunx --bun', 'bun x', 'npm exec --'];

const RUNNER_PROBES: readonly CommandProbe[] = DESTRUCTIVE_PROBES.flatMap((probe) => {
  const program = probe.command.split(' ')[0]!;
  if (!PACKAGE_CLIS.has(program)) return [];
  return PACKAGE_RUNNERS.map((runner) => ({ ...probe, command: `${runner} ${probe.command}` }));
});

/** Runners that fetch and run any package or script: everything, like an interpreter. */
const RUNNER_INTERPRETERS: readonly CommandProbe[] = [
  ['npm exec zqx-unlisted-package', 'npm exec'],
  ['yarn dlx zqx-unlisted-package', 'yarn dlx'],
  ['uv run zqx-unlisted-tool', 'uv run'],
  ['pipx run zqx-unlisted-package', 'pipx run'],
  ['poetry run zqx-unlisted-tool', 'poetry run'],
  ['pdm run zqx-unlisted-tool', 'pdm run'],
].map(([command, tool]) => ({ command: command!, class: 'interpreter' as const, tool: tool!, does: `${tool} runs any program` }));

/**
 * Platform CLIs that run any command with an environment's variables injected (`railway run`, `doppler run --`): an
 * interpreter holding that environment's credentials. Tried after the destructive probes, so that `railway:*` is
 * named for what it deletes.
 */
const SECRET_RUNNERS: readonly CommandProbe[] = [
  ['railway run zqx-unlisted-tool', 'railway run'],
  ['heroku run zqx-unlisted-tool', 'heroku run'],
  ['doppler run -- zqx-unlisted-tool', 'doppler run'],
  ['op run -- zqx-unlisted-tool', 'op run'],
  ['infisical run -- zqx-unlisted-tool', 'infisical run'],
].map(([command, tool]) => ({ command: command!, class: 'interpreter' as const, tool: tool!, does: `${tool} runs any program with the environment's secrets` }));

/**
 * Framework commands that run any code in the application's process (`php -r`, `rails runner`, `manage.py shell -c`,
 * `mix run -e`, `bundle exec <anything>`). Tried after the destructive probes, so that `Bash(php:*)` is named for the
 * `artisan migrate:fresh` it also lets through.
 */
const FRAMEWORK_RUNNERS: readonly CommandProbe[] = [
  ['php -r "exit(0);"', 'php'],
  ['bin/rails runner "1"', 'rails runner'],
  ['rails runner "1"', 'rails runner'],
  ['bundle exec zqx-unlisted-tool', 'bundle exec'],
  ['python manage.py shell -c "print(1)"', 'manage.py shell'],
  ['python3 manage.py shell -c "print(1)"', 'manage.py shell'],
  ['./manage.py shell -c "print(1)"', 'manage.py shell'],
  ['mix run -e "IO.puts(1)"', 'mix run'],
  // `bun run` runs a package script or any file: tried after the package's scripts are judged.
  ['bun run zqx-unlisted-script.ts', 'bun run'],
].map(([command, tool]) => ({ command: command!, class: 'interpreter' as const, tool: tool!, does: `${tool} runs any program` }));

/**
 * Docker commands that delete named volumes: `down -v` removes those a compose file declares (and its containers'
 * anonymous ones), a database's data among them; `volume prune -a` every volume no container uses. Docker is the
 * everyday tool of local work, so these count only where a compose file keeps a database in such a volume; tried
 * last, so that a rule letting a destructive CLI through as well is named for it.
 */
const VOLUME_PROBES: readonly CommandProbe[] = [
  ['docker compose down -v', 'docker compose down'],
  ['docker compose down --volumes --remove-orphans', 'docker compose down'],
  ['docker-compose down -v', 'docker-compose down'],
  ['docker volume rm orders_pgdata', 'docker volume rm'],
  ['docker volume prune -a -f', 'docker volume prune'],
].map(([command, tool]) => ({ command: command!, class: 'destructive' as const, tool: tool!, domain: 'data' as const, does: "deletes Docker volumes, a compose database's data included", dataIn: 'docker-volume' as const }));

const COMMAND_PROBES: readonly CommandProbe[] = [...ANY_PROBES, ...INTERPRETER_PROBES, ...RUNNER_INTERPRETERS, ...DESTRUCTIVE_PROBES, ...RUNNER_PROBES, ...FRAMEWORK_RUNNERS, ...SECRET_RUNNERS, ...VOLUME_PROBES];

export type CommandMatcher = (command: string) => boolean;

/**
 * Commands that print or copy a file: allowed unasked, they read what an agent's file rules exclude (`cat .env`).
 * Not a finding by themselves (reading is the agent's job); they matter where a secret file is excluded only from
 * the agent's file tools.
 */
const READER_PROBES: ReadonlyArray<[string, string]> = [
  ['cat ./config/deploy.yml', 'cat'],
  ['head -n 50 ./config/deploy.yml', 'head'],
  ['tail -n 50 ./config/deploy.yml', 'tail'],
  ['less ./config/deploy.yml', 'less'],
  ['more ./config/deploy.yml', 'more'],
  ['grep -r token ./config', 'grep'],
  ['rg token ./config', 'rg'],
  ['awk 1 ./config/deploy.yml', 'awk'],
  ['sed -n 1,50p ./config/deploy.yml', 'sed'],
  ['strings ./config/deploy.yml', 'strings'],
  ['base64 ./config/deploy.yml', 'base64'],
  ['jq . ./config/deploy.json', 'jq'],
  ['yq . ./config/deploy.yml', 'yq'],
  ['cp ./config/deploy.yml /tmp/deploy.yml', 'cp'],
];

/** The file reader a rule lets run, if any (`Bash(cat:*)` lets `cat` read any file). */
export function readerOf(matches: CommandMatcher): string | undefined {
  return READER_PROBES.find(([command]) => safely(matches, command))?.[1];
}

export interface CommandReach {
  class: CommandClass;
  /** The first probe let through. */
  probe: CommandProbe;
}

/** What a rule lets through: everything, an interpreter (so everything), a destructive command, or nothing we know. */
export function reachOf(matches: CommandMatcher): CommandReach | undefined {
  for (const probe of COMMAND_PROBES) {
    if (safely(matches, probe.command)) return { class: probe.class, probe };
  }
  return undefined;
}

/** Every probe a deny or ask rule stops: `*` when it stops everything, else the tools. */
export function stoppedBy(matches: CommandMatcher): string[] {
  if (ANY_PROBES.every((probe) => safely(matches, probe.command))) return ['*'];
  const tools = new Set<string>();
  for (const probe of [...DESTRUCTIVE_PROBES, ...RUNNER_PROBES]) if (safely(matches, probe.command)) tools.add(probe.tool);
  return [...tools].sort();
}

/** Tools of the destructive probes in a domain. */
export function toolsOfDomain(domain: DestructiveDomain): string[] {
  return [...new Set(DESTRUCTIVE_PROBES.filter((probe) => probe.domain === domain).map((probe) => probe.tool))];
}

/** The commands of a written command line (split at `&&`, `||`, `;` and pipes), leading variable assignments dropped. */
function commandsOf(commandLine: string): string[] {
  return commandLine.split(/&&|\|\||;|\|/).map((part) => part.trim().replace(/^(?:[A-Za-z_]\w*=\S*\s+)+/, ''));
}

/**
 * The destructive probe a written command line is a use of (`prisma migrate reset --force && prisma db seed` is
 * `prisma migrate reset`), judged by the prefixes a deny rule for the probe's tool would name, in the given domains.
 * Package runners and leading variable assignments are looked past; undefined for any other command.
 */
export function destructiveUseOf(commandLine: string, domains: readonly DestructiveDomain[]): CommandProbe | undefined {
  for (const part of commandsOf(commandLine)) {
    const command = part
      .replace(/^(?:npx(?:\s+-y)?|pnpm(?:\s+exec|\s+dlx)?|yarn(?:\s+dlx)?|bunx|bun\s+x|dotenv(?:\s+-e\s+\S+)*\s+--)\s+/, '')
      // Terraform's global option comes before the subcommand: `terraform -chdir=infra destroy` is `terraform destroy`.
      .replace(/^(terraform|tofu)\s+-chdir=\S+\s+/, '$1 ');
    // `supabase db reset` alone resets the local database: not a use of the probe that names the hosted one.
    if (LOCAL_BY_DEFAULT.some((probe) => usesPrefix(command, prefixOf(probe)) && !probe.remoteWith!.test(command))) continue;
    const space = command.indexOf(' ');
    const candidates = probesByFirstWord(domains).get(space === -1 ? command : command.slice(0, space));
    const found = candidates?.find((probe) => prefixesOfTool(probe.tool).some((prefix) => usesPrefix(command, prefix)));
    if (found) return found;
  }
  return undefined;
}

const PROBES_BY_FIRST_WORD = new Map<string, Map<string, CommandProbe[]>>();

/**
 * The first probe of each tool in the domains, in probe order, under each word its tool's prefixes start with: every
 * line of every script is asked, and a command can only use a prefix whose first word is its own.
 */
function probesByFirstWord(domains: readonly DestructiveDomain[]): Map<string, CommandProbe[]> {
  const key = domains.join(',');
  let index = PROBES_BY_FIRST_WORD.get(key);
  if (index) return index;
  index = new Map();
  const tools = new Set<string>();
  for (const probe of DESTRUCTIVE_PROBES) {
    if (!probe.domain || !domains.includes(probe.domain) || tools.has(probe.tool)) continue;
    tools.add(probe.tool);
    for (const word of new Set(prefixesOfTool(probe.tool).map((prefix) => prefix.split(' ')[0]!))) {
      const list = index.get(word);
      if (list) list.push(probe);
      else index.set(word, [probe]);
    }
  }
  PROBES_BY_FIRST_WORD.set(key, index);
  return index;
}

/**
 * The Docker volume command a written command line runs (`docker compose down -v`, `docker volume rm pgdata`), whose
 * harm depends on the data the repository keeps in volumes; plain `docker compose down` keeps them.
 */
export function volumeUseOf(commandLine: string): CommandProbe | undefined {
  for (const part of commandsOf(commandLine)) {
    const command = part.replace(/\s+/g, ' ');
    const compose = /^(docker-compose|docker compose) (?:\S+ )*?down(?: \S+)*? (?:-v|--volumes)\b/.exec(command);
    // `prune` without `--all` removes anonymous volumes only (Docker 23 and later), never a named database volume.
    const volume = /^docker volume (rm|prune)\b/.exec(command);
    const tool = compose ? `${compose[1]} down` : volume && (volume[1] === 'rm' || / (?:-a|--all)\b/.test(command)) ? `docker volume ${volume[1]}` : undefined;
    if (tool) return VOLUME_PROBES.find((probe) => probe.tool === tool);
  }
  return undefined;
}

/**
 * Subcommand words that destroy or replace what a CLI manages (`destroy`, `rds delete-db-instance`, `pg:reset`), or
 * open a shell on what it manages (`ssh console`, `postgres connect`, `pg:psql`), where the harm is typed next.
 */
const DESTROYING_WORD = /^(?:delete|destroy|rm|rb|down|uninstall|reset|remove|apply|up|push|execute|exec|scale|patch|drain|upgrade|rollback|drop|drop-all|flush|clean|downgrade|terminate|delete-[\w-]+|terminate-[\w-]+|[\w-]+:(?:delete|destroy|reset|drop|fresh|wipe|rollback|psql)|[\w-]+:[\w-]+:undo(?::all)?|ecto\.(?:drop|reset)|ssh|console|connect|shell|query|sql|send-command|execute-command|invoke)$/;

/**
 * The command prefixes a deny rule names to stop a tool's destructive uses: `terraform destroy` and `terraform
 * apply`, not all of `terraform` (a rule that also stops `terraform plan` gets removed). A tool whose every use is
 * destructive (`rm`, `psql`, `dropdb`) is named alone.
 */
export function denyPrefixesOf(tool: string): string[] {
  return [...prefixesOfTool(tool)];
}

function prefixesOfTool(tool: string): readonly string[] {
  let prefixes = PREFIXES_OF_TOOL.get(tool);
  if (!prefixes) {
    prefixes = [...new Set(DESTRUCTIVE_PROBES.filter((probe) => probe.tool === tool).map(prefixOf))];
    PREFIXES_OF_TOOL.set(tool, prefixes);
  }
  return prefixes;
}

/** Worked out once per tool: every line of every task is tried against every probe's tool. */
const PREFIXES_OF_TOOL = new Map<string, readonly string[]>();
const PREFIX_OF_PROBE = new Map<CommandProbe, string>();

/** The program and subcommand words of a probe up to its last destroying word (`terraform destroy`, `aws s3 rm`). */
function prefixOf(probe: CommandProbe): string {
  let prefix = PREFIX_OF_PROBE.get(probe);
  if (prefix === undefined) {
    const words = probe.command.split(' ');
    let last = 0;
    for (let i = 1; i < words.length && !words[i]!.startsWith('-'); i++) if (DESTROYING_WORD.test(words[i]!)) last = i;
    prefix = words.slice(0, last + 1).join(' ');
    PREFIX_OF_PROBE.set(probe, prefix);
  }
  return prefix;
}

function usesPrefix(command: string, prefix: string): boolean {
  return command === prefix || command.startsWith(`${prefix} `);
}

/** Probes whose command acts on a local copy unless a flag points it at the hosted one. */
const LOCAL_BY_DEFAULT = DESTRUCTIVE_PROBES.filter((probe) => probe.remoteWith !== undefined);

/** Destructive tools a sentence names (`rm -rf`, `railway down`, `DROP TABLE` is psql's). */
export function toolsNamedIn(text: string): string[] {
  const found = new Set<string>();
  for (const [pattern, tool] of NAMED_TOOLS) if (pattern.test(text)) found.add(tool);
  return [...found];
}

const NAMED_TOOLS: ReadonlyArray<[RegExp, string]> = [
  [/\brm\s+-[a-z]*[rf]/i, 'rm'],
  [/\brailway\b/i, 'railway'],
  [/\bterraform\s+(?:destroy|apply)\b/i, 'terraform'],
  [/\bpulumi\s+(?:destroy|up)\b/i, 'pulumi'],
  [/\bkubectl\s+(?:delete|exec|scale|apply|patch|drain)\b/i, 'kubectl'],
  [/\bhelm\s+(?:uninstall|delete|upgrade|rollback)\b/i, 'helm'],
  [/\baws\s+\w/i, 'aws'],
  [/\bgcloud\b/i, 'gcloud'],
  [/\bflyctl\b|\bfly\s+(?:volumes|apps|destroy|ssh|postgres|machines?)\b/i, 'fly'],
  [/\bheroku\b/i, 'heroku'],
  [/\bvercel\s+(?:remove|rm)\b/i, 'vercel'],
  [/\bnetlify\s+sites:delete\b/i, 'netlify'],
  [/\bdoctl\b/i, 'doctl'],
  [/\baz\s+[\w-]+\s+delete\b/i, 'az'],
  [/\bsupabase\s+(?:db|projects)\b/i, 'supabase'],
  [/\bneonctl\b/i, 'neonctl'],
  [/\b(?:drop|truncate)\s+(?:table|database|schema)\b|\bpsql\b/i, 'psql'],
  [/\bmongosh\b|\bdropDatabase\b/i, 'mongosh'],
  [/\bredis-cli\b|\bflushall\b/i, 'redis-cli'],
  [/\bdropdb\b/i, 'dropdb'],
  [/\bwrangler\b/i, 'wrangler'],
  [/\bprisma\s+migrate\s+reset\b/i, 'prisma migrate reset'],
  [/\bdrizzle-kit\s+push\b/i, 'drizzle-kit push'],
  [/\bturso\s+db\s+(?:destroy|shell)\b/i, 'turso'],
  [/\bhcloud\s+(?:server|volume)\b/i, 'hcloud'],
  [/\bpscale\s+(?:database|branch)\b/i, 'pscale'],
  [/\bdb:drop\b/i, 'rails db:drop'],
  [/\bmigrate:fresh\b|\bdb:wipe\b/i, 'artisan migrate:fresh'],
  [/\bcdk\s+destroy\b/i, 'cdk'],
  [/\bcdktf\s+destroy\b/i, 'cdktf'],
  [/\bterragrunt\s+(?:run-all\s+)?(?:destroy|apply)\b/i, 'terragrunt'],
  [/\bsst\s+remove\b/i, 'sst'],
  [/\b(?:serverless|sls)\s+remove\b/i, 'serverless'],
  [/\beksctl\s+delete\b/i, 'eksctl'],
  [/\beb\s+terminate\b/i, 'eb'],
  [/\bargocd\s+app\s+delete\b/i, 'argocd'],
  [/\bkamal\s+(?:accessory\s+)?remove\b/i, 'kamal'],
  [/\bbq\s+rm\b/i, 'bq'],
  [/\bsqlcmd\b/i, 'sqlcmd'],
  [/\bmanage\.py\s+flush\b/i, 'manage.py flush'],
  [/\becto\.(?:drop|reset)\b/i, 'mix ecto.drop'],
  [/\bsequelize(?:-cli)?\s+db:(?:drop|migrate:undo:all)\b/i, 'sequelize db:drop'],
  [/\bdbmate\b[^\n|;&]*\sdrop\b/i, 'dbmate drop'],
  [/\batlas\s+schema\s+(?:clean|apply)\b/i, 'atlas'],
  [/\bschema:drop\b/i, 'typeorm schema:drop'],
  [/\balembic\s+downgrade\b/i, 'alembic downgrade'],
  [/\bflyway\s+clean\b/i, 'flyway clean'],
  [/\bliquibase\s+drop-?all\b/i, 'liquibase drop-all'],
  [/\bef\s+database\s+drop\b/i, 'dotnet ef database drop'],
  [/\bdiesel\s+database\s+reset\b/i, 'diesel database reset'],
  [/\bsqlx\s+database\s+drop\b/i, 'sqlx database drop'],
];

function safely(matches: CommandMatcher, command: string): boolean {
  try {
    return matches(command);
  } catch {
    return false;
  }
}

// --- Matchers for the rule syntaxes agents use -------------------------------------------------------------

/** `git` lets through `git` and `git <anything>` (word boundary), as Claude's `git:*`, Cursor's `Shell(git)` and VS Code keys do. */
export function prefixMatcher(prefix: string): CommandMatcher {
  const wanted = prefix.trim();
  if (wanted === '' || wanted === '*') return () => true;
  return (command) => command === wanted || command.startsWith(`${wanted} `);
}

/** Exactly this command line. */
export function exactMatcher(exact: string): CommandMatcher {
  const wanted = exact.trim();
  return (command) => command === wanted;
}

/**
 * A glob over the whole command line: `*` is any run of characters. With `optionalTrailingSpace`, a pattern ending in
 * ` *` also matches the bare command (Claude Code: `Bash(ls *)` matches `ls`).
 */
export function globMatcher(glob: string, options: { optionalTrailingSpace?: boolean } = {}): CommandMatcher {
  const body = glob
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const source = options.optionalTrailingSpace && body.endsWith(' .*') ? `${body.slice(0, -3)}(?: .*)?` : body;
  const regex = new RegExp(`^${source}$`, 's');
  return (command) => regex.test(command);
}

/** A regex rule (VS Code `/.../i` keys, Zed and Amazon Q patterns). Undefined when the regex does not compile. */
export function regexMatcher(source: string, flags = '', options: { anchored?: boolean } = {}): CommandMatcher | undefined {
  try {
    const regex = new RegExp(options.anchored ? `^(?:${source})$` : source, flags.replace(/[^imsu]/g, ''));
    return (command) => regex.test(command);
  } catch {
    return undefined;
  }
}

/** Codex `prefix_rule(pattern=[...])`: each position a token or a list of alternatives. */
export function tokenPrefixMatcher(tokens: ReadonlyArray<string | readonly string[]>): CommandMatcher {
  return (command) => {
    const words = command.split(/\s+/);
    if (words.length < tokens.length) return false;
    return tokens.every((token, index) => (typeof token === 'string' ? [token] : token).includes(words[index]!));
  };
}

/** The matcher a rule written as data stands for (the rule is how it crosses worker threads). */
export function matcherOfRule(rule: CommandRule): CommandMatcher | undefined {
  switch (rule.syntax) {
    case 'prefix':
      return prefixMatcher(rule.text);
    case 'exact':
      return exactMatcher(rule.text);
    case 'base':
      return commandBaseMatcher(rule.text);
    case 'glob':
      return globMatcher(rule.text);
    case 'regex':
      return regexMatcher(rule.source, rule.flags, { anchored: rule.anchored === true });
    case 'tokens':
      return tokenPrefixMatcher(rule.tokens);
  }
}

/**
 * What an allow rule lets through, where a rule written as a prefix (or a glob ending in ` *`, or Codex tokens) ends on
 * a database client's statement option: `psql -h prod-db -U app -c` runs whatever statement follows, as `psql` alone
 * would (the shape "always allow" saves for one query). Deny and ask rules keep their written reach.
 */
export function allowMatcherOfRule(rule: CommandRule): CommandMatcher | undefined {
  const open = openPrefixOf(rule);
  const client = open === undefined ? undefined : clientOpenToAnyStatement(open);
  return client ? prefixMatcher(client) : matcherOfRule(rule);
}

/** The words a rule lets any arguments follow, or undefined when it fixes the whole command line. */
function openPrefixOf(rule: CommandRule): string | undefined {
  switch (rule.syntax) {
    case 'prefix':
      return rule.text;
    case 'glob':
      return / \*$/.test(rule.text.trim()) ? rule.text.trim().slice(0, -2) : undefined;
    case 'tokens':
      return rule.tokens.every((token) => typeof token === 'string') ? rule.tokens.join(' ') : undefined;
    default:
      return undefined;
  }
}

/** Cursor CLI `Shell(git)`: the command base is the first token; globs allowed. */
export function commandBaseMatcher(base: string): CommandMatcher {
  const wanted = base.trim();
  if (wanted === '' || /^\*+$/.test(wanted)) return () => true;
  const first = globMatcher(wanted);
  return (command) => first(command.split(/\s+/)[0] ?? '');
}

/**
 * A program a written command line of a task would have to start with to be destructive (`psql`, `terraform`, a
 * package runner before a CLI): lines of a script naming none of them are not worth splitting and matching.
 */
export const DESTRUCTIVE_PROGRAM = new RegExp(
  `(?:^|[\\s;&|(])(?:${[...new Set([...DESTRUCTIVE_PROBES, ...VOLUME_PROBES].map((probe) => probe.command.split(' ')[0]!).concat(['npx', 'pnpm', 'yarn', 'bunx', 'bun', 'dotenv']))]
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})(?=\\s|$)`,
);
