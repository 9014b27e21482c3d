// What a path says about its file's purpose, shared by every detector so "test code" means the same everywhere.

/** Tests, fixtures, mocks and examples: an agent reads them too, but what they hold is rarely live. */
const TEST_OR_EXAMPLE = new RegExp(
  [
    // Ansible roles keep their tests in `molecule/`; suites are named `mysql-test`, `integration_tests`, `std_data`.
    // C and C++ projects keep theirs in `unittest/` (MariaDB's client library, Chromium's components), and fuzzers'
    // inputs in `fuzz/corpus/` (OSS-Fuzz's seed corpora: malformed URLs, requests, certificates).
    // An SDK's example programs under a suffixed name (`samples-dev/`, `examples-node/`, `sample-app/`).
    String.raw`(?:^|\/)(?:examples?|samples?)[-_][\w-]+\/`,
    String.raw`(?:^|\/)(?:tests?|unittests?|fuzz|fuzzing|corpus|corpora|testsuite|test-?suites?|spec|specs|__tests__|__mocks__|fixtures?|testdata|test-data|mocks?|examples?|samples?|molecule|std_data)(?:\/|$)`,
    // Thunder Client's Git Sync folder (`thunder-tests/`) holds a team's API collections, not tests.
    String.raw`(?:^|\/)(?!thunder-tests\/)[\w.]+[-_]tests?(?:\/|$)`,
    // A test environment named inside a directory's name: `oidc-test-env/`, `e2e_test_stack/`.
    String.raw`(?:^|\/)[\w.]+[-_]test[-_][\w.-]+\/`,
    // Perl's `t/`, a suite kept in `<name>.test/`, support trees (`testcerts/`, `test-utils/`, `test-hdfs/`), test
    // servers (`testserver/`, rclone's `fstest/`), regression suites (OpenSSH's and PostgreSQL's `regress/`, duplicity's
    // `testing/regression/`; a bare `regression/` may hold a model's code), fixture variants (`fixtures-expired/`),
    // fake material (`fake-cert/`) and development VMs (`devstack/`, `vagrant/`).
    // A suite's expected outputs (pg_regress's `expected/*.out`, golden files) repeat what its inputs hold.
    String.raw`(?:^|\/)(?:t|[\w-]+\.test|test[-_]?(?:certs?|utils?|helpers?|keys?|support|resources|files?|servers?)|test[-_][\w-]+|fstests?|regress|testing\/regressions?|expected|fixtures?[-_][\w-]+|fake[-_][\w-]+|devstack|vagrant|integration|[\w-]+[-_]integration)\/`,
    // A library's demo beside its code (`deps/rabbitmq_auth_backend_oauth2/demo/`, `packages/ui/demos/`, `src/demo/`);
    // a `demo/` elsewhere may be an environment of that name (`environments/demo/`, `overlays/demo/`, `deploy/demo/`).
    String.raw`(?:^|\/)(?:(?:deps|packages|libs?|plugins|crates)\/[^/]+|src)\/demos?\/`,
    // Files named as stand-ins: `mock_rsa_key`, `test_rsa`, `fake-ca.key`, `dummy.pem`; keys for `localhost`.
    String.raw`(?:^|\/)(?:mock|fake|dummy|test)[-_][^/]+$`,
    // A key or certificate named for tests inside its name: `ssl_test_key.key`, `server-test.pem`.
    String.raw`(?:^|\/)[^/]*[-_.]test[-_.][^/]*\.(?:key|pem|crt|cert|p12|pfx)$|(?:^|\/)[^/]*[-_.]test\.(?:key|pem|crt|cert|p12|pfx)$`,
    String.raw`(?:^|\/)localhost(?:[.-][^/]*)?\.(?:key|pem|crt)$`,
    // A code generator's templates (a Yeoman or JHipster generator's `generators/app/templates/`, Angular's and Nx's
    // `schematics/…/files/`, Ember's `blueprints/…/files/`, Hygen's `_templates/`, a cookiecutter's
    // `{{cookiecutter.project_slug}}/`): what every generated project starts from, filled with stand-ins. A Helm
    // chart's, an Ansible role's or a Flask blueprint's `templates/` render one deployment's files and are not read so.
    String.raw`(?:^|\/)[\w-]*(?:generators?|schematics)\/(?:[^/]+\/)*?(?:templates?|files)\/|(?:^|\/)blueprints\/[^/]+\/files\/|(?:^|\/)_templates\/|(?:^|\/)\{\{ ?cookiecutter\.[^/]*\}\}\/`,
    // Go's generated test certificates and keys: `testcert.go`, `testcerts.go`.
    String.raw`(?:^|\/)test[-_]?certs?\.go$`,
    // Go keeps fixtures in `testing/` packages (elsewhere `testing/` may be an environment's configuration).
    String.raw`(?:^|\/)testing\/(?:[^/]+\/)*[^/]+\.go$`,
    // Test files by their language's convention: `x.test.ts`, `test_x.py`, `x_test.go`, `x_spec.rb`, a lone `test.js`.
    // A generator's template of one keeps the template's suffix: `register.component.spec.ts.ejs`.
    String.raw`\.(?:test|spec)\.[a-z]+(?:\.(?:ejs|hbs|tmpl|tpl|template|j2|jinja|mustache|liquid))?$`,
    String.raw`(?:^|\/)(?:tests?\.[a-z]+|test_[^/]+\.py)$`,
    String.raw`_(?:test|spec)\.(?:go|py|rb|exs?|sh|bash)$`,
    // PHPUnit's configuration sets the environment the test suite runs in (`<env name="APP_KEY" …/>`).
    String.raw`(?:^|\/)phpunit\.xml(?:\.dist)?$`,
    // Example files: `examples-1.json`, an API model's `iam-2010-05-08.examples.json`.
    String.raw`(?:^|[/-])examples?-\d*\.json$`,
    // An example playbook or config named as one: `examples-edit_smtp_com.yml`, `example_inventory.yaml`.
    String.raw`(?:^|\/)examples?[-_][^/]+\.(?:ya?ml|json|ini|conf|cfg|toml)$`,
    String.raw`\.examples?\.json$`,
    // A template copied before use: `config.json.sample`, `settings.py.example`, one of a set of variants
    // (`pools.yaml.sample-bind`, `pools.yaml.sample-infoblox`) (not a dotenv template, `.env.example` or
    // `config/production.env.example`, which teams fill with real values often enough to keep its findings at full
    // severity).
    String.raw`(?:^|\/)(?!\.env)(?![^/]*\.env\.(?:sample|example)(?:[-_][\w-]+)?$)[^/]+\.(?:sample|example)(?:[-_][\w-]+)?$`,
    // jsii assemblies: a package's README and its examples, translated per language, serialised as JSON.
    String.raw`(?:^|\/)\.jsii(?:\.tabl\.json)?$`,
  ].join('|'),
  'i',
);

export function isTestOrExamplePath(path: string): boolean {
  return TEST_OR_EXAMPLE.test(path);
}

/** The same, plus documentation and browser-test trees: content that describes a system rather than configures it. */
export function isTestExampleOrDocsPath(path: string): boolean {
  return TEST_OR_EXAMPLE.test(path) || /(?:^|\/)(?:docs?|e2e|cypress)(?:\/|$)/i.test(path);
}

/**
 * A Helm values file, by its name: `values.yaml`, `values-prod.yaml`, `values.staging.yml`, `prod-values.yaml`,
 * `api.values-eu.yaml`. Read by every detector that asks which files set a chart's values.
 */
export function isHelmValuesFile(path: string): boolean {
  return HELM_VALUES_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}

const HELM_VALUES_NAME = /^(?:[^/]*[.-])?values(?:[.-][^/]*)?\.ya?ml$/i;
