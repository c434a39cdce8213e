/**
 * Host resolution for a fetch: every address of a URL's host, each checked against the address policy, so the
 * connection can be made to an address that was checked (not to whatever a second DNS answer says).
 */
import { isIP } from "node:net";
import { refusedAddressReason } from "./addressPolicy.ts";
import { FetchError } from "./fetchError.ts";
import type { FetchOptions, ResolvedAddress } from "./fetchOptions.ts";

const PRIVATE_HINT =
  "private and local addresses are not fetched; allow them only on a trusted network (kg ingest --allow-private, kg serve --allow-private-fetch)";

/**
 * The address to connect to for `url`: its host resolved (an IP literal as is), and every address it resolves to
 * checked unless private addresses are allowed — one bad address refuses the host, since which one a connection
 * would use is up to the resolver. `requested` is the URL the caller asked for, for the error message.
 */
export async function resolveChecked(
  url: URL,
  requested: string,
  options: Pick<FetchOptions, "allowPrivate" | "resolve">,
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupHost(host, requested, options);
  if (!options.allowPrivate)
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason === null) continue;
      const via = address === host ? `${host} is` : `${host} resolves to ${address},`;
      throw new FetchError("blocked_address", requested, `${via} ${reason}; ${PRIVATE_HINT}`);
    }
  return addresses[0];
}

async function lookupHost(
  host: string,
  requested: string,
  options: Pick<FetchOptions, "resolve">,
): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await options.resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new FetchError("dns", requested, `cannot resolve the host ${host} (${code}); check the address`);
  }
  if (addresses.length === 0)
    throw new FetchError("dns", requested, `the host ${host} has no address; check the address`);
  return addresses;
}
