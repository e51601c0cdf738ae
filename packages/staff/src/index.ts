export { MuniStaffConsole } from './staff-console.ts';
export type { StaffSignedInDetail } from './staff-console.ts';
