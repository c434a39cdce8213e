/**
 * Attribute cache: the entity and relation attributes a path worker was sent, read like the graph's own.
 */
import type { EntityAttributes, RelationAttributes } from "../../model/types.ts";
import type { AttributeSource } from "../../paths/index.ts";

/** The attributes sent so far for one index, by entity id and relation index position. */
export class AttributeCache implements AttributeSource {
  readonly nodes = new Map<string, EntityAttributes>();
  readonly edges = new Map<number, RelationAttributes>();

  /** Entries held. */
  get size(): number {
    return this.nodes.size + this.edges.size;
  }

  getNodeAttributes(id: string): EntityAttributes {
    const attributes = this.nodes.get(id);
    if (!attributes) throw new Error(`path worker: no attributes for entity "${id}"; ask the pool for them first`);
    return attributes;
  }

  edgeAttributesAt(e: number): RelationAttributes {
    const attributes = this.edges.get(e);
    if (!attributes) throw new Error(`path worker: no attributes for relation ${e}; ask the pool for them first`);
    return attributes;
  }
}
