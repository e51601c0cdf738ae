export { MuniStaffApp, LANGUAGE_KEY } from './app/staff-app.ts';
export { staffContext } from './app/staff-context.ts';
export type { StaffContext } from './app/staff-context.ts';
export { ROUTES } from './app/routes.ts';
export type { StaffRoute } from './app/routes.ts';
export { StaffSignedInEvent } from './sign-in/sign-in-screen.ts';
