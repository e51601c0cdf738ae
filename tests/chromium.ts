// The one Chromium set-up for every browser suite (components and end to end): the system browser
// (no test tool may download one) with the flags this machine's closed network needs.
export const chromiumPath = (): string => process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
