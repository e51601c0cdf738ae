import { MuniRequestStatus } from './request-status.ts';

if (!customElements.get('muni-request-status')) customElements.define('muni-request-status', MuniRequestStatus);

export { MuniRequestStatus };
