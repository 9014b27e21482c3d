// Terragrunt: each `terragrunt.hcl` under `live/<env>/` deploys a Terraform module (`terraform { source = … }`) with
// the `inputs` it sets, as a module block would: the module's stores are that environment's, named by those inputs.
import { directoryOf, environmentOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { joinPath } from './terraform.js';

export function isTerragrunt(path: string): boolean {
  return /(^|\/)terragrunt\.hcl$/i.test(path);
}

export function scanTerragrunt(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const terraform = mapOf(root?.entries.find((entry) => entry.key === 'terraform' && entry.value.kind === 'map')?.value);
  const sourceNode = terraform?.entries.find((entry) => entry.key === 'source')?.value;
  // A local module only (`../../modules//storage`, `//` marking the module inside a package); a registry or git source
  // is code the repository does not hold.
  const source = literalOf(sourceNode)?.replace(/\?.*$/, '');
  if (!root || !terraform || !source || !/^\.\.?\//.test(source)) return;
  const directory = directoryOf(inventory.path);
  const callee = joinPath(directory, source.replace('//', '/'));
  const call = inventory.line(terraform.span.line);
  inventory.context({ kind: 'terraform-module-call', directory: callee, name: `${directory}:terragrunt`, value: environmentOf(inventory.path, []) ?? '', location: call });
  const inputs = mapOf(root.entries.find((entry) => entry.key === 'inputs')?.value);
  for (const input of inputs?.entries ?? []) {
    const value = literalOf(input.value);
    if (value !== undefined) inventory.context({ kind: 'terraform-module-input', directory: callee, name: input.key, value, location: call });
  }
}
