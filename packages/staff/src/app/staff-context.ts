// What the shell hands every screen: the signed-in session, the town being worked on, and the client.
// Screens read it with @lit/context's ContextConsumer; they never fetch the session themselves.
import { createContext } from '@lit/context';
import type { ApiClient, LocalisedText, StaffSession } from '@munikit/core';

export interface StaffContext {
  session: StaffSession;
  /** Id of the town the staff member is working on (one of session.towns). */
  town: string;
  /** Display names of the session's towns, by id (the id stands in until they are known). */
  townNames: Record<string, LocalisedText>;
  client: ApiClient;
  /** A screen got a 401: the shell shows sign-in again and comes back here afterwards. */
  sessionExpired(): void;
  /** Client-side navigation to another console URL. */
  navigate(path: string): void;
}

export const staffContext = createContext<StaffContext | undefined>(Symbol('munikit-staff-context'));
