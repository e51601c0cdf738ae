export { load } from './munikit.ts';
