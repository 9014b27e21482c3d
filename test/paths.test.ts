import { describe, expect, it } from 'vitest';
import { isTestExampleOrDocsPath, isTestOrExamplePath } from '../src/paths.js';

describe('test and example paths', () => {
  it.each([
    'tests/fixtures/users.json',
    'src/__mocks__/client.ts',
    'src/client.test.ts',
    'url/test.js',
    'pkg/tests.py',
    'app/test_settings.py',
    'internal/store/store_test.go',
    'openstack/compute/v2/servers/testing/fixtures.go',
    'roles/web/molecule/default/converge.yml',
    'pkg/credentials/config.json.sample',
    'etc/designate/pools.yaml.sample-infoblox',
    'testing/regression/issue147.sh',
    'usr/share/mysql/mysql-test/std_data/cakey.pem',
    'services/api/integration_tests/conftest.py',
    'spec/models/user_spec.rb',
    'examples/quickstart/main.py',
    'aws-sdk/apis/iam-2010-05-08.examples.json',
    'schemas/example-1.json',
    'borg/testsuite/archiver.py',
    't/keys/admin',
    'daemon/lua/trust_anchors.test/x509/ca-key.pem',
    'staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/testcerts/certs.go',
    'swarmkit/ca/testutils/staticcerts.go',
    'integration/fixtures-expired/server.key.insecure',
    'doc/resource/fake-cert/ca.key',
    'devstack/pregenerated/ssh-keys/octavia_ssh_key',
    'vagrant/ovn/provisioning/id_rsa',
    'src/ssh/mock_rsa_key',
    'keys/test_rsa',
    'contrib/docker-integration/tokenserver/certs/signing.key',
    'tests/../integration/fixtures/server.key',
    'devel/tools/localhost.key',
    'src/crypto/tls/testcert.go',
    'pkg/x509util/testfiles/server.pem',
    'regress/ed25519_openssh.prv',
    'fstest/testserver/init.d/TestSeafileV6',
    'tools/test-hdfs/run.sh',
    'src/test/regress/data/server.key',
    'contrib/pgcrypto/expected/pgp-pubkey-decrypt.out',
    'turndb/mongosetup_test.sh',
    'phpunit.xml',
    'packages/api/phpunit.xml.dist',
    'tools/oidc-test-env/authelia/configuration.yml',
    'generators/vue/templates/app/register.component.spec.ts.ejs',
    'node_modules_x/@aws-cdk/aws-iam/.jsii',
    '.jsii.tabl.json',
    'libmariadb/unittest/libmariadb/connection.c',
    'fuzz/url-corpus/29',
    'test/fuzz/corpus/request-headers',
    'deps/rabbitmq_auth_backend_oauth2/demo/rsa_keys/uaa.yml',
    'packages/ui/demos/login.tsx',
    'src/demo/server.key',
    'mailman/testing/ssl_test_key.key',
    'certs/server-test.pem',
    'playbooks/modules/examples-edit_smtp_com.yml',
    'inventory/example_hosts.ini',
    'generators/kubernetes/templates/db/couchbase.yml.ejs',
    'lib/core-generators/new/templates/config/env/production.js.template',
    'packages/angular/schematics/ng-new/files/src/environments/environment.ts.template',
    'blueprints/service/files/app/services/__name__.js',
    '_templates/component/new/config.ejs.t',
    '{{cookiecutter.project_slug}}/config/settings/production.py',
    'samples-dev/databaseAuditingCreateSample.ts',
    'sdk/storage/examples-node/upload.js',
  ])('%s is test or example content', (path) => {
    expect(isTestOrExamplePath(path)).toBe(true);
  });

  it.each(['src/client.ts', 'config/testing.yml', 'ml/regression/linear.py', 'deploy/testing/values.yaml', '.env.example', 'apps/api/.env.sample', 'config/production.env.example', 'deploy/app.env.sample', 'deploy/app.env.example-prod', 'config/.env.sample-production', 'app/latest.py', 'contest/main.go', 'src/attestation.rb', 'lib/examples_loader.js', 'deploy/.env.production', 'deploy/target/app.conf', 'scripts/testify.sh', 'contrib/t.sh', 'tools/fakeroot/run.sh', 'src/integrations/stripe.ts', 'internal/certs/certs.go', 'src/testfixtures.go', 'scripts/regression.sh', 'ops/testers/deploy.sh', 'scripts/load_test_results.sh', 'phpunit.xml.bak.md', 'deploy/latest-testament/app.conf', 'templates/app.ts.ejs', 'thunder-tests/environments/tc_env_production.json', 'environments/demo/values.yaml', 'deploy/demo/app.env', 'k8s/overlays/demo/secret.yaml', 'demo/docker-compose.yml', 'certs/contest.key', 'certs/latest-test-results.json', 'config/exampleco.yml', 'ssl/attestation.pem', 'charts/api/templates/secret.yaml', 'roles/db/templates/my.cnf.j2', 'app/blueprints/auth/templates/login.html', 'generators.yml', 'src/generators/token.ts', 'deploy/example.com/app.env', 'lib/samples.js'])(
    '%s is not',
    (path) => {
      expect(isTestOrExamplePath(path)).toBe(false);
    },
  );

  it('documentation trees count as describing, not configuring', () => {
    expect(isTestExampleOrDocsPath('docs/setup.md')).toBe(true);
    expect(isTestOrExamplePath('docs/setup.md')).toBe(false);
  });
});
