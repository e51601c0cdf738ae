import { defineElement } from '@munikit/core';
import { MuniRequestForm } from './request-form.ts';

defineElement('muni-request-form', MuniRequestForm);

export { MuniRequestForm };
