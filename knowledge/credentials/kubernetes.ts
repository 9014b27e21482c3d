// Kubernetes: kubeconfig users (a client key, token or password whose reach is the identity's RBAC: an admin
// certificate in system:masters is the whole cluster) and service-account tokens (JWTs whose claims name the
// account), including Secrets of type kubernetes.io/service-account-token committed with their token.
import { sample } from '../../src/model.js';
import { certificateSubject, narrowingWord } from './signals.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { decodeBase64Text, decodeJwt, isPlaceholder, looksRandom } from './values.js';

// Sample material, generated for these samples: EC certificates and keys that never belonged to a cluster, and
// service-account JWTs with random signatures.
const CA_CERT =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJmakNDQVNXZ0F3SUJBZ0lVU1JCazlUczF5YkRqU1FyRmRvN1poQzhsak1jd0NnWUlLb1pJemowRUF3SXcKRlRFVE1CRUdBMVVFQXd3S2EzVmlaWEp1WlhSbGN6QWVGdzB5TmpFeE1qVXdPVE0wTWpSYUZ3MHpOakV4TWpJdwpPVE0wTWpSYU1CVXhFekFSQmdOVkJBTU1DbXQxWW1WeWJtVjBaWE13V1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPClBRTUJCd05DQUFUR0tmZk0vVytWRGVGS0Y3ZUJRM2lmdEczdGJrdWF2M2w0emVzeTJFcFFSMWhlV1dNQWROMDkKVThLOTE5V0JMN2FLNldvNjJCeDJZcC84bllERERYMXhvMU13VVRBZEJnTlZIUTRFRmdRVWsyYUMxMlIyNmUrYwpXQ1Nlc24xTTU0U3JmRnd3SHdZRFZSMGpCQmd3Rm9BVWsyYUMxMlIyNmUrY1dDU2VzbjFNNTRTcmZGd3dEd1lEClZSMFRBUUgvQkFVd0F3RUIvekFLQmdncWhrak9QUVFEQWdOSEFEQkVBaUFpVHNuZTNQS0V3NThvTWpTY3ozaDQKMUZJNWxUTVl5emVweUZQSzVraU93QUlnUkZLMlhmU0FBdHd0REdLZWh4TXhodEhJYXN3SzBMNWZyMXVyTUlrSgpEdTA9Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const ADMIN_CERT =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ2RENDQVdPZ0F3SUJBZ0lVS2ZSV09HWVF0WkZFVDZEWnVsV0hjcERzQ3Fnd0NnWUlLb1pJemowRUF3SXcKTkRFWE1CVUdBMVVFQ2d3T2MzbHpkR1Z0T20xaGMzUmxjbk14R1RBWEJnTlZCQU1NRUd0MVltVnlibVYwWlhNdApZV1J0YVc0d0hoY05Nall4TVRJMU1Ea3pNek01V2hjTk16WXhNVEl5TURrek16TTVXakEwTVJjd0ZRWURWUVFLCkRBNXplWE4wWlcwNmJXRnpkR1Z5Y3pFWk1CY0dBMVVFQXd3UWEzVmlaWEp1WlhSbGN5MWhaRzFwYmpCWk1CTUcKQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJEM0s1Q1k4YWtOTklnV0t0b1E4NWFxQWM3RHFrcllaVWRZVgplczAwMDJCTmZpc2c5S3l1eU5NRzVNd1Vlc0tPNFRVQjdWU0NzMEFqMzVaaDFnUmV6bEdqVXpCUk1CMEdBMVVkCkRnUVdCQlJEaGZCU1I4WngxVWIyRFpSVHFzcDBXWUtWQXpBZkJnTlZIU01FR0RBV2dCUkRoZkJTUjhaeDFVYjIKRFpSVHFzcDBXWUtWQXpBUEJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0EwY0FNRVFDSUR0UAplQkk5d2ZLdDlUYVNvdzBlZEpORFNCY25RSURXL1VzQU9xU0h1dWRqQWlCMGFoWkprS2FXZWRLNzNiQ2dhbkV1Cnp2VFpLWDVQTHV3eC93cTA4dVErZHc9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==';
const ADMIN_KEY =
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ3ZOREx1eDJqNnRhRXd6NTIKeVdHQU9UNGhGS3ZmQlF5ZUE3amh1enpOZUR1aFJBTkNBQVE5eXVRbVBHcERUU0lGaXJhRVBPV3FnSE93NnBLMgpHVkhXRlhyTk5OTmdUWDRySVBTc3JzalRCdVRNRkhyQ2p1RTFBZTFVZ3JOQUk5K1dZZFlFWHM1UgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==';
const NODE_CERT =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ3akNDQVdlZ0F3SUJBZ0lVYUE2RWZTY2NIbjBKU1B1KzZpRk5qcXAvVEY4d0NnWUlLb1pJemowRUF3SXcKTmpFVk1CTUdBMVVFQ2d3TWMzbHpkR1Z0T201dlpHVnpNUjB3R3dZRFZRUUREQlJ6ZVhOMFpXMDZibTlrWlRwMwpiM0pyWlhJdE1UQWVGdzB5TmpFeE1qVXdPVE16TXpsYUZ3MHpOakV4TWpJd09UTXpNemxhTURZeEZUQVRCZ05WCkJBb01ESE41YzNSbGJUcHViMlJsY3pFZE1Cc0dBMVVFQXd3VWMzbHpkR1Z0T201dlpHVTZkMjl5YTJWeUxURXcKV1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPUFFNQkJ3TkNBQVE0cnpZbnFjSXl0ZEtIazE4ZVk1TnZKQ3UwalBRSQpDODIrUXFScmRubHVIVnlQNGRPWkpCU0JYMmFya2dCR0hselV1ckg1V3BuMjdPdVpKeFh5Smo1Qm8xTXdVVEFkCkJnTlZIUTRFRmdRVTREd1Y1NkNVM1FhWnZ0d2hCaXlRTlRjNXVGZ3dId1lEVlIwakJCZ3dGb0FVNER3VjU2Q1UKM1FhWnZ0d2hCaXlRTlRjNXVGZ3dEd1lEVlIwVEFRSC9CQVV3QXdFQi96QUtCZ2dxaGtqT1BRUURBZ05KQURCRwpBaUVBdzRueFFHRXZqVTZvTGwyZDNtK3oxd0xDcm84MWlaZWc4dUxPMFhVVDhXUUNJUURta05HNC9HUWxqMGx5CmRoN1ZoanFSOFAwWkplUGg2Q3VpWFZPbmQ1UUhuZz09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const NODE_KEY =
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ3ozc05tYmtubDMwZlhzREQKYkxGWlRKTW41SnJxclNwdUdxVWRlVnVGZGd5aFJBTkNBQVE0cnpZbnFjSXl0ZEtIazE4ZVk1TnZKQ3UwalBRSQpDODIrUXFScmRubHVIVnlQNGRPWkpCU0JYMmFya2dCR0hselV1ckg1V3BuMjdPdVpKeFh5Smo1QgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==';
const DEV_CERT =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJxRENDQVUyZ0F3SUJBZ0lVZjBXWlF5Mk1xRnU1c2dSdjNUYTlPNFJLSGNrd0NnWUlLb1pJemowRUF3SXcKS1RFWU1CWUdBMVVFQ2d3UFlXTnRaVHBrWlhabGJHOXdaWEp6TVEwd0N3WURWUVFEREFScVlXNWxNQjRYRFRJMgpNVEV5TlRBNU16TXpPVm9YRFRNMk1URXlNakE1TXpNek9Wb3dLVEVZTUJZR0ExVUVDZ3dQWVdOdFpUcGtaWFpsCmJHOXdaWEp6TVEwd0N3WURWUVFEREFScVlXNWxNRmt3RXdZSEtvWkl6ajBDQVFZSUtvWkl6ajBEQVFjRFFnQUUKdzg0ZkRtbVNqRllkVWN0QnFxcUp1VHpKUWNxYWIxOXpCNUR3U1ZOTGRlTzhGZ1U0OFdlODNPd1BPQzdFZUtpTwpCZjZya2hYNkxnelp2OHIzSFNDaUo2TlRNRkV3SFFZRFZSME9CQllFRkc1R2NyMjM0bWswNFd6cmgzOEZIYWluCkJoNDhNQjhHQTFVZEl3UVlNQmFBRkc1R2NyMjM0bWswNFd6cmgzOEZIYWluQmg0OE1BOEdBMVVkRXdFQi93UUYKTUFNQkFmOHdDZ1lJS29aSXpqMEVBd0lEU1FBd1JnSWhBUGJuanhPdzFWajNlbllGTEZyRTJGR3NSUzlQeWY4eQpOUHNuVzYxQldxdU5BaUVBcnJSTW1Nd3FOOUlsN3hWUjBXOFRQYzRtSzR0Y1J6N2pZeGtNcmtENFNiRT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const DEV_KEY =
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ1MxdjJzYy95azV6VFFiRHkKQXl5TXc2Wkg2WFlCazhZSzZQaG1GdFVsZVhpaFJBTkNBQVREemg4T2FaS01WaDFSeTBHcXFvbTVQTWxCeXBwdgpYM01Ia1BCSlUwdDE0N3dXQlRqeFo3emM3QTg0THNSNHFJNEYvcXVTRmZvdURObS95dmNkSUtJbgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==';
const DEPLOYER_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6Ikc5Nk9yLW9yZ0pwUXZOT3hmcnpnRmJqQWoyaXJCdlVzeTM4VDkxajEyZ0UifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJjaSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJkZXBsb3llci10b2tlbi03eGsycCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50Lm5hbWUiOiJkZXBsb3llciIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50LnVpZCI6ImFjNDgwYzhlLWViODEtNDEwMy1iOGZmLTMxODVhMDBlYzEzOCIsInN1YiI6InN5c3RlbTpzZXJ2aWNlYWNjb3VudDpjaTpkZXBsb3llciJ9.ilBRtuoXviIhwThQkReIx6xS-xt3e2i8VwxdQfole0pMM1AlBLf6pL7nRuKEnmNAkozvKphyDyTyO-XycWYSXNRejq4DhvT7MXmN00ANrWM0i4CulWoHlp0fnrHRDdi_hl53OmGRX2uqSitVl6n80Ukh4kV_4-tOZ-O2d1fetGDh9y-FBpsuXBQVJIj46GSM-QQtOsssp-DhPNn-ngaaaBk4DXAQrbqYfCS6HnjP95ks0xOTZ6OiXfjrvx-OFtWZBBA5JJRxgh512c1Yx7USUktTZXnH2rt7eo7HANv0gmAsNQ84H9QGkgJphTikT47fGqkfAaPxVmtXRIp6dLcKGA';
const DEPLOYER_TOKEN_B64 =
  'ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklrYzVOazl5TFc5eVowcHdVWFpPVDNobWNucG5SbUpxUVdveWFYSkNkbFZ6ZVRNNFZEa3hhakV5WjBVaWZRLmV5SnBjM01pT2lKcmRXSmxjbTVsZEdWekwzTmxjblpwWTJWaFkyTnZkVzUwSWl3aWEzVmlaWEp1WlhSbGN5NXBieTl6WlhKMmFXTmxZV05qYjNWdWRDOXVZVzFsYzNCaFkyVWlPaUpqYVNJc0ltdDFZbVZ5Ym1WMFpYTXVhVzh2YzJWeWRtbGpaV0ZqWTI5MWJuUXZjMlZqY21WMExtNWhiV1VpT2lKa1pYQnNiM2xsY2kxMGIydGxiaTAzZUdzeWNDSXNJbXQxWW1WeWJtVjBaWE11YVc4dmMyVnlkbWxqWldGalkyOTFiblF2YzJWeWRtbGpaUzFoWTJOdmRXNTBMbTVoYldVaU9pSmtaWEJzYjNsbGNpSXNJbXQxWW1WeWJtVjBaWE11YVc4dmMyVnlkbWxqWldGalkyOTFiblF2YzJWeWRtbGpaUzFoWTJOdmRXNTBMblZwWkNJNkltRmpORGd3WXpobExXVmlPREV0TkRFd015MWlPR1ptTFRNeE9EVmhNREJsWXpFek9DSXNJbk4xWWlJNkluTjVjM1JsYlRwelpYSjJhV05sWVdOamIzVnVkRHBqYVRwa1pYQnNiM2xsY2lKOS5pbEJSdHVvWHZpSWh3VGhRa1JlSXg2eFMteHQzZTJpOFZ3eGRRZm9sZTBwTU0xQWxCTGY2cEw3blJ1S0VubU5Ba296dktwaHlEeVR5Ty1YeWNXWVNYTlJlanE0RGh2VDdNWG1OMDBBTnJXTTBpNEN1bFdvSGxwMGZuckhSRGRpX2hsNTNPbUdSWDJ1cVNpdFZsNm44MFVraDRrVl80LXRPWi1PMmQxZmV0R0RoOXktRkJwc3VYQlFWSklqNDZHU00tUVF0T3Nzc3AtRGhQTm4tbmdhYWFCazREWEFRcmJxWWZDUzZIbmpQOTVrczB4T1RaNk9pWGZqcnZ4LU9GdFdaQkJBNUpKUnhnaDUxMmMxWXg3VVNVa3RUWlhuSDJydDdlbzdIQU52MGdtQXNOUTg0SDlRR2tnSnBoVGlrVDQ3Zkdxa2ZBYVB4Vm10WFJJcDZkTGNLR0E=';
