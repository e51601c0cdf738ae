// Where a webhook may post (SSRF protection). A town admin types the URL, so it must not reach the
// server's own network: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
// unique-local IPv6, and IPv4 hidden in IPv6 (mapped, NAT64, 6to4). Checked when the webhook is made
// (the literal host, and its DNS answer when there is one) and again at every delivery, on the
// addresses DNS gives then: the connection uses exactly the address that was checked (node:http's
// `lookup` hook answers with it), so a name cannot resolve to a public address for the check and to
// an internal one for the connection (DNS rebinding).
//
// WEBHOOK_ALLOW_PRIVATE=1 (tests, a town running MuniKit next to its work-order system) allows
// private and loopback addresses and plain http://; the metadata address, unspecified, multicast and
// reserved addresses stay refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export type WebhookUrlProblem = 'not_a_url' | 'scheme' | 'credentials' | 'not_https' | 'internal_address';

export interface TargetPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: private/loopback addresses and plain http:// are allowed. */
  allowPrivate: boolean;
}

/** Resolves a host name to all its addresses (dns.lookup by default; tests give their own). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

const subnets = (list: string[]) => {
  const b = new BlockList();
  for (const s of list) {
    const [net, bits] = s.split('/') as [string, string];
    b.addSubnet(net, Number(bits), isIP(net) === 6 ? 'ipv6' : 'ipv4');
  }
  return b;
};

/** Refused whatever the setting. */
const NEVER = subnets([
  '0.0.0.0/8', // "this network": 0.0.0.0 reaches the local host
  '169.254.169.254/32', // cloud metadata (AWS, GCP, Azure, OpenStack)
  '100.100.100.200/32', // Alibaba cloud metadata
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  '::/128',
  'ff00::/8', // multicast
  'fd00:ec2::254/128', // AWS metadata over IPv6
]);

/** Internal networks: refused unless WEBHOOK_ALLOW_PRIVATE. */
const PRIVATE = subnets([
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '::1/128',
  '100::/64', // discard
  '2001::/32', // Teredo
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
]);

/** The 8 16-bit groups of an IPv6 address (with or without an IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let a = address.toLowerCase().replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (tail) {
    const [p, q, r, s] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    a = a.slice(0, -tail[1]!.length) + `${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head, rest] = a.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = rest === undefined ? [] : rest ? rest.split(':') : [];
  const zeros = rest === undefined ? 0 : 8 - h.length - t.length;
  return [...h, ...Array<string>(zeros).fill('0'), ...t].map((g) => parseInt(g, 16));
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0) && (g[6] !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return undefined;
}

/** Why a webhook may not connect to this IP address, or null. */
export function addressProblem(address: string, policy: TargetPolicy): 'internal_address' | null {
  const family = isIP(address);
  if (family === 0) return 'internal_address';
  if (family === 6) {
    const inner = embeddedIPv4(address);
    if (inner) return addressProblem(inner, policy);
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (NEVER.check(address, type)) return 'internal_address';
  if (!policy.allowPrivate && PRIVATE.check(address, type)) return 'internal_address';
  return null;
}

const bareHost = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');
const isLocalName = (host: string) => /(^|\.)localhost\.?$/i.test(host);

/**
 * What is wrong with a webhook URL without looking it up: the scheme (https, or http with
 * WEBHOOK_ALLOW_PRIVATE), credentials in it, an internal IP literal or a localhost name.
 */
export function webhookUrlProblem(raw: string, policy: TargetPolicy): WebhookUrlProblem | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'scheme';
  if (u.protocol === 'http:' && !policy.allowPrivate) return 'not_https';
  if (u.username || u.password) return 'credentials';
  const host = bareHost(u);
  if (isIP(host)) return addressProblem(host, policy);
  if (isLocalName(host) && !policy.allowPrivate) return 'internal_address';
  return null;
}

/**
 * webhookUrlProblem, then the DNS answer for a host name: refused when any address it gives is
 * internal. A name that does not resolve (yet) is accepted; every delivery checks again.
 */
export async function checkWebhookUrl(raw: string, policy: TargetPolicy, resolve: Resolve = systemResolve): Promise<WebhookUrlProblem | null> {
  const problem = webhookUrlProblem(raw, policy);
  if (problem) return problem;
  const host = bareHost(new URL(raw));
  if (isIP(host)) return null;
  const addresses = await withTimeout(resolve(host), 3000).catch(() => []);
  return addresses.some((a) => addressProblem(a.address, policy)) ? 'internal_address' : null;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

export class RefusedTarget extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedTarget';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s).request: resolves once, refuses the connection when any address is
 * internal, and hands the checked addresses to the socket, which connects to them and nothing else.
 */
export function pinnedLookup(policy: TargetPolicy, resolve: Resolve = systemResolve) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        const bad = addresses.find((a) => addressProblem(a.address, policy));
        if (bad) return callback(new RefusedTarget(`refused: ${hostname} resolves to an internal address`), []);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

/** The URL's host when it is an IP literal (node:net connects to it without any lookup). */
export const literalAddress = (u: URL): string | undefined => (isIP(bareHost(u)) ? bareHost(u) : undefined);
