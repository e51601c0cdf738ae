export * from './api-types.ts';
export * from './api-client.ts';
export * from './town.ts';
export * from './i18n.ts';
export * from './tokens.ts';
export * from './muni-element.ts';
export * from './reference.ts';
export * from './define.ts';