const ADMIN_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6Ikc5Nk9yLW9yZ0pwUXZOT3hmcnpnRmJqQWoyaXJCdlVzeTM4VDkxajEyZ0UifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJrdWJlcm5ldGVzLWRhc2hib2FyZCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJhZG1pbi11c2VyLXRva2VuLXE4djRkIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQubmFtZSI6ImFkbWluLXVzZXIiLCJrdWJlcm5ldGVzLmlvL3NlcnZpY2VhY2NvdW50L3NlcnZpY2UtYWNjb3VudC51aWQiOiI0Y2U4YWQ3My1hY2M2LTQxMTQtYmNhYy02ODIwMTAyODU2YzciLCJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6a3ViZXJuZXRlcy1kYXNoYm9hcmQ6YWRtaW4tdXNlciJ9.7gZ5Jm70gYCzjs3CrtH-4Np1brjqpVmH3y1vOXEW5mkdEEc8mZ4GFlrRTYTf9ZausR7Y0z_HcPTtCZXm9fDLMbGK6HflolboWV4GIoxUUfbj4P4EmpfpqyHc-Z4J_l6qWpFDWgx2aO4GFWrVNoqMRh8LMcaiuSGmGMXWF1QIxArJ5dXmYd_ne8nqDWnRbgZkHOZATwJM28Oecuo5RcD5wTVMM1IVovaXNTSCpH636l1dUXNnCePGXxznDnbWnoWV6w3Z0htGJwhDUHy_YiBcjw0HqN81bDOUJzPkwWUc4wjnt8Z7y3eFFAQDR0wq7hF_eG322zgi1D1eGTQ2YGYTRQ';

