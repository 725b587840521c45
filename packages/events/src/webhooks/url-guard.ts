import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { ValidationError, type Message } from "@arbetsliv/core";

/** What a webhook URL may point at (one per process: `webhookTargetPolicy()` in target-policy.ts). */
export interface TargetPolicy {
  /** http:// allowed (development and tests); otherwise https only. */
  allowHttp: boolean;
  /** Loopback and private networks allowed (development and tests by default; never in production unless set). */
  allowPrivateTargets: boolean;
}

export const MAX_URL_LENGTH = 2048;

/** Addresses a webhook must never reach from inside the platform's network (SSRF guard). */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", incl. the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True if the address is one a webhook must not target (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true; // not an address at all: refuse
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * Checks a webhook URL as registered: a well-formed https URL (http only when allowed), no
 * credentials in it, and — unless private targets are allowed — a host that is not, and does not
 * resolve to, a loopback, private, link-local, CGNAT or other internal address.
 */
export async function checkWebhookUrl(raw: string, policy: TargetPolicy, field = "input.url"): Promise<URL> {
  if (raw.length > MAX_URL_LENGTH)
    throw new ValidationError(field, "length", {
      en: `must be at most ${MAX_URL_LENGTH} characters`,
      sv: `får vara högst ${MAX_URL_LENGTH} tecken`,
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError(field, "url", { en: "is not an absolute URL", sv: "är ingen absolut URL" });
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowHttp)) {
    const scheme = url.protocol.replace(":", "");
    throw new ValidationError(field, "https", {
      en: `must use https (was ${scheme})`,
      sv: `måste använda https (var ${scheme})`,
    });
  }
  if (url.username || url.password)
    throw new ValidationError(field, "credentials", {
      en: "must not contain a user name or password",
      sv: "får inte innehålla användarnamn eller lösenord",
    });
  if (url.hash)
    throw new ValidationError(field, "fragment", {
      en: "must not contain a #fragment",
      sv: "får inte innehålla ett #fragment",
    });
  if (policy.allowPrivateTargets) return url;
  const host = hostOf(url);
  if (isIP(host)) {
    if (isPrivateAddress(host))
      throw privateTarget(field, {
        en: `${host} is a loopback, private or link-local address`,
        sv: `${host} är en loopback-adress, privat adress eller länklokal adress`,
      });
    return url;
  }
  if (host === "localhost" || host.endsWith(".localhost"))
    throw privateTarget(field, { en: `${host} is the local machine`, sv: `${host} är den lokala datorn` });
  let addresses: LookupAddress[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new ValidationError(field, "resolvable", {
      en: `the host ${host} does not resolve`,
      sv: `värden ${host} går inte att slå upp i DNS`,
    });
  }
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  if (inside)
    throw privateTarget(field, {
      en: `the host ${host} resolves to ${inside.address}, a private or loopback address`,
      sv: `värden ${host} pekar på ${inside.address}, en privat adress eller loopback-adress`,
    });
  return url;
}

function privateTarget(field: string, why: Message): ValidationError {
  return new ValidationError(field, "private-target", {
    en: `must not target the platform's own network (${why.en}); WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it, for development only`,
    sv: `får inte peka på plattformens eget nätverk (${why.sv}); WEBHOOK_ALLOW_PRIVATE_TARGETS=true tillåter det, men bara under utveckling`,
  });
}

/** Thrown into a delivery when the connection would go to a refused address. */
export class RefusedTargetError extends Error {
  constructor(readonly address: string) {
    super(`refused target: ${address} is a private or loopback address`);
  }
}

/**
 * A `lookup` for http(s).request that refuses private addresses at connection time: the address
 * checked is the one connected to, so a host that re-resolves to an internal address after
 * registration (DNS rebinding) is refused at delivery.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as LookupAddress[];
    const refused = list.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new RefusedTargetError(refused.address) as NodeJS.ErrnoException, "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};
