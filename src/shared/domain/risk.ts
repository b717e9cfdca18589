import { builtInEquivalent, type BuiltInPermissionId } from './permissions';

export const RISK_GRADES = ['low', 'medium', 'high'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

/** Why a grade is what it is; the renderer turns each into a sentence. */
export const RISK_REASONS = [
  'speaksForYou',
  'money',
  'accountSettings',
  'publicIdentity',
  'unknownPermission',
  'broadAccess',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface RiskAssessment {
  grade: RiskGrade;
  reasons: RiskReason[];
}

/**
 * The rule, kept small enough to explain on screen:
 *
 * Three kinds of power can hurt a creator most: speaking for them to fans (messages or mass
 * messages), money (wallet balance) and account settings.
 * - **high**: two or more of those three together (so messages + wallet + settings is high),
 *   or all of them across a broad set (Full manager).
 * - **medium**: exactly one of the three; or changing the public profile; or a permission
 *   Doorman cannot name (a gateway-only id: unknown power is never graded low); or broad
 *   access (8 or more permissions) even without the three.
 * - **low**: everything else (content, media, statistics, links, lists, notifications).
 *
 * `permissions` are built-in ids; pass `unknownCount` for gateway ids with no built-in match.
 */
export function gradeRisk(
  permissions: readonly BuiltInPermissionId[],
  unknownCount = 0,
): RiskAssessment {
  const chosen = new Set(permissions);
  const reasons: RiskReason[] = [];
  if (chosen.has('messages') || chosen.has('massMessages')) reasons.push('speaksForYou');
  if (chosen.has('walletBalance')) reasons.push('money');
  if (chosen.has('settings')) reasons.push('accountSettings');
  const powers = reasons.length;
  if (chosen.has('profile')) reasons.push('publicIdentity');
  if (unknownCount > 0) reasons.push('unknownPermission');
  const broad = chosen.size + unknownCount >= 8;
  if (broad) reasons.push('broadAccess');

  let grade: RiskGrade = 'low';
  if (powers >= 2) grade = 'high';
  else if (powers === 1 || chosen.has('profile') || unknownCount > 0 || broad) grade = 'medium';
  return { grade, reasons };
}

/**
 * Grades stored permission ids, which may be the gateway's own: each is mapped to its
 * built-in meaning (by id, or by the label from `catalogue`) and the rest count as unknown.
 */
export function assessPermissionIds(
  ids: readonly string[],
  catalogue: readonly { id: string; label: string }[] = [],
): RiskAssessment {
  const labels = new Map(catalogue.map((p) => [p.id, p.label]));
  const known = new Set<BuiltInPermissionId>();
  let unknown = 0;
  for (const id of new Set(ids)) {
    const match = builtInEquivalent({ id, label: labels.get(id) ?? null });
    if (match) known.add(match);
    else unknown++;
  }
  return gradeRisk([...known], unknown);
}
