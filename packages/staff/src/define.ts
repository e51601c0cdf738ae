import { MuniStaffApp } from './app/staff-app.ts';

if (!customElements.get('muni-staff-app')) customElements.define('muni-staff-app', MuniStaffApp);

export { MuniStaffApp };
