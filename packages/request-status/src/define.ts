import { defineElement } from '@munikit/core';
import { MuniRequestStatus } from './request-status.ts';

defineElement('muni-request-status', MuniRequestStatus);

export { MuniRequestStatus };
