// A committed Terraform state holding a production RDS instance, shared by the destructive-setting rules' samples.
import { sample, type Sample } from '../../../src/model.js';

/** `terraform.tfstate` (format 4) with one RDS instance applied with these attribute values. */
export function rdsState(settings: { deletion_protection: boolean; skip_final_snapshot: boolean }): string {
  return `{
  "version": 4,
  "terraform_version": "1.6.6",
  "serial": 42,
  "lineage": "7d9c3c55-1c3e-2b7e-9a41-6b0f3b1f2a11",
  "outputs": {},
  "resources": [
    {
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "orders",
      "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
      "instances": [
        {
          "schema_version": 2,
          "attributes": {
            "address": "orders-prod.c8xk2lq9w1ab.eu-west-1.rds.amazonaws.com",
            "allocated_storage": 100,
            "arn": "arn:aws:rds:eu-west-1:482915730216:db:orders-prod",
            "backup_retention_period": 7,
            "delete_automated_backups": false,
            "deletion_protection": ${settings.deletion_protection},
            "engine": "postgres",
            "final_snapshot_identifier": ${settings.skip_final_snapshot ? 'null' : '"orders-prod-final"'},
            "identifier": "orders-prod",
            "instance_class": "db.t4g.large",
            "skip_final_snapshot": ${settings.skip_final_snapshot},
            "tags": { "Environment": "production" }
          },
          "sensitive_attributes": []
        }
      ]
    }
  ],
  "check_results": null
}
`;
}

const UNPROTECTED = rdsState({ deletion_protection: false, skip_final_snapshot: true });
const PROTECTED = rdsState({ deletion_protection: true, skip_final_snapshot: false });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

export const STATE_DELETION_PROTECTION_OFF: Sample = sample('infra/terraform.tfstate', UNPROTECTED, {
  expect: { line: lineOf(UNPROTECTED, '"deletion_protection"') },
  note: 'a committed Terraform state: the RDS instance was applied with deletion protection off',
});
export const STATE_SKIP_FINAL_SNAPSHOT: Sample = sample('infra/terraform.tfstate', UNPROTECTED, {
  expect: { line: lineOf(UNPROTECTED, '"skip_final_snapshot"') },
  note: 'a committed Terraform state: the RDS instance was applied skipping its final snapshot',
});
export const STATE_PROTECTED: Sample = sample('infra/terraform.tfstate', PROTECTED, { note: 'a committed Terraform state of an instance applied with deletion protection and a final snapshot' });
export const STATE_NO_LIFECYCLE: Sample = sample('infra/terraform.tfstate', PROTECTED, { note: 'a state never holds `lifecycle`: its absence there says nothing' });
