// agent-permission/mcp-inline-credential: an MCP server configured with a literal credential (env, header, argument, URL).
import { sample, type RuleMeta } from '../../../src/model.js';

export const mcpInlineCredential: RuleMeta = {
  id: 'agent-permission/mcp-inline-credential',
  title: 'MCP server configured with a literal credential',
  severity: 'high',
  why:
    'An MCP server entry in a repository file (.mcp.json, .cursor/mcp.json, .vscode/mcp.json, .gemini/settings.json...) ' +
    'carries a token, API key or database password as a literal. The agent holds that credential at tool level: every tool ' +
    'of the server acts with its full scope, whoever or whatever is driving the agent, and the file is in every clone.',
  fix:
    'Reference the secret instead of writing it (`${VAR}` in .mcp.json, `${env:VAR}` in Cursor and Roo, `${input:id}` with ' +
    '`"password": true` in VS Code, `env_vars`/`bearer_token_env_var` in Codex), rotate the one that was committed, and ' +
    'prefer a scoped, read-only token for the server.',
  helpUri: 'https://code.visualstudio.com/docs/copilot/reference/mcp-configuration',
  precision: 'high',
  tags: ['agent', 'mcp', 'secrets', 'owasp-mcp01'],
  samples: {
    positive: [
      sample('.github/agents/db-fixer.agent.md', '---\nname: db-fixer\ndescription: Fixes data issues in the production database\ntools: ["*"]\nmcp-servers:\n  neon:\n    type: local\n    command: npx\n    args: ["-y", "@neondatabase/mcp-server-neon", "start", "napi_7h3k9m2p5r8t1v4x7z0b3d6f9h2k5m8p1r4t7v0x3z6b9d2f5h8k1m4p7r0t3v6x"]\n---\nYou fix data problems.\n', { expect: { line: 9 }, note: "a Copilot custom agent's profile declaring an MCP server" }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "github": {\n      "command": "bash",\n      "args": ["-c", "GITHUB_PERSONAL_ACCESS_TOKEN=ghp_R7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4p npx -y @modelcontextprotocol/server-github"]\n    }\n  }\n}\n', { expect: { line: 5 }, note: 'the variable set inside a shell command' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-github"],\n      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN:-ghp_R7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4p}" }\n    }\n  }\n}\n', { expect: { line: 6 }, note: 'a shell default: the literal is what the server gets when the variable is unset' }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "context7": {\n      "command": "npx",\n      "args": ["-y", "@smithery/cli@latest", "run", "@upstash/context7-mcp", "--key", "6f1c2e3a-9b4d-4c8e-a7f2-1d3e5b7c9a0f"]\n    }\n  }\n}\n', { expect: { line: 5 }, note: "Smithery's key, as its installer writes it" }),
      sample('.gemini/settings.json', '{\n  "mcpServers": {\n    "bookings-db": {\n      "command": "npx",\n      "args": ["-y", "@benborla29/mcp-server-mysql"],\n      "env": { "MYSQL_USER": "forge", "MYSQL_PASS": "lUt7qx1dSBT7njrqqiI9Rsj1V0TGrLz5v2myY7Cp" }\n    }\n  }\n}\n', { expect: { line: 6 }, note: 'a random password that happens to hold "my" after a digit' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "exa": { "type": "http", "url": "https://mcp.exa.ai/mcp?exaApiKey=3f9e1c7a-5b2d-4e8f-9a6c-1d3b5f7e9a2c" },\n    "firecrawl": { "type": "sse", "url": "https://mcp.firecrawl.dev/fc-9f8e7d6c5b4a39281706f5e4d3c2b1a0/sse" }\n  }\n}\n', { expect: { line: 3 }, note: "remote servers' own key parameters, and a key in the path" }),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@supabase/mcp-server-supabase@latest",\n        "--access-token",\n        "sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345"\n      ]\n    }\n  }\n}\n',
        { expect: { line: 9 } },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "github": {\n      "command": "docker",\n      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],\n      "env": {\n        "GITHUB_PERSONAL_ACCESS_TOKEN": "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"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 } },
      ),
      sample(
        '.vscode/mcp.json',
        '{\n  "servers": {\n    "linear": {\n      "type": "http",\n      "url": "https://mcp.linear.app/mcp",\n      "headers": {\n        "Authorization": "Bearer lin_api_Qm4x8Rt2Vw6Yz0Bc3De7Fg1Hj5Kl9Np2Rs6Tu0V"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 } },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "github": {\n      "command": "docker",\n      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=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", "ghcr.io/github/github-mcp-server"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: 'a variable set on docker\'s command line' },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "tools": {\n      "command": "npx",\n      "args": ["-y", "mcp-remote", "https://mcp.acme-tools.io/sse?api_key=k7Hq2mZp9XvB4nRt6YwLs8Jd3FgC5aUe"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: 'a remote server\'s URL handed to a bridge' },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "notion": {\n      "command": "npx",\n      "args": ["-y", "@notionhq/notion-mcp-server"],\n      "env": {\n        "OPENAPI_MCP_HEADERS": "{\\"Authorization\\": \\"Bearer ntn_2491750376818Wq3kYbXvZcPdLfRtGhJmNsA9eUi4oB\\", \\"Notion-Version\\": \\"2022-06-28\\" }"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 }, note: "Notion's documented headers variable" },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "neon": {\n      "command": "npx",\n      "args": ["-y", "@neondatabase/mcp-server-neon", "start", "q8Zr2Lk5Vn7Xb3Mt9Pw4Hs6Jd1Fg0Ca2Ye5Uo8Ri3"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: 'an API key given by position' },
      ),
      sample(
        '.vscode/settings.json',
        '{\n  "editor.formatOnSave": true,\n  "mcp": {\n    "servers": {\n      "supabase": {\n        "command": "npx",\n        "args": ["-y", "@supabase/mcp-server-supabase@latest"],\n        "env": { "SUPABASE_ACCESS_TOKEN": "sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345" }\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: "servers in VS Code's settings" },
      ),
      sample(
        '.claude.json',
        '{\n  "projects": {\n    "/home/dev/acme": {\n      "mcpServers": {\n        "railway": {\n          "command": "npx",\n          "args": ["-y", "@jasontanswe/railway-mcp"],\n          "env": { "RAILWAY_API_TOKEN": "f407d303-66a0-4240-a2f6-d2c624511848" }\n        }\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: "a user's Claude Code state, committed: servers per project" },
      ),
      sample(
        '.continue/config.yaml',
        'name: acme\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: Supabase\n    command: npx\n    args: ["-y", "@supabase/mcp-server-supabase@latest"]\n    env:\n      SUPABASE_ACCESS_TOKEN: sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345\n',
        { expect: { line: 9 }, note: "servers in Continue's main config" },
      ),
      sample('config.toml', '[core]\nruntime = "docker"\n\n[mcp]\nstdio_servers = [\n  {name = "github", command = "npx", args = ["-y", "@modelcontextprotocol/server-github"], env = {GITHUB_PERSONAL_ACCESS_TOKEN = "ghp_R8mQ2vX7kL9pN4tW6yZ1aB3cD5eF7gH9jK2m"}},\n]\n', { expect: { line: 6 }, note: "an OpenHands config.toml's stdio MCP server" }),
      sample('.config/goose/config.yaml', 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\nextensions:\n  developer:\n    enabled: true\n    name: developer\n    type: builtin\n  github:\n    enabled: true\n    name: github\n    type: stdio\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github"]\n    envs:\n      GITHUB_PERSONAL_ACCESS_TOKEN: ghp_R8mQ2vX7kL9pN4tW6yZ1aB3cD5eF7gH9jK2m\n    timeout: 300\n', { expect: { line: 15 }, note: "a goose extension (an MCP server) in goose's committed configuration" }),
    ],
    negative: [
      sample('.config/goose/config.yaml', 'GOOSE_PROVIDER: anthropic\nextensions:\n  github:\n    enabled: true\n    name: github\n    type: stdio\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github"]\n    env_keys: [GITHUB_PERSONAL_ACCESS_TOKEN]\n    timeout: 300\n', { note: 'the extension names the variable; goose takes its value from the keyring' }),
      sample('config.toml', '[core]\nruntime = "docker"\n\n[mcp]\nstdio_servers = [\n  {name = "fetch", command = "uvx", args = ["mcp-server-fetch"], env = {DEBUG = "true"}},\n]\n', { note: 'no credential in the server entry' }),
      sample('.github/agents/db-fixer.agent.md', '---\nname: db-fixer\ndescription: Fixes data issues\nmcp-servers:\n  neon:\n    type: local\n    command: npx\n    args: ["-y", "@neondatabase/mcp-server-neon", "start", "$COPILOT_MCP_NEON_API_KEY"]\n---\nYou fix data problems.\n', { note: "the key comes from the repository's Copilot environment" }),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=abcdefghijklmnopqrst"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n',
      ),
      sample(
        '.vscode/mcp.json',
        '{\n  "inputs": [\n    { "type": "promptString", "id": "github-token", "description": "GitHub PAT", "password": true }\n  ],\n  "servers": {\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/",\n      "headers": { "Authorization": "Bearer ${input:github-token}" }\n    }\n  }\n}\n',
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "stripe": {\n      "command": "npx",\n      "args": ["-y", "@stripe/mcp", "--tools=all", "--api-key=YOUR_STRIPE_SECRET_KEY"]\n    },\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://postgres:postgres@localhost:5432/app_dev"]\n    }\n  }\n}\n',
        { note: 'a documentation placeholder and a local development database' },
      ),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "orders": {\n      "command": "node",\n      "args": ["tools/orders-mcp.js"],\n      "env": {\n        "DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf",\n        "GOOGLE_APPLICATION_CREDENTIALS": "keys/bigquery-reader-sa.json",\n        "SSH_PRIVATE_KEY_PATH": "deploy/keys/id_ed25519",\n        "AUTH_TYPE": "oauth2_client_credentials",\n        "TOKEN_AUDIENCE": "api-gateway-v2-internal",\n        "AUTH0_DOMAIN": "acme-prod.us.auth0.com",\n        "OAUTH_CLIENT_ID": "1048573920-q3vb8k2l1m.apps.googleusercontent.com"\n      }\n    }\n  }\n}\n',
        { note: 'secret-sounding names whose values are addresses, paths, hosts and settings' },
      ),
    ],
  },
};
