// agent-permission/mcp-filesystem-outside-repo: a filesystem MCP server given the whole disk or the home directory,
// where the user's cloud credentials and SSH keys live.
import { sample, type RuleMeta } from '../../../src/model.js';

export const mcpFilesystemOutsideRepo: RuleMeta = {
  id: 'agent-permission/mcp-filesystem-outside-repo',
  title: 'Filesystem MCP server reaching beyond the repository',
  severity: 'high',
  why:
    'A filesystem MCP server is given `/` or the home directory as an allowed directory. Through its read and write tools the ' +
    'agent reaches every file the user can: `~/.aws/credentials`, `~/.config/gcloud`, `~/.kube/config`, `~/.ssh`, other ' +
    'projects\' `.env` files. No ignore file or deny rule in the repository covers what lies outside it.',
  fix: 'Give the server the project directory only (`.` or `${workspaceFolder}`), and list further directories one by one.',
  help: "Reported high for the disk's root or the home directory, medium for other directories outside the project (another of the user's folders, the parent directory).",
  helpUri: 'https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem',
  precision: 'high',
  tags: ['agent', 'mcp', 'credentials'],
  samples: {
    positive: [
      sample('.mcp.json', '{\n  "mcpServers": {\n    "desktop-commander": {\n      "command": "npx",\n      "args": ["-y", "@wonderwhy-er/desktop-commander"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'a terminal and the whole disk' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the whole disk' }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "files": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "${workspaceFolder}", "~"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the home directory beside the project' }),
      sample('claude_desktop_config.json', '{\n  "mcpServers": {\n    "filesystem": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/alice/Desktop", "/Users/alice/Downloads"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: "the server README's own example: other folders of the user's (reported medium)" }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", ".."]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the parent directory, every sibling project in it' }),
    ],
    negative: [
      sample('.mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", ".", "./docs"]\n    }\n  }\n}\n', { note: 'the project only' }),
      sample('.devcontainer/mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspaces/acme-api"]\n    }\n  }\n}\n', { note: "a dev container's checkout of the project" }),
    ],
  },
};
