/**
 * Address policy: which IP addresses a fetch may connect to — public unicast ones only, unless private addresses
 * are allowed — so that a URL cannot reach the machine itself, the local network or a cloud metadata service.
 */
import ipaddr from "ipaddr.js";

/** Words for ipaddr.js's range names, as an error shows them. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  linkLocal: "a link-local address (e.g. a cloud metadata service)",
  uniqueLocal: "a unique-local IPv6 address (a private network)",
  carrierGradeNat: "a carrier-grade NAT address (a provider's private network)",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

/**
 * Why `address` is not a public unicast address, in words ("a loopback address (this machine)"), or null when it is.
 * An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged by the IPv4 address it carries; anything that is not an
 * IP address at all is refused.
 */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  // Everything but "unicast" is special-purpose (reserved, documentation, NAT64, 6to4, Teredo…): none of it is a
  // news site's address, and several of those ranges embed or translate to private IPv4 addresses.
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** Whether a fetch may connect to `address` without private addresses being allowed. */
export function isPublicAddress(address: string): boolean {
  return refusedAddressReason(address) === null;
}
