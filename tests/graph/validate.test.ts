import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/store/load.ts";
import { DataError, type DataIssue } from "../../src/store/issues.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { makeTempData, SEED_RELATIONS, type TempData } from "../helpers/tempData.ts";

let data: TempData;
beforeEach(() => {
  data = makeTempData();
});
afterEach(() => data.remove());

function validate(): DataIssue[] {
  return validateDataset(loadDataset(data.root));
}

/** Replaces the first occurrence of `from` in the seed's relations file. */
function editRelations(from: string, to: string): void {
  data.edit(SEED_RELATIONS, (text) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  });
}

describe("validateDataset", () => {
  it("accepts the repository's graph-data", () => {
    expect(validate()).toEqual([]);
  });

  it("rejects a quote that is not at its offsets and says where it really is", () => {
    editRelations("start: 183\n        end: 224", "start: 184\n        end: 225");
    const [issue, ...rest] = validate();
    expect(rest).toEqual([]);
    expect(issue.record).toBe("podolyak-negotiates-for-ukraine");
    expect(issue.file).toMatch(/relations\/000_fd914f920b6354d3\.yaml$/);
    expect(issue.line).toBeGreaterThan(0);
    expect(issue.message).toContain("quote is not at [184, 225)");
    expect(issue.message).toContain("start: 183, end: 224");
  });

  it("rejects a quote that does not occur in the document", () => {
    editRelations(
      "quote: Mykhailo Podolyak, Kyiv’s lead negotiator",
      "quote: Mykhailo Podolyak, Kiev's lead negotiator",
    );
    expect(validate().map((i) => i.message)).toEqual([expect.stringContaining("quote not found")]);
  });

  it("rejects an unknown predicate and lists the known ones", () => {
    editRelations("predicate: negotiates_for", "predicate: negotiates_on_behalf_of");
    const issues = validate();
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/unknown predicate "negotiates_on_behalf_of"; use one of .*negotiates_for/);
  });

  it("rejects a dangling reference and suggests the closest entity", () => {
    editRelations("subject: mykhailo-podolyak", "subject: podolyak");
    const issues = validate();
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('subject "podolyak" is not an entity; did you mean "mykhailo-podolyak"?');
  });

  it("rejects a subject outside the predicate's domain", () => {
    // negotiates_for needs a person/organization/group subject; a country is not allowed.
    editRelations(
      "subject: mykhailo-podolyak\n    predicate: negotiates_for\n    object: ukraine",
      "subject: russia\n    predicate: negotiates_for\n    object: ukraine",
    );
    const issues = validate();
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain(
      '"negotiates_for" needs a subject of type person|organization|group, but "russia" is a country',
    );
  });

  it("rejects an object outside the predicate's range", () => {
    editRelations("predicate: negotiates_for\n    object: ukraine", "predicate: negotiates_for\n    object: crimea");
    expect(validate()[0].message).toContain(
      'needs an object of type country|organization|group, but "crimea" is a location',
    );
  });

  it("rejects a verb-phrase label on a curated relation that is not open", () => {
    editRelations("    predicate: negotiates_for\n", "    predicate: negotiates_for\n    label: speaks for\n");
    expect(validate()).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/only an open relation \(predicate related_to\)/) }),
    ]);
  });

  it("rejects duplicate relation ids", () => {
    editRelations("id: podolyak-negotiates-with-russia", "id: podolyak-negotiates-for-ukraine");
    expect(validate()[0].message).toContain('duplicate relation id "podolyak-negotiates-for-ukraine"');
  });
});

describe("loadDataset", () => {
  it("reports schema errors with the file and line of the bad field", () => {
    editRelations("confidence: 0.97", "confidence: 1.5");
    let error: unknown;
    try {
      loadDataset(data.root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const [issue] = (error as DataError).issues;
    expect(issue.message).toContain("relations.0.confidence");
    const lines = data.read(SEED_RELATIONS).split("\n");
    expect(lines[issue.line! - 1]).toContain("1.5");
  });

  it("reports YAML syntax errors with a line number", () => {
    data.write("entities.yaml", "entities:\n  - id: a\n   label: [broken\n");
    expect(() => loadDataset(data.root)).toThrow(/entities\.yaml:\d+: YAML syntax error/);
  });

  it("rejects an entity type outside the closed set", () => {
    data.edit("entities.yaml", (t) => t.replace("type: person", "type: politician"));
    expect(() => loadDataset(data.root)).toThrow(/entities\.0\.type/);
  });
});
