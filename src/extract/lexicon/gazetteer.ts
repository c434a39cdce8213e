/**
 * Gazetteer: countries, their other names, capitals, demonyms and world regions from the world-countries package.
 */
import countries from "world-countries";
import type { LexiconEntry, NameKind } from "./types.ts";

/** A gazetteer entry and the kind of each of its names. */
export interface GazetteerEntry {
  entry: LexiconEntry;
  names: { text: string; kind: NameKind }[];
}

/** Prefixes of official names that the short form drops: "Republic of Turkey" is also "Turkey". */
const OFFICIAL_PREFIX =
  /^(?:(?:Federal|Islamic|Democratic|United|Socialist|People's|Arab|Bolivarian|Plurinational|Cooperative|Oriental)\s+)*(?:Republic|Kingdom|State|Commonwealth|Federation|Principality|Sultanate|Grand Duchy|Emirate)\s+of\s+(?:the\s+)?/;
/** Only names in Latin script are useful for English text. */
const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;

let cached: GazetteerEntry[] | null = null;

/** Every country (independent states as `country`, territories as `location`) and world region, computed once. */
export function gazetteer(): GazetteerEntry[] {
  if (cached) return cached;
  const entries = countries.map(countryEntry);
  dropAmbiguousNames(entries);
  cached = [...entries, ...regionEntries()];
  return cached;
}

function countryEntry(c: (typeof countries)[number]): GazetteerEntry {
  const label = c.name.common;
  const codes = new Set([c.cca2, c.cca3]);
  const names = new Map<string, NameKind>();
  const add = (text: string, kind: NameKind) => {
    if (text.length >= 3 && LATIN.test(text) && !codes.has(text) && !names.has(text)) names.set(text, kind);
  };
  add(label, "name");
  for (const text of [c.name.official, ...c.altSpellings]) {
    add(text, "name");
    add(text.replace(OFFICIAL_PREFIX, ""), "name");
  }
  for (const capital of c.capital ?? []) {
    add(capital, "capital");
    // "Washington D.C." is written "Washington" when it stands for the government.
    add(capital.replace(/,?\s+[A-Z](?:\.[A-Z])+\.?$/, ""), "capital");
  }
  const demonym = c.demonyms?.eng?.m;
  if (demonym) {
    add(demonym, "demonym-adjective");
    // Nationals are named in the plural ("the Ukrainians", "Israelis"); "-ese"/"-ish"/"-ch" demonyms take no -s.
    if (!/(?:ese|ish|ch|ss)$/.test(demonym)) add(`${demonym}s`, "demonym-plural");
  }
  // Kosovo's independence is disputed (the data leaves it unset), yet news names it as a state; territories are false.
  const state = c.independent !== false || c.unMember;
  return {
    entry: {
      id: slug(label),
      label,
      type: state ? "country" : "location",
      subtype: state ? undefined : "territory",
      aliases: [...names.keys()].filter((n) => n !== label),
      origin: "gazetteer",
    },
    names: [...names].map(([text, kind]) => ({ text, kind })),
  };
}

/**
 * A name shared by two states ("Congo", demonym "Congolese") names neither for sure, so it is dropped; a name shared
 * by a state and a territory ("American": United States, American Samoa) goes to the state.
 */
function dropAmbiguousNames(entries: GazetteerEntry[]): void {
  const owners = new Map<string, { states: number; all: number }>();
  for (const e of entries)
    for (const n of e.names) {
      const o = owners.get(n.text) ?? { states: 0, all: 0 };
      o.all++;
      if (e.entry.type === "country") o.states++;
      owners.set(n.text, o);
    }
  const keeps = (e: GazetteerEntry, text: string) => {
    const o = owners.get(text)!;
    return o.all === 1 || text === e.entry.label || (e.entry.type === "country" && o.states === 1);
  };
  for (const e of entries) {
    e.names = e.names.filter((n) => keeps(e, n.text));
    e.entry.aliases = e.entry.aliases.filter((a) => keeps(e, a));
  }
}

function regionEntries(): GazetteerEntry[] {
  const regions = new Set<string>();
  const subregions = new Set<string>();
  for (const c of countries) {
    if (c.region) regions.add(c.region === "Americas" ? "the Americas" : c.region);
    if (c.subregion) subregions.add(c.subregion);
  }
  const make = (label: string, subtype: string): GazetteerEntry => ({
    entry: { id: slug(label), label, type: "location", subtype, aliases: [], origin: "gazetteer" },
    names: [{ text: label, kind: "name" }],
  });
  return [...[...regions].map((r) => make(r, "continent")), ...[...subregions].map((r) => make(r, "region"))];
}

/** A URL-safe id from a label: "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan". */
export function slug(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "entity"
  );
}
