import { api } from '../../api/client';

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** operators must sign in with two factors */
  required: boolean;
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
}

/** Two-factor sign-in of the signed-in account (TOTP from an authenticator app, recovery codes). */
export const twoFactorApi = {
  status: () => api.get<TwoFactorStatus>('/api/auth/two-factor'),
  setUp: () => api.post<TwoFactorEnrolment>('/api/auth/two-factor/setup', {}),
  enable: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/two-factor/enable', { code }),
  disable: (password: string) => api.post<void>('/api/auth/two-factor/disable', { password }),
  renewRecoveryCodes: (password: string) =>
    api.post<{ recoveryCodes: string[] }>('/api/auth/two-factor/recovery-codes', { password }),
};
