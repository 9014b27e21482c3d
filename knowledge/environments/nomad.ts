// Nomad job files, read by the staging detector (each job's environment) and the backup detector (its database
// tasks and dump jobs) alike: `*.nomad`, `*.nomad.hcl`, and HCL files under `nomad/` or `jobs/`.
export function isNomadJob(path: string): boolean {
  return /\.nomad(\.hcl)?$/i.test(path) || /(^|\/)(nomad|jobs)\/[^/]+\.hcl$/i.test(path);
}
