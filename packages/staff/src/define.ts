import { MuniStaffConsole } from './staff-console.ts';

if (!customElements.get('muni-staff-console')) customElements.define('muni-staff-console', MuniStaffConsole);

export { MuniStaffConsole };