/** `kubernetes.io` base64url-encoded at each of the three byte alignments: every service-account JWT payload has one. */
const K8S_CLAIM_NEEDLES = ['a3ViZXJuZXRlcy5p', 't1YmVybmV0ZXMu', 'rdWJlcm5ldGVzLmlv'];
const KUBECONFIG_FILES = ['clusters:', 'users:', 'contexts:'];
const ADMIN_GROUPS = new Set(['system:masters', 'kubeadm:cluster-admins']);

/** The kubeconfig user a credential belongs to: the `- name:` of the `user:` block around it. */
function kubeconfigUser(nearby: string): string | undefined {
  return /-\s+name:\s*["']?([^\s"']+)["']?\s*\n\s*user:/.exec(nearby)?.[1] ?? /user:[\s\S]*?\n\s*name:\s*["']?([^\s"']+)/.exec(nearby)?.[1];
}

/**
 * The principals a cluster credential acts as, in the form RBAC grants name them (`k8s-sa:<namespace>/<name>`, and
 * `k8s-sa:<name>` for a kubeconfig user named after its service account): what a repository's binding is matched to.
 */
export function kubernetesPrincipals(context: Pick<CredentialContext, 'value' | 'nearby'>): string[] {
  const principals: string[] = [];
  const account = context.value.startsWith('eyJ') ? serviceAccountOf(context.value) : undefined;
  if (account) principals.push(`k8s-sa:${account.namespace}/${account.name}`, `k8s-sa:${account.name}`);
  const user = kubeconfigUser(context.nearby);
  if (user) principals.push(`k8s-sa:${user}`);
  return principals.map((principal) => principal.toLowerCase());
}

/** The service account a token names (`namespace:name`), from its JWT claims; undefined when it does not decode. */
function serviceAccountOf(token: string): { namespace: string; name: string } | undefined {
  const claims = decodeJwt(token)?.payload;
  if (!claims) return undefined;
  const sub = typeof claims.sub === 'string' ? /^system:serviceaccount:([^:]+):(.+)$/.exec(claims.sub) : null;
  if (sub) return { namespace: sub[1]!, name: sub[2]! };
  const nested = claims['kubernetes.io'] as { namespace?: unknown; serviceaccount?: { name?: unknown } } | undefined;
  if (nested && typeof nested.namespace === 'string' && typeof nested.serviceaccount?.name === 'string') return { namespace: nested.namespace, name: nested.serviceaccount.name };
  return undefined;
}

function rateKubeconfigCredential(context: CredentialContext): Rating {
  const user = kubeconfigUser(context.nearby);
  if (user === 'kubernetes-admin' || user === 'kubernetes-super-admin') return { scope: 'root', because: `user ${user} is kubeadm’s cluster administrator` };
  const certificate = /client-certificate-data:\s*["']?([A-Za-z0-9+/=]{40,})/.exec(context.nearby)?.[1];
  if (certificate && context.value !== certificate) {
    const subject = certificateSubject(certificate);
    const admin = subject?.O.find((group) => ADMIN_GROUPS.has(group));
    if (admin) return { scope: 'root', because: `the client certificate’s subject is in group ${admin}, which bypasses RBAC` };
    if (subject && (subject.O.includes('system:nodes') || subject.CN.some((name) => name.startsWith('system:node:') || name === 'system:kube-proxy'))) {
      return { scope: 'scoped', because: `the client certificate is a node or kube-proxy identity (${subject.CN.join(', ')})` };
    }
  }
  if (/(?:^|\/)(?:k3s|rke2)\.ya?ml$|(?:^|\/)(?:super-)?admin\.conf$/.test(context.path)) return { scope: 'root', because: `${context.path} is the cluster’s admin kubeconfig` };
  const account = context.value.startsWith('eyJ') ? serviceAccountOf(context.value) : undefined;
  if (account && /admin/.test(account.name)) return { scope: 'root', because: `the token is service account ${account.namespace}/${account.name}, named as an administrator` };
  const narrow = narrowingWord([user, account?.name]);
  if (narrow) return { scope: 'scoped', because: `the kubeconfig user is named for a ${narrow} identity (${user ?? account?.name})` };
  return { scope: 'root', because: `kubeconfig user ${user ?? 'in this file'} acts with RBAC bindings that are not in the repository, so it is rated the broad kind` };
}

function plausibleKubeconfigCredential(value: string): boolean {
  if (value.startsWith('LS0tLS1CRUdJTi')) {
    const pem = decodeBase64Text(value);
    return pem !== undefined && /PRIVATE KEY-----/.test(pem) && pem.replace(/-----[A-Z ]+-----|\s/g, '').length >= 64;
  }
  return !isPlaceholder(value) && value.length >= 16 && looksRandom(value, 16, 3.0);
}

const KUBECONFIG = (user: string, credential: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${CA_CERT}`,
    '    server: https://10.20.0.10:6443',
    '  name: production',
    'contexts:',
    '- context:',
    '    cluster: production',
    `    user: ${user}`,
    `  name: ${user}@production`,
    `current-context: ${user}@production`,
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    credential,
    '',
  ].join('\n');

export const kubernetesKubeconfigCredential: CredentialKind = {
  id: 'kubernetes-kubeconfig-credential',
  provider: 'kubernetes',
  title: 'Kubernetes kubeconfig credential',
  valuePatterns: [
    { regex: /client-key-data:[ \t]*["']?(LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,})/g, keywords: ['client-key-data'] },
    { regex: /^[ \t]+(?:token|id-token|refresh-token|password):[ \t]*["']?([^\s"'#]{16,})/gm, keywords: ['token:', 'password:'], requires: KUBECONFIG_FILES },
  ],
  // Terraform's kubernetes provider (and the helm provider's `kubernetes` block) take the same user credentials.
  contextPatterns: [
    { variable: /^kubernetes\.(?:token|password)$/, value: /^[^\s"'$]{16,}$/, keywords: ['kubernetes'] },
    { variable: /^(?:token|password)$/, section: /^kubernetes$/, value: /^[^\s"'$]{16,}$/, keywords: ['token', 'password'], requires: ['provider "helm"'] },
  ],
  plausible: plausibleKubeconfigCredential,
  rate: rateKubeconfigCredential,
  reach: 'acts on the cluster as the kubeconfig user; an admin (system:masters) can delete every namespace, workload, volume and secret, and RBAC cannot stop it',
  narrower: 'use short-lived credentials from an exec plugin (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) or a service account bound to one namespace with only the verbs the job needs',
  reference: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
  samples: {
    positive: [
      sample('ops/kubeconfig.yaml', KUBECONFIG('kubernetes-admin', `    client-certificate-data: ${ADMIN_CERT}\n    client-key-data: ${ADMIN_KEY}`), { expect: { line: 19 } }),
      sample('.gitlab-ci.yml', `deploy:\n  stage: deploy\n  image: bitnami/kubectl:1.31\n  variables:\n    KUBECONFIG_CONTENT: |\n      apiVersion: v1\n      kind: Config\n      clusters:\n      - cluster:\n          server: https://k8s.acme.io:6443\n        name: prod\n      contexts:\n      - context: {cluster: prod, user: ci}\n        name: prod\n      current-context: prod\n      users:\n      - name: ci\n        user:\n          token: ${DEPLOYER_TOKEN}\n  script:\n    - echo "$KUBECONFIG_CONTENT" > kubeconfig && kubectl --kubeconfig kubeconfig apply -f k8s/\n`, { expect: { line: 19 } }),
      sample('ops/staging.kubeconfig', KUBECONFIG('default', `    client-certificate-data: ${DEV_CERT.slice(0, 300)}\n    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: 'truncated certificate: not decodable, must not crash' }),
      sample('infra/providers.tf', 'provider "kubernetes" {\n  host  = "https://k8s.acme.io:6443"\n  token = "4bh0mr0zzm2t6hw5lvveyawm85f4r8hq498vluvaly4mtlf101bt2j10r8s3bc6n"\n}\n', { expect: { line: 3 }, note: "Terraform's kubernetes provider" }),
      sample('infra/providers.tf', 'provider "helm" {\n  kubernetes {\n    host  = "https://k8s.acme.io:6443"\n    token = "4bh0mr0zzm2t6hw5lvveyawm85f4r8hq498vluvaly4mtlf101bt2j10r8s3bc6n"\n  }\n}\n', { expect: { line: 4 }, note: "the helm provider's kubernetes block" }),
    ],
    negative: [
      sample('ops/kubeconfig-eks.yaml', 'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://4A2B6C8D0E1F.gr7.eu-west-1.eks.amazonaws.com\n  name: prod\ncontexts:\n- context: {cluster: prod, user: eks}\n  name: prod\ncurrent-context: prod\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n', { note: 'exec plugin: no secret in the file' }),
      sample('docs/kubeconfig.md', 'users:\n- name: ci\n  user:\n    token: <service-account-token>\nclusters:\n- name: prod\ncontexts:\n- name: prod\n'),
      sample('charts/app/values.yaml', 'auth:\n  token: Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n  users: []\n', { note: 'not a kubeconfig' }),
      sample('infra/providers.tf', 'provider "kubernetes" {\n  host                   = module.eks.cluster_endpoint\n  cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)\n  token                  = data.aws_eks_cluster_auth.this.token\n}\n', { note: 'a token fetched at plan time' }),
    ],
  },
  scopeSamples: {
    positive: [
      sample('ops/kubeconfig.yaml', KUBECONFIG('ops', `    client-certificate-data: ${ADMIN_CERT}\n    client-key-data: ${ADMIN_KEY}`), { expect: { line: 19 }, note: 'decoded certificate subject O=system:masters' }),
      sample('ops/dev.kubeconfig', KUBECONFIG('jane', `    client-certificate-data: ${DEV_CERT}\n    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: 'ordinary user: RBAC unknown, fail closed' }),
      sample('ops/staging.kubeconfig', KUBECONFIG('default', `    client-certificate-data: ${DEV_CERT.slice(0, 300)}\n    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: 'truncated certificate: fail closed' }),
      sample('etc/rancher/k3s/k3s.yaml', KUBECONFIG('default', `    client-certificate-data: ${DEV_CERT}\n    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: 'k3s admin kubeconfig' }),
      {
        files: { 'ops/kubeconfig-ci.yaml': KUBECONFIG('ci-deployer', `    token: ${DEPLOYER_TOKEN}`), 'cluster/ci-rbac.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci-deployer-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n' },
        expect: { path: 'ops/kubeconfig-ci.yaml', line: 18 },
        note: "a deployer's token whose service account the repository binds to cluster-admin",
      },
    ],
    negative: [
      sample('nodes/worker-1.kubeconfig', KUBECONFIG('system:node:worker-1', `    client-certificate-data: ${NODE_CERT}\n    client-key-data: ${NODE_KEY}`), { note: 'kubelet identity' }),
      sample('ops/kubeconfig-ci.yaml', KUBECONFIG('ci-deployer', `    token: ${DEPLOYER_TOKEN}`), { note: 'a deployer named as one, bound to nothing the repository shows' }),
    ],
  },
};

