// Every message a person sees, in English and French: the request's ?lang= or Accept-Language decides.
import type { Context } from 'hono';
import { errorLang } from '../platform/http/validation-messages.ts';

export const say = (c: Context, en: string, fr: string): string => (errorLang(c) === 'fr' ? fr : en);
