// The console's calls beyond the request list: users, town settings, audit, my account, and the
// signed-out flows (password reset, invitations). Writes carry the session's CSRF token.
import type { Action, ApiClient, ApiKey, LocalisedText, NewApiKey, AuditEntry, Invitation, Lang, MyAccount, PendingInvitation, Role, StaffSession, TotpChallenge, TownSettings, TownSettingsChange, TownUser } from '@munikit/core';

export type { ApiKey, NewApiKey, AuditEntry, Invitation, MyAccount, PendingInvitation, Role, TownSettings, TownUser };
export const ROLE_ORDER: Role[] = ['admin', 'editor', 'agent', 'viewer'];

/** The session as the console keeps it (the server's role → actions map included). */
export type ConsoleSession = StaffSession;

export interface TotpStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
  hasPassword: boolean;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** data:image/svg+xml URL */
  qrCode: string;
}

export interface SsoSettings {
  configured: boolean;
  enabled: boolean;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  allowedDomains: string[];
  defaultRole: Role;
  redirectUri: string;
}

export type SsoSettingsChange = Omit<SsoSettings, 'configured' | 'clientSecretSet' | 'redirectUri'> & { clientSecret?: string };

export interface SsoProvider {
  town: { id: string; name: LocalisedText };
  name: string;
}

export interface AuditFilter {
  action?: string;
  from?: string;
  to?: string;
}

/** May the session's role in `town` do `action` (from the server's permission map)? */
export function allowed(session: ConsoleSession, town: string, action: Action | 'self'): boolean {
  if (action === 'self') return true;
  const role = session.towns.find((t) => t.id === town)?.role;
  return role ? (session.permissions[role]?.includes(action) ?? false) : false;
}

const enc = encodeURIComponent;

export class StaffApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;

  constructor(client: ApiClient, csrfToken: string) {
    this.client = client;
    this.csrfToken = csrfToken;
  }

  private write<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.client.request<T>(method, this.client.url(path), body, { headers: { 'X-CSRF-Token': this.csrfToken } });
  }

  users(town: string) {
    return this.client.get<{ users: TownUser[]; invitations: PendingInvitation[] }>(`/staff/towns/${enc(town)}/users`);
  }
  invite(town: string, body: { email: string; role: Role; language?: Lang }) {
    return this.write<{ status: 'invited' | 'added'; email: string; expiresAt: string | null }>('POST', `/staff/towns/${enc(town)}/users/invitations`, body);
  }
  changeUser(town: string, userId: string, change: { role?: Role; disabled?: boolean }) {
    return this.write<TownUser>('PATCH', `/staff/towns/${enc(town)}/users/${enc(userId)}`, change);
  }
  removeUser(town: string, userId: string) {
    return this.write<void>('DELETE', `/staff/towns/${enc(town)}/users/${enc(userId)}`);
  }

  settings(town: string) {
    return this.client.get<TownSettings>(`/staff/towns/${enc(town)}/settings`);
  }
  changeSettings(town: string, change: TownSettingsChange) {
    return this.write<TownSettings>('PATCH', `/staff/towns/${enc(town)}/settings`, change);
  }

  audit(town: string, filter: AuditFilter, cursor?: string) {
    return this.client.get<{ entries: AuditEntry[]; nextCursor: string | null }>(`/staff/towns/${enc(town)}/audit`, { ...filter, cursor });
  }
  auditCsvUrl(town: string, filter: AuditFilter): string {
    return this.client.url(`/staff/towns/${enc(town)}/audit/export`, { ...filter });
  }

  apiKeys(town: string) {
    return this.client.get<{ keys: ApiKey[] }>(`/staff/towns/${enc(town)}/api-keys`);
  }
  createApiKey(town: string, name: string) {
    return this.write<NewApiKey>('POST', `/staff/towns/${enc(town)}/api-keys`, { name });
  }
  revokeApiKey(town: string, id: string) {
    return this.write<void>('DELETE', `/staff/towns/${enc(town)}/api-keys/${enc(id)}`);
  }

  me() {
    return this.client.get<MyAccount>('/staff/me');
  }
  changeMe(change: { name?: string; language?: Lang | null }) {
    return this.write<MyAccount>('PATCH', '/staff/me', change);
  }
  changePassword(currentPassword: string, newPassword: string) {
    return this.write<void>('POST', '/staff/me/password', { currentPassword, newPassword });
  }
  signOutEverywhere() {
    return this.write<void>('POST', '/auth/logout-everywhere');
  }

  // Two-factor sign-in (TOTP).
  totpStatus() {
    return this.client.get<TotpStatus>('/auth/totp');
  }
  startTotp() {
    return this.write<TotpEnrolment>('POST', '/auth/totp/enrolment');
  }
  confirmTotp(code: string) {
    return this.write<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code });
  }
  disableTotp(proof: { code?: string; password?: string }) {
    return this.write<void>('POST', '/auth/totp/disable', proof);
  }

  // Single sign-on settings (the client secret is write-only).
  ssoSettings(town: string) {
    return this.client.get<SsoSettings>(`/staff/towns/${enc(town)}/sso`);
  }
  saveSsoSettings(town: string, change: SsoSettingsChange) {
    return this.write<SsoSettings>('PUT', `/staff/towns/${enc(town)}/sso`, change);
  }
}

/** A session, or (when the account has two-factor sign-in) the challenge for the second step. */
export const login = (client: ApiClient, email: string, password: string) => client.post<ConsoleSession | TotpChallenge>('/auth/login', { email, password });
export const currentSession = (client: ApiClient) => client.get<ConsoleSession>('/auth/session');
export const logout = (client: ApiClient, csrfToken: string) => client.post<void>('/auth/logout', undefined, { headers: { 'X-CSRF-Token': csrfToken } });

/** The calls a signed-out person can make from the console (no session, no CSRF token). */
export const signedOutApi = (client: ApiClient) => ({
  requestReset: (email: string) => client.post<{ message: string }>('/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => client.post<void>('/auth/password-reset/confirm', { token, password }),
  inspectInvitation: (token: string) => client.post<Invitation>('/auth/invitations/inspect', { token }),
  ssoProviders: () => client.get<{ providers: SsoProvider[] }>('/auth/sso/providers'),
  startSso: (town: string) => client.post<{ authorizationUrl: string }>('/auth/sso/start', { town }),
  loginTotp: (pendingToken: string, code: string) => client.post<ConsoleSession>('/auth/login/totp', { pendingToken, code }),
  acceptInvitation: (body: { token: string; name: string; password: string; language?: Lang }) =>
    client.post<{ email: string }>('/auth/invitations/accept', body),
});
