import { MuniRequestForm } from './request-form.ts';

if (!customElements.get('muni-request-form')) customElements.define('muni-request-form', MuniRequestForm);

export { MuniRequestForm };
