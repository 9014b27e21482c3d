// Values in documentation (Python docstrings, an Ansible module's EXAMPLES, Go's doc.go, a document's examples) are examples: still
// reported, as an agent reads them too, but low, and never the start of a blast-radius chain.
import { describe, expect, it } from 'vitest';
import { repositoryScanner } from './helpers/scan-files.js';

const scanFiles = repositoryScanner();

const severities = (result: Awaited<ReturnType<typeof scanFiles>>, prefix: string) =>
  result.findings.filter((finding) => finding.ruleId.startsWith(prefix)).map((finding) => `${finding.ruleId} ${finding.location.span.line} ${finding.severity}`);

describe('documentation in source', () => {
  it("rates an Ansible module's EXAMPLES low, and the same value in its code at full severity", async () => {
    const module = [
      '#!/usr/bin/python',
      "DOCUMENTATION = r'''",
      'module: purefa_ad',
      "'''",
      '',
      "EXAMPLES = r'''",
      '- name: Create AD account',
      '  purefa_ad:',
      '    fa_url: 10.10.10.2',
      '    api_token: e31060a7-21fc-e277-6240-25983c6c4592',
      "'''",
      '',
      "API_TOKEN = 'e31060a7-21fc-e277-6240-25983c6c4592'",
      '',
    ].join('\n');
    const result = await scanFiles({ 'plugins/modules/purefa_ad.py': module });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/generic-secret 10 low', 'exposed-credential/generic-secret 13 medium']);
  });

  it('rates a docstring example low, and a string in a function body at full severity', async () => {
    const source = [
      'def connect(password=None):',
      '    """Open a session.',
      '',
      "    >>> connect(password='Qm8vX2pL7nRtKw3z')",
      '    """',
      "    password = 'Vt7qL2wRb9zX4eKp'",
      '    return password',
      '',
    ].join('\n');
    const result = await scanFiles({ 'lib/session.py': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 4 low', 'exposed-credential/hardcoded-password 6 medium']);
  });

  it("rates a command line of a program's help (argparse's `%(prog)s`) low, and the same token set in its code at full severity", async () => {
    const source = [
      'import argparse',
      '',
      "parser = argparse.ArgumentParser(epilog='''",
      '  %(prog)s --os-auth-token 6ee5eb33efad4e45ab46806eac010566 \\\\',
      '      --os-storage-url https://10.1.5.2:8080/v1/AUTH_ced809b6a4baea7aeab61a list',
      "''')",
      "AUTH_TOKEN = '6ee5eb33efad4e45ab46806eac010566'",
      '',
    ].join('\n');
    const result = await scanFiles({ 'acmeclient/shell.py': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/generic-secret 4 low', 'exposed-credential/generic-secret 7 medium']);
  });

  it("rates the examples of a command's YAML help in a string low, and the same key set in its code at full severity", async () => {
    const source = [
      'from knack.help_files import helps',
      '',
      "helps['acme db export'] = \"\"\"",
      'type: command',
      'short-summary: Export a database to a bacpac.',
      'examples:',
      '  - name: Export bacpac using a storage account key.',
      '    text: |',
      '        az acme db export -s myserver -n mydatabase -g mygroup \\\\',
      '            --storage-account-key Ay2ZbdxLnD4OJPT29F6jLPkB6KynOzx85YCObhrw==',
      '"""',
      '',
      "STORAGE_ACCOUNT_KEY = 'Ay2ZbdxLnD4OJPT29F6jLPkB6KynOzx85YCObhrw=='",
      '',
    ].join('\n');
    const result = await scanFiles({ 'azext_acme/_help.py': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/generic-secret 10 low', 'exposed-credential/generic-secret 13 medium']);
  });

  it("rates the strings of a module's `examples` metadata low, and the same setting in its code at full severity", async () => {
    const source = [
      'from textwrap import dedent',
      '',
      'meta = {',
      '    "id": "cc_agent",',
      '    "examples": [',
      '        dedent(',
      '            """\\',
      '            agent:',
      '                preshared_key: 342thbjkt82094y0uthhor289jnqthpc2290',
      '            """',
      '        ),',
      '    ],',
      '}',
      '',
      'PRESHARED_KEY = "9vR2mXq7LtK4pWz8NbY3cF6hJd1sG5aE"',
      '',
    ].join('\n');
    const result = await scanFiles({ 'cloudinit/config/cc_agent.py': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/generic-secret 9 low', 'exposed-credential/generic-secret 15 medium']);
  });

  it("rates the EXAMPLES of an Ansible module's YAML documentation low", async () => {
    const doc = [
      'DOCUMENTATION:',
      '  module: user',
      '  short_description: Manage Active Directory users',
      '',
      'EXAMPLES: |',
      '  - name: Create a user',
      '    microsoft.ad.user:',
      '      name: bob',
      '      password: B0bP4ssw0rd',
      '',
      'RETURN: {}',
      '',
    ].join('\n');
    const result = await scanFiles({ 'plugins/modules/user.yml': doc, 'playbooks/users.yml': '- hosts: dc\n  tasks:\n    - microsoft.ad.user:\n        name: bob\n        password: B0bP4ssw0rd\n' });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['playbooks/users.yml:5 medium', 'plugins/modules/user.yml:9 low']);
  });

  it("rates Go package documentation (doc.go) low", async () => {
    const doc = 'Package rescueunrescue rescues servers.\n\nExample:\n\n\trescueOpts := rescueunrescue.RescueOpts{\n\t\tAdminPass: "aUPtawPzE9NU",\n\t}\n\npackage rescueunrescue\n';
    const result = await scanFiles({ 'openstack/compute/v2/extensions/rescueunrescue/doc.go': doc.split('\n').map((line) => (line.startsWith('package') || line === '' ? line : `// ${line}`)).join('\n') });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 6 low']);
  });

  it("rates an Elixir @doc heredoc's doctest low, and the same call in a function body at full severity", async () => {
    const source = [
      'defmodule Billing.Vault do',
      '  @doc """',
      '  Opens the vault with a passphrase.',
      '',
      '      iex> Billing.Vault.open(password: "Qm8vX2pL7nRtKw3z")',
      '      :ok',
      '  """',
      '  def open(opts), do: {:ok, opts}',
      '',
      '  def default, do: open(password: "Vt7qL2wRb9zX4eKp")',
      'end',
      '',
    ].join('\n');
    const result = await scanFiles({ 'lib/billing/vault.ex': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 5 low', 'exposed-credential/hardcoded-password 10 medium']);
  });
});

describe('doc comments', () => {
  it('rates a JSDoc example low, and the same setting in code at full severity', async () => {
    const source = [
      '/**',
      ' * Provides a DocumentDB cluster.',
      ' *',
      ' * ```typescript',
      ' * const docdb = new aws.docdb.Cluster("docdb", {',
      ' *     masterPassword: "Qm8vX2pL7nRtKw3z",',
      ' * });',
      ' * ```',
      ' */',
      'export const cluster = { masterPassword: "Vt7qL2wRb9zX4eKp" };',
      '',
    ].join('\n');
    const result = await scanFiles({ 'docdb/cluster.ts': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 6 low', 'exposed-credential/hardcoded-password 10 medium']);
  });

  it("rates a document's examples low unless the value is in its provider's format, and a runbook's token at its usual severity", async () => {
    const docs = [
      '# Cloudflare DNS',
      '',
      'Here is an example bash command using the Cloudflare provider:',
      '',
      '```bash',
      'CLOUDFLARE_EMAIL=you@example.com \\',
      'CLOUDFLARE_API_KEY=b9841238feb177a84330febba8a83208921177bffe733 \\',
      'lego --dns cloudflare -d example.org run',
      '```',
      '',
      'For example, a Stripe key: `STRIPE_SECRET_KEY=sk_live_51Mq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1`',
      '',
    ].join('\n');
    const runbook = ['# Restoring staging', '', 'Use the account token:', '', '```bash', 'export CLOUDFLARE_API_KEY=b9841238feb177a84330febba8a83208921177bffe733', '```', ''].join('\n');
    const readme = ['# Deploying', '', 'For example, to redeploy from a laptop:', '', '```sh', 'RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c railway up', '```', ''].join('\n');
    const result = await scanFiles({ 'docs/dns/cloudflare.md': docs, 'docs/runbooks/restore.md': runbook, 'README.md': readme });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    // A provider's key known by its name keeps its severity in a README's example: where a team pastes the token it uses.
    // The Cloudflare key beside you@example.com is no key at all: its account's email is a documentation address.
    expect(lines).toEqual(['README.md:6 high', 'docs/dns/cloudflare.md:11 high', 'docs/runbooks/restore.md:6 medium']);
  });
});

describe('comments that document code in other languages', () => {
  it("rates an RDoc example above a method low, and the same call in the method's body at full severity", async () => {
    const source = [
      'module Billing',
      '  # Opens a session with the gateway.',
      '  #',
      "  #   client = Billing.connect(user: 'shop', password: 'Qm8vX2pL7nRtKw3z')",
      '  #',
      '  def self.connect(user:, password:)',
      "    password = 'Vt7qL2wRb9zX4eKp'",
      '  end',
      'end',
      '',
    ].join('\n');
    const result = await scanFiles({ 'lib/billing/client.rb': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 4 low', 'exposed-credential/hardcoded-password 7 medium']);
  });

  it("rates a C block comment's example low, and a string in the code at full severity", async () => {
    const source = [
      '/*',
      '  An Example:',
      '',
      '  CREATE TABLE t1 (id int) ENGINE="FEDERATED"',
      '    CONNECTION="mysql://joe:Qm8vX2pL7nRtKw3z@10.20.1.7:3306/federated/t1";',
      '*/',
      'static const char *fallback = "mysql://app:Vt7qL2wRb9zX4eKp@10.20.1.8:3306/orders";',
      '',
    ].join('\n');
    const result = await scanFiles({ 'storage/federated/ha_federated.cc': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/database-connection-string 5 low', 'exposed-credential/database-connection-string 7 high']);
  });

  it("rates Go and Rust doc comments low", async () => {
    const go = ['package store', '', '// Open connects to the database:', '//', '//\tdb := store.Open("host=db user=app password=Qm8vX2pL7nRtKw3z")', 'func Open(dsn string) *DB { return nil }', ''].join('\n');
    const rust = ['/// Builds a client:', '///', '/// ```', '/// let client = Client::new("svc", "Vt7qL2wRb9zX4eKp");', '/// let api_key = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL";', '/// ```', 'pub fn new() {}', ''].join('\n');
    const result = await scanFiles({ 'internal/store/open.go': go, 'src/client.rs': rust });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 5 low', 'exposed-credential/generic-secret 5 low']);
  });
});

describe('examples in other document formats', () => {
  it('rates an RST literal block its paragraph calls a sample low, and one it does not at full severity', async () => {
    const docs = [
      'Multiple databases',
      '~~~~~~~~~~~~~~~~~~',
      '',
      "Let's consider another sample",
      'configuration. Here are the settings specifying these',
      'databases::',
      '',
      '    DATABASES = {',
      "        'auth_db': {'USER': 'mysql_user', 'PASSWORD': 'Qm8vX2pL7nRtKw3z'},",
      '    }',
      '',
      'The reporting replica::',
      '',
      "    REPORTING = {'PASSWORD': 'Vt7qL2wRb9zX4eKp'}",
      '',
      '>>> s = SessionStore(session_key="Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL")',
      '',
    ].join('\n');
    const result = await scanFiles({ 'docs/topics/db/multi-db.txt': docs });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 9 low', 'exposed-credential/hardcoded-password 14 medium', 'exposed-credential/generic-secret 16 low']);
  });

  it("rates an RST code-block the paragraph before it calls an example low, past the blank line a directive needs", async () => {
    const docs = [
      'Configuring the repository',
      '--------------------------',
      '',
      'The next commands set environment variables that hold sensitive information,',
      'such as the repository password. Adjust them to your own values.',
      'Keep them out of your shell history: unset HISTFILE first,',
      'or start the line with a space where the shell is set to',
      'ignore such lines.',
      '',
      '.. code-block:: console',
      '',
      '   $ export RESTIC_PASSWORD="Qm8vX2pL7nRtKw3zVt7qL2wRb9zX4eKp"',
      '',
      'Then initialise it.',
      '',
      '.. code-block:: console',
      '',
      '   $ export RESTIC_PASSWORD="Vt7qL2wRb9zX4eKpQm8vX2pL7nRtKw3z"',
      '',
    ].join('\n');
    const result = await scanFiles({ 'doc/080_examples.rst': docs });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 12 low', 'exposed-credential/hardcoded-password 18 medium']);
  });

  it("rates an AWS key pair in a docs tree's example once: the secret key keeps the severity of the key id in AWS's format beside it", async () => {
    const docs = [
      'Initializing the repository',
      '===========================',
      '',
      'The configuration will be placed into environment variables. This will',
      'include sensitive information, such as your AWS secret. Adjust the contents',
      "of the environment variables to fit your bucket's name, region, and your",
      "user's API credentials, as in the example below.",
      '',
      '.. code-block:: console',
      '',
      '   $ export RESTIC_REPOSITORY="s3:https://s3.amazonaws.com/restic-demo"',
      '   $ export AWS_ACCESS_KEY_ID="AKIAQX4KJ2MZ7HTLD5PW"',
      '   $ export AWS_SECRET_ACCESS_KEY="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"',
      '',
      'After the environment is set up, restic may be called to initialize the',
      'repository. It prints the id of the new repository and reminds you that',
      'the password cannot be recovered once it is lost.',
      '',
      'Other backends read the same variables. For a bucket of another account,',
      'export its secret key the same way: adjust the value to your own, as in',
      'the example below.',
      '',
      '.. code-block:: console',
      '',
      '   $ export AWS_SECRET_ACCESS_KEY="Vt7qL2wRb9zX4eKpQm8vX2pL7nRtKw3zVt7qL2wR"',
      '',
    ].join('\n');
    const result = await scanFiles({ 'doc/080_examples.rst': docs });
    expect(severities(result, 'exposed-credential/aws')).toEqual(['exposed-credential/aws-access-key-id 12 high', 'exposed-credential/aws-secret-access-key 13 high', 'exposed-credential/aws-secret-access-key 25 low']);
  });

  it("rates a docs page's session with a local server and a block of default values low, and a runbook's request to a remote host at full severity", async () => {
    const guide = [
      '# gRPC gateway',
      '',
      'Authenticate with etcd for an authentication token:',
      '',
      '```bash',
      'curl -L http://localhost:2379/v3/auth/authenticate \\',
      '  -X POST -d \'{"name": "root", "password": "pass"}\'',
      '# {"header":{"revision":"1"},"token":"sssvIpwfnLAcWAQH.9"}',
      '```',
      '',
      'It also uses conditions to fetch host specified values, or set default values.',
      '',
      '```',
      'if (config.mysql_health_password) {',
      '  vars.mysql_health_password = config.mysql_health_password',
      '} else {',
      '  vars.mysql_health_password = "icingar0xx"',
      '}',
      '```',
      '',
    ].join('\n');
    const runbook = ['# Rotating', '', 'Authenticate:', '', '```bash', "curl -H 'Authorization: sssvIpwfnLAcWAQH.9' https://etcd.acme-prod.internal:2379/v3/kv/put", '```', ''].join('\n');
    // Outside a docs site, "default values" may be a deployment's own.
    const readme = ['# Billing', '', 'These are the default values of our deployment:', '', '```', 'BILLING_DB_PASSWORD=Hq7vN2xL9pRtWz4k', '```', ''].join('\n');
    const result = await scanFiles({ 'Documentation/dev-guide/api_grpc_gateway.md': guide, 'docs/runbook.md': runbook, 'README.md': readme });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/') || finding.ruleId.startsWith('root-scoped-token/'))
      .map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual([
      'exposed-credential/generic-secret Documentation/dev-guide/api_grpc_gateway.md:8 low',
      'exposed-credential/generic-secret docs/runbook.md:6 medium',
      'exposed-credential/hardcoded-password Documentation/dev-guide/api_grpc_gateway.md:17 low',
      'exposed-credential/hardcoded-password README.md:6 medium',
    ]);
  });

  it("rates a documentation build's cache of command output low", async () => {
    const cache = ['{', '  "exe": {', '    "cat /etc/pgbackrest/pgbackrest.conf": {', '      "output": [', '        "[global]",', '        "repo1-cipher-pass=zWaf6XtpjIVZC5444yXB+cgFDFl7MxGlgkZSaoPvTGirhPygu4jOKOXf9LO4vjfO",', '        "repo1-cipher-type=aes-256-cbc"', '      ]', '    }', '  }', '}', ''].join('\n');
    const result = await scanFiles({ 'doc/resource/exe.cache': cache, 'ops/exe.cache': cache });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['doc/resource/exe.cache:6 low', 'ops/exe.cache:6 medium']);
  });

  it("rates a manual page's example display and a documentation page's example element low", async () => {
    const manual = [
      '.TH MYSQLD_MULTI 1',
      '.PP',
      'The following example shows how you might set up an option file for use with',
      '\\fBmysqld_multi\\fR\\&.',
      '.sp',
      '.nf',
      '[mysqld_multi]',
      'user       = multi_admin',
      'password   = Qm8vX2pL7nRtKw3z',
      '.fi',
      '',
    ].join('\n');
    const page = [
      '<section name="Configuring">',
      '  <p>For example, open <code>conf/tomcat-users.xml</code> and enter the following:</p>',
      '  <source><![CDATA[<user username="deploy" password="Vt7qL2wRb9zX4eKp" roles="manager-script"/>]]></source>',
      '</section>',
      '',
    ].join('\n');
    const result = await scanFiles({ 'man/mysqld_multi.1': manual, 'webapps/docs/manager-howto.xml': page });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['man/mysqld_multi.1:9 low', 'webapps/docs/manager-howto.xml:3 low']);
  });

  it("rates a URL's password in a document's example low, and in a runbook's command at full severity", async () => {
    const docs = ['# Authentication', '', 'As an example, for a user `user` with password `he//o`, the URL would look', 'like:', '', '```', 'https://user:Qm8vX2pL7nRtKw3z@pypi.company.com/simple', '```', ''].join('\n');
    const runbook = ['# Restoring a booking', '', 'Connect to the primary:', '', '```sh', 'psql "postgres://rentwheels_app:N8vq2Lx7Rt4m@rentwheels-db.c9xk2lq0abcd.eu-west-1.rds.amazonaws.com:5432/rentwheels"', '```', ''].join('\n');
    const result = await scanFiles({ 'docs/html/topics/authentication.md': docs, 'docs/runbook.md': runbook });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['docs/html/topics/authentication.md:7 low', 'docs/runbook.md:6 high']);
  });
});

describe('examples that run over several blocks, or a whole section', () => {
  it("continues a docs page's example into the blocks that follow it with no prose between, and lowers the page's sample key; a key the page introduces as its own stays high", async () => {
    const page = [
      '<p>',
      'Example (separate files for each key and corresponding certificate chain):',
      '</p>',
      '<blockquote>',
      '<pre>',
      '/etc/postfix/main.cf:',
      '    smtp_tls_chain_files = ${config_directory}/ed25519.pem',
      '</pre>',
      '</blockquote>',
      '',
      '<blockquote>',
      '<pre>',
      '/etc/postfix/ed25519.pem:',
      '    -----BEGIN PRIVATE KEY-----',
      '    MC4CAQAwBQYDK2VwBCIEIPEQxU94xo1Uw+BqEfPcyyprqzfw3Gy1JaW+m3bOfXhb',
      '    -----END PRIVATE KEY-----',
      '</pre>',
      '</blockquote>',
      '<p>The relay signs with this key:</p>',
      '<pre>',
      '    -----BEGIN PRIVATE KEY-----',
      '    MC4CAQAwBQYDK2VwBCIEIB2MsFnUXXVTpAqFa7h3J23D+SMkdiaRSJ4LLYoLmIYZ',
      '    -----END PRIVATE KEY-----',
      '</pre>',
      '',
    ].join('\n');
    // Outside a docs site (a README), a key in an example keeps its severity: it is in its own format.
    const readme = ['# Relay', '', 'For example:', '', '```', '-----BEGIN PRIVATE KEY-----', 'MC4CAQAwBQYDK2VwBCIEIPEQxU94xo1Uw+BqEfPcyyprqzfw3Gy1JaW+m3bOfXhb', '-----END PRIVATE KEY-----', '```', ''].join('\n');
    const result = await scanFiles({ 'doc/html/postconf.5.html': page, 'README.md': readme });
    const lines = result.findings
      .filter((finding) => finding.ruleId === 'exposed-credential/private-key')
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['README.md:6 high', 'doc/html/postconf.5.html:14 low', 'doc/html/postconf.5.html:21 high']);
  });

  it('rates the blocks under an example heading, or a block whose first comment says it is an example, low; the next heading ends the section', async () => {
    const readme = [
      'Example Playbook',
      '----------------',
      '```',
      '- hosts: localhost',
      '  roles:',
      '  - na_ontap_cluster_config',
      '```',
      '',
      'I use a globals file to hold my variables.',
      '```',
      'netapp_username: admin',
      'netapp_password: Nq4vL8mXr2KpZ7wT',
      '```',
      '',
      '## Role usage',
      '',
      'Create a playbook that contains the variables this role needs:',
      '',
      '```yaml',
      '# playbooks/personas_deployment.yml',
      '# Example for a small deployment',
      '- hosts: localhost',
      '  vars:',
      '    ise_password: Qm8vX2pL7nRtKw3z',
      '```',
      '',
      '## Operations',
      '',
      'The cluster we run:',
      '',
      '```yaml',
      '# production',
      'ise_password: Hq7vN2xL9pRtWz4k',
      '```',
      '',
    ].join('\n');
    const result = await scanFiles({ 'roles/cluster_config/README.md': readme });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/hardcoded-password 12 low', 'exposed-credential/hardcoded-password 24 low', 'exposed-credential/hardcoded-password 33 medium']);
  });
});

describe('examples a bold line introduces, and a template documents', () => {
  it("rates an indented block under a bold 'Sample' line low until the next bold line, and a Jinja template's documenting comment low", async () => {
    const readme = [
      'Users role',
      '==========',
      '',
      '**Sample host_vars/switch1**',
      '',
      '    os6_users:',
      '      - username: u1',
      '        password: Qm8vX2pL7nRtKw3z',
      '',
      '**Run**',
      '',
      '    ansible_ssh_pass: Vt7qL2wRb9zX4eKp',
      '',
    ].join('\n');
    const template = [
      '#jinja2: trim_blocks: True',
      '{#############################################',
      'Purpose:',
      'Configure snmp users',
      '      authentication:',
      '        password: 9fc53d9d908118b2804fe80e3ba8763d',
      '###############################################}',
      'snmp-server user admin auth md5 {{ item.password }}',
      'snmp-server community Hq7vN2xL9pRtWz4k',
      'password: Hq7vN2xL9pRtWz4k',
      '',
    ].join('\n');
    const result = await scanFiles({ 'roles/os6_users/README.md': readme, 'roles/os10_snmp/templates/os10_snmp.j2': template });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['roles/os10_snmp/templates/os10_snmp.j2:10 medium', 'roles/os10_snmp/templates/os10_snmp.j2:6 low', 'roles/os6_users/README.md:12 medium', 'roles/os6_users/README.md:8 low']);
  });
});

describe('API descriptions', () => {
  it("rates an OpenAPI example's values low, and a value outside any example at full severity", async () => {
    const spec = [
      'swagger: "2.0"',
      'paths:',
      '  /swarm/join:',
      '    post:',
      '      parameters:',
      '        - name: "body"',
      '          schema:',
      '            example:',
      '              ListenAddr: "0.0.0.0:2377"',
      '              JoinToken: "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-7p73s1dx5in4tatdymyhg9hu2"',
      'x-deploy:',
      '  api_token: "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"',
      '',
    ].join('\n');
    const json = ['{', '  "openapi": "3.0.1",', '  "paths": { "/login": { "post": { "requestBody": { "content": { "application/json": {', '    "example": {', '      "username": "jane",', '      "password": "Qm8vX2pL7nRtKw3z"', '    }', '  } } } } } }', '}', ''].join('\n');
    const result = await scanFiles({ 'api/swagger.yaml': spec, 'api/openapi.json': json });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['api/openapi.json:6 low', 'api/swagger.yaml:10 low', 'api/swagger.yaml:12 medium']);
  });
});

describe('values a file itself calls examples', () => {
  it("rates a JSON Schema's description prose low, and the same header in a config at full severity", async () => {
    const schema = [
      '{',
      '  "$schema": "http://json-schema.org/draft-07/schema#",',
      '  "type": "object",',
      '  "properties": {',
      '    "token": {',
      '      "type": "string",',
      '      "description": "Callers pass it along verbatim in the Authorization header:\\n\\n``` Authorization: Bearer eZv5o+fW3KnR3kVabMW4ZcDNLPl8nmMW ```"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const config = ['upstream:', '  headers:', '    Authorization: "Bearer eZv5o+fW3KnR3kVabMW4ZcDNLPl8nmMW"', ''].join('\n');
    const result = await scanFiles({ 'config.schema.json': schema, 'deploy/gateway.yaml': config });
    const lines = result.findings
      .filter((finding) => finding.ruleId.startsWith('exposed-credential/'))
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['config.schema.json:7 low', 'deploy/gateway.yaml:3 medium']);
  });

  it('rates a token a form hint leads with "e.g." low, whatever its format, and the same token set in code at full severity', async () => {
    const source = [
      'export const vaultProperties = [',
      "  { displayName: 'Token', name: 'token', type: 'string', placeholder: 'e.g. hvs.2OCsZxZA6Z9lChbt0janOOZI' },",
      '];',
      "export const client = new Vault({ token: 'hvs.2OCsZxZA6Z9lChbt0janOOZI' });",
      '',
    ].join('\n');
    const result = await scanFiles({ 'src/providers/vault.ts': source });
    expect(severities(result, 'exposed-credential/')).toEqual(['exposed-credential/vault-token 2 low', 'exposed-credential/vault-token 4 high']);
  });

  it('rates a connection URL a sentence leads with "e.g." low, and the same URL in a runbook at full severity', async () => {
    const page = "In production you'll probably be given a connection URL (e.g. `mysql://lkjdsf4:kw8sd3Lq@us-west-2.64-8.amazonaws.com:3306/4e843g`).\n";
    const runbook = 'Connect to the production database with `mysql://lkjdsf4:kw8sd3Lq@us-west-2.64-8.amazonaws.com:3306/4e843g`.\n';
    const result = await scanFiles({ 'docs/reference/datastores.md': page, 'ops/runbook.md': runbook });
    const lines = result.findings
      .filter((finding) => finding.ruleId === 'exposed-credential/database-connection-string')
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['docs/reference/datastores.md:1 low', 'ops/runbook.md:1 high']);
  });

  it("rates a README block that addresses a documentation domain low, and the same block against a real host at full severity", async () => {
    const block = (host: string) =>
      ['```yaml', '- name: Manage hosts with an authentication key', `  hosts: ${host}`, '  vars:', '    ansible_connection: httpapi', '    ansible_httpapi_port: 80', '    ansible_zabbix_auth_key: 8ec0d52432c15c91fcafe9888500cf9a607f44091ab554dbee860f6b44fac895', '```', ''].join('\n');
    const readme = ['# Zabbix collection', '', "Or include the collection name in the playbook's `collections` element, like this:", '', block('zabbix.example.net')].join('\n');
    const runbook = ['# Monitoring', '', 'The playbook we run nightly:', '', block('zabbix.acme-internal.io')].join('\n');
    const result = await scanFiles({ 'README.md': readme, 'ops/monitoring.md': runbook });
    const lines = result.findings
      .filter((finding) => finding.ruleId === 'exposed-credential/generic-secret')
      .map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`)
      .sort();
    expect(lines).toEqual(['README.md:11 low', 'ops/monitoring.md:11 medium']);
  });

  it('rates a page\'s block introduced as "something like" a command\'s output low', async () => {
    const page = [
      '# Create a service principal',
      '',
      'This will yield something like:',
      '',
      '```json',
      '{',
      '  "appId": "19f7b7c1-fc4e-4c92-8aaf-21fffc93b4c9",',
      '  "password": "48d82644-00f2-4e64-80c5-65192f9bb2d0",',
      '  "tenant": "16f63fe8-17db-476f-b2b3-ba3752a03a33"',
      '}',
      '```',
      '',
    ].join('\n');
    const result = await scanFiles({ 'docs/providers/azure/credentials.md': page });
    expect(severities(result, 'exposed-credential/hardcoded-password')).toEqual(['exposed-credential/hardcoded-password 8 low']);
  });
});
