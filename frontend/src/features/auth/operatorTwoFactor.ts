import { useEffect, useState } from 'react';
import type { User } from '../../api/types';
import { twoFactorApi } from './twoFactorApi';

/** Whether each operator (by id) has two-factor sign-in on: asked once per operator and page load. */
const enrolled = new Map<string, boolean>();
const listeners = new Set<() => void>();

export function markTwoFactorEnrolled(userId: string, on: boolean) {
  enrolled.set(userId, on);
  listeners.forEach((l) => l());
}

/**
 * For an operator: 'enrolled', 'must-enrol' (operators sign in with two factors and must set it up before anything
 * else) or 'checking'; for everyone else always 'enrolled' (it is optional for them).
 */
export function useOperatorTwoFactor(user: User | null): 'checking' | 'enrolled' | 'must-enrol' {
  const isOperator = user?.role === 'operator';
  const id = user?.id;
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    if (!isOperator || !id || enrolled.has(id)) return;
    twoFactorApi.status().then(
      (s) => markTwoFactorEnrolled(id, s.enabled),
      () => markTwoFactorEnrolled(id, false),
    );
  }, [isOperator, id]);
  if (!isOperator || !id) return 'enrolled';
  const known = enrolled.get(id);
  return known === undefined ? 'checking' : known ? 'enrolled' : 'must-enrol';
}
