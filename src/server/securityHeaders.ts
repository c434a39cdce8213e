/**
 * Security headers: helmet's configuration for every answer, and the same headers as a fixed list for the hot routes.
 */
import helmet, { type HelmetOptions } from "helmet";

/** What helmet sends with every answer: a Content-Security-Policy that lets the page run only its own code. */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", "blob:"],
      imgSrc: ["'self'", "data:", "blob:"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The page ships its own fonts (or none); helmet's default would also allow any https: host.
      fontSrc: ["'self'", "data:"],
      // Served over plain HTTP on loopback: upgrading requests to HTTPS would break the page.
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: false,
};

/** A header name and its value. */
export type HeaderPair = readonly [name: string, value: string];

/**
 * The headers helmet sets, collected once by running its middleware against a stub response, in the order helmet
 * sets them. Only for configurations without per-request parts (a CSP nonce function would be frozen at its first
 * value): those are refused.
 */
export function helmetHeaders(options: Readonly<HelmetOptions> = HELMET_OPTIONS): HeaderPair[] {
  if (hasPerRequestDirective(options)) {
    throw new Error(
      "securityHeaders: the Content-Security-Policy has a directive computed per request (a function); the hot " +
        "routes send fixed headers, so give every directive fixed values",
    );
  }
  let middleware: ReturnType<typeof helmet>;
  try {
    middleware = helmet(options);
  } catch (error) {
    throw new Error(`securityHeaders: helmet rejected its options: ${(error as Error).message}; fix HELMET_OPTIONS`, {
      cause: error,
    });
  }
  const headers: HeaderPair[] = [];
  const stub = {
    setHeader: (name: string, value: string | number | string[]) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let finished = false;
  let failure: unknown = null;
  middleware({} as never, stub as never, (error?: unknown) => {
    finished = true;
    failure = error ?? null;
  });
  if (failure) throw new Error(`securityHeaders: helmet failed: ${String(failure)}; fix HELMET_OPTIONS`);
  if (!finished) throw new Error("securityHeaders: helmet did not set its headers synchronously; check its version");
  return headers;
}

function hasPerRequestDirective(options: Readonly<HelmetOptions>): boolean {
  const csp = options.contentSecurityPolicy;
  if (typeof csp !== "object" || !csp.directives) return false;
  return Object.values(csp.directives).some(
    (value) => typeof value === "function" || (Array.isArray(value) && value.some((v) => typeof v === "function")),
  );
}
