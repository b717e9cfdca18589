import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PERMISSION_IDS,
  PRESETS,
  builtInEquivalent,
  matchingPreset,
  type BuiltInPermissionId,
} from '../../../src/shared/domain/permissions';
import { assessPermissionIds, gradeRisk } from '../../../src/shared/domain/risk';

describe('risk grading', () => {
  const table: [BuiltInPermissionId[], 'low' | 'medium' | 'high'][] = [
    [[], 'low'],
    [['posts', 'mediaVault', 'scheduledQueue'], 'low'],
    [['creatorDashboard', 'earningsStatistics', 'trackingLinks', 'referrals'], 'low'],
    [['messages'], 'medium'],
    [['massMessages', 'lists'], 'medium'],
    [['walletBalance'], 'medium'],
    [['settings'], 'medium'],
    [['profile'], 'medium'],
    [['messages', 'walletBalance'], 'high'],
    [['messages', 'settings'], 'high'],
    [['walletBalance', 'settings'], 'high'],
    [['messages', 'walletBalance', 'settings'], 'high'],
    [
      [
        'posts',
        'mediaVault',
        'scheduledQueue',
        'lists',
        'notifications',
        'creatorDashboard',
        'earningsStatistics',
        'trackingLinks',
      ],
      'medium',
    ],
  ];
  it.each(table)('%j is %s', (permissions, grade) => {
    expect(gradeRisk(permissions).grade).toBe(grade);
  });

  it('grades the presets', () => {
    expect(gradeRisk(PRESETS.contentEditor).grade).toBe('low');
    expect(gradeRisk(PRESETS.analyticsReadOnly).grade).toBe('low');
    expect(gradeRisk(PRESETS.messaging).grade).toBe('medium');
    expect(gradeRisk(PRESETS.fullManager)).toEqual({
      grade: 'high',
      reasons: ['speaksForYou', 'money', 'accountSettings', 'publicIdentity', 'broadAccess'],
    });
  });

  it('an unknown gateway permission is never graded low', () => {
    expect(assessPermissionIds(['posts', 'x-special'])).toEqual({
      grade: 'medium',
      reasons: ['unknownPermission'],
    });
  });

  it('maps gateway ids and labels to the built-in meaning', () => {
    expect(builtInEquivalent({ id: 'wallet' })).toBe('walletBalance');
    expect(builtInEquivalent({ id: 'p7', label: 'Scheduled post queue' })).toBe('scheduledQueue');
    expect(builtInEquivalent({ id: 'p8', label: 'Something else' })).toBeNull();
    expect(
      assessPermissionIds(
        ['m', 'w'],
        [
          { id: 'm', label: 'Messages' },
          { id: 'w', label: 'Wallet balance' },
        ],
      ).grade,
    ).toBe('high');
  });

  it('recognises a preset only for its exact set', () => {
    expect(matchingPreset([...PRESETS.messaging].reverse())).toBe('messaging');
    expect(matchingPreset(['posts'])).toBeNull();
    expect(matchingPreset([...BUILT_IN_PERMISSION_IDS])).toBe('fullManager');
  });
});