function rateServiceAccountToken(context: CredentialContext): Rating {
  const token = context.value.startsWith('eyJ') ? context.value : (decodeBase64Text(context.value) ?? '');
  const account = serviceAccountOf(token);
  if (!account) return { scope: 'scoped', because: 'a service-account token acts with the bindings of its one account' };
  if (/admin/.test(account.name)) return { scope: 'root', because: `service account ${account.namespace}/${account.name} is named as an administrator (commonly bound to cluster-admin)` };
  return { scope: 'scoped', because: `service account ${account.namespace}/${account.name} acts with its own RBAC bindings` };
}

function plausibleServiceAccountToken(value: string): boolean {
  const token = value.startsWith('eyJ') ? value : decodeBase64Text(value);
  if (!token) return false;
  const decoded = decodeJwt(token.trim());
  if (!decoded || !serviceAccountOf(token.trim())) return false;
  const exp = decoded.payload.exp;
  return !(typeof exp === 'number' && exp * 1000 < Date.now());
}

export const kubernetesServiceAccountToken: CredentialKind = {
  id: 'kubernetes-service-account-token',
  provider: 'kubernetes',
  title: 'Kubernetes service-account token',
  valuePatterns: [
    {
      // Bounded payload runs keep a long base64 string without a signature from costing quadratic time.
      regex: new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{0,3000}?(?:${K8S_CLAIM_NEEDLES.join('|')})[A-Za-z0-9_-]{0,3000}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])`, 'g'),
      keywords: K8S_CLAIM_NEEDLES,
    },
    // `data.token` of a service-account-token Secret: base64 of the JWT (`ZXlK` is base64 of `eyJ`).
    { regex: /^[ \t]+token:[ \t]*["']?(ZXlK[A-Za-z0-9+/]{100,}={0,2})/gm, keywords: ['token:'], requires: ['kubernetes.io/service-account-token'] },
  ],
  plausible: plausibleServiceAccountToken,
  rate: rateServiceAccountToken,
  reach: 'acts on the cluster as the service account; one bound to cluster-admin (the dashboard’s admin-user, CI deployers) can delete every namespace and read every secret',
  narrower: 'mint short-lived tokens with `kubectl create token` or projected volumes, for an account bound to one namespace with only the verbs it needs',
  reference: 'https://kubernetes.io/docs/concepts/security/service-accounts/',
  samples: {
    positive: [
      sample('infra/k8s.tf', `provider "kubernetes" {\n  host                   = "https://k8s.acme.io:6443"\n  token                  = "${DEPLOYER_TOKEN}"\n  cluster_ca_certificate = file("ca.crt")\n}\n`, { expect: { line: 3 } }),
      sample('k8s/deployer-token.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: deployer-token-7xk2p\n  namespace: ci\n  annotations:\n    kubernetes.io/service-account.name: deployer\ntype: kubernetes.io/service-account-token\ndata:\n  namespace: Y2k=\n  token: ${DEPLOYER_TOKEN_B64}\n`, { expect: { line: 11 } }),
    ],
    negative: [
      sample('k8s/deployer-token.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: deployer-token\n  namespace: ci\n  annotations:\n    kubernetes.io/service-account.name: deployer\ntype: kubernetes.io/service-account-token\n', { note: 'the controller fills the token in' }),
      sample('docs/dashboard.md', 'Get a login token with `kubectl -n kubernetes-dashboard create token admin-user` and paste it into the sign-in page.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/dashboard-login.sh', `#!/bin/sh\nTOKEN="${ADMIN_TOKEN}"\ncurl -k -H "Authorization: Bearer $TOKEN" https://k8s.acme.io:6443/api/v1/namespaces\n`, { expect: { line: 2 } })],
    negative: [sample('scripts/deploy.sh', `#!/bin/sh\nkubectl --server https://k8s.acme.io:6443 --token "${DEPLOYER_TOKEN}" apply -f k8s/\n`, { note: 'an ordinary deployer account' })],
  },
};

/** The kubeconfig kind first: a kubeconfig token is rated as the kubeconfig user it belongs to. */
export const KUBERNETES_KINDS: readonly CredentialKind[] = [kubernetesKubeconfigCredential, kubernetesServiceAccountToken];
