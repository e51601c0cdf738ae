import { defineElement } from '@munikit/core';
import { MuniStaffApp } from './app/staff-app.ts';

defineElement('muni-staff-app', MuniStaffApp);

export { MuniStaffApp };
